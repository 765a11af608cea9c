package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.Summary;

/**
 * The terminal summary of {@code compare --population}: the series and their shared patients, whose variability,
 * each metric's distribution per series, the probabilities per series, the paired comparison of each series with
 * the first (per-patient ratio and the share of patients higher), then warnings and notes, those of every series
 * once.
 */
public final class PopulationCompareText {
    /** Indent of a series' row under its metric's line. */
    private static final String SERIES_INDENT = "  ";

    private PopulationCompareText() {
    }

    /**
     * Prints the summary.
     *
     * @param defaultGrid whether the grid is the default one (said so in the grid line)
     */
    public static void write(PrintWriter w, PopulationComparison c, boolean defaultGrid) {
        PopulationReport ref = c.reference();
        w.println("ketamine-pk " + Main.version() + " · teaching and review tool, not a dosing device");
        w.println();
        Text.Table s = new Text.Table(false, "series", "model", "doses (total mg, typical patient)");
        double lastEnd = 0;
        for (PopulationReport r : c.series()) {
            Run run = r.typical();
            s.row(run.label(), run.model().id(), run.regimen().doses().size() + " ("
                    + Text.sig(run.regimen().totalMg(run.dosingWeightKg()), 5) + " mg)");
            lastEnd = Math.max(lastEnd, run.regimen().endH());
        }
        for (String line : s.render(0, 100)) {
            w.println(line);
        }
        w.println();
        SummaryText.field(w, "Patients", ref.patientsLabel() + ", seed " + ref.outcome().seed() + ", the same in "
                + "every series; " + covariates(c));
        SummaryText.field(w, "Paired", pairing(c));
        SummaryText.gridLine(w, ref.grid(), lastEnd, defaultGrid);
        w.println();

        Map<String, String> variability = new LinkedHashMap<>();
        for (PopulationReport r : c.series()) {
            variability.putIfAbsent(r.typical().model().id(), r.variabilityLabel());
        }
        w.println("Between-patient variability (per model; 'ketamine-pk simulate --population' shows its terms):");
        for (Map.Entry<String, String> e : variability.entrySet()) {
            SummaryText.wrapped(w, "  ", e.getKey() + ": " + e.getValue());
        }
        w.println();

        w.println("Distribution over " + ref.patientsLabel() + ", per series:");
        Text.Table t = new Text.Table(true, "metric / series", "median", "5th–95th percentile", "geometric mean",
                "CV");
        for (PopulationReport.MetricRow m : ref.metricRows()) {
            t.row(m.analyte().label() + " " + m.name() + " (" + m.unit() + ")");
            for (PopulationReport r : c.series()) {
                PopulationReport.MetricRow row = row(r, m);
                String name = SERIES_INDENT + r.typical().label();
                if (row == null) {
                    t.row(name, "–", "–", "–", "–");
                    continue;
                }
                Summary d = row.summary();
                t.row(name, Text.column(d.median(), 4), PopulationText.range(d, r.outcome().size()),
                        PopulationText.optional(d.geometricMean(), ""),
                        PopulationText.cv(d.cvPercent()));
            }
        }
        for (String line : t.render(2, 100)) {
            w.println(line);
        }
        w.println();

        w.println("Probabilities (95 % interval of the Monte-Carlo estimate in brackets):");
        Text.Table p = new Text.Table(true, "event / series", "probability", "95 % interval", "patients");
        for (String event : events(c)) {
            p.row(event);
            for (PopulationReport r : c.series()) {
                Probability pr = probability(r, event);
                String name = SERIES_INDENT + r.typical().label();
                if (pr == null) {
                    p.row(name, "–", "–", "–");
                    continue;
                }
                p.row(name, PopulationText.percent(pr.fraction()),
                        PopulationText.percent(pr.lower95()) + "–" + PopulationText.percent(pr.upper95()),
                        Text.count(pr.count()) + " of " + Text.count(pr.total()));
            }
        }
        for (String line : p.render(2, 100)) {
            w.println(line);
        }
        w.println();

        Text.hanging(w, "", "", "Paired comparison with " + ref.typical().label() + ", patient by patient (ratio = "
                + "series / " + ref.typical().label() + "; higher: by more than 1 part in a million):", 100);
        Text.Table q = new Text.Table(true, "metric / series", "ratio median", "ratio 5th–95th",
                "patients higher");
        List<List<PopulationComparison.PairedMetric>> paired = new ArrayList<>();
        for (int i = 1; i < c.series().size(); i++) {
            paired.add(c.paired(i));
        }
        for (PopulationReport.MetricRow m : ref.metricRows()) {
            boolean first = true;
            for (int i = 1; i < c.series().size(); i++) {
                PopulationComparison.PairedMetric pm = paired(paired.get(i - 1), m);
                if (pm == null) {
                    continue;
                }
                if (first) {
                    q.row(m.analyte().label() + " " + m.name());
                    first = false;
                }
                q.row(SERIES_INDENT + c.series().get(i).typical().label(), pm.ratio() == null ? "–"
                        : ratio(pm.ratio().median()), ratioRange(pm), PopulationText.percent(
                                pm.higherShare()) + " (" + Text.count(pm.higher()) + ")");
            }
        }
        for (String line : q.render(2, 100)) {
            w.println(line);
        }
        for (String line : ratioNotes(c, paired)) {
            SummaryText.wrapped(w, "  ", line);
        }
        w.println();
        messages(w, c);
        w.flush();
    }

