package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * The reference population against the tables it was read from (Fryar et al. 2021, Vital Health Stat 3(46), all race
 * and Hispanic-origin groups): the band table read back value by value, each band's weight and height checked
 * against the report's mean BMI for the same band, and the patients drawn from each band checked against the band's
 * printed mean and 5th–95th percentiles within the sampling error of the draw.
 */
class ReferencePopulationTest {
    /**
     * The printed rows, typed again here from the tables: age band, then weight mean, P5, P95 (kg), height mean, P5,
     * P95 (cm), and the mean BMI (kg/m²) of the report's BMI table for the band.
     */
    private static final double[][] MEN = {
        {20, 85.5, 58.3, 128.1, 175.8, 164.5, 187.1, 27.6},
        {30, 94.4, 65.0, 139.9, 176.3, 163.5, 188.7, 30.3},
        {40, 93.9, 66.3, 133.3, 176.3, 163.6, 188.4, 30.1},
        {50, 91.9, 63.2, 130.6, 175.4, 162.8, 187.7, 29.8},
        {60, 91.2, 62.3, 128.1, 174.4, 162.5, 185.0, 29.9},
        {70, 87.7, 60.5, 119.0, 173.0, 161.5, 184.7, 29.2},
        {80, 80.5, 56.2, 107.9, 170.4, 157.4, 182.3, 27.6},
    };
    private static final double[][] WOMEN = {
        {20, 74.9, 48.5, 118.4, 162.6, 151.0, 172.8, 28.3},
        {30, 79.3, 50.3, 127.6, 162.7, 151.2, 173.4, 29.9},
        {40, 80.8, 53.3, 123.8, 162.3, 150.7, 174.2, 30.7},
        {50, 78.7, 49.2, 121.1, 161.3, 150.7, 171.4, 30.3},
        {60, 78.2, 50.8, 112.7, 160.7, 149.3, 171.7, 30.3},
        {70, 74.7, 50.7, 107.3, 158.2, 147.5, 168.1, 29.8},
        {80, 67.9, 46.4, 96.8, 155.6, 145.3, 166.7, 28.0},
    };

    private static double[] printed(ReferencePopulation.AgeBand b) {
        double[][] rows = b.sex() == Sex.MALE ? MEN : WOMEN;
        return Arrays.stream(rows).filter(r -> r[0] == b.ageFromYears()).findFirst().orElseThrow();
    }

    static Stream<Arguments> bands() {
        return ReferencePopulation.bands().stream().map(b -> Arguments.of(b.sex() + " " + (int) b.ageFromYears(), b));
    }

