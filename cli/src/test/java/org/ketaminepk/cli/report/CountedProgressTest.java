package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A population's progress read "52 %", then "51 %", then "52 %" on a terminal: threads report out of order, and
     * tasks are counted as they are handed out. The percentage shown never goes back.
     */
    @Test
    void aPercentageNeverGoesBack() {
        CountedProgress p = new CountedProgress(new PrintWriter(text), "simulating 30,000 virtual patients",
                clock::get);
        clock.addAndGet(2 * CountedProgress.QUIET_NANOS);
        p.update(52, 100);
        p.update(51, 100);
        p.update(52, 100);
        p.update(53, 100);
        assertEquals("\rsimulating 30,000 virtual patients: 52 %\rsimulating 30,000 virtual patients: 53 %",
                text.toString());
    }

    @Test
    void offATerminalNothingIsPrinted() {
        run(new CountedProgress(null, "x", clock::get), 1000, 10_000_000L);
        CountedProgress.on(new PrintWriter(text), false, "x").finish();
        assertEquals("", text.toString());
    }

    /** A link to a terminal device is a terminal; a link to a file or a pipe is not; no link, no answer. */
    @Test
    void aDescriptorIsATerminalWhenItLeadsToOne(@TempDir Path dir)
            throws Exception {
        Path pts = Files.createSymbolicLink(dir.resolve("pts"),
                Path.of("/dev/pts/7"));
        Path tty = Files.createSymbolicLink(dir.resolve("tty"),
                Path.of("/dev/tty1"));
        Path file = Files.createSymbolicLink(dir.resolve("file"), dir.resolve("log.txt"));
        Path pipe = Files.createSymbolicLink(dir.resolve("pipe"),
                Path.of("pipe:[12345]"));
        assertEquals(Boolean.TRUE, Terminal.isTerminal(pts));
        assertEquals(Boolean.TRUE, Terminal.isTerminal(tty));
        assertEquals(Boolean.FALSE, Terminal.isTerminal(file));
        assertEquals(Boolean.FALSE, Terminal.isTerminal(pipe));
        assertEquals(null, Terminal.isTerminal(dir.resolve("none")));
    }

    /**
     * With standard input and output on a terminal and standard error sent to a file, a population run that took
     * more than a second wrote its progress, a hundred carriage-return lines, into the file: the program asked
     * {@code System.console()}, which looks at standard output, not standard error. Run under util-linux 'script',
     * which gives the command a terminal; skipped where there is none.
     */
    @Test
    void progressStaysOutOfAFileWhenOnlyStandardOutputIsATerminal(@TempDir
            Path dir) throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script)
                && Files.isDirectory(Path.of("/proc/self/fd")), "needs util-linux script");
        Path err = dir.resolve("err.txt");
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + javaExe + "' -Djava.awt.headless=true -cp '" + System.getProperty("java.class.path")
                + "' org.ketaminepk.cli.Main simulate --protocol crps-schwartzman-2009 --model otto-2021 "
                + "--population 30000 2> '" + err + "'";
        Process p = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "still running");
        assertEquals(0, p.exitValue());
        String written = Files.readString(err);
        assertTrue(written.isEmpty(), () -> "progress written into the file: " + written.length() + " characters, "
                + "starting " + written.substring(0, Math.min(80, written.length())));
    }
}
