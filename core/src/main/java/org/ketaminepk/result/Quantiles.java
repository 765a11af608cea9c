package org.ketaminepk.result;

import java.util.Arrays;

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
        if (values == null || values.length == 0) {
            throw new InvalidInputException("values", "a summary needs at least one value but there were none");
        }
        double[] s = values.clone();
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new InvalidInputException("values[" + i + "]", "values must be finite but values[" + i
                        + "] was " + s[i]);
            }
            sum += s[i];
        }
        Arrays.sort(s);
        return new Quantiles(s.length, s[0], at(s, 0.05), at(s, 0.25), at(s, 0.5), at(s, 0.75), at(s, 0.95),
                s[s.length - 1], sum / s.length);
    }

    /** The p-quantile of sorted values, definition 7: position (n − 1)·p, linear between neighbours. */
    static double at(double[] sorted, double p) {
        double pos = (sorted.length - 1) * p;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double f = pos - lo;
        return sorted[lo] + f * (sorted[hi] - sorted[lo]);
    }
}
