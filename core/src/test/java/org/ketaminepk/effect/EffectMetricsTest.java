package org.ketaminepk.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Peak, onset, offset and time at an effect level on curves whose answers can be read off by hand. */
class EffectMetricsTest {
    private static final double[] T = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] RISE_FALL = {0, 2, 4, 6, 8, 10, 8, 6, 4, 2, 0};

    @Test
    void triangleRisingEffect() {
        EffectMetrics m = EffectMetrics.of(T, RISE_FALL, 0, RISE_FALL, 0, 5);
        assertEquals(10, m.peakEffect());
        assertEquals(5, m.peakTimeH());
        assertEquals(2.5, m.onsetH().getAsDouble(), 1e-12);
        assertEquals(2.5, m.offsetH().getAsDouble(), 1e-12);
    }

    @Test
    void fallingEffectIsMeasuredFromBaseline() {
        double[] score = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            score[i] = 5 - 0.4 * RISE_FALL[i];
        }
        EffectMetrics m = EffectMetrics.of(T, score, 5, RISE_FALL, 1, 3);
        assertEquals(1, m.peakEffect(), 1e-12);
        assertEquals(1.5, m.onsetH().getAsDouble(), 1e-12, "counted from the first dose at 1 h");
        assertEquals(4.5, m.offsetH().getAsDouble(), 1e-12, "counted from the end of the last input at 3 h");
        EffectResult r = new EffectResult(Endpoints.HERD_2008_SEDATION, null, null, "", T, RISE_FALL, RISE_FALL,
                score, 5, m, List.of());
        assertEquals(5, r.timeAtLeastH(3), 1e-12, "score at or below 3 from 2.5 h to 7.5 h");
    }

    /**
     * A course of swallowed doses whose last dose comes at a trough: the change is below half its peak when the last
     * dose is taken, rises above it again as that dose is absorbed, and only then falls for good. The offset is that
     * last fall, not the trough at the last dose.
     */
    @Test
    void theOffsetIsTheLastFallBelowHalf() {
        double[] repeated = {0, 10, 2, 10, 2, 10, 2, 9, 6, 3, 0};
        // the last dose at 5.5 h, as the change falls to the trough at 6 h
        EffectMetrics m = EffectMetrics.of(T, repeated, 0, repeated, 0, 5.5);
        assertEquals(1.0, m.peakTimeH());
        // half the peak is 5: the change passes 5 downwards for the last time between 8 h (6) and 9 h (3)
        assertEquals(8 + 1.0 / 3 - 5.5, m.offsetH().getAsDouble(), 1e-12);
        double[] endsAbove = {0, 10, 2, 10, 2, 10, 2, 9, 6, 3, 7};
        assertFalse(EffectMetrics.of(T, endsAbove, 0, endsAbove, 0, 5.5).offsetH().isPresent(),
                "above half again at the end: no offset yet");
    }

    @Test
    void effectStillHighAtTheEndHasNoOffset() {
        double[] rising = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        EffectMetrics m = EffectMetrics.of(T, rising, 0, rising, 0, 2);
        assertFalse(m.offsetH().isPresent());
        assertEquals(5, m.onsetH().getAsDouble(), 1e-12);
    }
}
