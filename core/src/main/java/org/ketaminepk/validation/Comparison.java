package org.ketaminepk.validation;

import java.util.Optional;

import org.ketaminepk.model.PublishedModel;

/**
 * One model's prediction for one observation. Immutable.
 *
 * @param observation what was observed
 * @param model the model that predicted it
 * @param predicted the prediction in the library's unit for the metric (ng/mL, h or ng·h/mL)
 */
public record Comparison(Observation observation, PublishedModel model, double predicted) {

    /** @return predicted / observed (both in the library's unit) */
    public double ratio() {
        return predicted / observation.internalValue();
    }

    /** @return the fold error, max(ratio, 1/ratio), at least 1 */
    public double foldError() {
        return Math.exp(Math.abs(Math.log(ratio())));
    }

    /** @return the prediction in the observation's published unit */
    public double predictedInPublishedUnit() {
        return observation.toPublishedUnit(predicted);
    }

    /** @return true when this model's parameters were estimated or calibrated from this observation */
    public boolean fitted() {
        return observation.fittedBy(model.id());
    }

    /** @return why this model is known to miss this observation, if a reason is recorded */
    public Optional<String> knownGap() {
        return observation.gapFor(model.id());
    }
}
