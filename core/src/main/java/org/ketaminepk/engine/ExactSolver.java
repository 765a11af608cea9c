package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The exact solver: between input changes the state advances by the matrix exponential of the rate matrix with a
 * piecewise-constant input ({@link MatrixExponential}). Operators are computed once per distinct step length and
 * reused.
 *
 * <p>When the rate matrix has a well-conditioned eigen-decomposition {@code K = V diag(λ) V⁻¹} (the usual case),
 * the state is carried in the eigenbasis, {@code y = V⁻¹ x}, where each step is diagonal:
 * {@code y ← e^{λh} y + h φ₁(λh) V⁻¹r}, and the exact integral of each mode over the step is
 * {@code h φ₁(λh) y + h² φ₂(λh) V⁻¹r}. Output points that follow each other a step of the same length apart,
 * with no input change between them, form a block: the modes after 1, 2, … steps come from per-step-length tables
 * of {@code e^{λjh}} and its integrals, and amounts ({@code x = V y}), AUCs and sinks are summed over the modes for
 * the whole block at once, only for what the observer reads. Otherwise (coincident eigenvalues, an ill-conditioned
 * eigenvector matrix) the dense operators Φ, Γ, Λ of the Padé route step the amounts point by point. Both are the
 * same exact solution; they differ only in round-off.
 *
 * <p>Stateless and thread-safe; each call allocates its own work arrays.
 */
public final class ExactSolver implements Solver {
    private static final ExactSolver INSTANCE = new ExactSolver();
    private static final int MAX_CACHED_STEPS = 4096;

    /** Receives the state at each output point while the solver runs, so callers need not store the path. */
    public interface Observer {
        /**
         * @param index output point index
         * @param timeH time, h
         * @param amounts µmol per compartment (a live array: copy what you keep)
         * @param sinks µmol per sink (live; only updated when sinks are tracked)
         * @param cumulativeAuc exact ∫C dt per observation, µmol·h/L (live)
         */
        void accept(int index, double timeH, double[] amounts, double[] sinks, double[] cumulativeAuc);

        /**
         * Whether this observer reads {@code amounts} only in the observed compartments (those named by
         * {@link CompartmentSystem#observations()}). If so, the solver may skip the other compartments, which then
         * hold NaN; the observed ones are exactly what they would otherwise be.
         *
         * @return false (every compartment is filled) unless overridden
         */
        default boolean observedCompartmentsOnly() {
            return false;
        }
    }

    /**
     * An {@link Observer} that can also take a run of consecutive output points at once, so that per-point
     * metrics can be computed in tight loops. The solver calls {@link #acceptBlock} for runs of points between
     * input changes and {@link #accept} for the others (points at an input change, and every point when the dense
     * scheme is used); together they deliver every output point exactly once, in order. A block carries the
     * observed amounts at every point but the cumulative AUC only at its last point, which spares the solver the
     * integral at every point; observers that need the AUC along the path implement {@link Observer} alone.
     */
    public interface BlockObserver extends Observer {
        /**
         * Points {@code firstIndex .. firstIndex + count − 1}. The arrays are the solver's, valid only during the
         * call; only the first {@code count} entries of each row are meaningful. Every value is exactly what
         * {@link #accept} would have received for the same point.
         *
         * @param firstIndex index of the first point
         * @param count number of points, at least 1
         * @param timesH time of each point, h
         * @param observedAmounts µmol in each observation's compartment ({@code [observation][point]}, observations
         *        in the order of {@link CompartmentSystem#observations()})
         * @param cumulativeAuc exact ∫C dt from time 0 to the block's last point, per observation, µmol·h/L
         */
        void acceptBlock(int firstIndex, int count, double[] timesH, double[][] observedAmounts,
                double[] cumulativeAuc);
    }

    private ExactSolver() {
    }

    /** @return the shared instance */
    public static ExactSolver instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public Solution solve(CompartmentSystem system, Schedule schedule, TimeGrid grid) {
        Recording rec = new Recording(grid.size(), system, schedule);
        run(system, schedule, grid, true, rec);
        return Solution.ofColumns(grid, rec.amounts, rec.sinks, rec.auc, rec.input);
    }

