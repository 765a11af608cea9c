package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Child–Pugh class of chronic liver disease: A (score 5–6, compensated), B (7–9, moderate), C (10–15, severe). Pugh
 * RNH, Murray-Lyon IM, Dawson JL, et al., Br J Surg 1973;60(8):646-9; class limits as used in the esketamine
 * hepatic-impairment study (ClinicalTrials.gov NCT02611505) and in the Open Systems Pharmacology hepatic-impairment
 * populations. There is no class D.
 */
public enum ChildPughClass {
    /** Score 5–6: compensated cirrhosis ("mild hepatic impairment"). */
    A(5, 6, "mild"),
    /** Score 7–9: "moderate hepatic impairment". */
    B(7, 9, "moderate"),
    /** Score 10–15: "severe hepatic impairment". */
    C(10, 15, "severe");

    /** Citation of the scoring system. */
    public static final String SOURCE = "Pugh RNH, Murray-Lyon IM, Dawson JL, Pietroni MC, Williams R. Transection "
            + "of the oesophagus for bleeding oesophageal varices. Br J Surg 1973;60(8):646-9";

    private final int minScore;
    private final int maxScore;
    private final String severity;

    ChildPughClass(int minScore, int maxScore, String severity) {
        this.minScore = minScore;
        this.maxScore = maxScore;
        this.severity = severity;
    }

    /** @return lowest score of the class, points */
    public int minScore() {
        return minScore;
    }

    /** @return highest score of the class, points */
    public int maxScore() {
        return maxScore;
    }

    /** @return "mild", "moderate" or "severe" (the labels of regulatory hepatic-impairment studies) */
    public String severity() {
        return severity;
    }

    /**
     * @param score Child–Pugh score, 5–15 points
     * @return the class of that score
     */
    public static ChildPughClass ofScore(int score) {
        Checks.inRange("Child–Pugh score", score, 5, 15, "points");
        for (ChildPughClass c : values()) {
            if (score <= c.maxScore) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable: score " + score);
    }

    /** Parses "A", "B", "C" (any case, optionally prefixed "Child-Pugh" / "CP"). */
    public static ChildPughClass parse(String s) {
        String w = s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replaceFirst("^(CHILD[-– ]?PUGH|CP)[ -]?", "");
        switch (w) {
            case "A": return A;
            case "B": return B;
            case "C": return C;
            default: throw InvalidInputException.notOneOf("Child–Pugh class", s, "A, B, C");
        }
    }
}
