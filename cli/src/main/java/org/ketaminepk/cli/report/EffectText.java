package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.base.Route;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.EffectMetrics;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.effect.LinkEvidence;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;

/**
 * Text, CSV and JSON for effect endpoints and effect time courses. Every number is printed with its unit; an
 * effect of an endpoint that gives an effect site only is never invented.
 */
public final class EffectText {
    private static final int WIDTH = 100;

    private EffectText() {
    }

    /** Lists every endpoint with its source and what is known of its effect site. */
    public static void list(PrintWriter out) {
        // the id names the source (first author and year); the endpoint's own page gives the citation
        Text.Table t = new Text.Table(false, "endpoint", "measures", "effect site");
        for (Endpoint e : Endpoints.all()) {
            t.row(e.id(), e.effectUnit(), linkKind(e.link()));
        }
        for (String l : t.render(2)) {
            out.println(l);
        }
        out.println();
        for (String l : Text.wrap("Run 'ketamine-pk effects ENDPOINT' for an endpoint's numbers and sources, "
                + "'ketamine-pk effects --model ID' for the endpoints a model can drive.", 100)) {
            out.println(l);
        }
        out.flush();
    }

    /** @return "t½ 8.3 min" of "ke0 0.0835 /min (t½ 8.3 min)", the column's width being short */
    private static String halfTime(String described) {
        int at = described.indexOf("t½");
        return at < 0 ? described : described.substring(at, described.lastIndexOf(')'));
    }

    private static String linkKind(LinkEvidence l) {
        return switch (l.kind()) {
            case FITTED_IN_LIBRARY -> "fitted with " + l.pkModelId().orElseThrow();
            case FITTED_OUTSIDE_LIBRARY -> "fitted elsewhere, "
                    + halfTime(EffectLink.describe(l.ke0PerH().orElseThrow()));
            case NOT_FOUND -> "none found";
        };
    }

    /** Prints one endpoint: source, population, relationships, effect site, limits, and the models that drive it. */
    public static void detail(PrintWriter out, Endpoint e) {
        out.println(e.name());
        line(out, "id", e.id());
        line(out, "source", e.citation().format());
        line(out, "population", e.population().description());
        line(out, "measures", e.measure() + " [" + e.effectUnit() + "]");
        line(out, "sampling", e.samplingSite().label());
        e.sKetamine().ifPresent(r -> line(out, "S-ketamine", r.model().formula() + "; " + r.source()));
        e.racemic().ifPresent(r -> line(out, "racemic", r.model().formula() + "; " + r.source()));
        if (!e.hasEffectModel()) {
            line(out, "effect", "not computed: the source's concentration-effect numbers were not found");
        }
        line(out, "effect site", e.link().source());
        if (e.responderProbability().isPresent()) {
            line(out, "responders", String.format(Locale.ROOT, "%s %% on ketamine, %s %% on placebo",
                    percent(e.responderProbability()), percent(e.placeboResponderProbability())));
        }
        line(out, "valid for", e.validity());
        line(out, "not for", e.notFor());
        for (String s : e.inferences()) {
            line(out, "inferred", s);
        }
        for (String s : e.notes()) {
            line(out, "note", s);
        }
        Map<String, List<String>> byBasis = new LinkedHashMap<>();
        for (PublishedModel m : Models.all()) {
            if (e.drivenBy(m.drugForm())) {
                byBasis.computeIfAbsent(basis(e, m), k -> new ArrayList<>()).add(m.id());
            }
        }
        if (byBasis.isEmpty()) {
            line(out, "models", "none in this build");
        }
        for (Map.Entry<String, List<String>> b : byBasis.entrySet()) {
            line(out, "models", b.getKey() + ": " + String.join(", ", b.getValue()));
        }
        out.flush();
    }

    /** Prints whether {@code m} can drive {@code e} and how its effect site would be set. */
    public static void onModel(PrintWriter out, Endpoint e, PublishedModel m) {
        line(out, "on " + m.id(), e.drivenBy(m.drugForm()) ? basis(e, m)
                : "cannot drive it: " + m.id() + " predicts " + m.drugForm().label());
        out.flush();
    }

