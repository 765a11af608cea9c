package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;

/**
 * {@code target --manual --csv} for any target, duration, tolerance and syringe: the bolus is in the cumulative dose
 * from time 0, which never falls and ends at the scheme's total, the rate is the scheme's at every row, and the
 * plasma column is the exact solver's curve for the scheme's regimen.
 */
class ManualSchemeCsvProperties {
    private static final IndividualModel DOMINO = Simulation.standard().individualize(Models.DOMINO_1984,
            Patient.standardAdult());

    @Property(tries = 25)
    void theRowsFollowTheSchemeAndItsExactCurve(
            @ForAll @DoubleRange(min = 20, max = 1000) double targetNgPerMl,
            @ForAll @IntRange(min = 1800, max = 4 * 3600) int durationS,
            @ForAll @DoubleRange(min = 0.05, max = 0.5) double tolerance,
            @ForAll @IntRange(min = 1, max = 50) int syringeMgPerMl,
            @ForAll boolean hydrochloride,
            @ForAll @IntRange(min = 0, max = 3 * 3600) int afterS) throws IOException {
        PumpSettings pump = PumpSettings.standard().withSyringe(syringeMgPerMl, hydrochloride
                ? DrugSalt.HYDROCHLORIDE : DrugSalt.BASE).withRateStepMlPerH(0.1);
        double durationH = durationS / 3600.0;
        ManualScheme m = ManualScheme.design(TargetController.plasma(DOMINO, pump), targetNgPerMl, durationH,
                tolerance);
        double endH = durationH + afterS / 3600.0;
        StringWriter w = new StringWriter();
        ManualSchemeReport.csv(w, DOMINO, m, endH);
        String[] lines = w.toString().split("\n");
        int n = lines.length - 1;
        double[] t = new double[n];
        String[][] rows = new String[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = lines[i + 1].split(",", -1);
            t[i] = Double.parseDouble(rows[i][0]);
        }
        assertEquals(endH, t[n - 1], 1e-9);
        assertEquals(Text.sig(m.bolusMg(), 8), rows[0][4], "the bolus at time 0");
        assertEquals(Text.sig(m.totalMg(), 8), rows[n - 1][4], "the total at the end");
        double[] cp = Simulation.standard().withSolver(ExactSolver.instance()).simulate(DOMINO, m.regimen(),
                TimeGrid.of(t)).profile().series(Analyte.KETAMINE).ngPerMl();
        double previous = 0;
        for (int i = 0; i < n; i++) {
            int row = i;
            double cumulative = Double.parseDouble(rows[i][4]);
            assertTrue(cumulative >= previous, () -> "cumulative dose falls at " + rows[row][0] + " h");
            previous = cumulative;
            assertEquals(Text.sig(rateAt(m, t[i]), 6), rows[i][2], () -> "rate at " + rows[row][0] + " h");
            assertEquals(cp[i], Double.parseDouble(rows[i][5]), 5e-6 * cp[i] + 1e-9,
                    () -> "plasma at " + rows[row][0] + " h");
        }
    }

    /** @return the scheme's rate at a time, mL/h, read from its steps */
    private static double rateAt(ManualScheme m, double timeH) {
        double rate = 0;
        for (ManualScheme.RateStep r : m.steps()) {
            if (timeH >= r.startH() - 1e-9 && timeH < r.endH() - 1e-9) {
                rate = r.rateMlPerH();
            }
        }
        return rate;
    }
}
