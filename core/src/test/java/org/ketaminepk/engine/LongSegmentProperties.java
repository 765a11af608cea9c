package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.ExactMetrics;
import org.ketaminepk.result.StreamingMetrics;

/**
 * Peaks early in a long last segment of fast systems. The exact metrics isolate the zeros of the derivative with
 * sums of exponentials that leave out the slowest modes; far into a long segment every exponential of such a sum can
 * underflow to 0, and a sign read as 0 once hid the metabolite's peak after a second dose (Cmax 0.060 instead of
 * 1.334 ng/mL). The exact Cmax must bound every value on a one-second grid over the hours around the doses.
 */
class LongSegmentProperties {
    private static final List<Band> BANDS = List.of(Band.within(0.5, 5));

    /** The case that showed it: every rate 20 /h, a depot infusion and a depot bolus, a 36-h window. */
    @Test
    void theMetabolitePeakAfterASecondDepotDoseIsFound() {
        CompartmentSystem sys = new RandomSystems.SystemSpec(1, 2, Collections.nCopies(10, 19.999999999999996), 205,
                205).build();
        int depot = sys.indexOf("depot");
        Schedule s = Schedule.builder().bolus(0.25, depot, false, 10).rate(0.01, 0.11, depot, false, 5).build();
        Map<Analyte, AnalyteMetrics> exact = ExactMetrics.compute(sys, s, TimeGrid.uniform(36, 1.0 / 60), BANDS)
                .orElseThrow();
        Map<Analyte, AnalyteMetrics> fine = StreamingMetrics.compute(sys, s, TimeGrid.uniform(2, 1.0 / 3600), BANDS);
        AnalyteMetrics nk = exact.get(Analyte.NORKETAMINE);
        assertEquals(fine.get(Analyte.NORKETAMINE).cmaxNgPerMl(), nk.cmaxNgPerMl(), 1e-5 * nk.cmaxNgPerMl());
        assertEquals(fine.get(Analyte.NORKETAMINE).tmaxH(), nk.tmaxH(), 1.0 / 3600);
    }

    /** A fast system: every rate 5–40 /h, so that its fast modes underflow within a day. */
    @Provide
    Arbitrary<CompartmentSystem> fastSystems() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 2),
                RandomSystems.logUniform(5, 40).list().ofSize(10), Arbitraries.doubles().between(5, 205),
                Arbitraries.doubles().between(5, 205)).as(RandomSystems.SystemSpec::new)
                .map(RandomSystems.SystemSpec::build);
    }

    @Property(tries = 200)
    void theExactCmaxBoundsAFineGridAfterEveryDose(@ForAll("fastSystems") CompartmentSystem sys,
            @ForAll @DoubleRange(min = 0.05, max = 1.5) double secondH, @ForAll boolean firstIntoDepot,
            @ForAll @DoubleRange(min = 0.01, max = 0.5) double infusionH,
            @ForAll @DoubleRange(min = 0.1, max = 10) double ratio) {
        int depot = sys.indexOf("depot");
        int central = sys.indexOf("central");
        Schedule s = Schedule.builder().rate(0, infusionH, firstIntoDepot ? depot : central, false, 10 / infusionH)
                .bolus(infusionH + secondH, depot, false, 10 * ratio).build();
        double last = infusionH + secondH;
        // a 200-h window: the last segment is long enough for modes faster than 4 /h to underflow
        Map<Analyte, AnalyteMetrics> exact = ExactMetrics.compute(sys, s, TimeGrid.uniform(200, 1), BANDS)
                .orElse(null);
        Map<Analyte, AnalyteMetrics> fine = StreamingMetrics.compute(sys, s, TimeGrid.uniform(last + 3, 1.0 / 3600),
                BANDS);
        if (exact == null) {
            return;
        }
        for (Analyte a : exact.keySet()) {
            AnalyteMetrics e = exact.get(a);
            double onGrid = fine.get(a).cmaxNgPerMl();
            assertTrue(e.cmaxNgPerMl() >= onGrid * (1 - 1e-9), () -> a + " exact Cmax " + e.cmaxNgPerMl()
                    + " below the one-second grid's " + onGrid + " at " + fine.get(a).tmaxH() + " h");
        }
    }
}
