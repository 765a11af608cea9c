package org.ketaminepk.effect;

import org.ketaminepk.base.Checks;

/**
 * The effect compartment used for one model and endpoint: {@code dCe/dt = ke0·(Cp − Ce)}, a link that takes no drug
 * from plasma. Immutable.
 *
 * @param ke0PerH equilibration rate constant, 1/h
 * @param basis where the value comes from
 * @param how one line saying how the value was obtained, with its source
 */
public record EffectLink(double ke0PerH, Basis basis, String how) {

    /** Where a ke0 comes from. */
    public enum Basis {
        /** Estimated from human effect data with the same PK model it is used with. */
        FITTED("fitted"),
        /** Estimated with another PK model and carried over (by time to peak effect, or as a half-time). */
        TRANSFERRED("transferred"),
        /** Not estimated from any effect data; allowed only on request and labelled on every result. */
        GUESSED("guessed");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        /** @return the printed label */
        public String label() {
            return label;
        }
    }

    /** Validates the rate constant. */
    public EffectLink {
        Checks.positive("ke0", ke0PerH, EffectSites.MAX_KE0_PER_H, "1/h");
        Checks.notNull("basis", basis);
        Checks.notNull("how", how);
    }

    /** @return ke0 in 1/min */
    public double ke0PerMin() {
        return ke0PerH / 60;
    }

    /** @return the equilibration half-time ln 2 / ke0, h */
    public double halfTimeH() {
        return Math.log(2) / ke0PerH;
    }
}
