package org.ketaminepk.base;

import java.util.Locale;

/**
 * Argument validation that produces the library's one-line error messages. Every check refuses NaN and
 * infinities; nothing is ever clamped.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @return the value, for chaining in constructors
     */
    public static double inRange(String field, double value, double min, double max, String unit) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidInputException(field, String.format(Locale.ROOT,
                    "%s must be between %s and %s %s but was %s", field, fmt(min), fmt(max), unit, fmt(value)).trim());
        }
        return value;
    }

    /** Requires a finite value strictly greater than zero and at most {@code max}. */
    public static double positive(String field, double value, double max, String unit) {
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            throw new InvalidInputException(field, String.format(Locale.ROOT,
                    "%s must be greater than 0 and at most %s %s but was %s", field, fmt(max), unit, fmt(value)));
        }
        return value;
    }

    /** Requires a finite value {@code >= 0} and at most {@code max}. */
    public static double nonNegative(String field, double value, double max, String unit) {
        if (!Double.isFinite(value) || value < 0 || value > max) {
            throw new InvalidInputException(field, String.format(Locale.ROOT,
                    "%s must be between 0 and %s %s but was %s", field, fmt(max), unit, fmt(value)));
        }
        return value;
    }

    /** Requires a fraction in [0, 1]. */
    public static double fraction(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new InvalidInputException(field, String.format(Locale.ROOT,
                    "%s must be a fraction between 0 and 1 but was %s", field, fmt(value)));
        }
        return value;
    }

    /** Requires a non-null argument. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required but was missing");
        }
        return value;
    }

    /** Formats a number compactly for messages (no trailing zeros, no exponent for everyday values). */
    public static String fmt(double v) {
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
            if (a >= 1e-3 && a < 1e7) {
                // Warnings format numbers for every simulated patient, so skip the Formatter when it cannot matter:
                // Double.toString has no exponent in this range, and if its digits need at most six decimals they
                // are what "%.6f" prints once its zeros are stripped (two 6-decimal numbers cannot round to the
                // same double here: the ulp is below 2e-9).
                String shortest = stripZeros(Double.toString(v));
                if (shortest.length() - shortest.indexOf('.') - 1 <= 6) {
                    return shortest;
                }
            }
            return stripZeros(String.format(Locale.ROOT, "%.6f", v));
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** "12.500" → "12.5", "3.000" → "3"; the argument has a decimal point and no exponent. */
    private static String stripZeros(String s) {
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
