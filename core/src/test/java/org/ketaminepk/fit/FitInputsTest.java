package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** A missing level among the levels is named by its position (a NullPointerException before). */
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
}
