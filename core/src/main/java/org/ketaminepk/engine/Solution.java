package org.ketaminepk.engine;

import java.util.Arrays;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;

/**
 * Amounts on a time grid, as a solver computed them: µmol in each compartment and each sink, the exact
 * cumulative area under each observed concentration, and the total input so far. Immutable.
 *
 * <p>Values are kept one array per compartment, sink and observation along the grid (time-major columns), because
 * everything built from a solution — concentration curves, amounts in the body, mole balances — reads one quantity
 * over all times; the column readers ({@link #amountsUmol(int)}, {@link #sumOfAmountsUmol(int[])}, ...) serve
 * that in a single sequential pass.
 */
public final class Solution {
    private final TimeGrid grid;
    private final double[][] amounts;
    private final double[][] sinks;
    private final double[][] cumulativeAuc;
    private final double[] input;
    private final InputChanges changes;

    /**
     * The observed amounts on either side of each time at which the input changes (see
     * {@link Observer#inputChange}): a curve read on the grid may be interpolated between output points but not
     * across these times. Immutable: the arrays are copied in and out ({@link #beforeUmol(int, int)} and
     * {@link #afterUmol(int, int)} read one value without a copy).
     *
     * @param timesH the times of the changes, h, ascending
     * @param beforeUmol µmol in each observation's compartment just before each change, [observation][change]
     * @param afterUmol µmol just after each change, boluses included, [observation][change]
     */
    public record InputChanges(double[] timesH, double[][] beforeUmol, double[][] afterUmol) {
        /** No input changes recorded. */
        public static final InputChanges NONE = new InputChanges(new double[0], new double[0][], new double[0][]);

        /**
         * Copies the arrays.
         *
         * @throws InvalidInputException if an array is missing, or the two tables do not both hold one value per
         *         change for each observation
         */
        public InputChanges {
            timesH = Checks.notNull("input change times", timesH).clone();
            beforeUmol = copy("amounts before input changes", Checks.notNull("amounts before input changes",
                    beforeUmol), timesH.length);
            afterUmol = copy("amounts after input changes", Checks.notNull("amounts after input changes",
                    afterUmol), timesH.length);
            if (beforeUmol.length != afterUmol.length) {
                throw InvalidInputException.statement("amounts after input changes", afterUmol.length, "must hold "
                        + "one row per observation (" + beforeUmol.length + ") but held " + afterUmol.length);
            }
        }

        private static double[][] copy(String field, double[][] rows, int changes) {
            double[][] out = new double[rows.length][];
            for (int o = 0; o < rows.length; o++) {
                out[o] = Checks.notNull(field, o, rows[o]).clone();
                if (out[o].length != changes) {
                    throw InvalidInputException.statement(field, out[o].length, "must hold one value per input "
                            + "change (" + changes + ") for observation " + o + " but held " + out[o].length);
                }
            }
            return out;
        }

        /** @return a copy of the times of the changes, h */
        @Override
        public double[] timesH() {
            return timesH.clone();
        }

        /** @return a copy of the µmol just before each change, [observation][change] */
        @Override
        public double[][] beforeUmol() {
            return copy("amounts before input changes", beforeUmol, timesH.length);
        }

        /** @return a copy of the µmol just after each change, [observation][change] */
        @Override
        public double[][] afterUmol() {
            return copy("amounts after input changes", afterUmol, timesH.length);
        }

        /** @return µmol in observation {@code o}'s compartment just before change {@code j} */
        public double beforeUmol(int o, int j) {
            return beforeUmol[o][j];
        }

        /** @return µmol in observation {@code o}'s compartment just after change {@code j} */
        public double afterUmol(int o, int j) {
            return afterUmol[o][j];
        }

        @Override
        public boolean equals(Object x) {
            return x instanceof InputChanges c && Arrays.equals(c.timesH, timesH)
                    && Arrays.deepEquals(c.beforeUmol, beforeUmol) && Arrays.deepEquals(c.afterUmol, afterUmol);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(timesH) * 31 + Arrays.deepHashCode(beforeUmol);
        }

        @Override
        public String toString() {
            return "InputChanges[" + timesH.length + " changes at " + Arrays.toString(timesH) + " h, "
                    + beforeUmol.length + " observations]";
        }

        /** @return the number of changes */
        public int size() {
            return timesH.length;
        }

        /** @return whether observation {@code o} has values here (false for {@link #NONE}) */
        public boolean covers(int o) {
            return o < beforeUmol.length;
        }
    }

