package org.ketaminepk.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.patient.Patient;

/** Perez-Ruixo 2021 against its abstract and its Table 4 (typical exposures). */
class PerezRuixo2021Test {
    private static final Patient ADULT = Sim.adult(45, 74);

    @Test
    void absoluteNasalAndOralBioavailabilityMatchTheAbstract() {
        // abstract: 54 % (56 mg) and 51 % (84 mg); the swallowed fraction reaching the circulation 18.6 % in the
        // abstract, 17.8 % from Table 3 (Fgut·(1 − E)) — a gap the model notes keep
        assertEquals(0.54, Sim.bioavailability(Models.PEREZ_RUIXO_2021, ADULT, Route.INTRANASAL, 56, 400), 0.005);
        assertEquals(0.51, Sim.bioavailability(Models.PEREZ_RUIXO_2021, ADULT, Route.INTRANASAL, 84, 400), 0.005);
        assertEquals(0.538, Sim.bioavailability(Models.PEREZ_RUIXO_2021, ADULT, Route.INTRANASAL, 56, 400), 0.001);
        assertEquals(0.509, Sim.bioavailability(Models.PEREZ_RUIXO_2021, ADULT, Route.INTRANASAL, 84, 400), 0.001);
        assertEquals(0.178, Sim.bioavailability(Models.PEREZ_RUIXO_2021, ADULT, Route.ORAL, 84, 400), 0.001);
    }

    @Test
    void intravenousClearanceIsTheWellStirredLiverValue() {
        // Qh·E with E = Vh(kel + kmet)/(Qh + Vh(kel + kmet)) = 109.0 L/h; the abstract prints 114 L/h
        double cl = Sim.clearanceLPerH(Models.PEREZ_RUIXO_2021, ADULT, 400);
        assertEquals(109.0, cl, 0.1);
        assertEquals(114, cl, 0.05 * 114);
    }

    /** Table 4, 18-60 years (age 45) and > 60 years (age 70), non-Asian: Cmax ng/mL, AUC0-24 ng·h/mL. */
    @ParameterizedTest(name = "{0} mg, age {1}")
    @CsvSource({
        "28, 45, 43.8, 147.3, 59.1, 274.4, 386.9",
        "56, 45, 72.5, 254.7, 119.7, 516.3, 745.8",
        "84, 45, 101.0, 362.2, 180.0, 758.0, 1104.5",
        "28, 70, 44.6, 160.4, 57.3, 277.9, 382.1",
        "56, 70, 73.8, 275.8, 117.2, 522.0, 738.0",
        "84, 70, 102.7, 391.2, 177.0, 765.9, 1093.6"})
    void tableFourExposuresAreReproduced(double mg, double age, double eskCmax, double eskAuc, double norCmax,
            double norAucTable, double norAucModel) {
        SimulationResult r = Sim.run(Models.PEREZ_RUIXO_2021, Sim.adult(age, 74), Sim.dose(Route.INTRANASAL, mg),
                TimeGrid.uniform(24, 1.0 / 60));
        var esk = r.profile().series(Analyte.KETAMINE);
        var nor = r.profile().series(Analyte.NORKETAMINE);
        assertEquals(eskCmax, esk.cmaxNgPerMl(), 0.03 * eskCmax);
        assertEquals(eskAuc, esk.aucNgHPerMl(0, 24), 0.03 * eskAuc);
        assertEquals(norCmax, nor.cmaxNgPerMl(), 0.03 * norCmax);
        // noresketamine AUC0-24: the literal Table 3 model gives 1.38-1.56 times Table 4 (an inconsistency in the
        // publication); the model's own values are pinned instead
        double norAuc = nor.aucNgHPerMl(0, 24);
        assertEquals(norAucModel, norAuc, 0.02 * norAucModel);
        double gap = norAuc / norAucTable;
        assertTrue(gap > 1.37 && gap < 1.46, "documented gap to Table 4: " + gap);
    }

    @Test
    void ageAboveSixtyLowersHepaticFlowAndRecordsIt() {
        IndividualModel young = Models.PEREZ_RUIXO_2021.individualize(Sim.adult(60, 74), PatientAdjuster.NONE);
        assertEquals(151, young.values().get("Qh"), 1e-12);
        assertTrue(young.adjustments().stream().noneMatch(a -> a.parameter().equals("Qh")));
        IndividualModel old = Models.PEREZ_RUIXO_2021.individualize(Sim.adult(70, 74), PatientAdjuster.NONE);
        assertEquals(151 - 21.9, old.values().get("Qh"), 1e-9);
        Adjustment a = old.adjustments().stream().filter(x -> x.parameter().equals("Qh")).findFirst().orElseThrow();
        assertEquals(151, a.typicalValue(), 1e-12);
        assertEquals(129.1, a.patientValue(), 1e-9);
        assertTrue(a.reason().contains("above 60"));
    }

    @Test
    void weightDoesNotChangeTheModel() {
        assertEquals(Sim.clearanceLPerH(Models.PEREZ_RUIXO_2021, Sim.adult(45, 50), 400),
                Sim.clearanceLPerH(Models.PEREZ_RUIXO_2021, Sim.adult(45, 150), 400), 1e-9);
    }

    @Test
    void nasalDosesAreSplitIntoDevicesFiveMinutesApart() {
        List<InputChannel> c = PerezRuixo2021.nasalChannels(84, 0.54, 0.54 * 0.62, 0.64, 0.53, 0, 1, 0);
        assertEquals(9, c.size());
        double nasal = 0;
        double total = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(i * 5.0 / 60, c.get(3 * i).lagH(), 1e-12);
            assertEquals(0.53, c.get(3 * i + 1).durationH(), 1e-12);
            nasal += c.get(3 * i).fraction();
        }
        for (InputChannel x : c) {
            total += x.fraction();
        }
        assertEquals(1, total, 1e-12);
        assertEquals((0.54 + 2 * 0.54 * 0.62) / 3, nasal, 1e-12);
        // 40 mg: one full device and a partly filled second one
        List<InputChannel> part = PerezRuixo2021.nasalChannels(40, 0.54, 0.3348, 0.64, 0.53, 0, 1, 0);
        assertEquals(6, part.size());
        assertEquals(28.0 / 40 * 0.54, part.get(0).fraction(), 1e-12);
        assertEquals(12.0 / 40 * 0.3348, part.get(3).fraction(), 1e-12);
    }
}
