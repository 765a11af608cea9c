package org.ketaminepk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.options.Converters;
import org.ketaminepk.cli.report.MemoryBudget;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ketamine-pk} command: wires the subcommands, turns errors into one line on standard error and an exit
 * code (0 ok, 1 internal failure, 2 usage or input error), and nothing else.
 */
@Command(name = "ketamine-pk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpWidth = 100, optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n", descriptionHeading = "%n",
        header = "Ketamine and norketamine concentrations from published compartment models.",
        description = {
            "A teaching and review tool for pharmacology students and for clinicians comparing infusion "
                    + "protocols against the literature. It is NOT a dosing device: it shows the typical values of "
                    + "published models, adjusted for a patient only by stated assumptions, and its numbers must "
                    + "not be used to choose a dose.",
            "",
            "Every model and protocol carries its citation; every result lists the assumptions and "
                    + "extrapolations behind it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk simulate --protocol crps-schwartzman-2009 --plot crps.png",
            "  ketamine-pk simulate --dose \"0.5 mg/kg over 40 min\" --weight 80 --csv -",
            "  ketamine-pk compare --protocol crps-schwartzman-2009 --protocol crps-cohen-2018 --plot crps.svg",
            "  ketamine-pk compare --protocol depression-zarate-2006 --patient age=30 --patient age=80,weight=60",
            "  ketamine-pk patient --age 80 --weight 60 --creatinine 1.4mg/dL --child-pugh B",
            "  ketamine-pk models domino-1984",
            "  ketamine-pk protocols crps-schwartzman-2009 --weight 90",
            "",
            "Run 'ketamine-pk help COMMAND' for a command's options and examples."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:internal failure (a bug: rerun with --debug and report the stack trace)",
            "2:usage or input error (the message says what to change)"})
public final class Main implements Runnable {
    /** The subcommands, in the order that the help lists them ({@link #commandLine} adds them). */
    private static final List<Class<?>> SUBCOMMANDS = List.of(SimulateCommand.class, CompareCommand.class,
            PatientCommand.class, ModelsCommand.class, EffectsCommand.class, DecrementCommand.class,
            TargetCommand.class, ValidateCommand.class, DatasetCommand.class, FitCommand.class,
            org.ketaminepk.cli.explore.ExploreCommand.class, ProtocolsCommand.class, GenerateDocsCommand.class,
            DocNumbersCommand.class, WarmUpCommand.class, CommandLine.HelpCommand.class);
    /**
     * The subcommands that never read their siblings (unlike help, the documentation commands and the warm-up, which
     * run or describe the others): a run that names one of them first builds the command line with it alone.
     * picocli reads the annotations of every command it is given, on every run: in a fresh JVM about 0.5 s for all
     * sixteen against 0.2–0.3 s for {@code simulate} alone.
     */
    private static final List<Class<?>> STANDALONE = SUBCOMMANDS.subList(0, 12);
    /** The option that sets each library field ({@link InvalidInputException#field()}), for error messages. */
    private static final Map<String, String> OPTION_FOR_FIELD = Map.of("age", "--age", "weight", "--weight",
            "height", "--height", "sex", "--sex", "model", "--model", "protocol", "--protocol", "dose", "--dose",
            "duration", "--duration", "step", "--step");

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Set by a subcommand that opened a chart window, so that {@link #main} lets the JVM run until it closes. */
    public boolean windowOpened;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: choose simulate, compare, patient, models or protocols");
    }

