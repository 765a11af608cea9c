package org.ketaminepk.result;

/**
 * The running metrics of one concentration curve, fed in time order: Cmax and Tmax over the output points, and the
 * time within each band. It is the one definition of these rules; {@link Series} (a stored curve) and
 * {@link StreamingMetrics} (a curve never stored) both feed it, so their values agree to the last bit.
 *
 * <p><b>Rules.</b> Cmax is the largest value at an output point and Tmax the last output time at which the curve is
 * within round-off of it (a relative {@value PeakTime#TIE}; see {@link PeakTime}).
 * Within a band the curve is taken as linear between consecutive known values, the crossing of an edge found by
 * {@link BandCrossing}; the known values are the output points and, at each input change, the values just before
 * and just after it ({@link #inputChange}). The curve is therefore never interpolated across an input change: a
 * bolus is a vertical step at its own time, and no crossing is placed before the input that causes it.
 *
 * <p>Values are ng/mL and are expected not to be negative (round-off below zero is clipped by the caller). One per
 * curve; not thread-safe.
 */
final class CurveMetrics {
    private final double[] bandLow;
    private final double[] bandHigh;
    private final double[] hours;
    private boolean started;
    private final PeakTime peak = new PeakTime();
    /** The last known value of the curve and its time. */
    private double last;
    private double lastT;

    /**
     * @param bandLow lower edge of each band, ng/mL
     * @param bandHigh upper edge of each band, ng/mL (∞ for none)
     */
    CurveMetrics(double[] bandLow, double[] bandHigh) {
        this.bandLow = bandLow;
        this.bandHigh = bandHigh;
        this.hours = new double[bandLow.length];
    }

    /**
     * Output points {@code from .. from + count − 1} of {@code t} and {@code c}, after everything fed so far.
     * Stretches that lie wholly below, above or strictly inside a band are recognised from their extremes and skip
     * the interpolation, which would add nothing (or the whole step) there.
     */
    void points(double[] t, double[] c, int from, int count) {
        if (count == 0) {
            return;
        }
        int end = from + count;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = from; j < end; j++) {
            double v = c[j];
            if (v > high) {
                high = v;
            }
            if (v < low) {
                low = v;
            }
        }
        points(t, c, from, count, low, high);
    }

    /**
     * As {@link #points(double[], double[], int, int)}, with the smallest and largest of the values already known
     * (a caller that has just passed over them spares the second pass).
     */
    void points(double[] t, double[] c, int from, int count, double low, double high) {
        if (count == 0) {
            return;
        }
        int end = from + count;
        if (peak.reaches(high)) {
            // a point of this stretch raises the maximum or comes within round-off of it
            for (int j = from; j < end; j++) {
                peak.offer(t[j], c[j]);
            }
        }
        int first = from;
        if (!started) {
            started = true;
            last = c[from];
            lastT = t[from];
            first = from + 1;
        }
        double lowest = Math.min(low, last);
        double highest = Math.max(high, last);
        for (int b = 0; b < bandLow.length; b++) {
            double lo = bandLow[b];
            double hi = bandHigh[b];
            if (highest < lo || lowest > hi) {
                continue; // every step wholly outside: adds nothing
            }
            hours[b] = lowest > lo && highest < hi ? wholeSteps(hours[b], t, first, end, lastT)
                    : bandSteps(hours[b], c, t, first, end, last, lastT, lo, hi);
        }
        last = c[end - 1];
        lastT = t[end - 1];
    }

    /**
     * The input changes at {@code timeH}: the curve runs from the last known value to {@code before} at that time,
     * then continues from {@code after}. Ignored before the first output point (which already includes it).
     */
    void inputChange(double timeH, double before, double after) {
        if (!started) {
            return;
        }
        for (int b = 0; b < bandLow.length; b++) {
            double f = BandCrossing.fractionInside(last, before, bandLow[b], bandHigh[b]);
            if (f != 0) {
                hours[b] += f * (timeH - lastT);
            }
        }
        last = after;
        lastT = timeH;
    }

    /** Steps wholly inside a band: each adds its whole length, summed in time order. */
    private static double wholeSteps(double hours, double[] t, int from, int end, double prevT) {
        double sum = hours;
        double before = prevT;
        for (int j = from; j < end; j++) {
            sum += t[j] - before;
            before = t[j];
        }
        return sum;
    }

    /** Steps that may cross the band's edges, summed in time order. */
    private static double bandSteps(double hours, double[] c, double[] t, int from, int end, double prev,
            double prevT, double lo, double hi) {
        double sum = hours;
        double a = prev;
        double before = prevT;
        for (int j = from; j < end; j++) {
            double f = BandCrossing.fractionInside(a, c[j], lo, hi);
            if (f != 0) {
                sum += f * (t[j] - before);
            }
            a = c[j];
            before = t[j];
        }
        return sum;
    }

    /** @return whether any output point has been fed */
    boolean started() {
        return started;
    }

    /** @return the largest value at an output point, ng/mL (−1 before any) */
    double cmax() {
        return started ? peak.max() : -1;
    }

    /** @return the last output time within round-off of {@link #cmax()} ({@link PeakTime}), h (0 before any) */
    double tmax() {
        return started ? peak.time() : 0;
    }

    /** @return hours within band {@code b} so far */
    double hours(int b) {
        return hours[b];
    }
}
