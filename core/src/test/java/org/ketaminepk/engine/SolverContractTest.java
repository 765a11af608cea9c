package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;

/** The exact solver against closed forms and against the ODE reference. */
class SolverContractTest {

    /** One compartment, V = 20 L, k = 0.5 /h, plus a first-order depot with ka. */
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

    @Test
    void bolusMatchesClosedForm() {
        CompartmentSystem sys = oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().bolus(0, 0, false, 100).build();
        TimeGrid grid = TimeGrid.uniform(24, 0.25);
        Solution sol = ExactSolver.instance().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            double expected = 100 * Math.exp(-0.5 * t);
            assertEquals(expected, sol.amount(i, 0), 1e-12 * 100);
            assertEquals(100 * (1 - Math.exp(-0.5 * t)) / 0.5 / 20, sol.cumulativeAuc(i, 0), 1e-12 * 10);
            assertEquals(100 - expected, sol.sink(i, 0), 1e-11);
        }
    }

    @Test
    void equalRatesUseFallbackAndMatchClosedForm() {
        // ka == k: the Bateman function degenerates to D·k·t·e^{-kt}
        CompartmentSystem sys = oneCompartment(0.7, 0.7);
        assertTrue(!MatrixExponential.analyse(sys.k()).usesEigen());
        Schedule sch = Schedule.builder().bolus(0, 1, false, 50).build();
        TimeGrid grid = TimeGrid.uniform(24, 0.5);
        Solution sol = ExactSolver.instance().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            assertEquals(50 * 0.7 * t * Math.exp(-0.7 * t), sol.amount(i, 0), 1e-11);
        }
    }

    @Test
    void infusionMatchesClosedForm() {
        CompartmentSystem sys = oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().rate(1, 3, 0, false, 10).build();
        TimeGrid grid = TimeGrid.uniform(12, 0.1);
        Solution sol = ExactSolver.instance().solve(sys, sch, grid);
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
            assertEquals(expected, sol.amount(i, 0), 1e-11);
        }
    }

    @Test
    void exactAgreesWithOde() {
        CompartmentSystem sys = oneCompartment(0.3, 1.1);
        Schedule sch = Schedule.builder().bolus(0, 0, false, 40).rate(2, 6, 0, false, 12)
                .bolus(8, 1, false, 30).build();
        TimeGrid grid = TimeGrid.uniform(30, 0.5);
        Solution a = ExactSolver.instance().solve(sys, sch, grid);
        Solution b = new OdeReferenceSolver().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            for (int c = 0; c < 2; c++) {
                double x = a.amount(i, c);
                double y = b.amount(i, c);
                assertEquals(y, x, 1e-8 * Math.abs(y) + 1e-12, "t=" + grid.time(i) + " c=" + c);
            }
        }
    }
}
