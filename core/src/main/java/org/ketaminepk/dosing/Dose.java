package org.ketaminepk.dosing;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;

/**
 * One administration: an intravenous bolus, a zero-order intravenous infusion, or an extravascular dose. Times are
 * hours from the start of the simulation. Immutable; built by the static factories, which validate.
 */
public sealed interface Dose permits Dose.Bolus, Dose.Infusion, Dose.Extravascular {
    /** Latest accepted start time, h. */
    double MAX_TIME_H = 87_660;
    /** Longest accepted infusion, h (30 days). */
    double MAX_INFUSION_H = 720;
    /**
     * Shortest accepted infusion, h (1 s). A shorter push is a bolus: write it as one. The floor also keeps the end of
     * an infusion distinct from its start in double precision at every accepted time (the spacing of doubles near
     * {@link #MAX_TIME_H} is about 1.5e-11 h, some seven orders of magnitude below it).
     */
    double MIN_INFUSION_H = 1.0 / 3600;

    /** @return start time, h */
    double timeH();

    /** @return the route */
    Route route();

    /** @return whether the stated amount is base or hydrochloride */
    DrugSalt salt();

    /** @return a copy shifted by {@code dtH} hours */
    Dose shifted(double dtH);

    /**
     * @param weightKg the dosing weight, kg, greater than 0 and at most 350
     * @return the amount of base given, mg, for a patient of {@code weightKg} (after any rate cap)
     * @throws InvalidInputException if the weight is out of range or not a number
     */
    double amountMg(double weightKg);

    /** @return the time the input from this dose ends (start for instantaneous doses), h */
    double endH();

    /** @return a one-line description, e.g. "0.5 mg/kg over 40 min at 0 h" */
    String describe();

    /** An intravenous bolus at {@code timeH}. */
    static Bolus bolus(Amount amount, double timeH) {
        return new Bolus(timeH, amount, DrugSalt.BASE);
    }

    /** An intravenous infusion of {@code amount} over {@code durationH}, starting at {@code timeH}. */
    static Infusion infusion(Amount amount, double durationH, double timeH) {
        return new Infusion(timeH, durationH, Optional.of(Checks.notNull("amount", amount)), Optional.empty(),
                OptionalDouble.empty(), DrugSalt.BASE);
    }

    /** An intravenous infusion at {@code rate} for {@code durationH}, starting at {@code timeH}. */
    static Infusion infusion(Rate rate, double durationH, double timeH) {
        return new Infusion(timeH, durationH, Optional.empty(), Optional.of(Checks.notNull("rate", rate)),
                OptionalDouble.empty(), DrugSalt.BASE);
    }

    /**
     * Starts an infusion with named steps instead of bare numbers:
     * {@code Dose.infusion(Rate.mgPerKgPerH(0.35)).forHours(4).at(0)} or
     * {@code .lasting(Duration.ofHours(4)).at(Duration.ofDays(1))}.
     *
     * @param rate the infusion rate
     * @return the rate, waiting for its duration
     */
    static RateStep infusion(Rate rate) {
        return new RateStep(rate);
    }

    /**
     * An infusion rate named before its duration ({@link Dose#infusion(Rate)}).
     *
     * @param rate the infusion rate
     */
    record RateStep(Rate rate) {
        /**
         * @param durationH how long it runs, h
         * @return the rate and duration, waiting for the start
         */
        public DurationStep forHours(double durationH) {
            return new DurationStep(rate, durationH);
        }

        /**
         * @param duration how long it runs
         * @return the rate and duration, waiting for the start
         */
        public DurationStep lasting(Duration duration) {
            return new DurationStep(rate, TimeGrid.hours(duration));
        }
    }

    /**
     * An infusion rate and duration named before the start ({@link RateStep}).
     *
     * @param rate the infusion rate
     * @param durationH how long it runs, h (checked when the infusion is made)
     */
    record DurationStep(Rate rate, double durationH) {
        /**
         * @param timeH start, h from time 0
         * @return the infusion
         */
        public Infusion at(double timeH) {
            return infusion(rate, durationH, timeH);
        }

        /**
         * @param sinceStart start, after time 0
         * @return the infusion
         */
        public Infusion at(Duration sinceStart) {
            return infusion(rate, durationH, TimeGrid.hours(sinceStart));
        }
    }

    /** An extravascular dose by {@code route} at {@code timeH}. */
    static Extravascular extravascular(Route route, Amount amount, double timeH) {
        return new Extravascular(timeH, route, amount, DrugSalt.BASE);
    }

    private static void checkTime(double timeH) {
        Checks.inRange("dose time", timeH, 0, MAX_TIME_H, "h");
    }

