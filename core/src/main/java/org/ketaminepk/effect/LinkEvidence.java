package org.ketaminepk.effect;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * What the literature gives for an endpoint's effect compartment, before it is applied to a model. Immutable.
 *
 * @param kind what was found
 * @param pkModelId the library model the ke0 was fitted with ({@link Kind#FITTED_IN_LIBRARY}), or null
 * @param ke0PerH the fitted rate constant, 1/h, or NaN when none was found
 * @param source where the value was read, as printed (e.g. "t½ke0 8.3 min (95 % CI 5.1-13.0)")
 */
public record LinkEvidence(Kind kind, String pkModelId, double ke0PerH, String source) {

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
     * @throws InvalidInputException for a missing kind or source, a ke0 outside (0, {@value
     *         EffectSites#MAX_KE0_PER_H}] 1/h for a fitted kind or other than NaN for none found, or a PK model id
     *         given or missing against the kind
     */
    public LinkEvidence {
        Checks.notNull("kind", kind);
        Checks.notNull("source", source);
        if (kind == Kind.NOT_FOUND) {
            if (!Double.isNaN(ke0PerH)) {
                throw InvalidInputException.statement("ke0", ke0PerH, "must be NaN when no equilibration constant "
                        + "was found but was " + Checks.fmt(ke0PerH) + " 1/h");
            }
        } else {
            // an infinite ke0 passed the former test (∞ > 0) and failed later, inside the solver
            Checks.positive("ke0", ke0PerH, EffectSites.MAX_KE0_PER_H, "1/h");
        }
        if ((kind == Kind.FITTED_IN_LIBRARY) != (pkModelId != null)) {
            throw new InvalidInputException("PK model id", "a PK model id must be given for a ke0 fitted with a "
                    + "library model and only then, but " + (pkModelId == null ? "none was given" : "'" + pkModelId
                    + "' was given") + " for " + kind);
        }
    }

    /** A ke0 fitted with a library model, given per minute as the sources print it. */
    static LinkEvidence fittedWith(String pkModelId, double ke0PerMin, String source) {
        return new LinkEvidence(Kind.FITTED_IN_LIBRARY, pkModelId, ke0PerMin * 60, source);
    }

    /** A half-time fitted with a PK model outside the library. */
    static LinkEvidence fittedOutside(double halfTimeH, String source) {
        return new LinkEvidence(Kind.FITTED_OUTSIDE_LIBRARY, null, Math.log(2) / halfTimeH, source);
    }

    /** Nothing found; {@code source} says what was looked for. */
    static LinkEvidence notFound(String source) {
        return new LinkEvidence(Kind.NOT_FOUND, null, Double.NaN, source);
    }
}
