package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link Checks#fmt} prints what "%.6f" with its zeros stripped prints, however it gets there. */
class ChecksFmtTest {

    /** The plain definition: integers as integers, "%.6f" without trailing zeros, "%.4g" far from 1. */
    private static String byDefinition(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    @Property(tries = 3000)
    void agreesWithTheDefinition(@ForAll long seed) {
        Random rnd = new Random(seed);
        double v;
        switch (rnd.nextInt(5)) {
            case 0 -> v = Math.round(rnd.nextDouble() * 1e6) / Math.pow(10, rnd.nextInt(10)); // short decimals
            case 1 -> v = (Math.round(rnd.nextDouble() * 1e7) + 0.5) / 1e7; // on a 6-decimal rounding edge
            case 2 -> v = rnd.nextDouble() * Math.pow(10, rnd.nextInt(14) - 5); // long decimals, any size
            case 3 -> v = Double.longBitsToDouble(rnd.nextLong()); // anything at all
            default -> v = rnd.nextInt(1000) / 7.0; // repeating decimals
        }
        if (rnd.nextBoolean()) {
            v = -v;
        }
        assertEquals(byDefinition(v), Checks.fmt(v), "value " + v);
    }

    @Test
    void everydayValues() {
        double[] values = {0.35, 25, 24.5, 70.00000000000001, 0.001, 0.0001, 0.000123, 1234567.5, 1e7 + 0.5,
            0.1 + 0.2, 2.0e-3, 1.0 / 3, -0.5, 99.9999995, 99.9999994, 1e-5, 3e9, Double.NaN};
        for (double v : values) {
            assertEquals(byDefinition(v), Checks.fmt(v), "value " + v);
        }
        assertEquals("24.5", Checks.fmt(24.5));
        assertEquals("0.333333", Checks.fmt(1.0 / 3));
        assertEquals("100", Checks.fmt(99.9999995));
    }
}
