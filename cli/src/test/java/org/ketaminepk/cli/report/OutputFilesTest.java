package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.base.InvalidInputException;

class OutputFilesTest {
    @TempDir
    Path dir;

    private static final byte[] OLD = "old content\n".getBytes(StandardCharsets.UTF_8);

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.write(target, OLD);
        try (OutputFiles files = new OutputFiles()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> files.stage("--csv", target,
                    out -> {
                        out.write(new byte[65_536]);
                        throw new IOException("No space left on device");
                    }));
            assertEquals("--csv: cannot write '" + target + "': IOException No space left on device", e.getMessage());
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void nothingIsReplacedUntilEveryFileIsComplete() throws IOException {
        Path csv = dir.resolve("out.csv");
        Path json = dir.resolve("out.json");
        Files.write(csv, OLD);
        Files.write(json, OLD);
        try (OutputFiles files = new OutputFiles()) {
            files.stage("--csv", csv, out -> out.write('n'));
            assertArrayEquals(OLD, Files.readAllBytes(csv), "staged, not yet in place");
            assertThrows(InvalidInputException.class, () -> files.stage("--json", json, out -> {
                throw new IOException("disk full");
            }));
        }
        assertArrayEquals(OLD, Files.readAllBytes(csv));
        assertArrayEquals(OLD, Files.readAllBytes(json));
        assertEquals(List.of("out.csv", "out.json"), names(), "the staged file was removed");
    }

    @Test
    void committedFilesReplaceTheOldOnesWhole() throws IOException {
        Path csv = dir.resolve("out.csv");
        Files.write(csv, OLD);
        Path fresh = dir.resolve("new.json");
        try (OutputFiles files = new OutputFiles()) {
            files.stage("--csv", csv, out -> out.write("a,b\n".getBytes(StandardCharsets.US_ASCII)));
            files.stage("--json", fresh, out -> out.write("{}".getBytes(StandardCharsets.US_ASCII)));
            files.commit();
        }
        assertEquals("a,b\n", Files.readString(csv));
        assertEquals("{}", Files.readString(fresh));
        assertEquals(List.of("new.json", "out.csv"), names());
    }

    private static Map<String, String> targets(String... optionAndTarget) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < optionAndTarget.length; i += 2) {
            m.put(optionAndTarget[i], optionAndTarget[i + 1]);
        }
        return m;
    }

    @Test
    void theSameFileUnderTwoSpellingsIsRefused() throws IOException {
        String a = dir.resolve("out.csv").toString();
        String b = dir.resolve("sub/../out.csv").toString();
        Files.createDirectory(dir.resolve("sub"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OutputFiles.check(targets("--csv", a, "--json", b)));
        assertEquals("--json '" + b + "' is the same file as --csv '" + a + "'; give each output its own file",
                e.getMessage());
        Files.write(Path.of(a), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of(a));
        assertThrows(InvalidInputException.class,
                () -> OutputFiles.check(targets("--csv", a, "--plot", link.toString())));
    }

    @Test
    void standardOutputAndAbsentOutputsAreNotFiles() {
        Map<String, String> t = targets("--csv", "-", "--json", dir.resolve("a.json").toString());
        t.put("--plot", null);
        assertEquals(List.of("--json"), List.copyOf(OutputFiles.check(t).keySet()));
    }

    @Test
    void unwritableTargetsAreRefusedBeforeAnyWork() throws IOException {
        String missing = dir.resolve("no/such/out.csv").toString();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OutputFiles.check(targets("--csv", missing)));
        assertEquals("csv", e.field());
        assertTrue(e.getMessage().startsWith("--csv: cannot write '" + missing + "': no such directory "),
                e.getMessage());
        Path sub = Files.createDirectory(dir.resolve("plot.png"));
        e = assertThrows(InvalidInputException.class, () -> OutputFiles.check(targets("--plot", sub.toString())));
        assertEquals("--plot: cannot write '" + sub + "': it is a directory", e.getMessage());
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndALinkStaysALink() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.write(target, OLD);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        Path checked = OutputFiles.check(targets("--csv", link.toString())).get("--csv");
        try (OutputFiles files = new OutputFiles()) {
            files.stage("--csv", checked, out -> out.write('n'));
            files.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("n", Files.readString(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
