package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ketaminepk.Simulation;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.EffectOptions;
import org.ketaminepk.cli.options.ManualOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.cli.options.PumpOptions;
import org.ketaminepk.cli.report.ManualSchemeReport;
import org.ketaminepk.cli.report.PopulationRunner;
import org.ketaminepk.cli.report.OutputFiles;
import org.ketaminepk.cli.report.PopulationReport;
import org.ketaminepk.cli.report.TargetFiles;
import org.ketaminepk.cli.report.TargetPopulation;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.Terminal;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;
import org.ketaminepk.target.TargetSchedule;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk target}: the pump schedule that brings the predicted plasma or effect-site ketamine
 * concentration to a target and holds it, or a manual scheme (bolus and stepped rates) for pumps without target
 * control.
 */
@Command(name = "target", customSynopsis = {
            "ketamine-pk target --target SPEC [--effect-site ENDPOINT [--plasma-limit FACTOR]",
            "                          [--ke0-guess PER_MIN --allow-guessed-ke0] | --endpoint ENDPOINT]",
            "                          [--syringe CONC] [--max-rate RATE] [--update TIME] [--rate-step RATE]",
            "                          [--manual [--tolerance PERCENT]] [--model ID] [PATIENT OPTIONS]",
            "                          [--duration TIME] [--csv FILE|-] [--json FILE|-]",
            "                          [--plot FILE.png|FILE.svg] [--protocol-out FILE]",
            "                          [--population N [--seed S] [POPULATION OPTIONS]]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Dosing to a target concentration: a target-controlled pump schedule, or a manual scheme.",
        description = {
            "Computes, at every pump update, the rate that brings the predicted plasma ketamine concentration to the "
                    + "target at the end of the update interval and holds it (Bailey & Shafer 1991; Jacobs 1990), "
                    + "from the exact state of every compartment, norketamine included (predicted, not targeted). "
                    + "When the target steps down the pump stops until the concentration has fallen.",
            "",
            "With --effect-site ENDPOINT, targets the effect site instead (Shafer & Gregg 1992): the plasma "
                    + "overshoot that brings the effect site to the target at its time of peak without overshooting "
                    + "it, optionally with a plasma limit (--plasma-limit 1.5: at most 1.5 × the target). The target "
                    + "is the model's ketamine concentration (racemic for a racemic model) in the endpoint's effect "
                    + "compartment. The ke0 is "
                    + "the endpoint's, used as fitted or transferred as 'ketamine-pk effects' explains; a guessed ke0 "
                    + "needs --ke0-guess with --allow-guessed-ke0.",
            "",
            "With --population N (or --patients FILE), gives the typical patient's pump schedule unchanged to a "
                    + "virtual population whose parameters vary as the model's publication says (the options of "
                    + "'simulate --population'), and reports how far each patient is from the target at the end of "
                    + "every target step (median, 5th–95th percentile, share within ±20 %% and above 1.5 × the target), "
                    + "the distributions and probabilities of 'simulate --population', the bands in --csv and --json, "
                    + "and the median with 50 %% and 90 %% bands and the target on --plot.",
            "",
            "With --manual, designs a loading bolus and a few stepped rates for a pump without target control that "
                    + "keep the plasma concentration within --tolerance of a single target, and reports the "
                    + "achieved minimum, maximum and time within tolerance; --csv and --json then hold the scheme's "
                    + "rates, cumulative dose and predicted concentrations every 10 s, with the tolerance band.",
            "",
            "A teaching and review tool, NOT a dosing device: it drives the typical values of a published model, not "
                    + "the patient in front of you."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk target --target \"150 ng/mL for 4 h\"",
            "  ketamine-pk target --target \"100 ng/mL for 30 min, then 150 ng/mL for 3 h, then 0\" \\",
            "      --syringe 10mg/mL --max-rate 200mL/h --csv tci.csv",
            "  ketamine-pk target --target \"200 ng/mL for 1 h\" --model domino-1984 \\",
            "      --effect-site navarrete-2025-ani",
            "  ketamine-pk target --target \"150 ng/mL for 4 h\" --manual --tolerance 15%%",
            "  ketamine-pk target --target \"150 ng/mL for 2 h\" --model otto-2021 --population 200 \\",
            "      --plot tci-pop.png",
            "  ketamine-pk target --target \"200 ng/mL for 1 h\" --model domino-1984 \\",
            "      --endpoint navarrete-2025-ani --plot tci-effect.png"})
public final class TargetCommand implements Callable<Integer> {
    /** Prediction after the last target when {@code --duration} is not given, h. */
    static final double DEFAULT_AFTER_H = PumpOptions.DEFAULT_AFTER_H;
    /** Pump-schedule rows printed before the rest is left to the CSV, JSON or protocol file. */
    static final int MAX_ROWS = 40;

    @Option(names = "--target", required = true, paramLabel = "SPEC", description = "Targets over time, e.g. "
            + "\"150 ng/mL for 4 h\" or \"100 ng/mL for 30 min, then 150 ng/mL for 3 h, then 0\" (ng/mL or µg/mL).")
    String target;

    @Option(names = "--effect-site", paramLabel = "ENDPOINT", description = "Target the effect site of this "
            + "endpoint's effect compartment: an id from 'ketamine-pk effects' or the part after the year when only one "
            + "id ends with it.")
    String endpointId;

    @Option(names = "--endpoint", paramLabel = "ENDPOINT", description = "With a plasma target: also predict "
            + "(not target) this endpoint's ketamine effect-site concentration, in the summary, files and plot.")
    String predictedEndpointId;

    @Option(names = "--plasma-limit", paramLabel = "FACTOR", description = "With --effect-site: the plasma "
            + "concentration may not exceed FACTOR × the target (1 to 10).")
    Double plasmaLimit;

    @Option(names = "--ke0-guess", paramLabel = "PER_MIN", description = "A ke0 (1/min) to use instead of the "
            + "endpoint's; refused unless --allow-guessed-ke0 is given, and labelled on every output.")
    Double ke0GuessPerMin;

    @Option(names = "--allow-guessed-ke0", description = "Allow --ke0-guess.")
    boolean allowGuess;

    @Option(names = "--syringe", paramLabel = "CONC", description = "Syringe concentration, e.g. 10mg/mL or "
            + "\"50 mg/mL HCl\" (hydrochloride, converted to base); default 10 mg/mL base.")
    String syringe;

    @Option(names = "--max-rate", paramLabel = "RATE", description = "Largest pump rate, e.g. 200mL/h (default and "
            + "at most 1200 mL/h).")
    String maxRate;

    @Option(names = "--update", paramLabel = "TIME", description = "Time between rate changes, 1 s to 10 min "
            + "(default 10s).")
    String update;

    @Option(names = "--rate-step", paramLabel = "RATE", description = "The pump's rate resolution; computed rates "
            + "are rounded down to it (default 0.1 mL/h, an assumption; 0 for none).")
    String rateStep;

    @Option(names = "--manual", description = "Design a bolus and stepped rates for a pump without target control "
            + "(one plasma target).")
    boolean manual;

    @Option(names = "--tolerance", paramLabel = "PERCENT", description = "With --manual: accepted deviation from "
            + "the target (default 15%%).")
    String tolerance;

    @Option(names = "--model", paramLabel = "ID", completionCandidates = CommonOptions.ModelIds.class,
            description = "Model id (default " + CommonOptions.DEFAULT_MODEL_ID + "; see 'ketamine-pk models').")
    String modelId;

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @ArgGroup(validate = false, order = 2, heading = PopulationOptions.HEADING)
    PopulationOptions population = new PopulationOptions();

    @Option(names = "--duration", paramLabel = "TIME", description = "Predicted time from the start (default: the "
            + "end of the last target plus 2 h).")
    String duration;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write the pump rate and the predicted "
            + "concentrations at every update (a manual scheme: every 10 s) as CSV ('-' for standard output; the "
            + "summary then goes to standard error).")
    String csv;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the settings, pump schedule or manual "
            + "scheme, outcomes, warnings and predicted concentrations as JSON ('-' for standard output).")
    String json;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "Draw the plasma ketamine and "
            + "norketamine concentrations that the pump schedule (or the manual scheme) gives with the exact solver, "
            + "as 'simulate' would draw them.")
    String plot;

    @Option(names = "--protocol-out", paramLabel = "FILE", description = "Write the pump schedule (or the manual "
            + "scheme) as a protocol file that 'simulate --protocol FILE' and 'compare' read back.")
    String protocolOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (population == null) {
            population = new PopulationOptions();
        }
        population.checkBeforeRun();
        int onStdout = ("-".equals(csv) ? 1 : 0) + ("-".equals(json) ? 1 : 0)
                + ("-".equals(population.populationCsv) ? 1 : 0) + ("-".equals(protocolOut) ? 1 : 0);
        if (onStdout > 1) {
            throw new InvalidInputException("csv", "only one of --csv, --json, --population-csv and --protocol-out "
                    + "can write to standard output ('-'); send the others to files");
        }
        // every file is checked before the schedule is computed: none the same as another, each writable
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("--csv", csv);
        outputs.put("--json", json);
        outputs.put("--population-csv", population.populationCsv);
        outputs.put("--protocol-out", protocolOut);
        outputs.put("--plot", plot);
        OutputFiles.checkOutputs(outputs);
        if (population.asked()) {
            PopulationRunner.refuseObservedLikeWithoutBands(population.observedLike, csv, json, plot);
        }
        TargetSchedule schedule = TargetSchedule.parse(target);
        PumpSettings pump = PumpOptions.settings(syringe, maxRate, rateStep, update);
        Path plotFile = plot == null ? null : plotPath(plot);
        PublishedModel model = Models.get(modelId == null ? CommonOptions.DEFAULT_MODEL_ID : modelId);
        Patient patient = PatientOptions.orEmpty(patientOptions).patient();
        IndividualModel ind = Simulation.standard().individualize(model, patient);
        PrintWriter summary = onStdout > 0 ? spec.commandLine().getErr() : out;
        EffectOptions.refuseAllowWithoutGuess(ke0GuessPerMin, allowGuess);
        if (manual) {
            ManualOptions.refuseCombinations(population.asked(), predictedEndpointId != null, endpointId != null,
                    plasmaLimit != null);
            if (ke0GuessPerMin != null) {
                throw new InvalidInputException("ke0-guess", "--ke0-guess applies to an effect site, and --manual "
                        + "designs for a plasma target; leave out --ke0-guess");
            }
            if (update != null) {
                // a manual scheme changes its rates where it says, not at pump updates: the value changed nothing
                throw new InvalidInputException("update", "--update sets how often a target-controlled pump changes "
                        + "its rate; a manual scheme has no updates, so leave out --update or --manual");
            }
            return manual(out, summary, schedule, pump, ind, plotFile);
        }
        ManualOptions.refuseToleranceWithoutManual(tolerance);
        VariabilityModel variability = population.asked() ? PopulationReport.variability(model, population.iiv)
                : null;
        TargetController controller;
        if (endpointId != null && predictedEndpointId != null) {
            throw new InvalidInputException("endpoint", "--endpoint predicts an effect site beside a plasma target; "
                    + "with --effect-site the effect site is already the target, so leave out --endpoint");
        }
        if (plasmaLimit != null && !Double.isFinite(plasmaLimit)) {
            // worded for the option here, before the controller refuses it in its own words
            throw new InvalidInputException("plasma-limit", "--plasma-limit must be a factor of the target from 1 to "
                    + Checks.fmt(TargetController.MAX_PLASMA_LIMIT_FACTOR) + " but was '" + plasmaLimit + "'");
        }
        if (endpointId != null) {
            EffectLink link = PumpOptions.link(Endpoints.get("--effect-site", endpointId), model, patient, ke0GuessPerMin, allowGuess);
            try {
                controller = plasmaLimit == null ? TargetController.effectSite(ind, pump, link)
                        : TargetController.effectSite(ind, pump, link, plasmaLimit);
            } catch (InvalidInputException e) {
                // the library names its field "plasma limit"; the user gave --plasma-limit
                throw "plasma limit".equals(e.field()) ? e.renamed("plasma-limit", "--plasma-limit") : e;
            }
        } else {
            if (plasmaLimit != null || (ke0GuessPerMin != null && predictedEndpointId == null)) {
                throw new InvalidInputException("effect-site", (plasmaLimit != null ? "--plasma-limit" : "--ke0-guess")
                        + " applies to effect-site targeting only; add --effect-site ENDPOINT");
            }
            EffectLink predicted = predictedEndpointId == null ? null
                    : PumpOptions.link(Endpoints.get("--endpoint", predictedEndpointId), model, patient, ke0GuessPerMin, allowGuess);
            controller = predicted == null ? TargetController.plasma(ind, pump)
                    : TargetController.plasma(ind, pump, predicted);
        }
        TargetPlan plan = controller.plan(schedule, PumpOptions.horizonH(schedule, duration));
        summary(summary, plan, patient);
        TargetPopulation pop = null;
        if (population.asked()) {
            List<Patient> patients = population.patients(patient);
            pop = TargetPopulation.simulate(plan, model, patient, patients, population, variability,
                    PopulationReport.Progress.on(spec.commandLine().getErr(), Terminal.stderr(),
                            patients.size()));
            pop.writeText(summary);
            summary.flush();
        }
        TargetPopulation p = pop;
        if (csv != null) {
            OutputFiles.writeText("--csv", csv, out, w -> TargetFiles.csv(w, plan, p));
        }
        if (json != null) {
            OutputFiles.writeText("--json", json, out, w -> TargetFiles.json(w, plan, patient, p));
        }
        if (population.populationCsv != null) {
            OutputFiles.writeText("--population-csv", population.populationCsv, out, p::writePatientsCsv);
        }
        if (protocolOut != null) {
            String text = TargetFiles.protocol(plan);
            OutputFiles.writeText("--protocol-out", protocolOut, out, w -> w.write(text));
        }
        if (plotFile != null) {
            Outputs.writeChart("--plot", plotFile, TargetFiles.chart(ind, plan, pop));
        }
        return 0;
    }

    private static Path plotPath(String text) {
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("plot", "--plot: '" + text + "' is not a valid file name: "
                    + e.getReason());
        }
        ChartFiles.Format.of(p);
        return p;
    }

    private Integer manual(PrintWriter out, PrintWriter summary, TargetSchedule schedule, PumpSettings pump,
            IndividualModel ind, Path plotFile) throws IOException {
        TargetSchedule.Step st = ManualOptions.step(schedule);
        double tol = ManualOptions.tolerance(tolerance);
        double horizonH = PumpOptions.horizonH(schedule, duration);
        ManualScheme m = ManualOptions.design(ind, pump, st, tol);
        manualSummary(summary, m, ind);
        if (csv != null) {
            OutputFiles.writeText("--csv", csv, out, w -> ManualSchemeReport.csv(w, ind, m, horizonH));
        }
        if (json != null) {
            OutputFiles.writeText("--json", json, out, w -> ManualSchemeReport.json(w, ind, m, horizonH));
        }
        if (protocolOut != null) {
            String text = ManualSchemeReport.protocol(m);
            OutputFiles.writeText("--protocol-out", protocolOut, out, w -> w.write(text));
        }
        if (plotFile != null) {
            Outputs.writeChart("--plot", plotFile, ManualSchemeReport.chart(ind, m, horizonH));
        }
        return 0;
    }

    // ---- text ----

    private static void summary(PrintWriter out, TargetPlan plan, Patient patient) {
        TargetController c = plan.controller();
        PumpSettings p = c.pump();
        String form = p.salt() == DrugSalt.HYDROCHLORIDE ? "mg HCl" : "mg";
        out.println("Target-controlled infusion, " + c.mode().label() + " target");
        line(out, "model", c.modelId() + ", " + patientLine(patient));
        line(out, "targets", plan.schedule().toString());
        c.link().ifPresent(l -> line(out, "effect site", l.describe() + ", " + l.basis().label() + ": " + l.how()));
        c.plasmaLimitFactor().ifPresent(f -> line(out, "plasma limit", Checks.fmt(f) + " × the target"));
        line(out, "pump", String.format(Locale.ROOT, "syringe %s mg/mL%s, at most %s mL/h, a new rate every %s, rate "
                + "step %s mL/h", Checks.fmt(p.syringeMgPerMl()), p.salt() == DrugSalt.HYDROCHLORIDE
                        ? " ketamine hydrochloride (" + Text.sig(p.baseMgPerMl(), 4) + " mg/mL base)" : " base",
                Checks.fmt(p.maxRateMlPerH()), Text.step(p.updateIntervalH()),
                Checks.fmt(p.rateStepMlPerH().orElse(0))));
        out.println();
        List<TargetPlan.Segment> rows = plan.segments();
        out.printf(Locale.ROOT, "Pump schedule (%d rate changes; equal consecutive rates merged):%n", rows.size());
        out.printf(Locale.ROOT, "  %-10s %-10s %10s %10s %14s%n", "from", "to", "mL/h", form + "/h",
                "cumulative " + form);
        int shown = Math.min(rows.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            TargetPlan.Segment s = rows.get(i);
            out.printf(Locale.ROOT, "  %-10s %-10s %10s %10s %14s%n", Text.clock(s.startH()), Text.clock(s.endH()),
                    Text.sig(s.rateMlPerH(), 4), Text.sig(s.rateMgPerH(), 4), Text.sig(s.cumulativeMg(), 4));
        }
        if (shown < rows.size()) {
            out.printf(Locale.ROOT, "  ... %d more rows in --csv, --json or --protocol-out%n", rows.size() - shown);
        }
        out.println();
        for (TargetPlan.StepOutcome o : plan.outcomes()) {
            TargetSchedule.Step st = o.step();
            String what = Checks.fmt(st.targetNgPerMl()) + " ng/mL from " + Text.clock(st.startH());
            String reached = o.reached() ? "reached at " + Text.clock(o.reachedH().getAsDouble()) + " (within "
                    + Checks.fmt(TargetController.REACHED_TOLERANCE * 100) + " %, " + c.mode().label() + ")"
                    : "NOT reached before " + Text.clock(st.endH()) + " (" + c.mode().label() + " "
                            + closest(plan, st, c.mode()) + ")";
            if (o.limitedByMaxRate()) {
                reached += "; the maximum rate of " + Checks.fmt(p.maxRateMlPerH()) + " mL/h held the pump back";
            }
            if (o.predictedPeakH().isPresent()) {
                reached += "; effect-site peak of the first interval predicted at "
                        + Text.clock(o.predictedPeakH().getAsDouble());
            }
            line(out, "target", what + ": " + reached);
        }
        String base = p.salt() == DrugSalt.HYDROCHLORIDE ? " (" + Text.sig(plan.totalBaseMg(), 4) + " mg base)" : "";
        line(out, "total", Text.sig(plan.totalMg(), 4) + " " + form + base + ", " + Text.sig(plan.totalMl(), 4)
                + " mL");
        double[] t = plan.timesH();
        int last = t.length - 1;
        int end = endIndex(t, plan.schedule().endH());
        line(out, "plasma", String.format(Locale.ROOT, "at most %s ng/mL; %s ng/mL at the end of the targets (%s)",
                Text.sig(plan.maxPlasmaNgPerMl(), 4), Text.sig(plan.plasmaNgPerMl()[end], 4), Text.clock(t[end])));
        plan.effectSiteNgPerMl().ifPresent(ce -> line(out, "effect site", String.format(Locale.ROOT,
                "at most %s ng/mL; %s ng/mL at %s", Text.sig(plan.maxEffectSiteNgPerMl().getAsDouble(), 4),
                Text.sig(ce[end], 4), Text.clock(t[end]))));
        plan.norketamineNgPerMl().ifPresent(nk -> line(out, "norketamine", String.format(Locale.ROOT, "%s ng/mL at "
                + "%s, at most %s ng/mL up to %s (predicted, not targeted)", Text.sig(nk[end], 4), Text.clock(t[end]),
                Text.sig(plan.maxNorketamineNgPerMl().getAsDouble(), 4), Text.clock(t[last]))));
        warnings(out, plan.warnings());
    }

    private static void manualSummary(PrintWriter out, ManualScheme m, IndividualModel ind) {
        out.println("Manual scheme for a pump without target control");
        line(out, "model", m.modelId() + ", " + patientLine(ind.patient()));
        line(out, "target", ManualSchemeReport.target(m));
        line(out, "syringe", ManualSchemeReport.syringe(m));
        out.println();
        out.printf(Locale.ROOT, "  %-10s %-10s %10s %10s%n", "from", "to", "mL/h", ManualSchemeReport.form(m) + "/h");
        for (List<String> row : ManualSchemeReport.rows(m)) {
            out.printf(Locale.ROOT, "  %-10s %-10s %10s %10s%n", row.toArray());
        }
        out.println();
        line(out, "achieved", ManualSchemeReport.achieved(m));
        line(out, "total", ManualSchemeReport.total(m));
        ManualSchemeReport.norketamine(m).ifPresent(n -> line(out, "norketamine", n));
        warnings(out, m.warnings());
    }

    private static void warnings(PrintWriter out, List<Warning> warnings) {
        out.println();
        out.println("Warnings:");
        if (warnings.isEmpty()) {
            out.println("  none");
        }
        Text.warnings(out, warnings);
        out.println("A teaching and review tool, not a dosing device.");
        out.flush();
    }

    private static String patientLine(Patient p) {
        return Text.patient(p);
    }

    private static void line(PrintWriter out, String label, String text) {
        Text.hanging(out, String.format(Locale.ROOT, "  %-13s ", label), " ".repeat(16), text, 82);
    }

    private static int endIndex(double[] t, double endH) {
        int k = 0;
        while (k + 1 < t.length && t[k + 1] <= endH + 1e-9) {
            k++;
        }
        return k;
    }

    /**
     * @return the targeted concentration during a step that did not reach its target, as the reader compares it:
     *         the highest against a target above it, the lowest against one below it, with the target's percentage
     */
    private static String closest(TargetPlan plan, TargetSchedule.Step st, TargetController.Mode mode) {
        double[] t = plan.timesH();
        double[] conc = mode == TargetController.Mode.PLASMA ? plan.plasmaNgPerMl()
                : plan.effectSiteNgPerMl().orElseThrow();
        boolean rising = true;
        double best = Double.NaN;
        for (int k = 0; k < t.length; k++) {
            if (t[k] > st.startH() + 1e-12 && t[k] <= st.endH() + 1e-12) {
                if (Double.isNaN(best)) {
                    rising = conc[k] < st.targetNgPerMl();
                    best = conc[k];
                } else {
                    best = rising ? Math.max(best, conc[k]) : Math.min(best, conc[k]);
                }
            }
        }
        return (rising ? "at most " : "at least ") + Text.sig(best, 4) + " ng/mL, "
                + Text.sig(best / st.targetNgPerMl() * 100, 3) + " % of the target";
    }
}
