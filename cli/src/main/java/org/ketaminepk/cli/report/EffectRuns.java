package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Warning;

/**
 * The effect endpoint of a {@code simulate} or {@code compare}: the endpoint, the effect level asked about, and one
 * {@link EffectResult} per run, in the runs' order. Immutable. Each result comes from
 * {@link EffectSimulation#run}, with the run's own model, patient, regimen and the common grid, so its plasma
 * concentrations are the run's.
 *
 * @param endpoint the endpoint
 * @param level an effect level in the endpoint's unit, or null
 * @param sKetamineShare the S-ketamine share of racemic ketamine, where an S-ketamine endpoint needs one
 * @param results one per run
 */
public record EffectRuns(Endpoint endpoint, Double level, double sKetamineShare, List<EffectResult> results) {

    /** Copies the list. */
    public EffectRuns {
        results = List.copyOf(results);
    }

    /**
     * Simulates the endpoint for every run.
     *
     * @param runs the runs
     * @param grid their common grid
     * @param endpoint the endpoint
     * @param options the ke0 guess, its permission and the S-ketamine share
     * @param level an effect level, or null
     * @return the effects
     * @throws InvalidInputException naming {@code --effect} when a run's model cannot drive the endpoint,
     *         {@code --ke0-guess} when the endpoint has no ke0, or {@code --allow-guessed-ke0} when a guess is not
     *         allowed
     */
    public static EffectRuns simulate(List<Run> runs, TimeGrid grid, Endpoint endpoint,
            EffectSimulation.Options options, Double level) {
        List<EffectResult> out = new ArrayList<>();
        for (Run r : runs) {
            try {
                out.add(EffectSimulation.run(endpoint, r.model(), r.patient(), r.regimen(), grid, options));
            } catch (InvalidInputException e) {
                throw reworded(e, endpoint, options);
            }
        }
        return new EffectRuns(endpoint, level, options.sKetamineShare(), out);
    }

    /** The library's ke0 and endpoint refusals, in the words of the options that change them. */
    private static InvalidInputException reworded(InvalidInputException e, Endpoint endpoint,
            EffectSimulation.Options options) {
        if ("ke0".equals(e.field()) && options.guessedKe0PerH().isPresent()) {
            return new InvalidInputException("allow-guessed-ke0", "--ke0-guess " + Checks.fmt(
                    options.guessedKe0PerH().getAsDouble() / 60) + " /min is a guess, not estimated from effect data; add "
                    + "--allow-guessed-ke0 to use it (it is then labelled a guess on every output)");
        }
        if ("ke0".equals(e.field())) {
            return new InvalidInputException("ke0-guess", "--effect " + endpoint.id() + ": no published ke0 ("
                    + endpoint.link().source() + "); give one with --ke0-guess PER_MIN and --allow-guessed-ke0 "
                    + "(it is then labelled a guess on every output), or see 'ketamine-pk effects " + endpoint.id()
                    + "' for its steady-state values");
        }
        if ("endpoint".equals(e.field())) {
            return e.within("effect", "--effect");
        }
        return e;
    }

    /**
     * @return the CSV column of the effect-site concentrations: {@code s_ketamine_effect_site_ng_per_mL} when every
     *         run is driven by S-ketamine (an S-ketamine model, or a share of racemic ketamine),
     *         {@code ketamine_effect_site_ng_per_mL} when every run is driven by racemic ketamine, and
     *         {@code effect_site_ng_per_mL} for a mixture (the JSON names each run's driver)
     */
    public String effectSiteColumn() {
        String column = null;
        for (EffectResult r : results) {
            String c = (sKetamineDriven(r) ? "s_ketamine" : r.endpoint().analyte().label().replace('-', '_'))
                    + "_effect_site_ng_per_mL";
            if (column != null && !column.equals(c)) {
                return "effect_site_ng_per_mL";
            }
            column = c;
        }
        return column;
    }

    /** Whether the endpoint uses its S-ketamine relationship on this run's model. */
    static boolean sKetamineDriven(EffectResult r) {
        Endpoint e = r.endpoint();
        return e.hasEffectModel() && e.relationshipFor(r.pk().individual().model().drugForm()).equals(e.sKetamine());
    }

    /**
     * @param r one of the results
     * @return the curve's name on charts: "ketamine at the effect site", "S-ketamine at the effect site" (an
     *         S-ketamine model) or "S-ketamine at the effect site (assumed 50 % of ketamine)" (a racemic one)
     */
    public String effectSiteName(EffectResult r) {
        if (!sharedOut(r)) {
            return (sKetamineDriven(r) ? "S-ketamine" : r.endpoint().analyte().label()) + " at the effect site";
        }
        return String.format(Locale.ROOT, "S-ketamine at the effect site (assumed %s %% of ketamine)",
                Text.sig(sKetamineShare * 100, 3));
    }

    /**
     * Whether the library scaled the model's ketamine to an S-ketamine share: an S-ketamine relationship applied to
     * a racemic model (the rule of {@link EffectSimulation}).
     *
     * @param r one of the results
     * @return whether its concentrations are a share of the model's ketamine
     */
    public static boolean sharedOut(EffectResult r) {
        Endpoint e = r.endpoint();
        return r.pk().individual().model().drugForm() == DrugForm.RACEMIC && e.hasEffectModel()
                && e.racemic().isEmpty();
    }

    /** @return the CSV column of the effect: {@code effect_} and the unit in lower case, e.g. {@code effect_hz} */
    public String effectColumn() {
        String unit = endpoint.effectUnit().toLowerCase(Locale.ROOT).replace("%", "percent")
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return "effect_" + unit;
    }

    /** @return whether the endpoint computes an effect (not an effect-site concentration only) */
    public boolean hasEffect() {
        return endpoint.hasEffectModel();
    }

    /**
     * @param r one of the results
     * @return its warnings that the pharmacokinetic run does not already carry (the link, the share, the inferred
     *         parts of the endpoint)
     */
    public static List<Warning> ownWarnings(EffectResult r) {
        List<Warning> out = new ArrayList<>(r.warnings());
        out.removeAll(r.pk().warnings());
        return out;
    }
}
