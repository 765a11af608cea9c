package org.ketaminepk.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ReachableSubsystem;
import org.ketaminepk.engine.Schedule;

/**
 * What a linear compartment system does with a set of inputs after the last of them, read from the system itself
 * rather than from a simulated curve: the terminal rate constant and half-life of each analyte and the exact AUC
 * to infinity. Neither depends on how long the output grid is.
 *
 * <p><b>Terminal half-life.</b> After the last input every amount is a sum of the system's modes {@code e^{λt}}; the
 * slowest mode with a nonzero coefficient in an analyte's sampled compartment sets its terminal decline, so
 * {@code t½ = ln 2 / −λ}. Which modes have a nonzero coefficient follows from the flows alone: the rate matrix of a
 * compartment system is block-triangular over its strongly connected groups of compartments; each group's slowest
 * eigenvalue is real with a positive eigenvector (Perron–Frobenius for the Metzler matrix of a connected group), so
 * its mode reaches every compartment downstream of the group with a positive coefficient, and no mode reaches a
 * compartment upstream of its group. The terminal rate of an analyte is therefore the slowest among the groups that
 * lie on a path from a dosed compartment to its sampled compartment. A metabolite's terminal half-life is thus the
 * longer of its own elimination and its parent's (formation-rate-limited kinetics). This is the model's value, not a
 * fit: it is the same for a 2 h and a 365 d grid, and it exists even when the grid ends during an input.
 *
 * <p><b>AUC to infinity.</b> For {@code dx/dt = K·x + u(t)} with every compartment eventually emptied, integrating
 * from 0 to ∞ gives {@code ∫x dt = −K⁻¹ · U}, where {@code U} is the total amount each compartment receives. The
 * AUC to infinity of a regimen is therefore exact, with no log-linear extrapolation, and equals the AUC over the grid
 * plus the area the state at the end of the grid still holds once the inputs are over.
 *
 * <p>Immutable and thread-safe. Not for systems with a compartment that never empties (no such model is in the
 * library): those have no terminal half-life and an infinite AUC, reported as empty.
 */
public final class Disposition {
    private final CompartmentSystem system;
    /** Full indices of the compartments the inputs reach, ascending. */
    private final int[] reached;
    /** Total µmol received by each compartment of the full system. */
    private final double[] totalInputUmol;

    private Disposition(CompartmentSystem system, int[] reached, double[] totalInputUmol) {
        this.system = system;
        this.reached = reached;
        this.totalInputUmol = totalInputUmol;
    }

    /**
     * @param system the individual model's system
     * @param schedule the inputs given to it (µmol, h); inputs booked into a sink are not in the body and count
     *        for nothing here
     * @return the disposition of those inputs
     */
    public static Disposition of(CompartmentSystem system, Schedule schedule) {
        Checks.notNull("system", system);
        Checks.notNull("schedule", schedule);
        double[] total = new double[system.size()];
        for (Schedule.Bolus b : schedule.boluses()) {
            if (!b.toSink()) {
                total[b.target()] += b.amountUmol();
            }
        }
        for (Schedule.RateInput r : schedule.rates()) {
            if (!r.toSink()) {
                total[r.target()] += r.rateUmolPerH() * (r.endH() - r.startH());
            }
        }
        int[] dosed = java.util.stream.IntStream.range(0, total.length).filter(c -> total[c] > 0).toArray();
        int[] reached = dosed.length == 0 ? new int[0]
                : ReachableSubsystem.downstream(system.rateMatrix(), dosed, c -> true);
        return new Disposition(system, reached, total);
    }

