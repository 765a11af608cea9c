package org.ketaminepk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.ketaminepk.DecrementTimes;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.DecrementChart;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.report.OutputFiles;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk decrement}: the context-sensitive half-time and the 80 % decrement time against infusion
 * length, per model, as a table and optionally a chart.
 */
@Command(name = "decrement", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Context-sensitive half-time and 80 %% decrement time against infusion length.",
        description = {
            "For each infusion length from 0 (a bolus) up to --up-to, the time the concentration takes to fall by "
                    + "50 %% (the context-sensitive half-time of Hughes, Glass and Jacobs, Anesthesiology 1992) and "
                    + "by 80 %% after a constant-rate intravenous infusion stops. The models are linear, so the "
                    + "times do not depend on the rate. The curve is read every second for 10 min after the stop, then "
                    + "every 30 s, the crossing interpolated linearly.",
            "",
            "Not a recovery time: the level at which a patient wakes or recovers is not known here. A teaching and "
                    + "review tool, not a dosing device."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk decrement",
            "  ketamine-pk decrement --model kamp-2020 --model domino-1984 --up-to 12h --plot decrement.png",
            "  ketamine-pk decrement --analyte norketamine --weight 90"})
public final class DecrementCommand implements Callable<Integer> {
    /** Most infusion lengths computed per model. */
    static final int MAX_LENGTHS = 500;

    @Option(names = "--model", paramLabel = "ID", completionCandidates = CommonOptions.ModelIds.class,
            description = "A model id (see 'ketamine-pk models'); repeat to set several side by side. Default: "
                    + CommonOptions.DEFAULT_MODEL_ID + ".")
    List<String> modelIds = new ArrayList<>();

    @Option(names = "--analyte", paramLabel = "NAME", description = "The analyte read: ketamine (default) or "
            + "norketamine (models that predict it).")
    String analyte = "ketamine";

    @Option(names = "--up-to", paramLabel = "TIME", description = "Longest infusion, e.g. 12h (default 12h).")
    String upTo = "12h";

    @Option(names = "--every", paramLabel = "TIME", description = "Step between infusion lengths, e.g. 30min "
            + "(default 30min).")
    String every = "30min";

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the curves to FILE (.png or .svg).")
    Path plot;

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFiles.checkOutputs(java.util.Collections.singletonMap("--plot", plot == null ? null : plot.toString()));
        Analyte a = analyte(analyte);
        double maxH = hours("--up-to", upTo);
        double stepH = hours("--every", every);
        Checks.positive("--up-to", maxH, DecrementTimes.MAX_INFUSION_H, "h");
        if (!(stepH > 0)) {
            // the count of lengths below was 0 h / 0 h: "0 h gives Infinity"
            throw new InvalidInputException("every", "--every must be greater than 0 h but was " + Checks.fmt(stepH)
                    + " h");
        }
        if (stepH > maxH + 1e-9) {
            // the table held 0 and --up-to alone, as if --every had not been given
            throw new InvalidInputException("every", "--every must be at most --up-to, " + Checks.fmt(maxH) + " h, but "
                    + "was " + Checks.fmt(stepH) + " h; give a shorter --every or a longer --up-to");
        }
        if (maxH / stepH > MAX_LENGTHS) {
            throw new InvalidInputException("every", String.format(Locale.ROOT, "--every must give at most %d "
                    + "infusion lengths up to %s h but %s h gives %s; use a longer step", MAX_LENGTHS,
                    Checks.fmt(maxH), Checks.fmt(stepH), Checks.fmt(Math.floor(maxH / stepH) + 1)));
        }
        List<PublishedModel> models = new ArrayList<>();
        for (String id : modelIds.isEmpty() ? List.of(CommonOptions.DEFAULT_MODEL_ID) : modelIds) {
            PublishedModel m = CommonOptions.knownModel("model", id);
            if (models.contains(m)) {
                // its columns were printed twice, side by side
                throw new InvalidInputException("model", "--model " + m.id() + " was given twice; give each model "
                        + "once");
            }
            models.add(m);
        }
        if (plot != null && models.size() > DecrementChart.MAX_CURVES) {
            throw new InvalidInputException("plot", "--plot draws at most " + DecrementChart.MAX_CURVES + " models, "
                    + "each in a colour of its own, but " + models.size() + " were given; draw fewer --model or leave "
                    + "out --plot");
        }
        Patient patient = PatientOptions.orEmpty(patientOptions).patient();
        int n = (int) Math.floor(maxH / stepH + 1e-9) + 1;
        double[] lengths = new double[n + (Math.abs((n - 1) * stepH - maxH) > 1e-9 ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            lengths[i] = i * stepH;
        }
        lengths[lengths.length - 1] = maxH;
        List<DecrementChart.Curve> curves = new ArrayList<>();
        for (PublishedModel m : models) {
            IndividualModel ind = Simulation.standard().individualize(m, patient);
            if (!ind.system().observations().containsKey(a)) {
                throw new InvalidInputException("analyte", "model " + m.id() + " does not predict " + a.label()
                        + "; choose a model that does (see 'ketamine-pk models')");
            }
            curves.add(new DecrementChart.Curve(m.id(), DecrementTimes.curve(ind, a, lengths)));
        }
        PrintWriter out = spec.commandLine().getOut();
        String subtitle = a.label() + " · " + Text.patient(patient);
        out.println("Decrement times of " + subtitle + " after a constant-rate iv infusion (h)");
        out.println();
        String[] header = new String[1 + 2 * curves.size()];
        header[0] = "infusion (h)";
        for (int i = 0; i < curves.size(); i++) {
            header[1 + 2 * i] = curves.get(i).label() + " 50 %";
            header[2 + 2 * i] = curves.get(i).label() + " 80 %";
        }
        Text.Table t = new Text.Table(true, header);
        for (int j = 0; j < lengths.length; j++) {
            String[] row = new String[header.length];
            row[0] = Text.hours(lengths[j]);
            for (int i = 0; i < curves.size(); i++) {
                DecrementTimes.Point p = curves.get(i).points().get(j);
                row[1 + 2 * i] = cell(p.halfTimeH());
                row[2 + 2 * i] = cell(p.eightyPercentH());
            }
            t.row(row);
        }
        for (String line : t.render(0)) {
            out.println(line);
        }
        out.println();
        for (String line : Text.wrap("50 %: the context-sensitive half-time (Hughes MA, Glass PS, Jacobs JR, "
                + "Anesthesiology 1992;76:334-341); 80 %: the 80 % decrement time; each from the concentration at "
                + "the stop; infusion 0 h: a bolus. Typical values of each model for this patient; not a recovery "
                + "time.", 100)) {
            out.println(line);
        }
        if (plot != null) {
            Outputs.writeChart("--plot", plot,
                    DecrementChart.create(curves, "Decrement times after an infusion", subtitle));
            out.println("wrote " + plot);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String cell(OptionalDouble h) {
        return h.isPresent() ? Text.hours(h.getAsDouble()) : "–";
    }

    private static Analyte analyte(String name) {
        for (Analyte a : Analyte.values()) {
            if (a.label().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new InvalidInputException("analyte", "--analyte must be ketamine or norketamine but was '" + name + "'");
    }

    private static double hours(String option, String text) {
        try {
            return DoseParser.parseDurationH(text);
        } catch (DoseParser.ParseException e) {
            throw new InvalidInputException(option.substring(2), option + " must be a number and a time unit, e.g. "
                    + "12h or 30min, but was '" + text + "'");
        }
    }
}
