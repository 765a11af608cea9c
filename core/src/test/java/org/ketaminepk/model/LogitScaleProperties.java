package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.ketaminepk.base.InvalidInputException;

/**
 * A logit-scale random effect moves every typical value strictly inside (0, 1) and refuses 0 and 1, where
 * logistic(logit θ + η) would leave θ as it is for every η and the effect would be silently lost.
 */
class LogitScaleProperties {

    /** Typical values over [0, 1], the ends and their neighbours included often. */
    @Provide
    Arbitrary<Double> typical() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1),
                Arbitraries.of(0.0, 1.0, Double.MIN_VALUE, Math.nextDown(1.0), 1e-300, 0.5));
    }

    @Property(tries = 3000)
    void aValueInsideMovesWithTheEffectAndStaysAFraction(@ForAll("typical") double theta,
            @ForAll @DoubleRange(min = -20, max = 20) double eta) {
        if (theta == 0 || theta == 1) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Variability.Scale.LOGIT.apply("F", theta, eta));
            String m = e.getMessage();
            assertTrue(m.startsWith("F ") && m.contains("(0, 1)") && m.contains("was " + (theta == 0 ? "0" : "1"))
                    && !m.contains("\n"), m);
            return;
        }
        double after = Variability.Scale.LOGIT.apply("F", theta, eta);
        assertTrue(after >= 0 && after <= 1, () -> "θ " + theta + ", η " + eta + " gave " + after);
        // the effect moves the value in its own direction (or rounding leaves it where it was)
        if (eta > 0) {
            assertTrue(after >= theta, () -> "θ " + theta + ", η " + eta + " gave " + after);
        } else if (eta < 0) {
            assertTrue(after <= theta, () -> "θ " + theta + ", η " + eta + " gave " + after);
        }
    }

    @Property(tries = 1000)
    void aZeroEffectGivesTheValueBack(@ForAll @DoubleRange(min = 1e-6, max = 1 - 1e-6) @Scale(12) double theta) {
        assertEquals(theta, Variability.Scale.LOGIT.apply("F", theta, 0), 1e-15);
    }

    /** The first value found: a positive effect took the smallest double to 0 (1/(1 + e^{744}) overflowed). */
    @Example
    void aPositiveEffectNeverTakesATinyValueToZero() {
        assertEquals(Double.MIN_VALUE, Variability.Scale.LOGIT.apply("F", Double.MIN_VALUE, 0.01));
        assertEquals(1e-310 * Math.exp(2), Variability.Scale.LOGIT.apply("F", 1e-310, 2), 1e-322);
    }

    /** Before, logit terms on a value of exactly 0 or 1 returned it unchanged for every η. */
    @Example
    void zeroAndOneAreRefusedInOneLine() {
        assertEquals("F must lie in the open range (0, 1) for its logit-scale random effect but was 1 after the "
                + "model's covariates; at 0 or 1 the effect cannot move it", assertThrows(InvalidInputException.class,
                        () -> Variability.Scale.LOGIT.apply("F", 1, 0.7)).getMessage());
        assertThrows(InvalidInputException.class, () -> Variability.Scale.LOGIT.apply("F", 0, -0.7));
        assertThrows(InvalidInputException.class, () -> Variability.Scale.LOGIT.apply("F", Double.NaN, 0.7));
        assertEquals(2 * Math.exp(0.7), Variability.Scale.LOG.apply("CL", 2, 0.7), 0);
    }
}