    /** @return where the patients' covariates come from, said once for all series when they share them */
    static String covariates(PopulationComparison c) {
        Set<String> each = new LinkedHashSet<>();
        for (PopulationReport r : c.series()) {
            each.add(r.covariates() != null ? r.covariates() : "each " + Text.patient(r.typical().patient()));
        }
        if (each.size() == 1) {
            return each.iterator().next();
        }
        List<String> parts = new ArrayList<>();
        for (PopulationReport r : c.series()) {
            parts.add(r.typical().label() + ": each " + Text.patient(r.typical().patient()));
        }
        return String.join("; ", parts);
    }

    /** @return what the series share patient by patient, so that the reader knows what the pairing holds fixed */
    static String pairing(PopulationComparison c) {
        if (c.sameRandomEffects()) {
            return "patient i has the same covariates and the same random effects of " + c.modelIds().get(0)
                    + " in every series, so differences between series are paired, not sampling noise";
        }
        return "patient i has the same covariates in every series; the series use different models ("
                + String.join(", ", c.modelIds()) + "), whose random effects are drawn from the same per-patient "
                + "stream but act on different parameters, so only the covariates are paired";
    }

    /** @return the row of {@code r} for the metric of {@code m}, or null when its model lacks the analyte */
    private static PopulationReport.MetricRow row(PopulationReport r, PopulationReport.MetricRow m) {
        for (PopulationReport.MetricRow x : r.metricRows()) {
            if (x.analyte() == m.analyte() && x.key().equals(m.key())) {
                return x;
            }
        }
        return null;
    }

    private static PopulationComparison.PairedMetric paired(List<PopulationComparison.PairedMetric> all,
            PopulationReport.MetricRow m) {
        for (PopulationComparison.PairedMetric p : all) {
            if (p.analyte() == m.analyte() && p.key().equals(m.key())) {
                return p;
            }
        }
        return null;
    }

    private static String ratioRange(PopulationComparison.PairedMetric pm) {
        // a ratio's 5th and 95th percentiles of too few patients are left out, as the distributions' are
        return pm.ratio() == null || !PercentileSupport.shown(5, pm.compared()) ? "–"
                : ratio(pm.ratio().percentile(5)) + "–" + ratio(pm.ratio().percentile(95));
    }

    /** @return a ratio with three significant digits and no exponent: "1.00", "0.00450", "2.16", "1230" */
    static String ratio(double v) {
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal r = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        // an exact 1 keeps two decimals like its neighbours; a large ratio has no exponent
        r = r.setScale(Math.max(0, r.scale() + 3 - r.precision()));
        return r.toPlainString();
    }

    /** @return the events of every series, each once, in order */
    static List<String> events(PopulationComparison c) {
        Set<String> out = new LinkedHashSet<>();
        for (PopulationReport r : c.series()) {
            for (Probability p : r.probabilities()) {
                out.add(p.what());
            }
        }
        return List.copyOf(out);
    }

    private static Probability probability(PopulationReport r, String event) {
        for (Probability p : r.probabilities()) {
            if (p.what().equals(event)) {
                return p;
            }
        }
        return null;
    }

    /** @return a line for every ratio that leaves patients out (reference value 0) */
    private static List<String> ratioNotes(PopulationComparison c, List<List<PopulationComparison.PairedMetric>> all) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (PopulationComparison.PairedMetric p : all.get(i)) {
                if (p.compared() < p.total()) {
                    out.add(String.format(java.util.Locale.ROOT, "%s %s of %s: the ratio covers %s of %s patients "
                            + "(the others have 0 %s in %s)", p.analyte().label(), p.name(),
                            c.series().get(i + 1).typical().label(), Text.count(p.compared()), Text.count(p.total()),
                            p.unit(), c.reference().typical().label()));
                }
            }
        }
        return out;
    }

    /** Warnings (with how many patients drew them) and notes: those of every series once, then each series' own. */
    private static void messages(PrintWriter w, PopulationComparison c) {
        List<List<String>> warnings = new ArrayList<>();
        List<List<String>> notes = new ArrayList<>();
        for (PopulationReport r : c.series()) {
            warnings.add(PopulationText.warningLines(r));
            List<String> ns = new ArrayList<>(r.notes());
            // said once above, in the Patients line
            ns.remove(r.covariates());
            ns.removeIf(n -> n.startsWith("every virtual patient has the covariates of "));
            notes.add(ns);
        }
        Set<String> commonWarnings = SummaryText.common(warnings);
        Set<String> commonNotes = SummaryText.common(notes);
        if (!commonWarnings.isEmpty() || !commonNotes.isEmpty()) {
            w.println("[all series]");
            SummaryText.messages(w, new ArrayList<>(commonWarnings), new ArrayList<>(commonNotes));
        }
        for (int i = 0; i < c.series().size(); i++) {
            List<String> own = new ArrayList<>(warnings.get(i));
            own.removeAll(commonWarnings);
            List<String> ownNotes = new ArrayList<>(notes.get(i));
            ownNotes.removeAll(commonNotes);
            if (own.isEmpty() && ownNotes.isEmpty()) {
                continue;
            }
            w.println("[" + c.series().get(i).typical().label() + "]");
            SummaryText.messages(w, own, ownNotes);
        }
    }
}
