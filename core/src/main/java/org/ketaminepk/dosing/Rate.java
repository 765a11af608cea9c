package org.ketaminepk.dosing;

import org.ketaminepk.base.Checks;

/**
 * An infusion rate as the user states it. Immutable.
 *
 * @param value the number, finite and {@code > 0}
 * @param unit its unit
 */
public record Rate(double value, Unit unit) {
    /**
     * Largest accepted rate, mg/h (about 14 mg/kg/h at 70 kg, above the infusion rates of the protocols). An amount
     * given over a duration is held to it too ({@link Dose.Infusion}): a faster push is written as a bolus.
     */
    public static final double MAX_MG_PER_H = 1000;
    /** Largest accepted weight-based rate, mg/kg/h; an amount per kg over a duration is held to it too. */
    public static final double MAX_MG_PER_KG_PER_H = 20;

    /** Units of rate. */
    public enum Unit {
        /** mg per hour. */
        MG_PER_H("mg/h", 1, false),
        /** mg per minute. */
        MG_PER_MIN("mg/min", 60, false),
        /** mg per kg per hour. */
        MG_PER_KG_PER_H("mg/kg/h", 1, true),
        /** µg per kg per minute. */
        UG_PER_KG_PER_MIN("µg/kg/min", 0.06, true),
        /** µg per kg per hour. */
        UG_PER_KG_PER_H("µg/kg/h", 1e-3, true);

        private final String symbol;
        private final double toMgPerH;
        private final boolean perKg;

        Unit(String symbol, double toMgPerH, boolean perKg) {
            this.symbol = symbol;
            this.toMgPerH = toMgPerH;
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

    /** Validates the rate. */
    public Rate {
        Checks.notNull("unit", unit);
        double max = (unit.perKg ? MAX_MG_PER_KG_PER_H : MAX_MG_PER_H) / unit.toMgPerH;
        Checks.positive("infusion rate", value, max, unit.symbol);
    }

    /** @return a rate in mg/h */
    public static Rate mgPerH(double v) {
        return new Rate(v, Unit.MG_PER_H);
    }

    /** @return a rate in mg/kg/h */
    public static Rate mgPerKgPerH(double v) {
        return new Rate(v, Unit.MG_PER_KG_PER_H);
    }

    /** @return a rate in µg/kg/min */
    public static Rate ugPerKgPerMin(double v) {
        return new Rate(v, Unit.UG_PER_KG_PER_MIN);
    }

    /** @return the rate in mg/h for a patient of {@code weightKg} */
    public double toMgPerH(double weightKg) {
        return value * unit.toMgPerH * (unit.perKg ? weightKg : 1);
    }

    @Override
    public String toString() {
        return Checks.fmt(value) + " " + unit.symbol;
    }
}