    /** Prints the endpoints a model can drive and how its effect site would be set. */
    public static void forModel(PrintWriter out, PublishedModel m) {
        out.println("Endpoints " + m.id() + " (" + m.drugForm().label() + ") can drive:");
        Text.Table t = new Text.Table(false, "endpoint", "effect site on this model");
        for (Endpoint e : Endpoints.drivenBy(m.drugForm())) {
            t.row(e.id(), basis(e, m));
        }
        for (String l : t.render(2)) {
            out.println(l);
        }
        out.flush();
    }

    /**
     * Prints the section of {@code models ID} on effects: each endpoint the model can drive, with how its effect site
     * is set on this model, or a line saying there is none.
     */
    public static void modelSection(PrintWriter out, PublishedModel m) {
        out.println("Effect endpoints (simulate --effect ENDPOINT; sources: 'ketamine-pk effects ENDPOINT')");
        List<Endpoint> driven = Endpoints.drivenBy(m.drugForm());
        if (driven.isEmpty()) {
            out.println("  none: no endpoint in this build is driven by " + m.drugForm().label());
            out.flush();
            return;
        }
        Text.Table t = new Text.Table(false, "endpoint", "effect site on " + m.id());
        for (Endpoint e : driven) {
            t.row(e.id(), basis(e, m));
        }
        for (String l : t.render(2)) {
            out.println(l);
        }
        out.flush();
    }

    /** How the effect site of {@code e} would be set on model {@code m}, in words. */
    static String basis(Endpoint e, PublishedModel m) {
        LinkEvidence l = e.link();
        return switch (l.kind()) {
            case FITTED_IN_LIBRARY -> l.pkModelId().orElseThrow().equals(m.id()) ? "fitted"
                    : m.routes().containsKey(Route.INTRAVENOUS) ? "transferred by time to peak from "
                    + l.pkModelId().orElseThrow()
                    : "cannot be transferred: no intravenous route";
            case FITTED_OUTSIDE_LIBRARY -> "transferred: half-time carried over";
            case NOT_FOUND -> "none found: steady state only, or a guessed ke0";
        };
    }

    static void line(PrintWriter out, String label, String text) {
        String pad = String.format(Locale.ROOT, "  %-12s ", label);
        Text.hanging(out, pad, text, WIDTH - pad.length());
    }

    /** Prints the effect metrics, the link used and every warning. */
    public static void summary(PrintWriter out, EffectResult r, Double level) {
        out.println(r.endpoint().name());
        metrics(out, r, level);
        out.println();
        out.println("Warnings:");
        if (r.warnings().isEmpty()) {
            out.println("  none");
        }
        Text.warnings(out, r.warnings());
        out.flush();
    }

    /**
     * Prints the model and driver, the link used, the peak, onset, offset and time at {@code level}, the responder
     * share and what the endpoint is not for: one labelled line each.
     *
     * @param level an effect level in the endpoint's unit, or null
     */
    public static void metrics(PrintWriter out, EffectResult r, Double level) {
        Endpoint e = r.endpoint();
        EffectMetrics m = r.metrics();
        line(out, "model", r.pk().individual().model().id() + "; driven by " + r.driver());
        EffectLink link = r.link();
        line(out, "effect site", link.describe() + ", " + link.basis().label() + ": " + link.how());
        line(out, "peak Ce", Text.sig(m.peakEffectSiteNgPerMl(), 4) + " ng/mL at " + time(m.peakEffectSiteTimeH()));
        String unit = r.hasEffect() ? e.effectUnit() : "ng/mL (effect-site concentration)";
        if (r.hasEffect()) {
            line(out, "baseline", Text.sig(r.baseline().getAsDouble(), 4) + " " + unit);
            line(out, "peak effect", Text.sig(m.peakEffect(), 4) + " " + unit + " at " + time(m.peakTimeH()));
        }
        line(out, "onset", orNot(m.onsetH(), "from the first dose to half the peak change"));
        line(out, "offset", orNot(m.offsetH(), "from the end of the last input until the change falls below half "
                + "its peak"));
        if (level != null) {
            line(out, "at level", time(r.timeAtLeastH(level)) + " at or beyond " + Text.sig(level, 4) + " " + unit);
        }
        if (e.responderProbability().isPresent()) {
            line(out, "responders", String.format(Locale.ROOT, "the effect is a responder's; %s %% of treated "
                    + "patients responded (%s %% on placebo)", percent(e.responderProbability()),
                    percent(e.placeboResponderProbability())));
        }
        line(out, "not for", e.notFor());
    }

