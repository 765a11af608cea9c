package org.ketaminepk.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.protocol.ProtocolText;

/** Loading dose and stepped rates for pumps without target control, checked with the exact solver. */
class ManualSchemeTest {

    @Test
    void oneCompartmentNeedsTheBolusCVAndThenOnlyTheRateCCl() {
        // 0.1 mg/L × 50 L = 5 mg; 0.1 mg/L × 25 L/h = 2.5 mg/h, at 1 mg/mL 2.5 mL/h
        PumpSettings pump = PumpSettings.standard().withSyringe(1, DrugSalt.BASE);
        ManualScheme m = ManualScheme.design(TargetController.plasma(TargetControllerTest.oneCompartment(50, 25),
                pump), 100, 2, 0.15);
        assertEquals(5, m.bolusMg(), 1e-12);
        for (ManualScheme.RateStep r : m.steps()) {
            assertEquals(2.5, r.rateMgPerH(), 1e-9);
        }
        assertEquals(100, m.minNgPerMl(), 1e-6);
        assertEquals(100, m.maxNgPerMl(), 1e-6);
        assertEquals(2, m.timeWithinH(), 1e-9);
        assertTrue(m.withinTolerance());
        assertEquals(2, m.steps().size(), "the fewest rates that hold the target");
        assertFalse(m.hasNorketamine());
    }

    @Test
    void aPublishedModelStaysWithinFifteenPercentAndTheSolverAgrees() {
        IndividualModel ind = TargetControllerTest.individual(Models.DEFAULT);
        ManualScheme m = ManualScheme.design(TargetController.plasma(ind, PumpSettings.standard(), null), 150, 4,
                0.15);
        assertTrue(m.withinTolerance(), m.toString());
        assertTrue(m.steps().size() <= ManualScheme.MAX_RATES);
        TimeGrid grid = TimeGrid.uniform(4, 1.0 / 3600);
        SimulationResult r = Simulation.standard().simulate(ind,
                ProtocolText.parse(m.protocolText("manual"), "manual.txt").regimen(), grid);
        double[] cp = r.profile().series(Analyte.KETAMINE).ngPerMl();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int within = 0;
        for (int i = 1; i < cp.length; i++) {
            min = Math.min(min, cp[i]);
            max = Math.max(max, cp[i]);
            if (Math.abs(cp[i] - 150) <= 0.15 * 150) {
                within++;
            }
        }
        assertEquals(m.minNgPerMl(), min, 1e-4 * 150);
        assertEquals(m.maxNgPerMl(), max, 1e-4 * 150);
        assertEquals(m.timeWithinH(), within / 3600.0, 2.0 / 3600);
        assertTrue(min >= 150 * 0.85 && max <= 150 * 1.15, min + " to " + max);
        double[] nk = r.profile().series(Analyte.NORKETAMINE).ngPerMl();
        assertEquals(m.norketamineEndNgPerMl(), nk[nk.length - 1], 1e-4 * nk[nk.length - 1]);
    }

    @Test
    void aTightToleranceThatCannotBeMetSaysSo() {
        IndividualModel ind = TargetControllerTest.individual(Models.DEFAULT);
        ManualScheme m = ManualScheme.design(TargetController.plasma(ind, PumpSettings.standard(), null), 150, 4,
                0.001);
        assertFalse(m.withinTolerance());
        assertTrue(m.timeWithinH() < 4);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheRange() {
        TargetController c = TargetController.plasma(TargetControllerTest.oneCompartment(50, 25),
                PumpSettings.standard());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ManualScheme.design(c, 150, 4, 0));
        assertEquals("tolerance", e.field());
        e = assertThrows(InvalidInputException.class, () -> ManualScheme.design(c, 150, 48, 0.15));
        assertTrue(e.getMessage().contains("target duration must be between 0.5 and 24 h but was 48"),
                e.getMessage());
    }
}
