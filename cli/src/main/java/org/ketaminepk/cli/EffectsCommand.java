package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.report.OutputFiles;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.Converters;
import org.ketaminepk.cli.options.EffectOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.report.EffectText;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk effects}: the concentration–effect endpoints with their sources, and an endpoint's effect time
 * course for one patient, regimen and model.
 */
@Command(name = "effects", customSynopsis = {
            "ketamine-pk effects [ENDPOINT] [--model ID]",
            "ketamine-pk effects ENDPOINT (--protocol ID|FILE | --dose SPEC...) [--model ID] [--ke0-guess PER_MIN",
            "                    --allow-guessed-ke0] [--s-share FRACTION] [--level EFFECT] [PATIENT OPTIONS]",
            "                    [--duration TIME] [--step TIME] [--csv FILE|-] [--json FILE|-]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "From concentration to effect: published endpoints and their time course.",
        description = {
            "Without doses: lists the endpoints (or, with ENDPOINT, prints its source, population, numbers, effect "
                    + "site and limits, and the models that can drive it; with --model only, the endpoints that "
                    + "model can drive).",
            "",
            "With doses: simulates the model, computes the effect-site concentration exactly "
                    + "(dCe/dt = ke0·(Cp − Ce)) and the effect, and prints the peak effect and its time, the onset "
                    + "(time to half the peak change), the offset after the last input and, with --level, the "
                    + "hours at or beyond that effect level. The ke0 is used as fitted with its own PK model, "
                    + "transferred to another model (by time to peak effect, or as a half-time) with a warning, or "
                    + "refused when none was found unless you give --ke0-guess with --allow-guessed-ke0.",
            "",
            "A teaching and review tool, NOT a dosing device: each endpoint describes its study population under "
                    + "its study conditions."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk effects",
            "  ketamine-pk effects dahan-2011-crps-relief",
            "  ketamine-pk effects --model kamp-2020",
            "  ketamine-pk effects navarrete-2025-ani --model domino-1984 --dose \"bolus 0.1 mg/kg\" \\",
            "      --duration 15min --step 1s",
            "  ketamine-pk effects dahan-2011-crps-relief --model otto-2021 --protocol crps-dahan-2011 \\",
            "      --duration 120d --step 1h --level 0.5",
            "  ketamine-pk effects olofsen-2022-antinociception --model kamp-2020 --dose \"20 mg/h for 2 h\" \\",
            "      --duration 4h --csv -"})
public final class EffectsCommand implements Callable<Integer> {
    /** Default output step, h. */
    static final double DEFAULT_STEP_H = 1.0 / 60;
    /** Wash-out simulated after the last input when {@code --duration} is not given, h. */
    static final double DEFAULT_WASHOUT_H = 24;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENDPOINT", description = "An endpoint id, e.g. "
            + "olofsen-2022-antinociception, or the part after the year when only one id ends with it "
            + "(antinociception).")
    String endpointId;

    @Mixin
    CommonOptions common;

    @Option(names = "--ke0-guess", paramLabel = "PER_MIN", description = "A ke0 (1/min) to use instead of the "
            + "endpoint's; refused unless --allow-guessed-ke0 is given, and labelled on every output.")
    Double ke0GuessPerMin;

    @Option(names = "--allow-guessed-ke0", description = "Allow --ke0-guess.")
    boolean allowGuess;

    @Option(names = "--s-share", paramLabel = "FRACTION", description = "Share of a racemic model's ketamine taken "
            + "as S-ketamine for an S-ketamine endpoint (default 0.5, an assumption).")
    Double sShare;

    @Option(names = "--level", paramLabel = "EFFECT", description = "An effect level, in the endpoint's unit: "
            + "report the hours at or beyond it.")
    Double level;

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @Option(names = "--duration", paramLabel = "TIME", description = "Simulated time from the first dose, e.g. "
            + "12h, 120d. Default: until the last input ends, plus 24 h, rounded up to a whole hour.")
    String duration;

    @Option(names = "--step", paramLabel = "TIME", description = "Output step, e.g. 1s, 1min, 1h (default 1min).")
    String step;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write time, plasma and effect-site "
            + "concentrations and the effect as CSV ('-' for standard output; the summary then goes to standard "
            + "error).")
    String csv;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the link, metrics, warnings and time "
            + "course as JSON ('-' for standard output).")
    String json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Regimen doses = common.doseRegimen();
        boolean run = doses != null || !common.protocols.isEmpty();
        if (!run) {
            refuseRunOptions();
            if (endpointId != null) {
                Endpoint e = Endpoints.get(endpointId);
                EffectText.detail(out, e);
                if (common.modelId != null) {
                    PublishedModel m = common.model(null);
                    EffectText.onModel(out, e, m);
                }
            } else if (common.modelId != null) {
                EffectText.forModel(out, common.model(null));
            } else {
                EffectText.list(out);
            }
            return 0;
        }
        if (endpointId == null) {
            throw new InvalidInputException("endpoint", "effects with doses needs an ENDPOINT, e.g. 'ketamine-pk "
                    + "effects olofsen-2022-antinociception --dose ...'; run 'ketamine-pk effects' for the list");
        }
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("--csv", csv);
        outputs.put("--json", json);
        OutputFiles.checkOutputs(outputs);
        Endpoint endpoint = Endpoints.get(endpointId);
        if (common.protocols.size() > 1) {
            throw new InvalidInputException("protocol", "effects takes one --protocol but got "
                    + common.protocols.size());
        }
        Protocol protocol = common.protocols.isEmpty() ? null
                : CommonOptions.protocol(common.protocols.get(0), "--protocol ");
        Regimen regimen = protocol == null ? doses : doses == null ? protocol.regimen() : protocol.regimen().and(doses);
        PublishedModel model = common.model(protocol);
        EffectSimulation.Options options = EffectOptions.simulationOptions(ke0GuessPerMin, allowGuess, sShare);
        if (level != null && !Double.isFinite(level)) {
            throw new InvalidInputException("level", "--level must be a finite number but was " + level);
        }
        EffectOptions.checkLevel("--level", level, endpoint, List.of(model));
        EffectOptions.checkSShare(sShare, endpoint, List.of(model));
        Patient patient = PatientOptions.orEmpty(patientOptions).patient();
        TimeGrid grid = grid(regimen.endH());
        // as simulate --effect: the run with the effect compartment's link beside the plain one
        int values = MemoryBudget.valuesPerPoint(model, patient);
        MemoryBudget.check(grid, List.of(values, values + 3));
        EffectResult r = EffectSimulation.run(endpoint, model, patient, regimen, grid, options);
        boolean dataOnStdout = "-".equals(csv) || "-".equals(json);
        EffectText.summary(dataOnStdout ? spec.commandLine().getErr() : out, r, level);
        if (csv != null) {
            OutputFiles.writeText("--csv", csv, out, w -> EffectText.csv(w, r));
        }
        if (json != null) {
            OutputFiles.writeText("--json", json, out, w -> EffectText.json(w, r, level));
        }
        return 0;
    }

    /**
     * Refuses, in a listing (no doses), the options that only a run reads: the listing would print the same text
     * without them, and the files asked for would never be written.
     */
    private void refuseRunOptions() {
        Map<String, List<String>> patient = PatientOptions.orEmpty(patientOptions).given();
        String stray = csv != null ? "--csv" : json != null ? "--json" : duration != null ? "--duration"
                : step != null ? "--step" : level != null ? "--level" : ke0GuessPerMin != null ? "--ke0-guess"
                : allowGuess ? "--allow-guessed-ke0" : sShare != null ? "--s-share"
                : !patient.isEmpty() ? PatientOptions.optionName(patient.keySet().iterator().next()) : null;
        if (stray != null) {
            throw new InvalidInputException(stray.substring(2), stray + " applies to a run with doses; add "
                    + "--dose SPEC or --protocol ID|FILE (with an ENDPOINT), e.g. 'ketamine-pk effects "
                    + "olofsen-2022-antinociception --dose \"bolus 20 mg\" " + stray + " ...'");
        }
    }

    private TimeGrid grid(double lastInputEndH) {
        double end = duration == null ? Math.ceil(lastInputEndH + DEFAULT_WASHOUT_H - 1e-9) : time("--duration",
                duration);
        double s = step == null ? DEFAULT_STEP_H : time("--step", step);
        try {
            return TimeGrid.uniform(end, s);
        } catch (InvalidInputException e) {
            if ("step".equals(e.field()) && s > end) {
                // the limit is the run's length: "--step ... at most 0.000278 h but was 0.016667" for a step not given
                throw new InvalidInputException("step", String.format(Locale.ROOT, "--step must be at most "
                        + "the length of the run, %s (%s), but was %s; give a shorter --step or a longer --duration",
                        Text.step(end), duration == null ? "the default: the last input's end, "
                                + Text.hoursMinutes(lastInputEndH) + ", plus " + Checks.fmt(DEFAULT_WASHOUT_H)
                                + " h of wash-out" : "--duration", Text.step(s)));
            }
            String option = "step".equals(e.field()) ? "--step" : "--duration";
            throw new InvalidInputException(e.field(), option + ": " + e.getMessage());
        }
    }

    private static double time(String option, String text) {
        return Converters.durationH(option.substring(2), option, text);
    }
}
