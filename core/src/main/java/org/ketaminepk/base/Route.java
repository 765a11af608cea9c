package org.ketaminepk.base;

import java.util.Locale;

/** Routes of administration. Which routes a model can take is part of its {@link org.ketaminepk.model.PublishedModel}. */
public enum Route {
    /** Intravenous bolus or infusion. */
    INTRAVENOUS("iv", "intravenous"),
    /** Swallowed tablet, capsule or solution. */
    ORAL("oral", "oral"),
    /** Held under the tongue (tablet, wafer, thin film). */
    SUBLINGUAL("sublingual", "sublingual"),
    /** Held against the cheek (thin film). */
    BUCCAL("buccal", "buccal"),
    /** Nasal spray. */
    INTRANASAL("intranasal", "intranasal"),
    /** Intramuscular injection. */
    INTRAMUSCULAR("im", "intramuscular"),
    /** Subcutaneous injection. */
    SUBCUTANEOUS("sc", "subcutaneous");

    private final String shortName;
    private final String longName;

    Route(String shortName, String longName) {
        this.shortName = shortName;
        this.longName = longName;
    }

    /** @return the short keyword used in dose specifications ("iv", "oral", "im", ...) */
    public String shortName() {
        return shortName;
    }

    /** @return the full English name */
    public String longName() {
        return longName;
    }

    /** @return true for every route but intravenous */
    public boolean extravascular() {
        return this != INTRAVENOUS;
    }

    /**
     * Parses a route keyword (short or long name, or common synonyms such as "nasal", "po", "slingual").
     *
     * @throws InvalidInputException naming the accepted words
     */
    public static Route parse(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (Route r : values()) {
            if (r.shortName.equals(w) || r.longName.equals(w) || r.name().toLowerCase(Locale.ROOT).equals(w)) {
                return r;
            }
        }
        switch (w) {
            case "nasal": case "in": return INTRANASAL;
            case "po": case "oral-solution": return ORAL;
            case "sl": return SUBLINGUAL;
            case "subcutaneous-injection": case "subcut": return SUBCUTANEOUS;
            default:
                throw InvalidInputException.notOneOf("route", word, "iv, oral, sublingual, buccal, intranasal, im, sc");
        }
    }
}
