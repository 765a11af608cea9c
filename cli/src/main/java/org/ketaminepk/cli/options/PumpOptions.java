package org.ketaminepk.cli.options;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetSchedule;

/**
 * The inputs of dosing to a target as text, read the same way by {@code target} and by the explorer: the pump
 * (syringe, maximum rate, rate step, update interval), the predicted span and the effect link of an endpoint. Every
 * bad value is refused with the option, the value, the unit and the expected form.
 */
public final class PumpOptions {
    /** Prediction after the last target when no duration is given, h. */
    public static final double DEFAULT_AFTER_H = 2;
    /** Default pump rate step, mL/h: a resolution ordinary syringe pumps can be set to (an assumption). */
    public static final double DEFAULT_RATE_STEP_ML_PER_H = 0.1;

    private static final Pattern SYRINGE = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+)\\s*(mg/ml)?"
            + "(?:\\s+(hcl|hydrochloride|base))?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ML_PER_H = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+)\\s*(ml/h|ml/hr)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private PumpOptions() {
    }

    /**
     * @param syringe e.g. "10mg/mL" or "50 mg/mL HCl", or null for 10 mg/mL base
     * @param maxRate e.g. "200mL/h", or null for the largest
     * @param rateStep e.g. "0.1mL/h", "0" for a pump without a rate step, or null for
     *                 {@value #DEFAULT_RATE_STEP_ML_PER_H} mL/h
     * @param update e.g. "10s", or null for the default interval
     * @return the pump
     * @throws InvalidInputException naming the option, the value and the accepted range
     */
    public static PumpSettings settings(String syringe, String maxRate, String rateStep, String update) {
        PumpSettings p = PumpSettings.standard().withRateStepMlPerH(DEFAULT_RATE_STEP_ML_PER_H);
        if (syringe != null) {
            Matcher m = SYRINGE.matcher(syringe);
            if (!m.matches()) {
                throw new InvalidInputException("syringe", "--syringe must be a concentration in mg/mL, e.g. 10mg/mL "
                        + "or \"50 mg/mL HCl\", but was '" + syringe.strip() + "'");
            }
            DrugSalt salt = m.group(3) != null && !m.group(3).equalsIgnoreCase("base") ? DrugSalt.HYDROCHLORIDE
                    : DrugSalt.BASE;
            PumpSettings q = p;
            p = option("--syringe", () -> q.withSyringe(Double.parseDouble(m.group(1)), salt));
        }
        if (maxRate != null) {
            PumpSettings q = p;
            p = option("--max-rate", () -> q.withMaxRateMlPerH(mlPerH("max-rate", maxRate)));
        }
        if (rateStep != null) {
            PumpSettings q = p;
            p = option("--rate-step", () -> {
                double step = Checks.nonNegative("rate step", mlPerH("rate-step", rateStep),
                        PumpSettings.MAX_RATE_STEP_ML_PER_H, "mL/h");
                return step == 0 ? q.withoutRateStep() : q.withRateStepMlPerH(step);
            });
        }
        if (update != null) {
            PumpSettings q = p;
            p = option("--update", () -> q.withUpdateIntervalH(Converters.durationH("update", "--update", update)));
        }
        return p;
    }

    /**
     * @param schedule the targets
     * @param duration the predicted span from the start, e.g. "6h", or null for the end of the targets plus
     *                 {@value #DEFAULT_AFTER_H} h
     * @return the predicted span, h
     * @throws InvalidInputException if the duration cannot be read or ends before the targets do
     */
    public static double horizonH(TargetSchedule schedule, String duration) {
        if (duration == null) {
            return Math.min(schedule.endH() + DEFAULT_AFTER_H, TargetSchedule.MAX_DURATION_H * 2);
        }
        double h = Converters.durationH("duration", "--duration", duration);
        if (h < schedule.endH()) {
            throw new InvalidInputException("duration", String.format(Locale.ROOT, "--duration must be at least the "
                    + "end of the last target, %s h, but was %s h", Checks.fmt(schedule.endH()), Checks.fmt(h)));
        }
        return h;
    }

    /**
     * The effect link of an endpoint for a model and patient, as the effect package decides it (fitted, transferred,
     * or an allowed guess).
     *
     * @param ke0GuessPerMin a guessed ke0, 1/min, or null
     * @param allowGuess whether a guessed ke0 is allowed
     * @return the link
     * @throws InvalidInputException if the model cannot drive the endpoint or the ke0 is a guess not allowed
     */
    public static EffectLink link(Endpoint endpoint, PublishedModel model, Patient patient, Double ke0GuessPerMin,
            boolean allowGuess) {
        EffectSimulation.Options options = EffectSimulation.Options.DEFAULT.withAllowGuessedKe0(allowGuess);
        if (ke0GuessPerMin != null) {
            if (!(ke0GuessPerMin > 0) || ke0GuessPerMin * 60 > EffectSites.MAX_KE0_PER_H) {
                throw new InvalidInputException("ke0-guess", "--ke0-guess must be greater than 0 and at most "
                        + Math.round(EffectSites.MAX_KE0_PER_H / 60) + " /min but was " + ke0GuessPerMin);
            }
            EffectOptions.refuseUnallowedGuess(ke0GuessPerMin, allowGuess);
            options = options.withGuessedKe0PerH(ke0GuessPerMin * 60);
        }
        Regimen probe = Regimen.of(Dose.bolus(Amount.mg(1), 0));
        return EffectSimulation.run(endpoint, model, patient, probe, TimeGrid.uniform(1.0 / 60, 1.0 / 3600), options)
                .link();
    }

    /**
     * Names the option a library message came from, in the field and as a prefix ("--syringe: syringe concentration
     * must be ...").
     */
    private static PumpSettings option(String option, Supplier<PumpSettings> settings) {
        try {
            return settings.get();
        } catch (InvalidInputException e) {
            String msg = String.valueOf(e.getMessage());
            throw new InvalidInputException(option.substring(2), msg.startsWith(option) ? msg : option + ": " + msg);
        }
    }

    private static double mlPerH(String field, String text) {
        Matcher m = ML_PER_H.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException(field, "--" + field + " must be a rate in mL/h, e.g. 200mL/h, but was '"
                    + text.strip() + "'");
        }
        return Double.parseDouble(m.group(1));
    }
}
