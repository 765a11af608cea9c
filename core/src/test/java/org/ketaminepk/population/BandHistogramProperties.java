package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.ketaminepk.base.Analyte;

class BandHistogramProperties {
    /** @return 10^l for each l, or 0 where l is below −3.5 (so that zeros and values below the floor both occur) */
    private static double[] values(List<Double> log10Values) {
        double[] values = new double[log10Values.size()];
        for (int i = 0; i < values.length; i++) {
            double l = log10Values.get(i);
            values[i] = l < -3.5 ? 0 : Math.pow(10, l);
        }
        return values;
    }

    /** @return a histogram of one display point holding {@code values}, one patient each */
    private static BandHistogram onePoint(double[] values) {
        BandHistogram h = new BandHistogram(Analyte.KETAMINE, new double[] {0});
        BandHistogram.Stage stage = h.stage();
        for (double v : values) {
            stage.add(new double[] {v});
        }
        stage.flush();
        return h;
    }

    /**
     * Whatever the values (zeros, values below the floor, spread over nine decades, ties), each estimated percentile
     * is within the stated bound of the exact definition-7 percentile of the same values.
     */
    @Property(tries = 300)
    void percentilesAreWithinTheStatedBoundOfExactOnes(
            @ForAll @Size(min = 1, max = 400) List<@DoubleRange(min = -4, max = 5.9) Double> log10Values,
            @ForAll @DoubleRange(min = 0, max = 100) double percentile) {
        double[] values = values(log10Values);
        BandHistogram h = onePoint(values);
        double est = h.percentiles(new double[] {percentile}, values.length)[0][0];
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double exact = Summary.percentile(sorted, percentile);
        double bound = (BandHistogram.RATIO - 1) * exact + BandHistogram.FLOOR_NG_PER_ML;
        assertTrue(Math.abs(est - exact) <= bound, est + " vs " + exact);
    }

    /**
     * Patients who do not differ at a point get percentiles equal to their common value, exactly: without the kept
     * extremes the bin's width drew a spread of up to 1 % around it (ketamine of the default model, which has no
     * variability, showed a 5th–95th percentile band of 1,397–1,409 ng/mL after a bolus).
     */
    @Property(tries = 300)
    void patientsWhoDoNotDifferGetTheirCommonValue(@ForAll @DoubleRange(min = -5, max = 5.5) double log10,
            @ForAll @IntRange(min = 1, max = 300) int patients, @ForAll boolean zero) {
        double value = zero ? 0 : Math.pow(10, log10);
        BandHistogram h = new BandHistogram(Analyte.KETAMINE, new double[] {0, 1});
        BandHistogram.Stage stage = h.stage();
        for (int i = 0; i < patients; i++) {
            stage.add(new double[] {value, 2 * value});
        }
        stage.flush();
        double[][] est = h.percentiles(new double[] {0, 5, 25, 50, 75, 95, 100}, patients);
        for (double[] q : est) {
            assertEquals(value, q[0], () -> Arrays.toString(q));
            assertEquals(2 * value, q[1], () -> Arrays.toString(q));
        }
    }

    /**
     * Every patient below the floor (1e-3 ng/mL), where one bin holds them all: the largest value is still the 100th
     * percentile, not the smallest (a random run found 9.55e-4 for the largest of 9.55e-4 and 9.77e-4 ng/mL).
     */
    @Example
    void everyPatientBelowTheFloorKeepsBothExtremes() {
        double small = Math.pow(10, -3.02);
        double large = Math.pow(10, -3.01);
        for (double[] values : new double[][] {{large, small}, {small, large}, {0, small, large, 0}}) {
            double[][] est = onePoint(values).percentiles(new double[] {0, 50, 100}, values.length);
            double lowest = Arrays.stream(values).min().orElseThrow();
            assertEquals(lowest, est[0][0], () -> Arrays.toString(values));
            assertEquals(large, est[2][0], () -> Arrays.toString(values));
            assertTrue(est[1][0] >= lowest && est[1][0] <= large, () -> Arrays.toString(values));
        }
    }

