package org.ketaminepk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.ketaminepk.base.TimeGrid;

/**
 * Steps the amounts with dense operators; used when the eigen route is unsuitable (coincident eigenvalues, as in a
 * transit chain of equal rate constants).
 *
 * <p>A step length that recurs (the output grid's spacing, a dosing interval) gets whole-step operators of its own
 * ({@link MatrixExponential#taylorPropagator}), built on its {@value #WHOLE_STEP_ON_USE}rd use and applied by one
 * matrix-vector product each time. A step that falls between an output point and an input change, whose length
 * depends on where the two happen to lie, is taken by a <b>dyadic ladder</b> of operators computed once per run:
 * with τ the largest power of two (in hours) for which {@code ‖Kτ‖₁ <= 1/2}, a step of h hours is
 * <pre>
 *   h = Σ_{i ∈ bits of m} 2^i·τ + ρ,   m = ⌊h/τ⌋,  0 <= ρ < τ   (exact in floating point)
 * </pre>
 * Each piece 2^i·τ uses the operators of level i (level 0 by the same Taylor series as a whole step, level i+1 from
 * level i by the exact doubling relations), and the remainder ρ is applied to the state directly by the Taylor
 * series of {@code e^{Kρ}}, {@code φ₁(Kρ)} and {@code φ₂(Kρ)} in matrix-vector products (truncated where the
 * whole-step series is, relative to ‖Kρ‖₁ <= 1/2). The pieces compose exactly — amounts carry over, integrals add —
 * so the result is the same exact solution as one whole-step operator, without an n×n exponential per new length:
 * regular doses between the points of a grid of another spacing cost about log₂(h/τ) + 15 matrix-vector products
 * per step.
 *
 * <p><b>Runs of equal steps.</b> Between input changes, consecutive output points a step of one length h apart (the
 * usual grid) are handled as a block of up to {@value #BLOCK} points, as the modal scheme does, without stepping the
 * state point by point. For each reported row w (a compartment's unit row, or a sink's inflow row) the tables
 * {@code wΦ(jh)}, {@code wΓ(jh)} and {@code wΛ(jh)}, j = 1 .. {@value #BLOCK}, are built once per step length by the
 * exact one-step relations
 * <pre>
 *   Φ((j+1)h) = Φ(jh)Φ(h),   Γ((j+1)h) = Γ(jh) + Φ(jh)Γ(h),   Λ((j+1)h) = Λ(jh) + hΓ(jh) + Φ(jh)Λ(h)
 * </pre>
 * (from {@code Λ(a+b) = Λ(a) + bΓ(a) + Φ(a)Λ(b)}); then the amount after j steps is {@code wΦ(jh)x₀ + wΓ(jh)r} and
 * its integral {@code wΓ(jh)x₀ + wΛ(jh)r}: a short sum per point, independent from point to point, for the reported
 * rows alone. The state at the block's end is composed from the operators of 2^i steps (the doubling relations
 * above, applied to the whole step) for the bits of the block's length: at most log₂ {@value #BLOCK}
 * matrix-vector products per block. Both are exact compositions of the whole step, so the block's values are the
 * same exact solution as stepping point by point, with the same kind of round-off: Φ, Γ and Λ of a compartment
 * matrix (non-negative off its diagonal) are non-negative, so the sums add terms of one sign, and each value keeps
 * the relative accuracy of its own size. A reported value and the AUC do not depend on which other rows are
 * reported, nor on whether the observer takes blocks.
 */
final class DenseScheme extends SteppingScheme {
    /**
     * On which use a step length gets whole-step operators: building them takes n×n products (about ten times the
     * arithmetic of a ladder step for 11 compartments), so a length that recurs often pays for them at once, and one
     * that does not costs at most two ladder steps.
     */
    static final int WHOLE_STEP_ON_USE = 3;
    /** Largest truncation term of the remainder's series, that of the whole-step series at its largest norm. */
    private static final double TRUNCATION;
    /** 1/j! for j = 0 .. degree + 2. */
    private static final double[] INVERSE_FACTORIAL = new double[MatrixExponential.TAYLOR_DEGREE + 3];
    private static final int[] NO_ROWS = {};

