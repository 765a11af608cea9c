package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.DecrementTimes;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Decrement times against infusion length, as teaching simulators draw them: per model the context-sensitive
 * half-time (solid) and the 80 % decrement time (dashed), in hours, against the length of a constant-rate infusion.
 * Sized for a 1600 × 900 px slide; a pure function of its curves, tested headless. Not a recovery chart: what level
 * a patient wakes or recovers at is not known here.
 */
public final class DecrementChart {
    private DecrementChart() {
    }

    /** Longest infusion, h, from which the length axis is labelled in whole hours. */
    static final double WHOLE_HOURS_FROM_H = 4;
    /** Most models one chart draws: one colour each; an eighth took the first one's colour again. */
    public static final int MAX_CURVES = ChartStyle.SERIES_COLOURS.size();

    /** The line of each legend entry, px: as long as the concentration charts', two dashes and more. */
    static final Line2D LEGEND_LINE = new Line2D.Double(-22, 0, 22, 0);

    /**
     * One model's curve.
     *
     * @param label the legend name (the model id)
     * @param points decrement times per infusion length, in increasing length
     */
    public record Curve(String label, List<DecrementTimes.Point> points) {
        /** Copies the list. */
        public Curve {
            Checks.notNull("label", label);
            points = List.copyOf(points);
        }
    }

    /**
     * @return two series per curve (50 % then 80 %), points without a value left out
     */
    static XYSeriesCollection dataset(List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            Curve same = sameAs(curves, i);
            XYSeries half = new XYSeries(same == null ? c.label() + ", 50 % (context-sensitive half-time)"
                    : c.label() + ", 50 % and 80 %: the same as " + same.label() + ", under its lines", false, true);
            XYSeries eighty = new XYSeries(c.label() + ", 80 % decrement", false, true);
            for (DecrementTimes.Point p : c.points()) {
                p.halfTimeH().ifPresent(h -> half.add(p.infusionH(), h));
                p.eightyPercentH().ifPresent(h -> eighty.add(p.infusionH(), h));
            }
            data.addSeries(half);
            data.addSeries(eighty);
        }
        return data;
    }

    /** Largest relative difference at which two models' decrement times count as the same line. */
    static final double SAME_RELATIVE = 1e-3;

    /**
     * @return the first curve before {@code curves.get(i)} with the same decrement times at the same lengths (a model
     *         built on another one's parameters: its lines would be drawn exactly over that one's), or null
     */
    static Curve sameAs(List<Curve> curves, int i) {
        List<DecrementTimes.Point> p = curves.get(i).points();
        for (int j = 0; j < i; j++) {
            List<DecrementTimes.Point> q = curves.get(j).points();
            boolean same = !p.isEmpty() && p.size() == q.size();
            for (int k = 0; same && k < p.size(); k++) {
                same = p.get(k).infusionH() == q.get(k).infusionH()
                        && close(p.get(k).halfTimeH(), q.get(k).halfTimeH())
                        && close(p.get(k).eightyPercentH(), q.get(k).eightyPercentH());
            }
            if (same) {
                return curves.get(j);
            }
        }
        return null;
    }

    private static boolean close(java.util.OptionalDouble a, java.util.OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty();
        }
        return Math.abs(a.getAsDouble() - b.getAsDouble())
                <= SAME_RELATIVE * Math.max(Math.abs(a.getAsDouble()), Math.abs(b.getAsDouble()));
    }

    /**
     * @param curves at least one curve with at least one value, at most {@link #MAX_CURVES}
     * @param title the chart title
     * @param subtitle what was simulated, in words (analyte, patient)
     * @return the chart
     */
    public static JFreeChart create(List<Curve> curves, String title, String subtitle) {
        Checks.notNull("curves", curves);
        if (curves.size() > MAX_CURVES) {
            throw new InvalidInputException("plot", "a decrement chart draws at most " + MAX_CURVES + " models, each in "
                    + "a colour of its own, but got " + curves.size());
        }
        XYSeriesCollection data = dataset(curves);
        boolean any = false;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            any |= data.getSeries(i).getItemCount() > 0;
        }
        if (!any) {
            throw new InvalidInputException("plot", "nothing to plot: no decrement time could be computed");
        }
        NumberAxis x = new NumberAxis("Infusion length (h)");
        NumberAxis y = new NumberAxis("Time to fall after the infusion stops (h)");
        for (NumberAxis a : List.of(x, y)) {
            a.setLabelFont(ChartStyle.AXIS_LABEL);
            a.setTickLabelFont(ChartStyle.TICK_LABEL);
            a.setLabelPaint(ChartStyle.TEXT);
            a.setTickLabelPaint(ChartStyle.TEXT);
            a.setAxisLinePaint(ChartStyle.AXIS);
        }
        y.setAutoRangeIncludesZero(true);
        double longest = 0;
        for (Curve c : curves) {
            for (DecrementTimes.Point p : c.points()) {
                longest = Math.max(longest, p.infusionH());
            }
        }
        x.setRange(0, Math.max(longest, 1e-3));
        if (longest >= WHOLE_HOURS_FROM_H) {
            // 25 labels "0.0, 0.5, ... 12.0" crowded the axis edge to edge: whole hours from a few hours up
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // long enough to show the dashes: the default 14 px line is shorter than one dash and its gap, so the
        // solid and the dashed entries looked the same
        r.setLegendLine(LEGEND_LINE);
        for (int i = 0; i < curves.size(); i++) {
            Color colour = ChartStyle.SERIES_COLOURS.get(i);
            r.setSeriesPaint(2 * i, colour);
            r.setSeriesPaint(2 * i + 1, colour);
            r.setSeriesStroke(2 * i, new BasicStroke(ChartStyle.LINE_WIDTH, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            r.setSeriesStroke(2 * i + 1, new BasicStroke(ChartStyle.LINE_WIDTH, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10, new float[] {12, 8}, 0));
            if (sameAs(curves, i) != null) {
                // drawn under the earlier model's lines, so its legend says so once for both
                r.setSeriesVisibleInLegend(2 * i + 1, false);
            }
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        // the first series last, on top (the plot's default), so a later model with the same times lies under it
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(16, 16, 12, 24));
        TextTitle main = new ChartTitle(ChartText.unbreakable(title), ChartStyle.TITLE);
        main.setPaint(ChartStyle.TEXT);
        main.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.addSubtitle(main);
        TextTitle sub = new ChartTitle(ChartText.unbreakable(subtitle), ChartStyle.SUBTITLE);
        sub.setPaint(ChartStyle.SUBTLE_TEXT);
        sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sub.setPadding(new RectangleInsets(4, 0, 12, 0));
        chart.addSubtitle(sub);
        TextTitle caption = new ChartTitle(ChartText.unbreakable("Solid: time to fall by 50 % (context-sensitive "
                + "half-time, Hughes 1992); dashed: by 80 %. Typical values of each model; not a recovery time. A "
                + "teaching and review tool, not a dosing device."), ChartStyle.CAPTION);
        caption.setPaint(ChartStyle.SUBTLE_TEXT);
        caption.setPosition(RectangleEdge.BOTTOM);
        caption.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.addSubtitle(caption);
        // added after the caption so that it sits between the plot and the caption
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(ChartStyle.LEGEND);
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        // space after each entry, so that one entry's label does not run into the next entry's line
        legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 28));
        legend.setLegendItemGraphicPadding(new RectangleInsets(2, 4, 2, 4));
        chart.addSubtitle(legend);
        return chart;
    }
}