    /**
     * Keeps every output point, for {@link #solve}, in one column per compartment, sink and observation. The modal
     * scheme hands it whole blocks, whose buffers are already columns: each is one array copy.
     */
    private static final class Recording implements Observer {
        final double[][] amounts;
        final double[][] sinks;
        final double[][] auc;
        final double[] input;
        final InputTally tally;

        Recording(int points, CompartmentSystem system, Schedule schedule) {
            amounts = new double[system.size()][points];
            sinks = new double[system.sinks().size()][points];
            auc = new double[system.observations().size()][points];
            input = new double[points];
            tally = new InputTally(schedule);
        }

        @Override
        public void accept(int index, double timeH, double[] x, double[] s, double[] a) {
            for (int c = 0; c < amounts.length; c++) {
                amounts[c][index] = x[c];
            }
            for (int q = 0; q < sinks.length; q++) {
                sinks[q][index] = s[q];
            }
            for (int o = 0; o < auc.length; o++) {
                auc[o][index] = a[o];
            }
            input[index] = tally.upTo(timeH);
        }

        /** Points first..first+count−1 from block buffers ({@code [row][point]}). */
        void block(int first, int count, double[] times, int[] rows, double[][] rowBuf, double[][] sinkBuf,
                double[][] aucBuf) {
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(rowBuf[k], 0, amounts[rows[k]], first, count);
            }
            for (int q = 0; q < sinkBuf.length; q++) {
                System.arraycopy(sinkBuf[q], 0, sinks[q], first, count);
            }
            for (int o = 0; o < aucBuf.length; o++) {
                System.arraycopy(aucBuf[o], 0, auc[o], first, count);
            }
            for (int j = 0; j < count; j++) {
                input[first + j] = tally.upTo(times[j]);
            }
        }
    }

    /**
     * Runs the solver and hands each output point to {@code observer}.
     *
     * @param trackSinks whether to integrate the sinks (needed for mass balance, not for concentrations)
     */
    public void run(CompartmentSystem system, Schedule schedule, TimeGrid grid, boolean trackSinks,
            Observer observer) {
        schedule.checkFits(system);
        Reduction sys = Reduction.of(system, schedule);
        MatrixExponential.Spectral spectral = MatrixExponential.analyse(sys.k);
        Run run = spectral.usesEigen()
                ? new ModalRun(sys, schedule, spectral, trackSinks, observer.observedCompartmentsOnly(),
                        !(observer instanceof BlockObserver))
                : new DenseRun(sys, schedule, spectral, trackSinks);
        run.execute(grid, observer);
    }

    /**
     * The compartments one run has to carry: those the schedule's inputs can reach through the flows, plus the
     * observed ones and whatever they feed. Every other compartment starts empty and receives nothing, so it stays
     * exactly zero and adds nothing anywhere; leaving it out changes no value. It matters because the library's
     * models carry a depot for every route: the unused depots of an intravenous regimen would otherwise enlarge the
     * system and can give it coincident eigenvalues, forcing the slower dense scheme on all of it.
     */
    static final class Reduction {
        /** Compartments in the full system. */
        final int fullSize;
        /** Full index of each kept compartment, ascending. */
        final int[] full;
        /** Kept index of each full compartment, or −1. */
        final int[] local;
        /** Rate matrix of the kept compartments, 1/h. */
        final double[][] k;
        /** Sink inflow from the kept compartments, [sink][kept], 1/h. */
        final double[][] e;
        /** Sinks. */
        final int m;
        /** Kept index of each observed compartment, in observation order. */
        final int[] obsCmt;
        /** 1 / volume of each observation, 1/L. */
        final double[] obsInvV;

        private Reduction(CompartmentSystem system, boolean[] keep) {
            double[][] fk = system.k();
            double[][] fe = system.e();
            fullSize = fk.length;
            full = IntStream.range(0, fullSize).filter(c -> keep[c]).toArray();
            local = new int[fullSize];
            Arrays.fill(local, -1);
            for (int i = 0; i < full.length; i++) {
                local[full[i]] = i;
            }
            k = new double[full.length][full.length];
            for (int i = 0; i < full.length; i++) {
                for (int j = 0; j < full.length; j++) {
                    k[i][j] = fk[full[i]][full[j]];
                }
            }
            m = fe.length;
            e = new double[m][full.length];
            for (int q = 0; q < m; q++) {
                for (int j = 0; j < full.length; j++) {
                    e[q][j] = fe[q][full[j]];
                }
            }
            obsCmt = new int[system.observations().size()];
            obsInvV = new double[obsCmt.length];
            int o = 0;
            for (CompartmentSystem.Observation ob : system.observations().values()) {
                obsCmt[o] = local[ob.compartment()];
                obsInvV[o] = 1.0 / ob.volumeL();
                o++;
            }
        }

        static Reduction of(CompartmentSystem system, Schedule schedule) {
            double[][] fk = system.k();
            int n = fk.length;
            boolean[] keep = new boolean[n];
            int[] stack = new int[n];
            int top = 0;
            for (CompartmentSystem.Observation ob : system.observations().values()) {
                top = push(keep, stack, top, ob.compartment());
            }
            for (Schedule.Bolus b : schedule.boluses()) {
                if (!b.toSink()) {
                    top = push(keep, stack, top, b.target());
                }
            }
            for (Schedule.RateInput r : schedule.rates()) {
                if (!r.toSink()) {
                    top = push(keep, stack, top, r.target());
                }
            }
            while (top > 0) {
                int from = stack[--top];
                for (int to = 0; to < n; to++) {
                    if (to != from && fk[to][from] != 0) {
                        top = push(keep, stack, top, to);
                    }
                }
            }
            return new Reduction(system, keep);
        }

        private static int push(boolean[] keep, int[] stack, int top, int c) {
            if (keep[c]) {
                return top;
            }
            keep[c] = true;
            stack[top] = c;
            return top + 1;
        }

        /** @return whether every compartment is kept */
        boolean identity() {
            return full.length == fullSize;
        }
    }

    /** One solve: the event loop shared by both stepping schemes. */
    private abstract static class Run {
        final int n;
        final int m;
        final int[] obsCmt;
        final double[] obsInvV;
        final List<Schedule.Bolus> boluses;
        final List<Schedule.RateInput> rates;
        final double[] events;
        final boolean trackSinks;
        final Reduction reduction;
        /** The amounts of all compartments as the observer sees them (null when every compartment is carried). */
        final double[] fullX;

        /** The amounts of the carried compartments. */
        double[] x;
        final double[] s;
        final double[] auc;
        final double[] r;
        final double[] rs;
        boolean inputActive;
        /** Incremented whenever the input changes, so products with it can be cached. */
        int inputVersion;

        Run(Reduction sys, Schedule schedule, boolean trackSinks) {
            this.reduction = sys;
            this.n = sys.full.length;
            this.m = sys.m;
            this.obsCmt = sys.obsCmt;
            this.obsInvV = sys.obsInvV;
            this.fullX = sys.identity() ? null : new double[sys.fullSize];
            this.boluses = schedule.boluses();
            this.rates = schedule.rates();
            this.events = schedule.eventTimesInternal();
            this.trackSinks = trackSinks;
            this.x = new double[n];
            this.s = new double[m];
            this.auc = new double[obsCmt.length];
            this.r = new double[n];
            this.rs = new double[m];
        }

        void execute(TimeGrid grid, Observer observer) {
            int gi = 0;
            int ei = 0;
            int bi = 0;
            double t = 0;
            int gn = grid.size();
            while (gi < gn) {
                double nextEvent = ei < events.length ? events[ei] : Double.POSITIVE_INFINITY;
                double nextGrid = grid.time(gi);
                if (nextEvent <= nextGrid) {
                    if (nextEvent > t && n > 0) {
                        advance(nextEvent - t);
                    }
                    t = nextEvent;
                    while (bi < boluses.size() && boluses.get(bi).timeH() <= t) {
                        Schedule.Bolus b = boluses.get(bi++);
                        if (b.toSink()) {
                            s[b.target()] += b.amountUmol();
                        } else {
                            addBolus(reduction.local[b.target()], b.amountUmol());
                        }
                    }
                    setRates(t);
                    ei++;
                    // an output at an event time includes the inputs given at that time
                    if (nextGrid == t) {
                        fillAmounts();
                        observer.accept(gi, t, full(x), s, auc);
                        gi++;
                    }
                } else {
                    int done = observeRun(grid, gi, t, nextEvent, observer);
                    gi += done;
                    t = grid.time(gi - 1);
                }
            }
        }

        /**
         * Advances from {@code t} through output point {@code gi} (which lies before {@code nextEvent}) and
         * possibly through further output points that also lie before it, handing each to the observer.
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
         * @return {@code carried} spread over all compartments, those not carried being 0 (they are exactly that);
         *         {@code carried} itself when all are carried
         */
        double[] full(double[] carried) {
            if (fullX == null) {
                return carried;
            }
            int[] idx = reduction.full;
            for (int i = 0; i < idx.length; i++) {
                fullX[idx[i]] = carried[i];
            }
            return fullX;
        }

        private void setRates(double t) {
            Arrays.fill(r, 0);
            Arrays.fill(rs, 0);
            boolean any = false;
            for (Schedule.RateInput ri : rates) {
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

        /** Adds an instantaneous input of {@code umol} to compartment {@code c}. */
        abstract void addBolus(int c, double umol);

        /** Advances the state, the AUCs and (if tracked) the sinks by {@code h > 0} hours, without output. */
        abstract void advance(double h);

        /** Brings {@link #x} up to date before it is handed to the observer. */
        abstract void fillAmounts();
    }

    /** Steps of (nearly) equal length share operators: the cache key rounds h to 1e-12 h. */
    static long stepKey(double h) {
        return Math.round(h * 1e12);
    }

    /**
     * Per-step-length data of the modal scheme: for each mode i and each number of steps j + 1 up to the block
     * length, the tables {@code P[i][j] = e^{λ(j+1)h}}, {@code G[i][j] = ∫₀^{(j+1)h} e^{λs} ds} and
     * {@code L[i][j] = ∫₀^{(j+1)h} ((j+1)h − s) e^{λs} ds}, built by exact one-step recurrences and extended on
     * demand. With them the modes after j + 1 steps are {@code P y₀ + G ρ} and their integrals {@code G y₀ + L ρ}:
     * each output point of a block is a short sum over the modes, computed for the whole block at once. (Index j
     * holds j + 1 steps so that tables and output buffers share indices, which lets the JIT vectorise the loops.)
     */
    private static final class ModalStep {
        final double[] decay;
        final double[] gain;
        final double[] ramp;
        final double[][] p;
        final double[][] g;
        final double[][] l;
        int filled;

        ModalStep(double[] lambda, double h) {
            int n = lambda.length;
            decay = new double[n];
            gain = new double[n];
            ramp = new double[n];
            p = new double[n][];
            g = new double[n][];
            l = new double[n][];
            for (int i = 0; i < n; i++) {
                double z = lambda[i] * h;
                decay[i] = Math.exp(z);
                gain[i] = MatrixExponential.phi1(z) * h;
                ramp[i] = MatrixExponential.phi2(z) * h * h;
                p[i] = new double[] {decay[i]};
                g[i] = new double[] {gain[i]};
                l[i] = new double[] {ramp[i]};
            }
            filled = 1;
        }

        /** Makes the tables hold 1..steps steps. */
        void ensure(int steps) {
            if (steps <= filled) {
                return;
            }
            for (int i = 0; i < decay.length; i++) {
                if (p[i].length < steps) {
                    // a step length used for more than one step is usually used for whole blocks
                    int cap = Math.max(steps, BLOCK);
                    p[i] = Arrays.copyOf(p[i], cap);
                    g[i] = Arrays.copyOf(g[i], cap);
                    l[i] = Arrays.copyOf(l[i], cap);
                }
                double[] pi = p[i];
                double[] gi = g[i];
                double[] li = l[i];
                double d = decay[i];
                double gn = gain[i];
                double rm = ramp[i];
                for (int j = filled; j < steps; j++) {
                    // one more exact step: x ← e^{λh} x + g·(input), ∫ grows by g·x + l·(input)
                    pi[j] = pi[j - 1] * d;
                    gi[j] = gi[j - 1] * d + gn;
                    li[j] = li[j - 1] + gn * gi[j - 1] + rm;
                }
            }
            filled = steps;
        }
    }

    /** Most output points handled as one block by the modal scheme (tables and buffers stay in the L1 cache). */
    static final int BLOCK = 128;

    /**
     * Carries the modes {@code y = V⁻¹ x}; used whenever the eigen-decomposition is trustworthy. Between events,
     * consecutive output points a step of the same length apart form a block whose values are computed together.
     * Buffers hold the points of a block at indices {@code 0..count−1} (after 1..count steps).
     */
    private static final class ModalRun extends Run {
        final double[] lambda;
        /** V, row-major. */
        final double[] v;
        /** V⁻¹, row-major. */
        final double[] vinv;
        /** E·V, row-major m×n: sink inflow per unit of each mode. */
        final double[] ev;
        /** The compartments whose amounts are reported at each output point (carried indices). */
        final int[] rowsOut;
        /** {@link #rowsOut} as indices of the full system. */
        final int[] fullRowsOut;
        final double[] y;
        final double[] rho;
        int rhoVersion = -1;
        /** Amounts along a block, per reported row. */
        final double[][] rowBuf;
        /** ∫x from the block start along a block, for the observed rows (null for the others). */
        final double[][] rowIntegral;
        /** Amounts along a block per observation (views of {@link #rowBuf}). */
        final double[][] obsAmounts;
        /** ∫x along a block per observation (views of {@link #rowIntegral}). */
        final double[][] obsIntegral;
        final double[][] aucBuf;
        final double[][] sinkBuf;
        final double[] timeBuf;
        double blockStartH;
        final boolean observedOnly;
        /** Per-point arrays handed to observers that take one point at a time (made when first needed). */
        double[][] pointAmounts;
        double[][] pointAuc;
        double[][] pointSinks;
        final Map<Long, ModalStep> cache = new HashMap<>();
        long lastKey = Long.MIN_VALUE;
        ModalStep last;

        /**
         * @param observedOnly whether only the observed compartments are reported
         * @param pointAuc whether the AUC is reported at every point (not only at the end of blocks)
         */
        ModalRun(Reduction sys, Schedule schedule, MatrixExponential.Spectral spectral, boolean trackSinks,
                boolean observedOnly, boolean pointAuc) {
            super(sys, schedule, trackSinks);
            this.lambda = spectral.lambda;
            this.v = flatten(spectral.v, n);
            this.vinv = flatten(spectral.vinv, n);
            double[][] e = sys.e;
            this.ev = new double[m * n];
            for (int q = 0; q < m; q++) {
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int j = 0; j < n; j++) {
                        acc += e[q][j] * v[j * n + i];
                    }
                    ev[q * n + i] = acc;
                }
            }
            this.rowsOut = observedOnly ? Arrays.stream(obsCmt).distinct().sorted().toArray()
                    : IntStream.range(0, n).toArray();
            this.fullRowsOut = Arrays.stream(rowsOut).map(c -> sys.full[c]).toArray();
            this.y = new double[n];
            this.rho = new double[n];
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
            this.observedOnly = observedOnly;
            if (observedOnly) {
                // what is not computed must not look like a number
                Arrays.fill(x, Double.NaN);
            }
        }

        @Override
        void addBolus(int c, double umol) {
            for (int i = 0; i < n; i++) {
                y[i] += vinv[i * n + c] * umol;
            }
        }

        private ModalStep step(double h) {
            long key = stepKey(h);
            if (key == lastKey) {
                return last;
            }
            ModalStep p = cache.get(key);
            if (p == null) {
                if (cache.size() >= MAX_CACHED_STEPS) {
                    cache.clear();
                }
                p = new ModalStep(lambda, h);
                cache.put(key, p);
            }
            lastKey = key;
            last = p;
            return p;
        }

        /** ρ = V⁻¹ r for the input in force, or null when there is none. */
        private double[] modalInput() {
            if (!inputActive) {
                return null;
            }
            if (rhoVersion != inputVersion) {
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int j = 0; j < n; j++) {
                        acc += vinv[i * n + j] * r[j];
                    }
                    rho[i] = acc;
                }
                rhoVersion = inputVersion;
            }
            return rho;
        }

        @Override
        void advance(double h) {
            propagate(step(h), 1, false, false, h);
        }

        @Override
        int observeRun(TimeGrid grid, int gi, double t, double nextEvent, Observer observer) {
            double first = grid.time(gi);
            double h = first - t;
            // a block runs while the output points stay before the next event and a step of the same key apart:
            // Math.round(d·1e12) == key exactly when key − 0.5 <= d·1e12 < key + 0.5
            long key = stepKey(h);
            double keyLow = key - 0.5;
            double keyHigh = key + 0.5;
            int limit = Math.min(BLOCK, grid.size() - gi);
            double[] times = timeBuf;
            blockStartH = t;
            times[0] = first;
            int count = 1;
            double prev = first;
            while (count < limit) {
                double next = grid.time(gi + count);
                double scaled = (next - prev) * 1e12;
                if (!(next < nextEvent && scaled >= keyLow && scaled < keyHigh)) {
                    break;
                }
                times[count++] = next;
                prev = next;
            }
            if (observer instanceof BlockObserver blocks) {
                propagate(step(h), count, true, false, 0);
                blocks.acceptBlock(gi, count, times, obsAmounts, auc);
                return count;
            }
            propagate(step(h), count, true, true, 0);
            if (observer instanceof Recording rec && rowsOut.length == n && sinkBuf.length == m) {
                rec.block(gi, count, times, fullRowsOut, rowBuf, sinkBuf, aucBuf);
                return count;
            }
            // one array per output point, filled along the block (long loops), handed over without copying
            if (pointAmounts == null) {
                pointAmounts = new double[BLOCK][reduction.fullSize];
                pointAuc = new double[BLOCK][obsCmt.length];
                pointSinks = new double[trackSinks ? BLOCK : 0][m];
                if (observedOnly) {
                    for (double[] a : pointAmounts) {
                        Arrays.fill(a, Double.NaN);
                    }
                }
            }
            for (int k = 0; k < rowsOut.length; k++) {
                double[] buf = rowBuf[k];
                int fc = fullRowsOut[k];
                for (int j = 0; j < count; j++) {
                    pointAmounts[j][fc] = buf[j];
                }
            }
            for (int o = 0; o < obsCmt.length; o++) {
                double[] buf = aucBuf[o];
                for (int j = 0; j < count; j++) {
                    pointAuc[j][o] = buf[j];
                }
            }
            for (int q = 0; q < sinkBuf.length; q++) {
                double[] buf = sinkBuf[q];
                for (int j = 0; j < count; j++) {
                    pointSinks[j][q] = buf[j];
                }
            }
            for (int j = 0; j < count; j++) {
                observer.accept(gi + j, times[j], pointAmounts[j], trackSinks ? pointSinks[j] : s, pointAuc[j]);
            }
            return count;
        }

        /**
         * Advances {@code steps} steps of the length of {@code st}. With {@code fill}, also fills the buffers with
         * the amounts and sinks after each step (times in {@code timeBuf}), and with {@code pointAuc} the AUC after
         * each step too; without {@code fill}, it advances one step of {@code spanH} hours.
         *
         * <p>The AUC at the end is the same, bit for bit, whether or not it was computed along the way: the
         * per-point sums add the modes in the same order as {@link #pointSum}, and a skipped mode adds +0.
         */
        private void propagate(ModalStep st, int steps, boolean fill, boolean pointAuc, double spanH) {
            st.ensure(steps);
            double[] in = modalInput();
            double[][] p = st.p;
            double[][] g = st.g;
            double[][] l = st.l;
            if (fill) {
                // amounts x_c = Σ_i V[c,i] (P y₀ + G ρ) and, where asked, ∫x_c = Σ_i V[c,i] (G y₀ + L ρ)
                for (int k = 0; k < rowsOut.length; k++) {
                    double[] xb = rowBuf[k];
                    Arrays.fill(xb, 0, steps, 0);
                    int row = rowsOut[k] * n;
                    double[] ib = rowIntegral[k];
                    if (pointAuc && ib != null) {
                        Arrays.fill(ib, 0, steps, 0);
                        amountsAndIntegrals(xb, ib, steps, p, g, l, row, in);
                    } else {
                        accumulate(xb, steps, p, g, row, v, in);
                    }
                }
            }
            if (fill && pointAuc) {
                for (int o = 0; o < obsCmt.length; o++) {
                    double[] ib = obsIntegral[o];
                    double[] buf = aucBuf[o];
                    double start = auc[o];
                    double inv = obsInvV[o];
                    for (int j = 0; j < steps; j++) {
                        buf[j] = start + ib[j] * inv;
                    }
                    auc[o] = buf[steps - 1];
                }
            } else {
                for (int o = 0; o < obsCmt.length; o++) {
                    auc[o] += pointSum(steps, g, l, obsCmt[o] * n, v, in) * obsInvV[o];
                }
            }
            if (trackSinks) {
                for (int q = 0; q < m; q++) {
                    int row = q * n;
                    if (fill) {
                        double[] buf = sinkBuf[q];
                        Arrays.fill(buf, 0, steps, 0);
                        accumulate(buf, steps, g, l, row, ev, in);
                        double start = s[q];
                        double rate = rs[q];
                        double t0 = blockStartH;
                        for (int j = 0; j < steps; j++) {
                            buf[j] = start + buf[j] + rate * (timeBuf[j] - t0);
                        }
                        s[q] = buf[steps - 1];
                    } else {
                        s[q] += pointSum(steps, g, l, row, ev, in) + rs[q] * spanH;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                double yi = p[i][steps - 1] * y[i];
                y[i] = in == null ? yi : yi + g[i][steps - 1] * in[i];
            }
        }

        /**
         * For one row c: {@code xb[j] += Σ_i V[c,i] (P[i][j] y₀[i] + G[i][j] ρ[i])} and
         * {@code ib[j] += Σ_i V[c,i] (G[i][j] y₀[i] + L[i][j] ρ[i])}, j = 0..steps−1, in one pass per mode.
         */
        private void amountsAndIntegrals(double[] xb, double[] ib, int steps, double[][] p, double[][] g,
                double[][] l, int row, double[] in) {
            for (int i = 0; i < n; i++) {
                double a = v[row + i] * y[i];
                double b = in == null ? 0 : v[row + i] * in[i];
                double[] pi = p[i];
                double[] gi = g[i];
                if (b == 0) {
                    if (a != 0) {
                        for (int j = 0; j < steps; j++) {
                            xb[j] += pi[j] * a;
                            ib[j] += gi[j] * a;
                        }
                    }
                } else {
                    double[] li = l[i];
                    for (int j = 0; j < steps; j++) {
                        double gj = gi[j];
                        xb[j] += pi[j] * a + gj * b;
                        ib[j] += gj * a + li[j] * b;
                    }
                }
            }
        }

        /**
         * {@code buf[j] += Σ_i w[row+i]·(a[i][j]·y₀[i] + b[i][j]·ρ[i])} for j = 0..steps−1, mode by mode so that
         * the inner loop runs over the block.
         */
        private void accumulate(double[] buf, int steps, double[][] a, double[][] b, int row, double[] w,
                double[] in) {
            for (int i = 0; i < n; i++) {
                double c = w[row + i] * y[i];
                double d = in == null ? 0 : w[row + i] * in[i];
                double[] ai = a[i];
                if (d == 0) {
                    if (c != 0) {
                        for (int j = 0; j < steps; j++) {
                            buf[j] += ai[j] * c;
                        }
                    }
                } else {
                    double[] bi = b[i];
                    for (int j = 0; j < steps; j++) {
                        buf[j] += ai[j] * c + bi[j] * d;
                    }
                }
            }
        }

        /** One point's worth of {@link #accumulate}: the sum after {@code steps} steps alone. */
        private double pointSum(int steps, double[][] a, double[][] b, int row, double[] w, double[] in) {
            double acc = 0;
            for (int i = 0; i < n; i++) {
                double c = w[row + i] * y[i];
                double d = in == null ? 0 : w[row + i] * in[i];
                acc += a[i][steps - 1] * c + b[i][steps - 1] * d;
            }
            return acc;
        }

        @Override
        void fillAmounts() {
            for (int c : rowsOut) {
                int row = c * n;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += v[row + i] * y[i];
                }
                x[c] = acc;
            }
        }
    }

    static double[] flatten(double[][] a, int n) {
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }

    /**
     * The dense operators for one step length, flattened row-major, with Γ·r and Λ·r kept for the input in force
     * when they were last needed (the input changes only at events).
     */
    private static final class DenseStep {
        final double[] phi;
        final double[] gamma;
        final double[] lambda;
        final double[] gammaR;
        final double[] lambdaR;
        int inputVersion = -1;

        DenseStep(Propagator p, int n) {
            phi = flatten(p.phi(), n);
            gamma = flatten(p.gamma(), n);
            lambda = flatten(p.lambda(), n);
            gammaR = new double[n];
            lambdaR = new double[n];
        }
    }

    /** Steps the amounts with the dense operators; used when the eigen route is unsuitable (Padé). */
    private static final class DenseRun extends Run {
        final MatrixExponential.Spectral spectral;
        final double[][] e;
        /** Compartments whose integral is needed: the observed ones, or all when sinks are tracked. */
        final int[] integralRows;
        final Map<Long, DenseStep> cache = new HashMap<>();
        long lastKey = Long.MIN_VALUE;
        DenseStep last;
        double[] next;
        final double[] integral;
        final double[] zero;

        DenseRun(Reduction sys, Schedule schedule, MatrixExponential.Spectral spectral, boolean trackSinks) {
            super(sys, schedule, trackSinks);
            this.spectral = spectral;
            this.e = sys.e;
            this.integralRows = trackSinks ? IntStream.range(0, n).toArray()
                    : Arrays.stream(obsCmt).distinct().sorted().toArray();
            this.next = new double[n];
            this.integral = new double[n];
            this.zero = new double[n];
        }

        @Override
        void addBolus(int c, double umol) {
            x[c] += umol;
        }

        @Override
        void fillAmounts() {
            // the amounts are the state itself
        }

        private DenseStep step(double h) {
            // steps of (nearly) equal length share operators; the key rounds h to 1e-12 h
            long key = Math.round(h * 1e12);
            if (key == lastKey) {
                return last;
            }
            DenseStep p = cache.get(key);
            if (p == null) {
                if (cache.size() >= MAX_CACHED_STEPS) {
                    cache.clear();
                }
                p = new DenseStep(spectral.propagator(h), n);
                cache.put(key, p);
            }
            lastKey = key;
            last = p;
            return p;
        }

        @Override
        void advance(double h) {
            DenseStep p = step(h);
            double[] gr = zero;
            double[] lr = zero;
            if (inputActive) {
                if (p.inputVersion != inputVersion) {
                    multiply(p.gamma, r, p.gammaR);
                    multiply(p.lambda, r, p.lambdaR);
                    p.inputVersion = inputVersion;
                }
                gr = p.gammaR;
                lr = p.lambdaR;
            }
            double[] xs = x;
            // ∫x over the step, only for the rows that are read: the same arithmetic whichever rows are needed,
            // so concentrations and AUCs do not depend on whether sinks are tracked
            double[] gam = p.gamma;
            for (int i : integralRows) {
                int row = i * n;
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += gam[row + j] * xs[j];
                }
                integral[i] = acc + lr[i];
            }
            double[] phi = p.phi;
            double[] out = next;
            for (int i = 0; i < n; i++) {
                int row = i * n;
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += phi[row + j] * xs[j];
                }
                out[i] = acc + gr[i];
            }
            next = xs;
            x = out;
            for (int o = 0; o < obsCmt.length; o++) {
                auc[o] += integral[obsCmt[o]] * obsInvV[o];
            }
            if (trackSinks) {
                for (int q = 0; q < m; q++) {
                    double acc = 0;
                    double[] eq = e[q];
                    for (int j = 0; j < n; j++) {
                        acc += eq[j] * integral[j];
                    }
                    s[q] += acc + rs[q] * h;
                }
            }
        }

        private void multiply(double[] a, double[] vec, double[] out) {
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += a[i * n + j] * vec[j];
                }
                out[i] = acc;
            }
        }
    }
}
