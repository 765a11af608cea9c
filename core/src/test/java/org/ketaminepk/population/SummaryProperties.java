package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.result.Quantiles;

/**
 * Whatever finite values a caller summarises — of either sign, as large as the doubles go — every number of a
 * {@link Summary} or {@link Quantiles} is finite, the mean lies between the extremes and the percentiles are in the
 * order of their ranks (5 ≤ 25 ≤ 50 ≤ 75 ≤ 95).
 */
class SummaryProperties {

    /** Values from everyday to the edge of the doubles, with both signs and subnormals. */
    @Provide
    Arbitrary<double[]> values() {
        Arbitrary<Double> v = Arbitraries.oneOf(Arbitraries.doubles().between(-1e3, 1e3),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, 1e308, -1e308, 8e307, -8e307, Double.MIN_VALUE,
                        -Double.MIN_VALUE, 0.0, -0.0, 1.0, 3.0),
                Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE));
        return v.list().ofMinSize(1).ofMaxSize(12).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 500)
    void summaryIsFiniteAndOrdered(@ForAll("values") double[] data) {
        Summary s = Summary.of(data, 0, 5, 25, 50, 75, 95, 100);
        double[] q = s.values();
        double min = java.util.Arrays.stream(data).min().getAsDouble();
        double max = java.util.Arrays.stream(data).max().getAsDouble();
        assertTrue(Double.isFinite(s.mean()) && s.mean() >= min && s.mean() <= max,
                () -> "mean " + s.mean() + " of " + java.util.Arrays.toString(data));
        s.cvPercent().ifPresent(cv -> assertTrue(Double.isFinite(cv) && cv >= 0,
                () -> "CV " + cv + " of " + java.util.Arrays.toString(data)));
        s.geometricMean().ifPresent(g -> assertTrue(Double.isFinite(g), () -> "geometric mean " + g));
        assertOrdered(q, min, max, data);
    }

    @Property(tries = 500)
    void quantilesAreFiniteAndOrdered(@ForAll("values") double[] data) {
        Quantiles s = Quantiles.of(data);
        assertTrue(Double.isFinite(s.mean()) && s.mean() >= s.min() && s.mean() <= s.max(),
                () -> "mean " + s.mean() + " of " + java.util.Arrays.toString(data));
        assertOrdered(new double[] {s.min(), s.p05(), s.p25(), s.median(), s.p75(), s.p95(), s.max()}, s.min(),
                s.max(), data);
    }

    private static void assertOrdered(double[] q, double min, double max, double[] data) {
        for (int i = 0; i < q.length; i++) {
            int k = i;
            assertTrue(Double.isFinite(q[k]) && q[k] >= min && q[k] <= max,
                    () -> "percentile " + k + " = " + q[k] + " of " + java.util.Arrays.toString(data));
            if (k > 0) {
                assertTrue(q[k - 1] <= q[k], () -> "percentiles out of order: " + java.util.Arrays.toString(q)
                        + " of " + java.util.Arrays.toString(data));
            }
        }
    }

    /** The values first found: the sum and the spread both overflow. */
    @Example
    void sumAndSpreadBeyondTheDoubles() {
        summaryIsFiniteAndOrdered(new double[] {1e308, 1e308, -1e308});
        quantilesAreFiniteAndOrdered(new double[] {1e308, 1e308, -1e308});
    }
}
