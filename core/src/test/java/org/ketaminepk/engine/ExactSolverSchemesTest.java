package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The exact solver's stepping schemes (modes in the eigenbasis, computed a block of output points at a time; dense
 * operators otherwise) against a plain step-by-step reference built from the Padé operators, and against each other
 * under the options that must not change concentrations.
 */
class ExactSolverSchemesTest {

    @Provide
    Arbitrary<RandomSystems.Case> cases() {
        return RandomSystems.cases();
    }

    /** Two parent compartments, a two-compartment metabolite, distinct rates. */
    private static CompartmentSystem fixedSystem() {
        return new RandomSystems.SystemSpec(2, 2, List.of(1.3, 0.4, 0.9, 0.25, 2.2, 0.6, 0.15, 0.35, 1.0, 0.05), 40, 90)
                .build();
    }

    /** Everything the solver reports at each output point, copied. */
    static final class Recorder implements Observer {
        final boolean observedOnly;
        final List<double[]> amounts = new ArrayList<>();
        final List<double[]> sinks = new ArrayList<>();
        final List<double[]> auc = new ArrayList<>();

        Recorder(boolean observedOnly) {
            this.observedOnly = observedOnly;
        }

        @Override
        public void accept(int index, double timeH, double[] x, double[] s, double[] a) {
            assertEquals(amounts.size(), index);
            amounts.add(x.clone());
            sinks.add(s.clone());
            auc.add(a.clone());
        }

        @Override
        public boolean observedCompartmentsOnly() {
            return observedOnly;
        }
    }

