package org.ketaminepk.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Grids;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExponentialSegments;
import org.ketaminepk.engine.Schedule;

/**
 * Cmax, Tmax, AUC and time within bands found exactly, without a grid, from the sums of exponentials that the
 * solution is between input changes ({@link ExponentialSegments}). The cost per patient grows with the number of
 * input changes, not with the number of output points.
 * <pre>
 *   Optional&lt;Map&lt;Analyte, AnalyteMetrics&gt;&gt; m = ExactMetrics.compute(system, schedule, grid,
 *           List.of(Band.within(70, 160)));
 *   // empty when the system has coincident eigenvalues: then use StreamingMetrics on the grid
 * </pre>
 *
 * <p><b>How.</b> Within a segment the concentration is {@code C(τ) = Σ_i (a_i e^{λ_i τ} + b_i (e^{λ_i τ} − 1)/λ_i)}
 * and its derivative {@code C'(τ) = Σ_i d_i e^{λ_i τ}}, {@code d_i = λ_i a_i + b_i}: a sum of n exponentials, which
 * has at most as many real zeros as its coefficients, ordered by exponent, have sign changes (the rule of signs of
 * Descartes extended to exponential sums by Laguerre; Pólya and Szegő, <i>Problems and Theorems in Analysis II</i>,
 * Part V, problem 75), hence at most n − 1. The zeros of the derivative are isolated recursively: multiplying by
 * {@code e^{−λ_k τ}} and differentiating removes one term, whose zeros then split the segment into pieces on which
 * the sum is monotone and has at most one zero, bracketed by a sign change; no sign change in the coefficients means
 * no zero, one means a zero exactly when the ends differ in sign (the term removed is the end term whose removal
 * leaves fewer sign changes). Before that recursion, the rule of Budan and Fourier on the same chain, read at the
 * window's ends, often settles that C' has no zero or one ({@link #derivativeZeros}). Each bracketed zero is refined
 * by Halley steps safeguarded by bisection to {@value #TIME_TOLERANCE_H} h, starting where the same root was in the
 * last window of the same shape, if any (a repeated dose). The zeros of C' split the segment into monotone pieces:
 * Cmax is the largest value at their ends, Tmax the last time it is reached (to within round-off: {@link PeakTime}),
 * and each band edge is crossed at most
 * once per piece (found the same way). A single zero of C' where C' turns from negative to positive (a minimum, as
 * when a metabolite still falls for a few seconds after its parent's infusion starts) is not refined unless a band
 * edge might be crossed twice around it ({@link #minimumNeeded}): a minimum is never Cmax, and the window taken
 * whole gives the same band times. AUC is the closed-form integral {@code Σ_i (a_i τ φ₁(λ_i τ) + b_i τ²
 * φ₂(λ_i τ))}.
 *
 * <p><b>Definitions.</b> Cmax and the band times are taken over the grid's span, from its first to its last time, on
 * the continuous curve (so Cmax is at least every grid value); AUC runs from time 0 to the grid's end, as the
 * solver's. At an input change the curve steps (a bolus): the value just after belongs to the time of the change,
 * so no crossing is placed before the input that causes it. Round-off below zero reads as 0.
 *
 * <p><b>Cost.</b> The exponentials of a segment's end are computed once per segment for every analyte; a mode that
 * cannot reach an analyte's compartment (its coefficients are exactly 0, as norketamine's modes are for ketamine) is
 * left out of that analyte's sums.
 *
 * <p>One instance observes one run on one thread; its work arrays are the thread's spare set while the run lasts
 * ({@link Workspace}). The static {@link #compute} is thread-safe. Not for the dense
 * scheme's systems (coincident eigenvalues): {@link #compute} returns an empty {@code Optional} there.
 */
public final class ExactMetrics implements ExponentialSegments.Consumer {
    /** Largest error of a crossing time or a time of maximum, h (about 4 µs). */
    static final double TIME_TOLERANCE_H = 1e-9;
    /**
     * Largest error of the zeros found at depth 1 and below, h: they only split the segment into monotone pieces, and
     * an error this small could hide only a pair of zeros closer together than it (a touch, not a crossing).
     */
    static final double SPLIT_TOLERANCE_H = 1e-7;
    /** Most iterations of the root refinement; the bisection fallback converges well before. */
    private static final int MAX_ITERATIONS = 200;
    /**
     * A refinement that ends on bisection steps stops once its bracket is this fraction of the tolerance: a Newton
     * step that small leaves an error far below it (the error after it is of the order of its square), a bisection
     * does not, and two runs that differ only by round-off must give the same time to well within the tolerance.
     */
    private static final double BISECTION_END = 1e-3;
    /** Longest step, h, after which the refinement may stop on the error its curvature predicts. */
    private static final double ESTIMATE_STEP_H = 1e-4;
    /** Smallest {@code |λ| h} of a term written with {@code Math.exp} in the level search. */
    static final double EXP_FORM_MIN = 1e-3;
    /** Largest {@code |λ s|} over which {@link #keepRootExp} carries exponentials by their series. */
    private static final double CARRY_MAX = 0.05;
    /**
     * The chains {@link #derivativeZeros} counts with, by the end term each level drops: the one whose removal leaves
     * fewer sign changes (the chain the recursive isolation builds), always the fastest, always the slowest.
     */
    private static final int GREEDY = 0;
    private static final int DROP_FIRST = 1;
    private static final int DROP_LAST = 2;
    private static final int CHAINS = 3;
    /** No chain's count settled the window. */
    private static final int UNSETTLED = -1;

    private final Analyte[] analytes;
    private final double[] scale;
    private final List<Band> bands;
    private final double[] bandLow;
    private final double[] bandHigh;
    private final double windowStartH;
    private final double windowEndH;
    private final double aucEndH;

    /**
     * Roots of earlier windows as starts of the refinement (see {@link #refine}): a regimen repeats its segments (a
     * daily infusion and the pause after it), and a root of one day's window is within minutes of the same root of
     * the day before, by day 4 of a daily course within seconds; from there one Halley step is usually enough, and
     * with the exponentials kept from the day before it needs none. Per analyte, up to {@value #SHAPES} window shapes
     * (length and span), each with up to {@value #REMEMBERED} points: the kind of root (depth of the isolation, or −1
     * − band edge), the last point evaluated for it, and e^{λx} there per mode ({@value #REMEMBERED} × n doubles).
     */
    private static final int SHAPES = 4;
    private static final int REMEMBERED = 8;
    private double[] shapeLength;
    private double[] shapeFrom;
    private double[] shapeTo;
    private long[] shapeUsed;
    private int[] shapeSize;
    private int[] shapeKind;
    private double[] shapeRoot;
    /**
     * The chain whose count settled the last window of the shape ({@link #derivativeZeros}: {@link #GREEDY},
     * {@link #DROP_FIRST} or {@link #DROP_LAST}), tried first in the next; {@link #UNSETTLED} if none did.
     */
    private int[] shapeChain;
    /** Whether an input was in force in the last window of the shape. */
    private boolean[] shapeInput;
    /** The chain that settled the current window, or {@link #UNSETTLED}. */
    private int settledBy;
    /** The points of the current window, kept by {@link #closeWindow}. */
    private int[] foundKind;
    private double[] foundRoot;
    private int foundCount;
    /** The shape whose roots the current window recalls, or −1; whether it is the window's own shape. */
    private int recallShape = -1;
    private boolean recallExact;
    /** Whether an input is in force in the current window. */
    private boolean windowInput;
    private int currentAnalyte;
    /** The band edge of the level being refined. */
    private int levelKind;
    private long windowsSeen;

    /**
     * Per analyte and band, when asked for ({@link #withLevelTimes}; null otherwise): the first time C is at or above
     * the band's lower edge, the last time it is (absolute, h; NaN while none), and whether the last value seen is.
     */
    private double[][] firstAtOrAbove;
    private double[][] lastAtOrAbove;
    private boolean[][] atOrAboveAtEnd;
    /** Start of the segment of the current window, h. */
    private double windowSegmentStartH;

    /** Cmax and Tmax per analyte. */
    private final PeakTime[] peak;
    private final double[] auc;
    private final double[][] hours;
    private boolean finite = true;
    private boolean started;

    // concentration samples at display times (optional)
    private double[] displayTimes;
    private double[][] displayOut;
    private int displayNext;

