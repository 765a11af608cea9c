package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.model.Variability;

/** An estimate whose uncertainty could not be found says so as an empty uncertainty, never as NaN values. */
class EstimateTest {
    @Test
    void theUncertaintyIsEmptyOrWholeNeverNull() {
        IndividualFit.Estimate without = new IndividualFit.Estimate("CL", "L/h", Variability.Scale.LOG, 60, 70, 0.15,
                0.09, Optional.empty());
        assertFalse(without.hasUncertainty());
        IndividualFit.Uncertainty u = new IndividualFit.Uncertainty(0.1, 58, 85, 0.4);
        IndividualFit.Estimate with = new IndividualFit.Estimate("CL", "L/h", Variability.Scale.LOG, 60, 70, 0.15,
                0.09, Optional.of(u));
        assertTrue(with.hasUncertainty());
        assertEquals(0.1, with.uncertainty().orElseThrow().etaSe());
        assertThrows(InvalidInputException.class, () -> new IndividualFit.Estimate("CL", "L/h",
                Variability.Scale.LOG, 60, 70, 0.15, 0.09, null));
    }
}
