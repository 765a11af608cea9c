package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * {@link Quantiles} against Commons Math's {@link Percentile} with {@link EstimationType#R_7} (Hyndman &amp; Fan
 * 1996 definition 7, R's default), an implementation written independently of ours, on arbitrary samples: sizes
 * from one value up, ties, negative values and wide ranges.
 */
class QuantilesTest {
    private static final Percentile R7 = new Percentile().withEstimationType(EstimationType.R_7);

    private static void agreesWithCommonsMath(double[] values) {
        double[] original = values.clone();
        Quantiles q = Quantiles.of(values);
        // rounding in the interpolation and the sum, relative to the size of the values
        double tolerance = 1e-12 * Math.max(Math.abs(StatUtils.min(values)), Math.abs(StatUtils.max(values)));
        assertEquals(values.length, q.count());
        assertEquals(StatUtils.min(values), q.min());
        assertEquals(StatUtils.max(values), q.max());
        assertEquals(R7.evaluate(values, 5), q.p05(), tolerance, "5th percentile");
        assertEquals(R7.evaluate(values, 25), q.p25(), tolerance, "25th percentile");
        assertEquals(R7.evaluate(values, 50), q.median(), tolerance, "median");
        assertEquals(R7.evaluate(values, 75), q.p75(), tolerance, "75th percentile");
        assertEquals(R7.evaluate(values, 95), q.p95(), tolerance, "95th percentile");
        assertEquals(StatUtils.mean(values), q.mean(), tolerance, "mean");
        assertTrue(q.min() <= q.p05() && q.p05() <= q.p25() && q.p25() <= q.median() && q.median() <= q.p75()
                && q.p75() <= q.p95() && q.p95() <= q.max(), q.toString());
        assertArrayEquals(original, values, "the values were modified");
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Property(tries = 500)
    void arbitrarySamples(@ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e9, max = 1e9) Double> values) {
        agreesWithCommonsMath(toArray(values));
    }

    /** Few distinct values, so that many order statistics are tied. */
    @Property(tries = 300)
    void samplesWithTies(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 4) Integer> values) {
        agreesWithCommonsMath(values.stream().mapToDouble(Integer::doubleValue).toArray());
    }

    /** Concentrations in ng/mL across a population: positive, spanning several orders of magnitude. */
    @Property(tries = 300)
    void concentrationLikeSamples(
            @ForAll @Size(min = 1, max = 500) List<@DoubleRange(min = 1e-6, max = 1e4) @Scale(9) Double> values) {
        agreesWithCommonsMath(toArray(values));
    }

    @Test
    void sizesWhereThePercentilesFallOnOrderStatistics() {
        // n = 21: 5 % of (n − 1) = 1, so every summary percentile is an order statistic with no interpolation
        double[] values = new double[21];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 21;
        }
        agreesWithCommonsMath(values);
        Quantiles q = Quantiles.of(values);
        assertEquals(1, q.p05());
        assertEquals(10, q.median());
        assertEquals(19, q.p95());
    }
}