    /**
     * Builds a solution from per-point rows (the values are copied).
     *
     * @param grid output times
     * @param amounts µmol, [time][compartment]
     * @param sinks µmol, [time][sink]
     * @param cumulativeAuc µmol·h/L from time 0, [time][observation index in {@code Analyte} order of the system]
     * @param input cumulative µmol given, [time]
     */
    public Solution(TimeGrid grid, double[][] amounts, double[][] sinks, double[][] cumulativeAuc, double[] input) {
        this(grid, transpose(amounts), transpose(sinks), transpose(cumulativeAuc), input.clone(), InputChanges.NONE);
    }

    private Solution(TimeGrid grid, double[][] amounts, double[][] sinks, double[][] cumulativeAuc, double[] input,
            InputChanges changes) {
        this.grid = grid;
        this.changes = changes;
        this.amounts = amounts;
        this.sinks = sinks;
        this.cumulativeAuc = cumulativeAuc;
        this.input = input;
        int points = input.length;
        if (grid.size() != points) {
            throw new IllegalArgumentException("input has " + points + " points but the grid " + grid.size());
        }
        for (double[][] cols : new double[][][] {amounts, sinks, cumulativeAuc}) {
            for (double[] col : cols) {
                if (col.length != points) {
                    throw new IllegalArgumentException("a column has " + col.length + " points but the grid "
                            + points);
                }
            }
        }
    }

    /**
     * Builds a solution from columns, which it keeps (callers hand them over and must not change them).
     *
     * @param grid output times
     * @param amounts µmol, [compartment][time]
     * @param sinks µmol, [sink][time]
     * @param cumulativeAuc µmol·h/L from time 0, [observation][time]
     * @param input cumulative µmol given, [time]
     * @param changes the observed amounts around each input change
     * @return the solution
     * @throws IllegalArgumentException if a column's length differs from the grid's
     */
    static Solution ofColumns(TimeGrid grid, double[][] amounts, double[][] sinks, double[][] cumulativeAuc,
            double[] input, InputChanges changes) {
        return new Solution(grid, amounts, sinks, cumulativeAuc, input, changes);
    }

    /** @return the observed amounts around each input change ({@link InputChanges#NONE} if not recorded) */
    public InputChanges inputChanges() {
        return changes;
    }

    private static double[][] transpose(double[][] rows) {
        int points = rows.length;
        int width = points == 0 ? 0 : rows[0].length;
        double[][] cols = new double[width][points];
        for (int i = 0; i < points; i++) {
            double[] row = rows[i];
            for (int c = 0; c < width; c++) {
                cols[c][i] = row[c];
            }
        }
        return cols;
    }

    /** @return the output times */
    public TimeGrid grid() {
        return grid;
    }

    /** @return µmol in compartment c at output point i */
    public double amount(int i, int c) {
        return amounts[c][i];
    }

    /** @return µmol collected in sink s at output point i */
    public double sink(int i, int s) {
        return sinks[s][i];
    }

    /** @return exact ∫₀ᵗ C dt of the o-th observation at point i, µmol·h/L */
    public double cumulativeAuc(int i, int o) {
        return cumulativeAuc[o][i];
    }

    /** @return µmol given up to and including output point i */
    public double input(int i) {
        return input[i];
    }

    /** @return number of compartments */
    public int compartments() {
        return amounts.length;
    }

    /** @return number of sinks */
    public int sinkCount() {
        return sinks.length;
    }

    /** @return a copy of the µmol in compartment c at every output point */
    public double[] amountsUmol(int c) {
        return amounts[c].clone();
    }

    /** @return a copy of the exact ∫₀ᵗ C dt of the o-th observation at every output point, µmol·h/L */
    public double[] cumulativeAucs(int o) {
        return cumulativeAuc[o].clone();
    }

    /** @return a copy of the µmol given up to and including each output point */
    public double[] inputsUmol() {
        return input.clone();
    }

    /**
     * @param compartments compartment indices (each counted as often as it is named)
     * @return µmol summed over {@code compartments} at every output point, in a new array (zeros if none named)
     */
    public double[] sumOfAmountsUmol(int[] compartments) {
        return sum(amounts, compartments);
    }

    /**
     * @param sinkIndices sink indices (each counted as often as it is named)
     * @return µmol summed over the sinks at every output point, in a new array (zeros if none named)
     */
    public double[] sumOfSinksUmol(int[] sinkIndices) {
        return sum(sinks, sinkIndices);
    }

    private double[] sum(double[][] cols, int[] which) {
        double[] out = new double[input.length];
        for (int k : which) {
            double[] col = cols[k];
            for (int i = 0; i < out.length; i++) {
                out[i] += col[i];
            }
        }
        return out;
    }
}
