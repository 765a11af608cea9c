package org.ketaminepk.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;

/**
 * Values an embedding pump program may pass to the target package: a state of its own bookkeeping, a rate, a time.
 * Each is refused in one line or gives a concentration that exists (finite, not negative).
 */
class TargetInputsTest {
    private static final IndividualModel KAMP = Simulation.standard().individualize(Models.KAMP_2020,
            Patient.standardAdult());
    private static final TargetController PLASMA = TargetController.plasma(KAMP, PumpSettings.standard());

    @Test
    void aStateHoldsAmountsThatExist() {
        int n = KAMP.system().size();
        double[] negative = new double[n];
        negative[0] = -1;
        // accepted before, and read as a plasma concentration of -238 ng/mL
        assertEquals("state amount of compartment 0 must be between 0 and 1000000000000 µmol but was -1",
                assertThrows(InvalidInputException.class, () -> new TargetController.State(0, negative, 0))
                        .getMessage());
        double[] huge = new double[n];
        huge[0] = 1e307;
        // accepted before, and read as an infinite plasma concentration
        assertThrows(InvalidInputException.class, () -> new TargetController.State(0, huge, 0));
        assertEquals("effect-site concentration must be between 0 and 1000000000000 µmol/L but was -0.5",
                assertThrows(InvalidInputException.class, () -> new TargetController.State(0, new double[n], -0.5))
                        .getMessage());
        assertEquals("state amounts is required but was missing", assertThrows(InvalidInputException.class,
                () -> new TargetController.State(0, null, 0)).getMessage());
    }

    @Test
    void aStateOfAnotherSystemIsRefusedEverywhere() {
        TargetController.State one = new TargetController.State(0, new double[] {1}, 0);
        String expected = "state must hold " + KAMP.system().size() + " amounts (one per compartment of kamp-2020) "
                + "but held 1";
        // advance() padded the missing amounts with zeros and went on; plasmaNgPerMl() threw an index error
        assertEquals(expected, assertThrows(InvalidInputException.class, () -> PLASMA.advance(one, 1)).getMessage());
        assertEquals(expected, assertThrows(InvalidInputException.class, () -> PLASMA.plasmaNgPerMl(one))
                .getMessage());
        assertEquals(expected, assertThrows(InvalidInputException.class, () -> PLASMA.decide(one, 100))
                .getMessage());
        assertEquals("state is required but was missing", assertThrows(InvalidInputException.class,
                () -> PLASMA.advance(null, 1)).getMessage());
        // a schedule's steps are checked one by one (a null step threw a NullPointerException)
        assertEquals("target steps[1] is required but was missing", assertThrows(InvalidInputException.class,
                () -> TargetSchedule.of(java.util.Arrays.asList(new TargetSchedule.Step(0, 1, 100), null)))
                .getMessage());
    }

    @Test
    void aPlanOnlyEverPassesStatesThatExist() {
        TargetController effect = TargetController.effectSite(KAMP, PumpSettings.standard(), new EffectLink(0.5,
                EffectLink.Basis.FITTED, "test"), 1.5);
        for (TargetController c : new TargetController[] {PLASMA, effect}) {
            TargetPlan plan = c.plan(TargetSchedule.parse("150 ng/mL for 20 min, then 0 for 20 min, then 50 ng/mL "
                    + "for 20 min"), 1.5);
            for (double v : plan.plasmaNgPerMl()) {
                assertTrue(v >= 0 && Double.isFinite(v), () -> "plasma " + v);
            }
        }
    }

    @Test
    void aPumpWithoutARateStepSaysSoAndARateStepIsPositive() {
        PumpSettings none = PumpSettings.standard();
        // 0 stood for "no rate step" before, and a manual scheme read that 0 as 0.1 mL/h
        assertEquals(OptionalDouble.empty(), none.rateStepMlPerH());
        assertEquals(OptionalDouble.of(0.5), none.withRateStepMlPerH(0.5).rateStepMlPerH());
        assertEquals(OptionalDouble.empty(), none.withRateStepMlPerH(0.5).withoutRateStep().rateStepMlPerH());
        assertEquals(1.2345, none.quantize(1.2345));
        assertEquals(1.0, none.withRateStepMlPerH(0.5).quantize(1.2345));
        for (double bad : new double[] {0, -0.1, Double.NaN, 10.5}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> none.withRateStepMlPerH(bad));
            assertTrue(e.getMessage().startsWith("rate step must be"), e::getMessage);
            assertTrue(e.getMessage().contains("mL/h"), e::getMessage);
        }
    }

    @Test
    void ratesAndTimesOutsideTheirRangeAreRefused() {
        PumpSettings pump = PumpSettings.standard();
        // returned NaN and -5 before
        assertEquals("rate must be between 0 and 1200 mL/h but was NaN", assertThrows(InvalidInputException.class,
                () -> pump.quantize(Double.NaN)).getMessage());
        assertThrows(InvalidInputException.class, () -> pump.quantize(-5));
        assertEquals(pump.maxRateMlPerH(), pump.quantize(pump.maxRateMlPerH()));
        TargetSchedule s = TargetSchedule.constant(100, 2);
        // returned 0 ng/mL, as if between steps
        assertEquals("time must be between 0 and 87660 h but was NaN", assertThrows(InvalidInputException.class,
                () -> s.targetAt(Double.NaN)).getMessage());
        assertThrows(InvalidInputException.class, () -> s.targetAt(-1));
        assertEquals(100, s.targetAt(0));
        assertEquals(0, s.targetAt(2));
    }

    @Test
    void aManualSchemeNeedsAPlasmaController() {
        TargetController effect = TargetController.effectSite(KAMP, PumpSettings.standard(), new EffectLink(0.5,
                EffectLink.Basis.FITTED, "test"));
        // the javadoc asked for a plasma-mode controller; an effect-site one was used silently as if it were one
        assertEquals("controller must target plasma (a manual scheme holds the plasma concentration) but targets the "
                + "effect site", assertThrows(InvalidInputException.class, () -> ManualScheme.design(effect, 100, 4,
                        0.1)).getMessage());
    }
}
