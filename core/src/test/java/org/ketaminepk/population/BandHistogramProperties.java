package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.ketaminepk.base.Analyte;

class BandHistogramProperties {
    /**
     * Whatever the values (zeros, values below the floor, spread over nine decades, ties), each estimated percentile
     * is within the stated bound of the exact definition-7 percentile of the same values.
     */
    @Property(tries = 300)
    void percentilesAreWithinTheStatedBoundOfExactOnes(
            @ForAll @Size(min = 1, max = 400) List<@DoubleRange(min = -4, max = 5.9) Double> log10Values,
            @ForAll @DoubleRange(min = 0, max = 100) double percentile) {
        double[] values = new double[log10Values.size()];
        for (int i = 0; i < values.length; i++) {
            double l = log10Values.get(i);
            values[i] = l < -3.5 ? 0 : Math.pow(10, l);
        }
        BandHistogram h = new BandHistogram(Analyte.KETAMINE, new double[] {0});
        int[] scratch = new int[1];
        for (double v : values) {
            h.add(new double[] {v}, scratch);
        }
        double est = h.percentiles(new double[] {percentile}, values.length)[0][0];
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double exact = Summary.percentile(sorted, percentile);
        double bound = (BandHistogram.RATIO - 1) * exact + BandHistogram.FLOOR_NG_PER_ML;
        assertTrue(Math.abs(est - exact) <= bound, est + " vs " + exact);
    }
}
