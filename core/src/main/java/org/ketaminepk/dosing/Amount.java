package org.ketaminepk.dosing;

import java.util.Locale;

import org.ketaminepk.base.Checks;

/**
 * A dose amount as the user states it: absolute (mg, µg) or per kg of body weight. Immutable.
 *
 * @param value the number, finite and {@code > 0}
 * @param unit its unit
 */
public record Amount(double value, Unit unit) {
    /** Largest accepted absolute dose, mg (far above any clinical dose; guards against typing errors). */
    public static final double MAX_MG = 10_000;
    /** Largest accepted weight-based dose, mg/kg. */
    public static final double MAX_MG_PER_KG = 100;
    /** Largest body weight a dose is resolved for, kg (the heaviest patient accepted). */
    static final double MAX_WEIGHT_KG = 350;

    /** Units of amount. */
    public enum Unit {
        /** milligram. */
        MG("mg", 1, false),
        /** microgram. */
        UG("µg", 1e-3, false),
        /** milligram per kg body weight. */
        MG_PER_KG("mg/kg", 1, true),
        /** microgram per kg body weight. */
        UG_PER_KG("µg/kg", 1e-3, true);

        private final String symbol;
        private final double toMg;
        private final boolean perKg;

        Unit(String symbol, double toMg, boolean perKg) {
            this.symbol = symbol;
            this.toMg = toMg;
            this.perKg = perKg;
        }

        /** @return the printed symbol */
        public String symbol() {
            return symbol;
        }

        /** @return whether the unit is per kg of body weight */
        public boolean perKg() {
            return perKg;
        }
    }

    /** Validates the amount. */
    public Amount {
        Checks.notNull("unit", unit);
        double max = (unit.perKg ? MAX_MG_PER_KG : MAX_MG) / unit.toMg;
        Checks.positive("dose amount", value, max, unit.symbol);
    }

    /** @return an amount in mg */
    public static Amount mg(double mg) {
        return new Amount(mg, Unit.MG);
    }

    /** @return an amount in mg/kg */
    public static Amount mgPerKg(double mgPerKg) {
        return new Amount(mgPerKg, Unit.MG_PER_KG);
    }

    /** @return an amount in µg */
    public static Amount ug(double ug) {
        return new Amount(ug, Unit.UG);
    }

    /**
     * @param weightKg the dosing weight, kg, greater than 0 and at most 350
     * @return the amount in mg for a patient of {@code weightKg}
     * @throws org.ketaminepk.base.InvalidInputException if the weight is out of range or not a number
     */
    public double toMg(double weightKg) {
        double kg = checkWeight(weightKg);
        return value * unit.toMg * (unit.perKg ? kg : 1);
    }

    /**
     * @return {@code weightKg}, checked: a weight that is not a number, not positive or beyond any patient would
     *         otherwise turn into a dose of NaN or below zero mg
     */
    static double checkWeight(double weightKg) {
        return Checks.positive("dosing weight", weightKg, MAX_WEIGHT_KG, "kg");
    }

    /** @return the amount in mg, or in mg/kg for a weight-based unit */
    public double inMg() {
        return value * unit.toMg;
    }

    @Override
    public String toString() {
        return Checks.fmt(value) + " " + unit.symbol;
    }

    /** @return the amount formatted for tables, e.g. "0.5 mg/kg" */
    public String format() {
        return String.format(Locale.ROOT, "%s %s", Checks.fmt(value), unit.symbol);
    }
}