    /**
     * @return the slowest rate constant of the modes that reach {@code a}'s sampled compartment from the dosed
     *         compartments, 1/h (positive); empty if the analyte is not observed, nothing reaches it, or that mode
     *         does not decay
     * @throws InvalidInputException if {@code a} is missing
     */
    public OptionalDouble terminalRatePerH(Analyte a) {
        CompartmentSystem.Observation ob = system.observations().get(Checks.notNull("analyte", a));
        if (ob == null || Arrays.binarySearch(reached, ob.compartment()) < 0) {
            return OptionalDouble.empty();
        }
        double[][] k = system.rateMatrix();
        boolean[] upstreamOfObserved = upstream(k, ob.compartment());
        boolean[] done = new boolean[k.length];
        double slowest = Double.POSITIVE_INFINITY;
        for (int c : reached) {
            if (done[c] || !upstreamOfObserved[c]) {
                continue;
            }
            int[] group = stronglyConnected(k, c);
            for (int g : group) {
                done[g] = true;
            }
            slowest = Math.min(slowest, -dominantEigenvalue(k, group));
        }
        return slowest > 0 && Double.isFinite(slowest) ? OptionalDouble.of(slowest) : OptionalDouble.empty();
    }

    /**
     * @return {@code ln 2 / }{@link #terminalRatePerH}, h
     * @throws InvalidInputException if {@code a} is missing
     */
    public OptionalDouble terminalHalfLifeH(Analyte a) {
        OptionalDouble r = terminalRatePerH(a);
        return r.isPresent() ? OptionalDouble.of(Math.log(2) / r.getAsDouble()) : OptionalDouble.empty();
    }

    /**
     * @return the exact AUC of {@code a} from time 0 to infinity for all the inputs, ng·h/mL; empty if the analyte
     *         is not observed or some reached compartment never empties
     * @throws InvalidInputException if {@code a} is missing
     */
    public OptionalDouble aucToInfinityNgHPerMl(Analyte a) {
        CompartmentSystem.Observation ob = system.observations().get(Checks.notNull("analyte", a));
        if (ob == null) {
            return OptionalDouble.empty();
        }
        int at = Arrays.binarySearch(reached, ob.compartment());
        if (at < 0) {
            return OptionalDouble.of(0);
        }
        double[][] k = system.rateMatrix();
        int n = reached.length;
        double[][] sub = new double[n][n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = totalInputUmol[reached[i]];
            for (int j = 0; j < n; j++) {
                sub[i][j] = k[reached[i]][reached[j]];
            }
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(sub, false));
        if (!lu.getSolver().isNonSingular()) {
            return OptionalDouble.empty();
        }
        RealVector integral = lu.getSolver().solve(new ArrayRealVector(u, false)).mapMultiply(-1);
        double umolHPerL = integral.getEntry(at) / ob.volumeL();
        if (!(umolHPerL >= 0) || !Double.isFinite(umolHPerL)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(umolHPerL * a.molarMassGPerMol());
    }

    /** @return which compartments can reach {@code target} along flows (including itself) */
    private static boolean[] upstream(double[][] k, int target) {
        int n = k.length;
        boolean[] seen = new boolean[n];
        List<Integer> stack = new ArrayList<>();
        seen[target] = true;
        stack.add(target);
        while (!stack.isEmpty()) {
            int i = stack.remove(stack.size() - 1);
            for (int j = 0; j < n; j++) {
                if (!seen[j] && j != i && k[i][j] > 0) {
                    seen[j] = true;
                    stack.add(j);
                }
            }
        }
        return seen;
    }

    /** @return the compartments that reach {@code c} and are reached from it, ascending */
    private static int[] stronglyConnected(double[][] k, int c) {
        boolean[] up = upstream(k, c);
        int[] down = ReachableSubsystem.downstream(k, new int[] {c}, i -> true);
        return Arrays.stream(down).filter(i -> up[i]).toArray();
    }

    /** @return the eigenvalue with the largest real part of {@code k} restricted to {@code group}, 1/h */
    private static double dominantEigenvalue(double[][] k, int[] group) {
        if (group.length == 1) {
            return k[group[0]][group[0]];
        }
        double[][] sub = new double[group.length][group.length];
        for (int i = 0; i < group.length; i++) {
            for (int j = 0; j < group.length; j++) {
                sub[i][j] = k[group[i]][group[j]];
            }
        }
        double[] re = new EigenDecomposition(new Array2DRowRealMatrix(sub, false)).getRealEigenvalues();
        return Arrays.stream(re).max().orElseThrow();
    }
}
