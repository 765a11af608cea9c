package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.result.Profile;

/**
 * The dose strip under the zero line: one lane per profile (or one shared lane when all were dosed at the same
 * times), infusions as bars and instant doses as marks, and the infusion periods shaded behind a shared lane.
 */
final class DoseLanes {
    private DoseLanes() {
    }

    /**
     * What the dose strip holds, for the legend.
     *
     * @param infusions whether any infusion is drawn
     * @param instantRoutes the routes of the instant doses drawn
     */
    record Summary(boolean infusions, Set<Route> instantRoutes) {
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

    /** Adds the lanes (and, for a shared lane, the shaded infusion periods) to the plot. */
    static Summary addTo(XYPlot plot, List<PlotSeries> all, boolean shared, TimeScale scale) {
        boolean infusions = false;
        Set<Route> instantRoutes = new LinkedHashSet<>();
        int lanes = shared ? 1 : all.size();
        for (int si = 0; si < lanes; si++) {
            Profile p = all.get(si).profile();
            Regimen reg = p.regimen();
            List<double[]> bars = new ArrayList<>();
            List<Double> instants = new ArrayList<>();
            for (Dose d : reg.doses()) {
                double start = scale.fromHours(d.timeH());
                if (d instanceof Dose.Infusion) {
                    double end = scale.fromHours(d.endH());
                    bars.add(new double[] {start, end});
                    infusions = true;
                    if (shared) {
                        IntervalMarker m = new IntervalMarker(start, end, ChartStyle.INFUSION_FILL);
                        m.setOutlinePaint(null);
                        plot.addDomainMarker(m, Layer.BACKGROUND);
                    }
                } else {
                    instants.add(start);
                    instantRoutes.add(d.route());
                }
            }
            double[] s0 = new double[bars.size()];
            double[] s1 = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                s0[i] = bars.get(i)[0];
                s1[i] = bars.get(i)[1];
            }
            double[] in = instants.stream().mapToDouble(Double::doubleValue).toArray();
            Color colour = shared ? ChartStyle.DOSE_MARK : ChartStyle.SERIES_COLOURS.get(si);
            plot.addAnnotation(new DoseLaneAnnotation(si, lanes, colour, s0, s1, in), false);
        }
        return new Summary(infusions, instantRoutes);
    }
}
