package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.result.Profile;

/**
 * The dose strip under the zero line: one lane per profile (or one shared lane when all were dosed at the same
 * times), infusions as bars and instant doses as marks, and the infusion periods shaded behind a shared lane. A lane
 * whose course is too dense to mark dose by dose ({@link DenseCourse}) draws one span per kind of dose instead.
 */
final class DoseLanes {
    private DoseLanes() {
    }

    /**
     * What the dose strip holds, for the legend.
     *
     * @param infusions whether any infusion is drawn
     * @param instantRoutes the routes of the instant doses drawn one by one
     * @param infusionSpans for each lane whose infusions are drawn as one span, how many and how often
     *        ("160, every 24 h"), in lane order
     * @param instantSpans for each route whose instant doses are drawn as one span in some lane, how many and how
     *        often in each such lane
     * @param perSeries whether each series has its own lane, its marks in the series' colour (else one grey lane)
     */
    record Summary(boolean infusions, Set<Route> instantRoutes, List<String> infusionSpans,
            Map<Route, List<String>> instantSpans, boolean perSeries) {
    }

    /**
     * Whether every profile was dosed at the same times by the same routes. Amounts may differ (a weight-based dose
     * in patients of different weight): the dose marks show timing only, so such profiles share one lane.
     */
    static boolean sameDosingTimes(List<PlotSeries> all) {
        List<String> first = timing(all.get(0).profile().regimen());
        for (PlotSeries s : all) {
            if (!timing(s.profile().regimen()).equals(first)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> timing(Regimen r) {
        List<String> out = new ArrayList<>();
        for (Dose d : r.doses()) {
            out.add((d instanceof Dose.Infusion ? "infusion " : "instant ") + d.route() + " " + d.timeH() + " "
                    + d.endH());
        }
        return out;
    }

    /**
     * @param periods infusion periods, [start, end] in time-axis units, in any order
     * @return the same time as periods that neither touch nor overlap, in order: a pump's back-to-back rates (a
     *         target-controlled schedule changes its rate every few minutes) shaded one by one left a seam of
     *         anti-aliasing at every change
     */
    static List<double[]> merged(List<double[]> periods) {
        List<double[]> sorted = new ArrayList<>(periods);
        sorted.sort(java.util.Comparator.comparingDouble(a -> a[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] p : sorted) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            // back to back to within round-off of the later time
            if (last != null && p[0] <= last[1] + 1e-9 * Math.max(1, Math.abs(last[1]))) {
                last[1] = Math.max(last[1], p[1]);
            } else {
                out.add(new double[] {p[0], p[1]});
            }
        }
        return out;
    }

    /**
     * Adds the lanes (and, for a shared lane, the shaded infusion periods) to the plot. A lane whose course is dense
     * ({@link DenseCourse}) would draw its marks on top of each other: it draws one span from the first to the last
     * dose of each kind instead (infusions as one bar, each route's instant doses as one marked span), and its
     * infusion periods are not shaded one by one.
     *
     * @param dense for each profile, whether its course is dense; a shared lane follows the first
     */
    static Summary addTo(XYPlot plot, List<PlotSeries> all, boolean shared, TimeScale scale, boolean[] dense) {
        boolean infusions = false;
        Set<Route> instantRoutes = new LinkedHashSet<>();
        List<String> infusionSpans = new ArrayList<>();
        Map<Route, List<String>> instantSpans = new LinkedHashMap<>();
        int lanes = shared ? 1 : all.size();
        List<double[]> shaded = new ArrayList<>();
        for (int si = 0; si < lanes; si++) {
            Profile p = all.get(si).profile();
            Regimen reg = p.regimen();
            List<double[]> bars = new ArrayList<>();
            List<Double> barStartsH = new ArrayList<>();
            Map<Route, List<Double>> instantsH = new LinkedHashMap<>();
            for (Dose d : reg.doses()) {
                double start = scale.fromHours(d.timeH());
                if (d instanceof Dose.Infusion) {
                    double end = scale.fromHours(d.endH());
                    bars.add(new double[] {start, end});
                    barStartsH.add(d.timeH());
                    infusions = true;
                    if (shared && !dense[si]) {
                        shaded.add(new double[] {start, end});
                    }
                } else {
                    instantsH.computeIfAbsent(d.route(), k -> new ArrayList<>()).add(d.timeH());
                }
            }
            List<Double> spanStarts = new ArrayList<>();
            List<Double> spanEnds = new ArrayList<>();
            List<Double> single = new ArrayList<>();
            if (dense[si] && bars.size() > 1) {
                infusionSpans.add(describe(array(barStartsH)));
                bars = List.of(new double[] {bars.get(0)[0], bars.get(bars.size() - 1)[1]});
            }
            for (Map.Entry<Route, List<Double>> e : instantsH.entrySet()) {
                double[] timesH = array(e.getValue());
                if (dense[si] && timesH.length > 1) {
                    spanStarts.add(scale.fromHours(timesH[0]));
                    spanEnds.add(scale.fromHours(timesH[timesH.length - 1]));
                    instantSpans.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(describe(timesH));
                } else {
                    for (double h : timesH) {
                        single.add(scale.fromHours(h));
                    }
                    instantRoutes.add(e.getKey());
                }
            }
            // a pump's back-to-back rates drawn one bar each left a light seam at every change, a striped bar that
            // reads as many separate infusions
            bars = merged(bars);
            double[] s0 = new double[bars.size()];
            double[] s1 = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                s0[i] = bars.get(i)[0];
                s1[i] = bars.get(i)[1];
            }
            Color colour = shared ? ChartStyle.DOSE_MARK : ChartStyle.SERIES_COLOURS.get(si);
            plot.addAnnotation(new DoseLaneAnnotation(si, lanes, colour, s0, s1, array(single), array(spanStarts),
                    array(spanEnds)), false);
        }
        for (double[] period : merged(shaded)) {
            IntervalMarker m = new IntervalMarker(period[0], period[1], ChartStyle.INFUSION_FILL);
            m.setOutlinePaint(null);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        return new Summary(infusions, instantRoutes, List.copyOf(infusionSpans), instantSpans, !shared);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * @param timesH dose times, h, increasing
     * @return how many doses, and their interval when it is regular: "480, every 8 h", "12, every 7 days", or "35"
     */
    static String describe(double[] timesH) {
        int n = timesH.length;
        if (n < 2) {
            return Integer.toString(n);
        }
        double first = timesH[1] - timesH[0];
        for (int i = 2; i < n; i++) {
            if (Math.abs(timesH[i] - timesH[i - 1] - first) > REGULAR_TOLERANCE_H) {
                return Integer.toString(n);
            }
        }
        double rounded = Math.round(first * 1000) / 1000.0;
        if (rounded >= 48 && rounded % 24 == 0) {
            return n + ", every " + Checks.fmt(rounded / 24) + " days";
        }
        return n + ", every " + Checks.fmt(rounded) + " h";
    }

    /** Largest difference between dosing intervals still called regular, h (round-off of the dose times). */
    private static final double REGULAR_TOLERANCE_H = 1e-6;
}
