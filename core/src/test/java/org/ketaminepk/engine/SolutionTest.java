package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;

/** The column storage of {@link Solution}: what the solver records, and what the readers give back. */
class SolutionTest {

    /** Ketamine in two compartments forming norketamine in one, three sinks; both observed. */
    private static CompartmentSystem parentMetabolite() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int p = b.compartment("peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        int m = b.compartment("metabolite", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
        int sk = b.sink("ketamine out", Analyte.KETAMINE);
        int sm = b.sink("norketamine out", Analyte.NORKETAMINE);
        b.sink("unabsorbed", Analyte.KETAMINE);
        b.exchange(c, 20, p, 60, 50);
        b.eliminate(c, sk, 1.5);
        b.flow(c, m, 2.2);
        b.eliminate(m, sm, 0.4);
        b.observe(Analyte.KETAMINE, c, 20);
        b.observe(Analyte.NORKETAMINE, m, 90);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        return b.build();
    }

    /** Daily 4-h infusions, a bolus, and a direct input into a sink, over three days. */
    private static Schedule doses() {
        Schedule.Builder s = Schedule.builder();
        for (int d = 0; d < 3; d++) {
            s.rate(24 * d, 24 * d + 4, 0, false, 100);
        }
        return s.bolus(30.5, 0, false, 40).rate(1, 2, 2, true, 10).build();
    }

    /** Records what a per-point observer sees. */
    private static final class Rows implements Observer {
        final List<double[]> amounts = new ArrayList<>();
        final List<double[]> sinks = new ArrayList<>();
        final List<double[]> auc = new ArrayList<>();

        @Override
        public void accept(int index, double timeH, double[] x, double[] s, double[] a) {
            amounts.add(x.clone());
            sinks.add(s.clone());
            auc.add(a.clone());
        }
    }

    @Test
    void solveRecordsBitForBitWhatAPerPointObserverSees() {
        CompartmentSystem sys = parentMetabolite();
        Schedule sch = doses();
        // a grid through the event times and one between them
        for (TimeGrid grid : List.of(TimeGrid.uniform(72, 1.0 / 60), TimeGrid.uniform(71.3, 0.07))) {
            Solution sol = ExactSolver.instance().solve(sys, sch, grid);
            Rows rows = new Rows();
            ExactSolver.instance().run(sys, sch, grid, true, rows);
            assertEquals(grid.size(), rows.amounts.size());
            for (int i = 0; i < grid.size(); i++) {
                for (int c = 0; c < sys.size(); c++) {
                    assertEquals(rows.amounts.get(i)[c], sol.amount(i, c), "amount " + c + " at " + i);
                }
                for (int q = 0; q < sys.sinks().size(); q++) {
                    assertEquals(rows.sinks.get(i)[q], sol.sink(i, q), "sink " + q + " at " + i);
                }
                for (int o = 0; o < 2; o++) {
                    assertEquals(rows.auc.get(i)[o], sol.cumulativeAuc(i, o), "AUC " + o + " at " + i);
                }
                double given = sch.inputUpTo(grid.time(i));
                assertEquals(given, sol.input(i), 1e-12 * sch.inputUpTo(Double.MAX_VALUE), "input at " + i);
            }
        }
    }

    @Test
    void columnReadersAgreeWithThePointReadersAndAreCopies() {
        CompartmentSystem sys = parentMetabolite();
        TimeGrid grid = TimeGrid.uniform(48, 0.25);
        Solution sol = ExactSolver.instance().solve(sys, doses(), grid);
        assertEquals(3, sol.compartments());
        assertEquals(3, sol.sinkCount());
        double[] central = sol.amountsUmol(0);
        double[] aucNk = sol.cumulativeAucs(1);
        double[] input = sol.inputsUmol();
        double[] ketamineBody = sol.sumOfAmountsUmol(new int[] {0, 1});
        double[] ketamineOut = sol.sumOfSinksUmol(new int[] {0, 2});
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(sol.amount(i, 0), central[i]);
            assertEquals(sol.cumulativeAuc(i, 1), aucNk[i]);
            assertEquals(sol.input(i), input[i]);
            assertEquals(0.0 + sol.amount(i, 0) + sol.amount(i, 1), ketamineBody[i]);
            assertEquals(0.0 + sol.sink(i, 0) + sol.sink(i, 2), ketamineOut[i]);
        }
        assertArrayEquals(new double[grid.size()], sol.sumOfAmountsUmol(new int[0]));
        double before = sol.amount(5, 0);
        central[5] = -1;
        aucNk[5] = -1;
        input[5] = -1;
        assertEquals(before, sol.amount(5, 0));
        assertEquals(sol.amountsUmol(1)[7], sol.amount(7, 1));
        assertEquals(sol.cumulativeAucs(1)[5], sol.cumulativeAuc(5, 1));
        assertEquals(sol.inputsUmol()[5], sol.input(5));
    }

    @Test
    void theRowConstructorCopiesAndTransposes() {
        double[][] amounts = {{1, 2}, {3, 4}, {5, 6}};
        double[][] sinks = {{0.5}, {0.25}, {0.125}};
        double[][] auc = {{7}, {8}, {9}};
        double[] input = {10, 11, 12};
        Solution sol = new Solution(TimeGrid.of(0, 1, 2), amounts, sinks, auc, input);
        amounts[1][1] = -1;
        input[2] = -1;
        assertEquals(4, sol.amount(1, 1));
        assertEquals(12, sol.input(2));
        assertEquals(0.25, sol.sink(1, 0));
        assertEquals(9, sol.cumulativeAuc(2, 0));
        assertEquals(2, sol.compartments());
        assertEquals(1, sol.sinkCount());
        assertArrayEquals(new double[] {2, 4, 6}, sol.amountsUmol(1));
        assertArrayEquals(new double[] {5, 11, 17}, sol.sumOfAmountsUmol(new int[] {0, 1, 1}));
    }

    @Test
    void aPathShorterThanTheGridIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Solution(TimeGrid.of(0, 1, 2),
                new double[][] {{1}, {2}, {3}}, new double[3][0], new double[3][0], new double[2]));
    }
}
