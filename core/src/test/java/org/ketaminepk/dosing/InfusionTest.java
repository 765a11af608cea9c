package org.ketaminepk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

/** An infusion holds the form it is not stated in and a missing cap as empty; a NaN cap is refused. */
class InfusionTest {

    private static final Dose.Infusion CRPS = Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0);

    @Test
    void whatIsNotStatedIsEmpty() {
        // amount() was null for a rate, rate() null for an amount and capMgPerH() NaN without a cap
        assertEquals(Optional.empty(), CRPS.amount());
        assertEquals(Optional.of(Rate.mgPerKgPerH(0.35)), CRPS.rate());
        assertEquals(OptionalDouble.empty(), CRPS.capMgPerH());
        assertTrue(CRPS.perKg());
        Dose.Infusion zarate = Dose.infusion(Amount.mg(35), 40.0 / 60, 0);
        assertEquals(Optional.of(Amount.mg(35)), zarate.amount());
        assertEquals(Optional.empty(), zarate.rate());
        assertFalse(zarate.perKg());
    }

    @Test
    void aCapIsGivenOrTakenAwayNeverSetToNaN() {
        Dose.Infusion capped = CRPS.withCapMgPerH(25);
        assertEquals(OptionalDouble.of(25), capped.capMgPerH());
        assertTrue(capped.capped(90));
        assertEquals(25, capped.rateMgPerH(90), 1e-12);
        assertEquals("iv 0.35 mg/kg/h for 4 h, max 25 mg/h at 0 h", capped.describe());
        assertEquals(CRPS, capped.withoutCap());
        assertEquals(31.5, capped.withoutCap().rateMgPerH(90), 1e-12);
        // withCapMgPerH(NaN) took the cap away without a word
        assertEquals("rate cap must be greater than 0 and at most 1000 mg/h but was NaN", assertThrows(
                InvalidInputException.class, () -> CRPS.withCapMgPerH(Double.NaN)).getMessage());
        assertEquals("rate cap is required but was missing", assertThrows(InvalidInputException.class,
                () -> new Dose.Infusion(0, 4, Optional.empty(), CRPS.rate(), null, DrugSalt.BASE)).getMessage());
        assertEquals("an infusion needs either an amount or a rate, not both", assertThrows(
                InvalidInputException.class, () -> new Dose.Infusion(0, 4, Optional.of(Amount.mg(10)), CRPS.rate(),
                        OptionalDouble.empty(), DrugSalt.BASE)).getMessage());
    }
}