    static {
        double f = 1;
        for (int j = 0; j < INVERSE_FACTORIAL.length; j++) {
            f *= Math.max(j, 1);
            INVERSE_FACTORIAL[j] = 1 / f;
        }
        int d = MatrixExponential.TAYLOR_DEGREE;
        TRUNCATION = Math.pow(MatrixExponential.TAYLOR_NORM, d + 1) * INVERSE_FACTORIAL[d + 1];
    }

    final double[][] e;
    /** Compartments whose integral is needed: the observed ones, or all when sinks are tracked. */
    final int[] integralRows;
    final StepCache<DenseStep> cache;
    private final double[][] k;
    /** K, row-major. */
    private final double[] kFlat;
    /** ‖K‖₁, 1/h. */
    private final double normK;
    /** The ladder's base step τ, h: a power of two. */
    private final double tau;
    private final boolean rateInputs;
    /** Level i: the operators of a step of 2^i·τ hours, made when first needed. */
    private final List<DenseStep> ladder = new ArrayList<>();
    /** (Kρ)^j x and (Kρ)^j r, j = 0 .. degree, for the remainder of a ladder step. */
    private final double[][] powersX;
    private final double[][] powersR;
    double[] next;
    /** ∫x over the current step, for {@link #integralRows}. */
    final double[] integral;
    final double[] zero;

    /** The rows w whose tables a block reads: the unit rows of {@link #rowsOut}, then the sinks' rows of E. */
    private final double[][] tableRows;

