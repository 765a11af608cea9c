package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * An independent reference: Commons Math's adaptive Dormand–Prince 8(5,3) integrator on the same system,
 * restarted at every input change and stopped exactly at every output time. Slow; meant for tests and
 * cross-checks, not for production runs. Thread-safe (each call builds its own integrator).
 */
public final class OdeReferenceSolver implements Solver {
    private final double relTol;

    /** A reference solver with relative tolerance 1e-12. */
    public OdeReferenceSolver() {
        this(1e-12);
    }

    /** @param relTol relative tolerance of the integrator */
    public OdeReferenceSolver(double relTol) {
        this.relTol = relTol;
    }

    @Override
    public String name() {
        return "ode";
    }

    @Override
    public Solution solve(CompartmentSystem system, Schedule schedule, TimeGrid grid) {
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
        double absTol = 1e-15 * total;
        double[] y = new double[dim];
        double[] events = schedule.eventTimes();
        List<Schedule.Bolus> boluses = schedule.boluses();
        int gn = grid.size();
        double[][] amounts = new double[gn][];
        double[][] sinks = new double[gn][];
        double[][] auc = new double[gn][];
        double[] input = new double[gn];
        InputTally tally = new InputTally(schedule);
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
                    FirstOrderIntegrator integ = new DormandPrince853Integrator(1e-12, Math.max(tp - t, 1e-9),
                            absTol, relTol);
                    integ.integrate(ode, t, y, tp, y);
                }
                t = tp;
            }
            if (ei < events.length && events[ei] == tp) {
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
            }
            if (nextGrid == tp) {
                amounts[gi] = Arrays.copyOfRange(y, 0, n);
                sinks[gi] = Arrays.copyOfRange(y, n, n + m);
                auc[gi] = Arrays.copyOfRange(y, n + m, dim);
                input[gi] = tally.upTo(tp);
                gi++;
            }
        }
        return new Solution(grid, amounts, sinks, auc, input);
    }
}
