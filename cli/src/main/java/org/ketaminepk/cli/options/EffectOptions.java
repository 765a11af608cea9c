package org.ketaminepk.cli.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.effect.ConcentrationEffect;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.model.PublishedModel;

import picocli.CommandLine.Option;

/**
 * The options of {@code simulate} and {@code compare} that add an effect endpoint: which endpoint, a guessed ke0
 * (refused unless allowed), the S-ketamine share of racemic ketamine, and an effect level to time. Without
 * {@code --effect} none of them applies. The endpoints themselves, with their sources, are listed by
 * {@code ketamine-pk effects}.
 */
public final class EffectOptions {
    /** Option group heading in the help. */
    public static final String HEADING = "%nEffect (concentration to effect, see 'ketamine-pk effects'):%n";

    @Option(names = "--effect", paramLabel = "ENDPOINT", description = "Add an effect endpoint: its effect-site "
            + "concentration on every output, a second chart panel with the effect, and peak effect, onset, offset "
            + "and time at --effect-level. An id from 'ketamine-pk effects' (e.g. olofsen-2022-antinociception) or "
            + "the part after the year when only one id ends with it (antinociception, crps-relief).")
    public String endpoint;

    @Option(names = "--ke0-guess", paramLabel = "PER_MIN", description = "A ke0 (1/min) to use instead of the "
            + "endpoint's; refused unless --allow-guessed-ke0 is given, and labelled on every output.")
    public Double ke0GuessPerMin;

    @Option(names = "--allow-guessed-ke0", description = "Allow --ke0-guess.")
    public boolean allowGuess;

    @Option(names = "--s-share", paramLabel = "FRACTION", description = "Share of a racemic model's ketamine taken "
            + "as S-ketamine for an S-ketamine endpoint (default 0.5, an assumption).")
    public Double sShare;

    @Option(names = "--effect-level", paramLabel = "EFFECT", description = "An effect level, in the endpoint's "
            + "unit: report the hours at or beyond it and draw it on the effect panel.")
    public Double level;

    /** @return whether an endpoint was asked for */
    public boolean asked() {
        return endpoint != null;
    }

    /**
     * Refuses, before anything is simulated, effect options without {@code --effect} and values out of range.
     *
     * @throws InvalidInputException naming the option
     */
    public void checkBeforeRun() {
        if (!asked()) {
            String stray = ke0GuessPerMin != null ? "--ke0-guess" : allowGuess ? "--allow-guessed-ke0"
                    : sShare != null ? "--s-share" : level != null ? "--effect-level" : null;
            if (stray != null) {
                throw new InvalidInputException(stray.substring(2), stray + " applies to an effect endpoint; add "
                        + "--effect ENDPOINT (see 'ketamine-pk effects')");
            }
            return;
        }
        simulationOptions(ke0GuessPerMin, allowGuess, sShare);
        if (level != null && !Double.isFinite(level)) {
            throw new InvalidInputException("effect-level", "--effect-level must be a finite number but was "
                    + level);
        }
    }

    /**
     * Refuses, before anything is simulated, an effect level that the effect meets without any drug: at or below the
     * baseline of an effect the drug raises, at or above that of one it lowers. The time "at or beyond" such a level
     * would be the whole run, time before the first dose included. Refuses as well a level no concentration reaches:
     * at or beyond the baseline plus the maximal change of a sigmoid Emax relationship, which it only approaches as
     * the concentration grows without bound ({@link ConcentrationEffect#limit()}). The baseline and the direction
     * come from the concentration–effect relationship each model would drive; for an endpoint with an effect site only
     * the level is an effect-site concentration, 0 ng/mL without drug.
     *
     * @param option the option that gave the level ({@code --effect-level}, {@code --level})
     * @param level the level, in the endpoint's unit, or null when none was given
     * @param endpoint the endpoint
     * @param models the models that will drive it (one whose drug form cannot is left to the run to refuse)
     * @throws InvalidInputException naming the option, the value with its unit and the side it must be on (or the
     *                               limit it must stay within)
     */
    public static void checkLevel(String option, Double level, Endpoint endpoint, List<PublishedModel> models) {
        if (level == null) {
            return;
        }
        if (!endpoint.hasEffectModel()) {
            if (!(level > 0)) {
                throw new InvalidInputException(option.substring(2), String.format(Locale.ROOT, "%s is an "
                        + "effect-site concentration for %s and must be above 0 ng/mL, its value without drug, but "
                        + "was %s ng/mL", option, endpoint.id(), Checks.fmt(level)));
            }
            return;
        }
        for (PublishedModel m : models) {
            Optional<Endpoint.Relationship> rel = endpoint.relationshipFor(m.drugForm());
            if (rel.isEmpty()) {
                continue;
            }
            ConcentrationEffect f = rel.get().model();
            double base = f.baseline();
            boolean rises = f.direction() > 0;
            if (rises ? !(level > base) : !(level < base)) {
                String unit = endpoint.effectUnit();
                throw new InvalidInputException(option.substring(2), String.format(Locale.ROOT, "%s must be %s %s %s "
                        + "(the baseline of %s, which the drug %s: a level at or %s the baseline is met without any "
                        + "drug) but was %s %s", option, rises ? "above" : "below", Checks.fmt(base), unit,
                        endpoint.id(), rises ? "raises" : "lowers", rises ? "below" : "above", Checks.fmt(level),
                        unit));
            }
            double limit = f.limit();
            if (Double.isFinite(limit) && (rises ? !(level < limit) : !(level > limit))) {
                String unit = endpoint.effectUnit();
                throw new InvalidInputException(option.substring(2), String.format(Locale.ROOT, "%s must be %s %s %s "
                        + "(the largest effect on %s with %s, approached only as the concentration grows without "
                        + "bound: %s) but was %s %s", option, rises ? "below" : "above", Checks.fmt(limit), unit,
                        endpoint.id(), m.id(), f.formula(), Checks.fmt(level), unit));
            }
        }
    }

