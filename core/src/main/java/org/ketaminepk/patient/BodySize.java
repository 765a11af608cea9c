package org.ketaminepk.patient;

import org.ketaminepk.base.Checks;

/**
 * Body-size formulas: body-mass index, body-surface area (Mosteller) and lean body weight (Janmahasatian). Pure
 * functions, so thread-safe; the patient's own values are on {@link Patient}.
 *
 * <p>Not for dosing: the pharmacokinetic models scale with total body weight as their authors published; lean body
 * weight is offered for callers who want to explore other size descriptors.
 */
public final class BodySize {
    private BodySize() {
    }

    /**
     * Body-mass index.
     *
     * @param weightKg total body weight, kg
     * @param heightCm height, cm
     * @return weight / height², kg/m²
     */
    public static double bmiKgPerM2(double weightKg, double heightCm) {
        Checks.positive("weight", weightKg, 1000, "kg");
        Checks.positive("height", heightCm, 300, "cm");
        double m = heightCm / 100.0;
        return weightKg / (m * m);
    }

    /**
     * Body-surface area by Mosteller RD, "Simplified calculation of body-surface area", N Engl J Med
     * 1987;317:1098: BSA = √(height·weight / 3600).
     *
     * @param heightCm height, cm
     * @param weightKg total body weight, kg
     * @return body-surface area, m²
     */
    public static double bsaMostellerM2(double heightCm, double weightKg) {
        Checks.positive("height", heightCm, 300, "cm");
        Checks.positive("weight", weightKg, 1000, "kg");
        return Math.sqrt(heightCm * weightKg / 3600.0);
    }

    /**
     * Lean body weight (fat-free mass) by Janmahasatian S, Duffull SB, Ash S, et al., "Quantification of lean
     * bodyweight", Clin Pharmacokinet 2005;44(10):1051-65: men 9270·WT/(6680 + 216·BMI), women
     * 9270·WT/(8780 + 244·BMI). Derived in adults; for children it is an extrapolation.
     *
     * @param weightKg total body weight, kg
     * @param heightCm height, cm
     * @param sex sex
     * @return lean body weight, kg
     */
    public static double leanBodyWeightJanmahasatianKg(double weightKg, double heightCm, Sex sex) {
        Checks.notNull("sex", sex);
        double bmi = bmiKgPerM2(weightKg, heightCm);
        return sex == Sex.MALE ? 9270 * weightKg / (6680 + 216 * bmi) : 9270 * weightKg / (8780 + 244 * bmi);
    }
}
