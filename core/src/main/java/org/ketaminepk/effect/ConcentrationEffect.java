package org.ketaminepk.effect;

import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * A concentration–effect relationship: the effect at an effect-site (or steady-state plasma) concentration.
 * Implementations are immutable.
 */
public sealed interface ConcentrationEffect permits ConcentrationEffect.SigmoidEmax, ConcentrationEffect.Linear {

    /**
     * @param concentrationNgPerMl concentration of the driving analyte, ng/mL, {@code >= 0}
     * @return the effect, in the endpoint's unit
     * @throws InvalidInputException if the concentration is negative or NaN
     */
    double effect(double concentrationNgPerMl);

    /**
     * Largest size of a baseline or a change from it, in the endpoint's unit: effects are fractions, percentages,
     * scores and index values, and a bound keeps every effect of a concentration up to 1e6 ng/mL finite.
     */
    double MAX_EFFECT = 1e9;

    private static void finite(String field, double v) {
        if (!(Math.abs(v) <= MAX_EFFECT)) {
            throw InvalidInputException.statement(field, v, "must be a number from -1e9 to 1e9 in the endpoint's "
                    + "unit but was " + Checks.fmt(v));
        }
    }

    private static void nonZero(String field, double v) {
        if (v == 0) {
            throw InvalidInputException.statement(field, v, "must be a change from baseline other than 0 (below or "
                    + "above it) but was 0");
        }
    }

    private static void concentration(double c) {
        if (!(c >= 0 && c < Double.POSITIVE_INFINITY)) {
            throw InvalidInputException.statement("concentration", c, "must be at least 0 ng/mL but was "
                    + Checks.fmt(c) + " ng/mL");
        }
    }

    /** @return the effect without drug */
    double baseline();

    /**
     * @return 1 when the drug raises the effect above its {@link #baseline()}, −1 when it lowers it below (the sign
     *         of Emax, or of the effect at the reference concentration)
     */
    int direction();

    /**
     * @return the effect approached as the concentration grows without bound, which no finite concentration reaches
     *         ({@code E0 + Emax} for a sigmoid Emax model), or an infinity of the sign of {@link #direction()} for an
     *         effect without a maximum
     */
    double limit();

    /** @return the formula with its numbers, for reports */
    String formula();

    /** @return the concentration that gives half the maximal drug effect (or, for a linear model, its reference) */
    double referenceNgPerMl();

    /**
     * {@code E = E0 + Emax·C^γ / (C50^γ + C^γ)}; a negative Emax is a decrease from baseline.
     *
     * @param e0 baseline effect
     * @param emax maximal change from baseline (negative for a decrease)
     * @param c50NgPerMl concentration at half the maximal change, ng/mL
     * @param gamma Hill coefficient
     * @param gammaFound whether γ was read in the source (if not, the value used is labelled an assumption)
     */
    record SigmoidEmax(double e0, double emax, double c50NgPerMl, double gamma, boolean gammaFound)
            implements ConcentrationEffect {
        /** Validates. */
        public SigmoidEmax {
            Checks.positive("C50", c50NgPerMl, 1e6, "ng/mL");
            Checks.positive("gamma", gamma, 100, "");
            finite("E0", e0);
            finite("Emax", emax);
            nonZero("Emax", emax);
        }

        @Override
        public double effect(double c) {
            concentration(c);
            if (c == 0) {
                return e0;
            }
            // C^γ/(C50^γ + C^γ) written as 1/(1 + (C50/C)^γ): no overflow at large γ
            return e0 + emax / (1 + Math.pow(c50NgPerMl / c, gamma));
        }

        @Override
        public double baseline() {
            return e0;
        }

        @Override
        public int direction() {
            return emax > 0 ? 1 : -1;
        }

        @Override
        public double limit() {
            return e0 + emax;
        }

        @Override
        public double referenceNgPerMl() {
            return c50NgPerMl;
        }

        @Override
        public String formula() {
            return String.format(Locale.ROOT, "E = %s %s %s·C^%s/(%s^%s + C^%s) (C in ng/mL; γ %s)", Checks.fmt(e0),
                    emax < 0 ? "−" : "+", Checks.fmt(Math.abs(emax)), Checks.fmt(gamma), Checks.fmt(c50NgPerMl),
                    Checks.fmt(gamma), Checks.fmt(gamma), gammaFound ? "as published" : "not found, assumed");
        }
    }

    /**
     * {@code E = E0 + slope·C}: the form implied when a source reports the concentration that produces a stated
     * effect (e.g. doubling a threshold) rather than a C50.
     *
     * @param e0 baseline effect
     * @param effectAtReference effect change at the reference concentration
     * @param referenceNgPerMl the concentration that produces {@code effectAtReference}, ng/mL
     */
    record Linear(double e0, double effectAtReference, double referenceNgPerMl) implements ConcentrationEffect {
        /** Validates. */
        public Linear {
            // from 1e-6 ng/mL: a slope of 1e9 per 1e-6 ng/mL still gives finite effects up to 1e6 ng/mL
            Checks.inRange("reference concentration", referenceNgPerMl, 1e-6, 1e6, "ng/mL");
            finite("E0", e0);
            finite("effect at the reference concentration", effectAtReference);
            nonZero("effect at the reference concentration", effectAtReference);
        }

        /**
         * @throws InvalidInputException also for a concentration so large that the effect would overflow to
         *         infinity (beyond about 1e292 ng/mL for the steepest slope accepted), which was returned as such
         */
        @Override
        public double effect(double c) {
            concentration(c);
            // (slope·C)/reference, as computed below, stays below half the largest double up to this concentration
            double limit = 0.5 * Double.MAX_VALUE / Math.abs(effectAtReference) * Math.min(1, referenceNgPerMl);
            if (c > limit) {
                throw InvalidInputException.outOfRange("concentration", c, 0, limit, "ng/mL");
            }
            return e0 + effectAtReference * c / referenceNgPerMl;
        }

        @Override
        public double baseline() {
            return e0;
        }

        @Override
        public int direction() {
            return effectAtReference > 0 ? 1 : -1;
        }

        @Override
        public double limit() {
            return effectAtReference > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        @Override
        public String formula() {
            return String.format(Locale.ROOT, "E = %s + %s·C/%s (C in ng/mL)", Checks.fmt(e0),
                    Checks.fmt(effectAtReference), Checks.fmt(referenceNgPerMl));
        }
    }
}
