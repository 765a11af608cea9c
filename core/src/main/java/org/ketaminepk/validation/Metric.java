package org.ketaminepk.validation;

import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;

/** What an observation measured on a concentration–time curve. */
public enum Metric {
    /** Highest concentration within the observation's window, ng/mL. */
    CMAX("Cmax", Kind.CONCENTRATION),
    /** Time of the highest concentration within the window, h. */
    TMAX("Tmax", Kind.TIME),
    /** Area under the curve over the window (to infinity if its end is infinite), ng·h/mL. */
    AUC("AUC", Kind.AREA),
    /** Concentration at one time, ng/mL. */
    C_AT("C(t)", Kind.CONCENTRATION);

    /** The kind of quantity a metric is, which decides the units it may be written in. */
    public enum Kind {
        /** ng/mL internally. */
        CONCENTRATION("ng/mL"),
        /** h internally. */
        TIME("h"),
        /** ng·h/mL internally. */
        AREA("ng·h/mL");

        private final String internalUnit;

        Kind(String internalUnit) {
            this.internalUnit = internalUnit;
        }

        /** @return the library's unit for this kind of quantity */
        public String internalUnit() {
            return internalUnit;
        }
    }

    private final String label;
    private final Kind kind;

    Metric(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** @return the printed name (Cmax, Tmax, AUC, C(t)) */
    public String label() {
        return label;
    }

    /** @return what kind of quantity this metric is */
    public Kind kind() {
        return kind;
    }

    /**
     * @param word CMAX, TMAX, AUC or C_AT (any case)
     * @return the metric
     * @throws InvalidInputException naming the accepted words
     */
    public static Metric parse(String word) {
        String w = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.name().equals(w)) {
                return m;
            }
        }
        throw new InvalidInputException("metric", "metric must be one of CMAX, TMAX, AUC, C_AT but was '" + word
                + "'");
    }
}
