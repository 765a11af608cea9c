package org.ketaminepk.population;

import java.util.Arrays;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.result.Quantiles;

/**
 * The distribution of one quantity over a virtual population: count, arithmetic mean, geometric mean, coefficient of
 * variation and chosen percentiles. Percentiles follow Hyndman &amp; Fan (1996) definition 7, the default of R's
 * {@code quantile}: the p-th percentile of n sorted values is at position (n − 1)·p/100, linear between neighbours.
 * They describe the simulated patients (a prediction interval of the population), not a confidence interval. The unit
 * is the unit of the values summarised. Immutable.
 *
 * @param count number of values
 * @param mean arithmetic mean (finite, and between the smallest and largest value, even where the sum overflows)
 * @param geometricMean exp(mean of ln), present only when every value is positive
 * @param cvPercent sample standard deviation (n − 1) / mean × 100, present when n ≥ 2, the mean is positive and
 *        the CV is finite
 * @param percentiles the percentiles asked for, 0–100
 * @param values the value at each of {@code percentiles}
 */
public record Summary(int count, double mean, OptionalDouble geometricMean, OptionalDouble cvPercent,
        double[] percentiles, double[] values) {

    /** The percentiles reported when none are named. */
    public static final double[] DEFAULT_PERCENTILES = {5, 25, 50, 75, 95};

    /** Copies the arrays. */
    public Summary {
        percentiles = percentiles.clone();
        values = values.clone();
    }

    /**
     * @param data finite values (not modified)
     * @param percentiles each in [0, 100]; none gives {@link #DEFAULT_PERCENTILES}
     * @return their summary
     * @throws InvalidInputException for no values, a value that is not finite, or a percentile outside 0–100
     */
    public static Summary of(double[] data, double... percentiles) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException("values", "a summary needs at least one value but there were none");
        }
        double[] ps = percentiles == null || percentiles.length == 0 ? DEFAULT_PERCENTILES : percentiles;
        for (double p : ps) {
            Checks.inRange("percentile", p, 0, 100, "");
        }
        double[] s = data.clone();
        double logSum = 0;
        boolean positive = true;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new InvalidInputException("values[" + i + "]", "values must be finite but values[" + i + "] was "
                        + s[i]);
            }
            if (s[i] > 0) {
                logSum += Math.log(s[i]);
            } else {
                positive = false;
            }
        }
        double mean = Quantiles.mean(s);
        OptionalDouble cv = cv(s, mean);
        Arrays.sort(s);
        double[] q = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            q[i] = percentile(s, ps[i]);
        }
        return new Summary(s.length, mean, positive ? OptionalDouble.of(Math.exp(logSum / s.length))
                : OptionalDouble.empty(), cv, ps, q);
    }

    /**
     * The sample CV, %; where the squares overflow, computed again on the values scaled by their largest magnitude.
     * Empty for fewer than two values, a mean that is not positive, or a CV beyond the doubles.
     */
    private static OptionalDouble cv(double[] values, double mean) {
        if (values.length < 2 || !(mean > 0)) {
            return OptionalDouble.empty();
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double cv = 100 * Math.sqrt(ss / (values.length - 1)) / mean;
        if (!Double.isFinite(cv)) {
            double scale = 0;
            for (double v : values) {
                scale = Math.max(scale, Math.abs(v));
            }
            double m = mean / scale;
            ss = 0;
            for (double v : values) {
                double d = v / scale - m;
                ss += d * d;
            }
            cv = 100 * Math.sqrt(ss / (values.length - 1)) / m;
        }
        return Double.isFinite(cv) ? OptionalDouble.of(cv) : OptionalDouble.empty();
    }

    /** The p-th percentile (0–100) of sorted values, definition 7 ({@link Quantiles#atPosition}). */
    static double percentile(double[] sorted, double p) {
        return Quantiles.atPosition(sorted, (sorted.length - 1) * p / 100);
    }

    /**
     * @return the value at percentile {@code p}, one of those asked for
     * @throws InvalidInputException if {@code p} was not asked for
     */
    public double percentile(double p) {
        for (int i = 0; i < percentiles.length; i++) {
            if (percentiles[i] == p) {
                return values[i];
            }
        }
        throw new InvalidInputException("percentile", "percentile must be one of " + Arrays.toString(percentiles)
                + " (those asked for) but was " + Checks.fmt(p));
    }

    /** @return the median, when the 50th percentile was asked for */
    public double median() {
        return percentile(50);
    }
}
