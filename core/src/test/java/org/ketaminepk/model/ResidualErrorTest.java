package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;

/** Which observed-like values can fall below 0, as {@link ResidualError#observe} says (test values). */
class ResidualErrorTest {

    @Test
    void everyTypeButTheExponentialCanGoBelowZero() {
        // a proportional ε₁ below −1: 1 + 0.2·(−6) = −0.2
        assertEquals(-20, ResidualError.proportional(Analyte.KETAMINE, 0.2, Provenance.ASSUMPTION, "test")
                .observe(100, -6, 0), 1e-12);
        assertEquals(-10, ResidualError.combined(Analyte.KETAMINE, 0, 5, Provenance.ASSUMPTION, "test")
                .observe(0, 0, -2), 1e-12);
        assertTrue(ResidualError.exponential(Analyte.KETAMINE, 0.4, Provenance.ASSUMPTION, "test")
                .observe(100, -40, 0) > 0);
    }
}
