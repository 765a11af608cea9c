package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

/**
 * One exact step of {@code dx/dt = K x + r} against the closed form of one compartment with elimination k:
 * {@code x(h) = x0·e^{-kh} + r·(1 - e^{-kh})/k}. "No input" is its own call; a missing input is refused.
 */
class StepPropagatorTest {
    private static final double K = 0.7;
    private static final double H = 0.25;
    private static final StepPropagator ONE = StepPropagator.of(new double[][] {{-K}}, H);

    @Test
    void aStepWithoutInputIsTheFreeDecay() {
        assertArrayEquals(new double[] {5 * Math.exp(-K * H)}, ONE.advance(new double[] {5}), 1e-12);
        assertArrayEquals(ONE.advance(new double[] {5}, new double[] {0}), ONE.advance(new double[] {5}), 1e-15);
    }

    @Test
    void aStepWithInputAddsTheIntegratedInput() {
        double e = Math.exp(-K * H);
        assertArrayEquals(new double[] {5 * e + 2 * (1 - e) / K}, ONE.advance(new double[] {5}, new double[] {2}),
                1e-12);
    }

    @Test
    void aMissingInputOrStateIsRefusedNotReadAsNone() {
        // a null input was read as "no input" before
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ONE.advance(new double[] {5}, null));
        assertEquals("input", e.field());
        e = assertThrows(InvalidInputException.class, () -> ONE.advance(null));
        assertEquals("state", e.field());
    }
}
