package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;

/** Metrics on hand-made curves whose answers are known exactly. */
class SeriesTest {
    /** A triangle: 0 → 100 ng/mL over 1 h, back to 0 at 2 h, flat 0 to 3 h. */
    static Series triangle() {
        double[] t = {0, 0.5, 1, 1.5, 2, 3};
        double[] c = {0, 50, 100, 50, 0, 0};
        double[] auc = {0, 12.5, 50, 87.5, 100, 100};
        return new Series(Analyte.KETAMINE, t, c, auc);
    }

    @Test
    void peakAndArea() {
        Series s = triangle();
        assertEquals(100, s.cmaxNgPerMl());
        assertEquals(1, s.tmaxH());
        assertEquals(100, s.aucNgHPerMl());
        assertEquals(75, s.aucNgHPerMl(0.5, 1.5), 1e-12);
        // a window end between grid points is interpolated in the cumulative AUC
        assertEquals(31.25, s.aucNgHPerMl(0, 0.75), 1e-12);
    }

    @Test
    void timeAboveAndWithinBandInterpolateCrossings() {
        Series s = triangle();
        assertEquals(1.0, s.timeAboveH(50), 1e-12);
        assertEquals(0.5, s.timeAboveH(75), 1e-12);
        assertEquals(0.5, s.timeWithinH(25, 50), 1e-12);
        assertEquals(0, s.timeAboveH(100), 1e-12);
    }

    @Test
    void timeToFallBelowAfterLastDose() {
        Series s = triangle();
        assertEquals(0.5, s.timeToFallBelowH(50, 1).getAsDouble(), 1e-12);
        assertEquals(0.0, s.timeToFallBelowH(50, 2.5).getAsDouble(), 1e-12);
        Series flat = new Series(Analyte.KETAMINE, new double[] {0, 1}, new double[] {10, 10}, new double[] {0, 10});
        assertFalse(flat.timeToFallBelowH(5, 0).isPresent());
    }

    @Test
    void terminalHalfLifeOfAnExponential() {
        int n = 25;
        double[] t = new double[n];
        double[] c = new double[n];
        double[] auc = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            c[i] = 80 * Math.exp(-Math.log(2) / 3.5 * i);
        }
        Series s = new Series(Analyte.NORKETAMINE, t, c, auc);
        assertEquals(3.5, s.terminalHalfLifeH(0).getAsDouble(), 1e-9);
    }

    @Test
    void windowsOutsideTheGridAreRefused() {
        Series s = triangle();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> s.aucNgHPerMl(0, 5));
        assertEquals("window end must be between 0 and 3 h but was 5", e.getMessage());
        assertThrows(InvalidInputException.class, () -> s.timeAboveH(Double.NaN));
        assertThrows(InvalidInputException.class, () -> s.timeWithinH(50, 10));
    }
}
