package org.ketaminepk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Series;

/**
 * Metrics of a run against the stored path of the same run on its grid. Grid metrics must equal the path's to the last
 * bit; exact ones ({@link AnalyteMetrics#exact()}) must agree within what the grid can resolve, derived from the path:
 * Cmax at least the grid's and above it by at most the largest change between neighbouring points, Tmax within one
 * step of the grid's, AUC to 1e-9, and each band time within one step per grid step in which the path reaches an edge.
 * An input change between grid points can raise the curve anywhere between them, which the grid cannot see: then only
 * the lower bound of Cmax holds, and each such change adds one step to the band times' tolerance.
 */
public final class GridAgreement {
    private GridAgreement() {
    }

    /** Asserts the agreement described above for a run whose input changes all fall on grid points. */
    public static void assertAgrees(Series s, AnalyteMetrics m, String what) {
        assertAgrees(s, m, 0, what);
    }

    /**
     * Asserts the agreement described above; {@code what} names the run in messages.
     *
     * @param inputsBetweenPoints how many input changes fall strictly between grid points
     */
    public static void assertAgrees(Series s, AnalyteMetrics m, int inputsBetweenPoints, String what) {
        if (!m.exact()) {
            assertEquals(s.cmaxNgPerMl(), m.cmaxNgPerMl(), what + " Cmax");
            assertEquals(s.tmaxH(), m.tmaxH(), what + " Tmax");
            assertEquals(s.aucNgHPerMl(), m.aucNgHPerMl(), what + " AUC");
            for (Band b : m.bands()) {
                assertEquals(gridTime(s, b), m.timeInBandH(b), what + " time in " + b);
            }
            return;
        }
        double[] c = s.ngPerMl();
        double[] t = s.timesH();
        double largestChange = 0;
        double longestStep = 0;
        for (int j = 1; j < c.length; j++) {
            largestChange = Math.max(largestChange, Math.abs(c[j] - c[j - 1]));
            longestStep = Math.max(longestStep, t[j] - t[j - 1]);
        }
        double slack = 1e-9 * s.cmaxNgPerMl() + 1e-12;
        assertTrue(m.cmaxNgPerMl() >= s.cmaxNgPerMl() - slack, what + " exact Cmax " + m.cmaxNgPerMl()
                + " below the grid's " + s.cmaxNgPerMl());
        assertTrue(inputsBetweenPoints > 0 || m.cmaxNgPerMl() <= s.cmaxNgPerMl() + largestChange + slack, what
                + " exact Cmax " + m.cmaxNgPerMl() + " too far above the grid's " + s.cmaxNgPerMl());
        assertTrue(m.tmaxH() >= s.timeH(0) && m.tmaxH() <= s.timeH(s.size() - 1), what + " Tmax");
        assertEquals(s.aucNgHPerMl(), m.aucNgHPerMl(), 1e-9 * s.aucNgHPerMl() + 1e-12, what + " AUC");
        for (Band b : m.bands()) {
            int crossing = 0;
            for (int j = 1; j < c.length; j++) {
                crossing += reaches(c[j - 1], c[j], b.lowNgPerMl()) + reaches(c[j - 1], c[j], b.highNgPerMl());
            }
            assertEquals(gridTime(s, b), m.timeInBandH(b), (crossing + inputsBetweenPoints) * longestStep + 1e-9,
                    what + " time in " + b);
        }
    }

    private static double gridTime(Series s, Band b) {
        return b.openAbove() ? s.timeAboveH(b.lowNgPerMl()) : s.timeWithinH(b.lowNgPerMl(), b.highNgPerMl());
    }

    private static int reaches(double p, double q, double level) {
        return Math.min(p, q) <= level && Math.max(p, q) >= level && p != q ? 1 : 0;
    }
}
