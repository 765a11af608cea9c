package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

/** A variability term is refused in one line when it could not be a variance, instead of being used. */
class VariabilityTest {

    private static String refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e).getMessage();
    }

    @Test
    void aNegativeOrMissingVarianceIsRefused() {
        // accepted before, and later refused as impossible correlations, or shown as a CV of NaN
        assertEquals("ω²(CL) must be a finite variance of 0 or more on the log scale but was -0.1", refused(
                () -> Variability.variance("CL", -0.1, Provenance.PUBLISHED, "x")));
        assertEquals("ω²(F) must be a finite variance of 0 or more on the logit scale but was NaN", refused(
                () -> Variability.logitVariance("F", Double.NaN, Provenance.PUBLISHED, "x")));
        // an IllegalArgumentException before
        assertEquals("variability parameter is required but was missing", refused(
                () -> Variability.variance(null, 0.1, Provenance.PUBLISHED, "x")));
        assertEquals("variability scale is required but was missing", refused(
                () -> new Variability("CL", Optional.empty(), 0.1, Provenance.PUBLISHED, "x", null)));
        assertEquals("second variability parameter is required but was missing", refused(
                () -> new Variability("CL", null, 0.1, Provenance.PUBLISHED, "x")));
        // a variance has no second parameter; a covariance names it
        assertEquals(Optional.empty(), Variability.variance("CL", 0.1, Provenance.PUBLISHED, "x").other());
        assertEquals(Optional.of("V1"), Variability.covariance("CL", "V1", 0.01, Provenance.PUBLISHED, "x").other());
        // a covariance may be negative, not infinite
        assertEquals(-0.05, Variability.covariance("CL", "V1", -0.05, Provenance.PUBLISHED, "x").omegaSquared());
        assertEquals("cov(CL, V1) must be a finite covariance on the log scale but was Infinity", refused(
                () -> Variability.covariance("CL", "V1", Double.POSITIVE_INFINITY, Provenance.PUBLISHED, "x")));
    }

    @Test
    void aNegativeCvIsRefusedRatherThanSquared() {
        // ω² = ln(1 + CV²) hid the sign: −30 % became a CV of 30 %
        assertEquals("CV of CL must be a finite percentage of 0 or more but was -30 %", refused(
                () -> Variability.cv("CL", -30, Provenance.PUBLISHED, "x")));
        assertEquals("CV of CL must be a finite percentage of 0 or more but was NaN %", refused(
                () -> Variability.cv("CL", Double.NaN, Provenance.PUBLISHED, "x")));
        assertEquals(30, Variability.cv("CL", 30, Provenance.PUBLISHED, "x").cvPercent(), 1e-9);
    }
}
