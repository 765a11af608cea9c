package org.ketaminepk.target;

import java.util.OptionalDouble;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.DrugSalt;

/**
 * What the pump can do: the syringe's concentration (stated as base or hydrochloride, as on the label), the largest
 * rate, how often the rate is recomputed, and the smallest rate step it can set. Rates are in mL/h at the pump; the
 * models receive mg/h of base ({@code mL/h × mg/mL × }{@link DrugSalt#baseFraction()}). Immutable.
 *
 * @param syringeMgPerMl syringe concentration, mg/mL of the stated form, in (0, 100]
 * @param salt whether the syringe concentration is base or hydrochloride
 * @param maxRateMlPerH largest rate, mL/h, in (0, 1200]
 * @param updateIntervalH time between rate changes, h, from 1 s to 10 min
 * @param rateStepMlPerH the pump's rate resolution, mL/h, in (0, 10], or empty for a pump that takes any rate;
 *                       computed rates are rounded down to a multiple of it, so that rounding never adds drug
 */
public record PumpSettings(double syringeMgPerMl, DrugSalt salt, double maxRateMlPerH, double updateIntervalH,
        OptionalDouble rateStepMlPerH) {
    /** Largest syringe concentration accepted, mg/mL: the strongest ketamine vial sold (100 mg/mL, Ketalar label). */
    public static final double MAX_SYRINGE_MG_PER_ML = 100;
    /**
     * Largest pump rate accepted, mL/h: the bolus-rate ceiling of the open TCI implementations (1200 mL/h; Ionescu
     * PAS and opentiva, peers-and-algorithms §5.3).
     */
    public static final double MAX_RATE_ML_PER_H = 1200;
    /** Default update interval, h: 10 s, as in STANPUMP and the R package tci (peers-and-algorithms §5). */
    public static final double DEFAULT_UPDATE_INTERVAL_H = 10.0 / 3600;
    /** Shortest update interval accepted, h (1 s). */
    public static final double MIN_UPDATE_INTERVAL_H = 1.0 / 3600;
    /** Longest update interval accepted, h (10 min). */
    public static final double MAX_UPDATE_INTERVAL_H = 10.0 / 60;
    /** Largest rate step accepted, mL/h. */
    public static final double MAX_RATE_STEP_ML_PER_H = 10;

    /** Validates. */
    public PumpSettings {
        Checks.positive("syringe concentration", syringeMgPerMl, MAX_SYRINGE_MG_PER_ML, "mg/mL");
        Checks.notNull("salt", salt);
        Checks.positive("maximum rate", maxRateMlPerH, MAX_RATE_ML_PER_H, "mL/h");
        Checks.inRange("update interval", updateIntervalH * 3600, MIN_UPDATE_INTERVAL_H * 3600,
                MAX_UPDATE_INTERVAL_H * 3600, "s");
        Checks.notNull("rate step", rateStepMlPerH);
        if (rateStepMlPerH.isPresent()) {
            Checks.positive("rate step", rateStepMlPerH.getAsDouble(), MAX_RATE_STEP_ML_PER_H, "mL/h");
        }
    }

    /**
     * A 10 mg/mL syringe of base, 1200 mL/h at most, a new rate every 10 s, no rate step.
     *
     * @return the settings
     */
    public static PumpSettings standard() {
        return new PumpSettings(10, DrugSalt.BASE, MAX_RATE_ML_PER_H, DEFAULT_UPDATE_INTERVAL_H, OptionalDouble.empty());
    }

    /** @return a copy with another syringe concentration, mg/mL of {@code s} */
    public PumpSettings withSyringe(double mgPerMl, DrugSalt s) {
        return new PumpSettings(mgPerMl, s, maxRateMlPerH, updateIntervalH, rateStepMlPerH);
    }

    /** @return a copy with another maximum rate, mL/h */
    public PumpSettings withMaxRateMlPerH(double v) {
        return new PumpSettings(syringeMgPerMl, salt, v, updateIntervalH, rateStepMlPerH);
    }

    /** @return a copy with another update interval, h */
    public PumpSettings withUpdateIntervalH(double v) {
        return new PumpSettings(syringeMgPerMl, salt, maxRateMlPerH, v, rateStepMlPerH);
    }

    /**
     * @param v the rate step, mL/h, in (0, {@value #MAX_RATE_STEP_ML_PER_H}]
     * @return a copy with that rate step
     * @throws InvalidInputException for 0, a negative, a too large or a non-finite step (use {@link #withoutRateStep()}
     *                               for a pump without one)
     */
    public PumpSettings withRateStepMlPerH(double v) {
        return new PumpSettings(syringeMgPerMl, salt, maxRateMlPerH, updateIntervalH, OptionalDouble.of(v));
    }

    /** @return a copy for a pump that takes any rate (no rate step) */
    public PumpSettings withoutRateStep() {
        return new PumpSettings(syringeMgPerMl, salt, maxRateMlPerH, updateIntervalH, OptionalDouble.empty());
    }

    /** @return mg of base per mL of syringe contents */
    public double baseMgPerMl() {
        return syringeMgPerMl * salt.baseFraction();
    }

    /**
     * @param mlPerH a rate, mL/h, 0 to the maximum rate
     * @return the rate rounded down to the pump's step (unchanged when there is none), mL/h
     * @throws InvalidInputException for a rate outside that range
     */
    public double quantize(double mlPerH) {
        Checks.nonNegative("rate", mlPerH, maxRateMlPerH, "mL/h");
        if (rateStepMlPerH.isEmpty()) {
            return mlPerH;
        }
        double step = rateStepMlPerH.getAsDouble();
        return Math.floor(mlPerH / step + 1e-9) * step;
    }
}
