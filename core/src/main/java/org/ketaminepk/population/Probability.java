package org.ketaminepk.population;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The fraction of virtual patients for whom something holds, e.g. P(Cmax &gt; 500 ng/mL), with the Wilson score
 * interval (95 %) of that fraction as a Monte-Carlo estimate: the interval says how much the fraction would move with
 * another seed, not how uncertain the model is. Immutable.
 *
 * @param count patients for whom it holds
 * @param total patients simulated
 * @param what what was counted, in words, with its unit
 */
public record Probability(int count, int total, String what) {
    private static final double Z95 = 1.959963984540054;

    /**
     * Validates.
     *
     * @throws InvalidInputException if {@code total} is below 1 or {@code count} is outside 0..total
     */
    public Probability {
        Checks.inRange("total", total, 1, Integer.MAX_VALUE, "patients");
        Checks.inRange("count", count, 0, total, "patients");
        Checks.notNull("what", what);
    }

    /** @return count / total */
    public double fraction() {
        return count / (double) total;
    }

    /** @return lower end of the 95 % Wilson score interval: 0 when the count is 0, never above {@link #fraction()} */
    public double lower95() {
        // in exact arithmetic the interval holds the fraction and starts at 0 for a count of 0; in doubles its
        // end came out 3e-17 above a fraction of 0 for some totals
        return count == 0 ? 0 : Math.min(fraction(), wilson(-1));
    }

    /** @return upper end of the 95 % Wilson score interval: 1 when the count is the total, never below the fraction */
    public double upper95() {
        return count == total ? 1 : Math.max(fraction(), wilson(1));
    }

    private double wilson(int sign) {
        double n = total;
        double p = fraction();
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (centre + sign * half) / (1 + z2 / n);
    }
}
