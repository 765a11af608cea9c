package org.ketaminepk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The elementary inputs a regimen expands into, in µmol and hours: instantaneous amounts and constant-rate inputs
 * into compartments (or, for unabsorbed drug, into sinks). Immutable; built by {@link Builder}.
 */
public final class Schedule {

    /**
     * An instantaneous input.
     *
     * @param timeH when, h
     * @param target compartment (or sink) index
     * @param toSink whether the target is a sink
     * @param amountUmol amount, µmol
     */
    public record Bolus(double timeH, int target, boolean toSink, double amountUmol) {
    }

    /**
     * A constant-rate input over [startH, endH).
     *
     * @param startH start, h
     * @param endH end, h (greater than start)
     * @param target compartment (or sink) index
     * @param toSink whether the target is a sink
     * @param rateUmolPerH rate, µmol/h
     */
    public record RateInput(double startH, double endH, int target, boolean toSink, double rateUmolPerH) {
    }

    private final List<Bolus> boluses;
    private final List<RateInput> rates;
    private final double[] eventTimes;

    private static final Comparator<Bolus> BY_TIME = Comparator.comparingDouble(Bolus::timeH);
    private static final Comparator<RateInput> BY_START = Comparator.comparingDouble(RateInput::startH);

    private Schedule(List<Bolus> boluses, List<RateInput> rates) {
        // sorted as arrays (a stable sort, as List.sort) and made immutable lists: one copy fewer per patient
        Bolus[] b = boluses.toArray(new Bolus[0]);
        Arrays.sort(b, BY_TIME);
        RateInput[] r = rates.toArray(new RateInput[0]);
        Arrays.sort(r, BY_START);
        this.boluses = List.of(b);
        this.rates = List.of(r);
        double[] t = new double[b.length + 2 * r.length];
        int i = 0;
        for (Bolus x : b) {
            t[i++] = x.timeH();
        }
        for (RateInput x : r) {
            t[i++] = x.startH();
            t[i++] = x.endH();
        }
        Arrays.sort(t);
        int u = 0;
        for (int j = 0; j < t.length; j++) {
            if (u == 0 || t[j] != t[u - 1]) {
                t[u++] = t[j];
            }
        }
        this.eventTimes = Arrays.copyOf(t, u);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return instantaneous inputs, by time */
    public List<Bolus> boluses() {
        return boluses;
    }

    /** @return constant-rate inputs, by start time */
    public List<RateInput> rates() {
        return rates;
    }

    /** @return the distinct times at which the input changes, sorted */
    public double[] eventTimes() {
        return eventTimes.clone();
    }

    double[] eventTimesInternal() {
        return eventTimes;
    }

    /**
     * Where a walk through the input changes in time order may start reading {@code rates} (as {@link #rates()}
     * orders them, by start) at time {@code t}: past the leading inputs that have all ended by then. Those end no
     * later, so a course of daily infusions is not read from its first day at every change.
     *
     * @param from where the walk started reading at an earlier change (0 at the first)
     * @return the index of the first input from {@code from} on that has not ended by {@code t}
     */
    static int firstNotEnded(List<RateInput> rates, int from, double t) {
        int i = from;
        while (i < rates.size() && rates.get(i).endH() <= t) {
            i++;
        }
        return i;
    }

    /**
     * Checks that every input goes to a compartment or sink of {@code system}; solvers call it before solving.
     *
     * @throws InvalidInputException naming the first input whose target the system does not have
     */
    public void checkFits(CompartmentSystem system) {
        for (Bolus b : boluses) {
            checkFits("bolus", b.timeH(), b.target(), b.toSink(), system);
        }
        for (RateInput r : rates) {
            checkFits("input", r.startH(), r.target(), r.toSink(), system);
        }
    }

    private static void checkFits(String what, double timeH, int target, boolean toSink, CompartmentSystem system) {
        int size = toSink ? system.sinks().size() : system.size();
        if (target >= size) {
            throw InvalidInputException.statement("target", target, String.format(java.util.Locale.ROOT,
                    "of the %s at %s h must be a %s index between 0 and %d but was %d", what, Checks.fmt(timeH),
                    toSink ? "sink" : "compartment", size - 1, target));
        }
    }

    /** Total amount that has entered by time t (boluses at t included), µmol. */
    public double inputUpTo(double t) {
        double sum = 0;
        for (Bolus b : boluses) {
            if (b.timeH() <= t) {
                sum += b.amountUmol();
            }
        }
        for (RateInput r : rates) {
            double overlap = Math.min(t, r.endH()) - r.startH();
            if (overlap > 0) {
                sum += overlap * r.rateUmolPerH();
            }
        }
        return sum;
    }

    /** Accumulates elementary inputs. */
    public static final class Builder {
        private final List<Bolus> boluses = new ArrayList<>();
        private final List<RateInput> rates = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds an instantaneous input; a zero amount is dropped.
         *
         * @throws InvalidInputException if the time or amount is not finite and {@code >= 0}, or the target is negative
         */
        public Builder bolus(double timeH, int target, boolean toSink, double amountUmol) {
            finiteNonNegative("bolus time", timeH, "h");
            checkTarget(target);
            finiteNonNegative("bolus amount", amountUmol, "µmol");
            if (amountUmol > 0) {
                boluses.add(new Bolus(timeH, target, toSink, amountUmol));
            }
            return this;
        }

        /**
         * Adds a constant-rate input; zero-length or zero-rate inputs are dropped.
         *
         * @throws InvalidInputException if a time or the rate is not finite and {@code >= 0}, the end is before the
         *         start, or the target is negative
         */
        public Builder rate(double startH, double endH, int target, boolean toSink, double rateUmolPerH) {
            finiteNonNegative("input start", startH, "h");
            finiteNonNegative("input end", endH, "h");
            if (endH < startH) {
                throw InvalidInputException.statement("input end", endH, "must be at or after the start ("
                        + Checks.fmt(startH) + " h) but was " + Checks.fmt(endH) + " h");
            }
            checkTarget(target);
            finiteNonNegative("input rate", rateUmolPerH, "µmol/h");
            if (endH > startH && rateUmolPerH > 0) {
                rates.add(new RateInput(startH, endH, target, toSink, rateUmolPerH));
            }
            return this;
        }

        private static void finiteNonNegative(String field, double value, String unit) {
            if (!Double.isFinite(value) || value < 0) {
                throw InvalidInputException.statement(field, value, "must be finite and 0 " + unit + " or more but was "
                        + Checks.fmt(value) + (Double.isFinite(value) ? " " + unit : ""));
            }
        }

        private static void checkTarget(int target) {
            if (target < 0) {
                throw InvalidInputException.statement("target", target, "must be a compartment or sink index, 0 or "
                        + "more, but was " + target);
            }
        }

        /** @return the schedule */
        public Schedule build() {
            return new Schedule(boluses, rates);
        }
    }
}
