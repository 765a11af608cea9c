package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/** A build the models' sources may not have covered is named; a usual build is not. */
class BmiWarningTest {
    private static List<String> bmiWarnings(double weightKg, double heightCm) {
        Patient p = Patient.standardAdult().withWeightKg(weightKg).withHeightCm(heightCm);
        return Simulation.run(Models.DEFAULT, p, DoseParser.parse("bolus 20 mg"), TimeGrid.uniform(1, 0.1))
                .warnings().stream().map(w -> w.message()).filter(m -> m.startsWith("BMI ")).toList();
    }

    @Test
    void onlyAnUnusualBuildMentionsTheUnrecordedBmiRange() {
        List<String> obese = bmiWarnings(120, 165);
        assertEquals(1, obese.size(), obese.toString());
        assertTrue(obese.get(0).startsWith("BMI 44.1 kg/m²: the BMI range racemic-composite was built from is not "
                + "recorded"), obese.get(0));
        assertEquals(List.of(), bmiWarnings(70, 175));
        assertEquals(List.of(), bmiWarnings(107, 175));
        assertEquals(1, bmiWarnings(45, 175).size());
        // its own category: counts of weights outside the studied range stay what they were
        Patient p = Patient.standardAdult().withWeightKg(120).withHeightCm(165);
        assertEquals(1, Simulation.run(Models.DEFAULT, p, DoseParser.parse("bolus 20 mg"), TimeGrid.uniform(1, 0.1))
                .warnings().stream().filter(w -> w.code() == Warning.Code.BMI_NOT_RECORDED).count());
    }
}
