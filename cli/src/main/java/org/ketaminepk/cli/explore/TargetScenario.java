package org.ketaminepk.cli.explore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.ManualOptions;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.cli.options.PumpOptions;
import org.ketaminepk.cli.report.ManualSchemeReport;
import org.ketaminepk.cli.report.PopulationReport;
import org.ketaminepk.cli.report.TargetFiles;
import org.ketaminepk.cli.report.TargetJson;
import org.ketaminepk.cli.report.TargetPopulation;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.result.Profile;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;
import org.ketaminepk.target.TargetSchedule;

/**
 * The explorer's target mode, read from request parameters named like the options of {@code target} without their
 * dashes ({@code target}, {@code syringe}, {@code max-rate}, {@code update}, {@code rate-step}, {@code duration},
 * {@code plasma-limit}) plus {@code endpoint} and {@code site} ({@code plasma}, or {@code effect-site} to target the
 * endpoint's effect site). Every value is read by the command line's own code ({@link TargetSchedule#parse},
 * {@link PumpOptions}), so a value is refused here exactly when {@code target} refuses it.
 *
 * <p>With {@code population} (and {@code seed}), as {@code target --population N --seed S}: the typical patient's
 * pump schedule given to N virtual patients from the model's published variability, bounded as the regimen mode's
 * population ({@value Scenario#MIN_POPULATION} to {@value Scenario#MAX_POPULATION}).
 *
 * <p>With {@code manual} ({@code true} or {@code false}) and {@code tolerance}, as {@code target --manual
 * --tolerance PERCENT}: a loading bolus and stepped rates for a pump without target control, for one plasma target
 * from time 0, refused with the command line's messages where the command line refuses it (a population, an
 * endpoint, an effect-site target, a CSV or JSON file).
 *
 * <p>Bounded: at most {@value #MAX_UPDATES} pump updates per request.
 *
 * @param model the model
 * @param patient the patient
 * @param schedule the targets
 * @param pump the pump
 * @param endpoint the endpoint whose effect site is predicted or targeted, or null
 * @param effectSiteTarget whether the effect site is targeted
 * @param plasmaLimit the plasma limit factor with an effect-site target, or NaN
 * @param horizonH the predicted span, h
 * @param population virtual patients given the typical patient's pump schedule, 0 for none
 * @param seed the seed of the virtual population
 * @param manual whether a manual scheme is designed instead of a target-controlled schedule
 * @param tolerance the manual scheme's accepted relative deviation (0.15 for ±15 %), NaN without one
 */
