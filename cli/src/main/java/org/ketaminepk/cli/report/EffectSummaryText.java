package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.model.Warning;

/**
 * The effect section that {@code simulate --effect} and {@code compare --effect} print under the concentration
 * summary: the endpoint and its source, the link with the basis of its ke0, the peak effect and its time, the onset
 * (to half the peak change), the offset after the last input and the time at or beyond {@code --effect-level}, and
 * the effect's own assumptions (the concentration warnings are printed above and not repeated). Every number with
 * its unit.
 */
public final class EffectSummaryText {
    private EffectSummaryText() {
    }

    /** Prints the effect section of one simulation. */
    public static void simulate(PrintWriter w, EffectRuns effects) {
        EffectResult r = effects.results().get(0);
        heading(w, effects.endpoint());
        EffectText.metrics(w, r, effects.level());
        List<Warning> own = EffectRuns.ownWarnings(r);
        if (!own.isEmpty()) {
            w.println("Effect assumptions:");
            Text.warnings(w, own);
        }
        w.flush();
    }

    /** Prints the effect section of several simulations side by side, one column per run. */
    public static void compare(PrintWriter w, List<Run> runs, EffectRuns effects) {
        Endpoint e = effects.endpoint();
        heading(w, e);
        String[] header = new String[runs.size() + 1];
        header[0] = "";
        for (int i = 0; i < runs.size(); i++) {
            header[i + 1] = runs.get(i).label();
        }
        List<EffectResult> rs = effects.results();
        Text.Table t = new Text.Table(true, header);
        t.row(cells("effect site", rs, r -> "t½ " + EffectText.time(r.link().halfTimeH()) + ", "
                + r.link().basis().label()));
        t.row(cells("peak effect site (ng/mL)", rs, r -> Text.sig(r.metrics().peakEffectSiteNgPerMl(), 4)));
        if (e.hasEffectModel()) {
            String unit = " (" + e.effectUnit() + ")";
            t.row(cells("baseline" + unit, rs, r -> Text.sig(r.baseline().getAsDouble(), 4)));
            t.row(cells("peak effect" + unit, rs, r -> Text.sig(r.metrics().peakEffect(), 4)));
            t.row(cells("peak effect at", rs, r -> EffectText.time(r.metrics().peakTimeH())));
        } else {
            t.row(cells("peak effect site at", rs, r -> EffectText.time(r.metrics().peakEffectSiteTimeH())));
        }
        t.row(cells("onset (to half the peak)", rs, r -> orNever(r.metrics().onsetH())));
        t.row(cells("offset after last input", rs, r -> orNever(r.metrics().offsetH())));
        if (effects.level() != null) {
            String unit = e.hasEffectModel() ? " " + e.effectUnit() : " ng/mL at the effect site";
            t.row(cells("at or beyond " + Text.sig(effects.level(), 4) + unit, rs,
                    r -> EffectText.time(r.timeAtLeastH(effects.level()))));
        }
        for (String line : t.render(2, 100)) {
            w.println(line);
        }
        w.println();
        EffectText.line(w, "onset", "from the first dose until the change from baseline first reaches half its "
                + "peak; offset: from the end of the last input until it falls below half its peak");
        List<List<String>> drivers = new ArrayList<>();
        List<List<String>> own = new ArrayList<>();
        for (EffectResult r : rs) {
            drivers.add(List.of(r.pk().individual().model().id() + ": " + r.driver() + "; " + r.link().describe()
                    + ", " + r.link().basis().label()));
            List<String> messages = new ArrayList<>();
            for (Warning x : EffectRuns.ownWarnings(r)) {
                messages.add(x.message());
            }
            own.add(messages);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> d : drivers) {
            if (seen.add(d.get(0))) {
                EffectText.line(w, "driven by", d.get(0));
            }
        }
        if (e.responderProbability().isPresent()) {
            EffectText.line(w, "responders", String.format(Locale.ROOT, "the effect is a responder's; %s %% of "
                    + "treated patients responded (%s %% on placebo)", EffectText.percent(e.responderProbability()),
                    EffectText.percent(e.placeboResponderProbability())));
        }
        EffectText.line(w, "not for", e.notFor());
        Set<String> common = SummaryText.common(own);
        if (!common.isEmpty()) {
            w.println("Effect assumptions [all series]:");
            bullets(w, common);
        }
        for (int i = 0; i < rs.size(); i++) {
            List<String> mine = new ArrayList<>(own.get(i));
            mine.removeAll(common);
            if (!mine.isEmpty()) {
                w.println("Effect assumptions [" + runs.get(i).label() + "]:");
                bullets(w, mine);
            }
        }
        w.flush();
    }

    private static void heading(PrintWriter w, Endpoint e) {
        w.println();
        w.println("Effect: " + e.id());
        EffectText.line(w, "endpoint", e.name());
        EffectText.line(w, "source", e.citation().format());
    }

    private static void bullets(PrintWriter w, Iterable<String> messages) {
        List<Warning> ws = new ArrayList<>();
        for (String m : messages) {
            ws.add(Warning.text(Warning.Code.ASSUMPTION, m));
        }
        Text.warnings(w, ws);
    }

    private static String orNever(OptionalDouble v) {
        return v.isPresent() ? EffectText.time(v.getAsDouble()) : "not reached";
    }

    private static String[] cells(String name, List<EffectResult> rs, Function<EffectResult, String> f) {
        String[] c = new String[rs.size() + 1];
        c[0] = name;
        for (int i = 0; i < rs.size(); i++) {
            c[i + 1] = f.apply(rs.get(i));
        }
        return c;
    }
}
