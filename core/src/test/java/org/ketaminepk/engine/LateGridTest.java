package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;

/**
 * A uniform grid far from time 0: its times are {@code i·step} rounded to doubles, so that past about 1,000 h two
 * neighbours differ from the step by more than the 1e-12 h that tells step lengths apart ({@link StepCache#key}).
 * Those differences are round-off of the times, not steps of their own: the runs of output points go on across them
 * (one set of operators for the whole grid, instead of a new step at nearly every point), and the concentrations
 * stay those at the grid's times.
 */
class LateGridTest {
    /** Not a binary fraction, so {@code i·0.1} is rounded. */
    private static final double STEP_H = 0.1;
    /** ulp(20,000 h) = 3.6e-12 h, above the resolution of the step cache's key. */
    private static final double END_H = 20_000;
    private static final double LATE_H = 19_980;

    @Test
    void roundOffOfTheTimesDoesNotBreakTheRuns() {
        TimeGrid grid = TimeGrid.uniform(END_H, STEP_H);
        int from = grid.size() - 20 * SteppingScheme.BLOCK;
        // the premise: late neighbours differ by more than the key's resolution, so that this test can fail
        Set<Long> keys = new HashSet<>();
        for (int i = from; i < grid.size() - 1; i++) {
            keys.add(StepCache.key(grid.time(i + 1) - grid.time(i)));
        }
        assertTrue(keys.size() > 1, "late steps of the grid fall under " + keys.size() + " cache key");
        double[] times = new double[SteppingScheme.BLOCK];
        for (int gi = from; gi + SteppingScheme.BLOCK < grid.size(); gi += SteppingScheme.BLOCK) {
            double h = SteppingScheme.stepTo(grid, gi, grid.time(gi - 1));
            assertEquals(STEP_H, h, "the step to point " + gi);
            assertEquals(SteppingScheme.BLOCK, SteppingScheme.runLength(grid, gi, h, Double.POSITIVE_INFINITY,
                    times), "the run from point " + gi);
        }
    }

    @Test
    void anExplicitGridKeepsItsOwnSteps() {
        // the same times as a late stretch of the uniform grid, but with no step of its own
        TimeGrid uniform = TimeGrid.uniform(END_H, STEP_H);
        int from = uniform.size() - 50;
        double[] t = new double[50];
        for (int i = 0; i < t.length; i++) {
            t[i] = uniform.time(from + i);
        }
        TimeGrid explicit = TimeGrid.of(t);
        for (int gi = 1; gi < t.length; gi++) {
            assertEquals(t[gi] - t[gi - 1], SteppingScheme.stepTo(explicit, gi, t[gi - 1]), "step to point " + gi);
        }
        // and a step that is not the grid's stays what it is, however close to the grid's it may be
        assertEquals(0.1 + 1e-9, SteppingScheme.stepTo(uniform, 1, -1e-9));
    }

    @Test
    void lateConcentrationsAreThoseAtTheGridTimes() {
        CompartmentSystem sys = new RandomSystems.SystemSpec(2, 2,
                List.of(1.3, 0.4, 0.9, 0.25, 2.2, 0.6, 0.15, 0.35, 1.0, 0.05), 40, 90).build();
        // a dose at the start, long gone by the end, and two infusions in the late stretch that is compared
        Schedule sch = Schedule.builder().bolus(0, 0, false, 100).rate(19_900, 19_990, 0, false, 50)
                .rate(19_995, 19_998, 0, false, 80).build();
        TimeGrid grid = TimeGrid.uniform(END_H, STEP_H);
        for (boolean dense : new boolean[] {false, true}) {
            Late got = new Late();
            ExactSolver.instance().run(sys, sch, grid, true, got, dense);
            // the same times as an explicit grid: each step taken as the difference of its ends
            Late want = new Late();
            ExactSolver.instance().run(sys, sch, TimeGrid.of(got.times.stream().mapToDouble(d -> d).toArray()),
                    true, want, dense);
            assertEquals(want.amounts.size(), got.amounts.size());
            assertTrue(got.amounts.size() > 100, "points after " + LATE_H + " h: " + got.amounts.size());
            double scale = 0;
            for (double[] w : want.amounts) {
                for (double v : w) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int i = 0; i < got.amounts.size(); i++) {
                double[] w = want.amounts.get(i);
                double[] g = got.amounts.get(i);
                for (int c = 0; c < w.length; c++) {
                    assertTrue(Math.abs(w[c] - g[c]) <= 1e-10 * scale, (dense ? "dense" : "modal")
                            + " scheme, compartment " + c + " at " + got.times.get(i) + " h: expected " + w[c]
                            + " but was " + g[c]);
                }
            }
        }
    }

    /** Keeps the points from {@link #LATE_H} on. */
    private static final class Late implements Observer {
        final List<Double> times = new ArrayList<>();
        final List<double[]> amounts = new ArrayList<>();

        @Override
        public void accept(int index, double timeH, double[] x, double[] s, double[] auc) {
            if (timeH >= LATE_H) {
                times.add(timeH);
                amounts.add(x.clone());
            }
        }
    }
}