    private static String orNot(OptionalDouble v, String what) {
        return v.isPresent() ? time(v.getAsDouble()) + " " + what : "not reached within the simulation";
    }

    /** @return a probability the caller has checked is present, as a percentage with three significant digits */
    static String percent(OptionalDouble p) {
        return Text.sig(p.getAsDouble() * 100, 3);
    }

    /** @return a duration in the unit that suits it: "1.61 min", "4.25 h", "24.0 days" (three significant digits) */
    static String time(double h) {
        if (h < 2) {
            return Text.sig(h * 60, 3) + " min";
        }
        return h < 72 ? Text.sig(h, 3) + " h" : Text.sig(h / 24, 3) + " days";
    }

    /** Writes time, plasma and effect-site concentrations and the effect as CSV. */
    public static void csv(Writer w, EffectResult r) throws IOException {
        w.write("time_h,plasma_ng_per_ml,effect_site_ng_per_ml" + (r.hasEffect() ? ",effect" : "") + "\n");
        double[] t = r.timesH();
        double[] cp = r.plasmaNgPerMl();
        double[] ce = r.effectSiteNgPerMl();
        double[] ef = r.effect().orElse(null);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            b.setLength(0);
            b.append(Text.sig(t[i], 10)).append(',').append(Text.sig(cp[i], 6)).append(',').append(Text.sig(ce[i], 6));
            if (ef != null) {
                b.append(',').append(Text.sig(ef[i], 6));
            }
            w.write(b.append('\n').toString());
        }
        w.flush();
    }

    /** Writes the endpoint, link, metrics, warnings and the time course as JSON. */
    public static void json(Writer w, EffectResult r, Double level) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            fields(g, r, level, true);
            g.writeEndObject();
        }
        w.flush();
    }

    /**
     * Writes the fields of an effect object: endpoint, source, model, driver, unit, link, metrics, warnings and,
     * when asked, the time course.
     *
     * @param level an effect level in the endpoint's unit, or null
     * @param times whether to write {@code time_h} (a caller that writes the times elsewhere leaves it out)
     */
    public static void fields(JsonGenerator g, EffectResult r, Double level, boolean times) throws IOException {
        Endpoint e = r.endpoint();
        EffectMetrics m = r.metrics();
        g.writeStringField("endpoint", e.id());
        g.writeStringField("source", e.citation().format());
        g.writeStringField("model", r.pk().individual().model().id());
        g.writeStringField("driver", r.driver());
        g.writeStringField("effect_unit", r.hasEffect() ? e.effectUnit() : null);
        g.writeObjectFieldStart("effect_site");
        g.writeNumberField("ke0_per_min", r.link().ke0PerMin());
        g.writeNumberField("half_time_min", r.link().halfTimeH() * 60);
        g.writeStringField("basis", r.link().basis().label());
        g.writeStringField("how", r.link().how());
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("peak_effect_site_ng_per_ml", m.peakEffectSiteNgPerMl());
        g.writeNumberField("peak_effect_site_time_h", m.peakEffectSiteTimeH());
        if (r.hasEffect()) {
            g.writeNumberField("baseline", r.baseline().getAsDouble());
            g.writeNumberField("peak_effect", m.peakEffect());
            g.writeNumberField("peak_effect_time_h", m.peakTimeH());
        }
        optional(g, "onset_h", m.onsetH());
        optional(g, "offset_h", m.offsetH());
        if (level != null) {
            g.writeNumberField("level", level);
            g.writeNumberField("time_at_level_h", r.timeAtLeastH(level));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("warnings");
        for (Warning x : r.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", x.code().name());
            g.writeStringField("message", x.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (times) {
            JsonOutput.array(g, "time_h", r.timesH());
        }
        JsonOutput.array(g, "plasma_ng_per_ml", r.plasmaNgPerMl());
        JsonOutput.array(g, "effect_site_ng_per_ml", r.effectSiteNgPerMl());
        if (r.hasEffect()) {
            JsonOutput.array(g, "effect", r.effect().orElseThrow());
        }
    }

    private static void optional(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsDouble());
        } else {
            g.writeNullField(name);
        }
    }
}
