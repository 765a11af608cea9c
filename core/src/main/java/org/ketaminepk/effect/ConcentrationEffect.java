package org.ketaminepk.effect;

import java.util.Locale;

import org.ketaminepk.base.Checks;

/**
 * A concentration–effect relationship: the effect at an effect-site (or steady-state plasma) concentration.
 * Implementations are immutable.
 */
public sealed interface ConcentrationEffect permits ConcentrationEffect.SigmoidEmax, ConcentrationEffect.Linear {

    /**
     * @param concentrationNgPerMl concentration of the driving analyte, ng/mL, {@code >= 0}
     * @return the effect, in the endpoint's unit
     */
    double effect(double concentrationNgPerMl);

    /** @return the effect without drug */
    double baseline();

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
            if (!Double.isFinite(e0) || !Double.isFinite(emax) || emax == 0) {
                throw new IllegalArgumentException("E0 and a non-zero Emax must be finite");
            }
        }

        @Override
        public double effect(double c) {
            if (c <= 0) {
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
            Checks.positive("reference concentration", referenceNgPerMl, 1e6, "ng/mL");
            if (!Double.isFinite(e0) || !Double.isFinite(effectAtReference) || effectAtReference == 0) {
                throw new IllegalArgumentException("E0 and a non-zero effect must be finite");
            }
        }

        @Override
        public double effect(double c) {
            return e0 + effectAtReference * Math.max(c, 0) / referenceNgPerMl;
        }

        @Override
        public double baseline() {
            return e0;
        }

        @Override
        public String formula() {
            return String.format(Locale.ROOT, "E = %s + %s·C/%s (C in ng/mL)", Checks.fmt(e0),
                    Checks.fmt(effectAtReference), Checks.fmt(referenceNgPerMl));
        }
    }
}
