package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/**
 * A missing level among the levels is named by its position (a NullPointerException before); a level no patient
 * could have (above 0 before the first dose) is refused instead of being fitted with a likelihood of 1e-20.
 */
class FitInputsTest {
    private static final Regimen HOUR = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.5), 1, 0));

    @Test
    void aMissingLevelIsNamed() {
        List<Level> levels = Arrays.asList(Level.of(1, Analyte.KETAMINE, 10), null);
        assertEquals("levels[1] is required but was missing", assertThrows(InvalidInputException.class,
                () -> MapFit.of(Models.OTTO_2021).fit(Patient.standardAdult(), HOUR, levels)).getMessage());
        assertEquals("levels[1] is required but was missing", assertThrows(InvalidInputException.class,
                () -> LevelCheck.of(Simulation.standard().individualize(Models.OTTO_2021, Patient.standardAdult()),
                        HOUR, levels)).getMessage());
    }

    @Test
    void aLevelBeforeTheFirstDoseThatNoPatientCouldHaveIsRefused() {
        MapFit fit = MapFit.of(Models.OTTO_2021);
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> fit.fit(Patient.standardAdult(),
                HOUR, List.of(Level.of(0, Analyte.KETAMINE, 100), Level.of(1, Analyte.KETAMINE, 150))));
        assertEquals("level", x.field());
        assertEquals("level 1 (ketamine 100 ng/mL at 0 h) is at or before the first dose (0 h), where the model "
                + "predicts 0 for any patient; give the earlier doses too, or report a pre-dose level as 0 or below "
                + "the LLOQ", x.getMessage());
        // a bolus at that very time is in the prediction there, and a level of 0 before any dose is fine
        Regimen bolus = Regimen.of(Dose.bolus(org.ketaminepk.dosing.Amount.mgPerKg(0.5), 0));
        IndividualFit atTheBolus = fit.fit(Patient.standardAdult(), bolus, List.of(Level.of(0, Analyte.KETAMINE,
                500), Level.of(1, Analyte.KETAMINE, 150)));
        assertEquals(2, atTheBolus.predictions().size());
        assertTrue(atTheBolus.objective() < 1e3, () -> "objective " + atTheBolus.objective());
        IndividualFit zero = fit.fit(Patient.standardAdult(), HOUR.shifted(1), List.of(Level.of(0,
                Analyte.NORKETAMINE, 0), Level.of(2, Analyte.KETAMINE, 150)));
        assertEquals(2, zero.predictions().size());
    }
}
