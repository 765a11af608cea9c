package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
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
 * wrapped adjuster. Each change is recorded as an {@link Adjustment}. A logit-scale effect on a value the model's
 * covariates took to exactly 0 or 1 is refused ({@link Variability.Scale#apply}). Immutable.
 */
final class RandomEffects implements PatientAdjuster {
    private final VariabilityModel variability;
    private final VariabilityModel.Draw draw;
    private final PatientAdjuster then;
    private final Plan plan;

    RandomEffects(VariabilityModel variability, VariabilityModel.Draw draw, PatientAdjuster then) {
        this(Plan.of(variability), draw, then);
    }

    /** With a plan made once for many patients (a population run). */
    RandomEffects(Plan plan, VariabilityModel.Draw draw, PatientAdjuster then) {
        this.variability = plan.variability;
        this.plan = plan;
        this.draw = draw;
        this.then = then;
    }

    /**
     * What does not change from patient to patient: the varied parameters in order of first appearance, the scale of
     * each, which parameter each η and κ belongs to, and the wording's fixed parts. Immutable.
     */
    static final class Plan {
        final VariabilityModel variability;
        final String[] names;
        final Variability.Scale[] scales;
        final Parameter[] parameters;
        final String[] units;
        final boolean[] fractions;
        final int[] etaTarget;
        final int[] kappaTarget;
        final String source;

        private Plan(VariabilityModel variability) {
            this.variability = variability;
            Map<String, Integer> index = new LinkedHashMap<>();
            List<Variability.Scale> sc = new ArrayList<>();
            List<VariabilityModel.Term> terms = variability.terms();
            List<VariabilityModel.Term> occ = variability.occasionTerms();
            etaTarget = new int[terms.size()];
            kappaTarget = new int[occ.size()];
            for (int i = 0; i < terms.size() + occ.size(); i++) {
                VariabilityModel.Term t = i < terms.size() ? terms.get(i) : occ.get(i - terms.size());
                Integer k = index.get(t.parameter());
                if (k == null) {
                    k = index.size();
                    index.put(t.parameter(), k);
                    sc.add(t.scale());
                }
                if (i < terms.size()) {
                    etaTarget[i] = k;
                } else {
                    kappaTarget[i - terms.size()] = k;
                }
            }
            PublishedModel model = variability.model();
            names = index.keySet().toArray(new String[0]);
            scales = sc.toArray(new Variability.Scale[0]);
            parameters = new Parameter[names.length];
            units = new String[names.length];
            fractions = new boolean[names.length];
            for (int k = 0; k < names.length; k++) {
                parameters[k] = model.parameter(names[k]);
                units[k] = parameters[k].unit().internalSymbol().replace("/kg", "");
                fractions[k] = isFraction(parameters[k]);
            }
            source = "sampled from " + model.id() + "'s variability";
        }

        static Plan of(VariabilityModel variability) {
            return new Plan(variability);
        }

        /** @return the total effect per parameter (η, plus κ where both exist), in the order of {@link #names} */
        double[] totals(VariabilityModel.Draw draw) {
            double[] total = new double[names.length];
            double[] eta = draw.eta();
            for (int i = 0; i < etaTarget.length; i++) {
                total[etaTarget[i]] += eta[i];
            }
            double[] kappa = draw.kappa();
            for (int i = 0; i < kappaTarget.length; i++) {
                total[kappaTarget[i]] += kappa[i];
            }
            return total;
        }
    }

    /** @return the total effect per parameter (η plus κ where both exist), on the between-patient term's scale */
    Map<String, Double> effects() {
        Map<String, Double> e = new LinkedHashMap<>();
        double[] total = plan.totals(draw);
        for (int k = 0; k < total.length; k++) {
            e.put(plan.names[k], total[k]);
        }
        return e;
    }

    @Override
    public ParameterValues adjust(PublishedModel model, Patient patient, ParameterValues values,
            List<Adjustment> adjustments, List<Warning> warnings) {
        ParameterValues out = values;
        List<Warning> capped = null;
        double[] total = plan.totals(draw);
        for (int k = 0; k < total.length; k++) {
            String name = plan.names[k];
            double before = out.get(name);
            double eta = total[k];
            Variability.Scale scale = plan.scales[k];
            double after = scale.apply(name, before, eta);
            if (after > 1 && before <= 1 && plan.fractions[k]) {
                // a log-normal effect on a fraction can exceed 1 in the far tail: say so rather than pass it on
                if (capped == null) {
                    capped = new ArrayList<>();
                }
                capped.add(Warning.of(Warning.Kind.FRACTION_CAPPED, name, after));
                after = 1;
            }
            if (!(after >= 0 && after < Double.POSITIVE_INFINITY) || (after == 0 && before > 0)) {
                // θ·exp(η) beyond the doubles (or down to 0) from a variance far beyond any published one: a raw
                // IllegalStateException or a rate constant of NaN further on
                throw InvalidInputException.statement("variability", eta, String.format(Locale.ROOT, "of %s drew "
                        + "a random effect of %s on the %s scale, which takes %s from %s to %s, beyond what can be "
                        + "simulated; its variance is too large", name, Checks.fmt(eta), scale.label(), name,
                        Checks.fmt(before), after == 0 ? "0" : "more than any number holds"));
            }
            out = out.with(name, after);
            // worded only if read: a population run never reads it
            adjustments.add(Adjustment.worded(name, plan.units[k], before, after, () -> String.format(Locale.ROOT,
                    "between-patient variability: random effect %s on the %s scale",
                    Checks.fmt(Math.round(eta * 1e4) / 1e4), scale.label()), plan.source));
        }
        if (capped != null) {
            warnings.addAll(capped);
        }
        return then.adjust(model, patient, out, adjustments, warnings);
    }

    private static boolean isFraction(Parameter p) {
        return (p.unit() == Unit.FRACTION || p.unit() == Unit.PERCENT)
                && (p.role() == Role.BIOAVAILABILITY || p.role() == Role.FORMATION_FRACTION)
                && p.internalValue() <= 1;
    }
}
