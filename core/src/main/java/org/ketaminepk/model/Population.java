package org.ketaminepk.model;

import java.util.OptionalInt;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The people a model was estimated from. Immutable. A number the source does not state is empty, never 0.
 *
 * @param description who they were, in words ("20 healthy volunteers (10 men)", "54 children in the ED")
 * @param subjects number of subjects, 1 or more, empty if not stated
 * @param ageMinYears youngest, years
 * @param ageMaxYears oldest, years
 * @param weightMinKg lightest, kg
 * @param weightMaxKg heaviest, kg
 * @param source where these facts were read
 */
public record Population(String description, OptionalInt subjects, double ageMinYears, double ageMaxYears,
        double weightMinKg, double weightMaxKg, String source) {

    /**
     * @throws InvalidInputException for a missing description, source or number of subjects (null rather than
     *         empty), or a stated number below 1
     */
    public Population {
        Checks.notNull("description", description);
        Checks.notNull("subjects", subjects);
        Checks.notNull("source", source);
        if (subjects.isPresent() && subjects.getAsInt() < 1) {
            throw new InvalidInputException("subjects", "subjects must be 1 or more, or not stated, but was "
                    + subjects.getAsInt());
        }
    }
}
