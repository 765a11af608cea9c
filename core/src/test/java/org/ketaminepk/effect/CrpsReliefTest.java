package org.ketaminepk.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocols;

/**
 * Dahan 2011: relief of CRPS pain builds and fades with a 10.9-day half-time, so it outlasts a 100-h infusion by
 * weeks, and what a course leaves behind is its S-ketamine exposure weighted by how recent it is.
 */
class CrpsReliefTest {
    private static final double STEP_H = 0.25;
    private static final TimeGrid GRID = TimeGrid.uniform(24 * 120, STEP_H);
    private static final double HALF_TIME_H = 10.9 * 24;

    private static EffectResult hundredHours() {
        return EffectSimulation.run(Endpoints.DAHAN_2011_CRPS_RELIEF, Models.OTTO_2021, Patient.standardAdult(),
                Protocols.CRPS_DAHAN_2011.regimen(), GRID, EffectSimulation.Options.DEFAULT);
    }

    private static int at(double h) {
        return (int) Math.round(h / STEP_H);
    }

    @Test
    void reliefLeftFiftyDaysAfterTheInfusionFollowsFromTheHalfTime() {
        EffectResult r = hundredHours();
        double end = Protocols.CRPS_DAHAN_2011.regimen().endH();
        double[] ce = r.effectSiteNgPerMl();
        double[] relief = r.effect().orElseThrow();
        // four days after the end, plasma S-ketamine is all but gone and the link only empties
        assertTrue(r.plasmaNgPerMl()[at(end + 96)] < 1e-3 * ce[at(end + 96)]);
        double expectedCe = ce[at(end + 96)] * Math.pow(2, -(50 * 24 - 96) / HALF_TIME_H);
        assertEquals(expectedCe, ce[at(end + 50 * 24)], 1e-4 * expectedCe);
        assertEquals(expectedCe / (10.5 + expectedCe), relief[at(end + 50 * 24)], 1e-5);
        // the teaching numbers: about 0.79 of full relief in a responder at the end, about 0.14 fifty days on
        assertEquals(0.79, relief[at(end)], 0.01);
        assertEquals(0.14, relief[at(end + 50 * 24)], 0.01);
        assertEquals(EffectLink.Basis.TRANSFERRED, r.link().basis());
        assertEquals(OptionalDouble.of(0.67), r.endpoint().responderProbability());
    }

    /**
     * The link's exact effect-site curve against a direct convolution of the plasma curve with the link's impulse
     * response, {@code Ce(t) = ∫ ke0·e^(−ke0(t−s))·Cp(s) ds} (trapezoid rule on the output grid), for a 10-day
     * 4-h-a-day racemic course and a 100-h S-ketamine infusion. The continuous infusion leaves more relief for
     * longer because it gives more S-ketamine, not because its plasma peak is higher.
     */
    @Test
    void tenDayCourseAndHundredHourInfusionCompareByRecentExposure() {
        EffectResult infusion = hundredHours();
        EffectResult course = EffectSimulation.run(Endpoints.DAHAN_2011_CRPS_RELIEF, Models.RACEMIC_COMPOSITE,
                Patient.standardAdult(), Protocols.CRPS_SCHWARTZMAN_2009.regimen(), GRID,
                EffectSimulation.Options.DEFAULT);
        double ke0 = Math.log(2) / HALF_TIME_H;
        double day60 = 60 * 24;
        double[] exposure = new double[2];
        int k = 0;
        for (EffectResult r : new EffectResult[] {infusion, course}) {
            double[] cp = r.plasmaNgPerMl();
            double[] t = r.timesH();
            double sum = 0;
            double auc = 0;
            for (int i = 0; i + 1 <= at(day60) - 1; i++) {
                double a = ke0 * Math.exp(-ke0 * (day60 - t[i])) * cp[i];
                double b = ke0 * Math.exp(-ke0 * (day60 - t[i + 1])) * cp[i + 1];
                sum += (a + b) / 2 * STEP_H;
                auc += (cp[i] + cp[i + 1]) / 2 * STEP_H;
            }
            assertEquals(sum, r.effectSiteNgPerMl()[at(day60)], 5e-3 * sum, "convolution at day 60");
            exposure[k++] = auc;
        }
        assertTrue(exposure[0] > 2 * exposure[1], "S-ketamine AUC: infusion " + exposure[0] + ", course "
                + exposure[1]);
        assertTrue(infusion.plasmaNgPerMl()[at(99)] > course.metrics().peakEffectSiteNgPerMl());
        assertTrue(infusion.timeAtLeastH(0.5) > 5 * course.timeAtLeastH(0.5), "days with at least half relief: "
                + infusion.timeAtLeastH(0.5) / 24 + " vs " + course.timeAtLeastH(0.5) / 24);
        assertTrue(infusion.metrics().offsetH().getAsDouble() > 20 * 24, "half the peak relief lasts weeks");
    }
}
