package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.protocol.Protocols;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * The times of the population bands: a coarse grid as it is, a fine one thinned to a round step, and the typical
 * patient's peaks and troughs added where that step misses them.
 */
class PopulationDisplayGridTest {
    @Test
    void aCoarseGridIsKept() {
        TimeGrid grid = TimeGrid.uniform(6, 0.1);
        assertSame(grid, PopulationReport.displayGrid(grid));
    }

    @Test
    void aFineGridIsThinnedToARoundStepThatHoldsEveryInfusionsStartAndEnd() {
        TimeGrid grid = TimeGrid.uniform(244, 1.0 / 60);
        TimeGrid shown = PopulationReport.displayGrid(grid);
        assertTrue(shown.size() <= PopulationReport.DISPLAY_POINTS, "" + shown.size());
        assertEquals(10.0 / 60, shown.stepH().getAsDouble(), 1e-12);
        double[] t = shown.times();
        for (Dose d : Protocols.CRPS_SCHWARTZMAN_2009.regimen().doses()) {
            for (double at : new double[] {d.timeH(), d.endH()}) {
                int i = (int) Math.round(at / shown.stepH().getAsDouble());
                assertEquals(at, t[i], 1e-9, "dose time " + at + " h on the grid");
            }
        }
        assertEquals(244, t[t.length - 1]);
    }

    @Test
    void aYearLongGridStaysWithinTheLimit() {
        TimeGrid shown = PopulationReport.displayGrid(TimeGrid.uniform(8760, 0.5));
        assertTrue(shown.size() <= PopulationReport.DISPLAY_POINTS, "" + shown.size());
        assertTrue(Arrays.stream(shown.times()).allMatch(x -> x <= 8760));
    }

    @Test
    void peaksBetweenTheRoundStepsAreAdded() {
        // 160 days of oral doses every 8 h on a one-minute grid: 2-h round steps, peaks about an hour after each dose
        Regimen oral = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(50), 0), 8, 480);
        TimeGrid grid = TimeGrid.uniform(3856, 1.0 / 60);
        Profile typical = Simulation.run(Models.DEFAULT, Patient.standardAdult(), oral, grid).profile();
        TimeGrid round = PopulationReport.displayGrid(grid);
        TimeGrid shown = PopulationReport.displayGrid(grid, typical);
        assertEquals(2, round.stepH().getAsDouble());
        assertTrue(shown.size() <= PopulationSimulation.MAX_DISPLAY_POINTS, "" + shown.size());
        double[] all = shown.times();
        for (double t : round.times()) {
            assertTrue(Arrays.binarySearch(all, t) >= 0, () -> "round time " + t + " h kept");
        }
        for (Analyte a : typical.analytes()) {
            Series s = typical.series(a);
            // the premise: the round grid alone misses a peak by far more than the bound
            assertTrue(largestMiss(s, round.times()) > 0.2 * s.cmaxNgPerMl(), a.label());
            assertTrue(largestMiss(s, all) <= PopulationReport.MISSED_FRACTION * s.cmaxNgPerMl(),
                    () -> a.label() + ": a peak or trough missed by " + largestMiss(s, all));
        }
    }

    @Test
    void aSinglePointIsKeptAsItIs() {
        TimeGrid one = TimeGrid.of(2);
        Profile typical = Simulation.run(Models.DEFAULT, Patient.standardAdult(),
                Protocols.CRPS_SCHWARTZMAN_2009.regimen(), TimeGrid.uniform(24, 1.0 / 60)).profile();
        assertSame(one, PopulationReport.withTurns(one, typical));
    }

    @Test
    void theCrpsCourseKeepsItsRoundGrid() {
        TimeGrid grid = TimeGrid.uniform(244, 1.0 / 60);
        Profile typical = Simulation.run(Models.DEFAULT, Patient.standardAdult(),
                Protocols.CRPS_SCHWARTZMAN_2009.regimen(), grid).profile();
        TimeGrid round = PopulationReport.displayGrid(grid);
        assertTrue(Arrays.equals(round.times(), PopulationReport.displayGrid(grid, typical).times()));
    }

    /**
     * @return the largest difference, ng/mL, between a local extremum of {@code s} and the line through its values
     *         at the neighbouring {@code times} (each read by linear interpolation of the series)
     */
    private static double largestMiss(Series s, double[] times) {
        double[] t = s.timesH();
        double[] y = s.ngPerMl();
        double worst = 0;
        for (int i = 1; i + 1 < t.length; i++) {
            boolean peak = y[i] > y[i - 1] && y[i] >= y[i + 1];
            boolean trough = y[i] < y[i - 1] && y[i] <= y[i + 1];
            if (!peak && !trough) {
                continue;
            }
            int k = Arrays.binarySearch(times, t[i]);
            if (k >= 0) {
                continue;
            }
            int hi = -k - 1;
            if (hi == 0 || hi == times.length) {
                continue;
            }
            double left = interpolate(t, y, times[hi - 1]);
            double right = interpolate(t, y, times[hi]);
            double line = left + (right - left) * (t[i] - times[hi - 1]) / (times[hi] - times[hi - 1]);
            worst = Math.max(worst, Math.abs(y[i] - line));
        }
        return worst;
    }

    private static double interpolate(double[] t, double[] y, double at) {
        int j = 0;
        while (j + 1 < t.length && t[j + 1] <= at) {
            j++;
        }
        if (t[j] == at || j + 1 == t.length) {
            return y[j];
        }
        return y[j] + (y[j + 1] - y[j]) * (at - t[j]) / (t[j + 1] - t[j]);
    }
}