    /** The textbook scheme: Padé operators for every step, dense products, nothing reused across runs. */
    static Recorder reference(CompartmentSystem sys, Schedule sch, TimeGrid grid) {
        int n = sys.size();
        int m = sys.sinks().size();
        double[][] k = sys.k();
        double[][] e = sys.e();
        int[] obs = sys.observations().values().stream().mapToInt(CompartmentSystem.Observation::compartment).toArray();
        double[] vol = sys.observations().values().stream().mapToDouble(CompartmentSystem.Observation::volumeL)
                .toArray();
        double[] x = new double[n];
        double[] s = new double[m];
        double[] auc = new double[obs.length];
        double[] r = new double[n];
        double[] rs = new double[m];
        Map<Double, Propagator> ops = new HashMap<>();
        Recorder out = new Recorder(false);
        double[] events = sch.eventTimes();
        double t = 0;
        int gi = 0;
        int ei = 0;
        while (gi < grid.size()) {
            double tp = Math.min(grid.time(gi), ei < events.length ? events[ei] : Double.POSITIVE_INFINITY);
            if (tp > t) {
                double h = tp - t;
                Propagator p = ops.computeIfAbsent(h, hh -> MatrixExponential.padePropagator(k, hh));
                double[] nx = new double[n];
                double[] integral = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        nx[i] += p.phi()[i][j] * x[j] + p.gamma()[i][j] * r[j];
                        integral[i] += p.gamma()[i][j] * x[j] + p.lambda()[i][j] * r[j];
                    }
                }
                x = nx;
                for (int o = 0; o < obs.length; o++) {
                    auc[o] += integral[obs[o]] / vol[o];
                }
                for (int q = 0; q < m; q++) {
                    s[q] += rs[q] * h;
                    for (int j = 0; j < n; j++) {
                        s[q] += e[q][j] * integral[j];
                    }
                }
                t = tp;
            }
            if (ei < events.length && events[ei] == tp) {
                for (Schedule.Bolus b : sch.boluses()) {
                    if (b.timeH() == tp) {
                        if (b.toSink()) {
                            s[b.target()] += b.amountUmol();
                        } else {
                            x[b.target()] += b.amountUmol();
                        }
                    }
                }
                Arrays.fill(r, 0);
                Arrays.fill(rs, 0);
                for (Schedule.RateInput ri : sch.rates()) {
                    if (ri.startH() <= tp && tp < ri.endH()) {
                        (ri.toSink() ? rs : r)[ri.target()] += ri.rateUmolPerH();
                    }
                }
                ei++;
            }
            if (grid.time(gi) == tp) {
                out.accept(gi, tp, x, s, auc);
                gi++;
            }
        }
        return out;
    }

    private static double maxAbs(List<double[]> rows) {
        double m = 0;
        for (double[] r : rows) {
            for (double v : r) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static void assertClose(List<double[]> expected, List<double[]> actual, double rel, String what) {
        double scale = Math.max(maxAbs(expected), 1e-300);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 0; c < expected.get(i).length; c++) {
                double want = expected.get(i)[c];
                double got = actual.get(i)[c];
                assertTrue(Math.abs(want - got) <= rel * scale, what + " at point " + i + " column " + c
                        + ": expected " + want + " but was " + got + " (scale " + scale + ")");
            }
        }
    }

    @Property(tries = 60)
    void matchesTheStepByStepReference(@ForAll("cases") RandomSystems.Case testCase) {
        CompartmentSystem sys = testCase.system();
        Schedule sch = testCase.schedule();
        TimeGrid grid = testCase.grid();
        Recorder want = reference(sys, sch, grid);
        Recorder got = new Recorder(false);
        ExactSolver.instance().run(sys, sch, grid, true, got);
        assertClose(want.amounts, got.amounts, 1e-9, "amount");
        assertClose(want.auc, got.auc, 1e-9, "AUC");
        assertClose(want.sinks, got.sinks, 1e-9, "sink");
    }

    @Property(tries = 100)
    void observedCompartmentsAndAucDoNotDependOnWhatElseIsComputed(@ForAll("cases") RandomSystems.Case testCase) {
        CompartmentSystem sys = testCase.system();
        Schedule sch = testCase.schedule();
        TimeGrid grid = testCase.grid();
        Recorder full = new Recorder(false);
        ExactSolver.instance().run(sys, sch, grid, true, full);
        Recorder lean = new Recorder(true);
        ExactSolver.instance().run(sys, sch, grid, false, lean);
        List<Integer> observed = sys.observations().values().stream()
                .map(CompartmentSystem.Observation::compartment).toList();
        for (int i = 0; i < grid.size(); i++) {
            for (int c = 0; c < sys.size(); c++) {
                double leanValue = lean.amounts.get(i)[c];
                if (observed.contains(c) || !Double.isNaN(leanValue)) {
                    // observed compartments always, the others where the scheme computes them anyway
                    assertEquals(full.amounts.get(i)[c], leanValue, "compartment " + c + " at point " + i);
                } else if (ReachableSubsystem.of(sys, sch).local[c] < 0) {
                    // a compartment the doses never reach is exactly zero, and skipped
                    assertEquals(0, full.amounts.get(i)[c], "compartment " + c + " is never reached");
                }
            }
            assertTrue(Arrays.equals(full.auc.get(i), lean.auc.get(i)), "AUC at point " + i);
        }
    }

    /** Takes blocks where the solver offers them and records what it got, point by point. */
    static final class BlockRecorder implements BlockObserver {
        final List<double[]> amounts = new ArrayList<>();
        final Map<Integer, double[]> aucAt = new HashMap<>();
        int blocks;

        @Override
        public void accept(int index, double timeH, double[] x, double[] s, double[] a) {
            assertEquals(amounts.size(), index);
            amounts.add(x.clone());
            aucAt.put(index, a.clone());
        }

        @Override
        public void acceptBlock(int firstIndex, int count, double[] timesH, double[][] observed, double[] auc) {
            assertEquals(amounts.size(), firstIndex);
            for (int j = 0; j < count; j++) {
                double[] row = new double[observed.length];
                for (int o = 0; o < observed.length; o++) {
                    row[o] = observed[o][j];
                }
                amounts.add(row);
            }
            aucAt.put(firstIndex + count - 1, auc.clone());
            blocks++;
        }

        @Override
        public boolean observedCompartmentsOnly() {
            return true;
        }
    }

    @Property(tries = 100)
    void blocksCarryExactlyWhatSinglePointsCarry(@ForAll("cases") RandomSystems.Case testCase) {
        CompartmentSystem sys = testCase.system();
        Schedule sch = testCase.schedule();
        TimeGrid grid = testCase.grid();
        Recorder single = new Recorder(true);
        ExactSolver.instance().run(sys, sch, grid, false, single);
        BlockRecorder blocks = new BlockRecorder();
        ExactSolver.instance().run(sys, sch, grid, false, blocks);
        int[] observed = sys.observations().values().stream().mapToInt(CompartmentSystem.Observation::compartment)
                .toArray();
        assertEquals(grid.size(), blocks.amounts.size());
        for (int i = 0; i < grid.size(); i++) {
            double[] got = blocks.amounts.get(i);
            for (int o = 0; o < observed.length; o++) {
                double want = single.amounts.get(i)[observed[o]];
                // points at input changes arrive one at a time, with every compartment
                double have = got.length == observed.length ? got[o] : got[observed[o]];
                assertEquals(want, have, "observation " + o + " at point " + i);
            }
            double[] auc = blocks.aucAt.get(i);
            if (auc != null) {
                assertTrue(Arrays.equals(single.auc.get(i), auc), "AUC at point " + i);
            }
        }
        assertTrue(blocks.aucAt.containsKey(grid.size() - 1), "the last point's AUC is always handed over");
    }

    @Property(tries = 100)
    void everyMoleIsAccountedFor(@ForAll("cases") RandomSystems.Case testCase) {
        CompartmentSystem sys = testCase.system();
        Schedule sch = testCase.schedule();
        TimeGrid grid = testCase.grid();
        Solution sol = ExactSolver.instance().solve(sys, sch, grid);
        double total = sch.inputUpTo(grid.endH());
        for (int i = 0; i < grid.size(); i++) {
            double accounted = 0;
            for (int c = 0; c < sol.compartments(); c++) {
                accounted += sol.amount(i, c);
            }
            for (int q = 0; q < sol.sinkCount(); q++) {
                accounted += sol.sink(i, q);
            }
            double given = sol.input(i);
            assertEquals(sch.inputUpTo(grid.time(i)), given, 1e-12 * Math.max(total, 1), "input at point " + i);
            assertEquals(given, accounted, 1e-9 * Math.max(total, 1), "mole balance at point " + i);
        }
    }

    @Test
    void manyBlocksOnAMinuteGridMatchTheReference() {
        // ten daily four-hour infusions read every minute for eleven days: about 124 blocks between the events
        CompartmentSystem sys = fixedSystem();
        Schedule.Builder b = Schedule.builder();
        for (int day = 0; day < 10; day++) {
            b.rate(24.0 * day, 24.0 * day + 4, 0, false, 100);
        }
        Schedule sch = b.build();
        TimeGrid grid = TimeGrid.uniform(264, 1.0 / 60);
        Recorder want = reference(sys, sch, grid);
        Recorder got = new Recorder(false);
        ExactSolver.instance().run(sys, sch, grid, true, got);
        assertClose(want.amounts, got.amounts, 1e-9, "amount");
        assertClose(want.auc, got.auc, 1e-9, "AUC");
        assertClose(want.sinks, got.sinks, 1e-9, "sink");
    }

    @Test
    void nothingBeforeTheFirstDoseIsExactlyZero() {
        CompartmentSystem sys = fixedSystem();
        Schedule sch = Schedule.builder().rate(5, 9, 0, false, 40).build();
        Recorder got = new Recorder(false);
        ExactSolver.instance().run(sys, sch, TimeGrid.uniform(12, 0.1), true, got);
        for (int i = 0; i * 0.1 < 5 - 1e-9; i++) {
            for (double v : got.amounts.get(i)) {
                assertEquals(0.0, v, "amount at point " + i);
            }
            for (double v : got.auc.get(i)) {
                assertEquals(0.0, v, "AUC at point " + i);
            }
        }
    }
}
