package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.DosingWeightOption;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.PopulationFiles;
import org.ketaminepk.cli.report.PopulationReport;
import org.ketaminepk.cli.report.PopulationText;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.cli.report.SummaryText;
import org.ketaminepk.cli.report.Text;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.protocol.Protocol;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ketamine-pk simulate}: one patient, one regimen, one model; a summary table and optional files. */
@Command(name = "simulate", customSynopsis = {
            "ketamine-pk simulate (--protocol ID|FILE | --dose SPEC...) [--model ID] [--explain]",
            "                            [PATIENT OPTIONS] [OUTPUT OPTIONS]",
            "                            [--population N [--seed S] [POPULATION OPTIONS]]"},
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
            "A teaching and review tool, NOT a dosing device: results are typical values of a published model, "
                    + "not predictions for a person.",
            "",
            "Dose specifications (--dose, and the lines of a protocol file):",
            "  bolus AMOUNT | AMOUNT over TIME | RATE for TIME | ROUTE AMOUNT, then optionally",
            "  at TIME, every TIME xN | daily xN | weekly xN, max N mg/h (infusions), HCl (amount as salt).",
            "  AMOUNT: mg, ug (or µg, mcg), mg/kg, ug/kg.   RATE: mg/h, mg/min, mg/kg/h, ug/kg/min, ug/kg/h.",
            "  TIME: s, min, h, d, week.   ROUTE: iv, oral, sublingual, buccal, intranasal, im, sc.",
            "  Number and unit may be written with or without a space (10mg, 10 mg).",
            "  AMOUNT over TIME lasts at least 1 s and its rate has the ceiling of a stated RATE",
            "  (1000 mg/h, 20 mg/kg/h); a faster push is refused: give it as 'bolus AMOUNT'."},
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
            "      --vary \"weight=50..120,age=20..80,male=0.5\" --population-csv pop.csv"})
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

    @ParentCommand
    Main app;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (output == null) {
            // picocli leaves a group unset when none of its options is given
            output = new OutputOptions();
        }
        output.checkBeforeRun();
        if (population == null) {
            population = new PopulationOptions();
        }
        population.checkBeforeRun();
        if (population.asked() && explain) {
            throw new InvalidInputException("explain", "--explain describes one patient's adjustments; run it without "
                    + "--population to see the typical patient's");
        }
        Map<String, Path> files = population.asked() ? PopulationFiles.checkFiles(output, population.populationCsv)
                : Outputs.checkFiles(output);
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
        Patient patient = PatientOptions.orEmpty(patientOptions).patient();
        PublishedModel model = common.model(protocol);
        TimeGrid grid = output.grid(regimen.endH());
        MemoryBudget.check(grid, List.of(MemoryBudget.valuesPerPoint(model, patient)));
        VariabilityModel variability = population.asked() ? PopulationReport.variability(model, population.iiv)
                : null;
        List<Patient> patients = population.asked() ? population.patients(patient) : null;
        String label = protocol != null ? protocol.id() + (doses != null ? " + doses" : "") : "doses";
        if (population.asked() && dosing.dosingWeight != DosingWeight.TOTAL) {
            throw new InvalidInputException("dosing weight", "--dosing-weight applies to one patient; a --population "
                    + "run resolves mg/kg doses with each patient's total body weight");
        }
        Run run = Run.simulate(label, model, patient, protocol, regimen, grid, output.band(), output.bandSource(),
                modelNote(common, protocol, model), dosing.dosingWeight);
        String title = protocol != null ? protocol.name() : "Doses: " + String.join("; ", common.doses);
        if (population.asked()) {
            PopulationReport report = PopulationReport.simulate(run, patients, grid, population.seedOrDefault(),
                    variability, population.observedLike, population.probabilities, population.covariateSource(),
                    PopulationReport.Progress.on(spec.commandLine().getErr(), System.console() != null,
                            patients.size()));
            PrintWriter text = output.dataOnStdout() || "-".equals(population.populationCsv)
                    ? spec.commandLine().getErr() : spec.commandLine().getOut();
            PopulationText.write(text, report, output.defaultDuration());
            PopulationFiles.write(output, population.populationCsv, files, report, shorten(title),
                    spec.commandLine().getOut(), app);
            return ExitCode.OK;
        }

        PrintWriter summary = output.dataOnStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        SummaryText.simulate(summary, run, grid, output.defaultDuration(), explain);
        String subtitle = "model " + model.id() + " · " + Text.patient(patient);
        Outputs.write(output, files, "simulate", List.of(run), grid, shorten(title), subtitle, spec.commandLine().getOut(),
                app);
        return ExitCode.OK;
    }

    /** @return how the model was chosen when the user did not choose it, or null */
    static String modelNote(CommonOptions common, Protocol protocol, PublishedModel model) {
        if (common.modelId != null || protocol == null || protocol.recommendedModelId() == null) {
            return null;
        }
        return "model " + model.id() + " is the one " + protocol.id() + " recommends";
    }

    static String shorten(String title) {
        return title.length() <= 110 ? title : title.substring(0, 107) + "...";
    }
}
