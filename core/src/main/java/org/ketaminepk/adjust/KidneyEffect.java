package org.ketaminepk.adjust;

import static org.ketaminepk.adjust.AdjustmentSources.NORMAL_KIDNEY_FUNCTION;

import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.patient.GfrEstimate;

/**
 * What kidney function does: each analyte's renal share of clearance ({@link AdjustmentSources}) is multiplied by
 * the patient's GFR estimate as a fraction of {@value AdjustmentSources#NORMAL_KIDNEY_FUNCTION} mL/min(/1.73 m²), at
 * most 1 — the models' populations had normal kidneys, and better than normal is not extrapolated. Renal elimination
 * linear in kidney function follows Dettli 1974. Immutable; by {@link #of(GfrEstimate)}. Dialysis is not modelled.
 *
 * @param gfr the estimate used
 * @param fraction kidney function, fraction of normal, in (0, 1]
 */
public record KidneyEffect(GfrEstimate gfr, double fraction) {

    /** Validates. */
    public KidneyEffect {
        Checks.notNull("GFR estimate", gfr);
        Checks.positive("kidney function fraction", fraction, 1, "");
    }

    /** @return the effect of kidney function {@code gfr} */
    public static KidneyEffect of(GfrEstimate gfr) {
        Checks.notNull("GFR estimate", gfr);
        return new KidneyEffect(gfr, Math.min(1, gfr.value() / NORMAL_KIDNEY_FUNCTION));
    }

    /** @return whether kidney function is below normal */
    public boolean changesAnything() {
        return fraction != 1;
    }

    /** @return whether the kidneys are failing (below {@value AdjustmentSources#KIDNEY_FAILURE}) */
    public boolean failing() {
        return gfr.value() < AdjustmentSources.KIDNEY_FAILURE;
    }

    /** @return e.g. "kidney function 45 mL/min (Cockcroft–Gault ...) = 0.45 of normal" */
    public String describe() {
        return String.format(Locale.ROOT, "kidney function %s %s (%s) = %s of normal",
                StandardPatientAdjuster.num(gfr.value()), gfr.unit(), gfr.method(),
                StandardPatientAdjuster.num(fraction));
    }
}
