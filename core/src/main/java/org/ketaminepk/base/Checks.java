package org.ketaminepk.base;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Argument validation that throws the library's {@link InvalidInputException}s, which carry the field, value, unit
 * and range as data and word them only when shown. Every check refuses NaN and infinities; nothing is ever
 * clamped. Stateless and thread-safe.
 */
public final class Checks {
    /** A number as people write one in a file: an optional sign, digits with at most one point, an exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Checks() {
    }

    /**
     * Reads a number written in plain decimal notation ("70", "-0.5", ".25", "1.2e3"), surrounding blanks ignored.
     * Unlike {@link Double#parseDouble} it refuses what no file of measurements means as a number: hexadecimal
     * ("0x1p5"), Java's type suffixes ("70d", "170f" — "70d" could be days), "NaN" and "Infinity". Readers catch
     * the exception and report the cell with its line and column; a range check that refuses the number read is
     * reported with the text as written through {@link InvalidInputException#writtenAs} ("1e400", not "Infinity").
     *
     * @param text the text
     * @return its value (infinite only when the exponent is beyond the doubles, e.g. "1e400")
     * @throws NumberFormatException if the text is not a number in that notation
     */
    public static double parseDecimal(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new NumberFormatException("not a decimal number: '" + t + "'");
        }
        return Double.parseDouble(t);
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @return the value, for chaining in constructors
     */
    public static double inRange(String field, double value, double min, double max, String unit) {
        if (outside(value, min, max)) {
            throw InvalidInputException.outOfRange(field, value, min, max, unit);
        }
        return value;
    }

    /**
     * As {@link #inRange(String, double, double, double, String)} for a list entry, named {@code field[index]}: the
     * name is built only for the message (a subject's observation times are checked one by one).
     */
    public static double inRange(String field, int index, double value, double min, double max, String unit) {
        if (outside(value, min, max)) {
            throw InvalidInputException.outOfRange(field + "[" + index + "]", value, min, max, unit);
        }
        return value;
    }

    /** @return whether {@code value} is not a finite number within [{@code min}, {@code max}] */
    private static boolean outside(double value, double min, double max) {
        return !Double.isFinite(value) || value < min || value > max;
    }

    /** Requires a finite value strictly greater than zero and at most {@code max}. */
    public static double positive(String field, double value, double max, String unit) {
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            throw InvalidInputException.notPositive(field, value, max, unit);
        }
        return value;
    }

    /** Requires a finite value {@code >= 0} and at most {@code max}. */
    public static double nonNegative(String field, double value, double max, String unit) {
        if (!Double.isFinite(value) || value < 0 || value > max) {
            throw InvalidInputException.negative(field, value, max, unit);
        }
        return value;
    }

    /** Requires a fraction in [0, 1]. */
    public static double fraction(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw InvalidInputException.notAFraction(field, value);
        }
        return value;
    }

    /** Requires a non-null argument. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw InvalidInputException.missing(field);
        }
        return value;
    }

    /**
     * Requires a non-null list entry, named {@code field[index]} if missing: the name is built only then (a population
     * checks several entries per patient, and building each name took longer than the check).
     */
    public static <T> T notNull(String field, int index, T value) {
        if (value == null) {
            throw InvalidInputException.missing(field + "[" + index + "]");
        }
        return value;
    }

    /**
     * Requires an index into {@code size} points, 0 to {@code size - 1}: a one-line refusal instead of an
     * ArrayIndexOutOfBoundsException from inside the library.
     *
     * @return the index
     */
    public static int index(String field, int index, int size) {
        if (index < 0 || index >= size) {
            throw InvalidInputException.statement(field, index, "must be between 0 and " + (size - 1) + " but was "
                    + index);
        }
        return index;
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
            return stripZeros(String.format(Locale.ROOT, "%.6f", v));
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * Formats a number for reading, rounded to {@code digits} significant digits without trailing zeros
     * ("0.07143", "66.67", "1200"). Not for limits crossed (see {@link #exact}) or for values read back.
     */
    public static String sig(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return fmt(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Formats a span for reading in one unit: whole minutes below 6 h ("152 min"), hours to 0.1 h from there
     * ("144.7 h").
     */
    public static String minutesOrHours(double h) {
        return h < 6 ? Math.round(h * 60) + " min" : fmt(Math.round(h * 10) / 10.0) + " h";
    }

    /**
     * Formats a time for reading: whole hours as "420 h", whole minutes as "420 h 40 min" or "40 min", anything
     * finer in decimal hours as {@link #fmt} does.
     */
    public static String hours(double h) {
        if (!Double.isFinite(h)) {
            return fmt(h) + " h";
        }
        double min = h * 60;
        double wholeMin = Math.rint(min);
        if (h == Math.rint(h) || Math.abs(min - wholeMin) > 1e-6 * Math.max(1, Math.abs(min))) {
            return fmt(h) + " h";
        }
        long m = (long) wholeMin;
        long hh = m / 60;
        long mm = m % 60;
        if (mm == 0) {
            return hh + " h";
        }
        return hh == 0 ? mm + " min" : hh + " h " + mm + " min";
    }

    /**
     * Formats a number with every digit it has, without exponent: for a value that {@link #fmt} would print as a
     * limit it crossed ("at most 10000 mg but was 10000.0000001").
     */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return fmt(v);
        }
        String s = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
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
