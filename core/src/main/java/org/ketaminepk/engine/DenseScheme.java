package org.ketaminepk.engine;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Steps the amounts point by point with dense operators ({@link MatrixExponential#taylorPropagator}); used when the
 * eigen route is unsuitable (coincident eigenvalues, as in a transit chain of equal rate constants).
 */
final class DenseScheme extends SteppingScheme {
    final double[][] e;
    /** Compartments whose integral is needed: the observed ones, or all when sinks are tracked. */
    final int[] integralRows;
    final StepCache<DenseStep> cache;
    double[] next;
    final double[] integral;
    final double[] zero;

    /** @param rateInputs whether any constant-rate input enters a compartment (else Λ is never needed) */
    DenseScheme(ReachableSubsystem sys, boolean rateInputs, boolean trackSinks) {
        super(sys, trackSinks);
        double[][] k = sys.k;
        this.cache = new StepCache<>(h -> new DenseStep(MatrixExponential.taylorPropagator(k, h, rateInputs), n));
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
        return cache.get(h);
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
            phi = ModalScheme.flatten(p.phi(), n);
            gamma = ModalScheme.flatten(p.gamma(), n);
            lambda = p.lambda() == null ? null : ModalScheme.flatten(p.lambda(), n);
            gammaR = new double[n];
            lambdaR = new double[n];
        }
    }
}
