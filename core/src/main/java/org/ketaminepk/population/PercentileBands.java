package org.ketaminepk.population;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Percentile bands of a virtual population's concentrations over time: for each analyte and display time, the
 * chosen percentiles (definition 7) of the patients' concentrations, ng/mL. Either the model's predictions or, when
 * asked for, observed-like values that carry the published residual error. Estimated in bounded memory with
 * logarithmic histograms: each value is within 1 % + 0.001 ng/mL of the exact percentile of the same paths
 * ({@link #relativeAccuracy()}, {@link #floorNgPerMl()}); values below 0.001 ng/mL read as 0. Immutable.
 */
public final class PercentileBands {
    private final double[] timesH;
    private final double[] percentiles;
    private final Map<Analyte, double[][]> values;
    private final boolean observedLike;

    PercentileBands(double[] timesH, double[] percentiles, Map<Analyte, double[][]> values, boolean observedLike) {
        this.timesH = timesH.clone();
        this.percentiles = percentiles.clone();
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.observedLike = observedLike;
    }

    /** @return the display times, h */
    public double[] timesH() {
        return timesH.clone();
    }

    /** @return the percentiles, 0–100 */
    public double[] percentiles() {
        return percentiles.clone();
    }

    /** @return the analytes with bands */
    public Set<Analyte> analytes() {
        return values.keySet();
    }

    /** @return whether the bands are of observed-like values (with residual error) rather than predictions */
    public boolean observedLike() {
        return observedLike;
    }

    /** @return the bound on the relative error of each value against exact percentiles (0.01) */
    public double relativeAccuracy() {
        return BandHistogram.RATIO - 1;
    }

    /** @return the concentration below which values read as 0, ng/mL */
    public double floorNgPerMl() {
        return BandHistogram.FLOOR_NG_PER_ML;
    }

    /**
     * @param a the analyte
     * @param percentile one of {@link #percentiles()}
     * @return the band's value at each display time, ng/mL
     * @throws InvalidInputException if the analyte or the percentile was not asked for
     */
    public double[] ngPerMl(Analyte a, double percentile) {
        double[][] v = values.get(a);
        if (v == null) {
            throw new InvalidInputException("analyte", "analyte must be one of " + values.keySet() + " but was "
                    + (a == null ? "missing" : a.label()));
        }
        for (int i = 0; i < percentiles.length; i++) {
            if (percentiles[i] == percentile) {
                return v[i].clone();
            }
        }
        throw new InvalidInputException("percentile", "percentile must be one of " + Arrays.toString(percentiles)
                + " but was " + Checks.fmt(percentile));
    }
}
