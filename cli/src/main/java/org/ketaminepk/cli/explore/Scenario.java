package org.ketaminepk.cli.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.Converters;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientFields;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.cli.report.EffectRuns;
import org.ketaminepk.cli.report.PopulationEffect;
import org.ketaminepk.cli.report.PopulationReport;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;

/**
 * One picture of the explorer, read from request parameters: the model, the patient, the regimen (a built-in
 * protocol, dose lines in the command line's grammar, or both) and the time window. The parameter names are those
 * of the command line without their dashes ({@code weight}, {@code creatinine}, {@code child-pugh}, {@code dose},
 * {@code duration}, {@code step}), and every value is read by the same code as the command line, so a value is
 * refused here exactly when {@code simulate} refuses it.
 *
 * <p>Not for protocol files: a request names built-in protocols only, so no request reads a server path.
 *
 * @param model the model
 * @param patient the patient
 * @param protocol the built-in protocol, or null
 * @param regimen the doses simulated
 * @param grid the output grid
 * @param logScale whether the concentration axis is logarithmic
 * @param title the chart title
 * @param label the series label
 * @param population virtual patients for percentile bands, 0 for none
 * @param seed the seed of the virtual population
 * @param endpoint the effect endpoint whose effect site and effect are shown, or null
 */
record Scenario(PublishedModel model, Patient patient, Protocol protocol, Regimen regimen, TimeGrid grid,
        boolean logScale, String title, String label, int population, long seed, Endpoint endpoint) {

    /** Most virtual patients one request may simulate (a few seconds of work on one thread). */
    static final int MAX_POPULATION = 200;
    /** Fewest virtual patients for percentile bands (fewer give no usable 5th and 95th percentiles). */
    static final int MIN_POPULATION = 20;

    /** Most grid points one request may simulate (a 60-day course on a one-minute grid). */
    static final int MAX_POINTS = 100_000;
    /** Most dose lines one request may hold. */
    static final int MAX_DOSE_LINES = 50;
    /** Patient keys read from a request: those of the command line. */
    static final List<String> PATIENT_KEYS = List.copyOf(PatientFields.KEYS.keySet());
    /** Every parameter name a scenario reads. */
    static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> k = new ArrayList<>(List.of("model", "protocol", "dose", "duration", "step", "log", "population",
                "seed", "endpoint"));
        k.addAll(PATIENT_KEYS);
        return List.copyOf(k);
    }

    /**
     * Reads a scenario.
     *
     * @param params parameter name → values (a name may repeat: {@code dose}, {@code comed})
     * @param prefix prefix of every name ("" for the current scenario, "pin." for the pinned one)
     * @param endAtLeastH the grid reaches at least this time, h (0 for none), so that two scenarios share one grid
     * @return the scenario
     * @throws InvalidInputException naming the parameter as the request gives it, prefix included
     *         ({@code pin.weight}), its value and the accepted values
     */
    static Scenario parse(Map<String, List<String>> params, String prefix, double endAtLeastH) {
        return parse(params, prefix, prefix, endAtLeastH);
    }

    /**
     * Reads a scenario whose time grid is set by other parameters than its own: the pinned scenario of an export,
     * which is written on the current scenario's {@code step} and {@code duration}, as {@code compare} writes every
     * series on one grid.
     *
     * @param gridPrefix prefix of {@code duration} and {@code step}
     * @throws InvalidInputException as {@link #parse(Map, String, double)}; a grid's error names the parameter read
     */
    static Scenario parse(Map<String, List<String>> params, String prefix, String gridPrefix, double endAtLeastH) {
        String protocolId = one(params, prefix + "protocol");
        Protocol protocol = null;
        if (protocolId != null) {
            if (!Protocols.exists(protocolId)) {
                throw new InvalidInputException(prefix + "protocol", prefix + "protocol '" + protocolId
                        + "' is not a built-in "
                        + "protocol; choose one of " + String.join(", ", Protocols.ids()));
            }
            protocol = Protocols.get(protocolId);
        }
        Regimen doses = doses(all(params, prefix + "dose"), prefix);
        if (protocol == null && doses == null) {
            throw new InvalidInputException(prefix + "dose", prefix + "dose: give a protocol or at least one dose "
                    + "line (e.g. 0.5 mg/kg over 40 min)");
        }
        Regimen regimen = protocol == null ? doses : doses == null ? protocol.regimen() : protocol.regimen().and(doses);
        CommonOptions choice = new CommonOptions();
        choice.modelId = one(params, prefix + "model");
        PublishedModel model;
        try {
            model = choice.model(protocol);
        } catch (InvalidInputException e) {
            throw prefixed(e, prefix);
        }

        Patient patient = patient(params, prefix);
        TimeGrid grid = grid(gridPrefix, one(params, gridPrefix + "duration"), one(params, gridPrefix + "step"),
                regimen.endH(), endAtLeastH);
        String log = one(params, prefix + "log");
        boolean logScale = log != null && (log.equalsIgnoreCase("true") || log.equals("1"));
        if (log != null && !logScale && !log.equalsIgnoreCase("false") && !log.equals("0")) {
            throw new InvalidInputException(prefix + "log", prefix + "log must be true or false but was '" + log
                    + "'");
        }
        int population = population(params, prefix);
        long seed = seed(params, prefix);
        String title = protocol != null ? protocol.name() : "Doses: " + String.join("; ", all(params, prefix + "dose"));
        String label = protocol != null ? protocol.id() + (doses != null ? " + doses" : "") : "doses";
        String endpointId = one(params, prefix + "endpoint");
        Endpoint endpoint = endpointId == null ? null : Endpoints.get(prefix + "endpoint", endpointId);
        return new Scenario(model, patient, protocol, regimen, grid, logScale, title, label, population, seed,
                endpoint);
    }

    /**
     * @return the number of virtual patients asked for, 0 for none
     * @throws InvalidInputException unless 0 or from {@value #MIN_POPULATION} to {@value #MAX_POPULATION}
     */
    static int population(Map<String, List<String>> params, String prefix) {
        String pop = one(params, prefix + "population");
        if (pop == null) {
            return 0;
        }
        if (!pop.matches("\\d{1,6}") || (Integer.parseInt(pop) != 0 && (Integer.parseInt(pop) < MIN_POPULATION
                || Integer.parseInt(pop) > MAX_POPULATION))) {
            throw new InvalidInputException(prefix + "population", prefix + "population must be 0 (none) or a "
                    + "number of virtual "
                    + "patients between " + MIN_POPULATION + " and " + MAX_POPULATION + " but was '" + pop + "'");
        }
        return Integer.parseInt(pop);
    }

    /**
     * @return the seed of the virtual population; when not given the command line's default, so that an export
     *         matches {@code --population N} without {@code --seed}
     * @throws InvalidInputException unless a whole number that {@code --seed} takes (any 64-bit integer)
     */
    static long seed(Map<String, List<String>> params, String prefix) {
        String seedText = one(params, prefix + "seed");
        if (seedText == null) {
            return PopulationOptions.DEFAULT_SEED;
        }
        long seed;
        try {
            // the range of --seed: a seed copied from the command line draws the same patients here
            seed = Long.parseLong(seedText.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(prefix + "seed", prefix + "seed must be a whole number from "
                    + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + " but was '" + seedText + "'");
        }
        if (population(params, prefix) == 0) {
            // as the command line refuses --seed without --population: a seed that draws no one would be ignored
            throw new InvalidInputException(prefix + "seed", prefix + "seed applies to a virtual population; choose "
                    + "a number of virtual patients, or leave the seed out");
        }
        return seed;
    }

    /** @return the patient of the request's patient parameters, read as the command line reads them */
    static Patient patient(Map<String, List<String>> params, String prefix) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String key : PATIENT_KEYS) {
            List<String> values = all(params, prefix + key);
            if (!values.isEmpty()) {
                given.put(key, values);
            }
        }
        try {
            return PatientFields.build(given, k -> prefix + k);
        } catch (InvalidInputException e) {
            throw prefixed(e, prefix);
        }
    }

    /**
     * @return {@code e}, thrown by shared code about a field without the prefix ({@code weight}), about the
     *         parameter {@code prefix + field} ({@code pin.weight}); a sentence in the thrower's own words is kept as
     *         it is (the patient's name it with the prefix already)
     */
    private static InvalidInputException prefixed(InvalidInputException e, String prefix) {
        if (prefix.isEmpty() || e.field() == null || e.field().startsWith(prefix)) {
            return e;
        }
        String key = prefix + e.field();
        if (e.kind() != InvalidInputException.Kind.TEXT) {
            return e.renamed(key, key);
        }
        InvalidInputException p = new InvalidInputException(key, e.getMessage());
        p.initCause(e);
        return p;
    }

    /** @return the series as the command line reports it */
    Run run() {
        return Run.simulate(label, model, patient, protocol, regimen, grid, OutputOptions.DEFAULT_BAND,
                OutputOptions.DEFAULT_BAND_SOURCE, null);
    }

    /**
     * Percentile bands of the virtual population: {@link #population} copies of the patient, each with random
     * effects drawn from the model's published variability, seeded; 5th, 25th, 50th, 75th and 95th percentiles (those
     * of {@code simulate --population N}) on about 600
     * display times, and at the typical patient's peaks and troughs that those miss
     * ({@link PopulationReport#withTurns}). Run on the calling thread, so that one request never takes more than its
     * share of the cores.
     *
     * @param typical the typical patient's run ({@link #run})
     * @return the outcome, or null when no population was asked for
     */
    PopulationOutcome populationBands(Run typical) {
        if (population == 0) {
            return null;
        }
        VariabilityModel v = VariabilityModel.published(model);
        if (v.isEmpty()) {
            throw new InvalidInputException("population", "population: model " + model.id() + " publishes no "
                    + "between-patient variability, so it has no percentile bands; choose another model or "
                    + "population 0");
        }
        TimeGrid display = bandGrid(typical);
        // the bands are read on their own display times; the metrics grid is thinned alike, as its numbers are not shown
        return PopulationSimulation.of(model, Collections.nCopies(population, patient), regimen, display, seed)
                .withPercentileBands(display, PopulationEffect.percentiles()).run();
    }

    /** @return the times the population's bands are read at: about 600, and the typical patient's turns they miss */
    private TimeGrid bandGrid(Run typical) {
        double end = grid.endH();
        // 600 steps put the end of the CRPS protocol's daily infusion 4 min from a display time, by which ketamine
        // has fallen about 3 % from its peak
        return PopulationReport.withTurns(TimeGrid.uniform(end, end / 600), typical.result().profile());
    }

    /**
     * The effect of the virtual population of {@link #populationBands}: the same patients, each with the typical
     * patient's ke0, and the percentile bands of their effect-site concentration and effect at the times of the
     * concentration bands, computed as {@code simulate --population N --effect ENDPOINT} computes them
     * ({@link PopulationEffect}). Run on the calling thread, as the population is.
     *
     * @param typical the typical patient's run ({@link #run})
     * @param pop the population ({@link #populationBands}), or null
     * @param effect the typical patient's effect ({@link #effect}), or null
     * @return the population's effect, or null without a population or an endpoint
     */
    PopulationEffect populationEffect(Run typical, PopulationOutcome pop, EffectResult effect) {
        if (pop == null || effect == null) {
            return null;
        }
        EffectRuns runs = new EffectRuns(endpoint, null, EffectSimulation.Options.DEFAULT.sKetamineShare(),
                List.of(effect));
        return PopulationEffect.simulate(pop, bandGrid(typical), runs, Runnable::run);
    }

    /**
     * The endpoint's effect-site concentration and effect on the scenario's grid, with the ke0 the effect package
     * decides (fitted or transferred; a guessed ke0 is refused, as {@code effects} refuses it without
     * {@code --allow-guessed-ke0}).
     *
     * @return the effect, or null when no endpoint was asked for
     * @throws InvalidInputException if the model cannot drive the endpoint
     */
    EffectResult effect() {
        if (endpoint == null) {
            return null;
        }
        return EffectSimulation.run(endpoint, model, patient, regimen, grid, EffectSimulation.Options.DEFAULT);
    }

    /** @return the chart subtitle: the model and the patient */
    String subtitle() {
        return "model " + model.id() + " · " + Text.patient(patient);
    }

    /** @return this scenario on another grid */
    Scenario withGrid(TimeGrid g) {
        return new Scenario(model, patient, protocol, regimen, g, logScale, title, label, population, seed, endpoint);
    }

    /** @return this scenario under another series label */
    Scenario withLabel(String l) {
        return new Scenario(model, patient, protocol, regimen, grid, logScale, title, l, population, seed, endpoint);
    }

    private static Regimen doses(List<String> lines, String prefix) {
        List<String> specs = new ArrayList<>();
        for (String text : lines) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    specs.add(line.strip());
                }
            }
        }
        if (specs.size() > MAX_DOSE_LINES) {
            throw new InvalidInputException(prefix + "dose", prefix + "dose: at most " + MAX_DOSE_LINES
                    + " lines are read but "
                    + specs.size() + " were given (use 'every TIME xN' to repeat a dose)");
        }
        Regimen r = null;
        for (int i = 0; i < specs.size(); i++) {
            Regimen one;
            try {
                one = DoseParser.parse(specs.get(i));
            } catch (DoseParser.ParseException e) {
                throw new DoseLineException(prefix + "dose", i + 1, e);
            }
            r = r == null ? one : r.and(one);
        }
        return r;
    }

    /** A dose line that could not be read: the parser's message, and the line and column for the page to mark. */
    static final class DoseLineException extends InvalidInputException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final transient DoseParser.ParseException cause;

        DoseLineException(String field, int line, DoseParser.ParseException cause) {
            super(field, (line > 1 ? "line " + line + ": " : "") + cause.messageAbout(field));
            this.line = line;
            this.cause = cause;
        }

        int line() {
            return line;
        }

        int column() {
            return cause.column();
        }

        String input() {
            return cause.input();
        }
    }

    private static TimeGrid grid(String prefix, String duration, String step, double lastInputEndH,
            double endAtLeastH) {
        double end = duration == null ? Math.ceil(lastInputEndH + OutputOptions.DEFAULT_WASHOUT_H - 1e-9)
                : time(prefix + "duration", duration);
        end = Math.max(end, endAtLeastH);
        double stepH = step == null ? 1.0 / 60 : time(prefix + "step", step);
        if (stepH > 0 && end / stepH + 1 > MAX_POINTS) {
            throw new InvalidInputException(prefix + "step", String.format(Locale.ROOT, prefix + "step %s over %s "
                    + "would give %s grid "
                    + "points; the explorer draws at most %s per request (choose a longer step or a shorter "
                    + "duration)", step == null ? "1min" : step.strip(), Text.span(end),
                    Text.count((long) Math.ceil(end / stepH + 1)), Text.count(MAX_POINTS)));
        }
        try {
            return TimeGrid.uniform(end, stepH);
        } catch (InvalidInputException e) {
            String field = prefix + ("step".equals(e.field()) ? "step" : "duration");
            throw new InvalidInputException(field, e.messageAbout(field));
        }
    }

    private static double time(String field, String text) {
        return Converters.durationH(field, field, text);
    }

    static String one(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new InvalidInputException(key, key + " is given " + v.size() + " times; give it once");
        }
        String s = v.get(0).strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> all(Map<String, List<String>> params, String key) {
        List<String> out = new ArrayList<>();
        for (String s : params.getOrDefault(key, List.of())) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
