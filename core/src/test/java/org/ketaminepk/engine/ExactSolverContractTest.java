package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;

/** The solver contract for the exact solver, which is held to round-off; and its agreement with the ODE reference. */
class ExactSolverContractTest extends SolverContract {

    @Override
    Solver solver() {
        return ExactSolver.instance();
    }

    @Override
    double relativeError() {
        return 1e-11;
    }

    @Test
    void equalRatesTakeTheDenseScheme() {
        MatrixExponential.Spectral dense = MatrixExponential.analyse(oneCompartment(0.7, 0.7).k());
        assertFalse(dense.usesEigen());
        assertTrue(dense.eigenvalues().isEmpty());
        // depot → central → out is a chain, so its rate matrix is triangular and its eigenvalues are its diagonal
        double[][] k = oneCompartment(0.5, 2).k();
        double[] diagonal = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            diagonal[i] = k[i][i];
        }
        double[] modal = MatrixExponential.analyse(k).eigenvalues().orElseThrow();
        java.util.Arrays.sort(diagonal);
        java.util.Arrays.sort(modal);
        assertArrayEquals(diagonal, modal, 1e-12);
    }

    @Test
    void bothAlgorithmsAgreeWhereBothApply() {
        double[][] k = twoCompartment().rateMatrix();
        MatrixExponential.Spectral sp = MatrixExponential.analyse(k);
        Propagator eig = sp.propagator(0.7);
        Propagator pade = MatrixExponential.padePropagator(k, 0.7);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(pade.phi()[i][j], eig.phi()[i][j], 1e-13);
                assertEquals(pade.gamma()[i][j], eig.gamma()[i][j], 1e-13);
                assertEquals(pade.lambda()[i][j], eig.lambda()[i][j], 1e-13);
            }
        }
        assertEquals("eigen", eig.method());
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
