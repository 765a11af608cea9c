package org.ketaminepk.effect;

import org.ketaminepk.base.Checks;

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

    /** Checks that the fields agree with the kind. */
    public LinkEvidence {
        Checks.notNull("kind", kind);
        Checks.notNull("source", source);
        if (kind == Kind.NOT_FOUND ? !Double.isNaN(ke0PerH) : !(ke0PerH > 0)) {
            throw new IllegalArgumentException("ke0 " + ke0PerH + " does not fit " + kind);
        }
        if ((kind == Kind.FITTED_IN_LIBRARY) != (pkModelId != null)) {
            throw new IllegalArgumentException("a PK model id goes with FITTED_IN_LIBRARY only");
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
