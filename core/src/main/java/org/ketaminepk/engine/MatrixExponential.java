package org.ketaminepk.engine;

import java.util.Optional;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Matrix exponentials and their integrals for compartment rate matrices.
 *
 * <p>Two algorithms. <b>Eigen-decomposition</b> ({@code K = V diag(λ) V⁻¹}) is fast and accurate when V is well
 * conditioned, which is the usual case for mammillary and catenary models. Where the flows group the compartments
 * into blocks of at most three (a parent's mammillary compartments feeding a metabolite's), the decomposition is
 * written out block by block ({@link BlockEigen}); otherwise, or when that route is unsure, Commons Math's general
 * decomposition is used; both pass the same checks before they are trusted. When eigenvalues coincide or nearly
 * do (the classic ka ≈ k10 trap), V becomes singular; then <b>scaling and squaring with the degree-13 Padé
 * approximant</b> (Higham, SIAM J Matrix Anal Appl 2005;26:1179, doi:10.1137/04061101X) is applied to the
 * block matrix of Van Loan (IEEE Trans Autom Control 1978;23:395, doi:10.1109/TAC.1978.1101743)
 * <pre>
 *   exp( h · [[K, I, 0], [0, 0, I], [0, 0, 0]] ) = [[Φ, Γ, Λ], [0, I, hI], [0, 0, I]]
 * </pre>
 * which yields Φ, Γ and Λ at once without inverting K (K may be singular). That 3n×3n exponential costs 27 times
 * the work of an n×n one, too much when a regimen's inputs fall between output points and almost every step has a
 * length of its own; the dense scheme therefore uses {@link #taylorPropagator}: the φ-functions of Kh by a
 * truncated Taylor series of the scaled matrix and the exact doubling relations of the three operators, all n×n
 * (and, for a step whose length does not recur, the same series and doublings once per run, see
 * {@link DenseScheme}). The Padé route remains as an independent check in the tests.
 */
final class MatrixExponential {
    /** Largest acceptable 1-norm condition number of the eigenvector matrix. */
    static final double MAX_EIGEN_CONDITION = 1e6;
    /** Smallest acceptable relative gap between eigenvalues. */
    static final double MIN_EIGEN_GAP = 1e-6;
    /**
     * Largest acceptable estimate of the relative error that rounding puts into the modal coefficients of two nearly
     * equal eigenvalues (see {@link #resonanceHarmless}): the library's accuracy bar. The estimate is pessimistic: for
     * the default model's patients whose ketamine and norketamine rates nearly coincide, estimates of 1e-10 to 4e-9
     * went with a largest error against a Taylor–squaring exponential of 1e-11 to 2e-10. A bound of 1e-10 sent 2.5 % of
     * such a population to the slower dense scheme for no measurable gain.
     */
    static final double MAX_RESONANCE_ERROR = 1e-8;

    private MatrixExponential() {
    }

    /**
     * Pre-computed spectral data of K, reusable for any step length. {@code null} fields mean the eigen route is
     * unsuitable and Padé is used instead.
     */
    public static final class Spectral {
        final int n;
        final double[] lambda;
        final double[][] v;
        final double[][] vinv;
        final double[][] k;

        private Spectral(double[][] k, double[] lambda, double[][] v, double[][] vinv) {
            this.n = k.length;
            this.k = k;
            this.lambda = lambda;
            this.v = v;
            this.vinv = vinv;
        }

        /** @return true when the eigen route is used */
        public boolean usesEigen() {
            return lambda != null;
        }

        /** @return a copy of the eigenvalues (1/h); empty when the eigen route is not used */
        public Optional<double[]> eigenvalues() {
            return lambda == null ? Optional.empty() : Optional.of(lambda.clone());
        }

        /** @return the exact operators for a step of {@code h} hours */
        public Propagator propagator(double h) {
            return lambda != null ? eigenPropagator(this, h) : taylorPropagator(k, h);
        }
    }

    /**
     * Analyses K once: tries the eigen-decomposition and keeps it if the eigenvalues are real, distinct and
     * the eigenvectors well conditioned.
     */
    public static Spectral analyse(double[][] k) {
        if (k.length == 0) {
            return new Spectral(k, new double[0], new double[0][0], new double[0][0]);
        }
        BlockEigen block = BlockEigen.of(k);
        if (block != null && accurate(k, block.lambda, block.v, block.vinv)) {
            // an accurate decomposition with a harmful resonance goes to the dense scheme at once: the estimate is
            // made of K's own eigenvalues and their condition numbers, which the general route finds again to
            // within its rounding (a relative change of about the estimate itself, 1e-8), so it would refuse K too
            return resonanceHarmless(norm1(k), block.lambda, block.v, block.vinv)
                    ? new Spectral(k, block.lambda, block.v, block.vinv) : new Spectral(k, null, null, null);
        }
        return analyseGeneral(k);
    }

    /**
     * The checks that {@link #analyseGeneral} applies, on a decomposition found another way: real eigenvalues a
     * relative {@value #MIN_EIGEN_GAP} apart, V's 1-norm condition number with unit columns
     * ({@link #equilibratedCondition}) below {@value #MAX_EIGEN_CONDITION}, no nearly equal pair whose rounding
     * would cost accuracy ({@link #resonanceHarmless}), and V diag(λ) V⁻¹ within 1e-10 of K in the 1-norm, relative.
     */
    static boolean trusted(double[][] k, double[] lambda, double[][] v, double[][] vinv) {
        return accurate(k, lambda, v, vinv) && resonanceHarmless(norm1(k), lambda, v, vinv);
    }

    /** The checks of {@link #trusted} but the resonance: whether the decomposition is K's, accurately. */
    static boolean accurate(double[][] k, double[] lambda, double[][] v, double[][] vinv) {
        int n = k.length;
        double scale = 0;
        for (double l : lambda) {
            if (!Double.isFinite(l)) {
                return false;
            }
            scale = Math.max(scale, Math.abs(l));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(lambda[i] - lambda[j]) <= MIN_EIGEN_GAP * Math.max(scale, 1e-300)) {
                    return false;
                }
            }
        }
        if (!(equilibratedCondition(v, vinv) < MAX_EIGEN_CONDITION)) {
            return false;
        }
        double kNorm = norm1(k);
        double err = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int l = 0; l < n; l++) {
                    acc += v[i][l] * lambda[l] * vinv[l][j];
                }
                col += Math.abs(acc - k[i][j]);
            }
            err = Math.max(err, col);
        }
        return err <= 1e-10 * Math.max(kNorm, 1e-300);
    }

    /**
     * Whether no two eigenvalues are so close that the modal form loses accuracy. Two modes λᵢ ≈ λⱼ that the flows
     * couple (a metabolite eliminated at nearly the rate its parent is) carry coefficients of size 1/(λᵢ − λⱼ) and
     * opposite sign, which cancel; each eigenvalue is known only to about ε‖K‖κᵢ, κᵢ = ‖xᵢ‖‖yᵢ‖ its condition
     * number (xᵢ the column of V, yᵢ the row of V⁻¹; Golub GH, Van Loan CF, Matrix Computations, 4th ed., §7.2.2),
     * so the coefficients, and the concentration, are wrong by at most about ε‖K‖(κᵢ + κⱼ)/|λᵢ − λⱼ| relative. A
     * random parent–metabolite system with a relative gap of 1e-4 (estimate 2.5e-8) lost 3e-9; the dense scheme has
     * no such loss, so a system whose estimate exceeds {@value #MAX_RESONANCE_ERROR} goes there.
     */
    static boolean resonanceHarmless(double kNorm, double[] lambda, double[][] v, double[][] vinv) {
        return resonanceError(kNorm, lambda, v, vinv) <= MAX_RESONANCE_ERROR;
    }

    /** @return the largest ε‖K‖(κᵢ + κⱼ)/|λᵢ − λⱼ| over the pairs (see {@link #resonanceHarmless}), or infinity */
    static double resonanceError(double kNorm, double[] lambda, double[][] v, double[][] vinv) {
        int n = lambda.length;
        double[] kappa = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 0;
            double y = 0;
            for (int r = 0; r < n; r++) {
                x += Math.abs(v[r][i]);
                y += Math.abs(vinv[i][r]);
            }
            kappa[i] = x * y;
        }
        double unit = Math.ulp(1.0);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double e = unit * kNorm * (kappa[i] + kappa[j]) / Math.abs(lambda[i] - lambda[j]);
                worst = e > worst || Double.isNaN(e) ? e : worst;
            }
        }
        return Double.isNaN(worst) ? Double.POSITIVE_INFINITY : worst;
    }

    /**
     * The 1-norm condition number of V with its columns scaled to unit 1-norm (and V⁻¹'s rows scaled inversely):
     * ‖V D⁻¹‖₁ ‖D V⁻¹‖₁ with D = diag(‖vⱼ‖₁), whose first factor is 1. An eigenvector's length is arbitrary, so the
     * raw ‖V‖‖V⁻¹‖ depends on how a decomposition happens to scale its vectors; two decompositions of one matrix
     * could then judge it differently. Scaled this way the number is that of the matrix, and within a factor n of the
     * smallest over all column scalings (van der Sluis A (1969) Numer Math 14:14-23).
     */
    static double equilibratedCondition(double[][] v, double[][] vinv) {
        int n = v.length;
        double[] length = new double[n];
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += Math.abs(v[i][j]);
            }
            length[j] = col;
        }
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int l = 0; l < n; l++) {
                col += length[l] * Math.abs(vinv[l][j]);
            }
            norm = Math.max(norm, col);
        }
        return norm;
    }

    /** @return the largest column sum of absolute values, as Commons Math's {@code RealMatrix#getNorm} */
    static double norm1(double[][] a) {
        double norm = 0;
        for (int j = 0; j < a.length; j++) {
            double col = 0;
            for (double[] row : a) {
                col += Math.abs(row[j]);
            }
            norm = Math.max(norm, col);
        }
        return norm;
    }

    /**
     * {@link #analyse} by the general route alone (Commons Math's eigen-decomposition, whatever the structure): the
     * reference that the structured route of {@link BlockEigen} is tested against.
     */
    static Spectral analyseGeneral(double[][] k) {
        int n = k.length;
        if (n == 0) {
            return new Spectral(k, new double[0], new double[0][0], new double[0][0]);
        }
        try {
            RealMatrix km = new Array2DRowRealMatrix(k, true);
            EigenDecomposition ed = new EigenDecomposition(km);
            if (ed.hasComplexEigenvalues()) {
                return new Spectral(k, null, null, null);
            }
            double[] lambda = ed.getRealEigenvalues();
            double scale = 0;
            for (double l : lambda) {
                scale = Math.max(scale, Math.abs(l));
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (Math.abs(lambda[i] - lambda[j]) <= MIN_EIGEN_GAP * Math.max(scale, 1e-300)) {
                        return new Spectral(k, null, null, null);
                    }
                }
            }
            RealMatrix v = ed.getV();
            LUDecomposition lu = new LUDecomposition(v, 1e-300);
            if (!lu.getSolver().isNonSingular()) {
                return new Spectral(k, null, null, null);
            }
            RealMatrix vinv = lu.getSolver().getInverse();
            double[][] vd = v.getData();
            FlowStructure fs = FlowStructure.of(k, vd, vinv.getData());
            // V with its structural zeros, and its own inverse (whose structural zeros are then round-off)
            for (int c = 0; c < n; c++) {
                for (int i = 0; i < n; i++) {
                    if (!fs.reach[fs.home[i]][c]) {
                        vd[c][i] = 0;
                    }
                }
            }
            v = new Array2DRowRealMatrix(vd, false);
            lu = new LUDecomposition(v, 1e-300);
            if (!lu.getSolver().isNonSingular()) {
                return new Spectral(k, null, null, null);
            }
            double[][] vinvd = lu.getSolver().getInverse().getData();
            for (int c = 0; c < n; c++) {
                for (int i = 0; i < n; i++) {
                    if (!fs.reach[c][fs.home[i]]) {
                        vinvd[i][c] = 0;
                    }
                }
            }
            vinv = new Array2DRowRealMatrix(vinvd, false);
            if (!(equilibratedCondition(vd, vinvd) < MAX_EIGEN_CONDITION)
                    || !resonanceHarmless(km.getNorm(), lambda, vd, vinvd)) {
                return new Spectral(k, null, null, null);
            }
            // Guard against an inaccurate decomposition: reconstruct K and compare.
            RealMatrix rec = v.multiply(new Array2DRowRealMatrix(diag(lambda), false)).multiply(vinv);
            double err = rec.subtract(km).getNorm();
            if (!(err <= 1e-10 * Math.max(km.getNorm(), 1e-300))) {
                return new Spectral(k, null, null, null);
            }
            return new Spectral(k, lambda, vd, vinvd);
        } catch (RuntimeException ex) {
            return new Spectral(k, null, null, null);
        }
    }

    /**
     * The entries of V and V⁻¹ that the flows make exactly zero, which the numerical decomposition leaves at
     * round-off. Each eigenvalue belongs to one group of compartments that reach each other (a strongly connected
     * component of the flow graph): its right eigenvector is zero outside the compartments that group reaches, its
     * left eigenvector zero outside those that reach the group. Left at round-off, a mode carrying a large amount
     * downstream leaks 1e-16 of it into an upstream compartment that holds far less — a compartment would be
     * accurate only relative to the largest amount in the system, not to its own. With the zeros set, an amount
     * depends only on the modes and inputs that can reach it.
     *
     * @param reach {@code reach[a][b]}: a flows, directly or not, into b (or a == b)
     * @param home each mode's group, by the group's lowest compartment index
     */
    private record FlowStructure(boolean[][] reach, int[] home) {
        static FlowStructure of(double[][] k, double[][] v, double[][] vinv) {
            int n = k.length;
            boolean[][] reach = new boolean[n][n];
            for (int a = 0; a < n; a++) {
                for (int b : ReachableSubsystem.downstream(k, new int[] {a}, c -> true)) {
                    reach[a][b] = true;
                }
            }
            int[] group = new int[n];
            for (int a = 0; a < n; a++) {
                int g = 0;
                while (!(reach[a][g] && reach[g][a])) {
                    g++;
                }
                group[a] = g;
            }
            // a mode's group is where its participation factors v[c][i]·v⁻¹[i][c] (which sum to 1) lie; outside
            // it one of the two eigenvectors is zero, so they are round-off there
            int[] home = new int[n];
            for (int i = 0; i < n; i++) {
                double most = -1;
                for (int c = 0; c < n; c++) {
                    double p = Math.abs(v[c][i] * vinv[i][c]);
                    if (p > most) {
                        most = p;
                        home[i] = group[c];
                    }
                }
            }
            return new FlowStructure(reach, home);
        }
    }

    /** Convenience: the exact operators of K over {@code h} hours, chosen as in {@link #analyse}. */
    public static Propagator propagator(double[][] k, double h) {
        return analyse(k).propagator(h);
    }

    private static double[][] diag(double[] d) {
        double[][] m = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            m[i][i] = d[i];
        }
        return m;
    }

    static Propagator eigenPropagator(Spectral s, double h) {
        int n = s.n;
        double[] ephi = new double[n];
        double[] egam = new double[n];
        double[] elam = new double[n];
        for (int i = 0; i < n; i++) {
            double z = s.lambda[i] * h;
            ephi[i] = Math.exp(z);
            egam[i] = phi1(z) * h;
            elam[i] = phi2(z) * h * h;
        }
        return new Propagator(sandwich(s.v, ephi, s.vinv), sandwich(s.v, egam, s.vinv), sandwich(s.v, elam, s.vinv),
                "eigen");
    }

    private static double[][] sandwich(double[][] v, double[] d, double[][] vinv) {
        int n = d.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int l = 0; l < n; l++) {
                    acc += v[i][l] * d[l] * vinv[l][j];
                }
                out[i][j] = acc;
            }
        }
        return out;
    }

    /** φ₁(z) = (eᶻ − 1)/z, accurate near 0. */
    static double phi1(double z) {
        if (Math.abs(z) < 1e-5) {
            return 1 + z / 2 + z * z / 6 + z * z * z / 24;
        }
        return Math.expm1(z) / z;
    }

    /** φ₂(z) = (eᶻ − 1 − z)/z², accurate near 0. */
    static double phi2(double z) {
        if (Math.abs(z) < 0.5) {
            double term = 0.5;
            double sum = term;
            for (int k = 3; k < 30; k++) {
                term *= z / k;
                sum += term;
                if (Math.abs(term) < 1e-18 * Math.abs(sum)) {
                    break;
                }
            }
            return sum;
        }
        return (Math.expm1(z) - z) / (z * z);
    }

    /** Degree of the Taylor series of the scaled matrix (its norm is at most {@link #TAYLOR_NORM}). */
    static final int TAYLOR_DEGREE = 14;
    /** Largest 1-norm of the scaled matrix Kh/2^s: the series' truncation error is below 0.5^15/15! ≈ 2e-17. */
    static final double TAYLOR_NORM = 0.5;

    /**
     * Φ, Γ and Λ for a step of {@code h} hours by scaling and squaring of the φ-functions: with X = Kh/2^s of 1-norm
     * at most {@value #TAYLOR_NORM}, {@code φ_k(X) = Σ_j X^j/(j+k)!} to degree {@value #TAYLOR_DEGREE} give the
     * operators of the step h₀ = h/2^s ({@code Φ = φ₀(X), Γ = h₀φ₁(X), Λ = h₀²φ₂(X)}); then s doublings, each the
     * exact composition of two equal steps of length τ:
     * <pre>
     *   Φ(2τ) = Φ(τ)²,   Γ(2τ) = Γ(τ) + Φ(τ)Γ(τ),   Λ(2τ) = Λ(τ) + τΓ(τ) + Φ(τ)Λ(τ)
     * </pre>
     * (the last from ∫₀^{2τ}(2τ−s)e^{Ks}ds split at τ). Only n×n products; K may be singular. Compartment matrices
     * (non-negative off the diagonal) keep the terms of the series well behaved.
     */
    static Propagator taylorPropagator(double[][] k, double h) {
        return taylorPropagator(k, h, true);
    }

    /**
     * As {@link #taylorPropagator(double[][], double)}; without {@code withLambda}, Λ (needed only under a
     * constant-rate input) is left out, a third of the doubling work, and is null in the result.
     */
    static Propagator taylorPropagator(double[][] k, double h, boolean withLambda) {
        int n = k.length;
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += Math.abs(k[i][j]);
            }
            norm = Math.max(norm, col * h);
        }
        int s = norm > TAYLOR_NORM ? (int) Math.ceil(Math.log(norm / TAYLOR_NORM) / Math.log(2)) : 0;
        double h0 = Math.scalb(h, -s);
        double[] x = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = k[i][j] * h0;
            }
        }
        // φ_k(X) = Σ_j X^j / (j+k)!, summed from the smallest term up
        double[][] pow = new double[TAYLOR_DEGREE + 1][];
        pow[1] = x;
        for (int j = 2; j <= TAYLOR_DEGREE; j++) {
            pow[j] = product(pow[j - 1], x, n);
        }
        double[] phi = new double[n * n];
        double[] gamma = new double[n * n];
        double[] lambda = new double[n * n];
        double[] scale = {1, h0, h0 * h0};
        double[][] out = {phi, gamma, lambda};
        for (int kk = 0; kk < (withLambda ? 3 : 2); kk++) {
            double[] o = out[kk];
            for (int j = TAYLOR_DEGREE; j >= 1; j--) {
                double c = 1 / factorial(j + kk);
                double[] pj = pow[j];
                for (int q = 0; q < n * n; q++) {
                    o[q] += c * pj[q];
                }
            }
            double c0 = 1 / factorial(kk);
            for (int i = 0; i < n; i++) {
                o[i * n + i] += c0;
            }
            for (int q = 0; q < n * n; q++) {
                o[q] *= scale[kk];
            }
        }
        double tau = h0;
        for (int d = 0; d < s; d++) {
            double[] pg = product(phi, gamma, n);
            if (withLambda) {
                double[] pl = product(phi, lambda, n);
                for (int q = 0; q < n * n; q++) {
                    lambda[q] = lambda[q] + tau * gamma[q] + pl[q];
                }
            }
            for (int q = 0; q < n * n; q++) {
                gamma[q] = gamma[q] + pg[q];
            }
            phi = product(phi, phi, n);
            tau *= 2;
        }
        return new Propagator(unflatten(phi, n), unflatten(gamma, n), withLambda ? unflatten(lambda, n) : null,
                "taylor");
    }

    private static double factorial(int j) {
        double f = 1;
        for (int i = 2; i <= j; i++) {
            f *= i;
        }
        return f;
    }

    /** @return a·b, both n×n row-major */
    static double[] product(double[] a, double[] b, int n) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int l = 0; l < n; l++) {
                double ail = a[row + l];
                if (ail == 0) {
                    continue;
                }
                int brow = l * n;
                for (int j = 0; j < n; j++) {
                    out[row + j] += ail * b[brow + j];
                }
            }
        }
        return out;
    }

    private static double[][] unflatten(double[] f, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * n, a[i], 0, n);
        }
        return a;
    }

    private static final double[] PADE13 = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
        10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0};
    private static final double THETA13 = 5.371920351148152;

    static Propagator padePropagator(double[][] k, double h) {
        int n = k.length;
        int big = 3 * n;
        double[][] a = new double[big][big];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = k[i][j] * h;
            }
            a[i][n + i] = h;
            a[n + i][2 * n + i] = 1.0;
        }
        // The block matrix is scaled so that the (2,3) block becomes I: exp of [[Kh, hI, 0],[0,0,I],[0,0,0]]
        // has top row [Φ, Γ, Λ/h]; we undo the 1/h below.
        double[][] ex = expm(a);
        double[][] phi = new double[n][n];
        double[][] gamma = new double[n][n];
        double[][] lambda = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                phi[i][j] = ex[i][j];
                gamma[i][j] = ex[i][n + j];
                lambda[i][j] = ex[i][2 * n + j] * h;
            }
        }
        return new Propagator(phi, gamma, lambda, "pade");
    }

    /** exp(A) by scaling and squaring with the [13/13] Padé approximant (Higham 2005, Algorithm 2.3). */
    public static double[][] expm(double[][] a) {
        int n = a.length;
        RealMatrix am = new Array2DRowRealMatrix(a, true);
        double norm = am.getNorm();
        int s = 0;
        if (norm > THETA13) {
            s = Math.max(0, (int) Math.ceil(Math.log(norm / THETA13) / Math.log(2)));
        }
        RealMatrix x = am.scalarMultiply(Math.pow(2, -s));
        RealMatrix id = identity(n);
        RealMatrix x2 = x.multiply(x);
        RealMatrix x4 = x2.multiply(x2);
        RealMatrix x6 = x4.multiply(x2);
        double[] b = PADE13;
        RealMatrix u = x.multiply(x6.multiply(x6.scalarMultiply(b[13]).add(x4.scalarMultiply(b[11]))
                .add(x2.scalarMultiply(b[9])))
                .add(x6.scalarMultiply(b[7])).add(x4.scalarMultiply(b[5])).add(x2.scalarMultiply(b[3]))
                .add(id.scalarMultiply(b[1])));
        RealMatrix v = x6.multiply(x6.scalarMultiply(b[12]).add(x4.scalarMultiply(b[10])).add(x2.scalarMultiply(b[8])))
                .add(x6.scalarMultiply(b[6])).add(x4.scalarMultiply(b[4])).add(x2.scalarMultiply(b[2]))
                .add(id.scalarMultiply(b[0]));
        RealMatrix p = v.add(u);
        RealMatrix q = v.subtract(u);
        RealMatrix r = new LUDecomposition(q).getSolver().solve(p);
        for (int i = 0; i < s; i++) {
            r = r.multiply(r);
        }
        return r.getData();
    }

    private static RealMatrix identity(int n) {
        RealMatrix id = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            id.setEntry(i, i, 1.0);
        }
        return id;
    }
}
