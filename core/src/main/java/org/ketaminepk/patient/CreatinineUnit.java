package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;

/**
 * Units in which laboratories report serum creatinine. 1 mg/dL = 88.4 µmol/L (creatinine 113.12 g/mol: 10 mg/L ÷
 * 113.12 g/mol = 88.40 µmol/L; the factor used by the KDIGO and NKF material).
 */
public enum CreatinineUnit {
    /** milligrams per decilitre (the unit of the CKD-EPI and Cockcroft–Gault equations). */
    MG_PER_DL("mg/dL", 1.0, 0.1, 25),
    /** micromoles per litre (SI). */
    UMOL_PER_L("µmol/L", 88.4, 0.1 * 88.4, 25 * 88.4);

    /** µmol/L per mg/dL of creatinine. */
    public static final double UMOL_PER_L_PER_MG_PER_DL = 88.4;

    private final String symbol;
    private final double perMgPerDl;
    private final double min;
    private final double max;

    CreatinineUnit(String symbol, double perMgPerDl, double min, double max) {
        this.symbol = symbol;
        this.perMgPerDl = perMgPerDl;
        this.min = min;
        this.max = max;
    }

    /** @return the printed symbol */
    public String symbol() {
        return symbol;
    }

    /** @return the lowest accepted serum creatinine in this unit (0.1 mg/dL) */
    public double min() {
        return min;
    }

    /** @return the highest accepted serum creatinine in this unit (25 mg/dL) */
    public double max() {
        return max;
    }

    /** Converts a value in this unit to mg/dL. */
    public double toMgPerDl(double value) {
        return value / perMgPerDl;
    }

    /** Parses "mg/dL", "mg/dl", "umol/L", "µmol/L", "micromol/L" (any case). */
    public static CreatinineUnit parse(String s) {
        String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("μ", "µ");
        switch (w) {
            case "mg/dl": return MG_PER_DL;
            case "umol/l": case "µmol/l": case "micromol/l": return UMOL_PER_L;
            default: throw InvalidInputException.notOneOf("creatinine unit", s, "mg/dL, µmol/L");
        }
    }
}
