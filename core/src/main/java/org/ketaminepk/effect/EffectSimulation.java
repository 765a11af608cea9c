package org.ketaminepk.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * The effect front door: a model, a patient, a regimen and an endpoint → an {@link EffectResult}.
 * <pre>
 *   EffectResult r = EffectSimulation.run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, Models.OTTO_2021,
 *           Patient.standardAdult(), Regimen.of(Dose.infusion(Rate.mgPerH(20), 2, 0)), TimeGrid.uniform(6, 1.0 / 60),
 *           EffectSimulation.Options.DEFAULT);
 *   double peak = r.metrics().peakEffect();
 * </pre>
 * The ke0 is taken from the endpoint's evidence: used as fitted when the model is the one it was fitted with,
 * transferred (by time to peak effect, or as a half-time when the fitting PK is not in the library) otherwise, and
 * refused when none was found unless the caller gives a guess and allows it. Stateless and thread-safe. A teaching
 * and review tool, not a dosing device.
 */
public final class EffectSimulation {
    /** The S-ketamine share of racemic ketamine used unless the caller gives another. */
    public static final double DEFAULT_S_SHARE = 0.5;

    private EffectSimulation() {
    }

    /**
     * Caller choices.
     *
     * @param guessedKe0PerH a ke0 to use instead of the endpoint's, 1/h; empty for none
     * @param allowGuessedKe0 whether a guessed ke0 may be used (it is refused otherwise)
     * @param sKetamineShare fraction of a racemic model's ketamine taken as S-ketamine, for S-ketamine endpoints
     */
    public record Options(OptionalDouble guessedKe0PerH, boolean allowGuessedKe0, double sKetamineShare) {
        /** No guess; S-ketamine half of racemic ketamine. */
        public static final Options DEFAULT = new Options(OptionalDouble.empty(), false, DEFAULT_S_SHARE);

        /** Validates. */
        public Options {
            Checks.notNull("ke0", guessedKe0PerH);
            if (guessedKe0PerH.isPresent()) {
                Checks.positive("ke0", guessedKe0PerH.getAsDouble(), EffectSites.MAX_KE0_PER_H, "1/h");
            }
            Checks.positive("S-ketamine share", sKetamineShare, 1, "(a fraction)");
        }

        /** @return a copy with a guessed ke0, 1/h; it is used only if guesses are allowed */
        public Options withGuessedKe0PerH(double ke0PerH) {
            return new Options(OptionalDouble.of(ke0PerH), allowGuessedKe0, sKetamineShare);
        }

        /** @return a copy that allows (or refuses) a guessed ke0 */
        public Options withAllowGuessedKe0(boolean allow) {
            return new Options(guessedKe0PerH, allow, sKetamineShare);
        }

        /** @return a copy with another S-ketamine share of racemic ketamine */
        public Options withSKetamineShare(double share) {
            return new Options(guessedKe0PerH, allowGuessedKe0, share);
        }
    }

