package org.ketaminepk.cli;

import org.ketaminepk.cli.chart.PopulationCompareChart;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.EffectOptions;
import org.ketaminepk.cli.options.DosingWeightOption;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.options.PatientSpec;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.cli.report.EffectRuns;
import org.ketaminepk.cli.report.EffectSummaryText;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.PopulationCompareFiles;
import org.ketaminepk.cli.report.PopulationCompareText;
import org.ketaminepk.cli.report.PopulationComparison;
import org.ketaminepk.cli.report.PopulationEffectComparison;
import org.ketaminepk.cli.report.PopulationFiles;
import org.ketaminepk.cli.report.PopulationRunner;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.cli.report.MeasuredLevels;
import org.ketaminepk.cli.report.SummaryText;
import org.ketaminepk.cli.report.Text;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.fit.Level;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;
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
 * {@code ketamine-pk compare}: several protocols, doses, models and/or patients on one chart and in one table. Every
 * source of doses (each {@code --protocol}, each {@code --dose}, each {@code --series}) is simulated with every
 * {@code --model} for every {@code --patient}. With {@code --population}, every series is given to the same virtual
 * patients ({@link PopulationComparison}) and compared patient by patient; with {@code --effect} too, each series'
 * population also gets its effect-site and effect bands ({@link PopulationEffectComparison}).
 */