    // work arrays, sized at start(): taken from the thread's spare workspace, given back after the last segment
    private Workspace workspace;
    private int n;
    /** Eigenvalues ascending; {@code order[k]} is the engine's index of the k-th. */
    private double[] lambda;
    /** The largest |λ| of all modes, 1/h. */
    private double maxAbsLambda;
    private int[] order;
    /** {@code e^{λ_k h} − 1} for the whole of the current segment, h its length (all modes, ascending). */
    private double[] segmentExpm1;
    /**
     * {@code e^{λ_k h}} for the current segment: the signs of the derivative's terms at its end need the relative
     * precision that {@code 1 + (e^{λh} − 1)} loses once {@code e^{λh}} is below round-off of 1 (a long washout).
     */
    private double[] segmentExp;
    private double segmentH;
    /**
     * The terms of the current analyte in the current segment that are not zero (a mode that cannot reach the
     * analyte's compartment adds exactly 0 everywhere): their count, exponents (ascending) and coefficients.
     */
    private int terms;
    private double[] lam;
    private double[] a;
    private double[] b;
    /** e^{λh} − 1 and e^{λh} of each term over the whole segment. */
    private double[] m;
    private double[] mExp;
    /**
     * For the level crossings: {@code C(τ) = Σ p_k e^{λ_k τ} + constant} over the terms with {@code |λ_k| h} at least
     * {@value #EXP_FORM_MIN} (where {@code e^{λτ} − 1} by {@code Math.exp} loses at most three digits of a term
     * that is itself small); the other terms ({@code expForm[k]} false) keep the form with {@code expm1}.
     */
    private double[] p;
    private boolean[] expForm;
    /** For the display points: {@code a_k + b_k/λ_k}, the coefficient of {@code e^{λ_k τ}}. */
    private double[] q;
    private double constant;
    private double[][] coef;
    private double[][] roots;
    /**
     * Per depth from 1, e^{λx} per mode at each zero in {@link #roots} ({@link #keepRootExp}), or NaN; allocated at
     * the first zero of the depth.
     */
    private double[][] rootExp;
    /** Per mode (ascending): e^{λx} at the last point the refinement evaluated ({@link #evaluatedAt}), or NaN. */
    private double[] evalExp;
    private double evaluatedAt;
    private double[] foundExp;
    private double[] shapeExp;
    /** The mode (ascending) of each term of the current analyte. */
    private int[] termMode;
    /** The values of each level of the chain of {@link #derivativeZeros} at the window's two ends. */
    private double[] chainLo;
    private double[] chainHi;
    private double[] breaks;
    private double[] values;
    private double[] expStep;
    /** e^{λδ} per mode (ascending) for the display step {@link #stepExpFor} (NaN: none yet). */
    private double[] stepExp;
    private double stepExpFor = Double.NaN;
    private double[] expNow;
    private double[] expFrom;
    private double[] expTo;

    private ExactMetrics(Analyte[] analytes, double[] scale, List<Band> bands, double windowStartH,
            double windowEndH) {
        this.analytes = analytes;
        this.scale = scale;
        this.bands = List.copyOf(bands);
        this.bandLow = new double[this.bands.size()];
        this.bandHigh = new double[this.bands.size()];
        for (int k = 0; k < bandLow.length; k++) {
            // concentrations are never below 0, so a lower edge at or below 0 is never crossed
            double lo = this.bands.get(k).lowNgPerMl();
            bandLow[k] = lo <= 0 ? Double.NEGATIVE_INFINITY : lo;
            bandHigh[k] = this.bands.get(k).highNgPerMl();
        }
        this.windowStartH = windowStartH;
        this.windowEndH = windowEndH;
        this.aucEndH = windowEndH;
        int o = analytes.length;
        peak = new PeakTime[o];
        for (int k = 0; k < o; k++) {
            peak[k] = new PeakTime();
        }
        auc = new double[o];
        hours = Grids.doubles(o, bandLow.length);
    }

    /**
     * @param system the system to be solved (its observations say which analytes are reported)
     * @param bands the bands whose time to measure (may be empty)
     * @param grid the span over which Cmax, Tmax and band times are taken (its first to its last time); AUC runs
     *        from 0 to its end
     * @return a fresh accumulator for one run
     */
    public static ExactMetrics of(CompartmentSystem system, List<Band> bands, TimeGrid grid) {
        Checks.notNull("system", system);
        Checks.notNull("bands", bands);
        Checks.notNull("grid", grid);
        for (Band band : bands) {
            Checks.notNull("band", band);
        }
        Map<Analyte, CompartmentSystem.Observation> obs = system.observations();
        Analyte[] analytes = new Analyte[obs.size()];
        double[] scale = new double[obs.size()];
        int o = 0;
        for (Map.Entry<Analyte, CompartmentSystem.Observation> e : obs.entrySet()) {
            analytes[o] = e.getKey();
            // µmol → ng/mL: ÷ volume (L) × molar mass (g/mol), as Profile forms concentrations
            scale[o] = e.getKey().molarMassGPerMol() / e.getValue().volumeL();
            o++;
        }
        return new ExactMetrics(analytes, scale, bands, grid.time(0), grid.endH());
    }

    /**
     * Also records the concentration of every analyte at each of {@code timesH}, into {@code out[observation][j]}
     * (observations in analyte order), ng/mL. The value at an input change includes that input.
     *
     * @param timesH ascending times, h, within the run's span
     * @param out one array per analyte, each at least as long as {@code timesH}
     * @return this
     */
    public ExactMetrics recording(double[] timesH, double[][] out) {
        this.displayTimes = Checks.notNull("times", timesH);
        this.displayOut = Checks.notNull("out", out);
        this.displayNext = 0;
        return this;
    }

    /**
     * Also finds, for each analyte and band, when the curve is first and last at or above the band's lower edge
     * ({@link #levelTimes}): crossings that the band times find anyway, kept.
     *
     * @return this
     */
    public ExactMetrics withLevelTimes() {
        int o = analytes.length;
        firstAtOrAbove = Grids.doubles(o, bandLow.length);
        lastAtOrAbove = Grids.doubles(o, bandLow.length);
        atOrAboveAtEnd = Grids.booleans(o, bandLow.length);
        for (int k = 0; k < o; k++) {
            java.util.Arrays.fill(firstAtOrAbove[k], Double.NaN);
            java.util.Arrays.fill(lastAtOrAbove[k], Double.NaN);
        }
        return this;
    }

    /**
     * The times at or above {@code level} of every analyte, found exactly as {@link #compute} finds the band times:
     * when a curve first reaches the level, when it last is at or above it, and whether it still is at the grid's
     * end. Thread-safe.
     *
     * @param level the level, ng/mL, at least 0
     * @return per analyte, in analyte order; empty when the eigen-decomposition is not trusted (then read the times
     *         on the grid: {@link Series#timeToReachH}, {@link Series#timeToFallBelowH})
     */
    public static Optional<Map<Analyte, LevelTimes>> levelTimes(CompartmentSystem system, Schedule schedule,
            TimeGrid grid, double level) {
        Checks.nonNegative("level", level, 1e7, "ng/mL");
        ExactMetrics m = of(system, List.of(Band.above(level)), grid).withLevelTimes();
        if (!m.run(system, schedule)) {
            return Optional.empty();
        }
        Map<Analyte, LevelTimes> out = new EnumMap<>(Analyte.class);
        for (int o = 0; o < m.analytes.length; o++) {
            out.put(m.analytes[o], m.levelTimes(o, 0, level));
        }
        return Optional.of(Collections.unmodifiableMap(out));
    }

    private LevelTimes levelTimes(int o, int q, double level) {
        double first = firstAtOrAbove[o][q];
        double last = lastAtOrAbove[o][q];
        return new LevelTimes(level, Double.isNaN(first) ? OptionalDouble.empty() : OptionalDouble.of(first),
                Double.isNaN(last) ? OptionalDouble.empty() : OptionalDouble.of(last), atOrAboveAtEnd[o][q]);
    }

    /**
     * Solves {@code system} under {@code schedule} as exponential segments to the end of {@code grid} and returns the
     * exact metrics, or nothing when the system's eigen-decomposition is not trusted (then nothing was computed: use
     * {@link StreamingMetrics} on the grid). Thread-safe.
     *
     * @return the metrics per analyte, in analyte order; empty when the eigen-decomposition is not trusted
     */
    public static Optional<Map<Analyte, AnalyteMetrics>> compute(CompartmentSystem system, Schedule schedule,
            TimeGrid grid, List<Band> bands) {
        ExactMetrics m = of(system, bands, grid);
        return m.run(system, schedule) ? Optional.of(m.metrics()) : Optional.empty();
    }

    /**
     * Runs the segments of {@code system} under {@code schedule} into this accumulator, to the end of the grid (or of
     * the recorded times, if later).
     *
     * @return false, with nothing computed, when the system's eigen-decomposition is not trusted
     */
    public boolean run(CompartmentSystem system, Schedule schedule) {
        double end = windowEndH;
        if (displayTimes != null && displayTimes.length > 0) {
            end = Math.max(end, displayTimes[displayTimes.length - 1]);
        }
        return ExponentialSegments.run(system, schedule, end, this);
    }

