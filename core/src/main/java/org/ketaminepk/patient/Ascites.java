package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;

/** Ascites, as graded for the Child–Pugh score (1, 2 or 3 points). */
public enum Ascites {
    /** None: 1 point. */
    NONE(1),
    /** Slight, or controlled with diuretics: 2 points. */
    SLIGHT(2),
    /** Moderate to severe, or refractory: 3 points. */
    MODERATE_TO_SEVERE(3);

    private final int points;

    Ascites(int points) {
        this.points = points;
    }

    /** @return Child–Pugh points */
    public int points() {
        return points;
    }

    /** Parses "none", "slight" / "mild" / "controlled", "moderate" / "severe" / "refractory", or 1–3 points. */
    public static Ascites parse(String s) {
        String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (w) {
            case "none": case "absent": case "1": return NONE;
            case "slight": case "mild": case "controlled": case "2": return SLIGHT;
            case "moderate": case "severe": case "refractory": case "moderate-severe": case "3":
                return MODERATE_TO_SEVERE;
            default: throw InvalidInputException.notOneOf("ascites", s, "none, slight, moderate-severe");
        }
    }
}