    /**
     * Builds the command line with the error handlers, writing to the given streams.
     *
     * @param app the top-level command object (holds per-run state such as {@code --debug})
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(Main app, PrintWriter out, PrintWriter err) {
        return commandLine(app, out, err, SUBCOMMANDS);
    }

    /**
     * As {@link #commandLine(Main, PrintWriter, PrintWriter)}, for one run: with only the subcommand that
     * {@code args} names first when that subcommand does not read its siblings, which starts faster and behaves the
     * same; with all of them otherwise.
     *
     * @param args the command line to be run
     */
    public static CommandLine commandLine(Main app, PrintWriter out, PrintWriter err, String[] args) {
        if (args.length > 0) {
            for (Class<?> c : STANDALONE) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(app, out, err, List.of(c));
                }
            }
        }
        return commandLine(app, out, err, SUBCOMMANDS);
    }

    private static CommandLine commandLine(Main app, PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(app);
        // added before the settings below, which reach only the subcommands already there
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Double.class, new Converters.Number());
        cl.registerConverter(Double.TYPE, new Converters.Number());
        cl.registerConverter(Integer.class, new Converters.WholeNumber());
        cl.registerConverter(Integer.TYPE, new Converters.WholeNumber());
        cl.setExecutionStrategy(parseResult -> {
            refuseRepeatedAndEmptyValues(parseResult);
            refuseOutputOverInput(parseResult);
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError oom) {
                // picocli hands only exceptions to the handler below: an Error left the JVM's own stack trace
                PrintWriter e = parseResult.commandSpec().commandLine().getErr();
                boolean debug = app.debug || parseResult.expandedArgs().contains("--debug");
                e.println("error: internal failure: " + outOfMemory(MemoryBudget.maxHeapBytes())
                        + (debug ? "" : " (rerun with --debug for the stack trace)"));
                if (debug) {
                    oom.printStackTrace(e);
                }
                e.flush();
                return 1;
            }
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("error: " + oneLine(numberMessage(ex)) + joinedUnitHint(ex, args) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            if (Arrays.asList(args).contains("--debug")) {
                ex.printStackTrace(e);
            }
            e.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            boolean debug = app.debug || parseResult.expandedArgs().contains("--debug");
            int code;
            if (ex instanceof InvalidInputException iie) {
                e.println("error: " + oneLine(optionNames(iie)));
                code = 2;
            } else {
                e.println("error: internal failure: " + oneLine(String.valueOf(ex))
                        + (debug ? "" : " (rerun with --debug for the stack trace)"));
                code = 1;
            }
            if (debug) {
                ex.printStackTrace(e);
            }
            e.flush();
            return code;
        });
        return cl;
    }

    /**
     * @param maxHeapBytes the largest heap the JVM may use, bytes
     * @return what ran out and what to change, for the one line an {@link OutOfMemoryError} is reported in
     */
    static String outOfMemory(long maxHeapBytes) {
        return "out of memory (Java may use at most " + MemoryBudget.size(maxHeapBytes) + "), which the checks "
                + "before the run should have foreseen; ask for less (a longer --step, a shorter --duration, fewer "
                + "patients) or give Java more memory (e.g. KETAMINE_PK_JAVA_OPTS=-Xmx"
                + (2 * (maxHeapBytes >> 30) + 2) + "g)";
    }

    /**
     * @return for a numeric option given no number, what the option takes, with its unit and range
     *         ({@link Converters#notANumber}); else the exception's own message
     */
    static String numberMessage(ParameterException ex) {
        String m = String.valueOf(ex.getMessage());
        if (ex.getArgSpec() instanceof OptionSpec o) {
            String prefix = "Invalid value for option '" + o.longestName() + "': ";
            if (m.startsWith(prefix)) {
                String specific = Converters.notANumber(o.longestName(), m.substring(prefix.length()));
                if (specific != null) {
                    return specific;
                }
            }
        }
        return m;
    }

    /**
     * @return for a unit typed apart from its number ({@code --creatinine 1.2 mg/dL}), a hint with the joined form;
     *         else an empty string
     */
    static String joinedUnitHint(ParameterException ex, String[] args) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String unit = u.getUnmatched().get(0);
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals(unit) && args[i - 2].startsWith("--") && args[i - 1].matches("[0-9]*\\.?[0-9]+")
                    && unit.matches("[A-Za-zµμ][A-Za-zµμ/.0-9²]*")) {
                return "; a unit goes with its number without a space: " + args[i - 2] + " " + args[i - 1] + unit;
            }
        }
        return "";
    }

    /**
     * @return the exception's message told about the option the user typed for its field ({@code --weight} for the
     *         field {@code weight}); a message in the thrower's own words is shown as it is
     */
    static String optionNames(InvalidInputException e) {
        String option = e.field() == null ? null : OPTION_FOR_FIELD.get(e.field());
        if (option == null || e.kind() == InvalidInputException.Kind.TEXT) {
            return e.getMessage();
        }
        return e.messageAbout(option);
    }

    /**
     * Refuses what picocli lets through: a single-valued option given twice (inside an option group the last one
     * would silently win) and an option given an empty value ({@code --cyp2b6 ''}).
     *
     * @throws ParameterException naming the option and the values
     */
    static void refuseRepeatedAndEmptyValues(ParseResult top) {
        ParseResult pr = top;
        while (pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        CommandSpec spec = pr.commandSpec();
        Map<String, String> seen = new HashMap<>();
        List<String> args = top.originalArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            int eq = arg.indexOf('=');
            boolean attached = arg.startsWith("-") && eq > 0;
            OptionSpec option = arg.startsWith("-") ? spec.findOption(attached ? arg.substring(0, eq) : arg) : null;
            if (option == null || option.arity().max() == 0) {
                continue;
            }
            boolean valueFollows = i + 1 < args.size()
                    && !(option.arity().min() == 0 && spec.findOption(args.get(i + 1)) != null);
            String value;
            if (attached) {
                value = arg.substring(eq + 1);
            } else if (valueFollows) {
                value = args.get(++i);
            } else {
                break;
            }
            String name = option.longestName();
            if (value.isBlank()) {
                throw new ParameterException(spec.commandLine(), name + " needs a value but was given an empty one");
            }
            String first = option.isMultiValue() ? null : seen.putIfAbsent(name, value);
            if (first != null) {
                throw new ParameterException(spec.commandLine(), name + " was given twice ('" + first + "' and '"
                        + value + "'); give it once");
            }
        }
    }

    /** Options that name a file the command reads (a protocol option may name a built-in id instead). */
    private static final List<String> INPUT_OPTIONS = List.of("--protocol", "--observed", "--patients", "--dataset");
    /** Options that name a file the command writes ("-" is standard output). */
    private static final List<String> OUTPUT_OPTIONS = List.of("--csv", "--json", "--plot", "--population-csv",
            "--observed-csv", "--out", "--protocol-out");

    /**
     * Refuses an output that names a file the same command reads: the output replaces it when the run succeeds, and
     * the user's protocol, levels, patients or dataset would be gone. A positional FILE (dataset, protocols) counts
     * as an input.
     *
     * @throws ParameterException naming both options and the file
     */
    static void refuseOutputOverInput(ParseResult top) {
        ParseResult pr = top;
        while (pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (OptionSpec o : pr.matchedOptions()) {
            if (INPUT_OPTIONS.contains(o.longestName())) {
                inputs.put(o.longestName(), o.originalStringValues());
            }
        }
        for (PositionalParamSpec p : pr.matchedPositionals()) {
            if (p.paramLabel().contains("FILE")) {
                inputs.put(p.paramLabel(), p.originalStringValues());
            }
        }
        if (inputs.isEmpty()) {
            return;
        }
        for (OptionSpec o : pr.matchedOptions()) {
            if (!OUTPUT_OPTIONS.contains(o.longestName())) {
                continue;
            }
            for (String output : o.originalStringValues()) {
                Path out = existingFile(output);
                if (out == null) {
                    continue; // standard output, or a file not yet written: it cannot be an input
                }
                for (Map.Entry<String, List<String>> in : inputs.entrySet()) {
                    for (String input : in.getValue()) {
                        Path read = existingFile(input);
                        if (read != null && sameFile(out, read)) {
                            throw new ParameterException(pr.commandSpec().commandLine(), o.longestName() + " '"
                                    + output + "' is the file given with " + in.getKey() + " '" + input
                                    + "', which writing it would replace; give the output another name");
                        }
                    }
                }
            }
        }
    }

    /** @return the path of an existing regular file named by {@code text}, or null */
    private static Path existingFile(String text) {
        if (text == null || text.equals("-") || text.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(text);
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null; // the command reports the bad name itself
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").trim();
    }

    /**
     * Runs {@code ketamine-pk}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Without a window to show, headless AWT starts faster and never needs a display to draw a PNG.
        if (!List.of(args).contains("--show")) {
            System.setProperty("java.awt.headless", "true");
        }
        Main app = new Main();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(app, out, err, args).execute(args);
        out.flush();
        err.flush();
        if (code != 0 || !app.windowOpened) {
            System.exit(code);
        }
    }

    /** Reads the version that the build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ketamine-pk " + version(),
                "A teaching and review tool, not a dosing device. Apache License 2.0."};
        }
    }

    /** @return the project version, or "development" when run from unfiltered sources */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "development";
        }
        String v = p.getProperty("version", "development");
        return v.startsWith("${") ? "development" : v;
    }
}
