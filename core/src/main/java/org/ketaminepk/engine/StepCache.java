package org.ketaminepk.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Per-step-length data of one run, computed once per distinct step length and reused: steps of (nearly) equal length
 * share it, the key rounding h to 1e-12 h. The last entry is kept at hand, because consecutive steps are usually of
 * one length. Bounded: when full it starts again. One per run; not thread-safe.
 *
 * <p>A cache may be told to build an entry only once a step length has been asked for a few times: then
 * {@link #get} returns null for a length that has not (yet) recurred, and the caller takes a way that costs less
 * for one step than building the entry would (see {@link DenseScheme}).
 *
 * @param <T> what is kept per step length
 */
final class StepCache<T> {
    /** Most step lengths kept (or counted) at once. */
    static final int MAX_ENTRIES = 4096;

    private final DoubleFunction<T> make;
    private final int buildOnUse;
    private final Map<Long, T> entries = new HashMap<>();
    /** How often each length without an entry has been asked for (only when {@code buildOnUse > 1}). */
    private final Map<Long, Integer> uses = new HashMap<>();
    private long lastKey = Long.MIN_VALUE;
    private T last;

    /** @param make builds the data for a step of the given length, h, on the first request for that length */
    StepCache(DoubleFunction<T> make) {
        this(make, 1);
    }

    /**
     * @param make builds the data for a step of the given length, h
     * @param buildOnUse on which request for a length its entry is built (1: the first); before that, {@link #get}
     *        returns null
     */
    StepCache(DoubleFunction<T> make, int buildOnUse) {
        if (buildOnUse < 1) {
            throw new IllegalArgumentException("buildOnUse must be >= 1 but was " + buildOnUse);
        }
        this.make = make;
        this.buildOnUse = buildOnUse;
    }

    /** The cache key of a step of {@code h} hours: h rounded to 1e-12 h. */
    static long key(double h) {
        return Math.round(h * 1e12);
    }

    /**
     * @return the data for a step of {@code h} hours; null if this length has been asked for fewer than
     *         {@code buildOnUse} times, counting this request
     */
    T get(double h) {
        return get(h, 1);
    }

    /**
     * As {@link #get(double)}, counting {@code requests} requests at once (the steps of a run of equal steps).
     *
     * @param requests how many steps of this length the caller is about to take, at least 1
     */
    T get(double h, int requests) {
        long key = key(h);
        if (key == lastKey) {
            return last;
        }
        T p = entries.get(key);
        if (p == null) {
            if (buildOnUse > 1 && uses.merge(key, requests, Integer::sum) < buildOnUse) {
                if (uses.size() >= MAX_ENTRIES) {
                    uses.clear();
                }
                return null;
            }
            uses.remove(key);
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