@Command(name = "compare", customSynopsis = {
            "ketamine-pk compare (--protocol ID|FILE | --dose SPEC | --series \"LABEL: SPEC\")...",
            "                           [--model ID]... [--patient KEY=VALUE,...]... [PATIENT OPTIONS]",
            "                           [OUTPUT OPTIONS]",
            "                           [--observed FILE [--observed-csv FILE|-]]",
            "                           [--effect ENDPOINT [EFFECT OPTIONS]]",
            "                           [--population N [--seed S] [POPULATION OPTIONS]]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Compare protocols, doses, models and/or patients side by side.",
        description = {
            "Each --protocol, each --dose and each --series is one source of doses; every source is simulated with "
                    + "every --model for every --patient (a cross product), on one time grid, and the metrics are "
                    + "printed side by side; --plot draws all series on one chart, one colour each. At least two "
                    + "series are needed, and each may be given once. A series is named by what you typed: a "
                    + "built-in protocol by its id, a protocol file by its name line, a --dose by its text, a "
                    + "--series by its label. Warnings that hold for every series are printed once.",
            "",
            "--patient takes comma-separated key=value pairs applied over the patient options (or the "
                    + "40-year, 70-kg, 175-cm male default). The keys are the patient options without their dashes: "
                    + "age (years), weight (kg), height (cm), sex, creatinine (with unit: 1.4mg/dL or 124umol/L), "
                    + "egfr (mL/min/1.73 m²), clcr (mL/min), child-pugh (A|B|C), bilirubin, albumin, inr, ascites, "
                    + "encephalopathy, cyp2b6, comed (repeat it, join drugs with +, or none). A kidney or liver "
                    + "value in --patient replaces the one the options give.",
            "",
            "--effect ENDPOINT adds the endpoint's effect for every series: the effect-site curves on the chart "
                    + "and the effect on a second panel, and the peak effect, onset, offset and time at "
                    + "--effect-level side by side (see 'ketamine-pk simulate --help').",
            "",
            "With --population N (or --patients FILE) every series is given to the same virtual patients, drawn "
                    + "once from --seed: patient i has the same covariates in every series and, in series of the "
                    + "same model, the same random effects, so the differences between series are paired, not "
                    + "sampling noise. Series of different models draw their random effects from the same "
                    + "per-patient stream, but the models' terms act on different parameters, so there only the "
                    + "covariates are paired. A --patient series repeats its patient's covariates for all N "
                    + "patients (it cannot go with --vary, --patients or --reference-population). It prints each "
                    + "series' distribution of every metric (median, 5th–95th percentile, geometric mean, CV) and "
                    + "probabilities, and the paired comparison with the first series: for each metric the "
                    + "per-patient ratio (series / first; median and 5th–95th percentile) and the share of "
                    + "patients higher than in the first. --plot draws each series' median with its middle 50 %% "
                    + "and 90 %% of patients in the series' colour; --csv holds the bands (one row per series, "
                    + "analyte and time), --population-csv one row per series and patient, --json all of it. The "
                    + "population options are those of 'ketamine-pk simulate --population' (see its help); "
                    + "--observed and --dosing-weight do not go with a population.",
            "",
            "--population with --effect ENDPOINT adds, for every series, the typical patient's effect (as "
                    + "--effect prints it) and, over the same virtual patients, the bands of the effect-site "
                    + "concentration and of the effect, computed as 'ketamine-pk simulate --population --effect' "
                    + "computes them for that series alone (every patient has the typical patient's ke0). The "
                    + "text gives where each series' median effect peaks and the middle 90 %% and 50 %% of "
                    + "patients there; the bands are percentiles at each time, not patients' curves, so the "
                    + "effect is compared by its bands, not patient by patient. --plot adds a panel with each "
                    + "series' median effect and its bands, --csv the effect-site and effect percentiles as "
                    + "further columns on the rows of the analyte that drives the endpoint, --json an effect "
                    + "object per series. A series whose model cannot drive the endpoint is refused by name.",
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
            "  ketamine-pk compare --protocol esketamine-56mg-spravato --protocol esketamine-84mg-spravato",
            "  ketamine-pk compare --series \"IV: 0.5 mg/kg over 40 min\" --series \"nasal: intranasal 35 mg\" \\",
            "      --series \"oral: oral 35 mg\"",
            "  ketamine-pk compare --model kamp-2020 --model domino-1984 --dose \"bolus 20 mg\"",
            "  ketamine-pk compare --protocol crps-schwartzman-2009 --protocol crps-cohen-2018 \\",
            "      --effect dahan-2011-crps-relief --effect-level 0.25 --duration 120d --step 1h \\",
            "      --plot relief.png",
            "  ketamine-pk compare --protocol crps-schwartzman-2009 --protocol crps-cohen-2018 \\",
            "      --population 1000 --seed 7 --plot crps-population.png",
            "  ketamine-pk compare --protocol crps-schwartzman-2009 --protocol crps-cohen-2018 --population 500 \\",
            "      --effect dahan-2011-crps-relief --duration 60d --plot relief-pop.png"})
public final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    DosingWeightOption dosing;

    @Option(names = "--patient", paramLabel = "KEY=VALUE,...", converter = PatientSpec.Converter.class,
            description = "A patient, e.g. age=80,weight=60,child-pugh=B,egfr=30 (keys: the patient options "
                    + "without dashes). Repeat for more.")
    List<PatientSpec> patients = new ArrayList<>();

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @ArgGroup(validate = false, order = 2, heading = "%nOutput:%n")
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, order = 3, heading = EffectOptions.HEADING)
    EffectOptions effect = new EffectOptions();

    @ArgGroup(validate = false, order = 5, heading = PopulationOptions.HEADING)
    PopulationOptions population = new PopulationOptions();

    @Option(names = "--series", paramLabel = "LABEL: DOSE", description = "A named series of doses, e.g. "
            + "\"IV: 0.5 mg/kg over 40 min\" or \"nasal: intranasal 35 mg\"; join several doses of one series "
            + "with ';'. Repeat for more.")
    List<String> series = new ArrayList<>();

    @Option(names = "--observed", paramLabel = "FILE", order = 4, description = "Measured levels, drawn once on "
            + "the chart and set against each series' prediction (table and geometric mean fold error per series). "
            + "Header time,analyte,value[,lloq], the format 'fit --observed' reads.")
    Path observed;

    @Option(names = "--observed-csv", paramLabel = "FILE|-", order = 4, description = "With --observed: one row "
            + "per series and level (measured, LLOQ, predicted, ratio) as CSV ('-' for standard output).")
    String observedCsv;

    @ParentCommand
    Main app;

    @Spec
    CommandSpec spec;

    /**
     * One regimen source: a protocol, one --dose or one --series.
     *
     * @param label the name the user gave (built-in protocol id, a protocol file's name line, the dose text, the
     *        series label)
     * @param key what makes two sources the same, for refusing one given twice
     * @param option the option and argument as typed, for messages
     */
    private record Source(String label, String key, String option, Protocol protocol, Regimen regimen) {
    }

    @Override
    public Integer call() {
        if (output == null) {
            // picocli leaves a group unset when none of its options is given
            output = new OutputOptions();
        }
        output.checkBeforeRun();
        if (observed == null && observedCsv != null) {
            throw new InvalidInputException("observed-csv", "--observed-csv writes the levels given with --observed; "
                    + "give --observed FILE");
        }
        if (effect == null) {
            effect = new EffectOptions();
        }
        effect.checkBeforeRun();
        if (observed != null && effect.asked()) {
            throw new InvalidInputException("observed", "--observed and --effect are not drawn on one chart; run the "
                    + "comparison once with each");
        }
        if (population == null) {
            population = new PopulationOptions();
        }
        population.checkBeforeRun();
        population.refusePatientOptions(PatientOptions.orEmpty(patientOptions).given());
        if (population.asked()) {
            refuseWithPopulation();
            PopulationRunner.refuseObservedLikeWithoutBands(population.observedLike, output.plot, output.show,
                    output.csv, output.json);
        }
        Endpoint endpoint = effect.asked() ? effect.resolve() : null;
        Map<String, Path> files = population.asked() ? PopulationFiles.checkFiles(output, population.populationCsv)
                : observed == null ? Outputs.checkFiles(output) : MeasuredLevels.checkFiles(output, observedCsv);
        List<Level> levels = observed == null ? null : MeasuredLevels.read(observed);
        List<Source> sources = sources();
        if (sources.isEmpty()) {
            throw new InvalidInputException("protocol", "compare needs --protocol, --dose or --series (each "
                    + "repeatable); e.g. --protocol crps-schwartzman-2009 --protocol crps-cohen-2018");
        }
        dosing.refuseWithoutWeightBasedDoses(sources.stream().map(Source::regimen).toList());
        List<String> models = new ArrayList<>(common.modelIds);
        refuseRepeats("--model ", models);
        if (models.isEmpty()) {
            models.add(null);
        }
        List<String> patientTexts = new ArrayList<>();
        for (PatientSpec s : patients) {
            patientTexts.add(s.text().trim());
        }
        refuseRepeats("--patient ", patientTexts);
        Patient base = PatientOptions.orEmpty(patientOptions).patient();
        List<Patient> people = new ArrayList<>();
        for (PatientSpec s : patients) {
            people.add(s.apply(PatientOptions.orEmpty(patientOptions).given()));
        }
        if (people.isEmpty()) {
            people.add(base);
        }
        int count = sources.size() * models.size() * people.size();
        if (count < 2) {
            throw new InvalidInputException("compare", "compare needs at least two series but got " + count
                    + "; repeat --protocol, --dose, --series, --model or --patient (or use 'ketamine-pk simulate' "
                    + "for one)");
        }
        if ((output.plot != null || output.show) && count > PopulationCompareChart.MAX_SERIES) {
            // refused before anything runs: the chart was refused after the summary had been printed, as
            // "plot series must number between 1 and 7"
            String option = output.plot != null ? "--plot" : "--show";
            throw new InvalidInputException("plot", String.format(Locale.ROOT, "%s draws at most %d series but there "
                    + "are %d (%d source%s × %d model%s × %d patient%s); compare fewer series or leave out %s", option,
                    PopulationCompareChart.MAX_SERIES, count, sources.size(), sources.size() == 1 ? "" : "s",
                    models.size(), models.size() == 1 ? "" : "s", people.size(), people.size() == 1 ? "" : "s",
                    option));
        }

        double lastEnd = 0;
        for (Source s : sources) {
            lastEnd = Math.max(lastEnd, s.regimen().endH());
        }
        TimeGrid grid = output.grid(lastEnd);
        Band band = output.band();
        List<Integer> values = new ArrayList<>();
        List<PublishedModel> published = new ArrayList<>();
        for (Source s : sources) {
            for (String id : models) {
                PublishedModel model = CommonOptions.model(id, s.protocol());
                published.add(model);
                for (Patient p : people) {
                    int v = MemoryBudget.valuesPerPoint(model, p);
                    values.add(v);
                    if (endpoint != null) {
                        // an effect keeps a second run with its link compartments, and three more series
                        values.add(v + 3);
                    }
                }
            }
        }
        if (endpoint != null) {
            EffectOptions.checkLevel("--effect-level", effect.level, endpoint, published);
            EffectOptions.checkSShare(effect.sShare, endpoint, published);
        }
        MemoryBudget.check(grid, values);
        List<Run> runs = new ArrayList<>();
        Set<String> modelIds = new LinkedHashSet<>();
        for (Source s : sources) {
            for (String id : models) {
                PublishedModel model = CommonOptions.model(id, s.protocol());
                modelIds.add(model.id());
                for (int k = 0; k < people.size(); k++) {
                    String label = label(s.label(), sources.size() > 1, model.id(), models.size() > 1,
                            patients.isEmpty() ? "" : patientTexts.get(k), people.size() > 1);
                    runs.add(Run.simulate(label, model, people.get(k), s.protocol(), s.regimen(), grid, band,
                            output.bandSource(), SimulateCommand.modelNote(common, s.protocol(), model),
                            dosing.dosingWeight));
                }
            }
        }

        List<String> labels = new ArrayList<>();
        for (Run r : runs) {
            labels.add(r.label());
        }
        String title = SimulateCommand.shorten("Compared: " + String.join(" | ", labels));
        if (population.asked()) {
            return comparePopulation(runs, grid, title, files, endpoint);
        }

        EffectRuns effects = endpoint == null ? null
                : EffectRuns.simulate(runs, grid, endpoint, effect.options(), effect.level);
        PrintWriter summary = output.dataOnStdout() || "-".equals(observedCsv) ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
        MeasuredLevels measured = levels == null ? null
                : MeasuredLevels.of(observed.getFileName().toString(), levels, runs, grid);
        SummaryText.compare(summary, runs, grid, output.defaultDuration());
        if (effects != null) {
            EffectSummaryText.compare(summary, runs, effects);
        }
        if (measured != null) {
            measured.text(summary);
        }
        String subtitle = "model " + String.join(", ", modelIds)
                + (people.size() == 1 ? " · " + Text.patient(people.get(0)) : "");
        if (measured != null) {
            measured.write(output, observedCsv, files, "compare", grid, title, subtitle, spec.commandLine().getOut(),
                    app);
            return ExitCode.OK;
        }
        Outputs.write(output, files, "compare", runs, grid, title, subtitle, spec.commandLine().getOut(), app,
                effects);
        return ExitCode.OK;
    }

    /** Refuses, in one line naming both options, what cannot go with {@code --population}. */
    private void refuseWithPopulation() {
        PopulationRunner.refuseWithPopulation(observed, dosing.dosingWeight);
        String source = population.patientsFile != null ? "--patients" : population.vary != null ? "--vary"
                : population.reference != null ? "--reference-population" : null;
        if (!patients.isEmpty() && source != null) {
            throw new InvalidInputException("patient", "--patient and " + source + " both give the patients' "
                    + "covariates; choose one (a --patient series repeats its patient for all virtual patients)");
        }
    }

    /**
     * Gives every series to the same virtual patients and reports them side by side and paired.
     *
     * @param runs the typical patient's run of each series
     * @param files the output targets, checked before anything was simulated
     * @param endpoint the effect endpoint, or null for none
     */
    private int comparePopulation(List<Run> runs, TimeGrid grid, String title, Map<String, Path> files,
            Endpoint endpoint) {
        // the typical patients' effects first: a series that cannot drive the endpoint is refused before any
        // population runs
        EffectRuns typicalEffects = endpoint == null ? null
                : PopulationEffectComparison.typical(runs, grid, endpoint, effect.options(), effect.level);
        // one list for every series when the covariates come from a source; else each series' own patient, N times
        List<Patient> drawn = population.covariateSource() == null ? null : population.patients(null);
        List<List<Patient>> virtual = new ArrayList<>();
        for (Run r : runs) {
            virtual.add(drawn != null ? drawn : population.patients(r.patient()));
        }
        PopulationComparison comparison = PopulationComparison.simulate(runs, virtual, grid, population,
                population.iiv, PopulationRunner.progress(spec.commandLine().getErr(), virtual.get(0).size(),
                        runs.size()));
        PopulationEffectComparison effects = typicalEffects == null ? null
                : PopulationEffectComparison.simulate(comparison, typicalEffects);
        PrintWriter text = output.dataOnStdout() || "-".equals(population.populationCsv)
                ? spec.commandLine().getErr() : spec.commandLine().getOut();
        PopulationCompareText.write(text, comparison, output.defaultDuration());
        if (effects != null) {
            effects.text(text, runs, comparison.patients());
        }
        PopulationCompareFiles.write(output, population.populationCsv, files, comparison, title,
                spec.commandLine().getOut(), app, effects);
        return ExitCode.OK;
    }

    /** @return every --protocol, --dose and --series as its own source, refusing one given twice */
    private List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (String arg : common.protocols) {
            Protocol p = CommonOptions.protocol(arg, "--protocol ");
            boolean builtIn = Protocols.exists(arg);
            String key = builtIn ? "protocol " + p.id() : "file " + Path.of(arg).toAbsolutePath().normalize();
            // a file is named by its name line, not by the file name
            sources.add(new Source(builtIn ? p.id() : p.name(), key, "--protocol " + arg, p, p.regimen()));
        }
        for (String d : common.doses) {
            sources.add(new Source(d.trim(), "dose " + normalised(d), "--dose \"" + d + "\"", null,
                    DoseParser.parse(d)));
        }
        for (String text : series) {
            int colon = text.indexOf(':');
            String label = colon < 0 ? "" : text.substring(0, colon).trim();
            String doses = colon < 0 ? "" : text.substring(colon + 1).trim();
            if (label.isEmpty() || doses.isEmpty()) {
                throw new InvalidInputException("series", "--series \"" + text + "\": expected LABEL: DOSE, e.g. "
                        + "\"IV: 0.5 mg/kg over 40 min\" (join several doses with ';')");
            }
            Regimen r = null;
            for (String one : doses.split(";")) {
                if (one.isBlank()) {
                    continue;
                }
                Regimen next = DoseParser.parse(one.trim());
                r = r == null ? next : r.and(next);
            }
            if (r == null) {
                throw new InvalidInputException("series", "--series \"" + text + "\" has no dose after the label");
            }
            sources.add(new Source(label, "series " + normalised(doses), "--series \"" + text + "\"", null, r));
        }
        Map<String, Source> byKey = new HashMap<>();
        Map<String, Source> byLabel = new HashMap<>();
        for (Source s : sources) {
            Source before = byKey.putIfAbsent(s.key(), s);
            if (before == null && s.key().startsWith("series ")) {
                before = byKey.putIfAbsent("dose " + s.key().substring("series ".length()), s);
            } else if (before == null && s.key().startsWith("dose ")) {
                before = byKey.putIfAbsent("series " + s.key().substring("dose ".length()), s);
            }
            if (before != null) {
                throw new InvalidInputException("series", s.option() + " repeats " + before.option()
                        + "; each series may be given once");
            }
            Source sameName = byLabel.putIfAbsent(s.label().toLowerCase(Locale.ROOT), s);
            if (sameName != null) {
                throw new InvalidInputException("series", s.option() + " has the same name as " + sameName.option()
                        + " ('" + s.label() + "'); name the series apart, e.g. --series \"other: ...\"");
            }
        }
        return sources;
    }

    private static String normalised(String doses) {
        return doses.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void refuseRepeats(String option, List<String> given) {
        Set<String> seen = new HashSet<>();
        for (String g : given) {
            if (!seen.add(normalised(g))) {
                throw new InvalidInputException("series", option + g + " was given twice; each series may be given "
                        + "once");
            }
        }
    }

    /** @return the parts that tell the series apart: source, model, patient (those that vary), joined by " · " */
    private static String label(String source, boolean sources, String model, boolean models, String patient,
            boolean people) {
        List<String> parts = new ArrayList<>();
        if (sources || (!models && !people)) {
            parts.add(source);
        }
        if (models) {
            parts.add(model);
        }
        if (people) {
            parts.add(patient);
        }
        return String.join(" · ", parts);
    }
}
