package org.ketaminepk.model;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;

/**
 * A model's published residual (measurement and model-misfit) error for one analyte: what separates an observed
 * concentration from the model's individual prediction. Used only to draw "observed-like" concentrations; the
 * predictions themselves never carry it. Immutable.
 *
 * <p>An observation is drawn as: proportional {@code C·(1 + ε₁)}, additive {@code C + ε₂}, combined
 * {@code C·(1 + ε₁) + ε₂}, exponential {@code C·exp(ε₁)}, with ε₁ ~ N(0, proportionalSd²) and
 * ε₂ ~ N(0, additiveSdNgPerMl²).
 *
 * @param analyte the analyte measured
 * @param type the error model
 * @param proportionalSd SD of the proportional (or, for {@link Type#EXPONENTIAL}, log-scale) error, fraction
 * @param additiveSdNgPerMl SD of the additive error, ng/mL
 * @param provenance where it comes from
 * @param source the table or transcription, and any conversion made
 */
public record ResidualError(Analyte analyte, Type type, double proportionalSd, double additiveSdNgPerMl,
        Provenance provenance, String source) {

    /** The form of the error. */
    public enum Type {
        /** C·(1 + ε). */
        PROPORTIONAL,
        /** C + ε. */
        ADDITIVE,
        /** C·(1 + ε₁) + ε₂. */
        COMBINED,
        /** C·exp(ε) (additive on the log scale). */
        EXPONENTIAL
    }

    /** Validates. */
    public ResidualError {
        Checks.notNull("analyte", analyte);
        Checks.notNull("type", type);
        Checks.nonNegative("proportional SD", proportionalSd, 10, "(fraction)");
        Checks.nonNegative("additive SD", additiveSdNgPerMl, 1e6, "ng/mL");
        Checks.notNull("provenance", provenance);
        Checks.notNull("source", source);
    }

    /** @return a proportional error with SD {@code sd} (fraction) */
    public static ResidualError proportional(Analyte a, double sd, Provenance p, String source) {
        return new ResidualError(a, Type.PROPORTIONAL, sd, 0, p, source);
    }

    /** @return a combined error */
    public static ResidualError combined(Analyte a, double proportionalSd, double additiveSdNgPerMl, Provenance p,
            String source) {
        return new ResidualError(a, Type.COMBINED, proportionalSd, additiveSdNgPerMl, p, source);
    }

    /** @return an exponential (log-additive) error with SD {@code sd} on the log scale */
    public static ResidualError exponential(Analyte a, double sd, Provenance p, String source) {
        return new ResidualError(a, Type.EXPONENTIAL, sd, 0, p, source);
    }

    /**
     * @param predictionNgPerMl the model's prediction, ng/mL
     * @param eps1 a standard normal draw for the proportional part
     * @param eps2 a standard normal draw for the additive part
     * @return an observed-like value, ng/mL; may be negative for every type but the exponential (an additive ε₂
     *         below −C, or a proportional ε₁ below −1, as a measurement can be before it is censored at the assay's
     *         limit)
     */
    public double observe(double predictionNgPerMl, double eps1, double eps2) {
        return switch (type) {
            case PROPORTIONAL -> predictionNgPerMl * (1 + proportionalSd * eps1);
            case ADDITIVE -> predictionNgPerMl + additiveSdNgPerMl * eps2;
            case COMBINED -> predictionNgPerMl * (1 + proportionalSd * eps1) + additiveSdNgPerMl * eps2;
            case EXPONENTIAL -> predictionNgPerMl * Math.exp(proportionalSd * eps1);
        };
    }
}
