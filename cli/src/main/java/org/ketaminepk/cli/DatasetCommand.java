package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;

import org.ketaminepk.cli.options.InputFiles;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.report.CountedProgress;
import org.ketaminepk.cli.report.OutputFiles;
import org.ketaminepk.cli.report.SummaryText;
import org.ketaminepk.cli.report.Terminal;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.cli.report.WarningGroups;
import org.ketaminepk.dataset.CompartmentTable;
import org.ketaminepk.dataset.Dataset;
import org.ketaminepk.dataset.DatasetResult;
import org.ketaminepk.dataset.DatasetSimulation;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk dataset}: the dataset mode. Simulates every individual of a NONMEM-style event file and writes
 * the predictions back as a dataset.
 */
@Command(name = "dataset", customSynopsis = {
            "ketamine-pk dataset FILE [--model ID] [--out FILE|-]",
            "ketamine-pk dataset --cmt-table [--model ID]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Dataset mode: simulate every individual of a NONMEM-style event file.",
        description = {
            "Reads event records (header row; comma- or blank-separated): ID and TIME are required; AMT, RATE, DUR, "
                    + "CMT, EVID, II, ADDL, SS, MDV, DV and the covariates AGE, WT, HT, SEX, CRCL, EGFR, CHILDPUGH "
                    + "are read when present (from each ID's first record; a covariate that changes within an ID "
                    + "is refused, naming the line and column: time-varying covariates are not supported); other "
                    + "columns are passed through. Units: TIME, II and DUR in h, AMT in "
                    + "mg of ketamine base, RATE in mg/h, DV and predictions in ng/mL.",
            "",
            "EVID 0 observation, 1 dose, 2 other, 3 reset, 4 reset and dose. RATE 0 bolus, > 0 infusion (mg/h), "
                    + "-2 duration from DUR, -1 the model's own input rate (refused where the model sets none). "
                    + "SS 1 starts from the exact periodic steady state of the dose given every II h, SS 2 adds it; "
                    + "AMT 0 with RATE > 0 and II 0 (SS 1 or 2) is a steady-state infusion. CMT is a route (dose) "
                    + "or an analyte (observation), by number from the model's table (--cmt-table) or by name: iv, "
                    + "oral, intranasal, ..., ketamine, norketamine.",
            "",
            "Writes ID, TIME, EVID, PRED_<ANALYTE> (ng/mL; the typical individual for the ID's covariates) and the "
                    + "input columns. Any error names the file, the line and the column, and nothing is written.",
            "",
            "The same as 'ketamine-pk simulate --dataset FILE [--model ID] [--csv FILE|-]'.",
            "",
            "A teaching and review tool, NOT a dosing device."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk dataset study.csv --model otto-2021 --out predictions.csv",
            "  ketamine-pk dataset --cmt-table --model otto-2021"})
public final class DatasetCommand implements Callable<Integer> {
    /** "ID 7: " before a warning written for one ID. */
    private static final Pattern ID_PREFIX = Pattern.compile("ID ([^:]*): ");

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The event records.")
    Path file;

    @Option(names = "--model", paramLabel = "ID", completionCandidates = CommonOptions.ModelIds.class,
            description = "Model id (see 'ketamine-pk models'). Default: " + CommonOptions.DEFAULT_MODEL_ID + ".")
    String modelId;

    @Option(names = "--out", paramLabel = "FILE|-", description = "Where to write the predictions (default '-', "
            + "standard output; the summary then goes to standard error).")
    String out = "-";

    @Option(names = "--cmt-table", description = "Print the model's CMT numbers and names, and stop.")
    boolean cmtTable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PublishedModel model = Models.get(modelId == null ? CommonOptions.DEFAULT_MODEL_ID : modelId);
        if (cmtTable) {
            stdout.println("CMT numbers of " + model.id() + ":");
            for (CompartmentTable.Entry e : CompartmentTable.of(model).entries()) {
                stdout.printf(Locale.ROOT, "  %2d  %-18s %s%n", e.number(), e.name(), e.route()
                        .map(r -> "dose (" + r.longName() + ", AMT in mg)").orElse("observation (ng/mL)"));
            }
            stdout.flush();
            return 0;
        }
        if (file == null) {
            throw new InvalidInputException("FILE", "give the dataset FILE (or --cmt-table)");
        }
        return simulate(file, model, "--out", out, spec);
    }

    /**
     * Reads, simulates and writes a dataset; shared with {@code simulate --dataset}.
     *
     * @param file the event records
     * @param model the model
     * @param option the option that named the output, for messages ("--out", or "--csv" of 'simulate --dataset')
     * @param out where to write the predictions, "-" for standard output (the summary then goes to standard error)
     * @param spec the command, for its output streams
     * @return the exit code
     */
    static int simulate(Path file, PublishedModel model, String option, String out, CommandSpec spec)
            throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        // before the file is read and every ID simulated: an output that cannot be written is told at once
        OutputFiles.checkOutputs(Map.of(option, out));
        Dataset d;
        try (Reader r = InputFiles.open(file)) {
            d = Dataset.read(r, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("FILE", "dataset file " + file + " does not exist");
        }
        int ids = d.individuals().size();
        CountedProgress progress = CountedProgress.on(spec.commandLine().getErr(), Terminal.stderr(),
                "simulating " + Text.count(ids) + (ids == 1 ? " individual" : " individuals"));
        DatasetResult result;
        try {
            result = DatasetSimulation.of(model).simulate(d, done -> progress.update(done, ids));
        } finally {
            progress.finish();
        }
        boolean toStdout = out.equals("-");
        // whole or not at all, as every other output file
        OutputFiles.writeText(option, out, stdout, w -> {
            try {
                result.write(w);
            } catch (UncheckedIOException e) {
                throw e.getCause(); // a failed write is the file's, told with its name
            }
        });
        PrintWriter summary = toStdout ? spec.commandLine().getErr() : stdout;
        int individuals = d.individuals().size();
        int records = d.records().size();
        summary.printf(Locale.ROOT, "%s: %s individual%s, %s record%s simulated with %s%s%n", file.getFileName(),
                Text.count(individuals), individuals == 1 ? "" : "s", Text.count(records), records == 1 ? "" : "s",
                model.id(), toStdout ? "" : "; written to " + out);
        // sentences that differ only in their numbers (an ID's own age, weight or BMI) are one line with the ranges;
        // one written for an ID ("ID 7: ...") names the first ID and how many more drew it
        List<String[]> idAndText = new ArrayList<>();
        for (Warning w : result.warnings()) {
            Matcher m = ID_PREFIX.matcher(w.message());
            idAndText.add(m.lookingAt() ? new String[] {m.group(1), w.message().substring(m.end())}
                    : new String[] {null, w.message()});
        }
        List<String> lines = new ArrayList<>();
        for (WarningGroups.Line<String[]> line : WarningGroups.of(idAndText, x -> x[1], x -> 1)) {
            String id = line.first()[0];
            String more = line.count() > 1 ? " and " + Text.count(line.count() - 1) + " more" : "";
            lines.add(line.message() + (id != null ? " (ID " + id + more + ")"
                    : line.merged() ? " (" + Text.count(line.count()) + " IDs)" : ""));
        }
        SummaryText.messages(summary, lines, List.of());
        summary.flush();
        return 0;
    }
}
