package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Printing a result shows rounded values with their units, not a record's raw fields. */
class ReadableResultsTest {
    @Test
    void anAdjustmentPrintsRoundedWithItsUnit() {
        Adjustment a = new Adjustment("CL", "L/h", 84, 65.60000000000001, "weight 50 kg, (WT/70)^0.75",
                "Kamp 2020");
        assertEquals("CL 84 → 65.6 L/h (×0.781): weight 50 kg, (WT/70)^0.75 [Kamp 2020]", a.toString());
        Adjustment worded = Adjustment.worded("V1", "L", 0.0123456, 0.0234567, () -> "Child–Pugh B", "assumption");
        assertEquals("V1 0.01235 → 0.02346 L (×1.9): Child–Pugh B [assumption]", worded.toString());
    }

    @Test
    void aWarningPrintsItsCodeAndSentence() {
        String text = Warning.of(Warning.Kind.WEIGHT_OUTSIDE_RANGE, 120.0, 40.0, 100.0, "m").toString();
        assertTrue(text.startsWith("WEIGHT_OUTSIDE_RANGE: weight 120 kg is outside the 40–100 kg"), text);
    }
}
