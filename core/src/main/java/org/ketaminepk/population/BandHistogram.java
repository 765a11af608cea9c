package org.ketaminepk.population;

import java.util.Arrays;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Chunks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Percentiles of many concentration paths on one display grid in bounded memory: for every display point a count
 * of patients per logarithmic concentration bin, bins {@value #RATIO} wide in ratio from {@value #FLOOR_NG_PER_ML}
 * to {@value #CEILING_NG_PER_ML} ng/mL, plus one bin for everything below the floor. Memory is points × bins × 4
 * bytes per analyte (about 17 MB for 2,000 points), whatever the number of patients; a path of 10,000 patients × 2,000
 * points stored as floats would take 80 MB per analyte.
 *
 * <p><b>Accuracy.</b> The counts locate the bin of every order statistic exactly, so the estimate of an order
 * statistic x lies in the same bin as x: |estimate − x| &lt; (ratio − 1)·x = 1 % of x for x at or above the floor,
 * and |estimate − x| &lt; floor below it (where the estimate is 0). Percentiles interpolate two order statistics
 * (definition 7), so each percentile q is within 1 %·q + {@value #FLOOR_NG_PER_ML} ng/mL of the exact percentile of
 * the same paths. Within a bin the estimate places the patients evenly on the log scale.
 *
 * <p><b>The extremes are kept exactly.</b> For every display point the smallest and the largest concentration are kept
 * too (values below 0, which only observed-like draws give, count as 0), and no estimate goes beyond them: the bin
 * holding the smallest value starts at that value, the bin holding the largest ends at it, and a patient alone at
 * either end is placed on it. So patients who do not differ at a point (an analyte without variability, a
 * concentration of 0 before any drug arrives) get percentiles equal to their common value there, not a spread of up
 * to 1 % that the bins' width would otherwise draw. The bound above still holds: the exact order statistic and its
 * estimate lie in the same bin, between the same extremes.
 *
 * <p>Counts are integers, so the result does not depend on the order in which patients arrive: any number of threads
 * gives the same bands bit for bit. Paths arrive through a {@link Stage} per task, which adds a block of patients
 * at a time; stages pass from task to task, so there are no more of them than tasks running at once, each of at most
 * {@value #STAGE_BYTES} bytes. Thread-safe: a stage's {@link Stage#flush} locks one block of display points at a time.
 */
final class BandHistogram {
    /** Lowest concentration resolved, ng/mL; anything below (0, or a negative observed-like draw) counts as 0. */
    static final double FLOOR_NG_PER_ML = 1e-3;
    /** Highest concentration accepted, ng/mL (1 g/L). */
    static final double CEILING_NG_PER_ML = 1e6;
    /** Ratio between the edges of one bin. */
    static final double RATIO = 1.01;
    private static final double LOG_RATIO = Math.log(RATIO);
    private static final double LOG_FLOOR = Math.log(FLOOR_NG_PER_ML);
    /** Bins above the floor. */
    static final int BINS = (int) Math.ceil(Math.log(CEILING_NG_PER_ML / FLOOR_NG_PER_ML) / LOG_RATIO);
    private static final int STRIDE = BINS + 1;
    private static final int BLOCK = 64;

    private final Analyte analyte;
    private final double[] timesH;
    private final int points;
    private final int[] counts;
    /** Smallest and largest concentration at each display point (0 for anything below 0), ng/mL. */
    private final double[] lowest;
    private final double[] highest;
    private final Object[] locks;
    private final Queue<Stage> released = new ConcurrentLinkedQueue<>();

    BandHistogram(Analyte analyte, double[] timesH) {
        this.analyte = analyte;
        this.timesH = timesH;
        this.points = timesH.length;
        // bin-major: a path's neighbouring times mostly share a bin, so their counts share cache lines
        this.counts = new int[timesH.length * STRIDE];
        this.lowest = new double[timesH.length];
        this.highest = new double[timesH.length];
        Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        Arrays.fill(highest, Double.NEGATIVE_INFINITY);
        this.locks = new Object[(timesH.length + BLOCK - 1) / BLOCK];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** @return bytes held by the counts of {@code points} display points */
    static long bytes(int points) {
        return 4L * points * STRIDE;
    }

    /**
     * A stage for one task: one that an earlier task released (its patients still staged) or a new one. Stages are
     * reused from task to task, so a run makes no more of them than it runs tasks at once.
     *
     * @return a stage of at most {@value #STAGE_BYTES} bytes; not thread-safe, so one per task until released
     */
    Stage stage() {
        Stage s = released.poll();
        return s != null ? s : new Stage(Math.max(1, Math.min(MOST_STAGED, STAGE_BYTES / (2 * Math.max(1, points)))));
    }

    /** Most patients staged before they are counted: four tasks' patients, so a count loaded is used more often. */
    static final int MOST_STAGED = 4 * Chunks.SIZE;
    /** Most bytes of one stage's bins: 256 patients at 2,000 display points (fewer patients at more points). */
    static final int STAGE_BYTES = 1 << 20;

    /**
     * One task's patients on their way into the counts. Counting a path alone touches one cache line of the counts
     * per display point; a stage keeps the bins of up to {@link #capacity()} patients (as {@code short}s) and then
     * adds them one block of display points at a time, so that the block's counts stay in cache while every staged
     * patient is added (and one patient's neighbouring points, mostly in one bin, go to neighbouring counts).
     * Patients reach the counts when the stage is full, at {@link #flush()}, and, for a stage {@link #release()}d,
     * before the counts are read; a patient whose path fails is not staged. Not thread-safe: one task at a time.
     */
    final class Stage {
        private final int capacity;
        /** bins[k][t]: the bin of staged patient k at display point t (a row per patient: no array over 512 kB). */
        private final short[][] bins;
        /** The smallest and largest value of the staged patients at each display point. */
        private final double[] low;
        private final double[] high;
        /** The points whose extreme the path being staged changed (~point for the largest), and the values replaced. */
        private final int[] changedAt;
        private final double[] replaced;
        private int staged;

        private Stage(int capacity) {
            this.capacity = capacity;
            this.bins = new short[capacity][points];
            this.low = new double[points];
            this.high = new double[points];
            this.changedAt = new int[2 * points];
            this.replaced = new double[2 * points];
            Arrays.fill(low, Double.POSITIVE_INFINITY);
            Arrays.fill(high, Double.NEGATIVE_INFINITY);
        }

        /** @return the most patients staged before they are added to the counts */
        int capacity() {
            return capacity;
        }

        /**
         * Stages one patient's path, first adding the staged patients to the counts if the stage is full.
         *
         * @param ngPerMl the concentration at each display point
         * @throws InvalidInputException if a concentration is not finite or exceeds the ceiling (nothing of the path
         *         is then counted)
         */
        void add(double[] ngPerMl) {
            if (staged == capacity) {
                flush();
            }
            short[] row = bins[staged];
            // a new extreme is rare once a few patients are staged: each is logged (the point, or its complement for
            // the largest value, and the value it replaced), so that a path that fails part way is taken back out
            int changes = 0;
            int t = 0;
            try {
                for (; t < points; t++) {
                    double c = ngPerMl[t];
                    if (c >= FLOOR_NG_PER_ML && c < CEILING_NG_PER_ML) {
                        row[t] = (short) tableBin(c);
                    } else {
                        row[t] = (short) bin(c, t);
                        c = Math.max(0.0, c);
                    }
                    if (c < low[t]) {
                        changedAt[changes] = t;
                        replaced[changes++] = low[t];
                        low[t] = c;
                    }
                    if (c > high[t]) {
                        changedAt[changes] = ~t;
                        replaced[changes++] = high[t];
                        high[t] = c;
                    }
                }
            } catch (InvalidInputException e) {
                for (int k = changes - 1; k >= 0; k--) {
                    int at = changedAt[k];
                    if (at >= 0) {
                        low[at] = replaced[k];
                    } else {
                        high[~at] = replaced[k];
                    }
                }
                throw e;
            }
            staged++;
        }

        /** Adds the staged patients to the counts and empties the stage, locking one block of points at a time. */
        void flush() {
            for (int block = 0; block < locks.length; block++) {
                int from = block * BLOCK;
                int to = Math.min(points, from + BLOCK);
                synchronized (locks[block]) {
                    for (int k = 0; k < staged; k++) {
                        short[] row = bins[k];
                        for (int t = from; t < to; t++) {
                            counts[row[t] * points + t]++;
                        }
                    }
                    for (int t = from; t < to; t++) {
                        lowest[t] = Math.min(lowest[t], low[t]);
                        highest[t] = Math.max(highest[t], high[t]);
                    }
                }
            }
            Arrays.fill(low, Double.POSITIVE_INFINITY);
            Arrays.fill(high, Double.NEGATIVE_INFINITY);
            staged = 0;
        }

        /**
         * Hands the stage back, its patients still staged, for a later task to fill further; its patients are counted
         * before the counts are read. The caller no longer uses it.
         */
        void release() {
            released.add(this);
        }
    }

    /** Counts the patients of every released stage (before the counts are read, once the tasks are done). */
    private void countReleased() {
        for (Stage s = released.poll(); s != null; s = released.poll()) {
            s.flush();
        }
    }

    /**
     * {@code LOWEST[b]}: the smallest concentration that {@link #bin} puts in bin b or above, for b = 1..BINS (index
     * BINS + 1 holds +∞). Found once by bisecting on the doubles with the formula itself, so that a comparison with
     * them gives the formula's bin exactly (the formula is monotone: {@code Math.log} is semi-monotonic).
     */
    private static final double[] LOWEST = lowestOfEachBin();

    private static double[] lowestOfEachBin() {
        double[] lowest = new double[BINS + 2];
        lowest[1] = FLOOR_NG_PER_ML;
        lowest[BINS + 1] = Double.POSITIVE_INFINITY;
        for (int b = 2; b <= BINS; b++) {
            // formulaBin(lo) < b <= formulaBin(hi); bisect on the bit patterns (ordered like positive doubles)
            long lo = Double.doubleToLongBits(FLOOR_NG_PER_ML * Math.pow(RATIO, b - 1) * (1 - 1e-9));
            long hi = Double.doubleToLongBits(FLOOR_NG_PER_ML * Math.pow(RATIO, b - 1) * (1 + 1e-9));
            if (formulaBin(Double.longBitsToDouble(lo)) >= b || formulaBin(Double.longBitsToDouble(hi)) < b) {
                throw new IllegalStateException("bin edge " + b + " is not bracketed");
            }
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                if (formulaBin(Double.longBitsToDouble(mid)) >= b) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            lowest[b] = Double.longBitsToDouble(hi);
        }
        return lowest;
    }

    /** Shift that leaves a positive double's exponent and top 7 mantissa bits: its slice, at most 1 + 2⁻⁷ wide. */
    private static final int SLICE_SHIFT = 52 - 7;
    /** The slice of the floor, the first in {@link #SLICE_BIN}. */
    private static final long FIRST_SLICE = Double.doubleToRawLongBits(FLOOR_NG_PER_ML) >>> SLICE_SHIFT;
    /**
     * {@code SLICE_BIN[s]}: the bin of the smallest double of slice {@code FIRST_SLICE + s} (0 below the floor), from
     * the floor's slice to the ceiling's (3,840 slices, 7.5 kB). A slice is narrower in ratio than a bin, so it holds
     * at most one bin edge and a value's bin is its slice's bin or the next: one comparison with {@link #LOWEST} tells.
     */
    private static final short[] SLICE_BIN = binOfEachSlice();

    private static short[] binOfEachSlice() {
        long last = Double.doubleToRawLongBits(Math.nextDown(CEILING_NG_PER_ML)) >>> SLICE_SHIFT;
        short[] bins = new short[(int) (last - FIRST_SLICE + 1)];
        int b = 0;
        for (int s = 0; s < bins.length; s++) {
            double low = Double.longBitsToDouble((FIRST_SLICE + s) << SLICE_SHIFT);
            double high = Double.longBitsToDouble(((FIRST_SLICE + s + 1) << SLICE_SHIFT) - 1);
            while (b < BINS && LOWEST[b + 1] <= low) {
                b++;
            }
            if (b + 2 <= BINS && !(high < LOWEST[b + 2])) {
                throw new IllegalStateException("slice " + s + " holds two bin edges");
            }
            bins[s] = (short) b;
        }
        return bins;
    }

    /**
     * The formula's bin (bit for bit, edges included) without a logarithm: a table look-up and one comparison.
     *
     * @param c a concentration from the floor up to the ceiling (excluded), ng/mL
     * @return {@code formulaBin(c)}
     */
    static int tableBin(double c) {
        int b = SLICE_BIN[(int) ((Double.doubleToRawLongBits(c) >>> SLICE_SHIFT) - FIRST_SLICE)];
        return c >= LOWEST[b + 1] ? b + 1 : b;
    }

    /** The bin of a concentration from the floor up to the ceiling (excluded), by its logarithm. */
    static int formulaBin(double c) {
        int b = (int) ((Math.log(c) - LOG_FLOOR) / LOG_RATIO);
        return 1 + Math.min(b, BINS - 1);
    }

    private int bin(double c, int t) {
        if (!(c < CEILING_NG_PER_ML)) {
            throw new InvalidInputException("concentration", String.format(Locale.ROOT, "%s concentration at %s h "
                    + "must be below %s ng/mL for percentile bands but was %s ng/mL; check the dose", analyte.label(),
                    Checks.fmt(timesH[t]), Checks.fmt(CEILING_NG_PER_ML), Checks.fmt(c)));
        }
        if (!(c >= FLOOR_NG_PER_ML)) {
            return 0;
        }
        return formulaBin(c);
    }

    /**
     * The {@code k}-th (0-based) of the {@code count} patients in bin {@code b} (at least 1), spread evenly on the log
     * scale over the part of the bin between the point's extremes {@code min} and {@code max}.
     */
    static double withinBin(int b, long k, int count, double min, double max) {
        // an extreme in the bin is itself a patient's value: the first (last) patient lies on it, not half a
        // spacing in (the bins' edges as the bins are found, so that no logarithm is taken but of an extreme held)
        boolean lowHeld = min >= LOWEST[b];
        boolean highHeld = max < LOWEST[b + 1];
        if (lowHeld && k == 0) {
            return min;
        }
        if (highHeld && k == count - 1) {
            return max;
        }
        double lowEdge = LOG_FLOOR + (b - 1) * LOG_RATIO;
        double from = lowHeld ? Math.log(min) : lowEdge;
        double to = highHeld ? Math.log(max) : lowEdge + LOG_RATIO;
        double offset = lowHeld ? 0 : 0.5;
        double spacings = count - 1 + offset + (highHeld ? 0 : 0.5);
        double x = from + (k + offset) * (to - from) / spacings;
        // round-off of the logarithms must not carry an estimate past an extreme
        return Math.max(min, Math.min(max, Math.exp(x)));
    }

    /**
     * @param t a display point
     * @param bin a bin, 0 (below the floor) to {@value #BINS}
     * @return the number of patients counted in that bin at that point
     */
    int count(int t, int bin) {
        countReleased();
        return counts[bin * points + t];
    }

    /**
     * Counts the patients of the released stages first; call once the tasks adding patients are done.
     *
     * @param percentiles each 0–100
     * @param n number of patients added
     * @return [percentile][display point] estimates, ng/mL
     */
    double[][] percentiles(double[] percentiles, int n) {
        countReleased();
        double[][] out = new double[percentiles.length][timesH.length];
        long[] ranks = new long[2 * percentiles.length];
        double[] g = new double[percentiles.length];
        for (int i = 0; i < percentiles.length; i++) {
            double pos = (n - 1) * percentiles[i] / 100;
            long lo = (long) Math.floor(pos);
            ranks[2 * i] = lo;
            ranks[2 * i + 1] = Math.min(lo + 1, n - 1);
            g[i] = pos - lo;
        }
        double[][] stat = orderStatistics(ranks);
        for (int t = 0; t < timesH.length; t++) {
            for (int i = 0; i < percentiles.length; i++) {
                double lo = stat[2 * i][t];
                out[i][t] = lo + g[i] * (stat[2 * i + 1][t] - lo);
            }
        }
        return out;
    }

    /**
     * Estimates the order statistics of ranks (0-based, any order) at every display point, in one pass over the bins
     * in the order the counts are stored (a bin's counts of all points lie together), with each point's running
     * count. Within a bin the patients are spread evenly on the log scale, half a spacing in from a bin edge and on an
     * extreme that lies in the bin (see the class comment).
     *
     * @return [rank][display point] estimates, ng/mL
     */
    private double[][] orderStatistics(long[] ranks) {
        int r = ranks.length;
        long[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double[][] bySorted = new double[r][points];
        long[] cum = new long[points];
        int[] next = new int[points];
        int pending = points;
        for (int b = 0; b <= BINS && pending > 0; b++) {
            int row = b * points;
            for (int t = 0; t < points; t++) {
                int c = counts[row + t];
                if (c == 0 || next[t] == r) {
                    continue;
                }
                long before = cum[t];
                int k = next[t];
                while (k < r && sorted[k] < before + c) {
                    // below the floor, where the smallest value lies: that value (0 unless every patient is above 0);
                    // when every patient is below it, its last rank is the largest value, which is kept exactly too
                    bySorted[k][t] = b == 0 ? (highest[t] < FLOOR_NG_PER_ML && sorted[k] == before + c - 1
                            ? highest[t] : lowest[t]) : withinBin(b, sorted[k] - before, c, lowest[t], highest[t]);
                    k++;
                }
                next[t] = k;
                if (k == r) {
                    pending--;
                }
                cum[t] = before + c;
            }
        }
        // back in the callers' order of ranks (equal ranks share their estimates)
        double[][] out = new double[r][];
        for (int i = 0; i < r; i++) {
            out[i] = bySorted[Arrays.binarySearch(sorted, ranks[i])];
        }
        return out;
    }
}
