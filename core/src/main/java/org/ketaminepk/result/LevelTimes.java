package org.ketaminepk.result;

import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * When one analyte's concentration curve is at or above a level over a grid's span, found on the continuous curve
 * ({@link ExactMetrics#levelTimes}): the answer to "when does ketamine reach 70 ng/mL" and "how long after the last
 * infusion until it is below 70 ng/mL for good", independent of the output step. At an input change the value just
 * after the input counts (a bolus reaches the level at its own time, never before).
 *
 * @param levelNgPerMl the level, ng/mL
 * @param firstAtOrAboveH the first time the curve is at or above the level, h; empty if it never is
 * @param lastAtOrAboveH the last time it is, h; empty if it never is
 * @param atOrAboveAtEnd whether it is at the grid's last time
 */
public record LevelTimes(double levelNgPerMl, OptionalDouble firstAtOrAboveH, OptionalDouble lastAtOrAboveH,
        boolean atOrAboveAtEnd) {

    /**
     * Validates.
     *
     * @throws InvalidInputException if an argument is missing, a time is not finite, the last time comes before the
     *         first, or only one of them is present
     */
    public LevelTimes {
        Checks.nonNegative("level", levelNgPerMl, 1e7, "ng/mL");
        Checks.notNull("first time at or above", firstAtOrAboveH);
        Checks.notNull("last time at or above", lastAtOrAboveH);
        if (firstAtOrAboveH.isPresent() != lastAtOrAboveH.isPresent()) {
            throw InvalidInputException.statement("last time at or above", lastAtOrAboveH.isPresent() ? 1 : 0,
                    "must be present exactly when the first time is");
        }
        if (firstAtOrAboveH.isPresent()) {
            double first = firstAtOrAboveH.getAsDouble();
            double last = lastAtOrAboveH.getAsDouble();
            if (!Double.isFinite(first) || !Double.isFinite(last) || last < first) {
                throw InvalidInputException.statement("last time at or above", last, "must be finite and not "
                        + "before the first time (" + Checks.fmt(first) + " h) but was " + Checks.fmt(last));
            }
        }
        if (atOrAboveAtEnd && firstAtOrAboveH.isEmpty()) {
            throw InvalidInputException.statement("at or above at the end", 1, "cannot hold for a curve that is "
                    + "never at or above the level");
        }
    }

    /**
     * Time from {@code afterH} until the curve falls below the level and stays below it to the end of the grid, as
     * {@link Series#timeToFallBelowH} reads it on a grid.
     *
     * @param afterH the time to measure from, h (the end of the last input)
     * @return h; 0 if it is below from {@code afterH} on; empty if it is still at or above the level at the end
     */
    public OptionalDouble timeToFallBelowH(double afterH) {
        if (!Double.isFinite(afterH)) {
            throw InvalidInputException.statement("after", afterH, "must be a finite number of h but was "
                    + Checks.fmt(afterH));
        }
        if (atOrAboveAtEnd) {
            return OptionalDouble.empty();
        }
        if (lastAtOrAboveH.isEmpty() || lastAtOrAboveH.getAsDouble() <= afterH) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(lastAtOrAboveH.getAsDouble() - afterH);
    }
}