    @Test
    void everyPrintedBandIsThereOnceInOrder() {
        List<ReferencePopulation.AgeBand> bands = ReferencePopulation.bands();
        assertEquals(MEN.length + WOMEN.length, bands.size());
        for (int i = 0; i < bands.size(); i++) {
            ReferencePopulation.AgeBand b = bands.get(i);
            double[] row = i < MEN.length ? MEN[i] : WOMEN[i - MEN.length];
            assertEquals(i < MEN.length ? Sex.MALE : Sex.FEMALE, b.sex());
            assertEquals(row[0], b.ageFromYears());
            assertEquals(row[0] + 10, b.ageToYears());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bands")
    void bandReadsBackAsPrinted(String name, ReferencePopulation.AgeBand b) {
        double[] row = printed(b);
        assertEquals(row[1], b.meanWeightKg(), name);
        assertEquals(row[2], b.weightP5Kg(), name);
        assertEquals(row[3], b.weightP95Kg(), name);
        assertEquals(row[4], b.meanHeightCm(), name);
        assertEquals(row[5], b.heightP5Cm(), name);
        assertEquals(row[6], b.heightP95Cm(), name);
    }

    /**
     * The report's weight, height and BMI tables are separate tables; the mean weight over the squared mean height
     * differs from the mean BMI only by the spread of the ratio, 0.03–0.12 kg/m² in these bands. A weight mistyped by
     * 1 kg or a height by 1 cm moves the ratio by about 0.35 kg/m², past the 0.2 allowed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bands")
    void weightAndHeightAgreeWithTheReportsMeanBmi(String name, ReferencePopulation.AgeBand b) {
        double heightM = b.meanHeightCm() / 100;
        assertEquals(printed(b)[7], b.meanWeightKg() / (heightM * heightM), 0.2, name);
    }

    /**
     * 20,000 patients of one sex drawn over one band's ages: the sample's mean weight and height are the printed
     * means, its 95th-over-5th weight ratio the printed ratio and its 5th–95th height span the printed span, each
     * within 5 standard errors of a sample of that size (the SE of a 5th or 95th sample percentile is
     * √(0.05 × 0.95) / (φ(1.645) √n) = 2.11 σ / √n on the normal scale).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bands")
    void drawnPatientsFollowTheBandsPrintedMeanAndPercentiles(String name, ReferencePopulation.AgeBand b) {
        int n = 20_000;
        List<Patient> ps = ReferencePopulation.usAdults(n, 11, b.ageFromYears(), b.ageToYears(),
                b.sex() == Sex.MALE ? 1 : 0);
        assertTrue(ps.stream().allMatch(p -> p.sex() == b.sex() && p.ageYears() >= b.ageFromYears()
                && p.ageYears() < b.ageToYears()), name);
        double[] w = ps.stream().mapToDouble(Patient::weightKg).sorted().toArray();
        double[] h = ps.stream().mapToDouble(Patient::heightCm).sorted().toArray();
        double sdLog = b.weightSdLog();
        double sdH = b.heightSdCm();
        double cv = Math.sqrt(Math.expm1(sdLog * sdLog));
        double quantileSe = 2.11 / Math.sqrt(n);

        assertEquals(b.meanWeightKg(), Arrays.stream(w).average().orElseThrow(),
                5 * cv * b.meanWeightKg() / Math.sqrt(n), () -> name + " mean weight");
        assertEquals(Math.log(b.weightP95Kg() / b.weightP5Kg()), Math.log(quantile(w, 0.95) / quantile(w, 0.05)),
                5 * Math.sqrt(2) * quantileSe * sdLog, () -> name + " ln(P95/P5) of weight");
        assertEquals(b.meanHeightCm(), Arrays.stream(h).average().orElseThrow(), 5 * sdH / Math.sqrt(n),
                () -> name + " mean height");
        assertEquals(b.heightP95Cm() - b.heightP5Cm(), quantile(h, 0.95) - quantile(h, 0.05),
                5 * Math.sqrt(2) * quantileSe * sdH, () -> name + " 5th–95th span of height");
    }

    /** The spreads follow from the printed percentiles alone: 2 × 1.6449 SD between the 5th and the 95th. */
    @Test
    void spreadsAreTheLnSpanAndTheSpanOverThreePointTwoNine() {
        ReferencePopulation.AgeBand men20 = ReferencePopulation.bands().get(0);
        assertEquals(Math.log(128.1 / 58.3) / 3.2897, men20.weightSdLog(), 1e-4);
        assertEquals((187.1 - 164.5) / 3.2897, men20.heightSdCm(), 1e-4);
        assertEquals(0.2393, men20.weightSdLog(), 5e-5);
        assertEquals(6.870, men20.heightSdCm(), 5e-4);
    }

    @Test
    void provenanceNamesTheTablesTheCopyAndTheAssumptions() {
        List<String> p = ReferencePopulation.provenance();
        assertTrue(p.get(0).contains("Vital Health Stat 3(46)") && p.get(0).contains("Tables 3 and 5")
                && p.get(0).contains("9 and 11") && p.get(0).contains("mitre/GrowthViz"), p.get(0));
        assertTrue(p.stream().noneMatch(l -> l.contains("recalled") || l.contains("not verified")), p::toString);
        assertTrue(p.get(2).startsWith("assumption:"), p.get(2));
    }

    @Test
    void aBandWithItsMeanOutsideItsPercentilesIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ReferencePopulation.AgeBand(Sex.MALE, 20, 30, 49.4, 58.3, 128.1, 175.8, 164.5, 187.1));
        assertTrue(e.getMessage().contains("58.3 < 49.4 < 128.1 kg"), e.getMessage());
    }

    /** The order statistic at rank p (nearest rank), enough at n = 20,000. */
    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }
}
