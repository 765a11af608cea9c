package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;

/**
 * Co-medications with a published pharmacokinetic interaction study with ketamine or esketamine. What each one
 * does to the models is decided in {@link org.ketaminepk.adjust}; the mechanism is stated here for reports.
 */
public enum CoMedication {
    /** Rifampicin (rifampin), a strong inducer of CYP3A4 and CYP2B6. */
    RIFAMPICIN("rifampicin", "strong CYP3A4 and CYP2B6 inducer"),
    /** Clarithromycin, a strong CYP3A4 inhibitor. */
    CLARITHROMYCIN("clarithromycin", "strong CYP3A4 inhibitor"),
    /** Ticlopidine, a CYP2B6 inhibitor. */
    TICLOPIDINE("ticlopidine", "CYP2B6 inhibitor"),
    /** Itraconazole, a strong CYP3A4 inhibitor. */
    ITRACONAZOLE("itraconazole", "strong CYP3A4 inhibitor");

    private final String label;
    private final String mechanism;

    CoMedication(String label, String mechanism) {
        this.label = label;
        this.mechanism = mechanism;
    }

    /** @return the international non-proprietary name */
    public String label() {
        return label;
    }

    /** @return the enzyme effect, in words */
    public String mechanism() {
        return mechanism;
    }

    /** Parses the name (any case; "rifampin" accepted). */
    public static CoMedication parse(String s) {
        String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (w.equals("rifampin")) {
            return RIFAMPICIN;
        }
        for (CoMedication c : values()) {
            if (c.label.equals(w)) {
                return c;
            }
        }
        throw InvalidInputException.notOneOf("co-medication", s, "rifampicin, clarithromycin, ticlopidine, itraconazole");
    }
}
