package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * The dense scheme's operators (φ-functions by Taylor series and doubling, n×n) agree with the Padé approximant of
 * Van Loan's 3n×3n block matrix, an independent route, for any step length: that is what lets the dense scheme take
 * a step of a new length cheaply when inputs fall between output points.
 */
class MatrixExponentialProperties {

    /**
     * A transit chain of {@code stages} equal rate constants (a Jordan block: the eigen route is refused), feeding a
     * two-compartment system; the last compartment has no outflow when {@code closed}, so K is singular.
     */
    private static double[][] chain(int stages, double ktr, double k12, double k21, double k10, boolean closed) {
        int n = stages + 2;
        double[][] k = new double[n][n];
        for (int i = 0; i < stages; i++) {
            k[i][i] -= ktr;
            k[i + 1][i] += ktr;
        }
        int c = stages;
        int p = stages + 1;
        k[c][c] -= k12 + (closed ? 0 : k10);
        k[p][c] += k12;
        k[p][p] -= k21;
        k[c][p] += k21;
        return k;
    }

    @Property(tries = 300)
    void taylorAgreesWithPade(@ForAll @IntRange(min = 1, max = 6) int stages,
            @ForAll @DoubleRange(min = 0.01, max = 300) double ktr, @ForAll @DoubleRange(min = 0, max = 50) double k12,
            @ForAll @DoubleRange(min = 0.01, max = 50) double k21, @ForAll @DoubleRange(min = 0, max = 20) double k10,
            @ForAll boolean closed, @ForAll @Scale(6) @DoubleRange(min = 1e-6, max = 50) double h) {
        double[][] k = chain(stages, ktr, k12, k21, k10, closed);
        Propagator t = MatrixExponential.taylorPropagator(k, h);
        Propagator p = MatrixExponential.padePropagator(k, h);
        double[][][] got = {t.phi(), t.gamma(), t.lambda()};
        double[][][] want = {p.phi(), p.gamma(), p.lambda()};
        // the operators' natural sizes: Φ ≤ 1, Γ ≤ h, Λ ≤ h²/2 (columns of a compartment system)
        double[] size = {1, h, h * h / 2};
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < k.length; i++) {
                for (int j = 0; j < k.length; j++) {
                    assertEquals(want[w][i][j], got[w][i][j], 1e-11 * size[w],
                            "operator " + w + " [" + i + "][" + j + "]");
                }
            }
        }
    }
}
