package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;


import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk warm-up} (hidden): runs every kind of command once with its output thrown away. The launcher
 * script runs it under {@code -XX:ArchiveClassesAtExit} to record the classes a session needs in a class-data
 * archive, which then roughly halves the start-up time of every later run.
 */
@Command(name = "warm-up", hidden = true, mixinStandardHelpOptions = true,
        header = "Run each command once, discarding the output (used to build a class-data archive).")
public final class WarmUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String model = CommonOptions.DEFAULT_MODEL_ID;
        Path tmp = Files.createTempDirectory("ketamine-pk-warm-up");
        try {
            String png = tmp.resolve("a.png").toString();
            String svg = tmp.resolve("a.svg").toString();
            String csv = tmp.resolve("a.csv").toString();
            String json = tmp.resolve("a.json").toString();
            List<String[]> runs = List.of(
                    new String[] {"simulate", "--model", model, "--protocol", "crps-schwartzman-2009", "--plot", png,
                        "--csv", csv, "--json", json},
                    new String[] {"compare", "--model", model, "--protocol", "depression-zarate-2006", "--dose",
                        "bolus 0.35 mg/kg", "--plot", svg, "--log-scale", "--csv", csv},
                    new String[] {"patient", "--age", "80", "--creatinine", "1.4mg/dL", "--child-pugh", "B",
                        "--json", json},
                    new String[] {"models", model},
                    new String[] {"protocols", "crps-schwartzman-2009", "--weight", "80"},
                    new String[] {"simulate", "--help"},
                    new String[] {"simulate", "--weight", "-3", "--dose", "bolus 1 mg"});
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            for (String[] args : runs) {
                CommandLine cl = Main.commandLine(new Main(), sink, sink);
                cl.execute(args);
            }
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        spec.commandLine().getOut().println("warm-up done");
        return ExitCode.OK;
    }
}
