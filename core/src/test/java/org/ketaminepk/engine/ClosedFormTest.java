package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;

/** Two-compartment and oral (Bateman) closed forms, as printed in pharmacokinetics textbooks. */
class ClosedFormTest {

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
        Solution s = ExactSolver.instance().solve(twoCompartment(), Schedule.builder().bolus(0, 0, false, dose).build(),
                grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i);
            double expected = a * Math.exp(-alpha * t) + bb * Math.exp(-beta * t);
            assertEquals(expected, s.amount(i, 0), 1e-12 * dose);
        }
        // exact AUC of the concentration over 0..48 h
        double auc = (a / alpha * (1 - Math.exp(-alpha * 48)) + bb / beta * (1 - Math.exp(-beta * 48))) / 10;
        assertEquals(auc, s.cumulativeAuc(grid.size() - 1, 0), 1e-12 * auc);
    }

    @Test
    void twoCompartmentInfusionApproachesSteadyState() {
        double rate = 20;
        TimeGrid grid = TimeGrid.of(200);
        Solution s = ExactSolver.instance().solve(twoCompartment(), Schedule.builder().rate(0, 300, 0, false, rate)
                .build(), grid);
        // Css in the central compartment = R / k10; the peripheral holds k12/k21 times as much
        assertEquals(rate / 0.8, s.amount(0, 0), 1e-9 * rate / 0.8);
        assertEquals(rate / 0.8 * 1.5 / 0.4, s.amount(0, 1), 1e-8 * rate / 0.8 * 1.5 / 0.4);
    }

    @Test
    void oralDoseFollowsBateman() {
        double k = 0.3;
        double ka = 1.7;
        double f = 0.4;
        CompartmentSystem sys = SolverContractTest.oneCompartment(k, ka);
        Schedule sch = Schedule.builder().bolus(1.0, 1, false, 250 * f).build();
        TimeGrid grid = TimeGrid.uniform(30, 0.2);
        Solution s = ExactSolver.instance().solve(sys, sch, grid);
        for (int i = 0; i < grid.size(); i++) {
            double t = grid.time(i) - 1.0;
            double expected = t <= 0 ? 0 : 250 * f * ka / (ka - k) * (Math.exp(-k * t) - Math.exp(-ka * t));
            assertEquals(expected, s.amount(i, 0), 1e-11 * 250);
        }
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
}
