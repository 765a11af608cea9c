package org.ketaminepk.cli;

import org.ketaminepk.cli.report.ManPage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** Help texts carry real examples and the disclaimer; the man page and completion come from the same model. */
class HelpAndDocsTest {
    @TempDir
    Path dir;

    @Test
    void topLevelHelp() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code());
        String out = r.out();
        assertTrue(out.contains("NOT a dosing device"), out);
        assertTrue(out.contains("teaching and review tool"), out);
        for (String c : new String[] {"simulate", "compare", "patient", "models", "protocols"}) {
            assertTrue(out.contains("\n  " + c + " "), c);
        }
        assertFalse(out.contains("warm-up") || out.contains("generate-docs"), "hidden commands stay hidden");
        assertTrue(out.contains("Examples:\n  ketamine-pk simulate --protocol crps-schwartzman-2009 --plot crps.png"));
        assertTrue(out.contains("2   usage or input error"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "compare", "patient", "models", "protocols"})
    void everySubcommandHelpHasExamplesAndTheDisclaimer(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(0, r.code());
        String lower = r.out().toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("teaching and review tool"), r.out());
        assertTrue(lower.contains("not a dosing device"), r.out());
        assertTrue(r.out().contains("Examples:\n  ketamine-pk " + command), r.out());
        assertEquals(r.out(), Cli.run("help", command).out(), "'help CMD' prints the same text");
    }

    /** The commands whose examples finish: 'explore' serves until it is stopped (its own tests start it). */
    static java.util.stream.Stream<String> rootAndEveryVisibleCommand() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                everyVisibleCommand().filter(c -> !c.equals("explore")));
    }

    /** Every example in every help text but explore's runs. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("rootAndEveryVisibleCommand")
    void helpExamplesParseAndTheSelfContainedOnesRun(String command) throws Exception {
        CommandLine root = Main.commandLine(new Main(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        CommandLine cl = command.isEmpty() ? root : root.getSubcommands().get(command);
        String joined = String.format(Locale.ROOT, String.join("\n", cl.getCommandSpec().usageMessage().footer()))
                .replace(" \\\n      ", " ");
        for (String line : joined.split("\n")) {
            if (!line.startsWith("  ketamine-pk ")) {
                continue;
            }
            String[] args = split(line.substring("  ketamine-pk ".length()));
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("dataset") && i + 1 < args.length && args[i + 1].endsWith(".csv")) {
                    Path f = dir.resolve(args[i + 1]);
                    Files.writeString(f, "ID,TIME,AMT,CMT\n1,0,20,iv\n1,2,.,ketamine\n");
                    args[i + 1] = f.toString();
                }
                if (args[i].equals("--plot") || args[i].equals("--json") || args[i].equals("--population-csv")
                        || args[i].equals("--out") || args[i].equals("--protocol-out")
                        || (args[i].equals("--csv") && !args[i + 1].equals("-"))) {
                    args[i + 1] = dir.resolve(Path.of(args[i + 1]).getFileName()).toString();
                }
                if ((args[i].equals("--protocol") || args[i].equals("protocols")) && i + 1 < args.length
                        && args[i + 1].endsWith(".txt")) {
                    Path f = dir.resolve(args[i + 1]);
                    // a course per kg, which 'protocols FILE --weight KG' resolves
                    Files.writeString(f, args[i].equals("protocols") ? "Example course\nbolus 0.3 mg/kg\n"
                            : "Example course\nbolus 20 mg\n");
                    args[i + 1] = f.toString();
                }
                if (args[i].equals("--observed") || args[i].equals("--dataset")) {
                    Path f = dir.resolve(args[i + 1]);
                    Files.writeString(f, args[i].equals("--observed") ? "time,analyte,value\n2,ketamine,40 ng/mL\n"
                            : "ID,TIME,AMT,CMT\n1,0,20,iv\n1,2,.,ketamine\n");
                    args[i + 1] = f.toString();
                }
            }
            boolean show = line.contains("--show");
            Cli.Result r = Cli.run(args);
            if (show) {
                assertTrue(r.err().startsWith("error: --show needs a display"), line + "\n" + r.err());
            } else {
                assertEquals(0, r.code(), line + "\n" + r.err());
            }
        }
    }

    private static String[] split(String line) {
        // the examples are shell lines: quotes as a shell reads them
        return DocumentedCommands.words(line).toArray(new String[0]);
    }

    /** Every command's name, the hidden ones included, for the tests that must reach all of them. */
    static java.util.stream.Stream<String> everyCommand() {
        CommandLine root = Main.commandLine(new Main(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        return root.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).sorted();
    }

    /**
     * picocli formats every help text with {@link String#format}: a lone {@code %} ("95 % interval", "15%") makes it
     * print a warning on standard error and show the text unformatted. Standard error is the process's here, not the
     * command line's writer, because that is where picocli's warnings go.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("everyCommand")
    void everyHelpTextFormatsWithoutAWarning(String command) {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Cli.Result r;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            r = Cli.run(command, "--help");
        } finally {
            System.setErr(saved);
        }
        String stderr = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, r.code(), r.err());
        assertEquals("", stderr + r.err(), command + " --help wrote to standard error");
        assertFalse(r.out().contains("%n"), r.out());
        String visible = everyVisibleCommand().anyMatch(command::equals) ? r.out().toLowerCase(Locale.ROOT) : "";
        if (!visible.isEmpty()) {
            assertTrue(visible.contains("not a dosing device") || visible.contains("not therapeutic drug monitoring"),
                    command + ": the disclaimer");
            assertTrue(r.out().contains("Examples:\n  ketamine-pk " + command), command + ": examples");
        }
    }

    /**
     * Every help text fits 100 columns as written, so picocli never breaks a line itself: a synopsis broken by
     * picocli loses its indentation, and an example broken by it splits a word ("relief.\npng") and no longer runs
     * when pasted.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("rootAndEveryVisibleCommand")
    void everyHelpLineFitsAndEveryExampleLineIsACommandOrItsContinuation(String command) {
        Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertEquals(0, r.code(), r.err());
        boolean examples = false;
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 100, () -> command + ": " + line.length() + " columns: " + line);
            if (line.equals("Examples:")) {
                examples = true;
            } else if (line.isEmpty()) {
                examples = false;
            } else if (examples) {
                assertTrue(line.startsWith("  ketamine-pk ") || line.startsWith("      "),
                        () -> command + ": an example line broken by the help formatter: " + line);
            }
        }
        int usage = r.out().indexOf("Usage: ");
        if (usage >= 0) {
            // a second form starts at column 0 and its continuation lines go under its own first word
            String form = "ketamine-pk " + (command.isEmpty() ? "" : command + " ");
            int indent = ("Usage: " + form).length();
            String[] lines = r.out().substring(usage).split("\n");
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                String l = lines[i];
                if (l.startsWith(form)) {
                    indent = form.length();
                    continue;
                }
                int need = indent;
                assertTrue(l.startsWith(" ".repeat(need)),
                        () -> command + ": a synopsis line not under the command's first word: " + l);
            }
        }
    }

    private static java.util.stream.Stream<String> everyVisibleCommand() {
        CommandLine root = Main.commandLine(new Main(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        return root.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden() && !e.getKey().equals("help"))
                .map(java.util.Map.Entry::getKey);
    }

    @Test
    void versionSaysWhatTheToolIs() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("ketamine-pk "), r.out());
        assertTrue(r.out().contains("not a dosing device"));
    }

    @Test
    void generateDocsWritesAManPageAndABashCompletion() throws Exception {
        Path docs = dir.resolve("docs");
        Cli.Result r = Cli.run("generate-docs", docs.toString());
        assertEquals(0, r.code(), r.err());
        String man = Files.readString(docs.resolve("ketamine-pk.1"));
        assertTrue(man.startsWith(".\\\" Generated by 'ketamine-pk generate-docs'"), man);
        assertTrue(man.contains("\n.TH \"KETAMINE\\-PK\" \"1\""), man);
        assertTrue(man.contains("\n.SH NAME\nketamine\\-pk \\- Ketamine and norketamine"), man);
        assertTrue(man.contains("\n.SS \"ketamine\\-pk simulate\"\n"), man);
        assertTrue(man.contains("\n.SS \"ketamine\\-pk protocols\"\n"), man);
        assertTrue(man.contains("\\fB\\-\\-dose\\fR \\fISPEC\\fR"), man);
        assertTrue(man.contains("ketamine\\-pk simulate \\-\\-protocol crps\\-schwartzman\\-2009 \\-\\-plot crps.png"),
                man);
        assertTrue(man.contains("\n.SH EXIT STATUS\n"), man);
        assertTrue(man.contains("not a dosing device"), man);
        assertFalse(man.contains("%%"), "percent signs as the help shows them");
        assertTrue(man.contains("80 % decrement time"), man);
        assertFalse(man.contains("warm\\-up") || man.contains("generate\\-docs DIR"), "hidden commands stay out");
        for (String line : man.split("\n")) {
            assertFalse(line.startsWith(".") && !line.matches("^\\.(\\\\\"|(TH|SH|SS|PP|TP|B|nf|fi|RS|RE)\\b).*"),
                    "unknown macro: " + line);
            assertFalse(line.startsWith("'"), line);
        }
        String completion = Files.readString(docs.resolve("ketamine-pk-completion.bash"));
        assertTrue(completion.contains("complete -F"), completion.substring(0, 200));
        assertTrue(completion.contains("simulate") && completion.contains("--protocol"));
        assertTrue(completion.contains("crps-schwartzman-2009"), "protocol ids complete");
        assertTrue(r.out().contains("wrote " + docs.resolve("ketamine-pk.1")));
    }

    @Test
    void troffEscaping() {
        assertEquals("\\&.dot \\-\\-x a\\eb 5 \\(mcg \\(en \\(mu", ManPage.esc(".dot --x a\\b 5 µg – ×"));
    }

    @Test
    void warmUpRunsEveryCommandQuietly() {
        Cli.Result r = Cli.run("warm-up");
        assertEquals(0, r.code(), r.err());
        assertEquals("warm-up done\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void simulateHelpSaysThatDosesAddToAProtocol() {
        Cli.Result r = Cli.run("simulate", "--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Given with --protocol, the doses are added to the protocol's (simulate)"), help);
    }
}
