package org.ketaminepk.engine;

import java.util.Arrays;

import org.ketaminepk.base.TimeGrid;

/**
 * Carries the modes {@code y = V⁻¹ x}; used whenever the eigen-decomposition is trustworthy. Between events,
 * consecutive output points a step of the same length apart form a block whose values are computed together.
 * Buffers hold the points of a block at indices {@code 0..count−1} (after 1..count steps).
 */
final class ModalScheme extends SteppingScheme {

    final double[] lambda;
    /** V, row-major. */
    final double[] v;
    /** V⁻¹, row-major. */
    final double[] vinv;
    /** E·V, row-major m×n: sink inflow per unit of each mode. */
    final double[] ev;
    final double[] y;
    final double[] rho;
    int rhoVersion = -1;
    double blockStartH;
    final StepCache<ModalStep> cache;

    /**
     * @param observedOnly whether only the observed compartments are reported
     * @param pointAuc whether the AUC is reported at every point (not only at the end of blocks)
     */
    ModalScheme(ReachableSubsystem sys, MatrixExponential.Spectral spectral, boolean trackSinks,
            boolean observedOnly, boolean pointAuc) {
        super(sys, trackSinks, observedOnly, pointAuc);
        this.lambda = spectral.lambda;
        this.cache = new StepCache<>(h -> new ModalStep(lambda, h));
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
        this.y = new double[n];
        this.rho = new double[n];
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
        // the amounts just after the bolus are known exactly: no round-off from V·V⁻¹ at the bolus time
        x[c] += umol;
    }

    private ModalStep step(double h) {
        return cache.get(h);
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
        double h = stepTo(grid, gi, t);
        // a block runs while the output points stay before the next event and a step of the same key apart
        double[] times = timeBuf;
        blockStartH = t;
        int count = runLength(grid, gi, h, nextEvent, times);
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
        handOver(gi, count, times, fullRowsOut, rowBuf, aucBuf, sinkBuf, observedOnly, observer);
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
            addColumn(xb, ib, steps, p[i], g[i], l == null ? null : l[i], v[row + i] * y[i],
                    in == null ? 0 : v[row + i] * in[i]);
        }
    }

    /**
     * {@code buf[j] += Σ_i w[row+i]·(a[i][j]·y₀[i] + b[i][j]·ρ[i])} for j = 0..steps−1, mode by mode so that
     * the inner loop runs over the block.
     */
    private void accumulate(double[] buf, int steps, double[][] a, double[][] b, int row, double[] w,
            double[] in) {
        for (int i = 0; i < n; i++) {
            addColumn(buf, steps, a[i], b == null ? null : b[i], w[row + i] * y[i],
                    in == null ? 0 : w[row + i] * in[i]);
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

    /**
     * Per-step-length data of the modal scheme: for each mode i and each number of steps j + 1 up to the block
     * length, the tables {@code P[i][j] = e^{λ(j+1)h}}, {@code G[i][j] = ∫₀^{(j+1)h} e^{λs} ds} and
     * {@code L[i][j] = ∫₀^{(j+1)h} ((j+1)h − s) e^{λs} ds}, built by exact one-step recurrences and extended on
     * demand. With them the modes after j + 1 steps are {@code P y₀ + G ρ} and their integrals {@code G y₀ + L ρ}:
     * each output point of a block is a short sum over the modes, computed for the whole block at once. (Index j
     * holds j + 1 steps so that tables and output buffers share indices, which lets the JIT vectorise the loops.)
     */
    static final class ModalStep {
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

    static double[] flatten(double[][] a, int n) {
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }
}
