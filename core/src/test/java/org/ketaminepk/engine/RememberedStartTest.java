package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.ExactMetrics;
import org.ketaminepk.result.StreamingMetrics;

/**
 * A case a random property found: a metabolite that peaks after the last input ends, in a window whose refinement
 * starts from a point remembered in an earlier window of the same kind, near that window's start. There the slope of
 * C' nearly vanishes, so Halley's step on C' was about 1e-9 h, and a step that short was taken for convergence: the
 * peak at 6.00 h was reported as 1756 ng/mL at 5.38 h (the window's start) instead of 1853 ng/mL. A step that
 * disagrees with Newton's is not taken.
 */
class RememberedStartTest {
    @Test
    void aVanishingSlopeAtARememberedStartIsNotTakenForAZero() {
        double toMetabolite = 8.644534201134428;
        RandomSystems.SystemSpec spec = new RandomSystems.SystemSpec(1, 1, List.of(3.121701681732013,
                8.694534201134429 - toMetabolite, toMetabolite, 0.05000000000000001), 5, 5);
        CompartmentSystem system = spec.build();
        Schedule schedule = new RandomSystems.ScheduleSpec(List.of(new RandomSystems.BolusSpec(0, true, 10)),
                List.of(new RandomSystems.RateSpec(1.49, 1.75 - 1.49, true, 7.34),
                        new RandomSystems.RateSpec(1.49, 5.38 - 1.49, true, 9.48)), -1).build(system);
        AnalyteMetrics exact = ExactMetrics.compute(system, schedule, TimeGrid.uniform(36, 1.0 / 60), List.of())
                .orElseThrow().get(Analyte.NORKETAMINE);
        AnalyteMetrics grid = StreamingMetrics.compute(system, schedule, TimeGrid.uniform(36, 1.0 / 3600), List.of())
                .get(Analyte.NORKETAMINE);
        // the one-second grid's peak is within (1 s)² × |C''| / 8 of the curve's, far below 1e-6 relative here
        assertEquals(grid.cmaxNgPerMl(), exact.cmaxNgPerMl(), 1e-6 * grid.cmaxNgPerMl());
        assertEquals(grid.tmaxH(), exact.tmaxH(), 1.0 / 3600);
    }
}
