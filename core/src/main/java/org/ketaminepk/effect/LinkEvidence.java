package org.ketaminepk.effect;

import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * What the literature gives for an endpoint's effect compartment, before it is applied to a model. Immutable.
 * What a kind lacks is empty, never a null or a NaN.
 *
 * @param kind what was found
 * @param pkModelId the library model the ke0 was fitted with, present exactly for {@link Kind#FITTED_IN_LIBRARY}
 * @param ke0PerH the fitted rate constant, 1/h, present exactly for the fitted kinds (empty for
 *                {@link Kind#NOT_FOUND})
 * @param source where the value was read, as printed (e.g. "t½ke0 8.3 min (95 % CI 5.1-13.0)")
 */
public record LinkEvidence(Kind kind, Optional<String> pkModelId, OptionalDouble ke0PerH, String source) {

    /** What was found for an endpoint's effect compartment. */
    public enum Kind {
        /** Fitted with a PK model that this library carries. */
        FITTED_IN_LIBRARY,
        /** Fitted with a PK model that this library does not carry. */
        FITTED_OUTSIDE_LIBRARY,
        /** No equilibration constant was found in the sources read. */
        NOT_FOUND
    }

    /**
     * Checks that the fields agree with the kind.
     *
     * @throws InvalidInputException for a missing kind, source, PK model id or ke0 (null rather than empty), a ke0
     *         outside (0, {@value EffectSites#MAX_KE0_PER_H}] 1/h or missing for a fitted kind or given for none
     *         found, or a PK model id given or missing against the kind
     */
    public LinkEvidence {
        Checks.notNull("kind", kind);
        Checks.notNull("PK model id", pkModelId);
        Checks.notNull("ke0", ke0PerH);
        Checks.notNull("source", source);
        if (kind == Kind.NOT_FOUND) {
            if (ke0PerH.isPresent()) {
                throw InvalidInputException.statement("ke0", ke0PerH.getAsDouble(), "must be absent when no "
                        + "equilibration constant was found but was " + Checks.fmt(ke0PerH.getAsDouble()) + " 1/h");
            }
        } else if (ke0PerH.isEmpty()) {
            throw new InvalidInputException("ke0", "a ke0 must be given for " + kind + " but none was given");
        } else {
            // an infinite ke0 passed the former test (∞ > 0) and failed later, inside the solver
            Checks.positive("ke0", ke0PerH.getAsDouble(), EffectSites.MAX_KE0_PER_H, "1/h");
        }
        if ((kind == Kind.FITTED_IN_LIBRARY) != pkModelId.isPresent()) {
            throw new InvalidInputException("PK model id", "a PK model id must be given for a ke0 fitted with a "
                    + "library model and only then, but " + pkModelId.map(id -> "'" + id + "' was given")
                    .orElse("none was given") + " for " + kind);
        }
    }

    /** A ke0 fitted with a library model, given per minute as the sources print it. */
    static LinkEvidence fittedWith(String pkModelId, double ke0PerMin, String source) {
        return new LinkEvidence(Kind.FITTED_IN_LIBRARY, Optional.of(pkModelId), OptionalDouble.of(ke0PerMin * 60),
                source);
    }

    /** A half-time fitted with a PK model outside the library. */
    static LinkEvidence fittedOutside(double halfTimeH, String source) {
        return new LinkEvidence(Kind.FITTED_OUTSIDE_LIBRARY, Optional.empty(), OptionalDouble.of(Math.log(2)
                / halfTimeH), source);
    }

    /** Nothing found; {@code source} says what was looked for. */
    static LinkEvidence notFound(String source) {
        return new LinkEvidence(Kind.NOT_FOUND, Optional.empty(), OptionalDouble.empty(), source);
    }
}
