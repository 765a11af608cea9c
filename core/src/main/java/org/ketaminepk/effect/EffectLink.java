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

    /**
     * @return "ke0 0.238 /min (t½ 2.91 min)": per minute for half-times under 2 h, per hour under 2 days, per day
     *         beyond, with three significant figures
     */
    public String describe() {
        return describe(ke0PerH);
    }

    /**
     * As {@link #describe()}, for any ke0.
     *
     * @param ke0PerH equilibration rate constant, 1/h
     * @return the ke0 and its half-time in the unit that suits them
     * @throws org.ketaminepk.base.InvalidInputException for a ke0 outside (0, {@value EffectSites#MAX_KE0_PER_H}] 1/h
     *         (written before as "ke0 NaN /min", or with a half-time of "Infinity days")
     */
    public static String describe(double ke0PerH) {
        Checks.positive("ke0", ke0PerH, EffectSites.MAX_KE0_PER_H, "1/h");
        double halfH = Math.log(2) / ke0PerH;
        if (halfH < 2) {
            return "ke0 " + sig(ke0PerH / 60) + " /min (t½ " + sig(halfH * 60) + " min)";
        }
        if (halfH < 48) {
            return "ke0 " + sig(ke0PerH) + " /h (t½ " + sig(halfH) + " h)";
        }
        return "ke0 " + sig(ke0PerH * 24) + " /day (t½ " + sig(halfH / 24) + " days)";
    }

    private static String sig(double v) {
        return Checks.fmt(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
    }

    /** @return the equilibration half-time ln 2 / ke0, h */
    public double halfTimeH() {
        return Math.log(2) / ke0PerH;
    }
}
