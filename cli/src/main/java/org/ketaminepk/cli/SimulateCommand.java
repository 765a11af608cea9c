package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.EffectOptions;
import org.ketaminepk.cli.options.DosingWeightOption;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.cli.report.MeasuredLevels;
import org.ketaminepk.cli.report.EffectRuns;
import org.ketaminepk.cli.report.EffectSummaryText;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.PopulationEffect;
import org.ketaminepk.cli.report.PopulationFiles;
import org.ketaminepk.cli.report.PopulationReport;
import org.ketaminepk.cli.report.PopulationRunner;
import org.ketaminepk.cli.report.PopulationText;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.cli.report.SummaryText;
import org.ketaminepk.cli.report.Text;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.fit.Level;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.protocol.Protocol;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ketamine-pk simulate}: one patient, one regimen, one model; a summary table and optional files. */
@Command(name = "simulate", customSynopsis = {
            "ketamine-pk simulate (--protocol ID|FILE | --dose SPEC...) [--model ID] [--explain]",
            "                            [PATIENT OPTIONS] [OUTPUT OPTIONS]",
            "                            [--population N [--seed S] [POPULATION OPTIONS]]",
            "                            [--observed FILE [--observed-csv FILE|-]]",
            "                            [--effect ENDPOINT [EFFECT OPTIONS]]",
            "ketamine-pk simulate --dataset FILE [--model ID] [--csv FILE|-]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Simulate one patient on one protocol or set of doses.",
        description = {
            "Prints Cmax, Tmax, AUC and terminal half-life for ketamine and its metabolites, when ketamine reaches "
                    + "the analgesic band, the hours it spends there and the hours it takes to fall below it after "
                    + "the last input; then what was adjusted for this patient (--explain for every step with its "
                    + "reason and source) and the model's warnings (extrapolation, assumptions). Optionally writes "
                    + "the concentrations as CSV or JSON and draws them.",
            "",
            "With --population N (or --patients FILE) it simulates a virtual population whose parameters vary as "
                    + "the model's publication says (or as --iiv assumes, labelled so): the distribution of each "
                    + "metric, probabilities, and a chart of the median with the middle 50 %% and 90 %% of "
                    + "patients; --csv then holds those bands and --population-csv one row per patient.",
            "",
            "With --observed FILE it draws measured levels on the chart (a level below the limit of "
                    + "quantification as an open marker at the LLOQ) and prints each level's prediction and "
                    + "measured/predicted ratio, with the geometric mean fold error. With --dataset FILE it simulates "
                    + "every ID of a NONMEM-style event file instead, in parallel, and writes ID, TIME, the "
                    + "predictions and the input columns, as 'ketamine-pk dataset' does; covariates that change "
                    + "within an ID are refused (line and column named).",
            "",
            "With --effect ENDPOINT (see 'ketamine-pk effects') it also computes the endpoint's effect-site "
                    + "concentration exactly and the effect: the peak effect and its time, the onset (to half the "
                    + "peak change), the offset after the last input and, with --effect-level, the hours at or "
                    + "beyond that level; the chart gets the effect-site curve and a second panel with the effect "
                    + "(with a population, its median and bands), and --csv and --json its columns. A ke0 not "
                    + "estimated from effect data is refused unless you give --ke0-guess with --allow-guessed-ke0.",
            "",
            "A teaching and review tool, NOT a dosing device: results are typical values of a published model, "
                    + "not predictions for a person.",
            "",
            "Dose specifications (--dose, and the lines of a protocol file):",
            "  bolus AMOUNT | AMOUNT over TIME | RATE for TIME | ROUTE AMOUNT, then optionally",
            "  at TIME, every TIME xN | daily xN | weekly xN, max N mg/h (infusions), HCl (amount as salt).",
            "  AMOUNT: mg, ug (or µg, mcg), mg/kg, ug/kg.   RATE: mg/h, mg/min, mg/kg/h, ug/kg/min, ug/kg/h.",
            "  TIME: s, min, h, d, week.   ROUTE: iv, oral, sublingual, buccal, intranasal, im, sc",
            "  (a model takes only its own routes, listed by 'ketamine-pk models ID'; none takes sc).",
            "  Number and unit may be written with or without a space (10mg, 10 mg).",
            "  AMOUNT over TIME lasts at least 1 s and its rate has the ceiling of a stated RATE",
            "  (1000 mg/min, 20 mg/kg/min); a faster push is refused: give it as 'bolus AMOUNT'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk simulate --protocol crps-schwartzman-2009 --plot crps.png",
            "  ketamine-pk simulate --dose \"0.5 mg/kg over 40 min\" --weight 80 --age 65 --csv -",
            "  ketamine-pk simulate --dose \"bolus 0.35 mg/kg\" --dose \"1.2 mg/kg/h for 72 h\" --duration 4d",
            "  ketamine-pk simulate --dose \"0.35 mg/kg/h for 4 h daily x10 max 25 mg/h\" --weight 90 \\",
            "      --json crps.json --plot crps.svg --log-scale",
            "  ketamine-pk simulate --dose \"28.8 mg ketamine HCl over 40 min\" --step 30s",
            "  ketamine-pk simulate --dose \"oral 50 mg every 8 h x6\" --weight 60 --sex female",
            "  ketamine-pk simulate --protocol depression-zarate-2006 --age 80 --creatinine 1.4mg/dL \\",
            "      --child-pugh B --comed clarithromycin --explain",
            "  ketamine-pk simulate --protocol my-course.txt --show",
            "  ketamine-pk simulate --protocol crps-schwartzman-2009 --population 1000 --plot crps-population.png",
            "  ketamine-pk simulate --dose \"0.5 mg/kg over 40 min\" --model otto-2021 --population 500 \\",
            "      --vary \"weight=50..120,age=20..80,male=0.5\" --population-csv pop.csv",
            "  ketamine-pk simulate --dose \"0.5 mg/kg over 40 min\" --model otto-2021 --observed levels.csv \\",
            "      --plot levels.png",
            "  ketamine-pk simulate --dataset study.csv --model otto-2021 --csv predictions.csv",
            "  ketamine-pk simulate --dose \"20 mg/h for 2 h\" --model kamp-2020 --effect antinociception \\",
            "      --effect-level 0.3 --duration 6h --plot antinociception.png"})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    DosingWeightOption dosing;

    @Option(names = "--explain", description = "Explain the patient's adjustments in full: every step with its "
            + "reason and source, the liver model behind ketamine's clearance, and the warnings.")
    boolean explain;

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @ArgGroup(validate = false, order = 2, heading = "%nOutput:%n")
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, order = 3, heading = PopulationOptions.HEADING)
    PopulationOptions population = new PopulationOptions();

    @Option(names = "--observed", paramLabel = "FILE", order = 4, description = "Measured levels to draw on the "
            + "chart and to set against the prediction: a table of measured, predicted and measured/predicted, and "
            + "the geometric mean fold error. Header time,analyte,value[,lloq], the format 'fit --observed' reads.")
    Path observed;

    @Option(names = "--observed-csv", paramLabel = "FILE|-", order = 4, description = "With --observed: one row "
            + "per level (measured, LLOQ, predicted, ratio) as CSV ('-' for standard output).")
    String observedCsv;

    @Option(names = "--dataset", paramLabel = "FILE", order = 4, description = "Simulate every ID of a "
            + "NONMEM-style event file instead, as 'ketamine-pk dataset FILE' does (see its help): doses and "
            + "covariates come from the file, so only --model and --csv (the predictions; default standard output) "
            + "go with it.")
    Path dataset;

    @ArgGroup(validate = false, order = 4, heading = EffectOptions.HEADING)
    EffectOptions effect = new EffectOptions();

    @ParentCommand
    Main app;

    @Spec
    CommandSpec spec;

    /** The options {@code --dataset} takes; any other is refused. */
    private static final Set<String> DATASET_OPTIONS = Set.of("--dataset", "--model", "--csv");

    @Override
    public Integer call() throws IOException {
        if (dataset != null) {
            return simulateDataset();
        }
        if (output == null) {
            // picocli leaves a group unset when none of its options is given
            output = new OutputOptions();
        }
        output.checkBeforeRun();
        if (population == null) {
            population = new PopulationOptions();
        }
        population.checkBeforeRun();
        population.refusePatientOptions(PatientOptions.orEmpty(patientOptions).given());
        if (effect == null) {
            effect = new EffectOptions();
        }
        effect.checkBeforeRun();
        Endpoint endpoint = effect.asked() ? effect.resolve() : null;
        if (population.asked() && explain) {
            throw new InvalidInputException("explain", "--explain describes one patient's adjustments; run it without "
                    + "--population to see the typical patient's");
        }
        if (observed == null && observedCsv != null) {
            throw new InvalidInputException("observed-csv", "--observed-csv writes the levels given with --observed; "
                    + "give --observed FILE");
        }
        if (population.asked()) {
            PopulationRunner.refuseWithPopulation(observed, dosing.dosingWeight);
            PopulationRunner.refuseObservedLikeWithoutBands(population.observedLike, output.plot, output.show,
                    output.csv, output.json);
        }
        if (observed != null && endpoint != null) {
            throw new InvalidInputException("observed", "--observed and --effect are not drawn on one chart; run it "
                    + "once with each");
        }
        Map<String, Path> files = population.asked() ? PopulationFiles.checkFiles(output, population.populationCsv)
                : observed != null ? MeasuredLevels.checkFiles(output, observedCsv) : Outputs.checkFiles(output);
        List<Level> levels = observed == null ? null : MeasuredLevels.read(observed);
        if (common.protocols.size() > 1) {
            throw new InvalidInputException("protocol", "simulate takes one --protocol but got "
                    + common.protocols.size() + "; use 'ketamine-pk compare' to set several side by side");
        }
        Protocol protocol = common.protocols.isEmpty() ? null
                : CommonOptions.protocol(common.protocols.get(0), "--protocol ");
        Regimen doses = common.doseRegimen();
        if (protocol == null && doses == null) {
            throw new InvalidInputException("dose", "simulate needs --protocol ID|FILE or at least one --dose SPEC "
                    + "(e.g. --dose \"0.5 mg/kg over 40 min\")");
        }
        Regimen regimen = protocol == null ? doses : doses == null ? protocol.regimen() : protocol.regimen().and(doses);
        dosing.refuseWithoutWeightBasedDoses(List.of(regimen));
        Patient patient = PatientOptions.orEmpty(patientOptions).patient();
        PublishedModel model = common.model(protocol);
        if (endpoint != null) {
            EffectOptions.checkLevel("--effect-level", effect.level, endpoint, List.of(model));
            EffectOptions.checkSShare(effect.sShare, endpoint, List.of(model));
        }
        TimeGrid grid = output.grid(regimen.endH());
        int values = MemoryBudget.valuesPerPoint(model, patient);
        // an effect keeps a second run with its link compartments, and three more series
        MemoryBudget.check(grid, endpoint == null ? List.of(values) : List.of(values, values + 3));
        VariabilityModel variability = population.asked() ? PopulationReport.variability(model, population.iiv)
                : null;
        List<Patient> patients = population.asked() ? population.patients(patient) : null;
        String label = protocol != null ? protocol.id() + (doses != null ? " + doses" : "") : "doses";
        Run run = Run.simulate(label, model, patient, protocol, regimen, grid, output.band(), output.bandSource(),
                modelNote(common, protocol, model), dosing.dosingWeight);
        String title = protocol != null ? protocol.name() : "Doses: " + String.join("; ", common.doses);
        if (population.asked()) {
            // the typical patient's effect first: a bad endpoint or ke0 is reported before the population runs
            EffectRuns typicalEffect = endpoint == null ? null
                    : EffectRuns.simulate(List.of(run), grid, endpoint, effect.options(), effect.level);
            PopulationReport report = PopulationRunner.simulate(run, patients, grid, population, variability,
                    PopulationRunner.progress(spec.commandLine().getErr(), patients.size(), 1));
            PopulationEffect populationEffect = typicalEffect == null ? null
                    : PopulationEffect.simulate(report, typicalEffect);
            PrintWriter text = output.dataOnStdout() || "-".equals(population.populationCsv)
                    ? spec.commandLine().getErr() : spec.commandLine().getOut();
            PopulationText.write(text, report, output.defaultDuration());
            if (populationEffect != null) {
                populationEffect.text(text, report.outcome().size());
            }
            PopulationFiles.write(output, population.populationCsv, files, report, shorten(title),
                    spec.commandLine().getOut(), app, populationEffect);
            return ExitCode.OK;
        }

        EffectRuns effects = endpoint == null ? null
                : EffectRuns.simulate(List.of(run), grid, endpoint, effect.options(), effect.level);
        PrintWriter summary = output.dataOnStdout() || "-".equals(observedCsv) ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
        MeasuredLevels measured = levels == null ? null
                : MeasuredLevels.of(observed.getFileName().toString(), levels, List.of(run), grid);
        SummaryText.simulate(summary, run, grid, output.defaultDuration(), explain);
        if (effects != null) {
            EffectSummaryText.simulate(summary, effects);
        }
        String subtitle = "model " + model.id() + " · " + Text.patient(patient);
        if (measured != null) {
            measured.text(summary);
            measured.write(output, observedCsv, files, "simulate", grid, shorten(title), subtitle,
                    spec.commandLine().getOut(), app);
            return ExitCode.OK;
        }
        Outputs.write(output, files, "simulate", List.of(run), grid, shorten(title), subtitle, spec.commandLine().getOut(),
                app, effects);
        return ExitCode.OK;
    }

    /** {@code --dataset FILE}: the dataset mode, with the options that make sense for it. */
    private int simulateDataset() throws IOException {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!DATASET_OPTIONS.contains(o.longestName())) {
                throw new InvalidInputException("dataset", "--dataset takes the doses and covariates from the file, "
                        + "so " + o.longestName() + " cannot go with it; give only --model and --csv (see "
                        + "'ketamine-pk dataset --help')");
            }
        }
        String csv = output == null || output.csv == null ? "-" : output.csv;
        return DatasetCommand.simulate(dataset, common.model(null), "--csv", csv, spec);
    }

    /** @return how the model was chosen when the user did not choose it, or null */
    static String modelNote(CommonOptions common, Protocol protocol, PublishedModel model) {
        if (common.modelId != null || protocol == null || protocol.recommendedModelId().isEmpty()) {
            return null;
        }
        return "model " + model.id() + " is the one " + protocol.id() + " recommends";
    }

    static String shorten(String title) {
        return title.length() <= 110 ? title : title.substring(0, 107) + "...";
    }
}
