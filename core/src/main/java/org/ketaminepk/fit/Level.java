package org.ketaminepk.fit;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;

/**
 * One measured concentration. A level is censored when it was reported below the limit of quantification (LLOQ):
 * its value is then NaN and only {@code value < LLOQ} is known. Immutable.
 *
 * @param timeH sampling time after the first dose's time origin, h
 * @param analyte the analyte measured
 * @param valueNgPerMl the measured concentration, ng/mL, or NaN for a censored level
 * @param lloqNgPerMl the lower limit of quantification, ng/mL, or NaN when none is stated
 */
public record Level(double timeH, Analyte analyte, double valueNgPerMl, double lloqNgPerMl) {
    /** Largest accepted concentration, ng/mL (100 mg/L, far above any reported ketamine level). */
    public static final double MAX_NG_PER_ML = 100_000;

    /** Validates: a value or (for a censored level) an LLOQ; a value below its LLOQ is refused. */
    public Level {
        Checks.inRange("level time", timeH, 0, TimeGrid.MAX_TIME_H, "h");
        Checks.notNull("analyte", analyte);
        if (!Double.isNaN(lloqNgPerMl)) {
            Checks.positive("LLOQ", lloqNgPerMl, MAX_NG_PER_ML, "ng/mL");
        }
        if (Double.isNaN(valueNgPerMl)) {
            if (Double.isNaN(lloqNgPerMl)) {
                throw new InvalidInputException("value", "a level without a value must state its LLOQ "
                        + "(it is below the limit of quantification)");
            }
        } else {
            Checks.nonNegative("level", valueNgPerMl, MAX_NG_PER_ML, "ng/mL");
            if (valueNgPerMl < lloqNgPerMl) {
                throw new InvalidInputException("value", "level " + Checks.fmt(valueNgPerMl) + " ng/mL is below "
                        + "its LLOQ " + Checks.fmt(lloqNgPerMl) + " ng/mL; report it as below the LLOQ (\"<LLOQ\")");
            }
        }
    }

    /** @return a quantified level */
    public static Level of(double timeH, Analyte analyte, double valueNgPerMl) {
        return new Level(timeH, analyte, valueNgPerMl, Double.NaN);
    }

    /** @return a level below the limit of quantification */
    public static Level belowLloq(double timeH, Analyte analyte, double lloqNgPerMl) {
        return new Level(timeH, analyte, Double.NaN, lloqNgPerMl);
    }

    /** @return whether only "below the LLOQ" is known */
    public boolean censored() {
        return Double.isNaN(valueNgPerMl);
    }
}
