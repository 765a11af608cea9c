package org.ketaminepk.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;

/**
 * The exact metrics as they were found before the structured eigen-decomposition and the faster root refinement:
 * Newton steps safeguarded by bisection on every term of every analyte, expm1 throughout, a segment's exponentials
 * computed afresh for each use. Kept as the reference that the faster code is compared against, with its tolerances
 * tightened from 1e-9 h to 1e-12 h so that its own refinement error does not enter the comparison. Test code only.
 */
final class PreviousExactMetrics implements ExponentialSegments.Consumer {
    /** Largest error of a crossing time or a time of maximum, h (about 4 µs). */
    static final double TIME_TOLERANCE_H = 1e-12;
    /**
     * Largest error of the zeros found at depth 1 and below, h: they only split the segment into monotone pieces, and
     * an error this small could hide only a pair of zeros closer together than it (a touch, not a crossing).
     */
    static final double SPLIT_TOLERANCE_H = 1e-10;
    /** Most iterations of the root refinement; the bisection fallback converges well before. */
    private static final int MAX_ITERATIONS = 200;

    private final Analyte[] analytes;
    private final double[] scale;
    private final List<Band> bands;
    private final double[] bandLow;
    private final double[] bandHigh;
    private final double windowStartH;
    private final double windowEndH;
    private final double aucEndH;

    private final double[] cmax;
    private final double[] tmax;
    private final double[] auc;
    private final double[][] hours;
    private boolean finite = true;
    private boolean started;

    // concentration samples at display times (optional)
    private double[] displayTimes;
    private double[][] displayOut;
    private int displayNext;

    // work arrays, sized at start()
    private int n;
    /** Eigenvalues ascending; {@code order[k]} is the engine's index of the k-th. */
    private double[] lambda;
    private int[] order;
    private double[] a;
    private double[] b;
    private double[][] coef;
    private double[][] roots;
    private double[] breaks;
    private double[] values;
    private double[] expStep;
    private double[] expNow;
    private double[] expFrom;
    private double[] expTo;

    private PreviousExactMetrics(Analyte[] analytes, double[] scale, List<Band> bands, double windowStartH,
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
        cmax = new double[o];
        tmax = new double[o];
        auc = new double[o];
        hours = new double[o][bandLow.length];
        java.util.Arrays.fill(cmax, Double.NEGATIVE_INFINITY);
    }

    /**
     * @param system the system to be solved (its observations say which analytes are reported)
     * @param bands the bands whose time to measure (may be empty)
     * @param grid the span over which Cmax, Tmax and band times are taken (its first to its last time); AUC runs
     *        from 0 to its end
     * @return a fresh accumulator for one run
     */
    static PreviousExactMetrics of(CompartmentSystem system, List<Band> bands, TimeGrid grid) {
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
        return new PreviousExactMetrics(analytes, scale, bands, grid.time(0), grid.endH());
    }

    /**
     * Also records the concentration of every analyte at each of {@code timesH}, into {@code out[observation][j]}
     * (observations in analyte order), ng/mL. The value at an input change includes that input.
     *
     * @param timesH ascending times, h, within the run's span
     * @param out one array per analyte, each at least as long as {@code timesH}
     * @return this
     */
    PreviousExactMetrics recording(double[] timesH, double[][] out) {
        this.displayTimes = Checks.notNull("times", timesH);
        this.displayOut = Checks.notNull("out", out);
        this.displayNext = 0;
        return this;
    }

