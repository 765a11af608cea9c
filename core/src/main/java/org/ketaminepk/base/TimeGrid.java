package org.ketaminepk.base;

import java.util.Arrays;


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
            Checks.inRange("times[" + i + "]", t[i], 0, MAX_TIME_H, "h");
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

    /** @return time of point i, h */
    public double time(int i) {
        return times[i];
    }

    /** @return a copy of all times, h */
    public double[] times() {
        return times.clone();
    }

    /** @return the last time, h */
    public double endH() {
        return times[times.length - 1];
    }

    /** @return the step of a uniform grid, h, or NaN for an explicit grid */
    public double stepH() {
        return stepH;
    }

    @Override
    public String toString() {
        return "TimeGrid" + (times.length <= 6 ? Arrays.toString(times) : "[" + times.length + " points to " + endH() + " h]");
    }
}
