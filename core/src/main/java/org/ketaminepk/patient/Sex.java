package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;

/** Sex as used by the renal and body-size formulas. */
public enum Sex {
    /** male. */
    MALE,
    /** female. */
    FEMALE;

    /** Parses "male", "m", "female", "f" (any case). */
    public static Sex parse(String s) {
        String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (w) {
            case "m": case "male": case "man": return MALE;
            case "f": case "female": case "woman": return FEMALE;
            default: throw InvalidInputException.notOneOf("sex", s, "male, female");
        }
    }
}