    /**
     * @param rateInputs whether any constant-rate input enters a compartment (else Λ is never needed)
     * @param observedOnly whether only the observed compartments are reported at the points of a block (the
     *        others then hold NaN there, as {@link Observer#observedCompartmentsOnly} allows)
     */
    DenseScheme(ReachableSubsystem sys, boolean rateInputs, boolean trackSinks, boolean observedOnly) {
        super(sys, trackSinks, observedOnly, true);
        this.k = sys.k;
        this.rateInputs = rateInputs;
        this.cache = new StepCache<>(h -> new DenseStep(MatrixExponential.taylorPropagator(k, h, rateInputs), h, n),
                WHOLE_STEP_ON_USE);
        this.e = sys.e;
        this.integralRows = trackSinks ? IntStream.range(0, n).toArray()
                : Arrays.stream(obsCmt).distinct().sorted().toArray();
        this.kFlat = ModalScheme.flatten(k, n);
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += Math.abs(k[i][j]);
            }
            norm = Math.max(norm, col);
        }
        this.normK = norm;
        // the largest power of two with ‖K‖τ <= 1/2; a system without flows (‖K‖ = 0) takes any step at once
        this.tau = norm > 0 ? Math.min(Math.scalb(1.0, Math.getExponent(MatrixExponential.TAYLOR_NORM / norm)),
                Math.scalb(1.0, 30)) : Math.scalb(1.0, 30);
        this.powersX = new double[MatrixExponential.TAYLOR_DEGREE + 1][n];
        this.powersR = new double[MatrixExponential.TAYLOR_DEGREE + 1][n];
        this.next = new double[n];
        this.integral = new double[n];
        this.zero = new double[n];
        int sinkRows = trackSinks ? m : 0;
        this.tableRows = new double[rowsOut.length + sinkRows][];
        for (int q = 0; q < rowsOut.length; q++) {
            tableRows[q] = new double[n];
            tableRows[q][rowsOut[q]] = 1;
        }
        for (int q = 0; q < sinkRows; q++) {
            tableRows[rowsOut.length + q] = e[q];
        }
    }

    @Override
    void addBolus(int c, double umol) {
        x[c] += umol;
    }

    @Override
    void fillAmounts() {
        // the amounts are the state itself
    }

    @Override
    void advance(double h) {
        advance(cache.get(h), h);
    }

    /** {@link #advance(double)} with the whole-step operators already looked up (null: none yet). */
    private void advance(DenseStep whole, double h) {
        Arrays.fill(integral, 0);
        if (whole != null) {
            apply(whole, true);
        } else {
            // h/τ, ⌊h/τ⌋·τ and h − ⌊h/τ⌋·τ are exact: τ is a power of two and ⌊h/τ⌋·τ holds h's leading bits
            long pieces = (long) Math.floor(h / tau);
            double rest = h - pieces * tau;
            for (int level = 0; pieces != 0; level++, pieces >>>= 1) {
                if ((pieces & 1) != 0) {
                    apply(level(level), true);
                }
            }
            if (rest > 0) {
                applyRemainder(rest);
            }
        }
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

    /**
     * Advances through output point {@code gi} and the further points that follow it a step of the same length apart
     * before {@code nextEvent}, as one block (see the class comment), once that length has whole-step operators
     * (the block's steps count as that many uses of the length); until then one point by the ladder.
     */
    @Override
    int observeRun(TimeGrid grid, int gi, double t, double nextEvent, Observer observer) {
        double first = grid.time(gi);
        double h = stepTo(grid, gi, t);
        int count = runLength(grid, gi, h, nextEvent, timeBuf);
        DenseStep whole = cache.get(h, count);
        if (whole == null) {
            advance(null, h);
            observer.accept(gi, first, full(x), s, auc);
            return 1;
        }
        if (observer instanceof BlockObserver blocks) {
            fillBlock(whole, count, t, false);
            blocks.acceptBlock(gi, count, timeBuf, obsAmounts, auc);
            return count;
        }
        fillBlock(whole, count, t, true);
        if (observer instanceof Recording rec && rowsOut.length == n && sinkBuf.length == m) {
            rec.block(gi, count, timeBuf, fullRowsOut, rowBuf, sinkBuf, aucBuf);
        } else {
            handOver(gi, count, timeBuf, fullRowsOut, rowBuf, aucBuf, sinkBuf, observedOnly, observer);
        }
        return count;
    }

    /**
     * Takes {@code count} steps of the length of {@code whole} from time {@code t}: fills the buffers with the
     * reported amounts (and, with {@code pointAuc}, the AUC) after each step and the sinks when tracked, and brings
     * the state, the AUCs and the sinks to the block's end.
     */
    private void fillBlock(DenseStep whole, int count, double t, boolean pointAuc) {
        RunTables tab = whole.tables(tableRows, count, n);
        double[] x0 = x;
        double[] in = inputActive ? r : null;
        for (int q = 0; q < rowsOut.length; q++) {
            double[] xb = rowBuf[q];
            Arrays.fill(xb, 0, count, 0);
            double[] ib = rowIntegral[q];
            if (pointAuc && ib != null) {
                Arrays.fill(ib, 0, count, 0);
                amountsAndIntegrals(xb, ib, count, tab.p[q], tab.g[q], tab.l[q], x0, in);
            } else {
                accumulate(xb, count, tab.p[q], tab.g[q], x0, in);
            }
        }
        for (int o = 0; o < obsCmt.length; o++) {
            int q = Arrays.binarySearch(rowsOut, obsCmt[o]);
            if (pointAuc) {
                double[] ib = obsIntegral[o];
                double[] buf = aucBuf[o];
                double start = auc[o];
                double inv = obsInvV[o];
                for (int j = 0; j < count; j++) {
                    buf[j] = start + ib[j] * inv;
                }
                auc[o] = buf[count - 1];
            } else {
                auc[o] += pointSum(count, tab.g[q], tab.l[q], x0, in) * obsInvV[o];
            }
        }
        for (int q = 0; q < sinkBuf.length; q++) {
            int row = rowsOut.length + q;
            double[] buf = sinkBuf[q];
            Arrays.fill(buf, 0, count, 0);
            accumulate(buf, count, tab.g[row], tab.l[row], x0, in);
            double start = s[q];
            double rate = rs[q];
            for (int j = 0; j < count; j++) {
                buf[j] = start + buf[j] + rate * (timeBuf[j] - t);
            }
            s[q] = buf[count - 1];
        }
        // the state at the block's end: the operators of 2^i steps for the bits of count
        for (int i = 0, bits = count; bits != 0; i++, bits >>>= 1) {
            if ((bits & 1) != 0) {
                apply(whole.multiple(i), false);
            }
        }
    }

    /**
     * {@code xb[j] += Σ_l (P[l][j] x₀[l] + G[l][j] r[l])} and {@code ib[j] += Σ_l (G[l][j] x₀[l] + L[l][j] r[l])},
     * j = 0..steps−1, one pass per column (the sums of {@link #accumulate} and {@link #pointSum}, in their order).
     */
    private void amountsAndIntegrals(double[] xb, double[] ib, int steps, double[][] p, double[][] g,
            double[][] l, double[] x0, double[] in) {
        for (int c = 0; c < n; c++) {
            addColumn(xb, ib, steps, p[c], g[c], l == null ? null : l[c], x0[c], in == null ? 0 : in[c]);
        }
    }

    /** {@code buf[j] += Σ_l (a[l][j] x₀[l] + b[l][j] r[l])}, j = 0..steps−1, one pass per column. */
    private void accumulate(double[] buf, int steps, double[][] a, double[][] b, double[] x0, double[] in) {
        for (int c = 0; c < n; c++) {
            addColumn(buf, steps, a[c], b == null ? null : b[c], x0[c], in == null ? 0 : in[c]);
        }
    }

    /** One point's worth of {@link #accumulate}: the sum after {@code steps} steps alone. */
    private double pointSum(int steps, double[][] a, double[][] b, double[] x0, double[] in) {
        double acc = 0;
        int j = steps - 1;
        for (int c = 0; c < n; c++) {
            double v = in == null ? 0 : in[c];
            acc += a[c][j] * x0[c] + (v == 0 ? 0 : b[c][j] * v);
        }
        return acc;
    }

    /** @return the operators of a step of 2^i·τ hours */
    private DenseStep level(int i) {
        while (ladder.size() <= i) {
            int top = ladder.size() - 1;
            ladder.add(top < 0 ? new DenseStep(MatrixExponential.taylorPropagator(k, tau, rateInputs), tau, n)
                    : ladder.get(top).doubled(n));
        }
        return ladder.get(i);
    }

    /**
     * Advances {@link #x} by the step of {@code p} and, with {@code integrate}, adds ∫x over it to
     * {@link #integral}.
     */
    private void apply(DenseStep p, boolean integrate) {
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
        for (int i : integrate ? integralRows : NO_ROWS) {
            int row = i * n;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += gam[row + j] * xs[j];
            }
            integral[i] += acc + lr[i];
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
    }

    /**
     * Advances {@link #x} by {@code rho} hours ({@code 0 < rho < τ}) and adds ∫x over the step to {@link #integral}:
     * with X = Kρ and {@code φ_k(X) = Σ_j X^j/(j+k)!},
     * {@code x ← φ₀(X)x + ρφ₁(X)r} and {@code ∫x = ρφ₁(X)x + ρ²φ₂(X)r}, from the vectors X^j x and X^j r.
     */
    private void applyRemainder(double rho) {
        double theta = rho * normK;
        // the lowest degree whose first omitted term, θ^{d+1}/(d+1)!, is within that of the whole-step series
        int degree = 0;
        for (double term = theta; term > TRUNCATION && degree < MatrixExponential.TAYLOR_DEGREE; ) {
            degree++;
            term *= theta / (degree + 1);
        }
        powers(x, rho, degree, powersX);
        boolean input = inputActive;
        if (input) {
            powers(r, rho, degree, powersR);
        }
        double[] out = next;
        for (int i = 0; i < n; i++) {
            // summed from the smallest term up
            double phi0 = 0;
            double phi1 = 0;
            for (int j = degree; j >= 0; j--) {
                double w = powersX[j][i];
                phi0 += w * INVERSE_FACTORIAL[j];
                phi1 += w * INVERSE_FACTORIAL[j + 1];
            }
            double gammaR = 0;
            double lambdaR = 0;
            if (input) {
                for (int j = degree; j >= 0; j--) {
                    double w = powersR[j][i];
                    gammaR += w * INVERSE_FACTORIAL[j + 1];
                    lambdaR += w * INVERSE_FACTORIAL[j + 2];
                }
            }
            out[i] = phi0 + rho * gammaR;
            integral[i] += rho * phi1 + rho * rho * lambdaR;
        }
        next = x;
        x = out;
    }

    /** Fills {@code out[j] = (Kρ)^j v} for j = 0 .. degree. */
    private void powers(double[] v, double rho, int degree, double[][] out) {
        System.arraycopy(v, 0, out[0], 0, n);
        for (int j = 1; j <= degree; j++) {
            double[] prev = out[j - 1];
            double[] cur = out[j];
            for (int i = 0; i < n; i++) {
                int row = i * n;
                double acc = 0;
                for (int l = 0; l < n; l++) {
                    acc += kFlat[row + l] * prev[l];
                }
                cur[i] = acc * rho;
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

    /**
     * The dense operators for one step length, flattened row-major, with Γ·r and Λ·r kept for the input in force
     * when they were last needed (the input changes only at events). A step length that recurs in runs also keeps
     * the operators of 2^i steps and the tables of the reported rows (see the class comment), made when first needed.
     */
    static final class DenseStep {
        final double[] phi;
        final double[] gamma;
        final double[] lambda;
        /** The step's length, h. */
        final double stepH;
        final double[] gammaR;
        final double[] lambdaR;
        int inputVersion = -1;
        /** Index i: the operators of 2^i steps (index 0 is this step). */
        private final List<DenseStep> multiples = new ArrayList<>(1);
        private RunTables tables;

        DenseStep(Propagator p, double stepH, int n) {
            this(ModalScheme.flatten(p.phi(), n), ModalScheme.flatten(p.gamma(), n),
                    p.lambda() == null ? null : ModalScheme.flatten(p.lambda(), n), stepH, n);
        }

        private DenseStep(double[] phi, double[] gamma, double[] lambda, double stepH, int n) {
            this.phi = phi;
            this.gamma = gamma;
            this.lambda = lambda;
            this.stepH = stepH;
            this.gammaR = new double[n];
            this.lambdaR = new double[n];
        }

        /**
         * @return the operators of a step twice as long, by the exact composition of two steps of τ = {@link #stepH}:
         *         {@code Φ(2τ) = Φ², Γ(2τ) = Γ + ΦΓ, Λ(2τ) = Λ + τΓ + ΦΛ}
         */
        DenseStep doubled(int n) {
            double[] pg = MatrixExponential.product(phi, gamma, n);
            double[] g2 = new double[n * n];
            for (int q = 0; q < n * n; q++) {
                g2[q] = gamma[q] + pg[q];
            }
            double[] l2 = null;
            if (lambda != null) {
                double[] pl = MatrixExponential.product(phi, lambda, n);
                l2 = new double[n * n];
                for (int q = 0; q < n * n; q++) {
                    l2[q] = lambda[q] + stepH * gamma[q] + pl[q];
                }
            }
            return new DenseStep(MatrixExponential.product(phi, phi, n), g2, l2, 2 * stepH, n);
        }

        /** @return the operators of 2^i of these steps */
        DenseStep multiple(int i) {
            if (multiples.isEmpty()) {
                multiples.add(this);
            }
            while (multiples.size() <= i) {
                multiples.add(multiples.get(multiples.size() - 1).doubled(gammaR.length));
            }
            return multiples.get(i);
        }

        /**
         * @param rows the rows w to tabulate (the same on every call of one run)
         * @return the tables of {@code rows} for 1 .. {@code steps} of these steps
         */
        RunTables tables(double[][] rows, int steps, int n) {
            if (tables == null) {
                tables = new RunTables(this, rows, n);
            }
            tables.ensure(this, steps, n);
            return tables;
        }
    }

    /**
     * For each row w and column c, the entries {@code (wΦ(jh))_c}, {@code (wΓ(jh))_c} and {@code (wΛ(jh))_c} of j
     * steps at index j − 1 ({@code p[w][c][j−1]}), extended on demand by the exact one-step relations of the class
     * comment. Λ's table is null when the step has no Λ (no constant-rate input).
     */
    static final class RunTables {
        final double[][][] p;
        final double[][][] g;
        final double[][][] l;
        private int filled;

        RunTables(DenseStep step, double[][] rows, int n) {
            int w = rows.length;
            p = new double[w][n][1];
            g = new double[w][n][1];
            l = step.lambda == null ? new double[w][n][] : new double[w][n][1];
            for (int q = 0; q < w; q++) {
                double[] row = rows[q];
                for (int c = 0; c < n; c++) {
                    double pc = 0;
                    double gc = 0;
                    double lc = 0;
                    for (int i = 0; i < n; i++) {
                        pc += row[i] * step.phi[i * n + c];
                        gc += row[i] * step.gamma[i * n + c];
                        lc += step.lambda == null ? 0 : row[i] * step.lambda[i * n + c];
                    }
                    p[q][c][0] = pc;
                    g[q][c][0] = gc;
                    if (step.lambda != null) {
                        l[q][c][0] = lc;
                    }
                }
            }
            filled = 1;
        }

        /** Makes the tables hold 1 .. steps steps. */
        void ensure(DenseStep step, int steps, int n) {
            if (steps <= filled) {
                return;
            }
            double[] phi = step.phi;
            double[] gamma = step.gamma;
            double[] lambda = step.lambda;
            double stepH = step.stepH;
            int cap = Math.max(steps, BLOCK);
            double[] prev = new double[n];
            double[] sumP = new double[n];
            double[] sumG = new double[n];
            double[] sumL = new double[n];
            for (int q = 0; q < p.length; q++) {
                double[][] pq = p[q];
                double[][] gq = g[q];
                double[][] lq = l[q];
                if (pq[0].length < steps) {
                    // a step length used for more than one step is usually used for whole blocks
                    for (int c = 0; c < n; c++) {
                        pq[c] = Arrays.copyOf(pq[c], cap);
                        gq[c] = Arrays.copyOf(gq[c], cap);
                        if (lambda != null) {
                            lq[c] = Arrays.copyOf(lq[c], cap);
                        }
                    }
                }
                for (int j = filled; j < steps; j++) {
                    // one more step: wΦ(jh+h) = wΦ(jh)Φ, wΓ(jh+h) = wΓ(jh) + wΦ(jh)Γ,
                    // wΛ(jh+h) = wΛ(jh) + h·wΓ(jh) + wΦ(jh)Λ; the products summed over i in order, row by row
                    for (int i = 0; i < n; i++) {
                        prev[i] = pq[i][j - 1];
                    }
                    Arrays.fill(sumP, 0);
                    Arrays.fill(sumG, 0);
                    Arrays.fill(sumL, 0);
                    for (int i = 0; i < n; i++) {
                        double w = prev[i];
                        int row = i * n;
                        for (int c = 0; c < n; c++) {
                            sumP[c] += w * phi[row + c];
                            sumG[c] += w * gamma[row + c];
                        }
                        if (lambda != null) {
                            for (int c = 0; c < n; c++) {
                                sumL[c] += w * lambda[row + c];
                            }
                        }
                    }
                    for (int c = 0; c < n; c++) {
                        pq[c][j] = sumP[c];
                        gq[c][j] = gq[c][j - 1] + sumG[c];
                        if (lambda != null) {
                            lq[c][j] = lq[c][j - 1] + stepH * gq[c][j - 1] + sumL[c];
                        }
                    }
                }
            }
            filled = steps;
        }
    }
}
