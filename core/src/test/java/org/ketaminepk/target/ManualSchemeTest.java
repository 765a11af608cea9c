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
        ManualScheme m = ManualScheme.design(TargetController.plasma(ind, PumpSettings.standard()), 150, 4,
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
        assertEquals(m.norketamineEndNgPerMl().getAsDouble(), nk[nk.length - 1], 1e-4 * nk[nk.length - 1]);
    }

    @Test
    void aPumpWithoutARateStepGetsRatesRoundedToTheDocumentedDefault() {
        IndividualModel ind = TargetControllerTest.individual(Models.DEFAULT);
        PumpSettings none = PumpSettings.standard().withoutRateStep();
        ManualScheme m = ManualScheme.design(TargetController.plasma(ind, none), 150, 4, 0.15);
        ManualScheme stated = ManualScheme.design(TargetController.plasma(ind,
                none.withRateStepMlPerH(ManualScheme.DEFAULT_RATE_STEP_ML_PER_H)), 150, 4, 0.15);
        assertEquals(stated.steps(), m.steps());
        for (ManualScheme.RateStep r : m.steps()) {
            double tenths = r.rateMlPerH() / ManualScheme.DEFAULT_RATE_STEP_ML_PER_H;
            assertEquals(Math.rint(tenths), tenths, 1e-6, () -> r.toString());
        }
    }

    @Test
    void aTightToleranceThatCannotBeMetSaysSo() {
        IndividualModel ind = TargetControllerTest.individual(Models.DEFAULT);
        ManualScheme m = ManualScheme.design(TargetController.plasma(ind, PumpSettings.standard()), 150, 4,
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

    /** Intravenous doses into a compartment that drains into the targeted one at {@code kPerH}. */
    static org.ketaminepk.engine.CompartmentSystem throughADepot(double kPerH) {
        org.ketaminepk.engine.CompartmentSystem.Builder b = org.ketaminepk.engine.CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, org.ketaminepk.engine.CompartmentSystem.Kind.CENTRAL);
        int d = b.compartment("depot", Analyte.KETAMINE, org.ketaminepk.engine.CompartmentSystem.Kind.DEPOT);
        b.eliminate(c, b.sink("eliminated", Analyte.KETAMINE), 0.5);
        b.flow(d, c, kPerH);
        b.observe(Analyte.KETAMINE, c, 50);
        b.route(org.ketaminepk.base.Route.INTRAVENOUS, org.ketaminepk.engine.RouteInput.fixed(java.util.List.of(
                org.ketaminepk.engine.InputChannel.into(d, 1))));
        return b.build();
    }

    /**
     * A loading bolus of C·V1 needs doses that enter the targeted compartment: through a depot it divided by an
     * input of 0 and asked for a bolus of 9.2e17 mg.
     */
    @Test
    void aSystemWhoseDosesDoNotEnterTheTargetedCompartmentIsRefused() {
        TargetController c = TargetController.plasma(throughADepot(60), PumpSettings.standard());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ManualScheme.design(c, 100, 2,
                0.15));
        assertEquals("a manual scheme's loading bolus brings the targeted compartment to the target at once, "
                + "but the intravenous route of the system does not put drug into it", e.getMessage());
    }

    /** Norketamine was NaN when the model did not predict it. */
    @Test
    void norketamineIsEmptyWhenTheModelHasNone() {
        ManualScheme none = ManualScheme.design(TargetController.plasma(TargetControllerTest.oneCompartment(50, 25),
                PumpSettings.standard()), 100, 1, 0.15);
        assertTrue(none.norketamineEndNgPerMl().isEmpty());
        assertTrue(none.norketamineMaxNgPerMl().isEmpty());
        ManualScheme some = ManualScheme.design(TargetController.plasma(TargetControllerTest.individual(
                Models.DEFAULT), PumpSettings.standard()), 100, 1, 0.15);
        assertTrue(some.norketamineEndNgPerMl().getAsDouble() > 0);
        assertTrue(some.norketamineMaxNgPerMl().getAsDouble() >= some.norketamineEndNgPerMl().getAsDouble());
    }
}
