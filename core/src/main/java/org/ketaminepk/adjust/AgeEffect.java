package org.ketaminepk.adjust;

import static org.ketaminepk.adjust.AdjustmentSources.AGE_FLOW_DECLINE_PER_YEAR;
import static org.ketaminepk.adjust.AdjustmentSources.AGE_FLOW_ONSET_YEARS;

import org.ketaminepk.base.Checks;

/**
 * What age does to ketamine's hepatic flow: nothing up to {@value AdjustmentSources#AGE_FLOW_ONSET_YEARS} years, then
 * a linear decline of {@link AdjustmentSources#AGE_FLOW_DECLINE_PER_YEAR} of the reference flow per year, as
 * Perez-Ruixo 2021 estimated for esketamine. Applied only to models whose own covariates do not already change
 * ketamine's elimination with age. Immutable; by {@link #of(double)}. Not a model of ageing kidneys: kidney function
 * is the patient's own ({@link KidneyEffect}).
 *
 * @param ageYears the patient's age, years
 * @param hepaticFlowFactor hepatic flow, fraction of the reference adult's, in (0, 1]
 */
public record AgeEffect(double ageYears, double hepaticFlowFactor) {
    /** For an Adjustment's source. */
    public static final String SOURCE = AdjustmentSources.AGE_SOURCE;

    /** Validates. */
    public AgeEffect {
        Checks.inRange("age", ageYears, 0, 120, "years");
        Checks.positive("hepatic flow factor", hepaticFlowFactor, 1, "");
    }

    /** @return the effect of being {@code ageYears} old */
    public static AgeEffect of(double ageYears) {
        double years = ageYears - AGE_FLOW_ONSET_YEARS;
        return new AgeEffect(ageYears, years <= 0 ? 1 : 1 - AGE_FLOW_DECLINE_PER_YEAR * years);
    }

    /** @return whether the age is above the onset of the decline */
    public boolean changesAnything() {
        return ageYears > AGE_FLOW_ONSET_YEARS;
    }

    /** @return e.g. "age 75 years: hepatic flow ×0.782 (−2.19/151 per year above 60)" */
    public String describe() {
        return "age " + Checks.fmt(ageYears) + " years: hepatic flow ×" + StandardPatientAdjuster.num(hepaticFlowFactor)
                + " (−2.19/151 per year above 60)";
    }
}