    /**
     * Simulates the endpoint's effect time course.
     *
     * @throws InvalidInputException if the model cannot drive the endpoint, if no ke0 was found and none is given,
     *                               or if a guessed ke0 is given without allowing it
     */
    public static EffectResult run(Endpoint endpoint, PublishedModel model, Patient patient, Regimen regimen,
            TimeGrid grid, Options options) {
        Checks.notNull("endpoint", endpoint);
        Checks.notNull("model", model);
        Checks.notNull("options", options);
        requireDrivable(endpoint, model);
        SimulationResult pk = Simulation.standard().simulate(model, patient, regimen, grid);
        IndividualModel ind = pk.individual();
        List<Warning> warnings = new ArrayList<>(pk.warnings());
        EffectLink link = link(endpoint, ind, options);
        if (link.basis() != EffectLink.Basis.FITTED) {
            warnings.add(Warning.text(Warning.Code.ASSUMPTION, String.format(Locale.ROOT, "%s: %s is %s: %s",
                    endpoint.id(), link.describe(), link.basis().label(), link.how())));
        }
        for (String s : endpoint.inferences()) {
            warnings.add(Warning.text(Warning.Code.ASSUMPTION, endpoint.id() + ": " + s));
        }
        double share = sShare(endpoint, model.drugForm(), options);
        String driver = driver(model, share);
        if (share != 1) {
            warnings.add(Warning.text(Warning.Code.ASSUMPTION, String.format(Locale.ROOT, "%s: S-ketamine taken as %s "
                    + "%% of the ketamine of %s, which does not resolve the enantiomers", endpoint.id(),
                    Checks.fmt(share * 100), model.id())));
        }
        SamplingSite fitted = endpoint.samplingSite();
        SamplingSite predicted = model.samplingSite();
        if (known(fitted) && known(predicted) && fitted != predicted) {
            warnings.add(Warning.text(Warning.Code.ASSUMPTION, String.format(Locale.ROOT, "%s was estimated on %s "
                    + "concentrations but %s predicts %s ones; arterial ketamine runs higher than venous during an "
                    + "infusion and lower shortly after it", endpoint.id(), fitted.label(), model.id(),
                    predicted.label())));
        }
        double age = patient.ageYears();
        if (age < endpoint.population().ageMinYears() || age > endpoint.population().ageMaxYears()) {
            warnings.add(Warning.of(Warning.Kind.AGE_OUTSIDE_EFFECT_STUDY, age, endpoint.population().ageMinYears(),
                    endpoint.population().ageMaxYears(), endpoint.id()));
        }
        Profile ceProfile = EffectSites.concentrations(ind, regimen, grid, link.ke0PerH());
        double[] times = pk.profile().timesH();
        double[] plasma = pk.profile().series(endpoint.analyte()).ngPerMl();
        double[] ce = ceProfile.series(endpoint.analyte()).ngPerMl();
        for (int i = 0; i < times.length; i++) {
            plasma[i] *= share;
            ce[i] *= share;
        }
        Optional<Endpoint.Relationship> rel = endpoint.relationshipFor(model.drugForm());
        double[] effect = null;
        double baseline = 0;
        if (rel.isPresent()) {
            ConcentrationEffect f = rel.get().model();
            effect = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                effect[i] = f.effect(ce[i]);
            }
            baseline = f.baseline();
        }
        EffectMetrics metrics = EffectMetrics.of(times, effect != null ? effect : ce, baseline, ce,
                firstDoseH(regimen), regimen.endH());
        return new EffectResult(endpoint, link, pk, driver, times, plasma, ce, effect, baseline, metrics, warnings);
    }

    /**
     * The effect at a steady plasma concentration (where the effect site has caught up with plasma): the only use of
     * an endpoint without an equilibration constant that needs no guess.
     *
     * @param endpoint an endpoint with an effect model
     * @param form the drug form of the concentration
     * @param ketamineNgPerMl steady plasma concentration of ketamine as the model reports it, ng/mL
     * @param sKetamineShare S-ketamine share of racemic ketamine (used only where the endpoint needs it)
     * @return the effect, in the endpoint's unit
     */
    public static double steadyStateEffect(Endpoint endpoint, DrugForm form, double ketamineNgPerMl,
            double sKetamineShare) {
        Checks.notNull("endpoint", endpoint);
        Checks.notNull("drug form", form);
        Checks.nonNegative("concentration", ketamineNgPerMl, 1e6, "ng/mL");
        Endpoint.Relationship rel = endpoint.relationshipFor(form).orElseThrow(() -> new InvalidInputException(
                "endpoint", "endpoint " + endpoint.id() + " has no concentration-effect relationship for "
                        + form.label()));
        double share = sShare(endpoint, form, Options.DEFAULT.withSKetamineShare(sKetamineShare));
        return rel.model().effect(ketamineNgPerMl * share);
    }

    static void requireDrivable(Endpoint endpoint, PublishedModel model) {
        if (!model.analytes().contains(endpoint.analyte())) {
            throw new InvalidInputException("endpoint", "endpoint " + endpoint.id() + " needs "
                    + endpoint.analyte().label() + " concentrations but model " + model.id() + " does not predict them");
        }
        if (!endpoint.drivenBy(model.drugForm())) {
            String needs = endpoint.hasEffectModel() ? "racemic ketamine concentrations"
                    : "a model of the kind its ke0 was fitted with (racemic ketamine)";
            throw new InvalidInputException("endpoint", "endpoint " + endpoint.id() + " needs " + needs
                    + " but model " + model.id() + " predicts " + model.drugForm().label()
                    + "; choose a racemic model");
        }
    }

    private static boolean known(SamplingSite s) {
        return s == SamplingSite.ARTERIAL || s == SamplingSite.VENOUS;
    }

    private static double sShare(Endpoint endpoint, DrugForm form, Options options) {
        return takesSKetamineShare(endpoint, form) ? options.sKetamineShare() : 1;
    }

    /**
     * @param endpoint an endpoint
     * @param form the drug form of the model that drives it
     * @return whether the effect is driven by a share of the model's ketamine taken as S-ketamine
     *         ({@link Options#sKetamineShare()}): an S-ketamine concentration–effect relationship on a racemic model;
     *         elsewhere the share is not used
     */
    public static boolean takesSKetamineShare(Endpoint endpoint, DrugForm form) {
        Checks.notNull("endpoint", endpoint);
        Checks.notNull("drug form", form);
        return form == DrugForm.RACEMIC && endpoint.hasEffectModel() && endpoint.racemic().isEmpty();
    }

    private static String driver(PublishedModel model, double share) {
        if (share != 1) {
            return String.format(Locale.ROOT, "S-ketamine, taken as %s %% of %s's racemic ketamine (assumption)",
                    Checks.fmt(share * 100), model.id());
        }
        return model.drugForm().label() + " as " + model.id() + " predicts it (" + model.samplingSite().label() + ")";
    }

    static EffectLink link(Endpoint endpoint, IndividualModel ind, Options options) {
        if (options.guessedKe0PerH().isPresent()) {
            double guessPerH = options.guessedKe0PerH().getAsDouble();
            if (!options.allowGuessedKe0()) {
                throw new InvalidInputException("ke0", String.format(Locale.ROOT, "ke0 %s /min is a guess, not "
                        + "fitted to effect data; allow guessed ke0 explicitly to use it", Checks.fmt(guessPerH / 60)));
            }
            return new EffectLink(guessPerH, EffectLink.Basis.GUESSED,
                    "given by the user, not estimated from effect data; the sources read give: "
                            + endpoint.link().source());
        }
        LinkEvidence ev = endpoint.link();
        String modelId = ind.model().id();
        switch (ev.kind()) {
            case FITTED_IN_LIBRARY:
                if (ev.pkModelId().orElseThrow().equals(modelId)) {
                    return new EffectLink(ev.ke0PerH().orElseThrow(), EffectLink.Basis.FITTED, ev.source());
                }
                return transferred(ev, ind);
            case FITTED_OUTSIDE_LIBRARY:
                return new EffectLink(ev.ke0PerH().orElseThrow(), EffectLink.Basis.TRANSFERRED, String.format(
                        Locale.ROOT, "the half-time carried over unchanged to %s (%s)", modelId, ev.source()));
            default:
                throw new InvalidInputException("ke0", "endpoint " + endpoint.id() + " has no published ke0 ("
                        + ev.source() + "); give a guessed ke0 and allow it, or use steady-state values only");
        }
    }

    private static EffectLink transferred(LinkEvidence ev, IndividualModel ind) {
        PublishedModel source = Models.get(ev.pkModelId().orElseThrow());
        IndividualModel src = source.individualize(ind.patient(), PatientAdjuster.NONE);
        double fittedKe0PerH = ev.ke0PerH().orElseThrow();
        double tpeakH = EffectSites.timeToPeakH(src, fittedKe0PerH);
        double ke0 = EffectSites.ke0ForTimeToPeakPerH(ind, tpeakH);
        return new EffectLink(ke0, EffectLink.Basis.TRANSFERRED, String.format(Locale.ROOT, "time to peak effect "
                + "after an IV bolus, %s min on %s with its fitted %s, reproduced on %s (%s)",
                Checks.fmt(round(tpeakH * 60)), source.id(), EffectLink.describe(fittedKe0PerH), ind.model().id(),
                ev.source()));
    }

    private static double firstDoseH(Regimen regimen) {
        double first = Double.POSITIVE_INFINITY;
        for (Dose d : regimen.doses()) {
            first = Math.min(first, d.timeH());
        }
        return Double.isFinite(first) ? first : 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
