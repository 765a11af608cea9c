package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A summary is a value: two summaries of the same numbers are equal, and it prints its percentiles. */
class SummaryValueTest {
    @Test
    void summariesOfTheSameNumbersAreEqualAndPrintTheirPercentiles() {
        double[] data = {3, 1, 4, 1, 5, 9, 2, 6};
        Summary a = Summary.of(data, 5, 50, 95);
        Summary b = Summary.of(data.clone(), 5, 50, 95);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Summary.of(data, 5, 50, 90));
        assertTrue(a.toString().contains("percentiles=[5.0, 50.0, 95.0]"), a.toString());
        assertTrue(a.toString().contains("values=[" + a.values()[0]), a.toString());
    }
}
