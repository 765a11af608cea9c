package org.ketaminepk.population;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One independent random stream per virtual patient, derived from (seed, patient index), so that a patient's draws
 * do not depend on which thread simulates it or on how many patients come before it.
 *
 * <p>The two 64-bit words of each patient's XoRoShiRo128++ state are SplitMix64 outputs (Steele, Lea &amp; Flood,
 * OOPSLA 2014) at positions {@code 2i+1} and {@code 2i+2} of a SplitMix64 sequence started at the mixed seed: the
 * same construction {@link RandomSource} uses to expand a {@code long} seed, taken at a per-patient offset.
 * Thread-safe (stateless).
 */
final class PatientStreams {
    /** The SplitMix64 increment (the golden ratio in 64-bit fixed point). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private PatientStreams() {
    }

    /** @return a fresh generator for patient {@code index} of the population seeded by {@code seed} */
    static UniformRandomProvider forPatient(long seed, long index) {
        long base = mix64(seed);
        long[] state = {mix64(base + (2 * index + 1) * GOLDEN_GAMMA), mix64(base + (2 * index + 2) * GOLDEN_GAMMA)};
        if (state[0] == 0 && state[1] == 0) {
            // the one state XoRoShiRo cannot leave; practically unreachable
            state[1] = GOLDEN_GAMMA;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(state);
    }

    /** SplitMix64's output function (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
