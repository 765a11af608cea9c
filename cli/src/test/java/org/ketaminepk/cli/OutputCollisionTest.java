package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command with more than one output refuses, before it computes anything, two outputs that are one file (by
 * another spelling, or through a symbolic link to a file not yet written) and two outputs on standard output: the
 * second would silently replace the first, or the two would be interleaved.
 */
class OutputCollisionTest {
    @TempDir
    Path dir;

    /** command, its first output option, its second output option (each command's own pair). */
    static Stream<Arguments> pairs() {
        List<String> target = List.of("target", "--target", "150 ng/mL for 10 min", "--model", "domino-1984");
        List<String> effects = List.of("effects", "navarrete-2025-ani", "--model", "domino-1984", "--dose",
                "bolus 10 mg", "--duration", "1h");
        List<String> fit = List.of("fit", "--observed", "LEVELS", "--dose", "20 mg over 1 h", "--model", "otto-2021");
        List<String> validate = List.of("validate", "--model", "kamp-2020");
        List<String> simulate = List.of("simulate", "--model", "domino-1984", "--dose", "bolus 10 mg",
                "--duration", "1h");
        return Stream.of(Arguments.of(target, "--csv", "--protocol-out"), Arguments.of(target, "--json", "--csv"),
                Arguments.of(target, "--protocol-out", "--json"), Arguments.of(effects, "--csv", "--json"),
                Arguments.of(fit, "--csv", "--json"), Arguments.of(validate, "--csv", "--json"),
                Arguments.of(simulate, "--csv", "--json"));
    }

    private List<String> base(List<String> command) throws Exception {
        Path levels = dir.resolve("levels.csv");
        Files.writeString(levels, "time,analyte,value\n2,S-ketamine,40 ng/mL\n");
        List<String> out = new ArrayList<>();
        for (String a : command) {
            out.add(a.equals("LEVELS") ? levels.toString() : a);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void twoOutputsOnOneFileAreRefusedBeforeAnythingRuns(List<String> command, String first, String second)
            throws Exception {
        Path file = dir.resolve("out.txt");
        Path link = dir.resolve("link.txt");
        Files.createSymbolicLink(link, file);
        for (String other : new String[] {dir.resolve(".").resolve("out.txt").toString(), link.toString()}) {
            List<String> args = base(command);
            args.addAll(List.of(first, file.toString(), second, other));
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(2, r.code(), () -> args + "\n" + r.out() + r.err());
            assertEquals("", r.out(), () -> args.toString());
            assertTrue(r.err().startsWith("error: --") && r.err().contains("' is the same file as --")
                    && r.err().contains(first) && r.err().contains(second), () -> args + "\n" + r.err());
            assertFalse(Files.exists(file), () -> args.toString());
        }
        List<String> args = base(command);
        args.addAll(List.of(first, "-", second, "-"));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(2, r.code(), () -> args + "\n" + r.out() + r.err());
        assertEquals("", r.out(), () -> args.toString());
        assertEquals(1, r.errLines().length, r::err);
        assertTrue(r.err().contains("standard output"), r::err);
    }
}
