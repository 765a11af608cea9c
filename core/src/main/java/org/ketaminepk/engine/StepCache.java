package org.ketaminepk.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Per-step-length data of one run, computed once per distinct step length and reused: steps of (nearly) equal length
 * share it, the key rounding h to 1e-12 h. The last entry is kept at hand, because consecutive steps are usually of
 * one length. Bounded: when full it starts again. One per run; not thread-safe.
 *
 * @param <T> what is kept per step length
 */
final class StepCache<T> {
    /** Most step lengths kept at once. */
    static final int MAX_ENTRIES = 4096;

    private final DoubleFunction<T> make;
    private final Map<Long, T> entries = new HashMap<>();
    private long lastKey = Long.MIN_VALUE;
    private T last;

    /** @param make builds the data for a step of the given length, h */
    StepCache(DoubleFunction<T> make) {
        this.make = make;
    }

    /** The cache key of a step of {@code h} hours: h rounded to 1e-12 h. */
    static long key(double h) {
        return Math.round(h * 1e12);
    }

    /** @return the data for a step of {@code h} hours */
    T get(double h) {
        long key = key(h);
        if (key == lastKey) {
            return last;
        }
        T p = entries.get(key);
        if (p == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            p = make.apply(h);
            entries.put(key, p);
        }
        lastKey = key;
        last = p;
        return p;
    }
}
