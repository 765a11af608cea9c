package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Tmax with peaks equal to within round-off: the rule of {@link PeakTime}, and what it removes from populations. */
class PeakTimeTest {

    @Test
    void aSinglePeakIsItsOwnTime() {
        PeakTime p = new PeakTime();
        double[] values = {1, 3, 7, 5, 2, 7 * (1 - 1e-9), 1};
        for (int i = 0; i < values.length; i++) {
            p.offer(i, values[i]);
        }
        assertEquals(7, p.max());
        // the later value 1e-9 below is a lower peak, not a tie
        assertEquals(2, p.time());
    }

    @Test
    void nothingFedHasNoTime() {
        PeakTime p = new PeakTime();
        assertEquals(Double.NEGATIVE_INFINITY, p.max());
        assertTrue(Double.isNaN(p.time()));
        p.offer(0, Double.NaN);
        assertTrue(Double.isNaN(p.time()));
        p.offer(1, 0);
        assertEquals(1, p.time());
    }

    /**
     * Daily peaks that rise towards a steady state and then differ only by round-off, in any order of their last
     * bits: Tmax is the last of them, as in exact arithmetic, whatever the round-off.
     */
    @Property(tries = 300)
    void peaksEqualToWithinRoundOffGiveTheLastDay(@ForAll @IntRange(min = 2, max = 30) int days,
            @ForAll @IntRange(min = 1, max = 29) int steadyFrom, @ForAll @DoubleRange(min = 0.01, max = 1e4) double top,
            @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        PeakTime p = new PeakTime();
        int from = Math.min(steadyFrom, days - 1);
        for (int d = 0; d < days; d++) {
            // a rise of 10 % a day, then the same peak up to a few units in the last place either way
            double peak = d < from ? top * (1 - 0.1 * (from - d)) : top * (1 + (random.nextInt(9) - 4) * 0x1p-52);
            p.offer(24.0 * d + 4, peak);
            p.offer(24.0 * d + 10, peak / 3);
        }
        assertEquals(24.0 * (days - 1) + 4, p.time());
    }

    /**
     * The same ketamine parameters give the same ketamine Tmax: with the default model's published variability (on
     * norketamine only) and one set of covariates, every patient's ketamine curve is the same up to round-off. Their
     * daily peaks from day 7 on differ only by round-off, which used to scatter Tmax over days 7 to 10.
     */
    @Test
    void patientsWithTheSameKetamineCurveShareItsTmax() {
        Regimen course = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            patients.add(Patient.standardAdult());
        }
        PopulationOutcome out = PopulationSimulation.of(Models.DEFAULT, patients, course,
                TimeGrid.uniform(244, 1 / 60.0), 2026).run();
        for (int i = 0; i < patients.size(); i++) {
            AnalyteMetrics k = out.patients().get(i).analytes().get(Analyte.KETAMINE);
            AnalyteMetrics n = out.patients().get(i).analytes().get(Analyte.NORKETAMINE);
            int patient = i;
            // the end of the tenth infusion: the last and, in exact arithmetic, the highest peak
            assertEquals(9 * 24 + 4, k.tmaxH(), 1e-9, () -> "ketamine Tmax of patient " + patient);
            // norketamine's peak follows each infusion by minutes; its variability moves the minutes, not the day
            assertTrue(n.tmaxH() > 9 * 24 + 4 && n.tmaxH() < 10 * 24, () -> "norketamine Tmax of patient " + patient
                    + ": " + n.tmaxH());
        }
    }
}
