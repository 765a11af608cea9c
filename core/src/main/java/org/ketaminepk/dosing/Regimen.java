package org.ketaminepk.dosing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.Schedule;

/**
 * An immutable, time-sorted list of doses, composed with {@link #then}, {@link #repeat} and friends:
 * <pre>
 *   Regimen crps = Regimen.repeat(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 24, 10);
 * </pre>
 */
public final class Regimen {
    /** Most doses a regimen may hold. */
    public static final int MAX_DOSES = 100_000;

    private final List<Dose> doses;

    private Regimen(List<Dose> doses) {
        for (int i = 0; i < doses.size(); i++) {
            Checks.notNull("doses", i, doses.get(i));
        }
        if (doses.isEmpty()) {
            throw new InvalidInputException("doses", "a regimen needs at least one dose");
        }
        if (doses.size() > MAX_DOSES) {
            throw new InvalidInputException("doses", "a regimen may hold at most " + MAX_DOSES + " doses but had "
                    + doses.size());
        }
        List<Dose> d = new ArrayList<>(doses);
        d.sort(Comparator.comparingDouble(Dose::timeH));
        this.doses = List.copyOf(d);
    }

    /** @return a regimen of these doses */
    public static Regimen of(Dose... doses) {
        return new Regimen(Arrays.asList(Checks.notNull("doses", doses)));
    }

    /** @return a regimen of these doses */
    public static Regimen of(List<? extends Dose> doses) {
        return new Regimen(new ArrayList<>(Checks.notNull("doses", doses)));
    }

    /**
     * Repeats a regimen {@code count} times, every {@code intervalH} hours.
     *
     * @param count number of repetitions, 1..10000
     * @param intervalH interval, h, {@code > 0}
     */
    public static Regimen repeat(Regimen block, double intervalH, int count) {
        Checks.notNull("regimen", block);
        Checks.inRange("count", count, 1, 10_000, "repetitions");
        Checks.positive("interval", intervalH, Dose.MAX_TIME_H, "h");
        long total = (long) block.doses.size() * count;
        if (total > MAX_DOSES) {
            throw new InvalidInputException("count", "a regimen may hold at most " + MAX_DOSES + " doses but "
                    + count + " repetitions of " + block.doses.size() + " doses make " + total);
        }
        List<Dose> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (Dose d : block.doses) {
                out.add(d.shifted(i * intervalH));
            }
        }
        return new Regimen(out);
    }

    /** Repeats one dose every {@code intervalH} hours, {@code count} times. */
    public static Regimen repeat(Dose dose, double intervalH, int count) {
        return repeat(of(Checks.notNull("dose", dose)), intervalH, count);
    }

    /** The block once a day for {@code days} days. */
    public static Regimen daily(Regimen block, int days) {
        return repeat(block, 24, days);
    }

    /** The block once a week for {@code weeks} weeks. */
    public static Regimen weekly(Regimen block, int weeks) {
        return repeat(block, 168, weeks);
    }

    /** @return this regimen followed by {@code next}, shifted to start {@code afterH} hours after this one starts */
    public Regimen then(Regimen next, double afterH) {
        Checks.notNull("regimen", next);
        Checks.nonNegative("offset", afterH, Dose.MAX_TIME_H, "h");
        List<Dose> out = new ArrayList<>(doses);
        for (Dose d : next.doses) {
            out.add(d.shifted(afterH));
        }
        return new Regimen(out);
    }

    /** @return this regimen together with {@code other} (times unchanged) */
    public Regimen and(Regimen other) {
        Checks.notNull("regimen", other);
        List<Dose> out = new ArrayList<>(doses);
        out.addAll(other.doses);
        return new Regimen(out);
    }

    /** @return this regimen shifted by {@code dtH} */
    public Regimen shifted(double dtH) {
        List<Dose> out = new ArrayList<>();
        for (Dose d : doses) {
            out.add(d.shifted(dtH));
        }
        return new Regimen(out);
    }

    /** @return the doses, by time */
    public List<Dose> doses() {
        return doses;
    }

    /** @return when the last input ends, h */
    public double endH() {
        double end = 0;
        for (Dose d : doses) {
            end = Math.max(end, d.endH());
        }
        return end;
    }

    /**
     * @param weightKg the dosing weight, kg, greater than 0 and at most 350
     * @return total base given, mg, for a patient of {@code weightKg}
     * @throws InvalidInputException if the weight is out of range or not a number
     */
    public double totalMg(double weightKg) {
        double s = 0;
        for (Dose d : doses) {
            s += d.amountMg(weightKg);
        }
        return s;
    }

    /**
     * Expands the regimen into elementary inputs for {@code system}, for a patient of {@code weightKg} (kg, greater
     * than 0 and at most 350).
     *
     * @throws InvalidInputException if the system does not take one of the routes used, or the weight is out of
     *         range
     */
    public Schedule schedule(CompartmentSystem system, double weightKg) {
        Schedule.Builder b = Schedule.builder();
        for (Dose d : doses) {
            double mg = d.amountMg(weightKg);
            double umol = Analyte.KETAMINE.mgToUmol(mg);
            List<InputChannel> channels = system.route(d.route()).channels(mg);
            for (InputChannel c : channels) {
                double start = d.timeH() + c.lagH();
                double part = umol * c.fraction();
                if (d instanceof Dose.Infusion inf) {
                    if (c.durationH() > 0) {
                        throw new IllegalStateException("intravenous route channels must be instantaneous");
                    }
                    constantRate(b, start, inf.durationH(), c, part);
                } else if (c.durationH() > 0) {
                    constantRate(b, start, c.durationH(), c, part);
                } else {
                    b.bolus(start, c.target(), c.toSink(), part);
                }
            }
        }
        return b.build();
    }

    /**
     * Adds {@code umol} spread evenly from {@code startH} for {@code durationH}. The rate divides by the span the
     * input really covers, {@code (start + duration) − start} as doubles, not by the duration: far from time 0 the
     * two differ in the last bits, and the solver delivers rate × span.
     */
    private static void constantRate(Schedule.Builder b, double startH, double durationH, InputChannel c,
            double umol) {
        double endH = startH + durationH;
        double spanH = endH - startH;
        if (!(spanH > 0)) {
            throw new IllegalStateException("an input of " + durationH + " h at " + startH + " h has no length");
        }
        b.rate(startH, endH, c.target(), c.toSink(), umol / spanH);
    }

    /** Two regimens are equal when they hold equal doses in the same order, however they were written. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Regimen r && r.doses.equals(doses);
    }

    @Override
    public int hashCode() {
        return doses.hashCode();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Dose d : doses) {
            parts.add(d.describe());
        }
        return String.join("; ", parts);
    }
}
