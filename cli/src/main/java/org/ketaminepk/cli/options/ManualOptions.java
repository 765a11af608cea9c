package org.ketaminepk.cli.options;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetSchedule;

/**
 * The inputs of a manual scheme ({@code target --manual [--tolerance PERCENT]}) as text, read the same way by
 * {@code target} and by the explorer: the tolerance, the one target it holds, and the options it does not combine
 * with. Every refusal names the option and what to change. Not for target-controlled schedules ({@link PumpOptions}).
 */
public final class ManualOptions {
    /** Accepted deviation from the target when {@code --tolerance} is not given (±15 %). */
    public static final double DEFAULT_TOLERANCE = 0.15;

    private static final Pattern PERCENT = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+)\\s*%?\\s*");

    private ManualOptions() {
    }

    /**
     * Refuses what a manual scheme does not combine with, in the order {@code target} checks it: a population, a
     * predicted endpoint, then an effect-site target or a plasma limit.
     *
     * @param population whether virtual patients were asked for
     * @param predictedEndpoint whether an endpoint's effect site was asked to be predicted beside a plasma target
     * @param effectSite whether an effect site was asked to be targeted
     * @param plasmaLimit whether a plasma limit was given
     * @throws InvalidInputException naming the first option that does not apply
     */
    public static void refuseCombinations(boolean population, boolean predictedEndpoint, boolean effectSite,
            boolean plasmaLimit) {
        if (population || predictedEndpoint) {
            throw new InvalidInputException(population ? "population" : "endpoint", (population ? "--population"
                    : "--endpoint") + " applies to a target-controlled schedule; leave out --manual");
        }
        if (effectSite || plasmaLimit) {
            throw new InvalidInputException("manual", "--manual designs for a plasma target; leave out --effect-site "
                    + "and --plasma-limit");
        }
    }

    /**
     * Refuses a tolerance without a manual scheme, where it would do nothing.
     *
     * @param tolerance the tolerance as given, or null
     * @throws InvalidInputException if a tolerance was given
     */
    public static void refuseToleranceWithoutManual(String tolerance) {
        if (tolerance != null) {
            throw new InvalidInputException("tolerance", "--tolerance applies to --manual only");
        }
    }

    /**
     * @param schedule the targets
     * @return the one target a manual scheme holds
     * @throws InvalidInputException unless the schedule is one target from time 0
     */
    public static TargetSchedule.Step step(TargetSchedule schedule) {
        if (schedule.steps().size() != 1 || schedule.steps().get(0).startH() != 0) {
            throw new InvalidInputException("target", "--manual takes one target from time 0, e.g. \"150 ng/mL for "
                    + "4 h\", but got '" + schedule + "'");
        }
        return schedule.steps().get(0);
    }

    /**
     * @param text e.g. "15%" or "15", or null for the default
     * @return the accepted relative deviation, in (0, {@value ManualScheme#MAX_TOLERANCE}] (0.15 for ±15 %)
     * @throws InvalidInputException if the text is no percentage or out of range
     */
    public static double tolerance(String text) {
        if (text == null) {
            return DEFAULT_TOLERANCE;
        }
        Matcher m = PERCENT.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException("tolerance", "--tolerance must be a percentage, e.g. 15%, but was '"
                    + text.strip() + "'");
        }
        double pct = Double.parseDouble(m.group(1));
        try {
            Checks.positive("tolerance", pct, ManualScheme.MAX_TOLERANCE * 100, "%");
        } catch (InvalidInputException e) {
            // the field is the one the explorer's request names, the sentence names the option
            throw e.renamed("tolerance", "--tolerance");
        }
        return pct / 100;
    }

    /**
     * Designs the scheme for a plasma target.
     *
     * @param ind the individual model
     * @param pump the pump (syringe, rate step, maximum rate)
     * @param step the target, from {@link #step}
     * @param tolerance the accepted relative deviation, from {@link #tolerance}
     * @return the scheme
     */
    public static ManualScheme design(IndividualModel ind, PumpSettings pump, TargetSchedule.Step step,
            double tolerance) {
        return ManualScheme.design(TargetController.plasma(ind, pump), step.targetNgPerMl(), step.durationH(),
                tolerance);
    }
}
