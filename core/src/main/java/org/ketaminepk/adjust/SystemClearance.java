package org.ketaminepk.adjust;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ReachableSubsystem;

/**
 * The systemic clearance of an analyte as its model defines it: dose / AUC after a unit dose into the sampled
 * compartment, computed exactly from the rate matrix. Works for any structure (clearance or micro-constant
 * parameterisation, a hepatic compartment in the circulation), which is why adjustments use it instead of reading
 * a parameter by name.
 */
final class SystemClearance {
    private SystemClearance() {
    }

    /**
     * @param system the compartment system
     * @param analyte the analyte (must be observed)
     * @return clearance referred to the observed concentration, L/h
     * @throws IllegalStateException if the analyte is not observed or is never eliminated
     */
    static double ofLPerH(CompartmentSystem system, Analyte analyte) {
        CompartmentSystem.Observation obs = system.observations().get(analyte);
        if (obs == null) {
            throw new IllegalStateException("the model does not observe " + analyte.label());
        }
        double[][] k = system.rateMatrix();
        List<CompartmentSystem.Compartment> cmts = system.compartments();
        // only the compartments of this analyte that a dose into the sampled one can reach: what leaves them
        // (elimination, conversion to a metabolite) is clearance of the analyte
        int[] reach = ReachableSubsystem.downstream(k, new int[] {obs.compartment()},
                i -> cmts.get(i).analyte() == analyte);
        int n = reach.length;
        double[][] sub = new double[n][n];
        int c = -1;
        for (int a = 0; a < n; a++) {
            if (reach[a] == obs.compartment()) {
                c = a;
            }
            for (int b = 0; b < n; b++) {
                sub[a][b] = k[reach[a]][reach[b]];
            }
        }
        RealVector dose = new ArrayRealVector(n);
        dose.setEntry(c, -1.0);
        try {
            // K·a = −x0 gives a = ∫ amounts dt for a unit dose; AUC of concentration is a_c / V
            RealVector auc = new LUDecomposition(new Array2DRowRealMatrix(sub, false), 1e-300).getSolver()
                    .solve(dose);
            double amountAuc = auc.getEntry(c);
            if (!(amountAuc > 0) || !Double.isFinite(amountAuc)) {
                throw new IllegalStateException(analyte.label() + " is never eliminated in this model");
            }
            return obs.volumeL() / amountAuc;
        } catch (SingularMatrixException e) {
            throw new IllegalStateException(analyte.label() + " is never eliminated in this model", e);
        }
    }
}
