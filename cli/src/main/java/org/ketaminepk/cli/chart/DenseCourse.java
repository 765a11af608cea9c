package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;

/**
 * When a course has more dosing cycles than the plot can draw one by one, and how its curves are drawn then: as
 * their peak–trough {@link Envelope}.
 *
 * <p><b>The rule.</b> The plot of a chart laid out at 1600 px is about {@value #PLOT_WIDTH_PX} px wide (the legend
 * takes the rest; a population's or an effect's longer legend leaves it about 700 px). A cycle is the time from one
 * dose to the next; a curve draws one rise and one fall per cycle, each a stroke {@link ChartStyle#LINE_WIDTH} (2.75
 * px) wide plus anti-aliasing, so below about 8 px per cycle the strokes of neighbouring cycles touch and the curve
 * fills in as a solid block, and up to about 12 px a dashed curve (norketamine) breaks into a grid of dashes in which
 * no cycle can be followed: 90 oral doses every 8 h over 30 days, about 11 px per cycle, looked so. A course is dense
 * when it starts at least {@value #MIN_DOSES} dosing cycles on the time axis and their mean spacing is under
 * {@value #MIN_CYCLE_PX} px of the {@value #PLOT_WIDTH_PX}, which keeps at least 8 px per cycle drawn one by one
 * under the widest legend; a cycle starts with a dose given while no infusion runs, so that a pump's back-to-back
 * infusions count as one. The 10-day CRPS protocol (one infusion a day on an 11-day axis, about 90 px per cycle) is
 * far from it, 75 oral doses (13 px per cycle) just short of it, and 480 (2 px per cycle) far past it. Counting doses
 * rather than the curve's wiggles keeps round-off ripples of a steady state from ever switching a chart.
 *
 * <p>The same width sets how long a stretch without oscillation must be to be drawn as the curve itself
 * ({@link #slowSpan}): one cycle's worth of pixels.
 */
final class DenseCourse {
    private DenseCourse() {
    }

    /** Width of the plot area at the 1600 px layout, px (about; the legend's width varies). */
    static final double PLOT_WIDTH_PX = 1000;
    /** Narrowest dosing cycle drawn one by one, px. */
    static final double MIN_CYCLE_PX = 12;
    /** Narrowest cycle drawn one by one beside a course drawn as its envelope, px ({@link #dense(List, double,
     * TimeScale)}). */
    static final double COMPANION_CYCLE_PX = 24;
    /** Fewest dosing cycles that make a course dense: with two there are no cycles to merge. */
    static final int MIN_DOSES = 3;
    /** Gap between an infusion's end and the next dose still taken as back to back, h (round-off of dose times). */
    private static final double CONTIGUOUS_H = 1e-9;
    /** Opacity of the fill between the peaks and the troughs. */
    static final double FILL_ALPHA = 0.18;

    /**
     * @param regimen the course
     * @param axisEnd the end of the time axis, in {@code scale}'s unit (the axis starts at zero)
     * @param scale the time axis' unit
     * @return whether its doses are too close together to draw one cycle at a time
     */
    static boolean dense(Regimen regimen, double axisEnd, TimeScale scale) {
        return cyclePx(regimen, axisEnd, scale) < MIN_CYCLE_PX;
    }

    /**
     * Whether each of several courses drawn on one plot is drawn as its envelope. A course dense by itself
     * ({@link #dense(Regimen, double, TimeScale)}) is; and once one is, so is every other course with at least
     * {@value #MIN_DOSES} cycles narrower than {@value #COMPANION_CYCLE_PX} px: drawn cycle by cycle over another's
     * envelope, a course of 60 doses every 12 h beside one of 90 every 8 h was a comb of strokes across the other's
     * band (a comparison's legend also leaves the plot nearer 800 px than 1000), where two envelopes read side by side.
     * A course of a few wide cycles (the 10-day CRPS protocol, about 90 px each) stays as it is.
     *
     * @param regimens the courses, in the order drawn
     * @param axisEnd the end of the time axis, in {@code scale}'s unit
     * @param scale the time axis' unit
     * @return per course, whether it is drawn as its peaks and troughs
     */
    static boolean[] dense(List<Regimen> regimens, double axisEnd, TimeScale scale) {
        boolean[] dense = new boolean[regimens.size()];
        boolean any = false;
        for (int i = 0; i < dense.length; i++) {
            dense[i] = dense(regimens.get(i), axisEnd, scale);
            any |= dense[i];
        }
        if (any) {
            for (int i = 0; i < dense.length; i++) {
                dense[i] |= cyclePx(regimens.get(i), axisEnd, scale) < COMPANION_CYCLE_PX;
            }
        }
        return dense;
    }

