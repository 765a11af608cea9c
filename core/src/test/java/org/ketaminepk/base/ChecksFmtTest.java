package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How {@link Checks#fmt} and {@link Checks#exact} print numbers in messages. */
class ChecksFmtTest {

    @Test
    void everydayValues() {
        assertEquals("24.5", Checks.fmt(24.5));
        assertEquals("25", Checks.fmt(25));
        assertEquals("0.35", Checks.fmt(0.35));
        assertEquals("70", Checks.fmt(70.00000000000001));
        assertEquals("0.3", Checks.fmt(0.1 + 0.2));
        assertEquals("0.333333", Checks.fmt(1.0 / 3));
        assertEquals("100", Checks.fmt(99.9999995));
        assertEquals("99.999999", Checks.fmt(99.9999994));
        assertEquals("-0.5", Checks.fmt(-0.5));
        assertEquals("0.0001", Checks.fmt(0.0001));
        assertEquals("1.000e-05", Checks.fmt(1e-5));
        assertEquals("3000000000", Checks.fmt(3e9));
        assertEquals("1.235e+15", Checks.fmt(1234567890123456.7));
        assertEquals("NaN", Checks.fmt(Double.NaN));
        assertEquals("-Infinity", Checks.fmt(Double.NEGATIVE_INFINITY));
    }

    @Test
    void exactKeepsEveryDigitWithoutExponent() {
        assertEquals("10000.0000001", Checks.exact(10000.0000001));
        assertEquals("0.00001", Checks.exact(1e-5));
        assertEquals("0.000000001", Checks.exact(1e-9));
        assertEquals("2000", Checks.exact(2e3));
        assertEquals("0", Checks.exact(-0.0));
        assertEquals("0.30000000000000004", Checks.exact(0.1 + 0.2));
        assertEquals("Infinity", Checks.exact(Double.POSITIVE_INFINITY));
    }

    @Test
    void readableTimesInHoursAndMinutes() {
        assertEquals("0 h", Checks.hours(0));
        assertEquals("2 h", Checks.hours(2));
        assertEquals("40 min", Checks.hours(40.0 / 60));
        assertEquals("420 h 40 min", Checks.hours(420 + 40.0 / 60));
        assertEquals("1440 h 40 min", Checks.hours(1440.6666666667));
        assertEquals("0.712 h", Checks.hours(0.712), "not a whole minute: decimal hours, as precise as fmt");
        assertEquals("0.004167 h", Checks.hours(15.0 / 3600));
    }

    @Test
    void significantDigitsForReading() {
        assertEquals("0.07143", Checks.sig(0.5 / 7, 4));
        assertEquals("0.1429", Checks.sig(1.0 / 7, 4));
        assertEquals("1200", Checks.sig(1200, 4));
        assertEquals("66.67", Checks.sig(200.0 / 3, 4));
        assertEquals("0", Checks.sig(0, 4));
        assertEquals("NaN", Checks.sig(Double.NaN, 4));
    }
}
