package org.ketaminepk.result;

/**
 * The rule by which a linear step of the concentration curve is split at the edges of a {@link Band}. The one
 * accumulator of curve metrics, {@link CurveMetrics}, uses it for stored ({@link Series}) and streamed
 * ({@link StreamingMetrics}) curves alike.
 */
final class BandCrossing {
    private BandCrossing() {
    }

    /**
     * Fraction of the straight segment from {@code a} to {@code b} (ng/mL) that lies within {@code [lo, hi]}.
     *
     * <p>The common cases — both ends below the band, both above it, both strictly inside — are answered without
     * the two divisions of the general case. Each shortcut gives exactly the value the general case would: for
     * a step wholly below or above the band the general case ends in {@code max(0, negative)} = 0, and for a step
     * strictly inside it ends in {@code min(1, ≥1) − max(0, <0)} = 1. The property tests compare both against
     * {@link Series}.
     */
    static double fractionInside(double a, double b, double lo, double hi) {
        if (a < lo && b < lo) {
            return 0;
        }
        if (a > hi && b > hi) {
            return 0;
        }
        if (a > lo && b > lo && a < hi && b < hi) {
            return 1;
        }
        return general(a, b, lo, hi);
    }

    /** The general case: where the line through the two ends meets each edge, clipped to the step. */
    static double general(double a, double b, double lo, double hi) {
        if (a == b) {
            return a >= lo && a <= hi ? 1 : 0;
        }
        double s0 = (lo - a) / (b - a);
        double s1 = Double.isInfinite(hi) ? (b > a ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                : (hi - a) / (b - a);
        double from = Math.max(0, Math.min(s0, s1));
        double to = Math.min(1, Math.max(s0, s1));
        return Math.max(0, to - from);
    }
}
