package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Counted progress: silent off a terminal and for quick work, a percentage rewritten in place otherwise. */
class CountedProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private void run(CountedProgress p, int total, long stepNanos) {
        for (int done = 1; done <= total; done++) {
            clock.addAndGet(stepNanos);
            p.update(done, total);
        }
        p.finish();
    }

    @Test
    void quickWorkPrintsNothing() {
        run(new CountedProgress(new PrintWriter(text), "simulating 3 individuals", clock::get), 3, 1_000_000);
        assertEquals("", text.toString());
    }

    @Test
    void slowWorkShowsEachNewPercentageOnceAndWipesTheLine() {
        // 1,000 steps of 10 ms: silent for the first second (100 steps), then one write per whole percent
        run(new CountedProgress(new PrintWriter(text), "simulating 1,000 individuals", clock::get), 1000,
                10_000_000L);
        String s = text.toString();
        assertTrue(s.startsWith("\rsimulating 1,000 individuals: 10 %"), s);
        assertTrue(s.contains("\rsimulating 1,000 individuals: 100 %"), s);
        assertEquals(91, s.split("individuals: ", -1).length - 1, "10 % to 100 %, each once");
        assertTrue(s.endsWith("\r" + " ".repeat(60) + "\r"), s);
    }

    @Test
    void offATerminalNothingIsPrinted() {
        run(new CountedProgress(null, "x", clock::get), 1000, 10_000_000L);
        CountedProgress.on(new PrintWriter(text), false, "x").finish();
        assertEquals("", text.toString());
    }
}