    /**
     * Refuses, before anything is simulated, an S-ketamine share that no run would use: the share is taken of a
     * racemic model's ketamine for an S-ketamine endpoint, and any other pairing is driven by the model's own
     * concentrations, so the value would change nothing.
     *
     * @param sShare the share given with {@code --s-share}, or null when none was given
     * @param endpoint the endpoint
     * @param models the models that will drive it
     * @throws InvalidInputException naming {@code --s-share}, the endpoint and the models
     */
    public static void checkSShare(Double sShare, Endpoint endpoint, List<PublishedModel> models) {
        if (sShare == null) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (PublishedModel m : models) {
            if (EffectSimulation.takesSKetamineShare(endpoint, m.drugForm())) {
                return;
            }
            named.add(m.id() + " (" + m.drugForm().label() + ")");
        }
        throw new InvalidInputException("s-share", "--s-share is the share of a racemic model's ketamine taken as "
                + "S-ketamine for an S-ketamine endpoint; " + endpoint.id() + " with " + String.join(", ", named)
                + " is driven by the model's own concentrations and takes none, so leave --s-share out");
    }

    /** @return the endpoint asked for, by id or by the unique id that ends with the name given */
    public Endpoint resolve() {
        return resolve(endpoint);
    }

    /**
     * @param name an endpoint id, or the end of exactly one id after a hyphen ("antinociception")
     * @return the endpoint
     * @throws InvalidInputException naming {@code --effect}, the value and the ids
     */
    public static Endpoint resolve(String name) {
        return Endpoints.get("--effect", name);
    }

    /**
     * Refuses a guessed ke0 without its permission, naming the option that gives it (the library's own message names
     * no option).
     *
     * @param ke0GuessPerMin the guessed ke0, 1/min
     * @param allowGuess whether {@code --allow-guessed-ke0} was given
     */
    public static void refuseUnallowedGuess(double ke0GuessPerMin, boolean allowGuess) {
        if (!allowGuess) {
            throw new InvalidInputException("allow-guessed-ke0", "--ke0-guess " + Checks.fmt(ke0GuessPerMin)
                    + " /min is a guess, not estimated from effect data; add --allow-guessed-ke0 to use it (it is "
                    + "then labelled a guess on every output)");
        }
    }

    /**
     * Refuses the permission for a guessed ke0 without the guess: alone it changes nothing.
     *
     * @param ke0GuessPerMin the guessed ke0, 1/min, or null
     * @param allowGuess whether {@code --allow-guessed-ke0} was given
     */
    public static void refuseAllowWithoutGuess(Double ke0GuessPerMin, boolean allowGuess) {
        if (allowGuess && ke0GuessPerMin == null) {
            throw new InvalidInputException("allow-guessed-ke0", "--allow-guessed-ke0 permits a --ke0-guess, and "
                    + "none was given; add --ke0-guess PER_MIN or leave --allow-guessed-ke0 out");
        }
    }

    /** @return the library's options for these choices (checked by {@link #checkBeforeRun()}) */
    public EffectSimulation.Options options() {
        return simulationOptions(ke0GuessPerMin, allowGuess, sShare);
    }

    /**
     * The library's options for a guessed ke0, its permission and an S-ketamine share, each checked against its
     * range with the option's name.
     *
     * @param ke0GuessPerMin a guessed ke0, 1/min, or null
     * @param allowGuess whether a guess may be used
     * @param sShare the S-ketamine share of racemic ketamine, or null for the default
     * @return the options
     */
    public static EffectSimulation.Options simulationOptions(Double ke0GuessPerMin, boolean allowGuess,
            Double sShare) {
        refuseAllowWithoutGuess(ke0GuessPerMin, allowGuess);
        EffectSimulation.Options options = EffectSimulation.Options.DEFAULT.withAllowGuessedKe0(allowGuess);
        if (ke0GuessPerMin != null) {
            double maxPerMin = EffectSites.MAX_KE0_PER_H / 60;
            if (!(ke0GuessPerMin > 0) || ke0GuessPerMin > maxPerMin) {
                throw new InvalidInputException("ke0-guess", "--ke0-guess must be greater than 0 and at most "
                        + Math.round(maxPerMin) + " /min but was " + Checks.fmt(ke0GuessPerMin));
            }
            refuseUnallowedGuess(ke0GuessPerMin, allowGuess);
            options = options.withGuessedKe0PerH(ke0GuessPerMin * 60);
        }
        if (sShare != null) {
            if (!(sShare > 0 && sShare <= 1)) {
                throw new InvalidInputException("s-share", "--s-share must be greater than 0 and at most 1 but was "
                        + Checks.fmt(sShare));
            }
            options = options.withSKetamineShare(sShare);
        }
        return options;
    }
}
