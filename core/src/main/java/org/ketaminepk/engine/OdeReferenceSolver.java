package org.ketaminepk.engine;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;

/**
 * An independent reference: Commons Math's adaptive Dormand–Prince 8(5,3) integrator on the same system, restarted
 * at every input change and stopped exactly at every output time. The integrator's settings are given to the
 * constructor. Slow; meant for tests and cross-checks, not for production runs. Thread-safe (each call builds its
 * own integrator).
 */
public final class OdeReferenceSolver implements Solver {
    /** Default relative tolerance. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-12;
    /** Default absolute tolerance, as a fraction of the total amount given. */
    public static final double DEFAULT_ABSOLUTE_TOLERANCE_FRACTION = 1e-15;
    /** Default smallest step, h. */
    public static final double DEFAULT_MIN_STEP_H = 1e-12;

    private final double minStepH;
    private final double maxStepH;
    private final double absTolFraction;
    private final double relTol;

    /** A reference solver with the default settings (relative tolerance 1e-12). */
    public OdeReferenceSolver() {
        this(DEFAULT_RELATIVE_TOLERANCE);
    }

    /** @param relTol relative tolerance of the integrator; the other settings are the defaults */
    public OdeReferenceSolver(double relTol) {
        this(DEFAULT_MIN_STEP_H, Double.POSITIVE_INFINITY, DEFAULT_ABSOLUTE_TOLERANCE_FRACTION, relTol);
    }

    /**
     * @param minStepH smallest step the integrator may take, h, {@code > 0}
     * @param maxStepH largest step, h, at least {@code minStepH} ({@link Double#POSITIVE_INFINITY}: the whole
     *        stretch between two stops, at least 1e-9 h)
     * @param absTolFraction absolute tolerance as a fraction of the total amount the schedule gives, {@code > 0}
     * @param relTol relative tolerance, {@code > 0}
     */
    public OdeReferenceSolver(double minStepH, double maxStepH, double absTolFraction, double relTol) {
        this.minStepH = Checks.positive("minimum step", minStepH, 1, "h");
        if (!(maxStepH >= minStepH)) {
            throw new IllegalArgumentException("maximum step must be at least the minimum step (" + minStepH
                    + " h) but was " + maxStepH + " h");
        }
        this.maxStepH = maxStepH;
        this.absTolFraction = Checks.positive("absolute tolerance fraction", absTolFraction, 1, "");
        this.relTol = Checks.positive("relative tolerance", relTol, 1, "");
    }

    @Override
    public String name() {
        return "ode";
    }

    /** Integrates every compartment, sink and AUC whatever {@code trackSinks} says (the reference is not lean). */
    @Override
    public void run(CompartmentSystem system, Schedule schedule, TimeGrid grid, boolean trackSinks,
            Observer observer) {
        observer.init(system, schedule, grid);
        schedule.checkFits(system);
        final int n = system.size();
        final int m = system.sinks().size();
        final double[][] k = system.k();
        final double[][] e = system.e();
        final int no = system.observations().size();
        final int[] obsCmt = new int[no];
        final double[] obsInvV = new double[no];
        int oi = 0;
        for (CompartmentSystem.Observation ob : system.observations().values()) {
            obsCmt[oi] = ob.compartment();
            obsInvV[oi] = 1.0 / ob.volumeL();
            oi++;
        }
        final double[] r = new double[n];
        final double[] rs = new double[m];
        int dim = n + m + no;
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return dim;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] dy) {
                for (int i = 0; i < n; i++) {
                    double acc = r[i];
                    for (int j = 0; j < n; j++) {
                        acc += k[i][j] * y[j];
                    }
                    dy[i] = acc;
                }
                for (int q = 0; q < m; q++) {
                    double acc = rs[q];
                    for (int j = 0; j < n; j++) {
                        acc += e[q][j] * y[j];
                    }
                    dy[n + q] = acc;
                }
                for (int o = 0; o < no; o++) {
                    dy[n + m + o] = y[obsCmt[o]] * obsInvV[o];
                }
            }
        };
        double total = Math.max(schedule.inputUpTo(Double.MAX_VALUE), 1e-300);
        double absTol = absTolFraction * total;
        double[] y = new double[dim];
        double[] amounts = new double[n];
        double[] sinks = new double[m];
        double[] auc = new double[no];
        double[] before = new double[n];
        double[] events = schedule.eventTimes();
        List<Schedule.Bolus> boluses = schedule.boluses();
        int gn = grid.size();
        int gi = 0;
        int ei = 0;
        int bi = 0;
        double t = 0;
        while (gi < gn) {
            double nextGrid = grid.time(gi);
            double nextEvent = ei < events.length ? events[ei] : Double.POSITIVE_INFINITY;
            double tp = Math.min(nextGrid, nextEvent);
            if (tp > t) {
                boolean any = false;
                for (double v : y) {
                    any |= v != 0;
                }
                for (double v : r) {
                    any |= v != 0;
                }
                for (double v : rs) {
                    any |= v != 0;
                }
                if (any) {
                    double maxStep = Math.min(maxStepH, Math.max(tp - t, 1e-9));
                    FirstOrderIntegrator integ = new DormandPrince853Integrator(Math.min(minStepH, maxStep), maxStep,
                            absTol, relTol);
                    integ.integrate(ode, t, y, tp, y);
                }
                t = tp;
            }
            if (ei < events.length && events[ei] == tp) {
                System.arraycopy(y, 0, before, 0, n);
                while (bi < boluses.size() && boluses.get(bi).timeH() <= tp) {
                    Schedule.Bolus b = boluses.get(bi++);
                    y[(b.toSink() ? n : 0) + b.target()] += b.amountUmol();
                }
                Arrays.fill(r, 0);
                Arrays.fill(rs, 0);
                for (Schedule.RateInput ri : schedule.rates()) {
                    if (ri.startH() <= tp && tp < ri.endH()) {
                        if (ri.toSink()) {
                            rs[ri.target()] += ri.rateUmolPerH();
                        } else {
                            r[ri.target()] += ri.rateUmolPerH();
                        }
                    }
                }
                ei++;
                System.arraycopy(y, 0, amounts, 0, n);
                observer.inputChange(tp, before, amounts);
            }
            if (nextGrid == tp) {
                System.arraycopy(y, 0, amounts, 0, n);
                System.arraycopy(y, n, sinks, 0, m);
                System.arraycopy(y, n + m, auc, 0, no);
                observer.accept(gi, tp, amounts, sinks, auc);
                gi++;
            }
        }
    }
}
