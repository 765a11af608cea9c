package org.ketaminepk.engine;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The exact state transition of {@code dx/dt = K x + r} over one fixed step {@code h} with a constant input r:
 * {@code x(h) = Φ x(0) + Γ r}, {@code Φ = e^{Kh}}, {@code Γ = ∫₀ʰ e^{Ks} ds}. Computed once by the same matrix
 * exponentials the {@link ExactSolver} uses, then applied to any state; this is what a controller that decides an
 * input every h hours (a pump) needs to predict the next state. K need not come from a {@link CompartmentSystem}:
 * any real matrix whose exponential exists will do (e.g. a system extended by an effect-site row).
 *
 * <p>Immutable and thread-safe. Not a solver: it knows no events, sinks or output grid.
 */
public final class StepPropagator {
    private final int n;
    private final double stepH;
    private final double[][] phi;
    private final double[][] gamma;

    private StepPropagator(double stepH, double[][] phi, double[][] gamma) {
        this.n = phi.length;
        this.stepH = stepH;
        this.phi = phi;
        this.gamma = gamma;
    }

    /**
     * @param rateMatrix K, 1/h, square ({@code K[i][j]} is the rate from j into i); copied
     * @param stepH the step h, hours, finite and {@code > 0}
     * @return the exact one-step operators
     * @throws IllegalArgumentException if K is not square and finite or the step is not positive
     */
    public static StepPropagator of(double[][] rateMatrix, double stepH) {
        if (!(stepH > 0) || !Double.isFinite(stepH)) {
            throw new IllegalArgumentException("step must be finite and > 0 h but was " + stepH);
        }
        int n = rateMatrix.length;
        double[][] k = new double[n][];
        for (int i = 0; i < n; i++) {
            if (rateMatrix[i].length != n) {
                throw new IllegalArgumentException("rate matrix must be square but row " + i + " has "
                        + rateMatrix[i].length + " columns for " + n + " rows");
            }
            k[i] = rateMatrix[i].clone();
            for (double v : k[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("rate matrix must be finite but row " + i + " holds " + v);
                }
            }
        }
        Propagator p = MatrixExponential.analyse(k).propagator(stepH);
        return new StepPropagator(stepH, copy(p.phi()), copy(p.gamma()));
    }

    /** @return the step h, hours */
    public double stepH() {
        return stepH;
    }

    /** @return the number of states */
    public int size() {
        return n;
    }

    /**
     * The state after one step without input: {@code x(h) = Φ x(0)}.
     *
     * @param state x(0), in the units of the system (e.g. µmol)
     * @return x(h), a new array
     * @throws InvalidInputException if the state is missing
     * @throws IllegalArgumentException if the state does not hold {@link #size()} values
     */
    public double[] advance(double[] state) {
        return apply(state, null);
    }

    /**
     * The state after one step with a constant input: {@code x(h) = Φ x(0) + Γ r}. Without input use
     * {@link #advance(double[])}.
     *
     * @param state x(0), in the units of the system (e.g. µmol)
     * @param input r, constant over the step, in state units per hour
     * @return x(h), a new array
     * @throws InvalidInputException if the state or the input is missing
     * @throws IllegalArgumentException if the state or the input does not hold {@link #size()} values
     */
    public double[] advance(double[] state, double[] input) {
        return apply(state, Checks.notNull("input", input));
    }

    /** x(h) from x(0) and r; a null r adds nothing. */
    private double[] apply(double[] state, double[] input) {
        Checks.notNull("state", state);
        if (state.length != n || (input != null && input.length != n)) {
            throw new IllegalArgumentException("state and input must hold " + n + " values");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += phi[i][j] * state[j];
                if (input != null) {
                    s += gamma[i][j] * input[j];
                }
            }
            out[i] = s;
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
