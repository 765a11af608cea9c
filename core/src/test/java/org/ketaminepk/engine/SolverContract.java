package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;

/**
 * What every {@link Solver} must do, checked against closed forms printed in pharmacokinetics textbooks and against
 * the observer contract. One subclass per solver supplies the solver and its error bound (the pattern of the
 * Hipparchus integrator tests): {@link ExactSolverContractTest}, {@link OdeReferenceSolverContractTest}.
 */
abstract class SolverContract {

    /** @return the solver under test */
    abstract Solver solver();

    /** @return the largest error this solver may make, relative to the dose */
    abstract double relativeError();

    /** One compartment, V = 20 L, elimination k, plus a first-order depot with ka. */
    static CompartmentSystem oneCompartment(double k, double ka) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int d = b.compartment("depot", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
        int s = b.sink("eliminated", Analyte.KETAMINE);
        b.eliminate(c, s, k);
        b.flow(d, c, ka);
        b.observe(Analyte.KETAMINE, c, 20);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(d, 1))));
        return b.build();
    }

    /** Two-compartment: V1 10 L, k10 0.8, k12 1.5, k21 0.4 /h. */
    static CompartmentSystem twoCompartment() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int p = b.compartment("peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        b.flow(c, p, 1.5);
        b.flow(p, c, 0.4);
        b.eliminate(c, b.sink("out", Analyte.KETAMINE), 0.8);
        b.observe(Analyte.KETAMINE, c, 10);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        return b.build();
    }

    @Test
    void bolusMatchesClosedForm() {
        CompartmentSystem sys = oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().bolus(0, 0, false, 100).build();
        TimeGrid grid = TimeGrid.uniform(24, 0.25);
        Solution sol = solver().solve(sys, sch, grid);
        double tol = relativeError() * 100;
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            double expected = 100 * Math.exp(-0.5 * t);
            assertEquals(expected, sol.amount(i, 0), tol);
            assertEquals(100 * (1 - Math.exp(-0.5 * t)) / 0.5 / 20, sol.cumulativeAuc(i, 0), tol / 10);
            assertEquals(100 - expected, sol.sink(i, 0), tol);
        }
    }

    @Test
    void equalRatesMatchClosedForm() {
        // ka == k: the Bateman function degenerates to D·k·t·e^{-kt}
        CompartmentSystem sys = oneCompartment(0.7, 0.7);
        Schedule sch = Schedule.builder().bolus(0, 1, false, 50).build();
        TimeGrid grid = TimeGrid.uniform(24, 0.5);
        Solution sol = solver().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            assertEquals(50 * 0.7 * t * Math.exp(-0.7 * t), sol.amount(i, 0), relativeError() * 50);
        }
    }

    @Test
    void infusionMatchesClosedForm() {
        CompartmentSystem sys = oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().rate(1, 3, 0, false, 10).build();
        TimeGrid grid = TimeGrid.uniform(12, 0.1);
        Solution sol = solver().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            double expected;
            if (t <= 1) {
                expected = 0;
            } else if (t <= 3) {
                expected = 10 / 0.5 * (1 - Math.exp(-0.5 * (t - 1)));
            } else {
                expected = 10 / 0.5 * (1 - Math.exp(-0.5 * 2)) * Math.exp(-0.5 * (t - 3));
            }
            assertEquals(expected, sol.amount(i, 0), relativeError() * 20);
        }
    }

    @Test
    void twoCompartmentBolusIsBiexponential() {
        double k10 = 0.8;
        double k12 = 1.5;
        double k21 = 0.4;
        double sum = k10 + k12 + k21;
        double disc = Math.sqrt(sum * sum - 4 * k10 * k21);
        double alpha = (sum + disc) / 2;
        double beta = (sum - disc) / 2;
        double dose = 100;
        double a = dose * (alpha - k21) / (alpha - beta);
        double bb = dose * (k21 - beta) / (alpha - beta);
        TimeGrid grid = TimeGrid.uniform(48, 0.25);
        Solution s = solver().solve(twoCompartment(), Schedule.builder().bolus(0, 0, false, dose).build(), grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            double expected = a * Math.exp(-alpha * t) + bb * Math.exp(-beta * t);
            assertEquals(expected, s.amount(i, 0), relativeError() * dose);
        }
        // exact AUC of the concentration over 0..48 h
        double auc = (a / alpha * (1 - Math.exp(-alpha * 48)) + bb / beta * (1 - Math.exp(-beta * 48))) / 10;
        assertEquals(auc, s.cumulativeAuc(grid.size() - 1, 0), relativeError() * auc);
    }

    @Test
    void twoCompartmentInfusionApproachesSteadyState() {
        double rate = 20;
        TimeGrid grid = TimeGrid.of(200);
        Solution s = solver().solve(twoCompartment(), Schedule.builder().rate(0, 300, 0, false, rate).build(), grid);
        // Css in the central compartment = R / k10; the peripheral holds k12/k21 times as much
        double css = rate / 0.8;
        assertEquals(css, s.amount(0, 0), 1e-9 * css + relativeError() * css);
        assertEquals(css * 1.5 / 0.4, s.amount(0, 1), 1e-8 * css * 1.5 / 0.4 + relativeError() * css * 1.5 / 0.4);
    }

    @Test
    void oralDoseFollowsBateman() {
        double k = 0.3;
        double ka = 1.7;
        double f = 0.4;
        CompartmentSystem sys = oneCompartment(k, ka);
        Schedule sch = Schedule.builder().bolus(1.0, 1, false, 250 * f).build();
        TimeGrid grid = TimeGrid.uniform(30, 0.2);
        Solution s = solver().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i) - 1.0;
            double expected = t <= 0 ? 0 : 250 * f * ka / (ka - k) * (Math.exp(-k * t) - Math.exp(-ka * t));
            assertEquals(expected, s.amount(i, 0), relativeError() * 250);
        }
    }

    /**
     * The observer contract: points in order, each once; every input change announced in time order, before an
     * output point at the same time, with the bolus as the difference between after and before.
     */
    @Test
    void observersSeeEveryPointAndEveryInputChangeInOrder() {
        CompartmentSystem sys = oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().bolus(1, 0, false, 30).rate(1.25, 2, 1, false, 8).bolus(2, 1, false, 5)
                .bolus(3.05, 0, false, 7).build();
        TimeGrid grid = TimeGrid.uniform(4, 0.5);
        List<String> seen = new ArrayList<>();
        List<double[]> jumps = new ArrayList<>();
        solver().run(sys, sch, grid, false, new Observer() {
            @Override
            public void accept(int index, double timeH, double[] amounts, double[] sinks, double[] auc) {
                seen.add("point " + index + " at " + timeH);
            }

            @Override
            public void inputChange(double timeH, double[] before, double[] after) {
                seen.add("change at " + timeH);
                jumps.add(new double[] {after[0] - before[0], after[1] - before[1]});
            }
        });
        List<String> want = new ArrayList<>();
        double[] changes = sch.eventTimes();
        int c = 0;
        for (int i = 0; i < grid.size(); i++) {
            while (c < changes.length && changes[c] <= grid.time(i)) {
                want.add("change at " + changes[c++]);
            }
            want.add("point " + i + " at " + grid.time(i));
        }
        assertEquals(want, seen);
        double tol = relativeError() * 30;
        assertEquals(30, jumps.get(0)[0], tol, "the bolus at 1 h into the central compartment");
        assertEquals(0, jumps.get(1)[0], tol, "an infusion start does not jump");
        assertEquals(5, jumps.get(2)[1], tol, "the bolus at 2 h into the depot");
        assertEquals(7, jumps.get(3)[0], tol, "the bolus between grid points");
    }
}
