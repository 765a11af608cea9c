package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Progress of a population run: silent when not on a terminal or when quick, a percentage otherwise. */
class PopulationProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    /** Submits four tasks and runs them one by one, moving the clock before each. */
    private void runFour(PopulationReport.Progress p, long stepNanos) {
        Executor e = p.wrap(Runnable::run);
        for (int i = 0; i < 4; i++) {
            clock.addAndGet(stepNanos);
            e.execute(() -> { });
        }
        p.finish();
    }

    @Test
    void aQuickRunOnATerminalPrintsNothing() {
        runFour(new PopulationReport.Progress(new PrintWriter(text), 100, clock::get), 1_000_000);
        assertEquals("", text.toString());
    }

    @Test
    void aSlowRunOnATerminalShowsAPercentageAndClearsIt() {
        runFour(new PopulationReport.Progress(new PrintWriter(text), 1000, clock::get), 600_000_000L);
        String s = text.toString();
        assertTrue(s.contains("simulating 1,000 virtual patients: 100 %"), s);
        assertTrue(s.endsWith(" ".repeat(60) + "\r"), s);
    }

    @Test
    void notOnATerminalNothingIsPrinted() {
        runFour(new PopulationReport.Progress(null, 1000, clock::get), 600_000_000L);
        PopulationReport.Progress.on(new PrintWriter(text), false, 10).finish();
        assertEquals("", text.toString());
    }

    @Test
    void severalSeriesShowOnePercentageOverAllOfThemAndClearOnceAtTheEnd() {
        PopulationReport.Progress p = new PopulationReport.Progress(new PrintWriter(text), 1000, 2, clock::get);
        runFour(p, 600_000_000L);
        String first = text.toString();
        assertTrue(first.contains("simulating 1,000 virtual patients × 2 series: 50 %"), first);
        assertTrue(!first.contains("100 %") && !first.endsWith(" ".repeat(60) + "\r"), first);
        runFour(p, 600_000_000L);
        String s = text.toString();
        assertTrue(s.contains("× 2 series: 100 %"), s);
        assertTrue(s.endsWith(" ".repeat(60) + "\r"), s);
    }
}