    /**
     * Solves {@code system} under {@code schedule} as exponential segments to the end of {@code grid} and returns the
     * exact metrics, or null when the system's eigen-decomposition is not trusted (then nothing was computed: use
     * StreamingMetrics on the grid). Thread-safe.
     *
     * @return the metrics per analyte, in analyte order, or null
     */
    public static Map<Analyte, AnalyteMetrics> compute(CompartmentSystem system, Schedule schedule, TimeGrid grid,
            List<Band> bands) {
        PreviousExactMetrics m = of(system, bands, grid);
        return m.run(system, schedule) ? m.metrics() : null;
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
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (p, q) -> Double.compare(lambdaPerH[p], lambdaPerH[q]));
        order = new int[n];
        lambda = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = idx[k];
            lambda[k] = lambdaPerH[idx[k]];
        }
        a = new double[n];
        b = new double[n];
        coef = new double[n + 1][n];
        roots = new double[n + 1][n + 1];
        breaks = new double[n + 2];
        values = new double[n + 2];
        expStep = new double[n];
        expNow = new double[n];
        expFrom = new double[n];
        expTo = new double[n];
        started = true;
    }

    @Override
    public void segment(double startH, double endH, boolean last, double[][] u, double[][] w, double[] expm1) {
        double h = endH - startH;
        for (int o = 0; o < analytes.length; o++) {
            double s = scale[o];
            double[] uo = u[o];
            double[] wo = w[o];
            for (int k = 0; k < n; k++) {
                a[k] = uo[order[k]] * s;
                b[k] = wo[order[k]] * s;
            }
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
    }

    /** Cmax, Tmax and band times of analyte {@code o} over τ ∈ [from, to] of the segment starting at {@code startH}. */
    private void window(int o, double startH, double from, double to) {
        double[] d = coef[0];
        for (int k = 0; k < n; k++) {
            d[k] = lambda[k] * a[k] + b[k];
        }
        int count = 0;
        breaks[count++] = from;
        if (to > from) {
            for (int k = 0; k < n; k++) {
                expFrom[k] = Math.exp(lambda[k] * from);
                expTo[k] = Math.exp(lambda[k] * to);
            }
            int r = zeros(0, n, from, to, roots[0]);
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
            if (c > cmax[o]) {
                cmax[o] = c;
                tmax[o] = startH + breaks[k];
            }
        }
        double[] hb = hours[o];
        for (int q = 0; q < hb.length; q++) {
            double lo = bandLow[q];
            double hi = bandHigh[q];
            for (int k = 0; k + 1 < count; k++) {
                hb[q] += inside(breaks[k], breaks[k + 1], values[k], values[k + 1], lo, hi);
            }
        }
    }

    /** Hours within [lo, hi] of a monotone piece from {@code t0} (value {@code c0}) to {@code t1} ({@code c1}). */
    private double inside(double t0, double t1, double c0, double c1, double lo, double hi) {
        double low = Math.min(c0, c1);
        double high = Math.max(c0, c1);
        if (high < lo || low > hi) {
            return 0;
        }
        if (low >= lo && high <= hi) {
            return t1 - t0;
        }
        // one edge or both are crossed, each once: the curve is monotone here
        double enter = t0;
        double leave = t1;
        boolean rising = c1 > c0;
        if (rising) {
            if (c0 < lo) {
                enter = level(t0, t1, c0 - lo, c1 - lo, lo);
            }
            if (c1 > hi) {
                leave = level(t0, t1, c0 - hi, c1 - hi, hi);
            }
        } else {
            if (c0 > hi) {
                enter = level(t0, t1, c0 - hi, c1 - hi, hi);
            }
            if (c1 < lo) {
                leave = level(t0, t1, c0 - lo, c1 - lo, lo);
            }
        }
        return Math.max(0, leave - enter);
    }

    /** Concentration at τ, ng/mL, in the form without cancellation: Σ a e^{λτ} + b (e^{λτ} − 1)/λ. */
    private double value(double tau) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double l = lambda[k];
            double m = Math.expm1(l * tau);
            sum += a[k] + a[k] * m + (l == 0 ? b[k] * tau : b[k] * (m / l));
        }
        return sum;
    }

    /** ∫₀^T C dτ, ng·h/mL, in closed form. */
    private double integral(double t) {
        if (t <= 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double z = lambda[k] * t;
            sum += a[k] * phi1(z) * t + b[k] * phi2(z) * t * t;
        }
        return sum;
    }

    /** φ₁(z) = (e^z − 1)/z. */
    static double phi1(double z) {
        return z == 0 ? 1 : Math.expm1(z) / z;
    }

    /** φ₂(z) = (e^z − 1 − z)/z², by its Taylor series where the closed form would cancel. */
    static double phi2(double z) {
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
        return (Math.expm1(z) - z) / (z * z);
    }

    /**
     * Zeros in (lo, hi) of {@code Σ_{k<terms} coef[depth][k] e^{λ_k τ}} (λ ascending) where it changes sign,
     * ascending, into {@code out}.
     *
     * @return how many
     */
    private int zeros(int depth, int terms, double lo, double hi, double[] out) {
        double[] c = coef[depth];
        int changes = 0;
        double lastSign = 0;
        for (int k = 0; k < terms; k++) {
            double sg = Math.signum(c[k]);
            if (sg != 0) {
                if (lastSign != 0 && sg != lastSign) {
                    changes++;
                }
                lastSign = sg;
            }
        }
        if (changes == 0) {
            return 0;
        }
        // lo and hi are the window's ends at every depth: their exponentials are computed once per window
        double flo = dot(c, expFrom, terms);
        double fhi = dot(c, expTo, terms);
        // one change made after the speed work, in both: a sum whose exponentials all underflow far into a long
        // segment keeps its sign (read from the sum over its slowest exponential)
        if (flo == 0) {
            flo = scaledSum(c, terms, lo);
        }
        if (fhi == 0) {
            fhi = scaledSum(c, terms, hi);
        }
        if (changes == 1) {
            if (flo * fhi < 0) {
                out[0] = refine(depth, terms, lo, hi, flo, fhi, 0);
                return 1;
            }
            return 0;
        }
        // the zeros of d/dτ (e^{−λ_top τ} Σ ...) — one term fewer — split (lo, hi) into monotone pieces
        double top = lambda[terms - 1];
        double[] next = coef[depth + 1];
        for (int k = 0; k < terms - 1; k++) {
            next[k] = c[k] * (lambda[k] - top);
        }
        double[] inner = roots[depth + 1];
        int m = zeros(depth + 1, terms - 1, lo, hi, inner);
        int found = 0;
        double left = lo;
        double fl = flo;
        for (int j = 0; j <= m; j++) {
            double right = j < m ? inner[j] : hi;
            double fr = j < m ? sum(c, terms, right) : fhi;
            if (fl * fr < 0) {
                out[found++] = refine(depth, terms, left, right, fl, fr, 0);
            }
            left = right;
            fl = fr;
        }
        return found;
    }

    private static double dot(double[] c, double[] e, int terms) {
        double s = 0;
        for (int k = 0; k < terms; k++) {
            s += c[k] * e[k];
        }
        return s;
    }

    private double sum(double[] c, int terms, double tau) {
        double s = 0;
        for (int k = 0; k < terms; k++) {
            s += c[k] * Math.exp(lambda[k] * tau);
        }
        return s == 0 ? scaledSum(c, terms, tau) : s;
    }

    private double scaledSum(double[] c, int terms, double tau) {
        int top = terms - 1;
        while (top > 0 && c[top] == 0) {
            top--;
        }
        double shift = lambda[top];
        double s = 0;
        for (int k = 0; k < terms; k++) {
            s += c[k] * Math.exp((lambda[k] - shift) * tau);
        }
        return s;
    }

    /** Where the concentration meets {@code level} in a bracket [t0, t1] whose ends differ in sign. */
    private double level(double t0, double t1, double f0, double f1, double level) {
        return refine(-1, 0, t0, t1, f0, f1, level);
    }

    /**
     * Refines the zero bracketed by [x0, x1] ({@code f0 · f1 < 0}) of the exponential sum at {@code depth}, or, with
     * depth −1, of C(τ) − level: Newton steps from the regula falsi point, each kept only if it stays inside the
     * shrinking bracket and at least halves the previous step, a bisection otherwise (Press et al., <i>Numerical
     * Recipes</i>, 3rd ed., §9.4, "rtsafe"). Derivatives are exact: the same exponentials give value and slope.
     */
    private double refine(int depth, int terms, double x0, double x1, double f0, double f1, double level) {
        double lo = x0;
        double hi = x1;
        boolean loNegative = f0 < 0;
        double x = (x0 * f1 - x1 * f0) / (f1 - f0);
        if (!(x > lo && x < hi)) {
            x = 0.5 * (lo + hi);
        }
        double step = hi - lo;
        double previous = step;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double f;
            double slope;
            if (depth < 0) {
                double[] d = coef[0];
                f = -level;
                slope = 0;
                for (int k = 0; k < n; k++) {
                    double l = lambda[k];
                    double m = Math.expm1(l * x);
                    f += a[k] + a[k] * m + (l == 0 ? b[k] * x : b[k] * (m / l));
                    slope += d[k] * (1 + m);
                }
            } else {
                double[] c = coef[depth];
                int top = terms - 1;
                while (top > 0 && c[top] == 0) {
                    top--;
                }
                double shift = lambda[top];
                f = 0;
                slope = 0;
                for (int k = 0; k < terms; k++) {
                    double term = c[k] * Math.exp((lambda[k] - shift) * x);
                    f += term;
                    slope += term * (lambda[k] - shift);
                }
            }
            if (f == 0) {
                return x;
            }
            if ((f < 0) == loNegative) {
                lo = x;
            } else {
                hi = x;
            }
            double newton = x - f / slope;
            previous = step;
            if (newton > lo && newton < hi && Math.abs(newton - x) < 0.5 * previous) {
                step = Math.abs(newton - x);
                x = newton;
            } else {
                step = 0.5 * (hi - lo);
                x = lo + step;
            }
            if (step <= (depth > 0 ? SPLIT_TOLERANCE_H : TIME_TOLERANCE_H)) {
                return x;
            }
        }
        return x;
    }

    /** Concentrations at the display times within this segment. */
    private void record(int o, double startH, double endH, boolean last) {
        double[] out = displayOut[o];
        double prevTau = Double.NaN;
        double prevStep = Double.NaN;
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
                for (int k = 0; k < n; k++) {
                    double e = expNow[k] * expStep[k];
                    expNow[k] = e;
                    double l = lambda[k];
                    sum += a[k] * e + (l == 0 ? b[k] * tau : b[k] * ((e - 1) / l));
                }
            } else {
                boolean stepKnown = !Double.isNaN(step);
                for (int k = 0; k < n; k++) {
                    double l = lambda[k];
                    double m = Math.expm1(l * tau);
                    expNow[k] = 1 + m;
                    if (stepKnown) {
                        expStep[k] = Math.exp(l * step);
                    }
                    sum += a[k] + a[k] * m + (l == 0 ? b[k] * tau : b[k] * (m / l));
                }
                if (stepKnown) {
                    prevStep = step;
                }
            }
            prevTau = tau;
            out[j] = Math.max(0, sum);
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
            if (!finite || !Double.isFinite(auc[o]) || !Double.isFinite(cmax[o])) {
                throw new IllegalStateException("the exact metrics of " + what + " are not finite");
            }
            List<Double> h = new ArrayList<>(bandLow.length);
            for (double x : hours[o]) {
                h.add(x);
            }
            out.put(analytes[o], new AnalyteMetrics(analytes[o], Math.max(0, cmax[o]), tmax[o], Math.max(0, auc[o]),
                    bands, h, true));
        }
        return Collections.unmodifiableMap(out);
    }
}
