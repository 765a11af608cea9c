package org.ketaminepk.model;

import org.ketaminepk.base.Checks;

/**
 * One model parameter as published, with its provenance and, where the model scales it, its weight exponent.
 * Immutable.
 *
 * @param name the symbol used in the model code and tables (e.g. {@code CL}, {@code V1}, {@code ka_n})
 * @param description what it is, in words
 * @param value the value as printed in the source, in {@code unit}
 * @param unit the unit as printed
 * @param role what it does physiologically
 * @param weightExponent exponent of (WT/70) applied to the typical value; 0 for none; for per-kg units the
 *        value is multiplied by WT (exponent 1 on per-kg, reference 1 kg)
 * @param provenance where the number comes from
 * @param source the table, section, or transcription it was read in, or the arithmetic / reasoning
 */
public record Parameter(String name, String description, double value, Unit unit, Role role, double weightExponent,
        Provenance provenance, String source) {

    /** Validates. */
    public Parameter {
        Checks.notNull("name", name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter " + name + " must be finite");
        }
        Checks.notNull("unit", unit);
        Checks.notNull("role", role);
        Checks.notNull("provenance", provenance);
        Checks.notNull("source", source);
    }

    /** @return the typical value in internal units (L, L/h, 1/h, h, fraction), before weight scaling */
    public double internalValue() {
        return value * unit.toInternal();
    }

    /** @return whether the value is per kg of body weight */
    public boolean perKg() {
        return unit == Unit.L_PER_KG || unit == Unit.ML_PER_MIN_PER_KG;
    }

    /**
     * @return the value for a patient of {@code weightKg}, internal units: per-kg values times weight, others
     *         times (weight/70)^exponent
     */
    public double scaled(double weightKg) {
        double v = internalValue();
        if (perKg()) {
            return v * weightKg;
        }
        return weightExponent == 0 ? v : v * Math.pow(weightKg / 70.0, weightExponent);
    }

    /** @return a copy with a different typical value (same unit) */
    public Parameter withValue(double newValue) {
        return new Parameter(name, description, newValue, unit, role, weightExponent, provenance, source);
    }
}
