package org.ketaminepk.engine;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.ketaminepk.base.TimeGrid;

/**
 * The state of one exact solve and how it advances between input changes; {@link ExactSolver} drives it through
 * the events. Two schemes: {@link ModalScheme} (the eigenbasis, the usual case) and {@link DenseScheme} (dense
 * operators, for coincident eigenvalues). Both give the same exact solution; they differ only in round-off. One per
 * run; not thread-safe.
 */
abstract class SteppingScheme {
    /** Most output points handled as one block (tables and buffers stay in the L1 cache). */
    static final int BLOCK = 128;
    final int n;
    final int m;
    final int[] obsCmt;
    final double[] obsInvV;
    final boolean trackSinks;
    final ReachableSubsystem reduction;
    /** The amounts of all compartments as observers see them (null when every compartment is carried). */
    private final double[] fullX;
    /** The amounts of all compartments just before an input change. */
    private final double[] before;

    /** The amounts of the carried compartments. */
    double[] x;
    final double[] s;
    final double[] auc;
    final double[] r;
    final double[] rs;
    boolean inputActive;
    /** Incremented whenever the input changes, so products with it can be cached. */
    int inputVersion;
    /** The rate inputs before this one have all ended by the current change ({@link Schedule#firstNotEnded}). */
    private int ended;
    /** Per-point arrays handed to observers that take one point at a time (made when first needed). */
    private double[][] pointAmounts;
    private double[][] pointAuc;
    private double[][] pointSinks;

    /** Whether only the observed compartments are reported at the points of a block (the others then hold NaN). */
    final boolean observedOnly;
    /** The compartments whose amounts are reported at each output point of a block (carried indices). */
    final int[] rowsOut;
    /** {@link #rowsOut} as indices of the full system. */
    final int[] fullRowsOut;
    /** Amounts along a block, per reported row. */
    final double[][] rowBuf;
    /** ∫x from the block start along a block, for the observed rows (null for the others, and without point AUC). */
    final double[][] rowIntegral;
    /** Amounts along a block per observation (views of {@link #rowBuf}). */
    final double[][] obsAmounts;
    /** ∫x along a block per observation (views of {@link #rowIntegral}). */
    final double[][] obsIntegral;
    /** AUC along a block per observation (none without point AUC). */
    final double[][] aucBuf;
    /** Sinks along a block (none when sinks are not tracked). */
    final double[][] sinkBuf;
    final double[] timeBuf;

    /**
     * @param observedOnly whether only the observed compartments are reported at the points of a block
     * @param pointAuc whether the AUC is reported at every point of a block (not only at its end)
     */
    SteppingScheme(ReachableSubsystem sys, boolean trackSinks, boolean observedOnly, boolean pointAuc) {
        this.reduction = sys;
        this.n = sys.full.length;
        this.m = sys.m;
        this.obsCmt = sys.obsCmt;
        this.obsInvV = sys.obsInvV;
        this.fullX = sys.identity() ? null : new double[sys.fullSize];
        this.before = new double[sys.fullSize];
        this.trackSinks = trackSinks;
        this.x = new double[n];
        this.s = new double[m];
        this.auc = new double[obsCmt.length];
        this.r = new double[n];
        this.rs = new double[m];
        this.observedOnly = observedOnly;
        this.rowsOut = observedOnly ? Arrays.stream(obsCmt).distinct().sorted().toArray()
                : IntStream.range(0, n).toArray();
        this.fullRowsOut = Arrays.stream(rowsOut).map(c -> sys.full[c]).toArray();
        this.rowBuf = new double[rowsOut.length][BLOCK];
        this.rowIntegral = new double[rowsOut.length][];
        this.obsAmounts = new double[obsCmt.length][];
        this.obsIntegral = new double[obsCmt.length][];
        for (int o = 0; o < obsCmt.length; o++) {
            int k = Arrays.binarySearch(rowsOut, obsCmt[o]);
            if (pointAuc && rowIntegral[k] == null) {
                rowIntegral[k] = new double[BLOCK];
            }
            obsAmounts[o] = rowBuf[k];
            obsIntegral[o] = rowIntegral[k];
        }
        this.aucBuf = new double[pointAuc ? obsCmt.length : 0][BLOCK];
        this.sinkBuf = new double[trackSinks ? m : 0][BLOCK];
        this.timeBuf = new double[BLOCK];
    }

