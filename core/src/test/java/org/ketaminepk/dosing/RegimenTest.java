package org.ketaminepk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocols;

/** Dose units, caps, salts, repetition and the refusal of impossible doses. */
class RegimenTest {

    /** The README says the dose grammar and the built-in protocol give the same regimen: equal, as values are. */
    @Test
    void regimensOfEqualDosesAreEqualHoweverWritten() {
        Regimen parsed = DoseParser.parse("0.35 mg/kg/h for 4 h daily x10 max 25 mg/h");
        Regimen built = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
        assertEquals(built, parsed);
        assertEquals(built.hashCode(), parsed.hashCode());
        assertEquals(parsed, Protocols.get("crps-schwartzman-2009").regimen());
        assertNotEquals(built, Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0)), 10));
        assertNotEquals(built, parsed.shifted(1));
    }

    @Test
    void weightBasedRateIsCapped() {
        Dose.Infusion inf = Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25);
        assertEquals(0.35 * 60, inf.rateMgPerH(60), 1e-12);
        assertTrue(inf.capped(100));
        assertEquals(25, inf.rateMgPerH(100), 1e-12);
        assertEquals(100, inf.amountMg(100), 1e-12);
    }

    @Test
    void unitsConvert() {
        assertEquals(41 * 0.06 * 70, Dose.infusion(Rate.ugPerKgPerMin(41), 3, 0).rateMgPerH(70), 1e-12);
        assertEquals(0.5 * 80, Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0).amountMg(80), 1e-12);
        assertEquals(0.25, Amount.ug(250).toMg(70), 1e-15);
    }

    @Test
    void hydrochlorideIsConvertedToBase() {
        Dose.Infusion hcl = Dose.infusion(Amount.mg(28.8), 40.0 / 60, 0).withSalt(DrugSalt.HYDROCHLORIDE);
        // Spravato label: 28 mg base per 32.3 mg hydrochloride; 28.8 mg HCl ≈ 24.97 mg base
        assertEquals(28.8 * 0.867, hcl.amountMg(70), 0.01);
        assertEquals(28.0, 32.3 * DrugSalt.HYDROCHLORIDE.baseFraction(), 0.01);
        // the salt adds H (1.008) and Cl (35.45) to the base, with the same IUPAC 2013 weights as Analyte's 237.727
        double base = org.ketaminepk.base.Analyte.KETAMINE.molarMassGPerMol();
        assertEquals(base / (base + 1.008 + 35.45), DrugSalt.HYDROCHLORIDE.baseFraction(), 1e-12);
    }

    @Test
    void repeatedSchedulesShiftEveryDose() {
        Regimen r = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerH(22), 4, 0)), 10);
        assertEquals(10, r.doses().size());
        assertEquals(9 * 24 + 4, r.endH(), 1e-12);
        assertEquals(10 * 88, r.totalMg(70), 1e-9);
        Regimen w = Regimen.weekly(Regimen.of(Dose.bolus(Amount.mg(10), 0)), 3).then(
                Regimen.of(Dose.extravascular(Route.ORAL, Amount.mg(50), 0)), 500);
        assertEquals(4, w.doses().size());
        assertEquals(500, w.doses().get(3).timeH(), 0);
    }

    @Test
    void scheduleCarriesEveryMicromole() {
        Regimen r = Regimen.of(Dose.bolus(Amount.mg(10), 0), Dose.infusion(Amount.mg(30), 2, 1));
        Schedule s = r.schedule(Models.DOMINO_1984.individualize(Patient.standardAdult(),
                org.ketaminepk.model.PatientAdjuster.NONE).system(), 70);
        assertEquals(Analyte.KETAMINE.mgToUmol(40), s.inputUpTo(10), 1e-9);
        assertEquals(Analyte.KETAMINE.mgToUmol(10 + 15), s.inputUpTo(2), 1e-9);
    }

    @Test
    void impossibleDosesAreRefusedWithFieldValueUnitAndRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Amount.mg(-3));
        assertEquals("dose amount must be greater than 0 and at most 10000 mg but was -3", e.getMessage());
        assertThrows(InvalidInputException.class, () -> Amount.mg(Double.NaN));
        assertThrows(InvalidInputException.class, () -> Amount.mgPerKg(0));
        assertThrows(InvalidInputException.class, () -> Rate.mgPerH(Double.POSITIVE_INFINITY));
        InvalidInputException d = assertThrows(InvalidInputException.class,
                () -> Dose.infusion(Amount.mg(10), 0, 0));
        assertEquals("infusion duration must be greater than 0 and at most 720 h but was 0", d.getMessage());
        assertThrows(InvalidInputException.class, () -> Dose.bolus(Amount.mg(10), -1));
        assertThrows(InvalidInputException.class, () -> Regimen.repeat(Dose.bolus(Amount.mg(1), 0), 24, 0));
    }

    @Test
    void unknownRouteForAModelIsAClearError() {
        Regimen r = Regimen.of(Dose.extravascular(Route.ORAL, Amount.mg(50), 0));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.schedule(
                Models.DOMINO_1984.individualize(Patient.standardAdult(),
                        org.ketaminepk.model.PatientAdjuster.NONE).system(), 70));
        assertEquals("route must be one of iv for this model but was oral", e.getMessage());
    }

    @Test
    void missingPartsAndOversizedRepeatsAreRefusedBeforeAnythingIsBuilt() {
        assertEquals("doses[1]", assertThrows(InvalidInputException.class,
                () -> Regimen.of(Dose.bolus(Amount.mg(1), 0), null)).field());
        assertEquals("regimen", assertThrows(InvalidInputException.class,
                () -> Regimen.repeat((Regimen) null, 24, 2)).field());
        Regimen one = Regimen.of(Dose.bolus(Amount.mg(1), 0));
        assertEquals("regimen", assertThrows(InvalidInputException.class, () -> one.then(null, 1)).field());
        assertEquals("regimen", assertThrows(InvalidInputException.class, () -> one.and(null)).field());
        Regimen many = Regimen.repeat(Dose.bolus(Amount.mg(1), 0), 0.001, 10_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Regimen.repeat(many, 24, 11));
        assertEquals("a regimen may hold at most 100000 doses but 11 repetitions of 10000 doses make 110000",
                e.getMessage());
    }

    @Test
    void namedInfusionStepsEqualThePositionalFactory() {
        Rate rate = Rate.mgPerKgPerH(0.35);
        assertEquals(Dose.infusion(rate, 4, 24), Dose.infusion(rate).forHours(4).at(24));
        assertEquals(Dose.infusion(rate, 4, 24),
                Dose.infusion(rate).lasting(java.time.Duration.ofHours(4)).at(java.time.Duration.ofDays(1)));
        assertThrows(InvalidInputException.class,
                () -> Dose.infusion(rate).forHours(-1).at(0));
    }
}
