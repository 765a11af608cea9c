package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;
import org.ketaminepk.result.Profile;

/** The chart of one population with an effect: its time axis, as {@code simulate --population --effect} draws it. */
class PopulationEffectChartTest {
    /** A day, as 'simulate' runs a single infusion without --duration. */
    private static final TimeGrid GRID = TimeGrid.uniform(24, 1.0 / 30);
    /** Ketamine alone, with an assumed variability: the chart needs bands, not their source. */
    private static final PublishedModel MODEL = Models.get("kamp-2020");
    private static final Regimen INFUSION = DoseParser.parse("0.5 mg/kg over 40 min");
    /** A made-up effect of ketamine that is over within hours of the infusion. */
    private static final double C50 = 400;

    private static double[] effect(double[] c) {
        double[] e = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            e[i] = c[i] / (c[i] + C50);
        }
        return e;
    }

    private static JFreeChart chart(boolean fit) {
        Profile typical = Simulation.run(MODEL, Patient.standardAdult(), INFUSION, GRID).profile();
        PercentileBands b = PopulationSimulation.of(MODEL, Collections.nCopies(50, Patient.standardAdult()), INFUSION,
                GRID, 3L).withVariability(VariabilityModel.published(MODEL)
                .withAssumed(VariabilitySpec.parse("CL=30%")))
                .withPercentileBands(GRID, 5, 25, 50, 75, 95).run().percentileBands().orElseThrow();
        EffectPanel.Bands e = new EffectPanel.Bands(b.timesH(), effect(b.ngPerMl(Analyte.KETAMINE, 5)),
                effect(b.ngPerMl(Analyte.KETAMINE, 25)), effect(b.ngPerMl(Analyte.KETAMINE, 50)),
                effect(b.ngPerMl(Analyte.KETAMINE, 75)), effect(b.ngPerMl(Analyte.KETAMINE, 95)));
        double[] ce = typical.series(Analyte.KETAMINE).ngPerMl();
        EffectPanel panel = new EffectPanel("A made-up endpoint", "Nobody (2026) Nowhere", "fraction", 0, null,
                List.of(), List.of(new EffectPanel.Curve("at the effect site", typical.timesH(), ce, effect(ce))), e);
        ChartRequest request = new ChartRequest("Title", "50 virtual patients", List.of(new PlotSeries("", typical)),
                false, List.of()).withFitTime(fit);
        return EffectChart.createPopulation(request, b, panel, 50);
    }

    private static double axisEndH(JFreeChart c) {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) c.getPlot();
        String label = plot.getDomainAxis().getLabel();
        return plot.getDomainAxis().getUpperBound() / (label.contains("min") ? 60 : label.contains("days") ? 1.0 / 24
                : 1);
    }

    @Test
    void withoutADurationTheTimeAxisEndsWhenTheConcentrationsAndTheEffectAreOver() {
        assertEquals(24, axisEndH(chart(false)), 1e-9, "with --duration: the whole run");
        // the whole day used to be drawn, the infusion and its effect squeezed into the left edge
        double end = axisEndH(chart(true));
        assertTrue(end < 20, () -> "axis ends at " + end + " h");
        assertTrue(end >= 2, () -> "axis ends at " + end + " h, before the effect is over");
    }
}
