package org.ketaminepk.fit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;

/**
 * The result of a {@link MapFit}: the individual parameters next to the typical ones (both for this patient's
 * covariates), their approximate uncertainty and shrinkage, and the typical and individual predictions at each
 * level. {@link #individual()} can be simulated like any individual model (e.g. with
 * {@code Simulation.standard().simulate(fit.individual(), regimen, grid)}). Immutable.
 *
 * @param model the model
 * @param patient the patient
 * @param regimen the doses
 * @param typical the model for this patient with η = 0
 * @param individual the model for this patient with the estimated η
 * @param estimates one per random effect
 * @param predictions one per level, in the order given
 * @param objective −2 log posterior at the estimate (up to a constant)
 * @param typicalObjective the same at η = 0
 * @param evaluations model evaluations used
 */
public record IndividualFit(PublishedModel model, Patient patient, Regimen regimen, IndividualModel typical,
        IndividualModel individual, List<Estimate> estimates, List<Prediction> predictions, double objective,
        double typicalObjective, int evaluations) {

    /** Copies the lists. */
    public IndividualFit {
        estimates = List.copyOf(estimates);
        predictions = List.copyOf(predictions);
    }

    /**
     * One estimated parameter.
     *
     * @param parameter its name
     * @param unit its internal unit
     * @param scale how η enters it
     * @param typicalValue the value at η = 0 for this patient
     * @param individualValue the value at the estimated η
     * @param eta the estimated η
     * @param priorVariance the prior variance of η (ω², plus ν² for a between-occasion term)
     * @param uncertainty the approximate uncertainty of the estimate; empty when the curvature of the posterior
     *        could not be estimated (the Hessian is not positive definite)
     */
    public record Estimate(String parameter, String unit, Variability.Scale scale, double typicalValue,
            double individualValue, double eta, double priorVariance, Optional<Uncertainty> uncertainty) {
        /** Requires the uncertainty (empty when there is none, not null). */
        public Estimate {
            Checks.notNull("uncertainty", uncertainty);
        }

        /** @return whether the uncertainty could be estimated */
        public boolean hasUncertainty() {
            return uncertainty.isPresent();
        }
    }

    /**
     * The approximate (Laplace) uncertainty of one estimated parameter.
     *
     * @param etaSe approximate posterior SD of η
     * @param lower95 lower end of the approximate 95 % interval of the parameter
     * @param upper95 upper end
     * @param shrinkage posterior over prior variance of η: 1 when the levels say nothing about this parameter, near 0
     *        when they determine it
     */
    public record Uncertainty(double etaSe, double lower95, double upper95, double shrinkage) {
    }

    /**
     * One level with its predictions.
     *
     * @param level the measured level
     * @param typicalNgPerMl the prediction at η = 0, ng/mL
     * @param individualNgPerMl the prediction at the estimated η, ng/mL
     */
    public record Prediction(Level level, double typicalNgPerMl, double individualNgPerMl) {
        /**
         * @return measured over individual prediction; empty for a censored level; as
         *         {@link LevelCheck.Row#ratio()} where the prediction is 0 (a level before the first dose): 1 for a
         *         level of 0, infinite otherwise
         */
        public OptionalDouble ratio() {
            return new LevelCheck.Row(level, individualNgPerMl).ratio();
        }
    }

    /** @return whether every estimate has an uncertainty */
    public boolean hasUncertainty() {
        return estimates.stream().allMatch(Estimate::hasUncertainty);
    }
}
