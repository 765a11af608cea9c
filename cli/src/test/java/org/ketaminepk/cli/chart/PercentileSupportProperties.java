package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

/** The rule that says from how many patients a percentile is shown. */
class PercentileSupportProperties {
    @Test
    void theBandsPercentilesNeedTwentyFourAndOnePatients() {
        assertEquals(20, PercentileSupport.patientsNeeded(5));
        assertEquals(20, PercentileSupport.patientsNeeded(95));
        assertEquals(4, PercentileSupport.patientsNeeded(25));
        assertEquals(4, PercentileSupport.patientsNeeded(75));
        assertEquals(1, PercentileSupport.patientsNeeded(50));
        assertEquals(10, PercentileSupport.patientsNeeded(10));
        assertEquals(95, PercentileSupport.highestShown(20));
        assertEquals(75, PercentileSupport.highestShown(19));
        assertEquals(50, PercentileSupport.highestShown(3));
        assertEquals("", PercentileSupport.bandsNotDrawn(20));
        assertEquals("90 % band not drawn: 19 patients, at least 20 needed", PercentileSupport.bandsNotDrawn(19));
        assertEquals("50 % and 90 % bands not drawn: 1 patient, at least 4 and 20 needed",
                PercentileSupport.bandsNotDrawn(1));
        for (double bad : new double[] {0, 100, -5, Double.NaN}) {
            assertThrows(InvalidInputException.class, () -> PercentileSupport.patientsNeeded(bad));
        }
    }

    /**
     * A percentile away from the median is shown exactly when at least one patient is expected beyond it, the same
     * on both sides of the median, and stays shown for more patients.
     */
    @Property
    void shownWhenOnePatientIsExpectedBeyondIt(@ForAll @DoubleRange(min = 0.5, max = 99.5) double p,
            @ForAll @IntRange(min = 1, max = 100_000) int patients) {
        boolean shown = PercentileSupport.shown(p, patients);
        if (p != 50) {
            double tail = Math.min(p, 100 - p);
            assertEquals(patients * tail / 100 >= 1 - 1e-9, shown, () -> p + " of " + patients);
        }
        assertEquals(shown, PercentileSupport.shown(100 - p, patients));
        assertTrue(!shown || PercentileSupport.shown(p, patients + 1));
    }
}
