package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output files are checked before any work and appear whole or not at all. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path csv;
    private Path json;
    private Path png;

    @BeforeEach
    void existingOutputs() throws IOException {
        csv = Files.writeString(dir.resolve("out.csv"), "an earlier csv\n");
        json = Files.writeString(dir.resolve("out.json"), "{\"earlier\": true}\n");
        png = Files.write(dir.resolve("out.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.createDirectory(dir.resolve("d.png"));
    }

    private byte[][] snapshot() throws IOException {
        return new byte[][] {Files.readAllBytes(csv), Files.readAllBytes(json), Files.readAllBytes(png)};
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Cli.Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg",
                "--duration", "2h"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--json=/nonexistent/x.json",
        "--plot=/nonexistent/x.png",
        "--plot=DIR",
        "--json=CSV",
        "--weight=-3",
        "--dose=oral 50 mg",
        "--step=3h"})
    void aFailedRunLeavesEveryExistingOutputUnchanged(String failure) throws IOException {
        byte[][] before = snapshot();
        List<String> args = new ArrayList<>(List.of("--csv", csv.toString(), "--plot", png.toString()));
        for (String a : failure.split(" ")) {
            args.add(a.replace("DIR", dir.resolve("d.png").toString()).replace("CSV", csv.toString()));
        }
        if (!failure.startsWith("--json")) {
            args.addAll(List.of("--json", json.toString()));
        }
        Cli.Result r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        byte[][] after = snapshot();
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], "file " + i + " after " + failure);
        }
        assertEquals(List.of("d.png", "out.csv", "out.json", "out.png"), names(), "no temporary file is left");
    }

    @Test
    void oneFileNamedTwiceIsRefused() throws IOException {
        byte[][] before = snapshot();
        Cli.Result r = run("--csv", csv.toString(), "--json", csv.toString());
        assertEquals(2, r.code());
        assertEquals("error: --json '" + csv + "' is the same file as --csv '" + csv + "'; give each output its own "
                + "file\n", r.err());
        assertArrayEquals(before[0], snapshot()[0]);
    }

    @Test
    void aSuccessfulRunReplacesEveryOutputWholeAndLeavesNothingElse() throws IOException {
        Cli.Result r = run("--csv", csv.toString(), "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).startsWith("time_h,ketamine_ng_per_mL"));
        assertTrue(Files.readString(json, StandardCharsets.UTF_8).startsWith("{"));
        assertTrue(Files.size(png) > 1000);
        assertEquals(List.of("d.png", "out.csv", "out.json", "out.png"), names());
    }

    @Test
    void thePatientReportIsCheckedFirstAndWrittenWhole() throws IOException {
        byte[][] before = snapshot();
        Cli.Result bad = Cli.run("patient", "--age", "80", "--json", "/nonexistent/x.json");
        assertEquals(2, bad.code());
        assertEquals("error: --json: cannot write '/nonexistent/x.json': no such directory /nonexistent\n", bad.err());
        Cli.Result wrongModel = Cli.run("patient", "--json", json.toString(), "--model", "nope-2000");
        assertEquals(2, wrongModel.code());
        assertArrayEquals(before[1], snapshot()[1]);
        Cli.Result ok = Cli.run("patient", "--age", "80", "--json", json.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.readString(json, StandardCharsets.UTF_8).startsWith("{"));
        assertEquals(List.of("d.png", "out.csv", "out.json", "out.png"), names());
    }

    /**
     * A PNG chart is drawn whole in memory: 'simulate --plot big.png --plot-size 10000x10000' in a 256 MiB JVM ended in
     * "java.lang.OutOfMemoryError: Java heap space" with a stack trace and exit status 1. It is refused before the run
     * with the memory it needs, and no output is touched.
     */
    @Test
    void aPngLargerThanTheHeapIsRefusedBeforeTheRun() throws Exception {
        byte[][] before = snapshot();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "simulate", "--dose", "bolus 10 mg", "--model", Cli.MODEL, "--csv", csv.toString(), "--plot",
                png.toString(), "--plot-size", "10000x10000").redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "still running");
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(2, p.exitValue(), err);
        assertEquals("error: --plot-size 10000x10000: a PNG chart of that size needs about 445 MiB of memory but Java "
                + "may use at most 256 MiB; give a smaller --plot-size, draw an .svg file, or give Java more memory "
                + "(e.g. KETAMINE_PK_JAVA_OPTS=-Xmx1g)\n", err);
        assertEquals("", Files.readString(dir.resolve("stdout.txt")));
        assertArrayEquals(before[0], snapshot()[0]);
        assertArrayEquals(before[2], snapshot()[2]);
    }

    /**
     * Every output is written beside its target and renamed over it, so '--csv /dev/null' (run as root) replaced the
     * device with a regular file holding the CSV, and '--csv /dev/stdout' failed as "no such file or directory". A
     * target that exists and is not a regular file is refused before the run; here a named pipe stands in for the
     * device.
     */
    @Test
    void aTargetThatIsNotARegularFileIsRefusedAndLeftAsItIs() throws Exception {
        Path pipe = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is needed to make a named pipe");
        Cli.Result r = run("--csv", pipe.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --csv: cannot write '" + pipe + "': it is not a regular file (a device, pipe or socket), "
                + "which the finished output would replace; name a file, or give '-' for standard output\n", r.err());
        assertEquals("", r.out());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe) && !Files.isDirectory(pipe), "still a pipe");
    }
}
