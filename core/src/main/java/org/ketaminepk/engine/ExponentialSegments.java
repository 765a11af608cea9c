package org.ketaminepk.engine;

import java.util.List;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Grids;
import org.ketaminepk.base.InvalidInputException;

/**
 * The exact solution written out between input changes: a sum of exponentials with known coefficients, with no
 * output grid. Between two consecutive input changes the modes {@code y = V⁻¹x} of the rate matrix
 * {@code K = V diag(λ) V⁻¹} evolve independently, so the amount in an observed compartment c is, {@code τ} hours into
 * the segment,
 * <pre>
 *   x_c(τ) = Σ_i ( u_i e^{λ_i τ} + w_i (e^{λ_i τ} − 1) / λ_i )      (w_i τ when λ_i = 0)
 *   u_i = V[c,i] y_i(start),   w_i = V[c,i] (V⁻¹ r)_i
 * </pre>
 * with r the constant-rate input in force. A caller can then find maxima (zeros of the derivative
 * {@code Σ_i (λ_i u_i + w_i) e^{λ_i τ}}), level crossings and integrals in closed form or by safeguarded root finding
 * ({@link org.ketaminepk.result.ExactMetrics}), at a cost that grows with the number of input changes, not with the
 * length of an output grid.
 *
 * <p>Only systems whose eigen-decomposition the {@link ExactSolver} trusts (real, distinct eigenvalues, a well
 * conditioned eigenvector matrix) are written this way: {@link #run} says {@code false} for the others (coincident
 * eigenvalues, as in a transit chain of equal rate constants) and calls nothing. Only the compartments the inputs
 * reach are carried ({@link ReachableSubsystem}), as in the solver.
 *
 * <p>Stateless and thread-safe; each run allocates its own small work arrays. Not for systems with time-varying or
 * nonlinear rates.
 */
public final class ExponentialSegments {
    private ExponentialSegments() {
    }

    /** Receives the segments of one run, in time order. One run on one thread. */
    public interface Consumer {
        /**
         * Called once before the first segment.
         *
         * @param lambdaPerH the eigenvalues λ_i of the carried system, 1/h (the same for every segment; live, do not
         *        change)
         */
        void start(double[] lambdaPerH);

        /**
         * One stretch [{@code startH}, {@code endH}] without an input change inside it: amounts as the class comment
         * writes them. The value at {@code startH} includes the inputs given at that time; the value at {@code endH}
         * is the one just before any input then. Every segment but the last has {@code endH > startH}; the last ends
         * at the requested end and may have length 0 (when an input is given at that very time).
         *
         * @param startH start of the segment, h
         * @param endH end of the segment, h
         * @param last whether this is the last segment (it also holds the value at {@code endH}, inputs included)
         * @param u per observation (in the order of {@link CompartmentSystem#observations()}) and mode, µmol (live)
         * @param w per observation and mode, µmol/h (live)
         * @param expm1 per mode, {@code e^{λ_i (endH − startH)} − 1} (live): the walk needs them to carry the modes
         *        to the next segment, and a consumer need not compute them again
         */
        void segment(double startH, double endH, boolean last, double[][] u, double[][] w, double[] expm1);
    }

    /**
     * Writes the solution of {@code system} under {@code schedule} from 0 to {@code endH} as segments.
     *
     * @param endH the end, h, finite and {@code >= 0}
     * @return false, without calling the consumer, when the system's eigen-decomposition is not trusted (the
     *         caller then uses a stepping solver)
     */
    public static boolean run(CompartmentSystem system, Schedule schedule, double endH, Consumer consumer) {
        return run(system, schedule, endH, consumer, MatrixExponential::analyse);
    }

    /**
     * As {@link #run(CompartmentSystem, Schedule, double, Consumer)}, with the eigen-decomposition made by
     * {@code analysis}: lets the tests run the general decomposition beside the structured one.
     */
    static boolean run(CompartmentSystem system, Schedule schedule, double endH, Consumer consumer,
            java.util.function.Function<double[][], MatrixExponential.Spectral> analysis) {
        Checks.notNull("system", system);
        Checks.notNull("schedule", schedule);
        Checks.notNull("consumer", consumer);
        if (!(endH >= 0) || !Double.isFinite(endH)) {
            throw InvalidInputException.statement("end", endH, "must be finite and 0 h or more but was "
                    + Checks.fmt(endH));
        }
        schedule.checkFits(system);
        ReachableSubsystem sys = ReachableSubsystem.of(system, schedule);
        MatrixExponential.Spectral spectral = analysis.apply(sys.k);
        if (!spectral.usesEigen()) {
            return false;
        }
        new Walk(sys, spectral).run(schedule, endH, consumer);
        return true;
    }

