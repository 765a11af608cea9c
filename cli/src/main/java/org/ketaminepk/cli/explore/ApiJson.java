package org.ketaminepk.cli.explore;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.chart.ConcentrationBands;
import org.ketaminepk.cli.chart.ConcentrationChart;
import org.ketaminepk.cli.report.PopulationEffect;
import org.ketaminepk.cli.report.PopulationReport;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.effect.EffectMetrics;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;
import org.ketaminepk.result.Profile;

/**
 * The JSON documents of the explorer's HTTP API. Keys carry their units as in {@code simulate --json}
 * ({@code cmax_ng_per_mL}, {@code tmax_h}); the curves are thinned for display by {@link #minMaxIndices}, which keeps
 * every peak and trough. Stateless.
 */
final class ApiJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ApiJson() {
    }

    /** @return {@code {"models": [...]}}: id, name, drug form, citation, age and weight ranges */
    static String models() throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("models");
            for (PublishedModel m : Models.all()) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("name", m.name());
                g.writeStringField("drug_form", m.drugForm().label());
                g.writeStringField("citation", m.citation().format());
                g.writeStringField("link", m.citation().link().orElse(null));
                g.writeNumberField("age_min_years", m.ageMinYears());
                g.writeNumberField("age_max_years", m.ageMaxYears());
                g.writeNumberField("weight_min_kg", m.weightMinKg());
                g.writeNumberField("weight_max_kg", m.weightMaxKg());
                if (m.studiedSpanH().isPresent()) {
                    g.writeNumberField("studied_span_h", m.studiedSpanH().getAsDouble());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("default_model", org.ketaminepk.cli.options.CommonOptions.DEFAULT_MODEL_ID);
            g.writeEndObject();
        }
        return w.toString();
    }

    /** @return {@code {"endpoints": [...]}}: id, name, measure, unit, citation, the drug forms that drive it */
    static String endpoints() throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("endpoints");
            for (Endpoint e : Endpoints.all()) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("name", e.name());
                g.writeStringField("measure", e.measure());
                g.writeStringField("unit", e.hasEffectModel() ? e.effectUnit() : "ng/mL");
                g.writeStringField("citation", e.citation().format());
                g.writeArrayFieldStart("drug_forms");
                for (org.ketaminepk.model.DrugForm f : org.ketaminepk.model.DrugForm.values()) {
                    if (e.drivenBy(f)) {
                        g.writeString(f.label());
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    /** @return {@code {"protocols": [...]}}: id, name, indication, recommended model, doses as text */
    static String protocols() throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("protocols");
            for (Protocol p : Protocols.all()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("name", p.name());
                g.writeStringField("indication", p.indication());
                g.writeStringField("source", p.shortSource());
                g.writeStringField("recommended_model", p.recommendedModelId().orElse(null));
                g.writeArrayFieldStart("doses");
                for (Dose d : p.regimen().doses()) {
                    g.writeString(d.describe());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    /**
     * The answer to {@code /api/simulate}: inputs, metrics, warnings, adjustments, the dose intervals, the shaded
     * bands and the curves thinned to about {@code buckets} columns.
     */
    static String simulation(Scenario s, Run r, int buckets) throws IOException {
        return simulation(s, r, null, null, null, buckets);
    }

    /**
     * As {@link #simulation(Scenario, Run, int)}, with the percentile bands of a virtual population, the effect of an
     * endpoint and the population's effect bands, each when given.
     */
    static String simulation(Scenario s, Run r, PopulationOutcome pop, EffectResult effect, PopulationEffect popEffect,
            int buckets) throws IOException {
        StringWriter w = new StringWriter(64 * 1024);
        double kg = r.patient().weightKg();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            preamble(g);
            g.writeStringField("title", s.title());
            g.writeStringField("subtitle", s.subtitle());
            g.writeStringField("label", r.label());
            g.writeObjectFieldStart("model");
            g.writeStringField("id", r.model().id());
            g.writeStringField("name", r.model().name());
            g.writeStringField("drug_form", r.model().drugForm().label());
            g.writeStringField("citation", r.model().citation().format());
            g.writeStringField("link", r.model().citation().link().orElse(null));
            g.writeEndObject();
            if (r.protocol() == null) {
                g.writeNullField("protocol");
            } else {
                g.writeObjectFieldStart("protocol");
                g.writeStringField("id", r.protocol().id());
                g.writeStringField("name", r.protocol().name());
                g.writeStringField("source", r.protocol().shortSource());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("grid");
            g.writeNumberField("end_h", s.grid().endH());
            g.writeNumberField("step_h", s.grid().stepH().getAsDouble()); // the explorer's grids are uniform
            g.writeNumberField("points", s.grid().size());
            g.writeEndObject();
            g.writeObjectFieldStart("band");
            g.writeNumberField("low_ng_per_mL", r.band().lowNgPerMl());
            g.writeNumberField("high_ng_per_mL", r.band().highNgPerMl());
            g.writeStringField("source", r.bandSource());
            g.writeEndObject();
            shadedBands(g);
            g.writeObjectFieldStart("regimen");
            g.writeNumberField("total_mg", r.regimen().totalMg(kg));
            g.writeNumberField("last_input_end_h", r.regimen().endH());
            g.writeArrayFieldStart("doses");
            for (Dose d : r.regimen().doses()) {
                g.writeStartObject();
                g.writeNumberField("time_h", d.timeH());
                g.writeNumberField("end_h", d instanceof Dose.Infusion i ? d.timeH() + i.durationH() : d.timeH());
                g.writeStringField("route", d.route().shortName());
                g.writeStringField("description", d.describe());
                g.writeNumberField("amount_mg", d.amountMg(kg));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("metrics");
            for (Run.Metrics m : r.metrics().values()) {
                g.writeObjectFieldStart(m.analyte().label());
                g.writeNumberField("cmax_ng_per_mL", m.cmaxNgPerMl());
                if (m.hasPeak()) {
                    g.writeNumberField("tmax_h", m.tmaxH());
                } else {
                    g.writeNullField("tmax_h");
                }
                g.writeNumberField("auc_ng_h_per_mL", m.aucNgHPerMl());
                optional(g, "time_in_band_h", m.timeInBandH());
                optional(g, "time_to_reach_band_h", m.timeToReachBandH());
                optional(g, "time_to_below_band_after_last_input_h", m.timeToBelowBandH());
                if (m.analyte() == Analyte.KETAMINE) {
                    g.writeBooleanField("above_band_low_at_end", m.stillAboveAtEnd());
                }
                optional(g, "terminal_half_life_h", m.terminalHalfLifeH());
                g.writeEndObject();
            }
            g.writeEndObject();
            warnings(g, r.result().warnings());
            strings(g, "notes", r.notes());
            g.writeArrayFieldStart("adjustments");
            for (Adjustment a : r.result().adjustments()) {
                g.writeStartObject();
                g.writeStringField("parameter", a.parameter());
                g.writeStringField("unit", a.unit());
                g.writeNumberField("typical_value", a.typicalValue());
                g.writeNumberField("patient_value", a.patientValue());
                g.writeNumberField("factor", a.factor());
                g.writeStringField("reason", a.reason());
                g.writeStringField("source", a.source());
                g.writeEndObject();
            }
            g.writeEndArray();
            List<double[]> extra = new ArrayList<>();
            if (effect != null) {
                extra.add(effect.effectSiteNgPerMl());
                if (effect.hasEffect()) {
                    extra.add(effect.effect().orElseThrow());
                }
            }
            Profile profile = r.result().profile();
            double[] t = profile.timesH();
            double spanH = t[t.length - 1];
            double denseSpanH = ConcentrationChart.drawnAsEnvelope(profile.regimen(), spanH) ? spanH : Double.NaN;
            int[] keep = display(g, profile, extra, buckets, denseSpanH);
            if (effect != null) {
                effect(g, effect, t, keep, denseSpanH, pop, popEffect);
            }
            if (pop != null) {
                population(g, s, pop);
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    /** The first fields of every answer that is a simulation: the disclaimer and the version. */
    static void preamble(JsonGenerator g) throws IOException {
        g.writeStringField("disclaimer", "A teaching and review tool, not a dosing device.");
        g.writeStringField("version", Main.version());
    }

    /** Writes the shaded concentration bands of the charts and their source. */
    static void shadedBands(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("shaded_bands");
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            g.writeStartObject();
            g.writeStringField("name", b.name());
            g.writeNumberField("low_ng_per_mL", b.lowNgPerMl());
            g.writeNumberField("high_ng_per_mL", b.highNgPerMl());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("shaded_bands_source", ConcentrationBands.SOURCE);
    }

    private static void population(JsonGenerator g, Scenario s, PopulationOutcome pop) throws IOException {
        population(g, pop, pop.percentileBands().orElseThrow(),
                ConcentrationChart.drawnAsEnvelope(s.regimen(), s.grid().endH()) ? s.grid().endH() : Double.NaN);
    }

    /** As {@link #population(JsonGenerator, PopulationOutcome, PercentileBands, double)}, for a course drawn as is. */
    static void population(JsonGenerator g, PopulationOutcome pop, PercentileBands b) throws IOException {
        population(g, pop, b, Double.NaN);
    }

    /**
     * Writes {@code population}: size, seed (a string of digits), variability (its sources, and under
     * {@code variability_label} which parameters vary and whose variability it is, as {@code simulate} words it),
     * {@code no_spread} (one line for each analyte no between-patient variability reaches, whose band has no width),
     * {@code time_h} and per analyte the percentiles ({@code p5}, {@code p25}, {@code p50}, {@code p75},
     * {@code p95}) in ng/mL; for a course too dense to draw cycle by cycle also {@code p95_peaks} and
     * {@code p5_troughs}, the lines through the peaks of the 95th percentile and the troughs of the 5th, between which
     * the page fills the 90 % band, and {@code p75_peaks} and {@code p25_troughs} for the 50 % band.
     *
     * @param denseSpanH the time a dense course's chart shows, h ({@link ConcentrationChart#envelopeAt}); NaN for a
     *        course drawn as it is
     */
    static void population(JsonGenerator g, PopulationOutcome pop, PercentileBands b, double denseSpanH)
            throws IOException {
        g.writeObjectFieldStart("population");
        g.writeNumberField("size", pop.size());
        // as text: a JavaScript number holds whole numbers exactly only up to 2^53, a seed takes 64 bits
        g.writeStringField("seed", Long.toString(pop.seed()));
        strings(g, "variability", pop.variability().provenance());
        g.writeStringField("variability_label", PopulationReport.variabilityLabel(pop.variability()));
        List<String> flat = new ArrayList<>();
        for (Analyte a : PopulationReport.flatAnalytes(pop)) {
            flat.add(PopulationReport.noVariabilityNote(a, pop.variability()) + " and its band has no width");
        }
        strings(g, "no_spread", flat);
        g.writeArrayFieldStart("time_h");
        for (double t : b.timesH()) {
            g.writeNumber(round(t, 6));
        }
        g.writeEndArray();
        for (Analyte a : b.analytes()) {
            g.writeObjectFieldStart(a.label() + "_ng_per_mL");
            for (double p : b.percentiles()) {
                g.writeArrayFieldStart("p" + (int) p);
                for (double v : b.ngPerMl(a, p)) {
                    g.writeNumber(round(v, 5));
                }
                g.writeEndArray();
            }
            if (!Double.isNaN(denseSpanH)) {
                double[] t = b.timesH();
                numbers(g, "p95_peaks", ConcentrationChart.envelopeAt(t, b.ngPerMl(a, 95), t, denseSpanH)[0], 5);
                numbers(g, "p5_troughs", ConcentrationChart.envelopeAt(t, b.ngPerMl(a, 5), t, denseSpanH)[1], 5);
                if (holds(b, 25) && holds(b, 75)) {
                    numbers(g, "p75_peaks", ConcentrationChart.envelopeAt(t, b.ngPerMl(a, 75), t, denseSpanH)[0], 5);
                    numbers(g, "p25_troughs", ConcentrationChart.envelopeAt(t, b.ngPerMl(a, 25), t, denseSpanH)[1],
                            5);
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** @return whether {@code b} has the {@code p}-th percentile */
    private static boolean holds(PercentileBands b, double p) {
        for (double q : b.percentiles()) {
            if (q == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the thinned curves; {@code extra} curves on the same grid take part in choosing the points kept (so
     * their peaks are kept too) and are written by the caller.
     *
     * @param denseSpanH the time a dense course's chart shows, h ({@link ConcentrationChart#envelopeAt}); NaN for a
     *        course drawn as it is
     * @return the indices kept
     */
    private static int[] display(JsonGenerator g, Profile p, List<double[]> extra, int buckets, double denseSpanH)
            throws IOException {
        List<Analyte> analytes = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Analyte a : Analyte.values()) {
            if (p.has(a)) {
                analytes.add(a);
                ys.add(p.series(a).ngPerMl());
            }
        }
        double[] t = p.timesH();
        List<double[]> all = new ArrayList<>(ys);
        all.addAll(extra);
        int[] keep = minMaxIndices(t, all, buckets);
        g.writeObjectFieldStart("display");
        g.writeNumberField("points", keep.length);
        g.writeArrayFieldStart("time_h");
        for (int i : keep) {
            g.writeNumber(round(t[i], 6));
        }
        g.writeEndArray();
        // a course too dense to draw cycle by cycle: each curve as the line through its peaks, and under "troughs"
        // the line through its troughs, as the command line's charts draw it
        List<double[]> troughs = new ArrayList<>();
        for (int k = 0; k < analytes.size(); k++) {
            double[][] lines = shown(t, ys.get(k), keep, denseSpanH);
            numbers(g, analytes.get(k).label() + "_ng_per_mL", lines[0], 6);
            troughs.add(lines[1]);
        }
        if (!Double.isNaN(denseSpanH)) {
            g.writeObjectFieldStart("troughs");
            for (int k = 0; k < analytes.size(); k++) {
                numbers(g, analytes.get(k).label() + "_ng_per_mL", troughs.get(k), 6);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        return keep;
    }

    /**
     * The curve {@code (t, y)} as drawn: its values at the kept indices, or for a dense course the lines through its
     * peaks and through its troughs read at the kept times.
     *
     * @param denseSpanH the time a dense course's chart shows, h; NaN for a course drawn as it is
     * @return {values or peaks, troughs}; the troughs are null for a course drawn as it is
     */
    private static double[][] shown(double[] t, double[] y, int[] keep, double denseSpanH) {
        if (Double.isNaN(denseSpanH)) {
            double[] values = new double[keep.length];
            for (int j = 0; j < keep.length; j++) {
                values[j] = y[keep[j]];
            }
            return new double[][] {values, null};
        }
        double[] at = new double[keep.length];
        for (int j = 0; j < keep.length; j++) {
            at[j] = t[keep[j]];
        }
        return ConcentrationChart.envelopeAt(t, y, at, denseSpanH);
    }

    /** Writes {@code values}, each to {@code digits} significant digits, as the array {@code name}. */
    private static void numbers(JsonGenerator g, String name, double[] values, int digits) throws IOException {
        g.writeArrayFieldStart(name);
        for (double v : values) {
            g.writeNumber(round(v, digits));
        }
        g.writeEndArray();
    }

    /**
     * The effect panel: the endpoint, the link, the metrics of {@code effects} and the effect-site concentration and
     * effect at the display times; for a dense course, as the concentrations, each as the line through its peaks and
     * under {@code troughs} the line through its troughs. With a population, its bands under {@code population}
     * ({@link #populationEffect}).
     *
     * @param t the grid's times, h
     * @param denseSpanH the time a dense course's chart shows, h; NaN for a course drawn as it is
     * @param pop the population, or null
     * @param popEffect the population's effect, or null
     */
    private static void effect(JsonGenerator g, EffectResult e, double[] t, int[] keep, double denseSpanH,
            PopulationOutcome pop, PopulationEffect popEffect) throws IOException {
        Endpoint ep = e.endpoint();
        EffectMetrics m = e.metrics();
        g.writeObjectFieldStart("effect");
        g.writeObjectFieldStart("endpoint");
        g.writeStringField("id", ep.id());
        g.writeStringField("name", ep.name());
        g.writeStringField("measure", ep.measure());
        g.writeStringField("unit", e.hasEffect() ? ep.effectUnit() : "ng/mL");
        g.writeStringField("citation", ep.citation().format());
        g.writeStringField("not_for", ep.notFor());
        g.writeEndObject();
        g.writeStringField("driver", e.driver());
        g.writeObjectFieldStart("link");
        g.writeNumberField("ke0_per_min", e.link().ke0PerMin());
        g.writeNumberField("half_time_min", e.link().halfTimeH() * 60);
        g.writeStringField("basis", e.link().basis().label());
        g.writeStringField("how", e.link().how());
        g.writeStringField("describe", e.link().describe());
        g.writeEndObject();
        g.writeBooleanField("has_effect", e.hasEffect());
        // without an effect the curve shown is the effect-site concentration, whose value without drug is 0 ng/mL
        g.writeNumberField("baseline", e.baseline().orElse(0));
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("peak_effect", m.peakEffect());
        g.writeNumberField("peak_time_h", m.peakTimeH());
        optional(g, "onset_h", m.onsetH().isPresent() ? m.onsetH().getAsDouble() : null);
        optional(g, "offset_h", m.offsetH().isPresent() ? m.offsetH().getAsDouble() : null);
        g.writeNumberField("peak_effect_site_ng_per_mL", m.peakEffectSiteNgPerMl());
        g.writeNumberField("peak_effect_site_time_h", m.peakEffectSiteTimeH());
        g.writeEndObject();
        warnings(g, e.warnings());
        g.writeObjectFieldStart("display");
        double[][] site = shown(t, e.effectSiteNgPerMl(), keep, denseSpanH);
        double[][] effect = e.hasEffect() ? shown(t, e.effect().orElseThrow(), keep, denseSpanH) : null;
        numbers(g, "effect_site_ng_per_mL", site[0], 6);
        if (effect != null) {
            numbers(g, "effect", effect[0], 6);
        }
        if (!Double.isNaN(denseSpanH)) {
            g.writeObjectFieldStart("troughs");
            numbers(g, "effect_site_ng_per_mL", site[1], 6);
            if (effect != null) {
                numbers(g, "effect", effect[1], 6);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        if (popEffect != null) {
            populationEffect(g, pop, popEffect, denseSpanH);
        }
        g.writeEndObject();
    }

    /**
     * Writes the {@code population} of the effect: the virtual patients (size, seed), whose variability, the
     * assumption that every one has the typical patient's ke0, {@code no_spread} (the one line saying so when no
     * between-patient variability reaches the analyte that drives the endpoint, so that the bands are the typical
     * patient's curve; else null), {@code time_h} (the times of the concentration bands), and the percentiles
     * {@code p5}, {@code p25}, {@code p50}, {@code p75} and {@code p95} of the curve the panel draws, under the key
     * it has in {@code display}: {@code effect}, or for an endpoint without an effect model
     * {@code effect_site_ng_per_mL} (the S-ketamine share applied), as {@code simulate --population N --effect
     * ENDPOINT} computes them (its files hold both). For a course too dense to draw cycle by cycle also
     * {@code p95_peaks},
     * {@code p75_peaks}, {@code p50_peaks}, {@code p50_troughs}, {@code p25_troughs} and {@code p5_troughs}: the
     * median as the lines through its peaks and its troughs, and each band from the troughs of its lower percentile
     * to the peaks of its upper one, as the command line's charts draw them. Every array has one value per time.
     *
     * @param denseSpanH the time a dense course's chart shows, h; NaN for a course drawn as it is
     */
    private static void populationEffect(JsonGenerator g, PopulationOutcome pop, PopulationEffect p,
            double denseSpanH) throws IOException {
        Analyte driver = p.typical().endpoint().analyte();
        g.writeObjectFieldStart("population");
        g.writeNumberField("size", pop.size());
        g.writeStringField("seed", Long.toString(pop.seed()));
        g.writeStringField("variability", PopulationReport.variabilityLabel(pop.variability()));
        strings(g, "assumptions", List.of(PopulationEffect.SAME_KE0));
        if (PopulationReport.flatAnalytes(pop).contains(driver)) {
            g.writeStringField("no_spread", PopulationReport.noVariabilityNote(driver, pop.variability())
                    + (p.effect() != null ? " and the same effect" : "") + ": the bands have no width");
        } else {
            g.writeNullField("no_spread");
        }
        double[] times = p.timesH();
        numbers(g, "time_h", times, 6);
        // one curve, the one drawn: a dense course's bands take six lines besides the five percentiles
        if (p.effect() != null) {
            percentiles(g, "effect", times, p.effect(), denseSpanH);
        } else {
            percentiles(g, "effect_site_ng_per_mL", times, p.effectSite(), denseSpanH);
        }
        g.writeEndObject();
    }

    /**
     * Writes one quantity's percentiles ({@link PopulationEffect#percentiles()}) as {@code p5} ... {@code p95} and,
     * for a dense course, its envelopes ({@link #populationEffect}).
     *
     * @param bands the 5th, 25th, 50th, 75th and 95th percentiles at {@code times}
     */
    private static void percentiles(JsonGenerator g, String name, double[] times, double[][] bands,
            double denseSpanH) throws IOException {
        double[] ps = PopulationEffect.percentiles();
        g.writeObjectFieldStart(name);
        for (int k = 0; k < ps.length; k++) {
            numbers(g, "p" + Math.round(ps[k]), bands[k], 5);
        }
        if (!Double.isNaN(denseSpanH)) {
            double[][] p5 = ConcentrationChart.envelopeAt(times, bands[0], times, denseSpanH);
            double[][] p25 = ConcentrationChart.envelopeAt(times, bands[1], times, denseSpanH);
            double[][] p50 = ConcentrationChart.envelopeAt(times, bands[2], times, denseSpanH);
            double[][] p75 = ConcentrationChart.envelopeAt(times, bands[3], times, denseSpanH);
            double[][] p95 = ConcentrationChart.envelopeAt(times, bands[4], times, denseSpanH);
            numbers(g, "p95_peaks", p95[0], 5);
            numbers(g, "p75_peaks", p75[0], 5);
            numbers(g, "p50_peaks", p50[0], 5);
            numbers(g, "p50_troughs", p50[1], 5);
            numbers(g, "p25_troughs", p25[1], 5);
            numbers(g, "p5_troughs", p5[1], 5);
        }
        g.writeEndObject();
    }

    /** Rounds to {@code digits} significant digits, enough for a screen and far shorter in JSON. */
    static double round(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }

    /**
     * The points to draw: the time span cut into {@code buckets} equal columns, and in each column the indices of
     * the lowest and highest value of every curve, in time order, plus the first and last point. Every curve's
     * peaks and troughs are kept exactly, and all curves share one time axis.
     *
     * @param t times, non-decreasing
     * @param ys curves, each as long as {@code t}
     * @param buckets columns, {@code >= 1}
     * @return sorted distinct indices into {@code t}
     */
    static int[] minMaxIndices(double[] t, List<double[]> ys, int buckets) {
        int n = t.length;
        if (n <= 2 * buckets * Math.max(1, ys.size()) + 2) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[2 * buckets * ys.size() + 2];
        int k = 0;
        out[k++] = 0;
        double start = t[0];
        double span = t[n - 1] - start;
        int i = 1;
        int[] picked = new int[2 * ys.size()];
        for (int b = 0; b < buckets && i < n - 1; b++) {
            double end = b == buckets - 1 ? Double.POSITIVE_INFINITY : start + span * (b + 1) / buckets;
            int from = i;
            while (i < n - 1 && t[i] < end) {
                i++;
            }
            if (i == from) {
                continue;
            }
            int m = 0;
            for (double[] y : ys) {
                int lo = from;
                int hi = from;
                for (int j = from + 1; j < i; j++) {
                    if (y[j] < y[lo]) {
                        lo = j;
                    }
                    if (y[j] > y[hi]) {
                        hi = j;
                    }
                }
                picked[m++] = lo;
                picked[m++] = hi;
            }
            java.util.Arrays.sort(picked, 0, m);
            for (int j = 0; j < m; j++) {
                if (out[k - 1] != picked[j]) {
                    out[k++] = picked[j];
                }
            }
        }
        if (out[k - 1] != n - 1) {
            out[k++] = n - 1;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /**
     * A one-line error document: {@code {"error": {"status", "field", "value", "message"}}}, plus {@code line} and
     * {@code column} for a dose line that could not be read.
     */
    static String error(int status, String field, String value, String message, InvalidInputException cause)
            throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("status", status);
            if (field == null) {
                g.writeNullField("field");
            } else {
                g.writeStringField("field", field);
            }
            if (value == null) {
                g.writeNullField("value");
            } else {
                g.writeStringField("value", value);
            }
            g.writeStringField("message", oneLine(message));
            if (cause instanceof Scenario.DoseLineException d) {
                g.writeNumberField("line", d.line());
                g.writeNumberField("column", d.column());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return w.toString() + "\n";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").trim();
    }

    private static void optional(JsonGenerator g, String field, Double v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }

    /**
     * Every warning with its kind, as {@code --json} writes them: the page lists a few of each kind and opens the rest
     * on request (the command line's shortened list points to {@code --json}, which a page does not have).
     */
    static void warnings(JsonGenerator g, List<Warning> warnings) throws IOException {
        g.writeArrayFieldStart("warnings");
        for (Warning w : warnings) {
            g.writeStartObject();
            g.writeStringField("code", w.code().name());
            g.writeStringField("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
