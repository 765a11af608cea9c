package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.base.InvalidInputException;

/**
 * {@link Quantiles#at}, {@link Quantiles#atPosition} and {@link Quantiles#mean} called directly, as an embedding
 * program may: a quantile outside 0–1 (or NaN), unsorted values or no values are refused in one line. Before, a
 * quantile of NaN returned NaN, one above 1 threw an ArrayIndexOutOfBoundsException, and unsorted values gave a
 * number that was no quantile of them.
 */
class QuantileArgumentsProperties {

    @Provide
    Arbitrary<Double> anyP() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-2, 3), Arbitraries.of(Double.NaN, -0.0, 0.0, 1.0,
                Math.nextUp(1.0), -Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Property(tries = 300)
    void aQuantileIsGivenExactlyForPFromZeroToOne(@ForAll("anyP") double p) {
        double[] sorted = {1, 2, 4, 8};
        if (p >= 0 && p <= 1) {
            double q = Quantiles.at(sorted, p);
            assertTrue(q >= 1 && q <= 8, () -> "quantile " + p + " = " + q);
        } else {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Quantiles.at(sorted, p));
            assertTrue(e.getMessage().startsWith("quantile must be between 0 and 1 but was "), e::getMessage);
        }
    }

    @Property(tries = 300)
    void unsortedValuesAreRefused(@ForAll("shuffled") double[] values) {
        boolean sorted = true;
        for (int i = 1; i < values.length; i++) {
            sorted &= values[i] >= values[i - 1];
        }
        if (sorted) {
            Quantiles.at(values, 0.5);
        } else {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Quantiles.at(values, 0.5));
            assertTrue(e.getMessage().startsWith("values must be in ascending order but values["), e::getMessage);
        }
    }

    @Provide
    Arbitrary<double[]> shuffled() {
        return Arbitraries.integers().between(-5, 5).list().ofMinSize(1).ofMaxSize(8).map(l -> l.stream()
                .mapToDouble(Integer::doubleValue).toArray());
    }

    @Example
    void theArgumentsFirstFound() {
        assertEquals("quantile must be between 0 and 1 but was NaN", assertThrows(InvalidInputException.class,
                () -> Quantiles.at(new double[] {1, 2}, Double.NaN)).getMessage());
        assertEquals("position must be between 0 and 1 but was 2", assertThrows(InvalidInputException.class,
                () -> Quantiles.atPosition(new double[] {1, 2}, 2)).getMessage());
        assertEquals("values must be in ascending order but values[1] = 1 follows 2", assertThrows(
                InvalidInputException.class, () -> Quantiles.at(new double[] {2, 1}, 0.5)).getMessage());
        assertEquals("a summary needs at least one value but there were none", assertThrows(
                InvalidInputException.class, () -> Quantiles.at(new double[0], 0.5)).getMessage());
        assertEquals("values must be finite but values[0] was NaN", assertThrows(InvalidInputException.class,
                () -> Quantiles.mean(new double[] {Double.NaN})).getMessage());
        assertEquals(1.5, Quantiles.at(new double[] {1, 2}, 0.5));
        assertEquals(Arrays.asList(1.0, 8.0), Arrays.asList(Quantiles.at(new double[] {1, 8}, 0), Quantiles.at(
                new double[] {1, 8}, 1)));
    }
}
