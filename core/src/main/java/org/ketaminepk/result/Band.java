package org.ketaminepk.result;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * A concentration band, ng/mL, for "time within the band" metrics: {@code [lowNgPerMl, highNgPerMl]}, or
 * {@code [lowNgPerMl, ∞)} for "time above a level". Immutable.
 *
 * <p>The time spent in a band is measured as {@link Series#timeWithinH(double, double)} measures it: on the output
 * grid, with the crossing inside a step found by linear interpolation, never across an input change. A band is a question about a curve, not a
 * therapeutic range: whether 70–160 ng/mL (the analgesic range that reviews attribute to Clements et al. 1982) means
 * anything for a patient is for the reader to judge.
 *
 * @param lowNgPerMl lower edge, ng/mL, 0..1e7
 * @param highNgPerMl upper edge, ng/mL, at least {@code lowNgPerMl}; {@link Double#POSITIVE_INFINITY} for no upper edge
 */
public record Band(double lowNgPerMl, double highNgPerMl) {
    /** Largest accepted lower edge, ng/mL (the same bound that {@link Series} applies). */
    public static final double MAX_LEVEL_NG_PER_ML = 1e7;

    /**
     * Validates the edges with the rules of {@link Series#timeWithinH(double, double)}; an edge of −0 is taken as 0,
     * so that the band equals (and finds its time in metrics measured for) the band written with 0.
     */
    public Band {
        Checks.nonNegative("band low", lowNgPerMl, MAX_LEVEL_NG_PER_ML, "ng/mL");
        lowNgPerMl += 0.0;
        highNgPerMl += 0.0;
        if (!(highNgPerMl >= lowNgPerMl)) {
            throw InvalidInputException.statement("band high", highNgPerMl, "must be at least band low ("
                    + Checks.fmt(lowNgPerMl) + " ng/mL) but was " + Checks.fmt(highNgPerMl) + " ng/mL");
        }
    }

    /** @return the band {@code [lowNgPerMl, highNgPerMl]}, ng/mL */
    public static Band within(double lowNgPerMl, double highNgPerMl) {
        return new Band(lowNgPerMl, highNgPerMl);
    }

    /** @return the band {@code [levelNgPerMl, ∞)}: the same measure as {@link Series#timeAboveH(double)} */
    public static Band above(double levelNgPerMl) {
        Checks.nonNegative("level", levelNgPerMl, MAX_LEVEL_NG_PER_ML, "ng/mL");
        return new Band(levelNgPerMl, Double.POSITIVE_INFINITY);
    }

    /** @return whether the band has no upper edge */
    public boolean openAbove() {
        return highNgPerMl == Double.POSITIVE_INFINITY;
    }

    /** @return e.g. "70–160 ng/mL" or "above 160 ng/mL" */
    public String label() {
        return openAbove() ? "above " + Checks.fmt(lowNgPerMl) + " ng/mL"
                : Checks.fmt(lowNgPerMl) + "–" + Checks.fmt(highNgPerMl) + " ng/mL";
    }

    @Override
    public String toString() {
        return label();
    }
}
