package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Disposition;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * The main entry points called with bad arguments, as an embedding program might: each refuses with an
 * {@link InvalidInputException} naming the field, never with a NullPointerException or an index error from inside.
 */
class EntryPointArgumentsTest {
    private static final Regimen INFUSION = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0));
    private static final TimeGrid GRID = TimeGrid.uniform(24, 0.25);
    private static final SimulationResult RESULT = Simulation.run(Models.DEFAULT, Patient.standardAdult(), INFUSION,
            GRID);

    private static void refused(String field, Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aProfileAskedForNoAnalyteSaysSo() {
        Profile p = RESULT.profile();
        refused("analyte", () -> p.series(null));
        refused("analyte", () -> p.troughsBeforeDosesNgPerMl(null));
        refused("analyte", () -> p.bodyUmol(null, 0));
        refused("analyte", () -> p.eliminatedUmol(null, 0));
        refused("analyte", () -> RESULT.aucRatio(null, Analyte.KETAMINE));
        refused("analyte", () -> RESULT.aucRatio(Analyte.NORKETAMINE, null));
    }

    @Test
    void solvingAnIndividualModelNeedsEveryArgument() {
        Simulation sim = Simulation.standard();
        IndividualModel ind = sim.individualize(Models.DEFAULT, Patient.standardAdult());
        refused("individual model", () -> sim.simulate((IndividualModel) null, INFUSION, GRID));
        refused("regimen", () -> sim.simulate(ind, null, GRID));
        refused("grid", () -> sim.simulate(ind, INFUSION, null));
    }

    @Test
    void aDoseIsResolvedOnlyForAWeightThatAPatientCouldHave() {
        Dose.Infusion perKg = Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25);
        Dose.Bolus fixed = Dose.bolus(Amount.mg(20), 0);
        for (double kg : new double[] {Double.NaN, -70, 0, Double.POSITIVE_INFINITY, 351}) {
            refused("dosing weight", () -> Rate.mgPerKgPerH(0.35).toMgPerH(kg));
            refused("dosing weight", () -> Rate.mgPerH(20).toMgPerH(kg));
            refused("dosing weight", () -> Amount.mgPerKg(0.5).toMg(kg));
            refused("dosing weight", () -> perKg.amountMg(kg));
            refused("dosing weight", () -> perKg.rateMgPerH(kg));
            refused("dosing weight", () -> perKg.capped(kg));
            refused("dosing weight", () -> fixed.amountMg(kg));
            refused("dosing weight", () -> INFUSION.totalMg(kg));
        }
        assertEquals(0.35 * 4 * 70, INFUSION.totalMg(70), 1e-12);
        assertEquals(20, fixed.amountMg(350));
    }

    @Test
    void anObservedHalfLifeIsReadOnlyAfterATimeOnTheGrid() {
        Series s = RESULT.profile().series(Analyte.KETAMINE);
        // NaN fell through every comparison and the fit silently used the whole curve's last third
        refused("after", () -> s.terminalHalfLifeH(Double.NaN));
        refused("after", () -> s.terminalHalfLifeH(-1));
        refused("after", () -> s.terminalHalfLifeH(GRID.endH() + 1));
        assertTrue(s.terminalHalfLifeH(12).isPresent());
    }

    @Test
    void aPointOutsideTheGridIsRefusedWithTheValidIndices() {
        Profile p = RESULT.profile();
        Series s = p.series(Analyte.KETAMINE);
        int n = GRID.size();
        for (int i : new int[] {-1, n}) {
            refused("point index", () -> GRID.time(i));
            refused("point index", () -> s.timeH(i));
            refused("point index", () -> s.ngPerMl(i));
            refused("point index", () -> s.umolPerL(i));
            refused("point index", () -> p.bodyUmol(Analyte.KETAMINE, i));
            refused("point index", () -> p.eliminatedUmol(Analyte.KETAMINE, i));
            refused("point index", () -> p.inputUmol(i));
            refused("point index", () -> p.massBalanceErrorUmol(i));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.ngPerMl(n));
        assertEquals("point index must be between 0 and " + (n - 1) + " but was " + n, e.getMessage());
        assertEquals(GRID.endH(), s.timeH(n - 1));
    }

    @Test
    void aModelIsIndividualisedOnlyWithAnAdjuster() {
        refused("adjuster", () -> Models.DEFAULT.individualize(Patient.standardAdult(), null));
        refused("patient", () -> Models.DEFAULT.individualize(null, StandardPatientAdjuster.instance()));
    }

    @Test
    void theFarAboveRangeCheckTakesOnlyAConcentration() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1}) {
            refused("ketamine concentration", () -> Simulation.farAboveAnaestheticRange(bad, "at 1 h"));
        }
        assertTrue(Simulation.farAboveAnaestheticRange(0, "at 1 h").isEmpty());
        assertTrue(Simulation.farAboveAnaestheticRange(1e6, "at 1 h").isPresent());
    }

    @Test
    void aDispositionAskedForNoAnalyteSaysSoRatherThanReportingNoHalfLife() {
        Disposition d = RESULT.disposition();
        refused("analyte", () -> d.terminalRatePerH(null));
        refused("analyte", () -> d.terminalHalfLifeH(null));
        refused("analyte", () -> d.aucToInfinityNgHPerMl(null));
        assertTrue(d.terminalHalfLifeH(Analyte.KETAMINE).isPresent());
    }
}
