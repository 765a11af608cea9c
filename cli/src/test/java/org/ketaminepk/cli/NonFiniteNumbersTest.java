package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option that picocli reads as a number takes "NaN" and "Infinity" as numbers, and the library reads NaN as "not
 * given" in places (the plasma limit of an effect-site target): each such option refuses them, in one line naming it,
 * before anything runs. The options are found in the command model, so a new one is covered without a new line here.
 */
class NonFiniteNumbersTest {
    /** A run of each command that reads every one of its numeric options. */
    private static final Map<String, List<String>> RUNS = Map.of(
            "simulate", List.of("simulate", "--model", "domino-1984", "--dose", "bolus 20 mg", "--duration", "2h",
                    "--effect", "navarrete-2025-ani", "--allow-guessed-ke0"),
            "compare", List.of("compare", "--model", "domino-1984", "--dose", "bolus 20 mg", "--dose", "bolus 40 mg",
                    "--duration", "2h", "--effect", "navarrete-2025-ani", "--allow-guessed-ke0"),
            "effects", List.of("effects", "navarrete-2025-ani", "--model", "domino-1984", "--dose", "bolus 20 mg",
                    "--duration", "2h", "--allow-guessed-ke0"),
            "target", List.of("target", "--target", "150 ng/mL for 10 min", "--model", "domino-1984",
                    "--effect-site", "navarrete-2025-ani", "--allow-guessed-ke0"),
            "protocols", List.of("protocols", "crps-schwartzman-2009"));

    static Stream<Arguments> numericOptions() {
        CommandLine root = Main.commandLine(new Main(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<Arguments> out = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                Class<?> t = o.type();
                if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
                    out.add(Arguments.of(name, o.longestName()));
                }
            }
        });
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("numericOptions")
    void nanAndInfinityAreRefusedByName(String command, String option) {
        List<String> run = RUNS.get(command);
        assertTrue(run != null, () -> command + " has the numeric option " + option + "; add a run of it here");
        for (String value : new String[] {"NaN", "Infinity", "-Infinity"}) {
            List<String> args = new ArrayList<>(run);
            args.add(option);
            args.add(value);
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(2, r.code(), () -> args + "\n" + r.out() + r.err());
            assertEquals("", r.out(), () -> args.toString());
            assertEquals(1, r.errLines().length, r::err);
            assertTrue(r.err().startsWith("error: ") && r.err().contains(option), () -> args + "\n" + r.err());
        }
    }
}