    /**
     * Advances from {@code t} through output point {@code gi} (which lies before {@code nextEvent}) and possibly
     * through further output points that also lie before it, handing each to the observer.
     *
     * @return how many output points were handed over (at least 1)
     */
    int observeRun(TimeGrid grid, int gi, double t, double nextEvent, Observer observer) {
        double tg = grid.time(gi);
        if (n > 0) {
            advance(tg - t);
        }
        fillAmounts();
        observer.accept(gi, tg, full(x), s, auc);
        return 1;
    }

    /**
     * The step from {@code t} to output point {@code gi}, h: the grid's own step when the difference is that step to
     * within the round-off of the point's time ({@link #sameAsGridStep}), else the difference.
     */
    static double stepTo(TimeGrid grid, int gi, double t) {
        double tg = grid.time(gi);
        double h = tg - t;
        double nominal = grid.stepH().orElse(Double.NaN);
        return sameAsGridStep(h, nominal, tg) ? nominal : h;
    }

    /**
     * Whether a step {@code d} ending at the time {@code end} of a uniform grid is the grid's step {@code nominal}
     * but for the round-off of the grid's times. Those are {@code i·step} rounded to the nearest double, within half
     * an ulp, so that the difference of two neighbours is within an ulp of the later one from the step. Past about
     * 1,000 h that exceeds the resolution of {@link StepCache#key} (2.3e-13 h at 1,024 h, 1.5e-11 h at ten years),
     * and steps that are one in exact arithmetic would break runs and ask for operators of their own at every point.
     * Taking each such step as exactly the grid's keeps the state at the exact grid times: the output stays within
     * an ulp of its time, and the error does not grow along the grid.
     */
    static boolean sameAsGridStep(double d, double nominal, double end) {
        return Math.abs(d - nominal) <= Math.ulp(end);
    }

    /**
     * The output points from {@code gi} on that form one run of equal steps: they lie before {@code nextEvent}, at
     * most {@code times.length} of them, each a step of the same cache key ({@link StepCache#key}) as {@code h} after
     * the one before, or, when {@code h} is the grid's own step ({@link #stepTo}), a step of the grid's.
     *
     * @param h the step from the current time to point {@code gi}, h, as {@link #stepTo} gives it
     * @param times receives the points' times
     * @return how many points (at least 1)
     */
    static int runLength(TimeGrid grid, int gi, double h, double nextEvent, double[] times) {
        // Math.round(d·1e12) == key exactly when key − 0.5 <= d·1e12 < key + 0.5
        long key = StepCache.key(h);
        double keyLow = key - 0.5;
        double keyHigh = key + 0.5;
        boolean gridStep = h == grid.stepH().orElse(Double.NaN);
        int limit = Math.min(times.length, grid.size() - gi);
        double prev = grid.time(gi);
        times[0] = prev;
        int count = 1;
        while (count < limit) {
            double next = grid.time(gi + count);
            double d = next - prev;
            double scaled = d * 1e12;
            boolean same = scaled >= keyLow && scaled < keyHigh || gridStep && sameAsGridStep(d, h, next);
            if (!(next < nextEvent && same)) {
                break;
            }
            times[count++] = next;
            prev = next;
        }
        return count;
    }