    /** The modes carried from input change to input change. */
    private static final class Walk {
        final int n;
        final double[] lambda;
        final double[][] v;
        final double[][] vinv;
        final int[] local;
        final int[] obsCmt;
        final double[] y;
        final double[] r;
        final double[] rho;
        final double[][] u;
        final double[][] w;
        /** e^{λ_i h} − 1 of the current segment, h its length. */
        final double[] expm1;
        /**
         * e^{λ_i h} − 1 of the last {@value #KEPT} segment lengths h: a repeated regimen has few lengths (a daily
         * infusion and the pause after it), and {@code Math.expm1} is not an intrinsic. Keyed by the exact length,
         * so a segment gets the very values a fresh computation would give.
         */
        static final int KEPT = 4;
        final double[] keptH = new double[KEPT];
        final double[][] keptExpm1;
        int keptNext;
        /** The rate inputs before this one have all ended by the current change ({@link Schedule#firstNotEnded}). */
        int ended;

        Walk(ReachableSubsystem sys, MatrixExponential.Spectral spectral) {
            n = sys.full.length;
            lambda = spectral.lambda;
            v = spectral.v;
            vinv = spectral.vinv;
            local = sys.local;
            obsCmt = sys.obsCmt;
            y = new double[n];
            r = new double[n];
            rho = new double[n];
            u = Grids.doubles(obsCmt.length, n);
            w = Grids.doubles(obsCmt.length, n);
            expm1 = new double[n];
            keptExpm1 = new double[KEPT][];
            java.util.Arrays.fill(keptH, Double.NaN);
        }

        void run(Schedule schedule, double endH, Consumer consumer) {
            consumer.start(lambda);
            List<Schedule.Bolus> boluses = schedule.boluses();
            List<Schedule.RateInput> rates = schedule.rates();
            double[] events = schedule.eventTimesInternal();
            int bi = 0;
            double t = 0;
            for (double e : events) {
                if (e > endH) {
                    break;
                }
                if (e > t) {
                    emit(t, e, false, consumer);
                    advance(e - t);
                    t = e;
                }
                while (bi < boluses.size() && boluses.get(bi).timeH() <= t) {
                    Schedule.Bolus b = boluses.get(bi++);
                    if (!b.toSink()) {
                        int c = local[b.target()];
                        double amount = b.amountUmol();
                        for (int i = 0; i < n; i++) {
                            y[i] += vinv[i][c] * amount;
                        }
                    }
                }
                setRates(rates, t);
            }
            emit(t, endH, true, consumer);
        }

        private void setRates(List<Schedule.RateInput> rates, double t) {
            java.util.Arrays.fill(r, 0);
            ended = Schedule.firstNotEnded(rates, ended, t);
            for (int k = ended; k < rates.size(); k++) {
                Schedule.RateInput ri = rates.get(k);
                if (ri.startH() > t) {
                    break;
                }
                if (t < ri.endH() && !ri.toSink()) {
                    r[local[ri.target()]] += ri.rateUmolPerH();
                }
            }
            for (int i = 0; i < n; i++) {
                double acc = 0;
                double[] row = vinv[i];
                for (int j = 0; j < n; j++) {
                    acc += row[j] * r[j];
                }
                rho[i] = acc;
            }
        }

        private void emit(double from, double to, boolean last, Consumer consumer) {
            double h = to - from;
            fillExpm1(h);
            for (int o = 0; o < obsCmt.length; o++) {
                double[] vc = v[obsCmt[o]];
                double[] uo = u[o];
                double[] wo = w[o];
                for (int i = 0; i < n; i++) {
                    uo[i] = vc[i] * y[i];
                    wo[i] = vc[i] * rho[i];
                }
            }
            consumer.segment(from, to, last, u, w, expm1);
        }

        /** Writes e^{λ_i h} − 1 into {@link #expm1}, from the kept values of an earlier segment of length h if any. */
        private void fillExpm1(double h) {
            for (int s = 0; s < KEPT; s++) {
                if (keptH[s] == h) {
                    System.arraycopy(keptExpm1[s], 0, expm1, 0, n);
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                expm1[i] = Math.expm1(lambda[i] * h);
            }
            int s = keptNext;
            keptNext = (keptNext + 1) % KEPT;
            if (keptExpm1[s] == null) {
                keptExpm1[s] = new double[n];
            }
            System.arraycopy(expm1, 0, keptExpm1[s], 0, n);
            keptH[s] = h;
        }

        /** y ← e^{λh} y + (e^{λh} − 1)/λ · ρ, mode by mode, over the segment just emitted (of length h). */
        private void advance(double h) {
            for (int i = 0; i < n; i++) {
                double l = lambda[i];
                double m = expm1[i];
                y[i] = y[i] + m * y[i] + (l == 0 ? h : m / l) * rho[i];
            }
        }
    }
}
