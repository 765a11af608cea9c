package org.ketaminepk.population;

import java.util.Arrays;
import java.util.Objects;
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
 * @param geometricMean exp(mean of ln), present only when every value is positive (a 0 among them leaves it
 *        empty); kept between the smallest value and the arithmetic mean, where the logarithms' round-off would put
 *        it outside
 * @param cvPercent sample standard deviation (n − 1) / mean × 100 over every value, zeros included (unlike the
 *        geometric mean), present when n ≥ 2, the mean is positive and the CV is finite
 * @param percentiles the percentiles asked for, 0–100
 * @param values the value at each of {@code percentiles}
 */
public record Summary(int count, double mean, OptionalDouble geometricMean, OptionalDouble cvPercent,
        double[] percentiles, double[] values) {

    /** The percentiles reported when none are named. */
    private static final double[] DEFAULT_PERCENTILES = {5, 25, 50, 75, 95};

    /** @return the percentiles reported when none are named, 5, 25, 50, 75 and 95 (a copy) */
    public static double[] defaultPercentiles() {
        return DEFAULT_PERCENTILES.clone();
    }

    /**
     * Validates and copies the arrays.
     *
     * @throws InvalidInputException if an argument is missing, the count is below 1, a number is not finite, a
     *         percentile is outside 0–100 or there is not one value per percentile
     */
    public Summary {
        Checks.inRange("count", count, 1, Integer.MAX_VALUE, "values");
        finite("mean", mean);
        Checks.notNull("geometric mean", geometricMean);
        geometricMean.ifPresent(v -> finite("geometric mean", v));
        Checks.notNull("CV", cvPercent);
        cvPercent.ifPresent(v -> finite("CV", v));
        Checks.notNull("percentiles", percentiles);
        Checks.notNull("values", values);
        if (values.length != percentiles.length) {
            throw InvalidInputException.statement("values", values.length, "must hold one value per percentile ("
                    + percentiles.length + ") but held " + values.length);
        }
        percentiles = percentiles.clone();
        values = values.clone();
        for (int i = 0; i < percentiles.length; i++) {
            Checks.inRange("percentiles", i, percentiles[i], 0, 100, "%");
            finite("values[" + i + "]", values[i]);
        }
    }

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw InvalidInputException.statement(field, value, "must be a finite number but was "
                    + Checks.fmt(value));
        }
    }

    /** @return the percentiles asked for, 0–100 (a copy) */
    @Override
    public double[] percentiles() {
        return percentiles.clone();
    }

    /** @return the value at each of {@link #percentiles()} (a copy) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Compares by the numbers, arrays included (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && s.count == count && Double.compare(s.mean, mean) == 0
                && s.geometricMean.equals(geometricMean) && s.cvPercent.equals(cvPercent)
                && Arrays.equals(s.percentiles, percentiles) && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, mean, geometricMean, cvPercent, Arrays.hashCode(percentiles),
                Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Summary[count=" + count + ", mean=" + mean + ", geometricMean=" + geometricMean + ", cvPercent="
                + cvPercent + ", percentiles=" + Arrays.toString(percentiles) + ", values=" + Arrays.toString(values)
                + "]";
    }

    /**
     * @param data finite values (not modified)
     * @param percentiles each in [0, 100]; none gives {@link #defaultPercentiles()}
     * @return their summary
     * @throws InvalidInputException for no values, a value that is not finite, or a percentile outside 0–100
     */
    public static Summary of(double[] data, double... percentiles) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException("values", "a summary needs at least one value but there were none");
        }
        double[] ps = percentiles == null || percentiles.length == 0 ? DEFAULT_PERCENTILES : percentiles;
        for (double p : ps) {
            Checks.inRange("percentile", p, 0, 100, "%");
        }
        double[] s = data.clone();
        double logSum = 0;
        boolean positive = true;
        double min = Double.POSITIVE_INFINITY;
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
            min = Math.min(min, s[i]);
        }
        double mean = Quantiles.mean(s);
        OptionalDouble cv = cv(s, mean);
        Arrays.sort(s);
        double[] q = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            q[i] = percentile(s, ps[i]);
        }
        // the logarithms' round-off put the geometric mean of seven values of 1e300 at 1.00000000000009e300, above
        // their arithmetic mean; it lies between the smallest value and the arithmetic mean
        OptionalDouble gm = positive ? OptionalDouble.of(Math.max(min, Math.min(mean, Math.exp(logSum / s.length))))
                : OptionalDouble.empty();
        return new Summary(s.length, mean, gm, cv, ps, q);
    }

    /**
     * The sample CV, %. Where the squares overflow, or could underflow (values below {@value #SMALL}, whose squares
     * lose their digits in the subnormals or reach 0), computed again on the values scaled by the power of two of
     * their largest magnitude, mean included. Empty for fewer than two values, a mean that is not positive, or a CV
     * beyond the doubles.
     */
    private static OptionalDouble cv(double[] values, double mean) {
        if (values.length < 2 || !(mean > 0)) {
            return OptionalDouble.empty();
        }
        double ss = 0;
        double largest = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
            largest = Math.max(largest, Math.abs(v));
        }
        double cv = 100 * Math.sqrt(ss / (values.length - 1)) / mean;
        if (!Double.isFinite(cv) || largest < SMALL) {
            // a power of two scales exactly; the mean is taken again on the scaled values, where it has all its digits
            int shift = -Math.getExponent(largest);
            double[] scaled = new double[values.length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = Math.scalb(values[i], shift);
            }
            double m = Quantiles.mean(scaled);
            ss = 0;
            for (double v : scaled) {
                ss += (v - m) * (v - m);
            }
            cv = m > 0 ? 100 * Math.sqrt(ss / (values.length - 1)) / m : Double.NaN;
        }
        return Double.isFinite(cv) ? OptionalDouble.of(cv) : OptionalDouble.empty();
    }

    /**
     * Below this largest magnitude the CV is computed on scaled values. Above it, a spread as small as round-off
     * (1e-16 of the values) squares to at least 1e-292, clear of the subnormals (below 2.2e-308).
     */
    private static final double SMALL = 1e-130;

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
