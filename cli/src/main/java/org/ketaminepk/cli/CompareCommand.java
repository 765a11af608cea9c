package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.options.PatientSpec;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.cli.report.SummaryText;
import org.ketaminepk.cli.report.Text;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.result.Band;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk compare}: several protocols and/or several patients on one chart and in one table. Every
 * protocol (and the {@code --dose} set, if any) is simulated for every patient.
 */
@Command(name = "compare", customSynopsis = {
            "ketamine-pk compare (--protocol ID|FILE | --dose SPEC)... [--patient KEY=VALUE,...]...",
            "                           [--model ID] [PATIENT OPTIONS] [OUTPUT OPTIONS]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Compare protocols and/or patients side by side.",
        description = {
            "Simulates every protocol (and the --dose set, if given) for every --patient, on one time grid, and "
                    + "prints the metrics side by side; --plot draws all series on one chart, one colour each. "
                    + "At least two series are needed.",
            "",
            "--patient takes comma-separated key=value pairs applied over the patient options (or the "
                    + "40-year, 70-kg, 175-cm male default). The keys are the patient options without their dashes: "
                    + "age (years), weight (kg), height (cm), sex, creatinine (with unit: 1.4mg/dL or 124umol/L), "
                    + "egfr (mL/min/1.73 m²), clcr (mL/min), child-pugh (A|B|C), bilirubin, albumin, inr, ascites, "
                    + "encephalopathy, cyp2b6, comed (repeat it, join drugs with +, or none). A kidney or liver "
                    + "value in --patient replaces the one the options give.",
            "",
            "A teaching and review tool, NOT a dosing device. The dose grammar is described in "
                    + "'ketamine-pk simulate --help'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk compare --protocol crps-schwartzman-2009 --protocol crps-cohen-2018 \\",
            "      --protocol crps-goldberg-2010 --plot crps.png",
            "  ketamine-pk compare --protocol depression-zarate-2006 --patient age=30 \\",
            "      --patient age=80,weight=60 --csv compare.csv",
            "  ketamine-pk compare --dose \"0.5 mg/kg over 40 min\" --patient weight=50 --patient weight=120",
            "  ketamine-pk compare --protocol crps-schwartzman-2009 --age 70 --patient egfr=90 \\",
            "      --patient egfr=30 --patient \"egfr=30,child-pugh=B,comed=clarithromycin\"",
            "  ketamine-pk compare --protocol esketamine-56mg-spravato --protocol esketamine-84mg-spravato"})
public final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--patient", paramLabel = "KEY=VALUE,...", converter = PatientSpec.Converter.class,
            description = "A patient, e.g. age=80,weight=60,child-pugh=B,egfr=30 (keys: the patient options "
                    + "without dashes). Repeat for more.")
    List<PatientSpec> patients = new ArrayList<>();

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @ArgGroup(validate = false, order = 2, heading = "%nOutput:%n")
    OutputOptions output = new OutputOptions();

    @ParentCommand
    Main app;

    @Spec
    CommandSpec spec;

    /** One regimen source: a protocol or the --dose set. */
    private record Source(String label, Protocol protocol, Regimen regimen) {
    }

    @Override
    public Integer call() {
        if (output == null) {
            // picocli leaves a group unset when none of its options is given
            output = new OutputOptions();
        }
        output.checkBeforeRun();
        Map<String, Path> files = Outputs.checkFiles(output);
        List<Source> sources = new ArrayList<>();
        for (String arg : common.protocols) {
            Protocol p = CommonOptions.protocol(arg, "--protocol ");
            sources.add(new Source(p.id(), p, p.regimen()));
        }
        Regimen doses = common.doseRegimen();
        if (doses != null) {
            sources.add(new Source(common.doses.size() == 1 ? common.doses.get(0) : "doses", null, doses));
        }
        if (sources.isEmpty()) {
            throw new InvalidInputException("protocol", "compare needs --protocol (repeatable) or --dose; e.g. "
                    + "--protocol crps-schwartzman-2009 --protocol crps-cohen-2018");
        }
        Patient base = PatientOptions.orEmpty(patientOptions).patient();
        List<Patient> people = new ArrayList<>();
        for (PatientSpec s : patients) {
            people.add(s.apply(PatientOptions.orEmpty(patientOptions).given()));
        }
        if (people.isEmpty()) {
            people.add(base);
        }
        int count = sources.size() * people.size();
        if (count < 2) {
            throw new InvalidInputException("compare", "compare needs at least two series but got " + count
                    + "; repeat --protocol or --patient (or use 'ketamine-pk simulate' for one)");
        }

        double lastEnd = 0;
        for (Source s : sources) {
            lastEnd = Math.max(lastEnd, s.regimen().endH());
        }
        TimeGrid grid = output.grid(lastEnd);
        Band band = output.band();
        List<Integer> values = new ArrayList<>();
        for (Source s : sources) {
            PublishedModel model = common.model(s.protocol());
            for (Patient p : people) {
                values.add(MemoryBudget.valuesPerPoint(model, p));
            }
        }
        MemoryBudget.check(grid, values);
        List<Run> runs = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        Set<String> modelIds = new LinkedHashSet<>();
        for (Source s : sources) {
            PublishedModel model = common.model(s.protocol());
            modelIds.add(model.id());
            for (int k = 0; k < people.size(); k++) {
                String label = label(s, sources.size(), k, people.size());
                int n = used.merge(label, 1, Integer::sum);
                if (n > 1) {
                    label = label + " (" + n + ")";
                }
                runs.add(Run.simulate(label, model, people.get(k), s.protocol(), s.regimen(), grid, band,
                        output.bandSource(), SimulateCommand.modelNote(common, s.protocol(), model)));
            }
        }

        PrintWriter summary = output.dataOnStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        SummaryText.compare(summary, runs, grid, output.defaultDuration());
        List<String> labels = new ArrayList<>();
        for (Run r : runs) {
            labels.add(r.label());
        }
        String title = SimulateCommand.shorten("Compared: " + String.join(" | ", labels));
        String subtitle = "model " + String.join(", ", modelIds)
                + (people.size() == 1 ? " · " + Text.patient(people.get(0)) : "");
        Outputs.write(output, files, "compare", runs, grid, title, subtitle, spec.commandLine().getOut(), app);
        return ExitCode.OK;
    }

    private String label(Source s, int sourceCount, int patientIndex, int patientCount) {
        String who = patientCount > 1 ? patients.get(patientIndex).text().trim() : "";
        if (sourceCount > 1 && patientCount > 1) {
            return s.label() + " · " + who;
        }
        return patientCount > 1 ? who : s.label();
    }
}
