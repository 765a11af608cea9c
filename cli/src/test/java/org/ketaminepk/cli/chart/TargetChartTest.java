package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Series;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;
import org.ketaminepk.target.TargetSchedule;

/** The target chart: the target as a stepped line and the effect-site curve beside plasma. */
class TargetChartTest {
    private static final TargetSchedule SCHEDULE = TargetSchedule.parse("100 ng/mL for 20 min, then 250 ng/mL for "
            + "40 min");

    @Test
    void theEffectSiteCurveAndTheTargetAreDrawnWithTheirOwnLegendLines() {
        IndividualModel ind = Simulation.standard().individualize(Models.DOMINO_1984, Patient.standardAdult());
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard()).plan(SCHEDULE, 2);
        TimeGrid grid = TimeGrid.uniform(2, 1.0 / 360);
        Series ce = EffectSites.concentrations(ind, plan.regimen(), grid, 14).series(Analyte.KETAMINE);
        ChartRequest r = ChartRequest.of("t", "s", new PlotSeries("", Simulation.standard().simulate(ind,
                plan.regimen(), grid).profile()));
        JFreeChart chart = TargetChart.typical(r, SCHEDULE, "Target (plasma)",
                new TargetChart.EffectSiteCurve(ce, "Ketamine, effect site"));
        assertTrue(TargetChart.legendLabels(chart).containsAll(java.util.List.of("Ketamine, effect site",
                "Target (plasma)")), TargetChart.legendLabels(chart).toString());
        XYDataset effect = chart.getXYPlot().getDataset(TargetChart.EFFECT_SITE_DATASET);
        double top = 0;
        for (int i = 0; i < effect.getItemCount(0); i++) {
            top = Math.max(top, effect.getYValue(0, i));
        }
        assertEquals(ce.cmaxNgPerMl(), top, 1e-9, "the curve keeps the effect-site peak");
        XYDataset target = chart.getXYPlot().getDataset(TargetChart.TARGET_DATASET);
        // minutes on a 2 h chart: 0–20 at 100, 20–60 at 250, then down to 0 where the targets end
        assertEquals(5, target.getItemCount(0));
        assertEquals(0, target.getYValue(0, 4), 1e-9);
        assertEquals(60, target.getXValue(0, 4), 1e-9);
        assertEquals(20, target.getXValue(0, 1), 1e-9);
        assertEquals(250, target.getYValue(0, 2), 1e-9);
        assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() >= 250);
        BufferedImage img = chart.createBufferedImage(1600, 900);
        assertEquals(1600, img.getWidth());
    }

    @Test
    void withoutAnEffectSiteOnlyTheTargetIsAdded() {
        IndividualModel ind = Simulation.standard().individualize(Models.DOMINO_1984, Patient.standardAdult());
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard()).plan(SCHEDULE, 2);
        ChartRequest r = ChartRequest.of("t", "s", new PlotSeries("", Simulation.standard().simulate(ind,
                plan.regimen(), TimeGrid.uniform(2, 1.0 / 60)).profile()));
        JFreeChart chart = TargetChart.typical(r, SCHEDULE, "Target (plasma)", null);
        assertEquals(null, chart.getXYPlot().getDataset(TargetChart.EFFECT_SITE_DATASET));
        assertTrue(TargetChart.legendLabels(chart).contains("Target (plasma)"));
    }
}
