package org.ketaminepk.fit;

import java.util.List;

import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Variability;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/**
 * Applies one set of random effects where a NONMEM model puts them — after weight scaling and the model's own
 * covariates, before organ-function adjustments ({@code then}): θ·exp(η) on the log scale, logistic(logit θ + η) on
 * the logit scale ({@link Variability.Scale#apply}, which refuses a logit-scale value of exactly 0 or 1). A fraction
 * pushed above 1 by a log-scale effect is held at 1 with a {@link Warning.Kind#FRACTION_CAPPED} warning (the same
 * rule as population simulation). Immutable.
 */
final class EtaAdjuster implements PatientAdjuster {
    private final List<MapFit.Effect> effects;
    private final double[] eta;
    private final PatientAdjuster then;

    EtaAdjuster(List<MapFit.Effect> effects, double[] eta, PatientAdjuster then) {
        this.effects = effects;
        this.eta = eta;
        this.then = then;
    }

    @Override
    public ParameterValues adjust(PublishedModel model, Patient patient, ParameterValues values,
            List<Adjustment> adjustments, List<Warning> warnings) {
        ParameterValues out = values;
        for (int i = 0; i < effects.size(); i++) {
            MapFit.Effect e = effects.get(i);
            if (eta[i] == 0) {
                continue;
            }
            double before = out.get(e.parameter());
            double after = e.scale().apply(e.parameter(), before, eta[i]);
            if (e.scale() == Variability.Scale.LOG && e.fraction() && before <= 1 && after > 1) {
                // said, as population simulation says it: it was held at 1 without a word before
                warnings.add(Warning.of(Warning.Kind.FRACTION_CAPPED, e.parameter(), after));
                after = 1;
            }
            out = out.with(e.parameter(), after);
            adjustments.add(new Adjustment(e.parameter(), e.unit(), before, after,
                    "individual random effect " + Math.round(eta[i] * 1e4) / 1e4 + " (" + e.scale().label()
                            + " scale), estimated from measured levels", "maximum a posteriori fit to "
                            + model.id() + "'s variability and residual error"));
        }
        return then.adjust(model, patient, out, adjustments, warnings);
    }
}
