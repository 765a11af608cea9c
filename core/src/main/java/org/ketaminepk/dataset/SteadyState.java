package org.ketaminepk.dataset;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.engine.Solver;

/**
 * Periodic steady states of a linear compartment system {@code x' = Kx + u(t)}, solved exactly rather than by
 * simulating to convergence.
 * <ul>
 *   <li>Repeated dose with period τ whose input is over within one period: the amounts just before a dose are
 *       {@code x_ss = (I − e^{Kτ})⁻¹ · x₁(τ)}, where {@code x₁(τ)} is the state one period after a single dose given
 *       to an empty body (the sum of the geometric series Σₖ e^{K(k−1)τ} x₁(τ) over all earlier doses).</li>
 *   <li>Constant infusion: {@code x_ss = −K⁻¹ b}.</li>
 * </ul>
 * {@code x₁(τ)} and the columns of {@code e^{Kτ}} (unit amounts in each compartment, one period later) come from the
 * given {@link Solver}, so the steady state is as exact as the solver. Stateless.
 */
public final class SteadyState {
    private SteadyState() {
    }

    /**
     * @param system the system
     * @param solver the solver
     * @param singleDose the inputs of one dose given at time 0; all of it must have entered by {@code periodH}
     * @param periodH the dosing interval τ, h
     * @return the amounts just before a dose at steady state, µmol per compartment
     */
    public static double[] beforeDoseUmol(CompartmentSystem system, Solver solver, Schedule singleDose,
            double periodH) {
        TimeGrid end = TimeGrid.of(periodH);
        Solution one = solver.solve(system, singleDose, end);
        int n = system.size();
        double[] x1 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = one.amount(0, i);
        }
        return solve(identityMinus(propagator(system, solver, periodH)), x1, "the dosing interval");
    }

    /**
     * @param system the system
     * @param solver the solver
     * @param periodH step τ, h
     * @return {@code e^{Kτ}} (column j: amounts at τ after one µmol placed in compartment j at 0)
     */
    public static double[][] propagator(CompartmentSystem system, Solver solver, double periodH) {
        TimeGrid end = TimeGrid.of(periodH);
        int n = system.size();
        double[][] phi = new double[n][n];
        for (int j = 0; j < n; j++) {
            Solution s = solver.solve(system, Schedule.builder().bolus(0, j, false, 1).build(), end);
            for (int i = 0; i < n; i++) {
                phi[i][j] = s.amount(0, i);
            }
        }
        return phi;
    }

    /**
     * @param system the system
     * @param rateUmolPerH the constant input into each compartment, µmol/h
     * @return the amounts at steady state, µmol per compartment
     */
    public static double[] constantInputUmol(CompartmentSystem system, double[] rateUmolPerH) {
        double[][] k = system.rateMatrix();
        double[][] minusK = new double[k.length][k.length];
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                minusK[i][j] = -k[i][j];
            }
        }
        return solve(minusK, rateUmolPerH, "a constant infusion");
    }

    private static double[][] identityMinus(double[][] phi) {
        double[][] a = new double[phi.length][phi.length];
        for (int i = 0; i < phi.length; i++) {
            for (int j = 0; j < phi.length; j++) {
                a[i][j] = (i == j ? 1 : 0) - phi[i][j];
            }
        }
        return a;
    }

    private static double[] solve(double[][] a, double[] b, String what) {
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        try {
            double[] x = new LUDecomposition(m, 1e-14).getSolver().solve(new ArrayRealVector(b, false)).toArray();
            for (int i = 0; i < x.length; i++) {
                // round-off can leave −1e-18 in an empty compartment; amounts are not negative
                x[i] = Math.max(0, x[i]);
            }
            return x;
        } catch (SingularMatrixException e) {
            throw new InvalidInputException("SS", "this model has no steady state for " + what + ": a compartment "
                    + "is never emptied");
        }
    }
}
