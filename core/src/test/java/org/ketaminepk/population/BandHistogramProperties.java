package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
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
        BandHistogram.Stage stage = h.stage();
        for (double v : values) {
            stage.add(new double[] {v});
        }
        stage.flush();
        double est = h.percentiles(new double[] {percentile}, values.length)[0][0];
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double exact = Summary.percentile(sorted, percentile);
        double bound = (BandHistogram.RATIO - 1) * exact + BandHistogram.FLOOR_NG_PER_ML;
        assertTrue(Math.abs(est - exact) <= bound, est + " vs " + exact);
    }

    /**
     * The bin found from the previous point's bin by comparison is the bin of the logarithm formula, bit for bit,
     * including values next to and exactly on a bin edge (so the bands do not depend on which way a bin was found).
     */
    @Property(tries = 2000)
    void binsNearThePreviousOneAreTheFormulasBins(@ForAll @IntRange(min = 0, max = 2090) int previous,
            @ForAll @DoubleRange(min = -3.1, max = 6.1) double log10, @ForAll @IntRange(min = -3, max = 3) int ulps,
            @ForAll boolean onAnEdge) {
        double c = Math.pow(10, log10);
        if (onAnEdge) {
            // an edge of the bin the formula gives, moved a few ulps either way
            int b = BandHistogram.formulaBin(Math.max(c, BandHistogram.FLOOR_NG_PER_ML));
            c = BandHistogram.FLOOR_NG_PER_ML * Math.pow(BandHistogram.RATIO, b - 1);
        }
        for (int i = 0; i < Math.abs(ulps); i++) {
            c = ulps > 0 ? Math.nextUp(c) : Math.nextDown(c);
        }
        int near = BandHistogram.nearBin(c, previous);
        if (near >= 0) {
            double value = c;
            assertEquals(BandHistogram.formulaBin(value), near, () -> "bin of " + value + " after bin " + previous);
        }
    }
}
