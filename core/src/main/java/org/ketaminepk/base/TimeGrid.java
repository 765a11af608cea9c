package org.ketaminepk.base;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;


/**
 * The output times of a simulation, in hours from the start (time 0, when the body holds no drug). Strictly
 * increasing, finite, non-negative, and at most {@value #MAX_POINTS} points. Immutable.
 */
public final class TimeGrid {
    /** Upper bound on the number of output points. */
    public static final int MAX_POINTS = 10_000_000;
    /** Longest simulated time, h (ten years). */
    public static final double MAX_TIME_H = 87_660;

    private final double[] times;
    private final double stepH;

    private TimeGrid(double[] times, double stepH) {
        this.times = times;
        this.stepH = stepH;
    }

    /**
     * A uniform grid {@code 0, step, 2·step, ...} up to and including {@code endH} (the end is added if the
     * step does not divide it).
     *
     * @param endH last time, h, in (0, {@value #MAX_TIME_H}]
     * @param stepH step, h, in (0, endH]
     */
    public static TimeGrid uniform(double endH, double stepH) {
        Checks.positive("duration", endH, MAX_TIME_H, "h");
        Checks.positive("step", stepH, endH, "h");
        double count = Math.floor(endH / stepH + 1e-9) + 1;
        boolean addEnd = Math.abs((count - 1) * stepH - endH) > 1e-9 * endH;
        double total = count + (addEnd ? 1 : 0);
        if (total > MAX_POINTS) {
            throw new InvalidInputException("step", "the output grid must have at most " + MAX_POINTS
                    + " points but duration " + Checks.fmt(endH) + " h with step " + Checks.fmt(stepH)
                    + " h gives " + Checks.fmt(total)).withHint("use a longer step");
        }
        int n = (int) total;
        double[] t = new double[n];
        for (int i = 0; i < (int) count; i++) {
            t[i] = i * stepH;
        }
        t[n - 1] = endH; // exact end, whether or not the step divides it
        return new TimeGrid(t, stepH);
    }

    /** An explicit grid; times must be finite, {@code >= 0} and strictly increasing. */
    public static TimeGrid of(double... timesH) {
        if (timesH == null || timesH.length == 0) {
            throw InvalidInputException.statement("times", 0, "must hold between 1 and " + MAX_POINTS
                    + " values but was empty");
        }
        if (timesH.length > MAX_POINTS) {
            throw InvalidInputException.statement("times", timesH.length, "must hold at most " + MAX_POINTS
                    + " values but held " + timesH.length);
        }
        double[] t = timesH.clone();
        for (int i = 0; i < t.length; i++) {
            Checks.inRange("times", i, t[i], 0, MAX_TIME_H, "h");
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new InvalidInputException("times[" + i + "]", "times must be strictly increasing but times["
                        + i + "] = " + Checks.fmt(t[i]) + " h follows " + Checks.fmt(t[i - 1]) + " h");
            }
        }
        return new TimeGrid(t, Double.NaN);
    }

    /** @return number of points */
    public int size() {
        return times.length;
    }

    /**
     * @return time of point i, h
     * @throws InvalidInputException if {@code i} is not between 0 and {@code size() - 1}
     */
    public double time(int i) {
        return times[Checks.index("point index", i, times.length)];
    }

    /** @return a copy of all times, h */
    public double[] times() {
        return times.clone();
    }

    /** @return the last time, h */
    public double endH() {
        return times[times.length - 1];
    }

    /** @return the step of a uniform grid, h; empty for a grid of explicit times, which has no one step */
    public OptionalDouble stepH() {
        return Double.isNaN(stepH) ? OptionalDouble.empty() : OptionalDouble.of(stepH);
    }

    /**
     * Names the step of a uniform grid, to be followed by its end:
     * {@code TimeGrid.every(Duration.ofMinutes(1)).until(Duration.ofHours(264))}.
     *
     * @param step the step (positive)
     * @return the step, waiting for the grid's end
     */
    public static Step every(Duration step) {
        return new Step(hours(step));
    }

    /**
     * @param d a duration
     * @return the duration in hours, with nanosecond resolution
     */
    public static double hours(Duration d) {
        if (d == null) {
            throw InvalidInputException.missing("duration");
        }
        return d.getSeconds() / 3600.0 + d.getNano() / 3.6e12;
    }

    /**
     * The step of a uniform grid, named before its end ({@link #every(Duration)}).
     *
     * @param stepH the step, h (checked when the grid is made)
     */
    public record Step(double stepH) {
        /**
         * @param end the last time (at most {@value TimeGrid#MAX_TIME_H} h)
         * @return {@link TimeGrid#uniform(double, double) uniform(end, step)}
         */
        public TimeGrid until(Duration end) {
            return uniform(hours(end), stepH);
        }

        /**
         * @param endH the last time, h
         * @return {@link TimeGrid#uniform(double, double) uniform(endH, step)}
         */
        public TimeGrid untilHours(double endH) {
            return uniform(endH, stepH);
        }
    }

    /**
     * Two grids are equal when they hold the same times and both are uniform with the same step or both are
     * explicit (a solver may treat the two kinds differently).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid g && Double.compare(g.stepH, stepH) == 0 && Arrays.equals(g.times, times);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(stepH) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "TimeGrid" + (times.length <= 6 ? Arrays.toString(times) : "[" + times.length + " points to " + endH() + " h]");
    }
}