    /**
     * The width above which a stretch without oscillation is drawn as the curve itself ({@link #slowSpan(double)}) for
     * courses drawn together: one companion cycle's worth ({@value #COMPANION_CYCLE_PX} px) when a course is drawn as
     * its envelope only as another's companion ({@link #dense(List, double, TimeScale)}), so that its wider cycles
     * still read as oscillation; else one narrowest cycle's worth, as for a course alone.
     *
     * @return the width, in {@code scale}'s unit
     */
    static double slowSpan(List<Regimen> regimens, double axisEnd, TimeScale scale) {
        boolean[] together = dense(regimens, axisEnd, scale);
        for (int i = 0; i < together.length; i++) {
            if (together[i] && !dense(regimens.get(i), axisEnd, scale)) {
                return axisEnd * COMPANION_CYCLE_PX / PLOT_WIDTH_PX;
            }
        }
        return slowSpan(axisEnd);
    }

    /**
     * @return the mean width of the course's dosing cycles on the plot, px, or infinity with fewer than
     *         {@value #MIN_DOSES} cycles on the axis
     */
    private static double cyclePx(Regimen regimen, double axisEnd, TimeScale scale) {
        double[] t = doseTimes(regimen, axisEnd, scale);
        if (t.length < MIN_DOSES || !(axisEnd > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return (t[t.length - 1] - t[0]) / (t.length - 1) / axisEnd * PLOT_WIDTH_PX;
    }

    /**
     * @return the times, in {@code scale}'s unit, at which the course starts dosing again on the axis, increasing: a
     *         dose starts a cycle unless it begins while an earlier infusion still runs, so back-to-back infusions (a
     *         pump's schedule) and a bolus with its infusion are one cycle each
     */
    static double[] doseTimes(Regimen regimen, double axisEnd, TimeScale scale) {
        List<Double> out = new ArrayList<>();
        for (double h : cycleStartsH(regimen)) {
            double t = scale.fromHours(h);
            if (t <= axisEnd) {
                out.add(t);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the start of each dosing cycle of the course, h (see {@link #doseTimes}) */
    static List<Double> cycleStartsH(Regimen regimen) {
        List<Dose> doses = new ArrayList<>(regimen.doses());
        doses.sort(Comparator.comparingDouble(Dose::timeH));
        List<Double> starts = new ArrayList<>();
        double runningEndH = Double.NEGATIVE_INFINITY;
        for (Dose d : doses) {
            // a pump's next segment may start a round-off after the last one ends
            if (starts.isEmpty() || d.timeH() > runningEndH + CONTIGUOUS_H) {
                starts.add(d.timeH());
            }
            runningEndH = Math.max(runningEndH, d.endH());
        }
        return starts;
    }

    /**
     * @param axisEnd the end of the time axis, in its unit (it starts at zero)
     * @return the width of one cycle's worth of pixels, in the axis' unit: a stretch without oscillation longer than
     *         this is drawn as the curve itself
     */
    static double slowSpan(double axisEnd) {
        return axisEnd * MIN_CYCLE_PX / PLOT_WIDTH_PX;
    }

    /**
     * The envelope as one chart series: the upper line, then a break, then the lower line where it differs from the
     * upper (a stretch that is the curve itself is drawn once), each line thinned like a curve
     * ({@link Decimation}). Breaks are points with a NaN value, at which a line renderer lifts the pen.
     *
     * @param key the series key
     * @param e the envelope, x in time-axis units
     * @param logScale whether to leave out values not above zero
     * @return the series, not sorted by x
     */
    static XYSeries lines(String key, Envelope e, boolean logScale) {
        XYSeries s = new XYSeries(key, false, true);
        double[][] up = Decimation.minMax(e.upperX(), e.upperY(), ConcentrationChart.DRAW_BUCKETS);
        for (int i = 0; i < up[0].length; i++) {
            add(s, up[0][i], up[1][i], logScale);
        }
        double[] lx = e.lowerX();
        double[] ly = e.lowerY();
        boolean[] shared = e.shared();
        List<double[]> piece = new ArrayList<>();
        for (int k = 0; k < lx.length; k++) {
            boolean before = k > 0 && !shared[k - 1];
            boolean after = k < lx.length - 1 && !shared[k];
            if (before || after) {
                piece.add(new double[] {lx[k], ly[k]});
            }
            if (!after && !piece.isEmpty()) {
                addPiece(s, piece, logScale);
                piece.clear();
            }
        }
        return s;
    }

    private static void addPiece(XYSeries s, List<double[]> piece, boolean logScale) {
        double[] x = new double[piece.size()];
        double[] y = new double[piece.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = piece.get(i)[0];
            y[i] = piece.get(i)[1];
        }
        double[][] kept = Decimation.minMax(x, y, ConcentrationChart.DRAW_BUCKETS);
        s.add(kept[0][0], Double.NaN, false);
        for (int i = 0; i < kept[0].length; i++) {
            add(s, kept[0][i], kept[1][i], logScale);
        }
    }

    private static void add(XYSeries s, double x, double y, boolean logScale) {
        if (!logScale || y > 0) {
            s.add(x, y, false);
        }
    }

    /**
     * The light fill between an envelope's lines, behind the curves.
     *
     * @param upperX abscissae of the upper edge, time-axis units
     * @param upperY ordinates of the upper edge, ng/mL
     * @param lowerX abscissae of the lower edge
     * @param lowerY ordinates of the lower edge
     * @param logScale whether to leave out values not above zero
     * @param colour the fill colour, with its opacity
     * @return the fill, or null when fewer than three vertices are left to draw
     */
    static Fill fill(double[] upperX, double[] upperY, double[] lowerX, double[] lowerY, boolean logScale,
            Color colour) {
        double[][] up = Decimation.minMax(upperX, upperY, ConcentrationChart.DRAW_BUCKETS);
        double[][] low = Decimation.minMax(lowerX, lowerY, ConcentrationChart.DRAW_BUCKETS);
        List<Double> polygon = new ArrayList<>();
        for (int i = 0; i < up[0].length; i++) {
            if (!logScale || up[1][i] > 0) {
                polygon.add(up[0][i]);
                polygon.add(up[1][i]);
            }
        }
        for (int i = low[0].length - 1; i >= 0; i--) {
            if (!logScale || low[1][i] > 0) {
                polygon.add(low[0][i]);
                polygon.add(low[1][i]);
            }
        }
        // fewer than three vertices enclose nothing
        return polygon.size() < 6 ? null
                : new Fill(polygon.stream().mapToDouble(Double::doubleValue).toArray(), colour);
    }

    /**
     * Removes the envelopes' fills from the plot's first renderer, for a chart that replaces the curves they belong
     * to (a population's medians replace the typical patient's curves).
     */
    static void removeFills(XYPlot plot) {
        if (plot.getRenderer(0) instanceof AbstractXYItemRenderer r) {
            for (Object a : r.getAnnotations()) {
                if (a instanceof Fill f) {
                    r.removeAnnotation(f);
                }
            }
        }
    }

    /** The fill between an envelope's lines: a polygon in data coordinates, without outline. */
    static final class Fill extends XYPolygonAnnotation {
        private static final long serialVersionUID = 1L;

        Fill(double[] polygon, Color colour) {
            super(polygon, null, null, colour);
        }
    }
}