record TargetScenario(PublishedModel model, Patient patient, TargetSchedule schedule, PumpSettings pump,
        Endpoint endpoint, boolean effectSiteTarget, double plasmaLimit, double horizonH, int population, long seed,
        boolean manual, double tolerance) {

    /** Most pump updates one request may plan (10 s updates over about 55 h). */
    static final int MAX_UPDATES = 20_000;
    /** Every parameter name a target request reads. */
    static final List<String> KEYS = keys();

    private static final JsonFactory JSON = new JsonFactory();

    private static List<String> keys() {
        List<String> k = new ArrayList<>(List.of("target", "model", "endpoint", "site", "plasma-limit", "syringe",
                "max-rate", "update", "rate-step", "duration", "population", "seed", "manual", "tolerance"));
        k.addAll(Scenario.PATIENT_KEYS);
        return List.copyOf(k);
    }

    /**
     * @param params parameter name → values
     * @return the scenario
     * @throws InvalidInputException naming the parameter, its value and the accepted values
     */
    static TargetScenario parse(Map<String, List<String>> params) {
        String spec = Scenario.one(params, "target");
        if (spec == null) {
            throw new InvalidInputException("target", "target: give a target, e.g. 150 ng/mL for 4 h (as "
                    + "'ketamine-pk target --target')");
        }
        TargetSchedule schedule = TargetSchedule.parse(spec);
        CommonOptions choice = new CommonOptions();
        choice.modelId = Scenario.one(params, "model");
        PublishedModel model = choice.model(null);
        Patient patient = Scenario.patient(params, "");
        PumpSettings pump = PumpOptions.settings(Scenario.one(params, "syringe"), Scenario.one(params, "max-rate"),
                Scenario.one(params, "rate-step"), Scenario.one(params, "update"));
        double horizon = PumpOptions.horizonH(schedule, Scenario.one(params, "duration"));
        double updates = Math.ceil(horizon / pump.updateIntervalH() - 1e-9);
        if (updates > MAX_UPDATES) {
            throw new InvalidInputException("update", String.format(Locale.ROOT, "update: a new rate every %s over "
                    + "%s gives %s pump updates; the explorer plans at most %s per request (choose a longer update "
                    + "interval or a shorter duration)", Text.step(pump.updateIntervalH()), Text.span(horizon),
                    Text.count((long) updates), Text.count(MAX_UPDATES)));
        }
        String endpointId = Scenario.one(params, "endpoint");
        Endpoint endpoint = endpointId == null ? null : Endpoints.get(endpointId);
        String site = Scenario.one(params, "site");
        if (site != null && !site.equals("plasma") && !site.equals("effect-site")) {
            throw new InvalidInputException("site", "site must be plasma or effect-site but was '" + site + "'");
        }
        boolean effectSite = "effect-site".equals(site);
        if (effectSite && endpoint == null) {
            throw new InvalidInputException("endpoint", "endpoint: an effect-site target needs an endpoint whose "
                    + "effect site is targeted (see /api/endpoints)");
        }
        String limitText = Scenario.one(params, "plasma-limit");
        int population = Scenario.population(params, "");
        boolean manual = manual(params);
        String toleranceText = Scenario.one(params, "tolerance");
        double tolerance = Double.NaN;
        if (manual) {
            // the command line's checks, in its order
            ManualOptions.refuseCombinations(population > 0, endpoint != null && !effectSite, effectSite,
                    limitText != null);
            ManualOptions.step(schedule);
            tolerance = ManualOptions.tolerance(toleranceText);
        } else {
            ManualOptions.refuseToleranceWithoutManual(toleranceText);
        }
        double limit = Double.NaN;
        if (limitText != null) {
            if (!effectSite) {
                throw new InvalidInputException("plasma-limit", "plasma-limit applies to an effect-site target only; "
                        + "set site to effect-site");
            }
            if (!limitText.matches("\\d{1,6}(\\.\\d{1,9})?")) {
                throw new InvalidInputException("plasma-limit", "plasma-limit must be a factor from 1 to "
                        + Checks.fmt(TargetController.MAX_PLASMA_LIMIT_FACTOR) + " but was '" + limitText + "'");
            }
            limit = Double.parseDouble(limitText);
        }
        if (population > 0 && VariabilityModel.published(model).isEmpty()) {
            throw new InvalidInputException("population", "population: model " + model.id() + " publishes no "
                    + "between-patient variability, so it has no percentile bands; choose another model or "
                    + "population 0");
        }
        return new TargetScenario(model, patient, schedule, pump, endpoint, effectSite, limit, horizon, population,
                Scenario.seed(params, ""), manual, tolerance);
    }

    /** @return whether {@code manual} asks for a manual scheme: true or false (1 or 0), as {@code log} is read */
    private static boolean manual(Map<String, List<String>> params) {
        String text = Scenario.one(params, "manual");
        boolean manual = text != null && (text.equalsIgnoreCase("true") || text.equals("1"));
        if (text != null && !manual && !text.equalsIgnoreCase("false") && !text.equals("0")) {
            throw new InvalidInputException("manual", "manual must be true (a manual scheme for a pump without target "
                    + "control) or false (a target-controlled pump) but was '" + text + "'");
        }
        return manual;
    }

    /** @return the manual scheme, as {@code target --manual} designs it */
    ManualScheme scheme() {
        return ManualOptions.design(individual(), pump, ManualOptions.step(schedule), tolerance);
    }

    private IndividualModel individual() {
        return Simulation.standard().individualize(model, patient);
    }

    /** @return the pump schedule, its outcomes and the predicted curves */
    TargetPlan plan() {
        IndividualModel ind = individual();
        EffectLink link = endpoint == null ? null : PumpOptions.link(endpoint, model, patient, null, false);
        TargetController c;
        if (effectSiteTarget) {
            c = Double.isNaN(plasmaLimit) ? TargetController.effectSite(ind, pump, link)
                    : TargetController.effectSite(ind, pump, link, plasmaLimit);
        } else {
            c = link == null ? TargetController.plasma(ind, pump) : TargetController.plasma(ind, pump, link);
        }
        return c.plan(schedule, horizonH);
    }

    /**
     * The plan's pump schedule given to the virtual population, as {@code target --population N --seed S} gives it.
     *
     * @return the population, or null when none was asked for
     */
    TargetPopulation population(TargetPlan plan) {
        if (population == 0) {
            return null;
        }
        PopulationOptions o = new PopulationOptions();
        o.population = population;
        o.seed = seed;
        return TargetPopulation.simulate(plan, model, patient, o.patients(patient), o,
                PopulationReport.variability(model, null), PopulationReport.Progress.on(
                        new PrintWriter(Writer.nullWriter()), false, population));
    }

    /**
     * The file {@code target} writes for the same inputs with {@code --csv}, {@code --json}, {@code --plot} or
     * {@code --protocol-out} ({@link TargetFiles}; {@link ManualSchemeReport} for a manual scheme), the image at the
     * size asked for.
     *
     * @param format png, svg, csv, json or protocol
     * @param widthPx the image width, px
     * @param heightPx the image height, px
     * @return the file's bytes
     */
    byte[] export(String format, int widthPx, int heightPx) throws IOException {
        if (manual) {
            return manualExport(format, widthPx, heightPx);
        }
        TargetPlan plan = plan();
        TargetPopulation pop = population(plan);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        switch (format) {
            case "csv", "json" -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                if (format.equals("csv")) {
                    TargetFiles.csv(w, plan, pop);
                } else {
                    TargetFiles.json(w, plan, patient, pop);
                }
                w.flush();
            }
            case "png" -> ChartFiles.writePng(chart(plan, pop), out, widthPx, heightPx);
            case "svg" -> ChartFiles.writeSvg(chart(plan, pop), out, widthPx, heightPx);
            case "protocol" -> out.writeBytes(TargetFiles.protocol(plan).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("format " + format);
        }
        return out.toByteArray();
    }

    private byte[] manualExport(String format, int widthPx, int heightPx) throws IOException {
        ManualScheme m = scheme();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        switch (format) {
            case "csv", "json" -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                if (format.equals("csv")) {
                    ManualSchemeReport.csv(w, individual(), m, horizonH);
                } else {
                    ManualSchemeReport.json(w, individual(), m, horizonH);
                }
                w.flush();
            }
            case "png" -> ChartFiles.writePng(ManualSchemeReport.chart(individual(), m, horizonH), out, widthPx,
                    heightPx);
            case "svg" -> ChartFiles.writeSvg(ManualSchemeReport.chart(individual(), m, horizonH), out, widthPx,
                    heightPx);
            case "protocol" -> out.writeBytes(ManualSchemeReport.protocol(m).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("format " + format);
        }
        return out.toByteArray();
    }

    private JFreeChart chart(TargetPlan plan, TargetPopulation pop) {
        return TargetFiles.chart(individual(), plan, pop);
    }

    /**
     * The answer to {@code /api/target}: the fields of {@code target --json} ({@link TargetJson}), the shaded bands,
     * the running infusions and the curves at the pump updates thinned to about {@code buckets} columns (every peak
     * kept): {@code display} holds ketamine and norketamine as {@code /api/simulate} does, {@code target_display}
     * the target and the effect site at the same times.
     */
    String answer(int buckets) throws IOException {
        if (manual) {
            return manualAnswer(buckets);
        }
        TargetPlan plan = plan();
        TargetPopulation pop = population(plan);
        StringWriter w = new StringWriter(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            ApiJson.preamble(g);
            g.writeStringField("scheme", "target-controlled");
            g.writeStringField("title", "Target-controlled infusion, " + plan.controller().mode().label()
                    + " target " + schedule);
            g.writeStringField("subtitle", "model " + model.id() + " · " + Text.patient(patient) + (pop == null ? ""
                    : " · " + pop.population().patientsLabel() + ", seed " + seed));
            g.writeObjectFieldStart("model");
            g.writeStringField("id", model.id());
            g.writeStringField("name", model.name());
            g.writeStringField("citation", model.citation().format());
            g.writeEndObject();
            if (endpoint != null) {
                g.writeStringField("endpoint", endpoint.id());
            }
            TargetJson.plan(g, plan);
            g.writeNumberField("max_plasma_ng_per_mL", plan.maxPlasmaNgPerMl());
            ApiJson.shadedBands(g);
            g.writeObjectFieldStart("regimen");
            g.writeArrayFieldStart("doses");
            for (TargetPlan.Segment s : plan.runningSegments()) {
                dose(g, s.startH(), s.endH());
            }
            g.writeEndArray();
            g.writeEndObject();
            display(g, plan, buckets);
            if (pop != null) {
                ApiJson.population(g, pop.population().outcome(), pop.bands());
                g.writeObjectFieldStart("attainment");
                g.writeStringField("headline", pop.headline());
                g.writeArrayFieldStart("lines");
                for (String line : pop.attainmentLines()) {
                    g.writeString(line);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    /**
     * The answer for a manual scheme: {@code scheme} "manual", the scheme in {@code manual} (numbers, and the rows
     * and lines {@code target --manual} prints), the pump, the warnings, the shaded bands, the bolus and running
     * infusions, and the curves the scheme gives with the exact solver (as its chart draws them) thinned as for a
     * pump schedule, with the target in {@code target_display}.
     */
    private String manualAnswer(int buckets) throws IOException {
        IndividualModel ind = individual();
        ManualScheme m = ManualOptions.design(ind, pump, ManualOptions.step(schedule), tolerance);
        Profile profile = ManualSchemeReport.profile(ind, m, horizonH);
        StringWriter w = new StringWriter(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            ApiJson.preamble(g);
            g.writeStringField("scheme", "manual");
            g.writeStringField("title", ManualSchemeReport.title(m));
            g.writeStringField("subtitle", "model " + model.id() + " · " + Text.patient(patient));
            g.writeObjectFieldStart("model");
            g.writeStringField("id", model.id());
            g.writeStringField("name", model.name());
            g.writeStringField("citation", model.citation().format());
            g.writeEndObject();
            g.writeStringField("targets", schedule.toString());
            ManualSchemeReport.fields(g, m);
            ApiJson.shadedBands(g);
            g.writeObjectFieldStart("regimen");
            g.writeArrayFieldStart("doses");
            // the bolus (written as whole numbers, as the answer always had it), then each running rate
            g.writeStartObject();
            g.writeNumberField("time_h", 0);
            g.writeNumberField("end_h", 0);
            g.writeEndObject();
            for (ManualScheme.RateStep r : m.steps()) {
                if (r.rateMlPerH() > 0) {
                    dose(g, r.startH(), r.endH());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            List<double[]> ys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Analyte a : Analyte.values()) {
                if (profile.has(a)) {
                    ys.add(profile.series(a).ngPerMl());
                    names.add(a.label() + "_ng_per_mL");
                }
            }
            int concentrations = ys.size();
            double[] t = profile.timesH();
            double[] targets = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                targets[i] = schedule.targetAt(t[i]);
            }
            ys.add(targets);
            names.add("target_ng_per_mL");
            display(g, t, ys, names, concentrations, buckets);
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void display(JsonGenerator g, TargetPlan plan, int buckets) throws IOException {
        double[] t = plan.timesH();
        List<double[]> ys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ys.add(plan.plasmaNgPerMl());
        names.add("ketamine_ng_per_mL");
        if (plan.hasNorketamine()) {
            ys.add(plan.norketamineNgPerMl().orElseThrow());
            names.add("norketamine_ng_per_mL");
        }
        int concentrations = ys.size();
        if (plan.hasEffectSite()) {
            ys.add(plan.effectSiteNgPerMl().orElseThrow());
            names.add("effect_site_ng_per_mL");
        }
        double[] targets = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            targets[i] = plan.schedule().targetAt(t[i]);
        }
        ys.add(targets);
        names.add("target_ng_per_mL");
        display(g, t, ys, names, concentrations, buckets);
    }

    /**
     * Writes {@code display} (the first {@code concentrations} curves) and {@code target_display} (the rest) at the
     * times {@link ApiJson#minMaxIndices} keeps.
     */
    private static void display(JsonGenerator g, double[] t, List<double[]> ys, List<String> names,
            int concentrations, int buckets) throws IOException {
        int[] keep = ApiJson.minMaxIndices(t, ys, buckets);
        g.writeObjectFieldStart("display");
        g.writeNumberField("points", keep.length);
        g.writeArrayFieldStart("time_h");
        for (int i : keep) {
            g.writeNumber(ApiJson.round(t[i], 6));
        }
        g.writeEndArray();
        for (int k = 0; k < ys.size(); k++) {
            if (k == concentrations) {
                g.writeEndObject();
                g.writeObjectFieldStart("target_display");
            }
            g.writeArrayFieldStart(names.get(k));
            for (int i : keep) {
                g.writeNumber(ApiJson.round(ys.get(k)[i], 6));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** One entry of {@code regimen.doses}: when an input starts and ends, h (a bolus starts and ends at once). */
    private static void dose(JsonGenerator g, double startH, double endH) throws IOException {
        g.writeStartObject();
        g.writeNumberField("time_h", startH);
        g.writeNumberField("end_h", endH);
        g.writeEndObject();
    }
}
