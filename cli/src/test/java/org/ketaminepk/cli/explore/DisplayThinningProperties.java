package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The display thinning keeps every curve's extremes, in each column and overall, on one shared time axis. */
class DisplayThinningProperties {
    @Property(tries = 200)
    void keepsEachCurvesMaximumAndMinimum(@ForAll @IntRange(min = 1, max = 5000) int n,
            @ForAll @IntRange(min = 1, max = 300) int buckets, @ForAll @IntRange(min = 1, max = 3) int curves,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] t = new double[n];
        for (int i = 1; i < n; i++) {
            t[i] = t[i - 1] + (rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble());
        }
        List<double[]> ys = new ArrayList<>();
        for (int c = 0; c < curves; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextGaussian() * 100;
            }
            ys.add(y);
        }
        int[] keep = ApiJson.minMaxIndices(t, ys, buckets);
        assertEquals(0, keep[0]);
        assertEquals(n - 1, keep[keep.length - 1]);
        for (int i = 1; i < keep.length; i++) {
            assertTrue(keep[i] > keep[i - 1], "sorted and distinct");
        }
        assertTrue(keep.length <= Math.max(n, 2 * buckets * curves + 2));
        for (double[] y : ys) {
            double max = Arrays.stream(y).max().getAsDouble();
            double min = Arrays.stream(y).min().getAsDouble();
            assertTrue(Arrays.stream(keep).anyMatch(i -> y[i] == max), "maximum kept");
            assertTrue(Arrays.stream(keep).anyMatch(i -> y[i] == min), "minimum kept");
        }
    }
}
