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
     * Largest accepted rate, mg/h: 1000 mg/min. A sanity ceiling, not a clinical one: it lets a study's push through
     * (0.5 mg/kg over 10 s is 3 mg/kg/min; an induction dose of 2 mg/kg over 60 s at 150 kg is 5 mg/min) and refuses
     * amounts crammed into an instant. An amount given over a duration is held to it too ({@link Dose.Infusion}), so
     * a rate written out and a rate implied by "amount over time" meet the same limit; doses outside what the models'
     * studies gave are accepted and warned about, not refused.
     */
    public static final double MAX_MG_PER_H = 60_000;
    /** Largest accepted weight-based rate, mg/kg/h (20 mg/kg/min); an amount per kg over a duration is held to it too. */
    public static final double MAX_MG_PER_KG_PER_H = 1_200;
    /** Largest accepted rate cap ("max 25 mg/h"), mg/h: the cap is meant for infusions, not pushes. */
    public static final double MAX_CAP_MG_PER_H = 1000;

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

    /**
     * @param weightKg the dosing weight, kg, greater than 0 and at most 350
     * @return the rate in mg/h for a patient of {@code weightKg}
     * @throws org.ketaminepk.base.InvalidInputException if the weight is out of range or not a number
     */
    public double toMgPerH(double weightKg) {
        double kg = Amount.checkWeight(weightKg);
        return value * unit.toMgPerH * (unit.perKg ? kg : 1);
    }

    @Override
    public String toString() {
        return Checks.fmt(value) + " " + unit.symbol;
    }
}
