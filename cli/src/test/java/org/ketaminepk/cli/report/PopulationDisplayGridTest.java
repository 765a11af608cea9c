package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.protocol.Protocols;
import org.ketaminepk.dosing.Regimen;

/** The times of the population bands: a coarse grid as it is, a fine one thinned but with every dose's start and end. */
class PopulationDisplayGridTest {
    @Test
    void aCoarseGridIsKept() {
        TimeGrid grid = TimeGrid.uniform(6, 0.1);
        assertSame(grid, PopulationReport.displayGrid(grid, Protocols.CRPS_SCHWARTZMAN_2009.regimen()));
    }

    @Test
    void aFineGridIsThinnedAndKeepsTheEndOfEveryInfusion() {
        Regimen crps = Protocols.CRPS_SCHWARTZMAN_2009.regimen();
        TimeGrid grid = TimeGrid.uniform(244, 1.0 / 60);
        TimeGrid shown = PopulationReport.displayGrid(grid, crps);
        assertTrue(shown.size() <= PopulationReport.DISPLAY_POINTS + 2 * crps.doses().size(), "" + shown.size());
        double[] t = shown.times();
        for (Dose d : crps.doses()) {
            assertTrue(Arrays.binarySearch(t, d.endH()) >= 0, "end of the infusion at " + d.endH() + " h");
            assertTrue(Arrays.binarySearch(t, d.timeH()) >= 0, "start of the infusion at " + d.timeH() + " h");
        }
        assertEquals(0, t[0]);
        assertEquals(244, t[t.length - 1]);
    }
}
