package org.ketaminepk.model;

import java.util.Optional;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Variability as published: a variance (ω²) of a parameter's random effect, or a covariance between two (kept for
 * population simulation). A model lists its between-patient terms in {@link PublishedModel#variability()} and its
 * between-occasion terms (one draw per dosing occasion, added to the patient's own) in
 * {@link PublishedModel#occasionVariability()}. Immutable.
 *
 * @param parameter the parameter name (for a covariance, the first one)
 * @param other the second parameter of a covariance; empty for a variance
 * @param omegaSquared variance or covariance of the random effect, on {@code scale}
 * @param provenance where it comes from
 * @param source table or transcription, and the scale if the paper printed a CV (converted as ω² = ln(1 + CV²))
 * @param scale how the random effect enters the parameter
 */
public record Variability(String parameter, Optional<String> other, double omegaSquared, Provenance provenance,
        String source, Scale scale) {

    /** How a random effect η changes the typical value θ. */
    public enum Scale {
        /** θ·exp(η): log-normal, the usual form for volumes, clearances and rate constants. */
        LOG("log"),
        /** logistic(logit(θ) + η): keeps a fraction between 0 and 1. */
        LOGIT("logit");

        /**
         * Below this logit the logistic is formed as e^x/(1 + e^x), where 1/(1 + e^{−x}) would overflow to 0; above
         * it the usual form is kept, so that every value it gave before is given bit for bit.
         */
        private static final double LOGISTIC_TAIL = -700;

        private final String label;

        Scale(String label) {
            this.label = label;
        }

        /** @return "log" or "logit" */
        public String label() {
            return label;
        }

        /**
         * The value a parameter takes with a random effect on this scale: {@code θ·exp(η)} on the log scale,
         * {@code logistic(logit(θ) + η)} on the logit scale.
         *
         * <p>On the logit scale θ must lie in the open range (0, 1). At 0 or 1 the logit is infinite and
         * {@code logistic(logit(θ) + η)} is θ for every η: the effect would be drawn and silently not applied, and
         * the patient would carry none of the published spread. A model whose published value lies there is refused
         * when its variability is read; a value that the model's own covariates push to exactly 0 or 1 is refused
         * here, naming the parameter, because treating 0 and 1 as fixed points would hide that the model and its
         * variability do not fit this patient.
         *
         * @param parameter the parameter's name, for the message
         * @param theta the value before the effect (after the model's covariates), in the parameter's internal unit
         * @param eta the random effect on this scale
         * @return the value with the effect
         * @throws InvalidInputException on the logit scale, if θ is not strictly between 0 and 1
         */
        public double apply(String parameter, double theta, double eta) {
            if (this == LOG) {
                return theta * Math.exp(eta);
            }
            if (!(theta > 0 && theta < 1)) {
                throw InvalidInputException.statement(parameter, theta, "must lie in the open range (0, 1) for its "
                        + "logit-scale random effect but was " + Checks.fmt(theta) + " after the model's "
                        + "covariates; at 0 or 1 the effect cannot move it");
            }
            double x = Math.log(theta / (1 - theta)) + eta;
            if (x < LOGISTIC_TAIL) {
                // e^{−x} overflows below −709.8 and 1/(1 + ∞) is 0: a θ of 1e-320 moved up by η would drop to 0
                double e = Math.exp(x);
                return e / (1 + e);
            }
            return 1 / (1 + Math.exp(-x));
        }
    }

    /**
     * Requires the names and the scale, a finite value, and a variance of 0 or more.
     *
     * @throws InvalidInputException if one is missing or the value is not finite, or a variance is negative
     */
    public Variability {
        Checks.notNull("variability parameter", parameter);
        Checks.notNull("second variability parameter", other);
        Checks.notNull("variability scale", scale);
        if (!Double.isFinite(omegaSquared) || (other.isEmpty() && omegaSquared < 0)) {
            String field = other.map(o -> "cov(" + parameter + ", " + o + ")").orElse("ω²(" + parameter + ")");
            throw InvalidInputException.statement(field, omegaSquared, (other.isEmpty() ? "must be a finite variance "
                    + "of 0 or more" : "must be a finite covariance") + " on the " + scale.label() + " scale but was "
                    + Checks.fmt(omegaSquared));
        }
    }

    /** A term on the log scale (the form of every term published before the scale was recorded). */
    public Variability(String parameter, Optional<String> other, double omegaSquared, Provenance provenance,
            String source) {
        this(parameter, other, omegaSquared, provenance, source, Scale.LOG);
    }

    /** A variance on one parameter, log scale. */
    public static Variability variance(String parameter, double omegaSquared, Provenance p, String source) {
        return new Variability(parameter, Optional.empty(), omegaSquared, p, source);
    }

    /** A variance of an additive effect on the logit of a fraction. */
    public static Variability logitVariance(String parameter, double omegaSquared, Provenance p, String source) {
        return new Variability(parameter, Optional.empty(), omegaSquared, p, source, Scale.LOGIT);
    }

    /**
     * A variance given as a coefficient of variation, in percent (ω² = ln(1 + CV²)).
     *
     * @throws InvalidInputException if the CV is negative or not finite (its square would hide the sign)
     */
    public static Variability cv(String parameter, double cvPercent, Provenance p, String source) {
        if (!(cvPercent >= 0 && cvPercent < Double.POSITIVE_INFINITY)) {
            throw InvalidInputException.statement("CV of " + parameter, cvPercent, "must be a finite percentage of "
                    + "0 or more but was " + Checks.fmt(cvPercent) + " %");
        }
        double cv = cvPercent / 100.0;
        return new Variability(parameter, Optional.empty(), Math.log(1 + cv * cv), p, source + " (CV " + cvPercent
                + " % converted as ω² = ln(1 + CV²))");
    }

    /** A covariance between two parameters (log scale). */
    public static Variability covariance(String a, String b, double cov, Provenance p, String source) {
        return new Variability(a, Optional.of(Checks.notNull("second variability parameter", b)), cov, p, source);
    }

    /** @return whether this is a covariance between two parameters */
    public boolean isCovariance() {
        return other.isPresent();
    }

    /** @return for a log-scale variance, the coefficient of variation of the parameter, √(exp(ω²) − 1), percent */
    public double cvPercent() {
        return 100 * Math.sqrt(Math.expm1(omegaSquared));
    }
}
