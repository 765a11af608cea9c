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

    /** command with INPUT where its input file goes, and the output option that names the same file. */
    static Stream<Arguments> outputOverInput() {
        return Stream.of(
                Arguments.of(List.of("simulate", "--protocol", "INPUT", "--model", "domino-1984", "--duration", "1h"),
                        "--csv", "course\nbolus 10 mg\n"),
                Arguments.of(List.of("compare", "--protocol", "INPUT", "--dose", "bolus 5 mg", "--model",
                        "domino-1984", "--duration", "1h"), "--json", "course\nbolus 10 mg\n"),
                Arguments.of(List.of("simulate", "--dose", "20 mg over 1 h", "--model", "otto-2021", "--observed",
                        "INPUT", "--duration", "3h"), "--observed-csv", "time,analyte,value\n2,ketamine,40 ng/mL\n"),
                Arguments.of(List.of("fit", "--observed", "INPUT", "--dose", "20 mg over 1 h", "--model",
                        "otto-2021"), "--csv", "time,analyte,value\n2,ketamine,40 ng/mL\n"),
                Arguments.of(List.of("simulate", "--dose", "bolus 10 mg", "--model", "otto-2021", "--patients",
                        "INPUT", "--duration", "1h"), "--population-csv", "age,weight,height,sex\n40,70,175,male\n"),
                Arguments.of(List.of("dataset", "INPUT"), "--out", "ID,TIME,AMT,CMT\n1,0,10,1\n1,1,0,7\n"),
                Arguments.of(List.of("simulate", "--dataset", "INPUT"), "--csv",
                        "ID,TIME,AMT,CMT\n1,0,10,1\n1,1,0,7\n"),
                Arguments.of(List.of("effects", "navarrete-2025-ani", "--model", "domino-1984", "--protocol", "INPUT",
                        "--duration", "1h"), "--csv", "course\nbolus 10 mg\n"));
    }

    /**
     * An output that names the file the command reads was written over it: "simulate --protocol course.txt --csv
     * course.txt" ran, printed its summary and left the protocol replaced by the CSV. It is refused before anything
     * runs, by another spelling of the name and through a symbolic link too, and the input stays as it was.
     */
    @ParameterizedTest
    @MethodSource("outputOverInput")
    void anOutputNamingTheInputFileIsRefusedAndTheInputKept(List<String> command, String output, String content)
            throws Exception {
        Path input = dir.resolve("input.txt");
        Path link = dir.resolve("input-link.txt");
        Files.createSymbolicLink(link, input);
        for (String other : new String[] {input.toString(), dir.resolve(".").resolve("input.txt").toString(),
            link.toString()}) {
            Files.writeString(input, content);
            List<String> args = new ArrayList<>();
            for (String a : command) {
                args.add(a.equals("INPUT") ? input.toString() : a);
            }
            args.addAll(List.of(output, other));
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(2, r.code(), () -> args + "\n" + r.out() + r.err());
            assertEquals(1, r.errLines().length, r::err);
            assertTrue(r.err().startsWith("error: " + output + " '" + other + "' is the file given with ")
                    && r.err().contains("which writing it would replace"), r::err);
            assertEquals(content, Files.readString(input), () -> args.toString());
        }
    }
}
