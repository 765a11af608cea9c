package org.ketaminepk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * Infusions a few seconds long, and pushes too short or too fast to be infusions: each is either delivered in full,
 * wherever it starts, or refused with a message that says what to write instead.
 */
class ShortInfusionTest {
    private static final Patient ADULT = Patient.standardAdult();

    private static Profile run(PublishedModel m, Regimen r, double... timesH) {
        return Simulation.run(m, ADULT, r, TimeGrid.of(timesH)).profile();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20 mg over 0.000000000000001 s at 10 h | 7 | infusion duration must be at least 1 s",
        "20 mg over 0.000000000003 s daily x3 | 7 | infusion duration must be at least 1 s",
        "20 mg over 0.0000000036 s at 10000 h | 7 | infusion duration must be at least 1 s",
        "10000 mg over 0.0000001 s | 10 | infusion duration must be at least 1 s",
        "10000 mg over 5 s | 1 | infusion rate of 10000 mg over 5 s must be at most 60000 mg/h but was 7200000",
        "5 mg/kg over 10 s | 1 | must be at most 1200 mg/kg/h but was 1800 mg/kg/h",
        "60001 mg/h for 1 min | 1 | infusion rate must be greater than 0 and at most 60000 mg/h"})
    void pushesTooShortOrTooFastAreRefusedAtTheWordTheyAreAbout(String spec, int column, String problem) {
        DoseParser.ParseException e = assertThrows(DoseParser.ParseException.class, () -> DoseParser.parse(spec));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void theRefusalSaysWhatToWriteInstead() {
        InvalidInputException shortPush = assertThrows(InvalidInputException.class,
                () -> Dose.infusion(Amount.mg(20), 1e-12, 10));
        assertEquals("infusion duration", shortPush.field());
        assertEquals("infusion duration must be at least 1 s but was 3.600e-09 s; give a shorter push as a bolus "
                + "('bolus 20 mg')", shortPush.getMessage());
        InvalidInputException fast = assertThrows(InvalidInputException.class,
                () -> Dose.infusion(Amount.mg(2000), 30.0 / 3600, 0));
        assertEquals("infusion rate", fast.field());
        assertEquals("infusion rate of 2000 mg over 30 s must be at most 60000 mg/h but was 240000 mg/h; infuse it "
                + "over at least 2 min, or give it as 'bolus 2000 mg'", fast.getMessage());
        // the shortest duration the message names is accepted
        assertEquals(2000, Dose.infusion(Amount.mg(2000), 2.0 / 60, 0).amountMg(70), 1e-12);
        // pushes as studies give them are accepted
        assertEquals(20, Dose.infusion(Amount.mg(20), 30.0 / 3600, 0).amountMg(70), 1e-12);
        assertEquals(35, Dose.infusion(Amount.mgPerKg(0.5), 10.0 / 3600, 0).amountMg(70), 1e-12);
    }

    @Test
    void aRateStatedForUnderASecondIsRefusedToo() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Dose.infusion(Rate.mgPerH(10), 0.5 / 3600, 0));
        assertEquals("infusion duration must be at least 1 s but was 0.5 s; give a shorter push as a bolus",
                e.getMessage());
    }

    @Test
    void theImpliedRateMayReachTheCeilingOfAStatedRate() {
        Dose.Infusion perKg = Dose.infusion(Amount.mgPerKg(20), 1.0 / 60, 0);
        assertEquals(1200 * 70, perKg.rateMgPerH(70), 1e-6);
        Dose.Infusion absolute = Dose.infusion(Amount.mg(1000), 1.0 / 60, 0);
        assertEquals(Rate.MAX_MG_PER_H, absolute.rateMgPerH(70), 1e-6);
        assertThrows(InvalidInputException.class, () -> Dose.infusion(Amount.mg(1000.001), 1.0 / 60, 0));
        assertThrows(InvalidInputException.class, () -> Dose.infusion(Amount.mgPerKg(20.001), 1.0 / 60, 0));
    }

    @Test
    void aOneSecondInfusionTenThousandHoursInIsDeliveredInFullAndMatchesTheBolus() {
        double t0 = 10_000;
        // 0.25 mg in 1 s is 900 mg/h, under the ceiling of 60000 mg/h
        Profile inf = run(Models.DEFAULT, Regimen.of(Dose.infusion(Amount.mg(0.25), 1.0 / 3600, t0)), 0, t0, t0 + 1,
                t0 + 24);
        Profile bolus = run(Models.DEFAULT, Regimen.of(Dose.bolus(Amount.mg(0.25), t0)), 0, t0, t0 + 1, t0 + 24);
        double given = Analyte.KETAMINE.mgToUmol(0.25);
        int last = inf.size() - 1;
        assertEquals(given, inf.inputUmol(last), 1e-12 * given);
        assertEquals(0, inf.massBalanceErrorUmol(last), 1e-9 * given);
        double aucInf = inf.series(Analyte.KETAMINE).aucNgHPerMl();
        double aucBolus = bolus.series(Analyte.KETAMINE).aucNgHPerMl();
        // one second of infusion against a bolus: the AUC over a day differs by the drug cleared in that second
        assertEquals(aucBolus, aucInf, 1e-4 * aucBolus);
    }

    @Test
    void dailyOneSecondInfusionsFarFromTimeZeroAreAllDelivered() {
        Regimen r = Regimen.repeat(Dose.infusion(Amount.mg(0.2), 1.0 / 3600, 87_000), 24, 3);
        for (PublishedModel m : new PublishedModel[] {Models.DEFAULT, Models.DOMINO_1984}) {
            Profile p = run(m, r, 0, 87_000, 87_100);
            double given = Analyte.KETAMINE.mgToUmol(0.6);
            int last = p.size() - 1;
            assertEquals(given, p.inputUmol(last), 1e-12 * given, m.id());
            assertEquals(0, p.massBalanceErrorUmol(last), 1e-9 * given, m.id());
        }
    }
}
