package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The axes of the concentration chart: time in the unit of a {@link TimeScale}, and concentration on a linear axis
 * (which dips below zero to make room for the dose strip) or a logarithmic one. Each concentration axis is fitted to
 * the curves and decides which {@link ConcentrationBands} are shown. Not for other charts: the ranges follow the
 * rules stated on {@link ConcentrationChart}.
 */
final class ConcentrationAxes {
    private ConcentrationAxes() {
    }

    /** A band is shown on a linear axis when the highest curve reaches this fraction of the band's lower edge. */
    static final double REACH_FRACTION = 0.6;

    /** The same on a logarithmic axis, where a band above the curves costs little room. */
    static final double LOG_REACH_FRACTION = 0.1;

    /** Most intervals between labelled ticks on a linear concentration axis. */
    static final int MAX_CONCENTRATION_TICKS = 11;

    /** Height of the dose strip on a linear axis, as a fraction of the plot height per lane (plus a margin). */
    private static final double LANE_FRACTION = 0.035;
    private static final double STRIP_MARGIN_FRACTION = 0.012;
    private static final double MAX_STRIP_FRACTION = 0.12;

    /** @return the time axis from 0 to {@code spanH}, in the scale's unit */
    static NumberAxis time(TimeScale scale, double spanH) {
        double span = Math.max(scale.fromHours(spanH), 1e-9);
        NumberAxis axis = new TimeAxis(scale, span);
        axis.setAutoRange(false);
        axis.setRange(0, span);
        axis.setTickUnit(scale.tickUnitFor(span), false, false);
        axis.setMinorTickMarksVisible(true);
        style(axis);
        return axis;
    }

