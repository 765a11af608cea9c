package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;

/** Metrics an embedding program builds or reads are refused in one line, never with a raw Java exception. */
class AnalyteMetricsTest {
    private static final Band BAND = Band.within(50, 150);

    private static String refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e).getMessage();
    }

    @Test
    void missingListsAndAMismatchAreNamed() {
        // a NullPointerException and an IllegalArgumentException before
        assertEquals("bands is required but was missing", refused(() -> new AnalyteMetrics(Analyte.KETAMINE, 1, 1, 1,
                null, List.of())));
        assertEquals("times in bands is required but was missing", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, 1, 1, List.of(), null)));
        assertEquals("times in bands[0] is required but was missing", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, 1, 1, List.of(BAND), Arrays.asList((Double) null))));
        assertEquals("times in bands must hold one time per band (0) but held 1", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, 1, 1, List.of(), List.of(1.0))));
    }

    @Test
    void numbersMustBeFinite() {
        assertEquals("Cmax must be a finite number of ng/mL but was NaN", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, Double.NaN, 1, 1, List.of(), List.of())));
        assertEquals("Tmax must be a finite number of h but was Infinity", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, Double.POSITIVE_INFINITY, 1, List.of(), List.of())));
        assertEquals("AUC must be a finite number of ng·h/mL but was -Infinity", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, 1, Double.NEGATIVE_INFINITY, List.of(), List.of())));
        assertEquals("times in bands[0] must be a finite number of h but was NaN", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, 1, 1, List.of(BAND), List.of(Double.NaN))));
    }

    @Test
    void aBandIndexOutsideTheBandsIsNamed() {
        AnalyteMetrics m = new AnalyteMetrics(Analyte.KETAMINE, 1, 1, 1, List.of(BAND), List.of(2.5));
        assertEquals(2.5, m.timeInBandH(0));
        // an IndexOutOfBoundsException before
        assertEquals("band index must be between 0 and 0 but was 1", refused(() -> m.timeInBandH(1)));
        assertEquals("band index must be between 0 and 0 but was -1", refused(() -> m.timeInBandH(-1)));
        assertEquals("band index must name a band asked for but none were, and was 0", refused(() -> new AnalyteMetrics(
                Analyte.KETAMINE, 1, 1, 1, List.of(), List.of()).timeInBandH(0)));
    }

    @Test
    void aBandWithAnEdgeOfMinusZeroIsTheBandWithZero() {
        AnalyteMetrics m = new AnalyteMetrics(Analyte.KETAMINE, 1, 1, 1, List.of(Band.within(0, 150)), List.of(2.5));
        // refused before as "must be one of [0–150 ng/mL] ... but was 0–150 ng/mL"
        assertEquals(2.5, m.timeInBandH(Band.within(-0.0, 150)));
        assertEquals(Band.within(0, 0), Band.within(-0.0, -0.0));
        assertEquals(Band.above(0), Band.above(-0.0));
    }
}
