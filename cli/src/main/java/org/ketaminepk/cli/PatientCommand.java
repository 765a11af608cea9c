package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.PatientText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.adjust.PatientReport;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk patient}: what changes for one patient, without simulating. The values derived from the
 * patient (BMI, BSA, lean body weight, eGFR, creatinine clearance, Child–Pugh score and class, each with its method)
 * and, per model, the parameters that differ from the model's typical values, every step with reason and source,
 * and the warnings. The numbers come from {@link PatientReport}.
 */
@Command(name = "patient", customSynopsis = {
            "ketamine-pk patient [--model ID|all]... [--json FILE|-] [PATIENT OPTIONS]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Show what changes for one patient: derived values and adjusted model parameters.",
        description = {
            "Derives BMI, body-surface area (Mosteller), lean body weight (Janmahasatian), eGFR (CKD-EPI 2021) and "
                    + "creatinine clearance (Cockcroft-Gault) from a serum creatinine, and the Child-Pugh score and "
                    + "class from its five items; then, for each model, lists the parameters that differ from the "
                    + "model's typical 70-kg values, each step with its factor, reason and source, and the warnings "
                    + "a simulation would carry. Nothing is simulated: use the same options with 'ketamine-pk "
                    + "simulate' to see the concentrations.",
            "",
            "The adjustments for age, liver disease, kidney function, CYP2B6 genotype and co-medication rest on "
                    + "physiology and on studies of other routes or of esketamine; each says which, and which parts "
                    + "are assumptions.",
            "",
            "A teaching and review tool, NOT a dosing device: it shows how a published model's typical values "
                    + "move, not what a person needs."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk patient --age 80 --weight 60 --creatinine 1.4mg/dL --child-pugh B",
            "  ketamine-pk patient --age 55 --sex female --bilirubin 2.5mg/dL --albumin 31g/L --inr 1.8 \\",
            "      --ascites mild --encephalopathy none",
            "  ketamine-pk patient --cyp2b6 '*6/*6' --comed rifampicin --model racemic-composite \\",
            "      --model kamp-2020",
            "  ketamine-pk patient --egfr 25 --model all",
            "  ketamine-pk patient --age 72 --creatinine 124umol/L --json -"})
public final class PatientCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "ID|all", completionCandidates = CommonOptions.ModelIds.class,
            description = "A model id (see 'ketamine-pk models'), or 'all' for every model in the library. Repeat "
                    + "for more. Default: " + CommonOptions.DEFAULT_MODEL_ID + ".")
    List<String> modelIds = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the report as JSON ('-' for standard "
            + "output; the text then goes to standard error).")
    String json;

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Path> files = Outputs.checkPatientJson(json);
        PatientOptions options = PatientOptions.orEmpty(patientOptions);
        List<PublishedModel> models = models();
        PatientReport report = PatientReport.of(options.patient(), models);
        boolean jsonOnStdout = "-".equals(json);
        PrintWriter text = jsonOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        PatientText.report(text, report, models);
        if (json != null) {
            Outputs.writePatientReport(json, files, report, spec.commandLine().getOut());
        }
        return ExitCode.OK;
    }

    private List<PublishedModel> models() {
        List<PublishedModel> out = new ArrayList<>();
        if (modelIds.isEmpty()) {
            out.add(Models.get(CommonOptions.DEFAULT_MODEL_ID));
        }
        for (String id : modelIds) {
            if (id.trim().toLowerCase(Locale.ROOT).equals("all")) {
                for (PublishedModel m : Models.all()) {
                    if (!out.contains(m)) {
                        out.add(m);
                    }
                }
                continue;
            }
            PublishedModel m;
            try {
                m = Models.get(id);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("model", "--model must be one of all, "
                        + String.join(", ", CommonOptions.ModelIds.list()) + " but was '" + id + "'");
            }
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
