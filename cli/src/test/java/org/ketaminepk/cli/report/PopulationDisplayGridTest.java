package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.protocol.Protocols;

/** The times of the population bands: a coarse grid as it is, a fine one thinned to a round step. */
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
}
