package org.ketaminepk.result;

/**
 * Cmax and Tmax of one curve, fed its values in time order, with one rule for every way of finding them
 * ({@link CurveMetrics} on a grid, {@link ExactMetrics} on the continuous curve): Cmax is the largest value, and Tmax the
 * last time at which the curve comes within a relative {@value #TIE} of it.
 *
 * <p><b>Why the last, and why a tolerance.</b> In a repeated course each daily peak is higher than the one before by
 * what is left of the earlier doses, so in exact arithmetic the highest peak is the last one. Within a few days that
 * rise is below the round-off of the sums that give the peaks (about 1e-15 of their size), and which peak comes out
 * highest is then decided by round-off: it differed between patients with the same ketamine parameters, whose sums
 * differ in their last bits. Taking the last value within {@value #TIE} of the largest gives the exact-arithmetic
 * answer whatever the round-off. A single peak is unaffected: the curve stays within {@value #TIE} of its top for well
 * under a second.
 *
 * <p>One per curve; not thread-safe.
 */
final class PeakTime {
    /** Relative difference below which a value counts as reaching the curve's maximum. */
    static final double TIE = 1e-12;

    private double max = Double.NEGATIVE_INFINITY;
    private double time = Double.NaN;

    /** @return the largest value fed so far (−∞ before the first) */
    double max() {
        return max;
    }

    /** @return the last time of a value within {@value #TIE} of {@link #max()}, h (NaN before the first value) */
    double time() {
        return time;
    }

    /** @return whether {@code value} would set {@link #time()}: it is within {@value #TIE} of the maximum or above it */
    boolean reaches(double value) {
        return value > max || value >= max - TIE * Math.abs(max);
    }

    /**
     * The curve's value at a time not before the last one fed (NaN is ignored).
     *
     * @param timeH its time, h
     * @param value its value
     */
    void offer(double timeH, double value) {
        if (value > max) {
            max = value;
            time = timeH;
        } else if (value >= max - TIE * Math.abs(max)) {
            time = timeH;
        }
    }
}
