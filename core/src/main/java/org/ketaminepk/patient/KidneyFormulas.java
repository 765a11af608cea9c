package org.ketaminepk.patient;

import org.ketaminepk.base.Checks;

/**
 * Creatinine-based estimates of kidney function. Pure functions of their arguments, so thread-safe; {@link Patient}
 * chooses the one that applies to a patient.
 *
 * <p>Creatinine must be IDMS-standardised, in mg/dL (convert µmol/L with {@link CreatinineUnit}). Not for people on
 * dialysis or with unstable kidney function (acute kidney injury), for whom no creatinine equation holds.
 */
public final class KidneyFormulas {
    private KidneyFormulas() {
    }

    /** Citation of the CKD-EPI 2021 equation. */
    public static final String CKD_EPI_2021 = "Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin "
            + "C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-49, "
            + "doi:10.1056/NEJMoa2102953 (creatinine equation, race-free)";
    /** Citation of the Cockcroft–Gault equation. */
    public static final String COCKCROFT_GAULT_1976 = "Cockcroft DW, Gault MH. Prediction of creatinine clearance "
            + "from serum creatinine. Nephron 1976;16(1):31-41 (total body weight)";
    /** Citation of the bedside Schwartz equation for children. */
    public static final String BEDSIDE_SCHWARTZ_2009 = "Schwartz GJ, Muñoz A, Schneider MF, et al. New equations to "
            + "estimate GFR in children with CKD. J Am Soc Nephrol 2009;20(3):629-37, doi:10.1681/ASN.2008030287 "
            + "(bedside equation)";

    /**
     * eGFR by the 2021 CKD-EPI creatinine equation without race (Inker 2021):
     * 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female], with κ = 0.7 (F) / 0.9 (M) and
     * α = −0.241 (F) / −0.302 (M). Derived in adults (18 years and over).
     *
     * @param serumCreatinineMgPerDl serum creatinine, mg/dL
     * @param ageYears age, years
     * @param sex sex
     * @return eGFR, mL/min/1.73 m²
     */
    public static double ckdEpi2021MlPerMinPer173m2(double serumCreatinineMgPerDl, double ageYears, Sex sex) {
        Checks.positive("serum creatinine", serumCreatinineMgPerDl, 100, "mg/dL");
        Checks.inRange("age", ageYears, 0, 120, "years");
        Checks.notNull("sex", sex);
        boolean female = sex == Sex.FEMALE;
        double kappa = female ? 0.7 : 0.9;
        double alpha = female ? -0.241 : -0.302;
        double r = serumCreatinineMgPerDl / kappa;
        return 142 * Math.pow(Math.min(r, 1), alpha) * Math.pow(Math.max(r, 1), -1.200)
                * Math.pow(0.9938, ageYears) * (female ? 1.012 : 1.0);
    }

    /**
     * Creatinine clearance by Cockcroft and Gault (1976): (140 − age) × weight / (72 × Scr) × 0.85 [female], with
     * total body weight. Not indexed to body-surface area. Derived in adults.
     *
     * @param ageYears age, years (below 140)
     * @param weightKg total body weight, kg
     * @param serumCreatinineMgPerDl serum creatinine, mg/dL
     * @param sex sex
     * @return creatinine clearance, mL/min
     */
    public static double cockcroftGaultMlPerMin(double ageYears, double weightKg, double serumCreatinineMgPerDl,
            Sex sex) {
        Checks.inRange("age", ageYears, 0, 120, "years");
        Checks.positive("weight", weightKg, 1000, "kg");
        Checks.positive("serum creatinine", serumCreatinineMgPerDl, 100, "mg/dL");
        Checks.notNull("sex", sex);
        return (140 - ageYears) * weightKg / (72 * serumCreatinineMgPerDl) * (sex == Sex.FEMALE ? 0.85 : 1.0);
    }

    /**
     * eGFR in children by the bedside Schwartz equation (Schwartz 2009): 0.413 × height / Scr. Derived in children
     * aged 1 to 16 years with chronic kidney disease and enzymatic (IDMS-traceable) creatinine.
     *
     * @param heightCm height, cm
     * @param serumCreatinineMgPerDl serum creatinine, mg/dL
     * @return eGFR, mL/min/1.73 m²
     */
    public static double bedsideSchwartzMlPerMinPer173m2(double heightCm, double serumCreatinineMgPerDl) {
        Checks.positive("height", heightCm, 300, "cm");
        Checks.positive("serum creatinine", serumCreatinineMgPerDl, 100, "mg/dL");
        return 0.413 * heightCm / serumCreatinineMgPerDl;
    }
}
