package org.ketaminepk.fit;

import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;

/**
 * One measured concentration. A level is censored when it was reported below the limit of quantification (LLOQ):
 * it then has no value and only {@code value < LLOQ} is known. What a level lacks is empty, never a NaN. Immutable.
 *
 * @param timeH sampling time after the first dose's time origin, h
 * @param analyte the analyte measured
 * @param valueNgPerMl the measured concentration, ng/mL, empty for a censored level
 * @param lloqNgPerMl the lower limit of quantification, ng/mL, empty when none is stated (always present for a
 *        censored level)
 */
public record Level(double timeH, Analyte analyte, OptionalDouble valueNgPerMl, OptionalDouble lloqNgPerMl) {
    /** Largest accepted concentration, ng/mL (100 mg/L, far above any reported ketamine level). */
    public static final double MAX_NG_PER_ML = 100_000;

    /**
     * Validates: a value or (for a censored level) an LLOQ; a value below its LLOQ is refused.
     *
     * @throws InvalidInputException for a time outside [0, {@value TimeGrid#MAX_TIME_H}] h, a missing analyte, a
     *         value or LLOQ that is null rather than empty, a value outside [0, {@value #MAX_NG_PER_ML}] ng/mL or
     *         an LLOQ outside (0, {@value #MAX_NG_PER_ML}] ng/mL (NaN included), a censored level without an
     *         LLOQ, or a value below its LLOQ
     */
    public Level {
        Checks.inRange("level time", timeH, 0, TimeGrid.MAX_TIME_H, "h");
        Checks.notNull("analyte", analyte);
        Checks.notNull("value", valueNgPerMl);
        Checks.notNull("LLOQ", lloqNgPerMl);
        if (lloqNgPerMl.isPresent()) {
            Checks.positive("LLOQ", lloqNgPerMl.getAsDouble(), MAX_NG_PER_ML, "ng/mL");
        }
        if (valueNgPerMl.isEmpty()) {
            if (lloqNgPerMl.isEmpty()) {
                throw noLloq();
            }
        } else {
            double v = Checks.nonNegative("level", valueNgPerMl.getAsDouble(), MAX_NG_PER_ML, "ng/mL");
            if (lloqNgPerMl.isPresent() && v < lloqNgPerMl.getAsDouble()) {
                throw new InvalidInputException("value", "level " + Checks.fmt(v) + " ng/mL is below its LLOQ "
                        + Checks.fmt(lloqNgPerMl.getAsDouble()) + " ng/mL; report it as below the LLOQ (\"<LLOQ\")");
            }
        }
    }

    /**
     * @param valueNgPerMl the measured concentration, ng/mL, in [0, {@value #MAX_NG_PER_ML}]
     * @return a quantified level without a stated LLOQ
     */
    public static Level of(double timeH, Analyte analyte, double valueNgPerMl) {
        return new Level(timeH, analyte, OptionalDouble.of(valueNgPerMl), OptionalDouble.empty());
    }

    /**
     * @param lloqNgPerMl the limit of quantification, ng/mL, in (0, {@value #MAX_NG_PER_ML}]
     * @return a level below the limit of quantification
     */
    public static Level belowLloq(double timeH, Analyte analyte, double lloqNgPerMl) {
        return new Level(timeH, analyte, OptionalDouble.empty(), OptionalDouble.of(lloqNgPerMl));
    }

    /**
     * @param lloq the limit of quantification, ng/mL, in (0, {@value #MAX_NG_PER_ML}] and not above the value
     * @return a copy that states this LLOQ
     */
    public Level withLloqNgPerMl(double lloq) {
        return new Level(timeH, analyte, valueNgPerMl, OptionalDouble.of(lloq));
    }

    /** @return whether only "below the LLOQ" is known */
    public boolean censored() {
        return valueNgPerMl.isEmpty();
    }

    /**
     * @return the measured value, ng/mL, or for a censored level the LLOQ it lies below: the one number known about
     *         the level
     */
    public double valueOrLloqNgPerMl() {
        return valueNgPerMl.isPresent() ? valueNgPerMl.getAsDouble() : lloqNgPerMl.getAsDouble();
    }

    /** The refusal of a censored level without an LLOQ, as a reader of levels words it too. */
    static InvalidInputException noLloq() {
        return new InvalidInputException("value", "a level without a value must state its LLOQ (it is below the "
                + "limit of quantification)");
    }
}
