package org.ketaminepk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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

    /** @param rateInputs whether any constant-rate input enters a compartment (else Λ is never needed) */
    DenseScheme(ReachableSubsystem sys, boolean rateInputs, boolean trackSinks) {
        super(sys, trackSinks);
        this.k = sys.k;
        this.rateInputs = rateInputs;
        this.cache = new StepCache<>(h -> new DenseStep(MatrixExponential.taylorPropagator(k, h, rateInputs), n),
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
        Arrays.fill(integral, 0);
        DenseStep whole = cache.get(h);
        if (whole != null) {
            apply(whole);
        } else {
            // h/τ, ⌊h/τ⌋·τ and h − ⌊h/τ⌋·τ are exact: τ is a power of two and ⌊h/τ⌋·τ holds h's leading bits
            long pieces = (long) Math.floor(h / tau);
            double rest = h - pieces * tau;
            for (int level = 0; pieces != 0; level++, pieces >>>= 1) {
                if ((pieces & 1) != 0) {
                    apply(level(level));
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

    /** @return the operators of a step of 2^i·τ hours */
    private DenseStep level(int i) {
        while (ladder.size() <= i) {
            int top = ladder.size() - 1;
            ladder.add(top < 0 ? new DenseStep(MatrixExponential.taylorPropagator(k, tau, rateInputs), n)
                    : ladder.get(top).doubled(Math.scalb(tau, top), n));
        }
        return ladder.get(i);
    }

    /** Advances {@link #x} by the step of {@code p} and adds ∫x over it to {@link #integral}. */
    private void apply(DenseStep p) {
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
     * when they were last needed (the input changes only at events).
     */
    static final class DenseStep {
        final double[] phi;
        final double[] gamma;
        final double[] lambda;
        final double[] gammaR;
        final double[] lambdaR;
        int inputVersion = -1;

        DenseStep(Propagator p, int n) {
            this(ModalScheme.flatten(p.phi(), n), ModalScheme.flatten(p.gamma(), n),
                    p.lambda() == null ? null : ModalScheme.flatten(p.lambda(), n), n);
        }

        private DenseStep(double[] phi, double[] gamma, double[] lambda, int n) {
            this.phi = phi;
            this.gamma = gamma;
            this.lambda = lambda;
            this.gammaR = new double[n];
            this.lambdaR = new double[n];
        }

        /**
         * @param stepH this step's length τ, h
         * @return the operators of a step twice as long, by the exact composition of two steps of τ:
         *         {@code Φ(2τ) = Φ², Γ(2τ) = Γ + ΦΓ, Λ(2τ) = Λ + τΓ + ΦΛ}
         */
        DenseStep doubled(double stepH, int n) {
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
            return new DenseStep(MatrixExponential.product(phi, phi, n), g2, l2, n);
        }
    }
}
