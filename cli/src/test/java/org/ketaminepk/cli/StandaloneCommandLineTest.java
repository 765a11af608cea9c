package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * A run that names a standalone subcommand first builds the command line with that subcommand alone
 * ({@link Main#commandLine(Main, PrintWriter, PrintWriter, String[])}): it must behave exactly as the full command
 * line does, for help, for errors (with the inherited {@code --debug}) and for a normal run.
 */
class StandaloneCommandLineTest {
    private static final List<List<String>> RUNS = List.of(
            List.of("simulate", "--help"),
            List.of("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kg over 40 min", "--duration", "2h"),
            List.of("simulate", "--dose", "5 kg"),
            List.of("simulate", "--dose", "5 kg", "--debug"),
            List.of("simulate", "--bogus"),
            List.of("compare", "--help"),
            List.of("compare", "--protocol", "crps-schwartzman-2009"),
            List.of("patient", "--age", "80", "--weight", "60"),
            List.of("patient", "--age", "-3"),
            List.of("models"),
            List.of("models", "domino-1984"),
            List.of("models", "no-such-model"),
            List.of("effects", "--help"),
            List.of("decrement", "--help"),
            List.of("target", "--help"),
            List.of("validate", "--help"),
            List.of("dataset", "--help"),
            List.of("fit", "--help"),
            List.of("explore", "--help"),
            List.of("protocols"),
            List.of("protocols", "crps-schwartzman-2009", "--weight", "90"));

    private record Outcome(int code, String out, String err, int subcommands) {
    }

    private static Outcome run(boolean standalone, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] a = args.toArray(new String[0]);
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = standalone ? Main.commandLine(new Main(), o, e, a) : Main.commandLine(new Main(), o, e);
        int code = cl.execute(a);
        // a stack trace (--debug) names this test's own line that called run, which differs between the two calls
        String errText = err.toString()
                .replaceAll("(?m)^\\s+at org\\.ketaminepk\\.cli\\.StandaloneCommandLineTest.*$", "");
        return new Outcome(code, out.toString(), errText, cl.getSubcommands().size());
    }

    @Test
    void aStandaloneSubcommandAloneBehavesAsInTheFullCommandLine() {
        for (List<String> args : RUNS) {
            Outcome full = run(false, args);
            Outcome alone = run(true, args);
            assertEquals(1, alone.subcommands(), () -> args + ": built with the named subcommand alone");
            assertEquals(full.code(), alone.code(), () -> args + ": exit code");
            assertEquals(full.out(), alone.out(), () -> args + ": standard output");
            assertEquals(full.err(), alone.err(), () -> args + ": standard error");
        }
    }

    @Test
    void otherRunsGetEverySubcommand() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("help", "simulate"),
                List.of("--debug", "models"), List.of("generate-docs", "--help"))) {
            Outcome full = run(false, args);
            Outcome built = run(true, args);
            assertTrue(built.subcommands() > 10, () -> args + ": every subcommand");
            assertEquals(full.out(), built.out(), () -> args + ": standard output");
            assertEquals(full.err(), built.err(), () -> args + ": standard error");
        }
    }
}
