package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EnvelopeProperties {

    /** A curve sampled on an increasing grid. */
    record Curve(double[] x, double[] y) {
    }

    /**
     * Dosing-like curves: a periodic sawtooth (rise over a random part of the period, exponential fall), on a slowly
     * drifting level, often followed by a long washout, with values rounded so that plateaus occur.
     */
    @Provide
    Arbitrary<Curve> periodic() {
        return Combinators.combine(Arbitraries.integers().between(20, 2000), Arbitraries.integers().between(2, 60),
                Arbitraries.doubles().between(0.05, 0.9), Arbitraries.doubles().between(0, 0.05),
                Arbitraries.integers().between(0, 500), Arbitraries.of(0.0, 1e-3, 1.0))
                .as((n, period, riseShare, drift, washout, rounding) -> {
                    int total = n + washout;
                    double[] x = new double[total];
                    double[] y = new double[total];
                    int rise = Math.max(1, (int) Math.round(period * riseShare));
                    for (int i = 0; i < total; i++) {
                        x[i] = i * 0.25;
                        int phase = Math.min(i, n - 1) % period;
                        double c = phase < rise ? (double) phase / rise : Math.exp(-3.0 * (phase - rise) / period);
                        double level = 10 * c + drift * Math.min(i, n);
                        if (i >= n) {
                            level *= Math.exp(-0.01 * (i - n + 1));
                        }
                        y[i] = rounding > 0 ? Math.round(level / rounding) * rounding : level;
                    }
                    return new Curve(x, y);
                });
    }

    /** Irregular curves: random values, some repeated, on a grid with random steps. */
    @Provide
    Arbitrary<Curve> irregular() {
        return Combinators.combine(
                Arbitraries.doubles().between(-50, 50).ofScale(1).array(double[].class).ofMinSize(1).ofMaxSize(400),
                Arbitraries.doubles().between(0.01, 5).array(double[].class).ofSize(400))
                .as((y, steps) -> {
                    double[] x = new double[y.length];
                    for (int i = 1; i < y.length; i++) {
                        x[i] = x[i - 1] + steps[i];
                    }
                    return new Curve(x, y);
                });
    }

    @Property(tries = 150)
    void periodicCurvesLieBetweenTheirLines(@ForAll("periodic") Curve c,
            @ForAll @DoubleRange(min = 0, max = 200) double slowSpan) {
        checkAll(c, slowSpan);
    }

    @Property(tries = 300)
    void irregularCurvesLieBetweenTheirLines(@ForAll("irregular") Curve c,
            @ForAll @DoubleRange(min = 0, max = 200) double slowSpan) {
        checkAll(c, slowSpan);
    }

    @Property(tries = 200)
    void aMonotoneCurveIsBothLines(@ForAll @Size(min = 1, max = 500) double[] raw, @ForAll boolean rising,
            @ForAll @DoubleRange(min = 0, max = 1e6) double slowSpan) {
        double[] y = new double[raw.length];
        double[] x = new double[raw.length];
        double level = 0;
        for (int i = 0; i < raw.length; i++) {
            double step = Double.isFinite(raw[i]) ? Math.abs(raw[i]) % 100 : 0;
            level += rising ? step : -step;
            y[i] = level;
            x[i] = i;
        }
        Envelope e = Envelope.of(x, y, slowSpan);
        assertArrayEquals(x, e.upperX());
        assertArrayEquals(y, e.upperY());
        assertArrayEquals(x, e.lowerX());
        assertArrayEquals(y, e.lowerY());
    }

    @Property(tries = 100)
    void aSlowSpanBelowTheGridStepGivesTheCurveItself(@ForAll("irregular") Curve c) {
        Envelope e = Envelope.of(c.x(), c.y(), 0);
        assertArrayEquals(c.y(), e.upperY());
        assertArrayEquals(c.y(), e.lowerY());
    }

    @Property(tries = 100)
    void theWashoutAfterTheLastDoseIsTheCurveItself(@ForAll @IntRange(min = 3, max = 40) int period,
            @ForAll @IntRange(min = 5, max = 100) int doses) {
        int n = period * doses;
        int total = n + 400;
        double[] x = new double[total];
        double[] y = new double[total];
        for (int i = 0; i < total; i++) {
            x[i] = i;
            y[i] = i < n ? 1 + i % period : period * Math.exp(-0.01 * (i - n + 1));
        }
        Envelope e = Envelope.of(x, y, 2.0 * period);
        for (int i = n; i < total; i++) {
            int at = i;
            assertTrue(Arrays.binarySearch(e.upperX(), x[i]) >= 0, () -> "washout point " + at + " on the upper line");
            assertTrue(Arrays.binarySearch(e.lowerX(), x[i]) >= 0, () -> "washout point " + at + " on the lower line");
        }
        // during the course, the lines are the peaks and troughs only
        assertTrue(e.upperX().length < n / 2 + 400 + 3, () -> "upper line has " + e.upperX().length + " vertices");
    }

    @Test
    void aSawtoothKeepsItsPeaksAndTroughsAndNothingElse() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {0, 5, 3, 2, 6, 4, 3, 7, 1};
        Envelope e = Envelope.of(x, y, 100);
        assertArrayEquals(new double[] {0, 1, 4, 7, 8}, e.upperX());
        assertArrayEquals(new double[] {0, 5, 6, 7, 1}, e.upperY());
        assertArrayEquals(new double[] {0, 3, 6, 8}, e.lowerX());
        assertArrayEquals(new double[] {0, 2, 3, 1}, e.lowerY());
    }

    private static void checkAll(Curve c, double slowSpan) {
        double[] x = c.x();
        double[] y = c.y();
        int n = x.length;
        Envelope e = Envelope.of(x, y, slowSpan);
        // first and last points on both lines
        assertEquals(x[0], e.upperX()[0]);
        assertEquals(x[0], e.lowerX()[0]);
        assertEquals(x[n - 1], e.upperX()[e.upperX().length - 1]);
        assertEquals(x[n - 1], e.lowerX()[e.lowerX().length - 1]);
        assertEquals(e.lowerX().length, e.shared().length);
        // every vertex is a point of the curve
        checkOnCurve(x, y, e.upperX(), e.upperY(), "upper");
        checkOnCurve(x, y, e.lowerX(), e.lowerY(), "lower");
        for (int i = 1; i < n - 1; i++) {
            int[] run = run(y, i);
            double here = y[i];
            boolean beyondEnds = run[0] > 0 && run[1] < n - 1;
            if (beyondEnds && here > y[run[0] - 1] && here > y[run[1] + 1]) {
                int at = i;
                assertTrue(Arrays.binarySearch(e.upperX(), x[i]) >= 0 || inRunOnLine(x, run, e.upperX()),
                        () -> "local maximum at index " + at + " is on the upper line");
            }
            if (beyondEnds && here < y[run[0] - 1] && here < y[run[1] + 1]) {
                int at = i;
                assertTrue(Arrays.binarySearch(e.lowerX(), x[i]) >= 0 || inRunOnLine(x, run, e.lowerX()),
                        () -> "local minimum at index " + at + " is on the lower line");
            }
        }
        // the upper line at or above the curve where the lower is defined, and the lower at or below it where the
        // upper is defined
        for (int k = 0; k < e.lowerX().length; k++) {
            double up = Envelope.valueAt(e.upperX(), e.upperY(), e.lowerX()[k]);
            double v = e.lowerY()[k];
            double tol = 1e-9 * Math.max(1, Math.abs(v));
            int at = k;
            assertTrue(up >= v - tol, () -> "upper line " + up + " below trough " + v + " at vertex " + at);
        }
        for (int k = 0; k < e.upperX().length; k++) {
            double low = Envelope.valueAt(e.lowerX(), e.lowerY(), e.upperX()[k]);
            double v = e.upperY()[k];
            double tol = 1e-9 * Math.max(1, Math.abs(v));
            int at = k;
            assertTrue(low <= v + tol, () -> "lower line " + low + " above peak " + v + " at vertex " + at);
        }
        // between two vertices of a line the curve stays within their range on that side
        checkBetween(x, y, e.upperX(), e.upperY(), true);
        checkBetween(x, y, e.lowerX(), e.lowerY(), false);
    }

    /** @return the first and last index of the run of values equal to {@code y[i]} around {@code i} */
    private static int[] run(double[] y, int i) {
        int lo = i;
        int hi = i;
        while (lo > 0 && y[lo - 1] == y[i]) {
            lo--;
        }
        while (hi < y.length - 1 && y[hi + 1] == y[i]) {
            hi++;
        }
        return new int[] {lo, hi};
    }

    private static boolean inRunOnLine(double[] x, int[] run, double[] lineX) {
        return Arrays.binarySearch(lineX, x[run[0]]) >= 0 && Arrays.binarySearch(lineX, x[run[1]]) >= 0;
    }

    private static void checkOnCurve(double[] x, double[] y, double[] lx, double[] ly, String which) {
        for (int k = 0; k < lx.length; k++) {
            int i = Arrays.binarySearch(x, lx[k]);
            int at = k;
            assertTrue(i >= 0 && y[i] == ly[k], () -> which + " vertex " + at + " is a point of the curve");
            if (k > 0) {
                assertTrue(lx[k] > lx[k - 1], () -> which + " line increases at vertex " + at);
            }
        }
    }

    private static void checkBetween(double[] x, double[] y, double[] lx, double[] ly, boolean upper) {
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            while (k < lx.length - 1 && lx[k + 1] < x[i]) {
                k++;
            }
            double bound = k < lx.length - 1
                    ? (upper ? Math.max(ly[k], ly[k + 1]) : Math.min(ly[k], ly[k + 1]))
                    : ly[k];
            int at = i;
            if (upper) {
                assertTrue(y[i] <= bound, () -> "curve above both neighbouring peaks at index " + at);
            } else {
                assertTrue(y[i] >= bound, () -> "curve below both neighbouring troughs at index " + at);
            }
        }
    }
}
