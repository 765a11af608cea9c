package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Chunks;
import org.ketaminepk.base.InvalidInputException;

/** Staging patients in blocks counts every patient exactly once, as adding them one by one does. */
class BandStagingProperties {
    /**
     * Whatever the number of patients (rarely a multiple of a stage's capacity), the number of tasks and the number
     * of display points, the staged counts are, bin by bin, the counts of each value's own bin.
     */
    @Property(tries = 200)
    void stagedCountsAreTheCountsOfEachValuesBin(@ForAll @IntRange(min = 1, max = 700) int patients,
            @ForAll @IntRange(min = 1, max = 40) int points, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        double[][] paths = paths(patients, points, seed);
        double[] times = new double[points];
        BandHistogram staged = new BandHistogram(Analyte.KETAMINE, times);
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            Chunks.forEach(patients, ex, staged::stage, (i, stage) -> stage.add(paths[i]),
                    BandHistogram.Stage::release);
        } finally {
            ex.shutdown();
        }
        int[][] expected = new int[points][BandHistogram.BINS + 1];
        for (double[] path : paths) {
            for (int t = 0; t < points; t++) {
                double c = path[t];
                expected[t][c >= BandHistogram.FLOOR_NG_PER_ML ? BandHistogram.formulaBin(c) : 0]++;
            }
        }
        for (int t = 0; t < points; t++) {
            int[] actual = new int[BandHistogram.BINS + 1];
            for (int b = 0; b < actual.length; b++) {
                actual[b] = staged.count(t, b);
            }
            int point = t;
            assertArrayEquals(expected[point], actual, () -> "counts at point " + point);
        }
    }

    /** Patients added one at a time (a stage flushed after each) and staged by tasks give the same percentiles. */
    @Property(tries = 50)
    void stagedBandsAreTheBandsOfPatientsAddedOneByOne(@ForAll @IntRange(min = 1, max = 700) int patients,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        int points = 7;
        double[][] paths = paths(patients, points, seed);
        double[] ps = {5, 25, 50, 75, 95};
        BandHistogram oneByOne = new BandHistogram(Analyte.KETAMINE, new double[points]);
        for (double[] path : paths) {
            BandHistogram.Stage s = oneByOne.stage();
            s.add(path);
            s.flush();
        }
        BandHistogram staged = new BandHistogram(Analyte.KETAMINE, new double[points]);
        Chunks.forEach(patients, Runnable::run, staged::stage, (i, stage) -> stage.add(paths[i]),
                BandHistogram.Stage::release);
        double[][] expected = oneByOne.percentiles(ps, patients);
        double[][] actual = staged.percentiles(ps, patients);
        for (int k = 0; k < ps.length; k++) {
            assertArrayEquals(expected[k], actual[k]);
        }
    }

    /** Values over nine decades, with zeros and values below the floor; each path wanders like a concentration. */
    private static double[][] paths(int patients, int points, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        double[][] paths = new double[patients][points];
        for (double[] path : paths) {
            double log10 = -4 + 9.9 * rng.nextDouble();
            for (int t = 0; t < points; t++) {
                log10 = Math.max(-4, Math.min(5.9, log10 + 0.05 * (rng.nextDouble() - 0.5)));
                path[t] = log10 < -3.5 ? 0 : Math.pow(10, log10);
            }
        }
        return paths;
    }

    @Test
    void aStageHoldsFourTasksPatientsAtTheUsualGridAndAtMostItsStatedSize() {
        assertEquals(4 * Chunks.SIZE, new BandHistogram(Analyte.KETAMINE, new double[2_000]).stage().capacity());
        int most = PopulationSimulation.MAX_DISPLAY_POINTS;
        BandHistogram.Stage s = new BandHistogram(Analyte.KETAMINE, new double[most]).stage();
        assertEquals(BandHistogram.STAGE_BYTES / (2 * most), s.capacity());
    }

    @Test
    void aReleasedStageServesTheNextTaskAndItsPatientsAreCountedBeforeTheCountsAreRead() {
        BandHistogram h = new BandHistogram(Analyte.KETAMINE, new double[] {0});
        BandHistogram.Stage first = h.stage();
        first.add(new double[] {10});
        first.release();
        BandHistogram.Stage second = h.stage();
        assertSame(first, second);
        second.add(new double[] {20});
        BandHistogram.Stage third = h.stage();
        third.add(new double[] {30});
        second.release();
        third.release();
        assertEquals(20, h.percentiles(new double[] {50}, 3)[0][0], 20 * (BandHistogram.RATIO - 1));
    }

    @Test
    void aValueAboveTheCeilingIsNamedAndItsPathIsNotCounted() {
        BandHistogram h = new BandHistogram(Analyte.NORKETAMINE, new double[] {0, 1.5});
        BandHistogram.Stage s = h.stage();
        s.add(new double[] {10, 20});
        s.add(new double[] {9.98, 20});
        // the failing path would have set new extremes at the first point (all three values share one bin there,
        // 9.937–10.037 ng/mL): they are taken back out with it
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.add(new double[] {10.03, 2e6}));
        assertEquals("norketamine concentration at 1.5 h must be below 1000000 ng/mL for percentile bands but was "
                + "2000000 ng/mL; check the dose", e.getMessage());
        s.flush();
        int atFirst = 0;
        for (int b = 0; b <= BandHistogram.BINS; b++) {
            atFirst += h.count(0, b);
        }
        assertEquals(2, atFirst, "only the paths that fitted are counted");
        double[][] extremes = h.percentiles(new double[] {0, 100}, 2);
        assertEquals(9.98, extremes[0][0], "smallest value at the first point");
        assertEquals(10, extremes[1][0], "largest value at the first point");
        assertEquals(20, extremes[1][1], "largest value at the second point");
    }
}
