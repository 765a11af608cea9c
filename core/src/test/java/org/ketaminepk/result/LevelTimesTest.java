package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;

/**
 * When a curve reaches a level and when it falls below it for good, found on the continuous curve: the same whatever
 * the output step, and the grid's linear reading on a one-second grid within one step of it.
 */
class LevelTimesTest {
    private static final double SECOND_H = 1.0 / 3600;

    /** The run on {@code grid}. */
    private static SimulationResult run(PublishedModel model, Regimen regimen, TimeGrid grid) {
        return Simulation.standard().simulate(model, Patient.standardAdult(), regimen, grid);
    }

    /**
     * Random regimens (an infusion, boluses, intramuscular doses or a daily infusion, repeated) on four models, and a level between 5 and 200
     * ng/mL: the times found with a 2-h output step equal those found with a 1-min step (to 1e-9 h: only the span
     * matters), and the one-second grid's linear reading of the first time at the level and of the time to fall
     * below it after the last input lies within one of its steps (plus 1e-9 h) of them.
     */
    @Property(tries = 40)
    void theStepDoesNotMoveThemAndAFineGridAgrees(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Random rnd = new Random(seed);
        PublishedModel model = List.of(Models.DEFAULT, Models.OTTO_2021, Models.KAMP_2020, Models.DOMINO_1984)
                .get(rnd.nextInt(4));
        Regimen regimen = switch (rnd.nextInt(3)) {
            case 0 -> Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.2 + rnd.nextDouble()), 0.25 + 3 * rnd.nextDouble(),
                    0.5 * rnd.nextDouble()));
            case 1 -> Regimen.repeat(Dose.bolus(Amount.mg(5 + 40 * rnd.nextDouble()), rnd.nextDouble()),
                    1 + 4 * rnd.nextDouble(), 1 + rnd.nextInt(3));
            default -> model == Models.DEFAULT
                    ? Regimen.repeat(Dose.extravascular(Route.INTRAMUSCULAR, Amount.mg(20 + 60 * rnd.nextDouble()), 0),
                            8, 3)
                    : Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 2);
        };
        double level = 5 + 195 * rnd.nextDouble();
        double end = Math.ceil(regimen.endH()) + 12;
        Map<Analyte, LevelTimes> coarse = run(model, regimen, TimeGrid.uniform(end, 2)).levelTimes(level)
                .orElseThrow();
        Map<Analyte, LevelTimes> minute = run(model, regimen, TimeGrid.uniform(end, 1.0 / 60)).levelTimes(level)
                .orElseThrow();
        SimulationResult fine = run(model, regimen, TimeGrid.uniform(end, SECOND_H));
        double after = regimen.endH();
        for (Analyte a : coarse.keySet()) {
            LevelTimes c = coarse.get(a);
            LevelTimes m = minute.get(a);
            String what = model.id() + " " + a.label() + " at " + level + " ng/mL";
            assertSame(c.firstAtOrAboveH(), m.firstAtOrAboveH(), 1e-9, what + ": first, by step");
            assertSame(c.lastAtOrAboveH(), m.lastAtOrAboveH(), 1e-9, what + ": last, by step");
            assertEquals(c.atOrAboveAtEnd(), m.atOrAboveAtEnd(), what);
            Series s = fine.profile().series(a);
            OptionalDouble reach = s.timeToReachH(level);
            assertSame(reach, c.firstAtOrAboveH(), SECOND_H + 1e-9, what + ": first against the grid");
            assertSame(s.timeToFallBelowH(level, after), c.timeToFallBelowH(after), SECOND_H + 1e-9,
                    what + ": time to fall below after " + after + " h");
        }
    }

    /**
     * The example: 0.5 mg/kg over 40 min with a 1-h output step. On the grid, ketamine "reaches" 70 ng/mL
     * at the first point above it, interpolated from time 0 (about 17 min here); it does at 2.6 min.
     */
    @Test
    void aCoarseStepNoLongerDelaysReachingTheBand() {
        Regimen r = Regimen.of(Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0));
        SimulationResult hourly = run(Models.DEFAULT, r, TimeGrid.uniform(12, 1));
        double exact = hourly.levelTimes(70).orElseThrow().get(Analyte.KETAMINE).firstAtOrAboveH().getAsDouble();
        double grid = hourly.profile().series(Analyte.KETAMINE).timeToReachH(70).getAsDouble();
        double fine = run(Models.DEFAULT, r, TimeGrid.uniform(12, SECOND_H)).profile().series(Analyte.KETAMINE)
                .timeToReachH(70).getAsDouble();
        assertEquals(fine, exact, SECOND_H);
        assertEquals(2.6, exact * 60, 0.05);
        assertTrue(grid * 60 > 10, "the hourly grid's reading is late: " + grid * 60 + " min");
    }

    /** A bolus that lifts the curve past the level reaches it at its own time, not before. */
    @Test
    void aBolusReachesTheLevelAtItsOwnTime() {
        Regimen r = Regimen.of(Dose.bolus(Amount.mg(0.1), 0), Dose.bolus(Amount.mg(60), 1.5));
        LevelTimes t = run(Models.DOMINO_1984, r, TimeGrid.uniform(6, 0.5)).levelTimes(100).orElseThrow()
                .get(Analyte.KETAMINE);
        assertEquals(1.5, t.firstAtOrAboveH().getAsDouble(), 0);
        assertFalse(t.atOrAboveAtEnd());
        assertTrue(t.timeToFallBelowH(1.5).getAsDouble() > 0);
    }

    /** A level never reached has no times; one still held at the end has no time to fall below it. */
    @Test
    void neverReachedAndStillAbove() {
        Regimen r = Regimen.of(Dose.infusion(Amount.mg(100), 2, 0));
        Map<Analyte, LevelTimes> high = run(Models.DOMINO_1984, r, TimeGrid.uniform(3, 1)).levelTimes(1e6)
                .orElseThrow();
        assertTrue(high.get(Analyte.KETAMINE).firstAtOrAboveH().isEmpty());
        assertEquals(0, high.get(Analyte.KETAMINE).timeToFallBelowH(2).getAsDouble());
        LevelTimes held = run(Models.DOMINO_1984, r, TimeGrid.uniform(2.5, 0.5)).levelTimes(20).orElseThrow()
                .get(Analyte.KETAMINE);
        assertTrue(held.atOrAboveAtEnd());
        assertTrue(held.timeToFallBelowH(2).isEmpty());
    }

    @Test
    void inconsistentTimesAreRefused() {
        assertThrows(InvalidInputException.class, () -> new LevelTimes(70, OptionalDouble.of(2),
                OptionalDouble.of(1), false));
        assertThrows(InvalidInputException.class, () -> new LevelTimes(70, OptionalDouble.empty(),
                OptionalDouble.of(1), false));
        assertThrows(InvalidInputException.class, () -> new LevelTimes(70, OptionalDouble.empty(),
                OptionalDouble.empty(), true));
    }

    private static void assertSame(OptionalDouble expected, OptionalDouble actual, double tolerance, String what) {
        assertEquals(expected.isPresent(), actual.isPresent(), what + ": " + expected + " against " + actual);
        if (expected.isPresent()) {
            assertEquals(expected.getAsDouble(), actual.getAsDouble(), tolerance, what);
        }
    }
}
