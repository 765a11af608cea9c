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

    @Test
    void effectStillHighAtTheEndHasNoOffset() {
        double[] rising = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        EffectMetrics m = EffectMetrics.of(T, rising, 0, rising, 0, 2);
        assertFalse(m.offsetH().isPresent());
        assertEquals(5, m.onsetH().getAsDouble(), 1e-12);
    }
}
