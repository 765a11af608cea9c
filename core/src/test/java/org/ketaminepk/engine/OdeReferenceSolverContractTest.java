package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;

/** The solver contract for the ODE reference with its default settings; and that its settings are its own. */
class OdeReferenceSolverContractTest extends SolverContract {

    @Override
    Solver solver() {
        return new OdeReferenceSolver();
    }

    @Override
    double relativeError() {
        return 1e-9;
    }

    /** A looser tolerance and a shorter largest step change the result: the settings reach the integrator. */
    @Test
    void theSettingsGivenAreTheOnesUsed() {
        CompartmentSystem sys = oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().bolus(0, 0, false, 100).build();
        TimeGrid grid = TimeGrid.of(10);
        double exact = 100 * Math.exp(-5);
        double tight = Math.abs(new OdeReferenceSolver().solve(sys, sch, grid).amount(0, 0) - exact);
        double loose = Math.abs(new OdeReferenceSolver(1e-6, Double.POSITIVE_INFINITY, 1e-3, 1e-3)
                .solve(sys, sch, grid).amount(0, 0) - exact);
        assertTrue(loose > 100 * tight, "loose " + loose + ", tight " + tight);
        assertThrows(InvalidInputException.class, () -> new OdeReferenceSolver(0, 1, 1e-15, 1e-12));
        assertThrows(IllegalArgumentException.class, () -> new OdeReferenceSolver(1e-3, 1e-4, 1e-15, 1e-12));
    }
}
