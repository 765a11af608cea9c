package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;

/** Hepatic encephalopathy, as graded for the Child–Pugh score (1, 2 or 3 points). */
public enum Encephalopathy {
    /** None: 1 point. */
    NONE(1),
    /** Grade I–II (or suppressed with medication): 2 points. */
    GRADE_1_2(2),
    /** Grade III–IV (or refractory): 3 points. */
    GRADE_3_4(3);

    private final int points;

    Encephalopathy(int points) {
        this.points = points;
    }

    /** @return Child–Pugh points */
    public int points() {
        return points;
    }

    /** Parses "none", "1-2" / "grade1-2" / "mild", "3-4" / "grade3-4" / "severe" (any case). */
    public static Encephalopathy parse(String s) {
        String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("grade", "").replace(" ", "");
        switch (w) {
            case "none": case "absent": case "0": return NONE;
            case "1-2": case "i-ii": case "1": case "2": case "mild": return GRADE_1_2;
            case "3-4": case "iii-iv": case "3": case "4": case "severe": return GRADE_3_4;
            default: throw InvalidInputException.notOneOf("encephalopathy", s, "none, grade1-2, grade3-4");
        }
    }
}
