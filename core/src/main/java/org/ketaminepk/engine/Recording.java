package org.ketaminepk.engine;

import java.util.Arrays;

import org.ketaminepk.base.TimeGrid;

/**
 * Keeps every output point, for {@link Solver#solve}: one column per compartment, sink and observation, and the
 * observed amounts around each input change. The modal scheme hands it whole blocks, whose buffers are already
 * columns: each is one array copy.
 */
final class Recording implements Observer {
    final double[][] amounts;
    final double[][] sinks;
    final double[][] auc;
    final double[] input;
    private final InputTally tally;
    private final int[] observed;
    private double[] changeTimes = new double[8];
    private double[][] changeBefore;
    private double[][] changeAfter;
    private int changes;

    Recording(int points, CompartmentSystem system, Schedule schedule) {
        amounts = new double[system.size()][points];
        sinks = new double[system.sinks().size()][points];
        auc = new double[system.observations().size()][points];
        input = new double[points];
        tally = new InputTally(schedule);
        observed = system.observations().values().stream().mapToInt(CompartmentSystem.Observation::compartment)
                .toArray();
        changeBefore = new double[observed.length][8];
        changeAfter = new double[observed.length][8];
    }

    @Override
    public void accept(int index, double timeH, double[] x, double[] s, double[] a) {
        for (int c = 0; c < amounts.length; c++) {
            amounts[c][index] = x[c];
        }
        for (int q = 0; q < sinks.length; q++) {
            sinks[q][index] = s[q];
        }
        for (int o = 0; o < auc.length; o++) {
            auc[o][index] = a[o];
        }
        input[index] = tally.upTo(timeH);
    }

    @Override
    public void inputChange(double timeH, double[] before, double[] after) {
        if (changes == changeTimes.length) {
            int cap = 2 * changes;
            changeTimes = Arrays.copyOf(changeTimes, cap);
            for (int o = 0; o < observed.length; o++) {
                changeBefore[o] = Arrays.copyOf(changeBefore[o], cap);
                changeAfter[o] = Arrays.copyOf(changeAfter[o], cap);
            }
        }
        changeTimes[changes] = timeH;
        for (int o = 0; o < observed.length; o++) {
            changeBefore[o][changes] = before[observed[o]];
            changeAfter[o][changes] = after[observed[o]];
        }
        changes++;
    }

    /** Points first..first+count−1 from block buffers ({@code [row][point]}). */
    void block(int first, int count, double[] times, int[] rows, double[][] rowBuf, double[][] sinkBuf,
            double[][] aucBuf) {
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rowBuf[k], 0, amounts[rows[k]], first, count);
        }
        for (int q = 0; q < sinkBuf.length; q++) {
            System.arraycopy(sinkBuf[q], 0, sinks[q], first, count);
        }
        for (int o = 0; o < aucBuf.length; o++) {
            System.arraycopy(aucBuf[o], 0, auc[o], first, count);
        }
        for (int j = 0; j < count; j++) {
            input[first + j] = tally.upTo(times[j]);
        }
    }

    /** @return what was recorded, as a solution (the columns are handed over) */
    Solution solution(TimeGrid grid) {
        double[][] before = new double[observed.length][];
        double[][] after = new double[observed.length][];
        for (int o = 0; o < observed.length; o++) {
            before[o] = Arrays.copyOf(changeBefore[o], changes);
            after[o] = Arrays.copyOf(changeAfter[o], changes);
        }
        return Solution.ofColumns(grid, amounts, sinks, auc, input,
                new Solution.InputChanges(Arrays.copyOf(changeTimes, changes), before, after));
    }
}
