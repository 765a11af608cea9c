package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.Checks;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/**
 * One patient's random effects applied as a {@link PatientAdjuster}: each varied parameter becomes
 * θ_i·exp(η + κ) (log scale) or logistic(logit(θ_i) + η) (logit scale), where θ_i is the value after the model's
 * weight scaling and own covariates, exactly where a NONMEM model puts its exponential random effect
 * ({@code CL = TVCL(WT, AGE)·EXP(ETA)}); organ-function and interaction adjustments are then applied on top by the
 * wrapped adjuster. Each change is recorded as an {@link Adjustment}. Immutable.
 */
final class RandomEffects implements PatientAdjuster {
    private final VariabilityModel variability;
    private final VariabilityModel.Draw draw;
    private final PatientAdjuster then;

    RandomEffects(VariabilityModel variability, VariabilityModel.Draw draw, PatientAdjuster then) {
        this.variability = variability;
        this.draw = draw;
        this.then = then;
    }

    /** @return the total effect per parameter (η plus κ where both exist), on the between-patient term's scale */
    Map<String, Double> effects() {
        Map<String, Double> e = new LinkedHashMap<>();
        List<VariabilityModel.Term> terms = variability.terms();
        for (int i = 0; i < terms.size(); i++) {
            e.merge(terms.get(i).parameter(), draw.eta()[i], Double::sum);
        }
        List<VariabilityModel.Term> occ = variability.occasionTerms();
        for (int i = 0; i < occ.size(); i++) {
            e.merge(occ.get(i).parameter(), draw.kappa()[i], Double::sum);
        }
        return e;
    }

    @Override
    public ParameterValues adjust(PublishedModel model, Patient patient, ParameterValues values,
            List<Adjustment> adjustments, List<Warning> warnings) {
        Map<String, Variability.Scale> scales = new LinkedHashMap<>();
        for (VariabilityModel.Term t : variability.terms()) {
            scales.putIfAbsent(t.parameter(), t.scale());
        }
        for (VariabilityModel.Term t : variability.occasionTerms()) {
            scales.putIfAbsent(t.parameter(), t.scale());
        }
        ParameterValues out = values;
        List<Warning> capped = new ArrayList<>();
        for (Map.Entry<String, Double> e : effects().entrySet()) {
            String name = e.getKey();
            double before = out.get(name);
            double eta = e.getValue();
            double after = scales.get(name) == Variability.Scale.LOGIT ? logitShift(before, eta)
                    : before * Math.exp(eta);
            Parameter p = model.parameter(name);
            if (after > 1 && before <= 1 && isFraction(p)) {
                // a log-normal effect on a fraction can exceed 1 in the far tail: say so rather than pass it on
                capped.add(new Warning(Warning.Code.ASSUMPTION, String.format(Locale.ROOT,
                        "sampled %s %.4g is above 1 (a fraction); 1 is used", name, after)));
                after = 1;
            }
            out = out.with(name, after);
            adjustments.add(new Adjustment(name, p.unit().internalSymbol().replace("/kg", ""), before, after,
                    String.format(Locale.ROOT, "between-patient variability: random effect %s on the %s scale",
                            Checks.fmt(Math.round(eta * 1e4) / 1e4), scales.get(name).label()),
                    "sampled from " + model.id() + "'s variability"));
        }
        warnings.addAll(capped);
        return then.adjust(model, patient, out, adjustments, warnings);
    }

    private static boolean isFraction(Parameter p) {
        return (p.unit() == Unit.FRACTION || p.unit() == Unit.PERCENT)
                && (p.role() == Role.BIOAVAILABILITY || p.role() == Role.FORMATION_FRACTION)
                && p.internalValue() <= 1;
    }

    private static double logitShift(double p, double eta) {
        if (p <= 0 || p >= 1) {
            return p;
        }
        double x = Math.log(p / (1 - p)) + eta;
        return 1 / (1 + Math.exp(-x));
    }
}