    /**
     * Whatever the values, no estimate lies outside the smallest and largest value, the 0th and 100th percentiles are
     * those values exactly, and the estimates do not decrease with the percentile.
     */
    @Property(tries = 300)
    void estimatesStayBetweenTheExtremesWhichAreExact(
            @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -4, max = 5.9) Double> log10Values) {
        double[] values = values(log10Values);
        BandHistogram h = onePoint(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] percentiles = {0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100};
        double[][] est = h.percentiles(percentiles, values.length);
        assertEquals(sorted[0], est[0][0]);
        assertEquals(sorted[sorted.length - 1], est[percentiles.length - 1][0]);
        for (int i = 0; i < percentiles.length; i++) {
            double e = est[i][0];
            assertTrue(e >= sorted[0] && e <= sorted[sorted.length - 1], () -> e + " outside the values");
            if (i > 0) {
                double before = est[i - 1][0];
                assertTrue(e >= before, () -> e + " below the lower percentile's " + before);
            }
        }
    }

    /**
     * Each display point's percentiles are those of its own values alone: the one pass over all points' counts keeps
     * every point's running count apart (points here differ in spread, in ties, and in values below the floor).
     */
    @Property(tries = 100)
    void eachPointsPercentilesAreThoseOfItsOwnValues(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -4, max = 5.5) Double> log10Values,
            @ForAll @IntRange(min = 1, max = 7) int points) {
        int n = log10Values.size();
        double[][] byPoint = new double[points][n];
        for (int i = 0; i < n; i++) {
            double l = log10Values.get(i);
            for (int t = 0; t < points; t++) {
                // point t: the values scaled by 10^t, every t-th one set to 0 (point 0: all values as drawn)
                byPoint[t][i] = l < -3.5 || (t > 0 && i % (t + 1) == 0) ? 0 : Math.pow(10, l - t);
            }
        }
        double[] times = new double[points];
        for (int t = 0; t < points; t++) {
            times[t] = t;
        }
        BandHistogram all = new BandHistogram(Analyte.KETAMINE, times);
        BandHistogram.Stage stage = all.stage();
        for (int i = 0; i < n; i++) {
            double[] path = new double[points];
            for (int t = 0; t < points; t++) {
                path[t] = byPoint[t][i];
            }
            stage.add(path);
        }
        stage.flush();
        double[] percentiles = {0, 5, 25, 50, 75, 95, 100};
        double[][] together = all.percentiles(percentiles, n);
        for (int t = 0; t < points; t++) {
            double[][] own = onePoint(byPoint[t]).percentiles(percentiles, n);
            for (int q = 0; q < percentiles.length; q++) {
                int point = t;
                int which = q;
                assertEquals(own[q][0], together[q][t], () -> "point " + point + ", percentile " + percentiles[which]);
            }
        }
    }

    /**
     * The bin found by the table and one comparison is the bin of the logarithm formula, bit for bit, including values
     * next to and exactly on a bin edge (so the bands are those of the formula).
     */
    @Property(tries = 2000)
    void tableBinsAreTheFormulasBins(@ForAll @DoubleRange(min = -3, max = 5.99) double log10,
            @ForAll @IntRange(min = -3, max = 3) int ulps, @ForAll boolean onAnEdge) {
        double c = Math.pow(10, log10);
        if (onAnEdge) {
            // an edge of the bin the formula gives, moved a few ulps either way
            int b = BandHistogram.formulaBin(Math.max(c, BandHistogram.FLOOR_NG_PER_ML));
            c = BandHistogram.FLOOR_NG_PER_ML * Math.pow(BandHistogram.RATIO, b - 1);
        }
        for (int i = 0; i < Math.abs(ulps); i++) {
            c = ulps > 0 ? Math.nextUp(c) : Math.nextDown(c);
        }
        if (c >= BandHistogram.FLOOR_NG_PER_ML && c < BandHistogram.CEILING_NG_PER_ML) {
            double value = c;
            assertEquals(BandHistogram.formulaBin(value), BandHistogram.tableBin(value), () -> "bin of " + value);
        }
    }

    /** Every bin edge, a few ulps either way, and the ends of the range: the table gives the formula's bin. */
    @Example
    void tableBinsAreTheFormulasBinsAtEveryEdge() {
        for (int b = 1; b <= BandHistogram.BINS + 1; b++) {
            double edge = BandHistogram.FLOOR_NG_PER_ML * Math.pow(BandHistogram.RATIO, b - 1);
            double c = edge;
            for (int i = 0; i < 4; i++) {
                c = Math.nextDown(c);
            }
            for (int i = -4; i <= 4; i++, c = Math.nextUp(c)) {
                if (c >= BandHistogram.FLOOR_NG_PER_ML && c < BandHistogram.CEILING_NG_PER_ML) {
                    double value = c;
                    assertEquals(BandHistogram.formulaBin(value), BandHistogram.tableBin(value),
                            () -> "bin of " + value);
                }
            }
        }
        double top = Math.nextDown(BandHistogram.CEILING_NG_PER_ML);
        assertEquals(BandHistogram.formulaBin(top), BandHistogram.tableBin(top));
        assertEquals(1, BandHistogram.tableBin(BandHistogram.FLOOR_NG_PER_ML));
    }

    /** The memory PopulationSimulation's javadoc states: 4 bytes × points × 2,084 counts (2,083 bins and the floor). */
    @Example
    void countsTakeTheStatedMemory() {
        assertEquals(2_083, BandHistogram.BINS);
        assertEquals(4L * 2_000 * 2_084, BandHistogram.bytes(2_000));
    }
}
