package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;

/** A fit's ratio measured / predicted reads as the level check's, also where the prediction is 0. */
class PredictionRatioTest {
    @Test
    void aLevelBeforeTheFirstDoseHasTheLevelChecksRatio() {
        Level zero = Level.of(0, Analyte.KETAMINE, 0);
        Level some = Level.of(0, Analyte.KETAMINE, 12);
        // 0/0 read NaN, undocumented, where LevelCheck reads 1
        assertEquals(OptionalDouble.of(1), new IndividualFit.Prediction(zero, 0, 0).ratio());
        assertEquals(new LevelCheck.Row(zero, 0).ratio(), new IndividualFit.Prediction(zero, 0, 0).ratio());
        assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), new IndividualFit.Prediction(some, 0, 0).ratio());
        // a censored level has no ratio: empty, not NaN
        assertEquals(OptionalDouble.empty(),
                new IndividualFit.Prediction(Level.belowLloq(1, Analyte.KETAMINE, 5), 3, 3).ratio());
        assertEquals(OptionalDouble.of(2), new IndividualFit.Prediction(Level.of(1, Analyte.KETAMINE, 12), 3, 6)
                .ratio());
    }
}