    /**
     * @return {@code carried} spread over all compartments, those not carried being 0 (they are exactly that);
     *         {@code carried} itself when all are carried
     */
    /**
     * Hands the {@code count} points of a filled block to an observer that takes one point at a time: one array per
     * output point, filled along the block (long loops) and handed over without copying. With {@code observedOnly}
     * the compartments that are not reported hold NaN.
     *
     * @param rows per reported compartment ({@code fullRows} its index among all compartments), its amount at each
     *        point
     * @param aucs per observation, its AUC at each point
     * @param sinks per sink, its amount at each point (none when sinks are not tracked)
     */
    final void handOver(int gi, int count, double[] times, int[] fullRows, double[][] rows, double[][] aucs,
            double[][] sinks, boolean observedOnly, Observer observer) {
        int block = times.length;
        if (pointAmounts == null) {
            pointAmounts = new double[block][reduction.fullSize];
            pointAuc = new double[block][obsCmt.length];
            pointSinks = new double[trackSinks ? block : 0][m];
            if (observedOnly) {
                for (double[] a : pointAmounts) {
                    Arrays.fill(a, Double.NaN);
                }
            }
        }
        for (int k = 0; k < rows.length; k++) {
            double[] buf = rows[k];
            int fc = fullRows[k];
            for (int j = 0; j < count; j++) {
                pointAmounts[j][fc] = buf[j];
            }
        }
        for (int o = 0; o < aucs.length; o++) {
            double[] buf = aucs[o];
            for (int j = 0; j < count; j++) {
                pointAuc[j][o] = buf[j];
            }
        }
        for (int q = 0; q < sinks.length; q++) {
            double[] buf = sinks[q];
            for (int j = 0; j < count; j++) {
                pointSinks[j][q] = buf[j];
            }
        }
        for (int j = 0; j < count; j++) {
            observer.accept(gi + j, times[j], pointAmounts[j], trackSinks ? pointSinks[j] : s, pointAuc[j]);
        }
    }

    /**
     * {@code xb[j] += p[j] a + g[j] b} and {@code ib[j] += g[j] a + l[j] b}, j = 0..steps−1: one column of a block's
     * amounts and integrals, from one coefficient of the state ({@code a}) and of the input ({@code b}). A column
     * with b = 0 does not read {@code l}, which may then be null.
     */
    static void addColumn(double[] xb, double[] ib, int steps, double[] p, double[] g, double[] l, double a,
            double b) {
        if (b == 0) {
            if (a != 0) {
                for (int j = 0; j < steps; j++) {
                    xb[j] += p[j] * a;
                    ib[j] += g[j] * a;
                }
            }
        } else {
            for (int j = 0; j < steps; j++) {
                double gj = g[j];
                xb[j] += p[j] * a + gj * b;
                ib[j] += gj * a + l[j] * b;
            }
        }
    }

    /**
     * {@code buf[j] += a[j] u + b[j] v}, j = 0..steps−1: one column of a block's sums, from one coefficient of the
     * state ({@code u}) and of the input ({@code v}). A column with v = 0 does not read {@code b}, which may then be
     * null.
     */
    static void addColumn(double[] buf, int steps, double[] a, double[] b, double u, double v) {
        if (v == 0) {
            if (u != 0) {
                for (int j = 0; j < steps; j++) {
                    buf[j] += a[j] * u;
                }
            }
        } else {
            for (int j = 0; j < steps; j++) {
                buf[j] += a[j] * u + b[j] * v;
            }
        }
    }

    final double[] full(double[] carried) {
        if (fullX == null) {
            return carried;
        }
        int[] idx = reduction.full;
        for (int i = 0; i < idx.length; i++) {
            fullX[idx[i]] = carried[i];
        }
        return fullX;
    }

    /** @return the current amounts of all compartments, in an array that the next call overwrites */
    final double[] snapshot() {
        fillAmounts();
        System.arraycopy(full(x), 0, before, 0, before.length);
        return before;
    }

    /** Sets the rate inputs in force from time {@code t} on. */
    final void setRates(List<Schedule.RateInput> rates, double t) {
        Arrays.fill(r, 0);
        Arrays.fill(rs, 0);
        boolean any = false;
        ended = Schedule.firstNotEnded(rates, ended, t);
        for (int k = ended; k < rates.size(); k++) {
            Schedule.RateInput ri = rates.get(k);
            if (ri.startH() > t) {
                break;
            }
            if (t < ri.endH()) {
                if (ri.toSink()) {
                    rs[ri.target()] += ri.rateUmolPerH();
                } else {
                    r[reduction.local[ri.target()]] += ri.rateUmolPerH();
                    any = true;
                }
            }
        }
        inputActive = any;
        inputVersion++;
    }

    /**
     * Adds an instantaneous input of {@code umol} to carried compartment {@code c}. Called right after
     * {@link #fillAmounts}, so that {@link #x} is current and stays current afterwards.
     */
    abstract void addBolus(int c, double umol);

    /** Advances the state, the AUCs and (if tracked) the sinks by {@code h > 0} hours, without output. */
    abstract void advance(double h);

    /** Brings {@link #x} up to date before it is handed to the observer. */
    abstract void fillAmounts();
}