    @Override
    public void start(double[] lambdaPerH) {
        n = lambdaPerH.length;
        Workspace ws = Workspace.take(n, analytes.length);
        workspace = ws;
        // ascending by eigenvalue, ties in the engine's order (a stable insertion sort: n is small)
        order = ws.order;
        for (int i = 0; i < n; i++) {
            int j = i - 1;
            while (j >= 0 && Double.compare(lambdaPerH[order[j]], lambdaPerH[i]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = i;
        }
        lambda = ws.lambda;
        maxAbsLambda = 0;
        for (int k = 0; k < n; k++) {
            lambda[k] = lambdaPerH[order[k]];
            maxAbsLambda = Math.max(maxAbsLambda, Math.abs(lambda[k]));
        }
        segmentExpm1 = ws.segmentExpm1;
        segmentExp = ws.segmentExp;
        lam = ws.lam;
        a = ws.a;
        b = ws.b;
        m = ws.m;
        mExp = ws.mExp;
        p = ws.p;
        q = ws.q;
        expForm = ws.expForm;
        coef = ws.coef;
        roots = ws.roots;
        rootExp = ws.rootExp;
        chainLo = ws.chainLo;
        chainHi = ws.chainHi;
        evalExp = ws.evalExp;
        foundExp = ws.foundExp;
        foundKind = ws.foundKind;
        foundRoot = ws.foundRoot;
        termMode = ws.termMode;
        breaks = ws.breaks;
        values = ws.values;
        expStep = ws.expStep;
        stepExp = ws.stepExp;
        stepExpFor = Double.NaN;
        expNow = ws.expNow;
        expFrom = ws.expFrom;
        expTo = ws.expTo;
        shapeLength = ws.shapeLength;
        shapeFrom = ws.shapeFrom;
        shapeTo = ws.shapeTo;
        shapeUsed = ws.shapeUsed;
        shapeSize = ws.shapeSize;
        shapeKind = ws.shapeKind;
        shapeRoot = ws.shapeRoot;
        shapeChain = ws.shapeChain;
        shapeInput = ws.shapeInput;
        shapeExp = ws.shapeExp;
        started = true;
    }

    @Override
    public void segment(double startH, double endH, boolean last, double[][] u, double[][] w, double[] expm1) {
        double h = endH - startH;
        // the exponentials at the segment's end serve every analyte: its AUC, its value there, its derivative there;
        // e^{λh} is 1 + (e^{λh} − 1) to full relative precision while it is at least 1/2, computed anew below
        segmentH = h;
        for (int k = 0; k < n; k++) {
            double mk = expm1[order[k]];
            segmentExpm1[k] = mk;
            segmentExp[k] = mk >= -0.5 ? 1 + mk : Math.exp(lambda[k] * h);
        }
        for (int o = 0; o < analytes.length; o++) {
            double s = scale[o];
            double[] uo = u[o];
            double[] wo = w[o];
            int t = 0;
            for (int k = 0; k < n; k++) {
                double ak = uo[order[k]] * s;
                double bk = wo[order[k]] * s;
                if (ak != 0 || bk != 0) {
                    lam[t] = lambda[k];
                    termMode[t] = k;
                    a[t] = ak;
                    b[t] = bk;
                    m[t] = segmentExpm1[k];
                    mExp[t] = segmentExp[k];
                    t++;
                }
            }
            terms = t;
            if (startH < aucEndH) {
                auc[o] += integral(Math.min(h, aucEndH - startH));
            }
            double from = Math.max(0, windowStartH - startH);
            double to = Math.min(h, windowEndH - startH);
            if (to >= from) {
                window(o, startH, from, to);
            }
            if (displayTimes != null) {
                record(o, startH, endH, last);
            }
        }
        if (displayTimes != null) {
            // points before the end belong to this segment; at the very end, the last segment takes its end too
            int j = displayNext;
            while (j < displayTimes.length && (displayTimes[j] < endH || last)) {
                j++;
            }
            displayNext = j;
        }
        if (last) {
            Workspace.give(workspace);
            workspace = null;
        }
    }

    /** Cmax, Tmax and band times of analyte {@code o} over τ ∈ [from, to] of the segment starting at {@code startH}. */
    private void window(int o, double startH, double from, double to) {
        openWindow(o, from, to);
        windowSegmentStartH = startH;
        double[] d = coef[0];
        double cst = 0;
        for (int k = 0; k < terms; k++) {
            double l = lam[k];
            d[k] = l * a[k] + b[k];
            expForm[k] = Math.abs(l) * segmentH >= EXP_FORM_MIN;
            if (expForm[k]) {
                double bl = b[k] / l;
                p[k] = a[k] + bl;
                cst -= bl;
            }
        }
        constant = cst;
        int count = 0;
        breaks[count++] = from;
        if (to > from) {
            for (int k = 0; k < terms; k++) {
                expFrom[k] = from == 0 ? 1 : Math.exp(lam[k] * from);
                expTo[k] = to == segmentH ? mExp[k] : Math.exp(lam[k] * to);
            }
            int r = derivativeZeros(from, to, roots[0]);
            for (int k = 0; k < r; k++) {
                breaks[count++] = roots[0][k];
            }
            breaks[count++] = to;
        }
        for (int k = 0; k < count; k++) {
            double c = value(breaks[k]);
            if (!(Math.abs(c) <= Double.MAX_VALUE)) {
                finite = false;
            }
            c = Math.max(0, c);
            values[k] = c;
            peak[o].offer(startH + breaks[k], c);
        }
        double[] hb = hours[o];
        if (count == 1 && firstAtOrAbove != null) {
            // a window of one instant (an input at the grid's end) has no piece, but its value is the curve's there
            for (int q = 0; q < hb.length; q++) {
                atOrAbove(q, breaks[0], breaks[0], values[0], values[0], bandLow[q], Double.NaN);
            }
        }
        for (int q = 0; q < hb.length; q++) {
            double lo = bandLow[q];
            double hi = bandHigh[q];
            for (int k = 0; k + 1 < count; k++) {
                hb[q] += inside(breaks[k], breaks[k + 1], values[k], values[k + 1], lo, hi, 2 * q);
            }
        }
        closeWindow(from, to);
    }

    /**
     * Hours within [lo, hi] of a monotone piece from {@code t0} (value {@code c0}) to {@code t1} ({@code c1}).
     *
     * @param edges the number of the lower edge among all bands' edges (the upper edge is the next)
     */
    private double inside(double t0, double t1, double c0, double c1, double lo, double hi, int edges) {
        double low = Math.min(c0, c1);
        double high = Math.max(c0, c1);
        if (high < lo || low > hi) {
            if (firstAtOrAbove != null) {
                atOrAbove(edges / 2, t0, t1, c0, c1, lo, Double.NaN);
            }
            return 0;
        }
        if (low >= lo && high <= hi) {
            if (firstAtOrAbove != null) {
                atOrAbove(edges / 2, t0, t1, c0, c1, lo, Double.NaN);
            }
            return t1 - t0;
        }
        // one edge or both are crossed, each once: the curve is monotone here
        double enter = t0;
        double leave = t1;
        boolean rising = c1 > c0;
        if (rising) {
            if (c0 < lo) {
                enter = level(t0, t1, c0 - lo, c1 - lo, lo, edges);
            }
            if (c1 > hi) {
                leave = level(t0, t1, c0 - hi, c1 - hi, hi, edges + 1);
            }
        } else {
            if (c0 > hi) {
                enter = level(t0, t1, c0 - hi, c1 - hi, hi, edges + 1);
            }
            if (c1 < lo) {
                leave = level(t0, t1, c0 - lo, c1 - lo, lo, edges);
            }
        }
        if (firstAtOrAbove != null) {
            // where the piece crosses the lower edge, if it does, is the entry found above (rising) or the exit
            // (falling)
            atOrAbove(edges / 2, t0, t1, c0, c1, lo, rising ? (c0 < lo ? enter : Double.NaN)
                    : (c1 < lo ? leave : Double.NaN));
        }
        return Math.max(0, leave - enter);
    }

    /**
     * Keeps when the monotone piece from {@code t0} (value {@code c0}) to {@code t1} ({@code c1}) of the current
     * window is at or above {@code lo}, band {@code q}'s lower edge: its first such time if none was seen yet, its
     * last such time, and whether its end is.
     *
     * @param crossing where the piece crosses {@code lo}, if it does (NaN otherwise)
     */
    private void atOrAbove(int q, double t0, double t1, double c0, double c1, double lo, double crossing) {
        int o = currentAnalyte;
        if (Math.max(c0, c1) >= lo) {
            if (Double.isNaN(firstAtOrAbove[o][q])) {
                firstAtOrAbove[o][q] = windowSegmentStartH + (c0 >= lo ? t0 : crossing);
            }
            lastAtOrAbove[o][q] = windowSegmentStartH + (c1 >= lo ? t1 : crossing);
        }
        atOrAboveAtEnd[o][q] = c1 >= lo;
    }

    /**
     * Concentration at τ, ng/mL, in the window {@link #window} has set up. At the segment's start and end in the form
     * without cancellation, {@code Σ a e^{λτ} + b (e^{λτ} − 1)/λ}, from values at hand; inside it (a zero of C') in the
     * form the level search evaluates, {@code Σ p e^{λτ} + constant} over the terms of {@link #expForm}: one
     * {@code Math.exp} (an intrinsic) per term where {@code Math.expm1} (not one) took several times as long.
     */
    private double value(double tau) {
        double sum = 0;
        if (tau == 0) {
            for (int k = 0; k < terms; k++) {
                sum += a[k];
            }
            return sum;
        }
        if (tau == segmentH) {
            for (int k = 0; k < terms; k++) {
                double l = lam[k];
                double mk = m[k];
                sum += a[k] + a[k] * mk + (l == 0 ? b[k] * tau : b[k] * (mk / l));
            }
            return sum;
        }
        sum = constant;
        for (int k = 0; k < terms; k++) {
            double l = lam[k];
            if (expForm[k]) {
                sum += p[k] * Math.exp(l * tau);
            } else {
                double mk = Math.expm1(l * tau);
                sum += a[k] + a[k] * mk + (l == 0 ? b[k] * tau : b[k] * (mk / l));
            }
        }
        return sum;
    }

    /** ∫₀^T C dτ, ng·h/mL, in closed form. */
    private double integral(double t) {
        if (t <= 0) {
            return 0;
        }
        double sum = 0;
        boolean end = t == segmentH;
        for (int k = 0; k < terms; k++) {
            double z = lam[k] * t;
            double mk = end ? m[k] : Math.expm1(z);
            sum += a[k] * phi1(z, mk) * t + b[k] * phi2(z, mk) * t * t;
        }
        return sum;
    }

    /** φ₁(z) = (e^z − 1)/z. */
    static double phi1(double z) {
        return phi1(z, Math.expm1(z));
    }

    /** φ₁(z) given {@code expm1} = e^z − 1. */
    private static double phi1(double z, double expm1) {
        return z == 0 ? 1 : expm1 / z;
    }

    /** φ₂(z) = (e^z − 1 − z)/z², by its Taylor series where the closed form would cancel. */
    static double phi2(double z) {
        return phi2(z, Math.abs(z) < 0.1 ? Double.NaN : Math.expm1(z));
    }

    /** φ₂(z) given {@code expm1} = e^z − 1 (not read where the series is used). */
    private static double phi2(double z, double expm1) {
        if (Math.abs(z) < 0.1) {
            // Σ z^k/(k+2)!, k = 0..8: the next term is below 1e-17 relative
            double sum = 0;
            double term = 0.5;
            for (int k = 0; k <= 8; k++) {
                sum += term;
                term *= z / (k + 3);
            }
            return sum;
        }
        return (expm1 - z) / (z * z);
    }

    /**
     * Zeros in (lo, hi) of {@code Σ_{first<=k<last} coef[depth][k] e^{λ_k τ}} (λ ascending) where it changes sign,
     * ascending, into {@code out}.
     *
     * @return how many
     */
    private int zeros(int depth, int first, int last, double lo, double hi, double[] out) {
        double[] c = coef[depth];
        int changes = changes(c, first, last);
        if (changes == 0) {
            return 0;
        }
        // lo and hi are the window's ends at every depth: their exponentials are computed once per window
        double flo = dot(c, expFrom, first, last);
        double fhi = dot(c, expTo, first, last);
        // far into a long segment every exponential of a sum of fast modes can underflow to 0: its sign is then
        // read from the sum over its slowest exponential, which does not
        if (flo == 0) {
            flo = scaledSum(c, first, last, lo);
        }
        if (fhi == 0) {
            fhi = scaledSum(c, first, last, hi);
        }
        if (changes == 1) {
            if (flo * fhi < 0) {
                out[0] = refine(depth, first, last, lo, hi, flo, fhi, 0, Double.NaN);
                keepRootExp(depth, 0, out[0]);
                return 1;
            }
            return 0;
        }
        // the zeros of d/dτ (e^{−λ_j τ} Σ ...) — one term fewer — split (lo, hi) into monotone pieces
        boolean dropFirst = derive(depth, first, last);
        int nextFirst = dropFirst ? first + 1 : first;
        int nextLast = dropFirst ? last : last - 1;
        double[] inner = roots[depth + 1];
        int m = zeros(depth + 1, nextFirst, nextLast, lo, hi, inner);
        int found = 0;
        double left = lo;
        double fl = flo;
        for (int j = 0; j <= m; j++) {
            double right = j < m ? inner[j] : hi;
            double fr = j < m ? sumAtRoot(c, first, last, right, depth + 1, j) : fhi;
            if (fl * fr < 0) {
                out[found] = refine(depth, first, last, left, right, fl, fr, 0, Double.NaN);
                keepRootExp(depth, found, out[found]);
                found++;
            }
            left = right;
            fl = fr;
        }
        return found;
    }

    /**
     * Keeps e^{λx} at {@code root}, the {@code j}-th zero found at {@code depth}, for the sums the level above
     * evaluates there ({@link #sumAtRoot}): carried from the last point the refinement evaluated by the Taylor series
     * of {@code e^{λs}} when the last step s was short (|λs| at most {@value #CARRY_MAX}, where eleven terms leave less
     * than 1e-19 relative), NaN otherwise. Those sums have one term more than the one refined, which is computed
     * anew; the others need no exponential.
     */
    private void keepRootExp(int depth, int j, double root) {
        if (depth == 0) {
            // no level above the derivative's own zeros reads them
            return;
        }
        double[] kept = rootExp[depth];
        if (kept == null) {
            kept = new double[(n + 1) * n];
            rootExp[depth] = kept;
        }
        double step = root - evaluatedAt;
        boolean carry = Math.abs(step) * maxAbsLambda <= CARRY_MAX;
        for (int k = 0; k < n; k++) {
            double e = evalExp[k];
            double moved = Double.NaN;
            if (carry && !Double.isNaN(e)) {
                double z = lambda[k] * step;
                // e^z − 1 = z (1 + z/2 (1 + z/3 (1 + … (1 + z/11))))
                double series = 1;
                for (int i = 11; i >= 2; i--) {
                    series = 1 + z / i * series;
                }
                moved = e + e * (z * series);
            }
            kept[j * n + k] = moved >= Double.MIN_NORMAL ? moved : Double.NaN;
        }
    }

    /**
     * {@code Σ c e^{λτ}} over terms [first, last) at the {@code j}-th zero found at {@code depth}, from the
     * exponentials kept there ({@link #keepRootExp}) where they are, computed anew where not; over the slowest
     * exponential ({@link #scaledSum}) if the sum underflows to 0.
     */
    private double sumAtRoot(double[] c, int first, int last, double tau, int depth, int j) {
        double[] kept = rootExp[depth];
        double s = 0;
        for (int k = first; k < last; k++) {
            double e = kept[j * n + termMode[k]];
            s += c[k] * (Double.isNaN(e) ? Math.exp(lam[k] * tau) : e);
        }
        return s == 0 ? scaledSum(c, first, last, tau) : s;
    }

    /**
     * Zeros of C' in (lo, hi), ascending, into {@code out}, where it changes sign. Counted first by the rule of
     * Budan and Fourier for a chain {@code g₀ = C'}, {@code g_{j+1} = g_j' − μ_j g_j} with μ_j the exponent of an end
     * term, which {@code g_{j+1}} lacks, down to a sum whose coefficients have one sign and so has no zero: as τ passes
     * a zero of {@code g₀} the number of sign changes in {@code (g₀(τ), …, g_L(τ))} falls by one, and as it passes a
     * zero of any other {@code g_j} it falls by two or not at all, because {@code e^{−μ_j τ} g_j} has the derivative
     * {@code e^{−μ_j τ} g_{j+1}}. So {@code V(lo) − V(hi)} bounds the number of zeros in (lo, hi] and has its parity
     * (Pólya and Szegő, <i>Problems and Theorems in Analysis II</i>, Part V, the rule of Budan and Fourier for
     * generalised derivatives), whichever end term each level drops. A count of 0 or 1 that agrees with the signs of
     * C' at the ends settles the window with the values already at hand. The chains differ in the zeros of their
     * inner levels, which inflate the count: the one the isolation below builds is counted first, then the chains
     * that always drop the fastest or always the slowest term (one of them settles the hump of a metabolite after
     * its parent's infusion stops, where the first does not), starting with the chain that settled the last window
     * of the same shape. When none settles (a count above 1, a value exactly 0 at an end, or a disagreement from
     * round-off), the recursive isolation ({@link #zeros}) finds the zeros.
     *
     * @return how many
     */
    private int derivativeZeros(double lo, double hi, double[] out) {
        int first = recallShape >= 0 ? shapeChain[currentAnalyte * SHAPES + recallShape] : GREEDY;
        settledBy = UNSETTLED;
        if (first == UNSETTLED) {
            // no count settled the last window of this shape, and none will settle this one either (a repeated
            // dose): straight to the recursion
            return zeros(0, 0, terms, lo, hi, out);
        }
        double flo = Double.NaN;
        double fhi = Double.NaN;
        for (int i = 0; i < CHAINS; i++) {
            int chain = (first + i) % CHAINS;
            int levels = chain(chain, lo, hi);
            if (levels < 0) {
                continue;
            }
            if (levels == 0) {
                // C' itself has coefficients of one sign: no zero
                settledBy = chain;
                return 0;
            }
            int atLo = signChanges(levels, chainLo);
            int atHi = signChanges(levels, chainHi);
            if (atLo < 0 || atHi < 0) {
                continue;
            }
            if (Double.isNaN(flo)) {
                flo = chainLo[0];
                fhi = chainHi[0];
            }
            int count = atLo - atHi;
            if (count == 0 && flo * fhi > 0) {
                settledBy = chain;
                return 0;
            }
            if (count == 1 && flo * fhi < 0) {
                settledBy = chain;
                if (flo < 0 && !minimumNeeded(lo, hi)) {
                    return 0;
                }
                out[0] = refine(0, 0, terms, lo, hi, flo, fhi, 0, Double.NaN);
                return 1;
            }
        }
        return zeros(0, 0, terms, lo, hi, out);
    }

    /**
     * Whether the one zero of C' in the window, where C' goes from negative to positive (a minimum of C), must be found.
     * A minimum is never Cmax, and the window taken as one piece gives the band times of {@link #inside} unchanged
     * unless a band edge lies between the least value C may take and the lower of its two end values: below both ends
     * and above the minimum an edge is crossed twice, and that needs the minimum to split them. Each term of C is
     * monotone in τ, so the sum of each term's lower end value bounds C from below over the window. Round-off is
     * kept on the safe side: an edge within 1e-9 of the terms' magnitude of either bound counts as between them.
     *
     * @return true unless every band edge is clear of that range
     */
    private boolean minimumNeeded(double lo, double hi) {
        if (bandLow.length == 0) {
            return false;
        }
        double least = 0;
        double c0 = 0;
        double c1 = 0;
        double magnitude = 0;
        for (int k = 0; k < terms; k++) {
            double l = lam[k];
            double e0 = expFrom[k];
            double e1 = expTo[k];
            double t0 = a[k] * e0 + (b[k] == 0 ? 0 : l == 0 ? b[k] * lo : b[k] * ((e0 - 1) / l));
            double t1 = a[k] * e1 + (b[k] == 0 ? 0 : l == 0 ? b[k] * hi : b[k] * ((e1 - 1) / l));
            least += Math.min(t0, t1);
            c0 += t0;
            c1 += t1;
            magnitude += Math.abs(t0) + Math.abs(t1);
        }
        double margin = 1e-9 * magnitude;
        double lowerEnd = Math.min(c0, c1);
        for (int q = 0; q < bandLow.length; q++) {
            if (between(bandLow[q], least, lowerEnd, margin) || between(bandHigh[q], least, lowerEnd, margin)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether {@code edge} is within [{@code from − margin}, {@code to + margin}] */
    private static boolean between(double edge, double from, double to, double margin) {
        return edge >= from - margin && edge <= to + margin;
    }

    /**
     * Builds the chain {@code g₀ = C' … g_L} of {@link #derivativeZeros} into {@link #coef}, each level dropping the
     * end term that {@code chain} names, down to a level whose coefficients have one sign, and writes each level's
     * values at the window's ends {@code lo} and {@code hi} into {@link #chainLo} and {@link #chainHi}.
     *
     * @return L, or −1 when the chain would need more levels than {@link #coef} holds
     */
    private int chain(int chain, double lo, double hi) {
        int levels = 0;
        int first = 0;
        int last = terms;
        while (true) {
            double[] c = coef[levels];
            // one pass over the level: its sign changes, whether its first term and its last each take part in one
            // (then dropping that term removes exactly that change), and its values at the window's ends
            int changes = 0;
            int lastSign = 0;
            int lastNonZero = -1;
            boolean firstStarts = false;
            boolean lastEnds = false;
            double atLo = 0;
            double atHi = 0;
            for (int k = first; k < last; k++) {
                double v = c[k];
                atLo += v * expFrom[k];
                atHi += v * expTo[k];
                int sg = v > 0 ? 1 : v < 0 ? -1 : 0;
                if (sg != 0) {
                    if (lastSign != 0 && sg != lastSign) {
                        if (changes == 0 && lastNonZero == first) {
                            firstStarts = true;
                        }
                        changes++;
                        lastEnds = k == last - 1;
                    } else {
                        lastEnds = false;
                    }
                    lastSign = sg;
                    lastNonZero = k;
                }
            }
            if (changes == 0 && levels == 0) {
                // C' has coefficients of one sign (or none): its values are not read
                return 0;
            }
            // far into a long segment every exponential of a sum may underflow to 0: its sign is then read from the
            // sum over its slowest exponential, which does not
            chainLo[levels] = atLo == 0 ? scaledSum(c, first, last, lo) : atLo;
            chainHi[levels] = atHi == 0 ? scaledSum(c, first, last, hi) : atHi;
            if (changes == 0) {
                return levels;
            }
            if (levels + 1 >= coef.length) {
                return -1;
            }
            // GREEDY drops the end term whose removal leaves fewer sign changes (ties: the last), as derive does
            boolean dropFirst = chain == GREEDY ? (firstStarts ? 1 : 0) > (lastEnds ? 1 : 0) : chain == DROP_FIRST;
            derive(levels, first, last, dropFirst);
            if (dropFirst) {
                first++;
            } else {
                last--;
            }
            levels++;
        }
    }

    /**
     * @return the sign changes of {@code g₀ … g_levels} at an end of the window (their values there in {@code g}), or
     *         −1 if one of them is 0
     */
    private static int signChanges(int levels, double[] g) {
        int changes = 0;
        double previous = 0;
        for (int j = 0; j <= levels; j++) {
            double v = g[j];
            if (v == 0) {
                return -1;
            }
            if (previous != 0 && (v < 0) != (previous < 0)) {
                changes++;
            }
            previous = v;
        }
        return changes;
    }

    /**
     * Writes into {@code coef[depth + 1]} the coefficients of {@code d/dτ (e^{−λ_j τ} Σ_{first<=k<last} coef[depth][k]
     * e^{λ_k τ})} times {@code e^{λ_j τ}} (the same sign), which has one term fewer: the term j dropped is the end term
     * whose removal leaves fewer sign changes, which needs the fewest splits below.
     *
     * @return whether the first term was dropped (else the last)
     */
    private boolean derive(int depth, int first, int last) {
        double[] c = coef[depth];
        return derive(depth, first, last, changes(c, first + 1, last) < changes(c, first, last - 1));
    }

    /** As {@link #derive(int, int, int)}, dropping the first term or the last as {@code dropFirst} says. */
    private boolean derive(int depth, int first, int last, boolean dropFirst) {
        double[] c = coef[depth];
        double dropped = lam[dropFirst ? first : last - 1];
        double[] next = coef[depth + 1];
        for (int k = dropFirst ? first + 1 : first; k < (dropFirst ? last : last - 1); k++) {
            next[k] = c[k] * (lam[k] - dropped);
        }
        return dropFirst;
    }

    /** @return the sign changes of {@code c[first..last−1]}, zeros skipped */
    private static int changes(double[] c, int first, int last) {
        int changes = 0;
        // 0: no sign yet, 1 positive, −1 negative
        int lastSign = 0;
        for (int k = first; k < last; k++) {
            double v = c[k];
            int sg = v > 0 ? 1 : v < 0 ? -1 : 0;
            if (sg != 0) {
                if (lastSign != 0 && sg != lastSign) {
                    changes++;
                }
                lastSign = sg;
            }
        }
        return changes;
    }

    private static double dot(double[] c, double[] e, int first, int last) {
        double s = 0;
        for (int k = first; k < last; k++) {
            s += c[k] * e[k];
        }
        return s;
    }

    /**
     * {@code Σ c e^{λτ}} divided by {@code e^{λ_max τ}}, λ_max the largest (slowest) exponent of the terms that are
     * not 0: the same
     * sign and zeros, and no underflow of its dominant term.
     */
    private double scaledSum(double[] c, int first, int last, double tau) {
        int top = last - 1;
        while (top > first && c[top] == 0) {
            top--;
        }
        double shift = lam[top];
        double s = 0;
        for (int k = first; k < last; k++) {
            s += c[k] * Math.exp((lam[k] - shift) * tau);
        }
        return s;
    }

    /**
     * Where the concentration meets {@code level} in a bracket [t0, t1] whose ends differ in sign.
     *
     * @param edge which band edge the level is (for the starts remembered from earlier windows)
     */
    private double level(double t0, double t1, double f0, double f1, double level, int edge) {
        levelKind = edge;
        int kind = -1 - edge;
        int slot = recall(kind, t0, t1);
        // without a point remembered from the day before, a start from the shape of the curve: a decay is nearly
        // exponential, so interpolate its logarithm (exact for one exponential); otherwise the secant
        double start = Double.NaN;
        double c0 = f0 + level;
        double c1 = f1 + level;
        if (slot < 0 && c1 < c0 && c1 > 0 && level > 0) {
            start = t0 + (t1 - t0) * Math.log(c0 / level) / Math.log(c0 / c1);
        }
        return refine(kind, slot, -1, 0, 0, t0, t1, f0, f1, level, start);
    }

    /**
     * A point remembered from the last window of the current analyte with the current window's shape: the first of
     * {@code kind} strictly inside (x0, x1).
     *
     * @return its index in {@link #shapeRoot}, or −1
     */
    private int recall(int kind, double x0, double x1) {
        if (recallShape < 0) {
            return -1;
        }
        int base = (currentAnalyte * SHAPES + recallShape) * REMEMBERED;
        int size = shapeSize[currentAnalyte * SHAPES + recallShape];
        for (int i = base; i < base + size; i++) {
            double tau = shapeRoot[i];
            if (shapeKind[i] == kind && tau > x0 && tau < x1) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Keeps the last point the refinement evaluated, with its exponentials, to be recalled in the next window of the
     * same analyte and shape. It is within a step of the root, as good a start, and needs no exponential.
     */
    private void remember(int kind) {
        if (foundCount < REMEMBERED) {
            foundKind[foundCount] = kind;
            foundRoot[foundCount] = evaluatedAt;
            System.arraycopy(evalExp, 0, foundExp, foundCount * n, n);
            foundCount++;
        }
    }

    /**
     * Starts a window: finds the remembered roots of a window of the same shape (length and span), if any; else of
     * the window used last that starts at the same point of its segment and likewise has an input in force or none.
     * Such a window is the last of a course (a pause longer than the pauses between doses): its curve starts as the
     * pauses before it did, so their roots are good starts.
     */
    private void openWindow(int o, double from, double to) {
        currentAnalyte = o;
        foundCount = 0;
        settledBy = GREEDY;
        recallShape = -1;
        recallExact = false;
        boolean input = false;
        for (int k = 0; k < terms; k++) {
            input |= b[k] != 0;
        }
        windowInput = input;
        long latest = 0;
        for (int s = 0; s < SHAPES; s++) {
            int i = o * SHAPES + s;
            if (shapeLength[i] == segmentH && shapeFrom[i] == from && shapeTo[i] == to) {
                recallShape = s;
                recallExact = true;
                return;
            }
            if (shapeFrom[i] == from && shapeInput[i] == input && shapeUsed[i] > latest) {
                recallShape = s;
                latest = shapeUsed[i];
            }
        }
    }

    /** Ends a window: its roots replace those remembered for its shape (or for the shape unused the longest). */
    private void closeWindow(double from, double to) {
        int o = currentAnalyte;
        int s = recallExact ? recallShape : -1;
        if (s < 0) {
            s = 0;
            for (int k = 1; k < SHAPES; k++) {
                if (shapeUsed[o * SHAPES + k] < shapeUsed[o * SHAPES + s]) {
                    s = k;
                }
            }
        }
        int i = o * SHAPES + s;
        shapeLength[i] = segmentH;
        shapeFrom[i] = from;
        shapeTo[i] = to;
        shapeUsed[i] = ++windowsSeen;
        shapeInput[i] = windowInput;
        shapeSize[i] = foundCount;
        shapeChain[i] = settledBy;
        System.arraycopy(foundKind, 0, shapeKind, i * REMEMBERED, foundCount);
        System.arraycopy(foundRoot, 0, shapeRoot, i * REMEMBERED, foundCount);
        System.arraycopy(foundExp, 0, shapeExp, i * REMEMBERED * n, foundCount * n);
    }

    /**
     * Refines the zero bracketed by [x0, x1] ({@code f0 · f1 < 0}) of the exponential sum at {@code depth}, or, with
     * depth −1, of C(τ) − level: Halley steps {@code x − 2ff'/(2f'² − ff'')}, each kept only if it stays inside the
     * shrinking bracket and at least halves the previous step, a bisection otherwise (the safeguard of Press et al.,
     * <i>Numerical Recipes</i>, 3rd ed., §9.4, "rtsafe"). Derivatives are exact: the same exponentials give value,
     * slope, curvature and third derivative. Where the sum has terms of both signs, P − N, the steps are taken on
     * {@code ln P − ln N}, which has the same zero and is nearly straight; but not the first step from a point
     * remembered from the window before, which is within seconds of the zero by the third day of a daily course: there
     * the logarithm and its divisions bought no fewer evaluations (the same 105 per patient of the 10-day CRPS course).
     *
     * <p>The first point is the last point evaluated for the same root in the last window of the same shape, if one
     * lies inside the bracket (its exponentials are remembered with it, so that evaluation needs none); else
     * {@code start} when it lies inside the bracket; else the regula falsi point. It stops after a step below the
     * tolerance, or after a step s below {@value #ESTIMATE_STEP_H} h whose predicted error, {@code |f''²/(4f'²) −
     * f'''/(6f')| s³} (the asymptotic error of a Halley step from a point s from the zero), is below a thousandth of
     * the tolerance.
     */
    private double refine(int depth, int first, int last, double x0, double x1, double f0, double f1, double level,
            double start) {
        int kind = depth >= 0 ? depth : -1 - levelKind;
        return refine(kind, recall(kind, x0, x1), depth, first, last, x0, x1, f0, f1, level, start);
    }

    /** As {@link #refine(int, int, int, double, double, double, double, double, double)}, with the recalled slot. */
    private double refine(int kind, int slot, int depth, int first, int last, double x0, double x1, double f0,
            double f1, double level, double start) {
        boolean known = false;
        double x = start;
        if (slot >= 0) {
            x = shapeRoot[slot];
            known = true;
            System.arraycopy(shapeExp, slot * n, evalExp, 0, n);
        }
        double root = refineFrom(depth, first, last, x0, x1, f0, f1, level, x, known);
        remember(kind);
        return root;
    }

    private double refineFrom(int depth, int first, int last, double x0, double x1, double f0, double f1,
            double level, double start, boolean startKnown) {
        double lo = x0;
        double hi = x1;
        boolean loNegative = f0 < 0;
        boolean known = startKnown && start > lo && start < hi;
        double x = start > lo && start < hi ? start : (x0 * f1 - x1 * f0) / (f1 - f0);
        if (!(x > lo && x < hi)) {
            x = 0.5 * (lo + hi);
        }
        double step = hi - lo;
        double previous = step;
        double tolerance = depth > 0 ? SPLIT_TOLERANCE_H : TIME_TOLERANCE_H;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // the sum split into its positive terms P and its negative terms −N, each with three derivatives
            double pos = 0;
            double pos1 = 0;
            double pos2 = 0;
            double pos3 = 0;
            double neg = 0;
            double neg1 = 0;
            double neg2 = 0;
            double neg3 = 0;
            // evalExp[mode]: e^{λx} of each term evaluated here, kept for the next window; NaN for the modes that
            // are not terms of this sum, or whose e^{λx} is not kept (below the normal numbers, or not computed)
            if (known) {
                for (int k = depth < 0 ? 0 : first; k < (depth < 0 ? terms : last); k++) {
                    if ((depth >= 0 || expForm[k]) && Double.isNaN(evalExp[termMode[k]])) {
                        known = false;
                    }
                }
            }
            if (!known) {
                java.util.Arrays.fill(evalExp, Double.NaN);
            }
            evaluatedAt = x;
            if (depth < 0) {
                double[] d = coef[0];
                double c0 = constant - level;
                if (c0 > 0) {
                    pos = c0;
                } else {
                    neg = -c0;
                }
                for (int k = 0; k < terms; k++) {
                    double l = lam[k];
                    double e;
                    double v;
                    if (expForm[k]) {
                        e = known ? evalExp[termMode[k]] : Math.exp(l * x);
                        evalExp[termMode[k]] = e;
                        v = p[k] * e;
                    } else {
                        double mk = Math.expm1(l * x);
                        v = a[k] + a[k] * mk + (l == 0 ? b[k] * x : b[k] * (mk / l));
                        e = 1 + mk;
                        evalExp[termMode[k]] = Double.NaN;
                    }
                    double v1 = d[k] * e;
                    double v2 = v1 * l;
                    if (v > 0) {
                        pos += v;
                        pos1 += v1;
                        pos2 += v2;
                        pos3 += v2 * l;
                    } else {
                        neg -= v;
                        neg1 -= v1;
                        neg2 -= v2;
                        neg3 -= v2 * l;
                    }
                }
            } else {
                // the sum over e^{λ_max x} (λ_max the slowest exponent here): the same zero, no underflow far into a
                // long segment, and the same ln P − ln N, slope and curvature below (each is unchanged by the shift)
                double[] c = coef[depth];
                int top = last - 1;
                while (top > first && c[top] == 0) {
                    top--;
                }
                double shift = lam[top];
                // e^{(λ−λ_max)x} as e^{λx}/e^{λ_max x} while every e^{λx} is a normal number (so that it can be
                // remembered), directly otherwise
                boolean direct = false;
                if (!known) {
                    for (int k = first; k < last; k++) {
                        evalExp[termMode[k]] = Math.exp(lam[k] * x);
                    }
                }
                for (int k = first; k < last; k++) {
                    if (!(evalExp[termMode[k]] >= Double.MIN_NORMAL)) {
                        direct = true;
                        break;
                    }
                }
                double inverse = 1 / evalExp[termMode[top]];
                for (int k = first; k < last; k++) {
                    double l = lam[k] - shift;
                    double v = c[k] * (direct ? Math.exp(l * x) : evalExp[termMode[k]] * inverse);
                    double v1 = v * l;
                    double v2 = v1 * l;
                    if (v > 0) {
                        pos += v;
                        pos1 += v1;
                        pos2 += v2;
                        pos3 += v2 * l;
                    } else {
                        neg -= v;
                        neg1 -= v1;
                        neg2 -= v2;
                        neg3 -= v2 * l;
                    }
                }
                if (direct) {
                    for (int k = first; k < last; k++) {
                        evalExp[termMode[k]] = Double.NaN;
                    }
                }
            }
            // a first point remembered from the window before is near the zero: a Halley step on f itself
            boolean warm = known;
            known = false;
            double f = pos - neg;
            if (f == 0) {
                return x;
            }
            if ((f < 0) == loNegative) {
                lo = x;
            } else {
                hi = x;
            }
            double slope;
            double curvature;
            double third;
            double next;
            // the Newton step on the same function: near a simple zero Halley's step is within a factor 2 of it
            double newton;
            if (pos > 0 && neg > 0 && !warm) {
                // the zero of f = P − N is that of h = ln P − ln N, which is nearly straight where each side is
                // dominated by one exponential: Halley steps on h
                // two divisions instead of seven: this runs for nearly every root of every window
                double ip = 1 / pos;
                double in = 1 / neg;
                double gp = pos1 * ip;
                double gn = neg1 * in;
                double cp = pos2 * ip;
                double cn = neg2 * in;
                double h = Math.log(pos * in);
                slope = gp - gn;
                curvature = cp - gp * gp - cn + gn * gn;
                // (ln P)''' = P'''/P − 3 (P'/P)(P''/P) + 2 (P'/P)³
                third = pos3 * ip - 3 * gp * cp + 2 * gp * gp * gp - (neg3 * in - 3 * gn * cn + 2 * gn * gn * gn);
                double denominator = 2 * slope * slope - h * curvature;
                next = denominator != 0 && Double.isFinite(denominator) ? x - 2 * h * slope / denominator
                        : x - h / slope;
                newton = h / slope;
            } else {
                slope = pos1 - neg1;
                curvature = pos2 - neg2;
                third = pos3 - neg3;
                double denominator = 2 * slope * slope - f * curvature;
                next = denominator != 0 && Double.isFinite(denominator) ? x - 2 * f * slope / denominator
                        : x - f / slope;
                newton = f / slope;
            }
            previous = step;
            // far from the zero, where the slope nearly vanishes (a remembered start in another window's hump), Halley's
            // step shrinks towards 0 while Newton's grows without bound: a tiny step there is no sign of convergence,
            // so a step that disagrees with Newton's by more than a factor 2 (or in direction) is not taken
            double halley = x - next;
            boolean agrees = halley * newton > 0 && Math.abs(halley) <= 2 * Math.abs(newton)
                    && Math.abs(newton) <= 2 * Math.abs(halley);
            if (agrees && next > lo && next < hi && Math.abs(next - x) < 0.5 * previous) {
                step = Math.abs(next - x);
                x = next;
                // the derivatives are local, so the estimate is trusted only once the steps are short
                if (step <= tolerance) {
                    return x;
                }
                if (step <= ESTIMATE_STEP_H) {
                    double is = 1 / slope;
                    double r = 0.5 * curvature * is;
                    if (step * step * step * Math.abs(r * r - third * is / 6) <= tolerance * BISECTION_END) {
                        return x;
                    }
                }
            } else {
                step = 0.5 * (hi - lo);
                x = lo + step;
                if (step <= tolerance * BISECTION_END) {
                    return x;
                }
            }
        }
        return x;
    }

    /** Concentrations at the display times within this segment. */
    private void record(int o, double startH, double endH, boolean last) {
        double[] out = displayOut[o];
        double prevTau = Double.NaN;
        double prevStep = Double.NaN;
        // along equally spaced points a term is q e^{λτ} − b/λ: one product and one addition per mode and point,
        // no division; terms with b = 0 (every term after the last input) are unchanged by this, and terms with
        // |λ| h below EXP_FORM_MIN keep the form without cancellation
        boolean allQ = true;
        double cst = 0;
        for (int k = 0; k < terms; k++) {
            double l = lam[k];
            if (b[k] == 0) {
                q[k] = a[k];
            } else if (l != 0 && Math.abs(l) * segmentH >= EXP_FORM_MIN) {
                double bl = b[k] / l;
                q[k] = a[k] + bl;
                cst -= bl;
            } else {
                allQ = false;
            }
        }
        for (int j = displayNext; j < displayTimes.length; j++) {
            double t = displayTimes[j];
            if (!(t < endH || last)) {
                break;
            }
            double tau = t - startH;
            double step = tau - prevTau;
            double sum = 0;
            if (Math.abs(step - prevStep) <= 1e-10 * prevStep) {
                // equally spaced points: e^{λ(τ+δ)} = e^{λτ} e^{λδ}, one product per mode
                if (allQ) {
                    // the whole stretch of equally spaced points at once, mode by mode: the same products and sums in
                    // the same order as point by point, with the modes' chains of products in long loops
                    int end = equallySpaced(j, startH, endH, last, tau, prevStep);
                    stretch(out, j, end, cst);
                    prevTau = displayTimes[end - 1] - startH;
                    j = end - 1;
                    continue;
                } else {
                    for (int k = 0; k < terms; k++) {
                        double e = expNow[k] * expStep[k];
                        expNow[k] = e;
                        double l = lam[k];
                        sum += a[k] * e + (l == 0 ? b[k] * tau : b[k] * ((e - 1) / l));
                    }
                }
            } else if (allQ) {
                // the first two points of the segment, in the form the equally spaced points after them take:
                // Math.exp (an intrinsic) where Math.expm1 (not one) is not needed, and e^{λδ} of the display step
                // δ kept from the last segment that had the same step
                boolean stepKnown = !Double.isNaN(step);
                if (stepKnown) {
                    stepExponentials(step);
                }
                for (int k = 0; k < terms; k++) {
                    double e;
                    if (stepKnown) {
                        expStep[k] = stepExp[termMode[k]];
                        e = expNow[k] * expStep[k];
                    } else {
                        e = Math.exp(lam[k] * tau);
                    }
                    expNow[k] = e;
                    sum += q[k] * e;
                }
                sum += cst;
                if (stepKnown) {
                    prevStep = step;
                }
            } else {
                boolean stepKnown = !Double.isNaN(step);
                for (int k = 0; k < terms; k++) {
                    double l = lam[k];
                    double mk = Math.expm1(l * tau);
                    expNow[k] = 1 + mk;
                    if (stepKnown) {
                        expStep[k] = Math.exp(l * step);
                    }
                    sum += a[k] + a[k] * mk + (l == 0 ? b[k] * tau : b[k] * (mk / l));
                }
                if (stepKnown) {
                    prevStep = step;
                }
            }
            prevTau = tau;
            out[j] = Math.max(0, sum);
        }
    }

    /** Fills {@link #stepExp} with e^{λδ} of every mode for the display step δ, unless it holds them already. */
    private void stepExponentials(double step) {
        if (step != stepExpFor) {
            for (int k = 0; k < n; k++) {
                stepExp[k] = Math.exp(lambda[k] * step);
            }
            stepExpFor = step;
        }
    }

    /**
     * @return the end (exclusive) of the stretch of display points from {@code j} (at τ {@code tau}, {@code step} after
     *         the point before it) that {@link #record} takes as equally spaced: each a step apart from the one before
     *         to within the same relative 1e-10 that it tests, and all within the segment
     */
    private int equallySpaced(int j, double startH, double endH, boolean last, double tau, double step) {
        int end = j + 1;
        double prev = tau;
        while (end < displayTimes.length) {
            double t = displayTimes[end];
            if (!(t < endH || last)) {
                break;
            }
            double next = t - startH;
            if (!(Math.abs(next - prev - step) <= 1e-10 * step)) {
                break;
            }
            prev = next;
            end++;
        }
        return end;
    }

    /**
     * {@code out[j] = max(0, Σ_k q_k e_k(j) + cst)} for j in [from, to), with {@code e_k(j) = e_k(j − 1) · expStep[k]}
     * from {@code expNow[k]} (left at the last point): for each point the same products, summed in the same order of
     * modes, as one point at a time. Four modes at a time go along the points together: their products do not wait for
     * each other, where one mode at a time would wait for each product before the next.
     */
    private void stretch(double[] out, int from, int to, double cst) {
        if (terms == 0) {
            java.util.Arrays.fill(out, from, to, 0);
        }
        for (int k = 0; k < terms; k += 4) {
            // a mode beyond the last stands still at 1 with a coefficient of 0: adding its 0 changes no sum (but for
            // the sign of a zero, which the clipping below removes)
            double e0 = expNow[k];
            double r0 = expStep[k];
            double c0 = q[k];
            double e1 = k + 1 < terms ? expNow[k + 1] : 1;
            double r1 = k + 1 < terms ? expStep[k + 1] : 1;
            double c1 = k + 1 < terms ? q[k + 1] : 0;
            double e2 = k + 2 < terms ? expNow[k + 2] : 1;
            double r2 = k + 2 < terms ? expStep[k + 2] : 1;
            double c2 = k + 2 < terms ? q[k + 2] : 0;
            double e3 = k + 3 < terms ? expNow[k + 3] : 1;
            double r3 = k + 3 < terms ? expStep[k + 3] : 1;
            double c3 = k + 3 < terms ? q[k + 3] : 0;
            if (k == 0) {
                // the first term itself rather than 0 plus it
                for (int j = from; j < to; j++) {
                    e0 *= r0;
                    e1 *= r1;
                    e2 *= r2;
                    e3 *= r3;
                    out[j] = c0 * e0 + c1 * e1 + c2 * e2 + c3 * e3;
                }
            } else {
                for (int j = from; j < to; j++) {
                    e0 *= r0;
                    e1 *= r1;
                    e2 *= r2;
                    e3 *= r3;
                    out[j] = out[j] + c0 * e0 + c1 * e1 + c2 * e2 + c3 * e3;
                }
            }
            expNow[k] = e0;
            if (k + 1 < terms) {
                expNow[k + 1] = e1;
            }
            if (k + 2 < terms) {
                expNow[k + 2] = e2;
            }
            if (k + 3 < terms) {
                expNow[k + 3] = e3;
            }
        }
        for (int j = from; j < to; j++) {
            out[j] = Math.max(0, out[j] + cst);
        }
    }

    /**
     * The work arrays of one run for n modes and o analytes. A population runs thousands of patients on each thread,
     * all with the same n, and these arrays were about a quarter of what each patient allocated: each thread keeps one
     * spare workspace, which a run takes at its start (or, if the spare is in use or of another size, makes anew) and
     * gives back after its last segment, when nothing reads them any more. Two runs interleaved on one thread never
     * share one: the second finds no spare and makes its own.
     */
    private static final class Workspace {
        private static final ThreadLocal<Workspace> SPARE = new ThreadLocal<>();

        final int n;
        final int analytes;
        final int[] order;
        final double[] lambda;
        final double[] segmentExpm1;
        final double[] segmentExp;
        final double[] lam;
        final double[] a;
        final double[] b;
        final double[] m;
        final double[] mExp;
        final double[] p;
        final double[] q;
        final boolean[] expForm;
        final double[][] coef;
        final double[][] roots;
        final double[][] rootExp;
        final double[] chainLo;
        final double[] chainHi;
        final double[] evalExp;
        final double[] foundExp;
        final int[] foundKind = new int[REMEMBERED];
        final double[] foundRoot = new double[REMEMBERED];
        final int[] termMode;
        final double[] breaks;
        final double[] values;
        final double[] expStep;
        final double[] stepExp;
        final double[] expNow;
        final double[] expFrom;
        final double[] expTo;
        final double[] shapeLength;
        final double[] shapeFrom;
        final double[] shapeTo;
        final long[] shapeUsed;
        final int[] shapeSize;
        final int[] shapeKind;
        final double[] shapeRoot;
        final int[] shapeChain;
        final boolean[] shapeInput;
        final double[] shapeExp;

        private Workspace(int n, int analytes) {
            this.n = n;
            this.analytes = analytes;
            order = new int[n];
            lambda = new double[n];
            segmentExpm1 = new double[n];
            segmentExp = new double[n];
            lam = new double[n];
            a = new double[n];
            b = new double[n];
            m = new double[n];
            mExp = new double[n];
            p = new double[n];
            q = new double[n];
            expForm = new boolean[n];
            coef = Grids.doubles(n + 1, n);
            roots = Grids.doubles(n + 1, n + 1);
            rootExp = new double[n + 1][];
            chainLo = new double[n + 1];
            chainHi = new double[n + 1];
            evalExp = new double[n];
            foundExp = new double[REMEMBERED * n];
            termMode = new int[n];
            breaks = new double[n + 2];
            values = new double[n + 2];
            expStep = new double[n];
            stepExp = new double[n];
            expNow = new double[n];
            expFrom = new double[n];
            expTo = new double[n];
            int shapes = analytes * SHAPES;
            shapeLength = new double[shapes];
            shapeFrom = new double[shapes];
            shapeTo = new double[shapes];
            shapeUsed = new long[shapes];
            shapeSize = new int[shapes];
            shapeKind = new int[shapes * REMEMBERED];
            shapeRoot = new double[shapes * REMEMBERED];
            shapeChain = new int[shapes];
            shapeInput = new boolean[shapes];
            shapeExp = new double[shapes * REMEMBERED * n];
            forgetShapes();
        }

        /** @return the thread's spare workspace for n modes and that many analytes, or a new one */
        static Workspace take(int n, int analytes) {
            Workspace spare = SPARE.get();
            if (spare != null && spare.n == n && spare.analytes == analytes) {
                SPARE.set(null);
                spare.forgetShapes();
                return spare;
            }
            return new Workspace(n, analytes);
        }

        /** Makes {@code ws} the thread's spare. */
        static void give(Workspace ws) {
            if (ws != null) {
                SPARE.set(ws);
            }
        }

        /**
         * Forgets the windows of the last run: a shape with no length matches no window, and one never used is never
         * the latest (every other array is written before it is read within a run).
         */
        private void forgetShapes() {
            java.util.Arrays.fill(shapeLength, Double.NaN);
            java.util.Arrays.fill(shapeUsed, 0);
        }
    }

    /**
     * @return the metrics per analyte, in analyte order
     * @throws IllegalStateException if no segment was observed, or a value was not finite
     */
    public Map<Analyte, AnalyteMetrics> metrics() {
        if (!started) {
            throw new IllegalStateException("no segment has been observed yet");
        }
        Map<Analyte, AnalyteMetrics> out = new EnumMap<>(Analyte.class);
        for (int o = 0; o < analytes.length; o++) {
            String what = analytes[o].label();
            if (!finite || !Double.isFinite(auc[o]) || !Double.isFinite(peak[o].max())) {
                throw new IllegalStateException("the exact metrics of " + what + " are not finite");
            }
            List<Double> h = new ArrayList<>(bandLow.length);
            for (double x : hours[o]) {
                h.add(x);
            }
            out.put(analytes[o], new AnalyteMetrics(analytes[o], Math.max(0, peak[o].max()), peak[o].time(),
                    Math.max(0, auc[o]), bands, h, true));
        }
        return Collections.unmodifiableMap(out);
    }
}
