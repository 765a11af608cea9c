package org.ketaminepk.result;

import java.util.Arrays;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * A distribution summary of one metric over a population: extremes, quartiles, 5th and 95th percentiles, mean.
 * Percentiles interpolate linearly between order statistics (Hyndman &amp; Fan 1996, definition 7 — the default of
 * R's {@code quantile}); they describe the simulated patients, not a confidence interval. The unit is the unit of the
 * metric summarised. Immutable.
 *
 * @param count number of values
 * @param min smallest value
 * @param p05 5th percentile
 * @param p25 25th percentile
 * @param median 50th percentile
 * @param p75 75th percentile
 * @param p95 95th percentile
 * @param max largest value
 * @param mean arithmetic mean
 */
public record Quantiles(int count, double min, double p05, double p25, double median, double p75, double p95,
        double max, double mean) {

    /**
     * @param values finite values (not modified)
     * @return their summary
     * @throws InvalidInputException if there are no values or one is not finite
     */
    public static Quantiles of(double[] values) {
        checkFinite(values);
        double[] s = values.clone();
        double mean = mean(s);
        Arrays.sort(s);
        return new Quantiles(s.length, s[0], at(s, 0.05), at(s, 0.25), at(s, 0.5), at(s, 0.75), at(s, 0.95),
                s[s.length - 1], mean);
    }

    /**
     * The p-quantile of sorted finite values, definition 7: position (n − 1)·p, linear between neighbours. Finite
     * for any finite values (the difference of two neighbours may overflow; the result never does) and never
     * outside its two neighbours, so that quantiles are ordered as their p are.
     *
     * @param sorted finite values in ascending order, at least one
     * @param p the quantile, 0–1
     * @return the quantile, in the values' unit
     * @throws InvalidInputException if there are no values, one is not finite or out of order, or p is outside 0–1
     */
    public static double at(double[] sorted, double p) {
        Checks.inRange("quantile", p, 0, 1, "");
        checkSorted(sorted);
        return interpolate(sorted, (sorted.length - 1) * p);
    }

    /**
     * The value at a fractional position of sorted finite values, linear between neighbours: finite, and never
     * outside its two neighbours.
     *
     * @param sorted finite values in ascending order, at least one
     * @param pos the position, 0 to n − 1
     * @return the value, in the values' unit
     * @throws InvalidInputException if there are no values, one is not finite or out of order, or the position is
     *         outside 0 to n − 1
     */
    public static double atPosition(double[] sorted, double pos) {
        checkSorted(sorted);
        Checks.inRange("position", pos, 0, sorted.length - 1, "");
        return interpolate(sorted, pos);
    }

    /**
     * Refuses what gave a NaN or an index outside the array before: no values, a value that is not finite, values out
     * of order (the neighbours of a position are then not the order statistics).
     */
    private static void checkSorted(double[] sorted) {
        checkFinite(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] < sorted[i - 1]) {
                throw InvalidInputException.statement("values", sorted[i], "must be in ascending order but values["
                        + i + "] = " + Checks.fmt(sorted[i]) + " follows " + Checks.fmt(sorted[i - 1]));
            }
        }
    }

    private static void checkFinite(double[] values) {
        if (values == null || values.length == 0) {
            throw new InvalidInputException("values", "a summary needs at least one value but there were none");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException("values[" + i + "]", "values must be finite but values[" + i
                        + "] was " + values[i]);
            }
        }
    }

    private static double interpolate(double[] sorted, double pos) {
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double f = pos - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        double d = b - a;
        // b − a overflows only when a < 0 < b, where both terms of the weighted form grow with f
        double v = Double.isFinite(d) ? a + f * d : (1 - f) * a + f * b;
        // rounding may step past a neighbour; the exact value lies between them
        return Math.min(b, Math.max(a, v));
    }

    /**
     * The arithmetic mean of finite values, summed in the order given: finite even where the sum overflows, and
     * between the smallest and largest value.
     *
     * @param values finite values, at least one
     * @return their mean, in the values' unit
     * @throws InvalidInputException if there are no values or one is not finite
     */
    public static double mean(double[] values) {
        checkFinite(values);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        if (!Double.isFinite(mean)) {
            mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
        }
        return Math.min(max, Math.max(min, mean));
    }
}
