package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;

/** The solver leaves out compartments no input reaches, without changing any value. */
class ReductionTest {
    private static final double K_NK = 0.3;

    /**
     * Central (0) and peripheral (1) ketamine, a gut depot (2), and norketamine (3) formed from the central
     * compartment; the depot empties at norketamine's elimination rate, so the whole system has a double eigenvalue.
     */
    private static CompartmentSystem withTrapDepot() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int p = b.compartment("peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        int gut = b.compartment("gut", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
        int nk = b.compartment("norketamine", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
        b.exchange(c, 20, p, 50, 30);
        b.eliminate(c, b.sink("eliminated", Analyte.KETAMINE), 0.8);
        b.flow(gut, c, K_NK);
        b.flow(c, nk, 1.1);
        b.eliminate(nk, b.sink("norketamine eliminated", Analyte.NORKETAMINE), K_NK);
        b.observe(Analyte.KETAMINE, c, 20);
        b.observe(Analyte.NORKETAMINE, nk, 80);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(gut, 1))));
        return b.build();
    }

    @Test
    void anIntravenousScheduleLeavesTheUnusedDepotOut() {
        CompartmentSystem sys = withTrapDepot();
        Schedule iv = Schedule.builder().rate(0, 4, 0, false, 50).bolus(6, 0, false, 30).build();
        ReachableSubsystem r = ReachableSubsystem.of(sys, iv);
        assertArrayEquals(new int[] {0, 1, 3}, r.full);
        assertFalse(MatrixExponential.analyse(sys.k()).usesEigen(), "the whole system needs the dense scheme");
        assertTrue(MatrixExponential.analyse(r.k).usesEigen(), "the carried part does not");
        Schedule oral = Schedule.builder().bolus(0, 2, false, 30).build();
        assertArrayEquals(new int[] {0, 1, 2, 3}, ReachableSubsystem.of(sys, oral).full);
    }

    @Test
    void leavingTheDepotOutChangesNoValueBeyondRoundOff() {
        CompartmentSystem sys = withTrapDepot();
        Schedule iv = Schedule.builder().rate(0, 4, 0, false, 50).bolus(6, 0, false, 30).build();
        TimeGrid grid = TimeGrid.uniform(24, 0.1);
        Solution exact = ExactSolver.instance().solve(sys, iv, grid);
        Solution ode = new OdeReferenceSolver().solve(sys, iv, grid);
        assertEquals(4, exact.compartments());
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(0.0, exact.amount(i, 2), "the depot holds exactly nothing");
            for (int c = 0; c < 4; c++) {
                double want = ode.amount(i, c);
                assertEquals(want, exact.amount(i, c), 1e-8 * 230 + 1e-8 * Math.abs(want), "compartment " + c);
            }
            for (int o = 0; o < 2; o++) {
                double want = ode.cumulativeAuc(i, o);
                assertEquals(want, exact.cumulativeAuc(i, o), 1e-8 * Math.max(1, Math.abs(want)), "AUC " + o);
            }
            double accounted = 0;
            for (int c = 0; c < 4; c++) {
                accounted += exact.amount(i, c);
            }
            for (int q = 0; q < exact.sinkCount(); q++) {
                accounted += exact.sink(i, q);
            }
            assertEquals(exact.input(i), accounted, 1e-10 * 230, "moles at point " + i);
        }
    }
}