    /**
     * Intravenous bolus.
     *
     * @param timeH when, h
     * @param amount how much
     * @param salt base or hydrochloride
     */
    record Bolus(double timeH, Amount amount, DrugSalt salt) implements Dose {
        /** Validates. */
        public Bolus {
            checkTime(timeH);
            Checks.notNull("amount", amount);
            Checks.notNull("salt", salt);
        }

        @Override
        public Route route() {
            return Route.INTRAVENOUS;
        }

        @Override
        public Dose shifted(double dtH) {
            return new Bolus(timeH + dtH, amount, salt);
        }

        @Override
        public double amountMg(double weightKg) {
            return amount.toMg(weightKg) * salt.baseFraction();
        }

        @Override
        public double endH() {
            return timeH;
        }

        /** @return a copy stating the amount as {@code salt} */
        public Bolus withSalt(DrugSalt s) {
            return new Bolus(timeH, amount, s);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "iv bolus %s%s at %s", amount, saltNote(salt), Checks.hours(timeH));
        }
    }

    /**
     * Zero-order intravenous infusion, stated either as an amount over a duration or as a rate for a duration,
     * with an optional rate cap ("0.35 mg/kg/h, not more than 25 mg/h"). Exactly one of amount and rate is present;
     * what is not stated is empty, never a null or a NaN.
     *
     * @param timeH start, h
     * @param durationH duration, h, in [{@link #MIN_INFUSION_H}, {@link #MAX_INFUSION_H}]
     * @param amount total amount, empty when stated as a rate; the rate it implies must not exceed the largest
     *        accepted rate ({@link Rate#MAX_MG_PER_H}, or {@link Rate#MAX_MG_PER_KG_PER_H} for weight-based amounts)
     * @param rate rate, empty when stated as an amount
     * @param capMgPerH maximal rate, mg/h, in (0, {@link Rate#MAX_CAP_MG_PER_H}], empty for none
     * @param salt base or hydrochloride
     */
    record Infusion(double timeH, double durationH, Optional<Amount> amount, Optional<Rate> rate,
            OptionalDouble capMgPerH, DrugSalt salt) implements Dose {
        /**
         * Validates.
         *
         * @throws InvalidInputException for a time or duration out of range, an amount, rate or cap that is null
         *         rather than empty, both or neither of amount and rate, an implied rate above the largest, or a
         *         cap outside (0, {@link Rate#MAX_CAP_MG_PER_H}] mg/h (NaN included)
         */
        public Infusion {
            Checks.notNull("amount", amount);
            Checks.notNull("rate", rate);
            Checks.notNull("rate cap", capMgPerH);
            checkTime(timeH);
            Checks.positive("infusion duration", durationH, MAX_INFUSION_H, "h");
            if (durationH < MIN_INFUSION_H) {
                throw new InvalidInputException("infusion duration", String.format(Locale.ROOT,
                        "infusion duration must be at least 1 s but was %s s; give a shorter push as a bolus%s",
                        Checks.fmt(durationH * 3600), amount.map(a -> " ('bolus " + a + "')").orElse("")));
            }
            if (amount.isPresent() == rate.isPresent()) {
                throw new InvalidInputException("infusion", "an infusion needs either an amount or a rate, not "
                        + (amount.isEmpty() ? "neither" : "both"));
            }
            if (amount.isPresent()) {
                checkImpliedRate(amount.get(), durationH);
            }
            if (capMgPerH.isPresent()) {
                Checks.positive("rate cap", capMgPerH.getAsDouble(), Rate.MAX_CAP_MG_PER_H, "mg/h");
            }
            Checks.notNull("salt", salt);
        }

        /**
         * Holds the rate that "amount over duration" implies to the ceiling an explicitly stated rate has, so that
         * "10000 mg over 1 min" is refused as "1001 mg/h for 1 h" is.
         */
        private static void checkImpliedRate(Amount amount, double durationH) {
            boolean perKg = amount.unit().perKg();
            double max = perKg ? Rate.MAX_MG_PER_KG_PER_H : Rate.MAX_MG_PER_H;
            double perH = amount.inMg() / durationH;
            if (!(perH <= max)) {
                String unit = perKg ? "mg/kg/h" : "mg/h";
                throw new InvalidInputException("infusion rate", String.format(Locale.ROOT,
                        "infusion rate of %s over %s must be at most %s %s but was %s %s; infuse it over at least "
                                + "%s, or give it as 'bolus %s'", amount, duration(durationH), Checks.fmt(max), unit,
                        Checks.fmt(perH), unit, duration(amount.inMg() / max), amount));
            }
        }

        @Override
        public Route route() {
            return Route.INTRAVENOUS;
        }

        @Override
        public Dose shifted(double dtH) {
            return new Infusion(timeH + dtH, durationH, amount, rate, capMgPerH, salt);
        }

        /**
         * @param cap the largest rate, mg/h, in (0, {@link Rate#MAX_CAP_MG_PER_H}]
         * @return a copy with this rate cap
         * @throws InvalidInputException for a cap outside that range (NaN included; for no cap use
         *         {@link #withoutCap()})
         */
        public Infusion withCapMgPerH(double cap) {
            return new Infusion(timeH, durationH, amount, rate, OptionalDouble.of(cap), salt);
        }

        /** @return a copy without a rate cap */
        public Infusion withoutCap() {
            return new Infusion(timeH, durationH, amount, rate, OptionalDouble.empty(), salt);
        }

        /** @return whether the dose is stated per kg of body weight (as an amount or as a rate) */
        public boolean perKg() {
            return amount.map(a -> a.unit().perKg()).orElseGet(() -> rate.orElseThrow().unit().perKg());
        }

        /** @return a copy stating the amount as {@code salt} */
        public Infusion withSalt(DrugSalt s) {
            return new Infusion(timeH, durationH, amount, rate, capMgPerH, s);
        }

        /** @return the rate before any cap, mg/h of the stated form */
        public double uncappedMgPerH(double weightKg) {
            return amount.isPresent() ? amount.get().toMg(weightKg) / durationH : rate.get().toMgPerH(weightKg);
        }

        /** @return whether the cap lowers the rate for this weight */
        public boolean capped(double weightKg) {
            return capMgPerH.isPresent() && uncappedMgPerH(weightKg) > capMgPerH.getAsDouble();
        }

        /** @return the rate actually given, mg/h of base, after any cap */
        public double rateMgPerH(double weightKg) {
            double r = uncappedMgPerH(weightKg);
            if (capMgPerH.isPresent()) {
                r = Math.min(r, capMgPerH.getAsDouble());
            }
            return r * salt.baseFraction();
        }

        @Override
        public double amountMg(double weightKg) {
            return rateMgPerH(weightKg) * durationH;
        }

        @Override
        public double endH() {
            return timeH + durationH;
        }

        @Override
        public String describe() {
            String what = amount.isPresent() ? amount.get() + " over " + duration(durationH)
                    : Checks.sig(rate.get().value(), 4) + " " + rate.get().unit().symbol() + " for "
                            + duration(durationH);
            String cap = capMgPerH.isPresent() ? ", max " + Checks.fmt(capMgPerH.getAsDouble()) + " mg/h" : "";
            return String.format(Locale.ROOT, "iv %s%s%s at %s", what, cap, saltNote(salt), Checks.hours(timeH));
        }
    }

    /**
     * An extravascular dose (oral, sublingual, buccal, intranasal, intramuscular, subcutaneous). Bioavailability,
     * absorption and first-pass formation of norketamine belong to the model's route description.
     *
     * @param timeH when, h
     * @param route the route (not intravenous)
     * @param amount how much
     * @param salt base or hydrochloride
     */
    record Extravascular(double timeH, Route route, Amount amount, DrugSalt salt) implements Dose {
        /** Validates. */
        public Extravascular {
            checkTime(timeH);
            Checks.notNull("route", route);
            if (!route.extravascular()) {
                throw new InvalidInputException("route", "an extravascular dose needs a route other than iv");
            }
            Checks.notNull("amount", amount);
            Checks.notNull("salt", salt);
        }

        @Override
        public Dose shifted(double dtH) {
            return new Extravascular(timeH + dtH, route, amount, salt);
        }

        @Override
        public double amountMg(double weightKg) {
            return amount.toMg(weightKg) * salt.baseFraction();
        }

        @Override
        public double endH() {
            return timeH;
        }

        /** @return a copy stating the amount as {@code salt} */
        public Extravascular withSalt(DrugSalt s) {
            return new Extravascular(timeH, route, amount, s);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s %s%s at %s", route.longName(), amount, saltNote(salt),
                    Checks.hours(timeH));
        }
    }

    /** Formats a duration in the most readable unit. */
    static String duration(double h) {
        if (h < 1.0 / 60) {
            return Checks.fmt(h * 3600) + " s";
        }
        if (h < 2) {
            return Checks.fmt(Math.round(h * 60 * 1000) / 1000.0) + " min";
        }
        if (h >= 48 && Math.abs(h / 24 - Math.rint(h / 24)) < 1e-9) {
            return Checks.fmt(h / 24) + " d";
        }
        return Checks.fmt(h) + " h";
    }

    private static String saltNote(DrugSalt salt) {
        return salt == DrugSalt.HYDROCHLORIDE ? " (as hydrochloride)" : "";
    }
}
