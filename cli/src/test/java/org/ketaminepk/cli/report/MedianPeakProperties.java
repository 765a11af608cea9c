package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * Where {@code compare --population --effect} says a series' median effect peaks: at the largest change from the
 * baseline, rising or falling, and at its first time when the median holds its peak for a while.
 */
class MedianPeakProperties {

    @Property(tries = 2_000)
    void thePeakIsTheFirstLargestChangeFromBaseline(
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -5, max = 5) Double> median,
            @ForAll @DoubleRange(min = -2, max = 2) double baseline) {
        double[][] bands = new double[5][];
        double[] m = median.stream().mapToDouble(Double::doubleValue).toArray();
        for (int k = 0; k < 5; k++) {
            bands[k] = m;
        }
        int peak = PopulationEffectComparison.medianPeak(bands, baseline);
        double change = Math.abs(m[peak] - baseline);
        for (int i = 0; i < m.length; i++) {
            int at = i;
            double other = Math.abs(m[i] - baseline);
            assertTrue(other <= change, () -> "point " + at + " changes more than the peak " + peak);
            assertTrue(i >= peak || other < change, () -> "point " + at + " ties the peak " + peak + " earlier");
        }
    }
}
