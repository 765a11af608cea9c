package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/** Levels against predictions: each prediction is the front door's value at the level's time; GMFE by hand. */
class LevelCheckTest {
    private static final Regimen REGIMEN = Regimen.of(Dose.infusion(Amount.mg(35), 40.0 / 60, 0));
    private static final Patient PATIENT = Patient.standardAdult().withWeightKg(82);

    private static IndividualModel otto() {
        return Simulation.standard().individualize(Models.OTTO_2021, PATIENT);
    }

    @Test
    void predictionsAreTheProfileAtTheLevelTimesAndTheRatiosMeasuredOverPredicted() {
        List<Level> levels = List.of(Level.of(2, Analyte.NORKETAMINE, 40), Level.of(0.5, Analyte.KETAMINE, 140),
                Level.of(2, Analyte.KETAMINE, 45), Level.belowLloq(30, Analyte.KETAMINE, 5));
        LevelCheck check = LevelCheck.of(otto(), REGIMEN, levels);
        Profile p = Simulation.run(Models.OTTO_2021, PATIENT, REGIMEN, TimeGrid.of(0.5, 2, 30)).profile();
        double[] ket = p.series(Analyte.KETAMINE).ngPerMl();
        double[] nor = p.series(Analyte.NORKETAMINE).ngPerMl();
        double[] expected = {nor[1], ket[0], ket[1], ket[2]};
        assertEquals(4, check.rows().size());
        for (int j = 0; j < 4; j++) {
            LevelCheck.Row row = check.rows().get(j);
            assertEquals(levels.get(j), row.level());
            assertEquals(expected[j], row.predictedNgPerMl(), 1e-9 * expected[j]);
        }
        assertEquals(140 / ket[0], check.rows().get(1).ratio().getAsDouble(), 1e-9);
        assertEquals(OptionalDouble.empty(), check.rows().get(3).ratio(), "a censored level has no ratio");
        assertEquals(3, check.compared());
        double gmfe = Math.exp((Math.abs(Math.log(40 / nor[1])) + Math.abs(Math.log(140 / ket[0]))
                + Math.abs(Math.log(45 / ket[1]))) / 3);
        assertEquals(gmfe, check.geometricMeanFoldError().getAsDouble(), 1e-9);
    }

    @Test
    void exactPredictionsGiveAFoldErrorOfOneWhateverTheOrder() {
        Profile p = Simulation.run(Models.OTTO_2021, PATIENT, REGIMEN, TimeGrid.of(1, 3)).profile();
        List<Level> levels = List.of(Level.of(3, Analyte.KETAMINE, p.series(Analyte.KETAMINE).ngPerMl()[1]),
                Level.of(1, Analyte.KETAMINE, p.series(Analyte.KETAMINE).ngPerMl()[0]));
        assertEquals(1, LevelCheck.of(otto(), REGIMEN, levels).geometricMeanFoldError().getAsDouble(), 1e-9);
    }

    @Test
    void aLevelBeforeAnyDoseHasNoRatioAndNoFoldError() {
        Regimen later = Regimen.of(Dose.infusion(Amount.mg(35), 40.0 / 60, 5));
        LevelCheck check = LevelCheck.of(otto(), later, List.of(Level.of(1, Analyte.KETAMINE, 12)));
        assertEquals(0, check.rows().get(0).predictedNgPerMl());
        assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), check.rows().get(0).ratio());
        assertEquals(0, check.compared());
        assertEquals(OptionalDouble.empty(), check.geometricMeanFoldError());
    }

    @Test
    void anAnalyteTheModelDoesNotPredictIsRefusedNamingTheLevel() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LevelCheck.of(otto(), REGIMEN,
                List.of(Level.of(1, Analyte.KETAMINE, 50), Level.of(4, Analyte.HYDROXYNORKETAMINE, 3))));
        assertEquals("analyte", e.field());
        assertTrue(e.getMessage().contains("level 2 (hydroxynorketamine at 4 h): otto-2021 does not predict "
                + "hydroxynorketamine"), e.getMessage());
    }
}
