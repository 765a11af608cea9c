package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ketaminepk.base.InvalidInputException;
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

    /**
     * The CV does not depend on the unit: values scaled by any power of two, down into the subnormals, have the CV of
     * the unscaled values (where the squares underflowed, values of 1e-170 and 3e-170 had a CV of 0).
     */
    @Property(tries = 300)
    void cvDoesNotDependOnThePowerOfTwoOfTheValues(
            @ForAll("everyday") double[] data, @ForAll @IntRange(min = -1070, max = 0) int shift) {
        double[] scaled = new double[data.length];
        double[] back = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            scaled[i] = Math.scalb(data[i], shift);
            // exact: the same numbers as the scaled ones, in everyday magnitudes
            back[i] = Math.scalb(scaled[i], -shift);
        }
        double cv = Summary.of(back).cvPercent().getAsDouble();
        double cvScaled = Summary.of(scaled).cvPercent().getAsDouble();
        assertEquals(cv, cvScaled, 1e-12 * Math.max(1, cv), () -> "CV of " + java.util.Arrays.toString(scaled));
    }

    /** The geometric mean lies between the smallest value and the arithmetic mean, as it does in exact arithmetic. */
    @Property(tries = 500)
    void geometricMeanLiesBetweenTheSmallestValueAndTheMean(@ForAll("positive") double[] data) {
        Summary s = Summary.of(data);
        double min = java.util.Arrays.stream(data).min().getAsDouble();
        double g = s.geometricMean().getAsDouble();
        assertTrue(g >= min && g <= s.mean(), () -> "geometric mean " + g + ", mean " + s.mean() + " of "
                + java.util.Arrays.toString(data));
    }

    /** Positive values, with repeats, from the subnormals to the largest double. */
    @Provide
    Arbitrary<double[]> positive() {
        Arbitrary<Double> v = Arbitraries.oneOf(Arbitraries.doubles().between(1, 1e3),
                Arbitraries.of(Double.MAX_VALUE, 1e300, 7.0, 0.1, Double.MIN_VALUE, 1e-300),
                net.jqwik.api.Combinators.combine(Arbitraries.doubles().between(1, 1.9), Arbitraries.integers()
                        .between(Double.MIN_EXPONENT - 52, Double.MAX_EXPONENT)).as((m, e) -> Math.scalb(m, e)));
        return v.list().ofMinSize(1).ofMaxSize(12).map(l -> {
            double[] d = l.stream().mapToDouble(Double::doubleValue).toArray();
            // half the time every value the same: the mean and geometric mean are then the value itself
            return d.length > 1 && Double.doubleToLongBits(d[0]) % 2 == 0 ? java.util.Arrays.stream(d).map(x -> d[0])
                    .toArray() : d;
        });
    }

    /** Two to twelve everyday positive values, not all equal. */
    @Provide
    Arbitrary<double[]> everyday() {
        return Arbitraries.doubles().between(1, 1000).list().ofMinSize(2).ofMaxSize(12).map(l -> l.stream()
                .mapToDouble(Double::doubleValue).toArray()).filter(d -> java.util.Arrays.stream(d).distinct()
                .count() > 1);
    }

    /** The values first found. */
    @Example
    void tinyAndEqualValues() {
        assertEquals(70.71067811865476, Summary.of(new double[] {1e-170, 3e-170}).cvPercent().getAsDouble(), 1e-9);
        assertEquals(70.71067811865476, Summary.of(new double[] {Double.MIN_VALUE, 3 * Double.MIN_VALUE})
                .cvPercent().getAsDouble(), 1e-9);
        double[] same = new double[7];
        java.util.Arrays.fill(same, 1e300);
        assertEquals(1e300, Summary.of(same).geometricMean().getAsDouble());
        java.util.Arrays.fill(same, 7);
        assertEquals(7, Summary.of(same).geometricMean().getAsDouble());
    }

    /** Zeros (patients the dose never reached) leave the geometric mean empty and count in the CV, as documented. */
    @Example
    void zerosEmptyTheGeometricMeanAndCountInTheCv() {
        Summary s = Summary.of(new double[] {0, 0, 1});
        assertTrue(s.geometricMean().isEmpty());
        assertEquals(100 * Math.sqrt(3), s.cvPercent().getAsDouble(), 1e-9);
        assertTrue(Summary.of(new double[] {-0.0, 1}).geometricMean().isEmpty(), "-0 is a zero too");
    }

    /** A percentile outside 0–100 is refused with its unit. */
    @Example
    void aPercentileOutsideTheRangeIsNamedWithItsUnit() {
        // the unit was missing: "percentile must be between 0 and 100 but was 150"
        assertEquals("percentile must be between 0 and 100 % but was 150", org.junit.jupiter.api.Assertions
                .assertThrows(InvalidInputException.class, () -> Summary.of(new double[] {1}, 150)).getMessage());
    }

    /** A summary is immutable: its arrays are copies, and it cannot be built inconsistent. */
    @Example
    void arraysAreCopiesAndTheConstructorChecks() {
        Summary s = Summary.of(new double[] {3, 1, 2});
        s.values()[0] = 99;
        s.percentiles()[0] = 99;
        assertEquals(5, s.percentiles()[0]);
        assertEquals(1.1, s.values()[0], 1e-12);
        Summary.defaultPercentiles()[0] = 50;
        assertEquals(5, Summary.defaultPercentiles()[0]);
        java.util.OptionalDouble none = java.util.OptionalDouble.empty();
        assertEquals("percentiles is required but was missing", org.junit.jupiter.api.Assertions.assertThrows(
                InvalidInputException.class, () -> new Summary(1, 1, none, none, null, new double[0])).getMessage());
        assertEquals("values must hold one value per percentile (2) but held 1", org.junit.jupiter.api.Assertions
                .assertThrows(InvalidInputException.class, () -> new Summary(1, 1, none, none, new double[] {5, 95},
                        new double[] {1})).getMessage());
    }

    /** The values first found: the sum and the spread both overflow. */
    @Example
    void sumAndSpreadBeyondTheDoubles() {
        summaryIsFiniteAndOrdered(new double[] {1e308, 1e308, -1e308});
        quantilesAreFiniteAndOrdered(new double[] {1e308, 1e308, -1e308});
    }
}
