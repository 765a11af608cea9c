package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The Wilson interval of a {@link Probability} holds its fraction and lies within [0, 1], whatever the counts. */
class ProbabilityProperties {

    @Property(tries = 2000)
    void theIntervalHoldsTheFraction(@ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int total,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seen) {
        assertHolds(new Probability((int) (seen % ((long) total + 1)), total, "x"));
    }

    /** Counts of none and of all, where the interval's ends fell just off the fraction. */
    @Property(tries = 2000)
    void noneAndAllAreInside(@ForAll @IntRange(min = 1, max = 1_000_000) int total) {
        Probability none = new Probability(0, total, "x");
        Probability all = new Probability(total, total, "x");
        assertHolds(none);
        assertHolds(all);
        assertEquals(0, none.lower95());
        assertEquals(1, all.upper95());
    }

    /** The totals first found: the lower end 4.9e-17 above a fraction of 0, the upper end 1e-16 below 1. */
    @Example
    void theTotalsFirstFound() {
        assertEquals(0, new Probability(0, 3, "x").lower95());
        assertEquals(1, new Probability(10, 10, "x").upper95());
    }

    private static void assertHolds(Probability p) {
        double lo = p.lower95();
        double hi = p.upper95();
        double f = p.fraction();
        assertTrue(lo >= 0 && lo <= f && f <= hi && hi <= 1, () -> p + ": [" + lo + ", " + hi + "] around " + f);
    }
}
