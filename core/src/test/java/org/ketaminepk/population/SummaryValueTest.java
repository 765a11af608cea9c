package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

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

    @Test
    void aSummaryIsNotMadeOfNumbersThatAreNot() {
        double[] ps = {50};
        OptionalDouble none = OptionalDouble.empty();
        refused("mean", () -> new Summary(3, Double.NaN, none, none, ps, new double[] {1}));
        refused("geometric mean", () -> new Summary(3, 1, OptionalDouble.of(Double.NaN), none, ps, new double[] {1}));
        refused("CV", () -> new Summary(3, 1, none, OptionalDouble.of(Double.POSITIVE_INFINITY), ps,
                new double[] {1}));
        refused("values[0]", () -> new Summary(3, 1, none, none, ps, new double[] {Double.NaN}));
        refused("percentiles[0]", () -> new Summary(3, 1, none, none, new double[] {150}, new double[] {1}));
        assertEquals(1, new Summary(3, 1, none, none, ps, new double[] {1}).median());
    }

    private static void refused(String field, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }
}
