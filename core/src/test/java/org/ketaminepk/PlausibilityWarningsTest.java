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

/** Doses beyond the label's largest initial dose, and infusions that run at once, are named in the warnings. */
class PlausibilityWarningsTest {
    private static List<String> warnings(String spec) {
        return Simulation.run(Models.DEFAULT, Patient.standardAdult(), DoseParser.parse(spec),
                TimeGrid.uniform(2, 1.0 / 60)).warnings().stream()
                .filter(w -> w.code() == Warning.Code.DOSE_OUTSIDE_RANGE).map(Warning::message).toList();
    }

    @Test
    void aBolusAboveTheLabelsLargestInitialDoseIsNamed() {
        List<String> w = warnings("bolus 5000 mg");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("5000 mg (71.4 mg/kg at 70 kg)") && w.get(0).contains("above the largest initial intravenous dose "
                + "of the Ketalar label (4.5 mg/kg"), w.get(0));
        assertEquals(List.of(), warnings("bolus 2 mg/kg"));
        assertEquals(List.of(), warnings("bolus 4.5 mg/kg"));
        assertEquals(1, warnings("im 14 mg/kg").size());
        assertEquals(List.of(), warnings("im 10 mg/kg"));
    }

    @Test
    void overlappingInfusionsOfOneRegimenAreNamed() {
        List<String> w = warnings("0.5 mg/kg over 40 min every 10 min x6");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("5 infusion(s) start before the previous one ends (first: at 0.16"), w.get(0));
        assertEquals(List.of(), warnings("0.5 mg/kg over 40 min every 40 min x3"));
    }
}