    /**
     * @param dataMax the highest concentration drawn, ng/mL
     * @param lanes dose lanes under the zero line
     * @param shown receives the bands the axis shows
     * @return a linear concentration axis
     */
    static NumberAxis linear(double dataMax, int lanes, List<ConcentrationBands.Band> shown) {
        double upper = dataMax > 0 ? dataMax * 1.08 : 1;
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            if (dataMax >= REACH_FRACTION * b.lowNgPerMl()) {
                shown.add(b);
                // leave at least a visible strip of a band the curves only approach
                upper = Math.max(upper, b.lowNgPerMl() / 0.88);
                // and show the whole band when that costs little room
                if (b.highNgPerMl() <= 1.35 * upper) {
                    upper = Math.max(upper, b.highNgPerMl() * 1.04);
                }
            }
        }
        // many lanes get thinner rather than eat the plot
        double f = STRIP_MARGIN_FRACTION + Math.min(LANE_FRACTION * lanes, MAX_STRIP_FRACTION);
        double lower = -upper * f / (1 - f);
        NumberAxis axis = new NonNegativeTicksAxis("Concentration (ng/mL)");
        axis.setAutoRange(false);
        axis.setRange(lower, upper);
        axis.setTickUnit(concentrationTickUnit(upper), false, true);
        axis.setMinorTickMarksVisible(false);
        style(axis);
        return axis;
    }

    /**
     * @param dataMax the highest concentration drawn, ng/mL
     * @param lowestNgPerMl the lowest concentration of interest ({@link TimeWindow#lowestOfInterestNgPerMl}), ng/mL;
     *        NaN when no curve rises above zero
     * @param shown receives the bands the axis shows
     * @return a logarithmic concentration axis from the power of ten at or below half {@code lowestNgPerMl}, so
     *         that the lowest curve ends clear of the axis (and at least two decades below its top)
     */
    static LogAxis log(double dataMax, double lowestNgPerMl, List<ConcentrationBands.Band> shown) {
        double top = Math.max(dataMax, 1e-3);
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            if (dataMax >= LOG_REACH_FRACTION * b.lowNgPerMl()) {
                shown.add(b);
                top = Math.max(top, b.highNgPerMl());
            }
        }
        double upper = top * 1.4;
        double lowest = lowestNgPerMl > 0 ? lowestNgPerMl : top / 100;
        // a hair below the power of ten, so that LogAxis, which rounds log(lower) up, still labels it
        double lower = Math.min(Math.pow(10, Math.floor(Math.log10(lowest / 2) + 1e-9)), upper / 100) * (1 - 1e-9);
        LogAxis axis = new SpacedLogAxis("Concentration (ng/mL, log scale)");
        axis.setSmallestValue(1e-6);
        axis.setAutoRange(false);
        axis.setRange(lower, upper);
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        axis.setAutoTickUnitSelection(false);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setMinorTickMarksVisible(false);
        style(axis);
        return axis;
    }

    /** Faint lines at 2–9 × each power of ten, so values can be read between the labelled decades. */
    static void addLogMinorGrid(XYPlot plot, double lower, double upper) {
        Stroke s = new BasicStroke(0.8f);
        Color c = new Color(0xEE, 0xEE, 0xEE);
        for (int e = (int) Math.floor(Math.log10(lower)); e <= Math.ceil(Math.log10(upper)); e++) {
            for (int m = 2; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v > lower && v < upper) {
                    plot.addRangeMarker(new ValueMarker(v, c, s), Layer.BACKGROUND);
                }
            }
        }
    }

    /**
     * The smallest round step (1, 2, 2.5, 5 × 10^k) that labels {@code upper} in at most
     * {@value #MAX_CONCENTRATION_TICKS} intervals, formatted with as many decimals as the step needs.
     */
    static NumberTickUnit concentrationTickUnit(double upper) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (int e = -4; e <= 7; e++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double size = m * Math.pow(10, e);
                if (upper / size <= MAX_CONCENTRATION_TICKS) {
                    int decimals = Math.max(0, -e + (m == 2.5 ? 1 : 0));
                    String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
                    return new NumberTickUnit(size, new DecimalFormat(pattern, sym), 1);
                }
            }
        }
        return new NumberTickUnit(upper, new DecimalFormat("0.###E0", sym), 1);
    }

    /** Gives a value axis the charts' fonts, colours, strokes, tick marks and insets. */
    static void style(ValueAxis axis) {
        axis.setLabelFont(ChartStyle.AXIS_LABEL);
        axis.setLabelPaint(ChartStyle.TEXT);
        axis.setTickLabelFont(ChartStyle.TICK_LABEL);
        axis.setTickLabelPaint(ChartStyle.TEXT);
        axis.setAxisLinePaint(ChartStyle.AXIS);
        axis.setAxisLineStroke(new BasicStroke(1.2f));
        axis.setTickMarkPaint(ChartStyle.AXIS);
        axis.setTickMarkStroke(new BasicStroke(1.2f));
        axis.setTickMarkOutsideLength(6);
        axis.setMinorTickMarkOutsideLength(3);
        axis.setLabelInsets(new RectangleInsets(8, 8, 8, 8));
        axis.setTickLabelInsets(new RectangleInsets(3, 6, 3, 6));
    }

    /**
     * A log axis whose tick labels keep clear of the tick marks: JFreeChart 1.5.4 sets the attributed labels of
     * {@link LogAxis} flush against them, whatever the label insets.
     */
    private static final class SpacedLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private static final float GAP_PX = 8;

        SpacedLogAxis(String label) {
            super(label);
        }

        @Override
        protected float[] calculateAnchorPoint(ValueTick tick, double cursor, Rectangle2D dataArea,
                RectangleEdge edge) {
            float[] p = super.calculateAnchorPoint(tick, cursor, dataArea, edge);
            if (edge == RectangleEdge.LEFT) {
                p[0] -= GAP_PX;
            } else if (edge == RectangleEdge.RIGHT) {
                p[0] += GAP_PX;
            }
            return p;
        }
    }

    /**
     * A time axis that takes the {@link TimeScale}'s step, or a coarser one of its steps when the plot is too narrow
     * for the labels to stand apart (a small image, a wide legend).
     */
    private static final class TimeAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        /** Least blank space between two tick labels, px at the layout size. */
        private static final double LABEL_GAP_PX = 14;
        private final TimeScale scale;
        private final double span;

        TimeAxis(TimeScale scale, double span) {
            super(scale.axisLabel());
            this.scale = scale;
            this.span = span;
        }

        @Override
        protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            if (!RectangleEdge.isTopOrBottom(edge)) {
                super.selectAutoTickUnit(g2, dataArea, edge);
                return;
            }
            g2.setFont(getTickLabelFont());
            java.awt.FontMetrics fm = g2.getFontMetrics();
            NumberTickUnit chosen = scale.tickUnitFor(span, 1);
            for (int max = TimeScale.MAX_TICKS; max >= 1; max--) {
                NumberTickUnit u = scale.tickUnitFor(span, max);
                int labels = (int) Math.floor(span / u.getSize() + 1e-9) + 1;
                double widest = 0;
                for (int k = 0; k < labels; k++) {
                    widest = Math.max(widest, fm.getStringBounds(u.valueToString(k * u.getSize()), g2).getWidth());
                }
                if (labels * (widest + LABEL_GAP_PX) <= dataArea.getWidth()) {
                    chosen = u;
                    break;
                }
            }
            setTickUnit(chosen, false, false);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TimeAxis other && other.scale == scale && other.span == span && super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /**
     * A linear concentration axis whose range dips below zero to make room for the dose strip, but which labels
     * and grids only values from zero up.
     */
    private static final class NonNegativeTicksAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;

        NonNegativeTicksAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List ticks = super.refreshTicks(g2, state, dataArea, edge);
            List kept = new ArrayList();
            for (Object t : ticks) {
                if (!(t instanceof ValueTick) || ((ValueTick) t).getValue() >= -1e-12) {
                    kept.add(t);
                }
            }
            return kept;
        }
    }
}
