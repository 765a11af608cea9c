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
        // 1e400 is read as infinite and was shown as "Infinity"; every refusal shows the value as written
        for (String value : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "-1e400"}) {
            List<String> args = new ArrayList<>(run);
            args.add(option);
            args.add(value);
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(2, r.code(), () -> args + "\n" + r.out() + r.err());
            assertEquals("", r.out(), () -> args.toString());
            assertEquals(1, r.errLines().length, r::err);
            assertTrue(r.err().startsWith("error: ") && r.err().contains(option), () -> args + "\n" + r.err());
            assertTrue(r.err().contains(value), () -> args + "\n" + r.err());
            assertTrue(value.contains("Infinity") || !r.err().contains("Infinity"), () -> args + "\n" + r.err());
        }
    }

    /**
     * Options whose text holds a number: "1e400mg/dL" was refused for its unit ("e400mg/dL"), and a target of
     * "1e400 ng/mL" as "Infinity ng/mL".
     */
    @org.junit.jupiter.api.Test
    void textOptionsShowANumberBeyondTheDoublesAsWritten() {
        for (String n : new String[] {"1e400", "-1e400"}) {
            Cli.Result r = Cli.run("simulate", "--model", "domino-1984", "--dose", "bolus 20 mg", "--creatinine",
                    n + "mg/dL");
            assertEquals(2, r.code(), r::err);
            assertEquals("error: --creatinine must be a number with its unit, mg/dL or µmol/L (e.g. 1.2mg/dL or "
                    + "106umol/L), but was '" + n + "mg/dL'", r.err().strip());
            r = Cli.run("target", "--model", "domino-1984", "--target", n + " ng/mL for 1 h");
            assertEquals(2, r.code(), r::err);
            assertEquals("error: target must be 0 (stop) or between 1 and 5000 ng/mL but was " + n
                    + " ng/mL in '" + n + " ng/mL for 1 h'", r.err().strip());
        }
    }
}
