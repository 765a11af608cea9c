package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.Summary;

/**
 * The terminal summary of a population run: inputs, where the variability comes from, the distribution of each
 * metric over the patients, the probabilities, and how many patients drew each kind of warning.
 */
public final class PopulationText {
    /** Distinct warnings printed before "... and N more". */
    static final int MAX_WARNINGS = 8;

    private PopulationText() {
    }

    /**
     * Prints the summary.
     *
     * @param defaultGrid whether the grid is the default one (said so in the grid line)
     */
    public static void write(PrintWriter w, PopulationReport r, boolean defaultGrid) {
        Run run = r.typical();
        w.println("ketamine-pk " + Main.version() + " · teaching and review tool, not a dosing device");
        w.println();
        SummaryText.field(w, "Model", run.model().id() + " · " + run.model().name());
        SummaryText.field(w, "", CitationText.brief(run.model()));
        SummaryText.field(w, "Patients", r.patientsLabel() + ", seed " + r.outcome().seed() + "; "
                + (r.covariates() != null ? r.covariates() : "each " + Text.patient(run.patient())));
        SummaryText.protocolLines(w, run.protocol());
        SummaryText.doseLines(w, run);
        SummaryText.gridLine(w, r.grid(), run.regimen().endH(), defaultGrid);
        w.println();
        body(w, r);
    }

    /**
     * Prints what follows the inputs: whose variability, the distributions, the probabilities, the warnings and the
     * notes (shared by every command that simulates a population).
     */
    public static void body(PrintWriter w, PopulationReport r) {
        SummaryText.wrapped(w, "", "Between-patient " + r.variabilityLabel() + ":");
        VariabilityText.write(w, r.outcome().variability());
        w.println();

        w.println("Distribution over " + r.patientsLabel() + ":");
        for (String line : distributions(r)) {
            w.println(line);
        }
        SummaryText.wrapped(w, "  ", r.metricsMethod());
        w.println();
        w.println("Probabilities (95 % interval of the Monte-Carlo estimate in brackets):");
        Text.Table p = new Text.Table(true, "event", "probability", "95 % interval", "patients");
        for (Probability pr : r.probabilities()) {
            p.row(pr.what(), percent(pr.fraction()), percent(pr.lower95()) + "–" + percent(pr.upper95()),
                    Text.count(pr.count()) + " of " + Text.count(pr.total()));
        }
        for (String line : p.render(2, 100)) {
            w.println(line);
        }
        w.println();
        List<String> notes = new ArrayList<>(r.notes());
        // printed under the distributions already
        notes.remove(r.metricsMethod());
        SummaryText.messages(w, warningLines(r), notes);
        w.flush();
    }

    /**
     * @return the distribution table: analyte and metric in columns of their own, or, where that is wider than 100
     *         columns (hydroxynorketamine beside a band's hours), in one column of row names
     */
    static List<String> distributions(PopulationReport r) {
        List<String> split = distributionTable(r, true).render(2);
        return split.stream().allMatch(l -> l.length() <= 100) ? split : distributionTable(r, false).render(2, 100);
    }

    private static Text.Table distributionTable(PopulationReport r, boolean analyteColumn) {
        Text.Table t = analyteColumn
                ? new Text.Table(true, "analyte", "metric", "median", "5th–95th percentile", "geometric mean", "CV")
                : new Text.Table(true, "analyte and metric", "median", "5th–95th percentile", "geometric mean", "CV");
        for (PopulationReport.MetricRow m : r.metricRows()) {
            String metric = m.name() + " (" + m.unit() + ")";
            String[] values = {Text.column(m.summary().median(), 4), range(m.summary(), r.outcome().size()),
                optional(m.summary().geometricMean(), ""), cv(m.summary().cvPercent())};
            List<String> cells = new ArrayList<>(analyteColumn ? List.of(m.analyte().label(), metric)
                    : List.of(m.analyte().label() + " " + metric));
            cells.addAll(List.of(values));
            t.row(cells.toArray(String[]::new));
        }
        return t;
    }

    /**
     * @return the first {@value #MAX_WARNINGS} lines of warnings ({@link WarningGroups}: sentences that differ only in
     *         their numbers, such as each patient's own weight, are one line with the ranges), each with how many patients drew it, and how many
     *         more there are
     */
    static List<String> warningLines(PopulationReport r) {
        List<String> warnings = new ArrayList<>();
        // warnings that differ only in a patient's own age, weight or BMI are one line with the range of values
        List<WarningGroups.Line<PopulationReport.WarningCount>> all = WarningGroups.of(r.warnings(),
                c -> c.warning().message(), PopulationReport.WarningCount::patients);
        for (WarningGroups.Line<PopulationReport.WarningCount> c : all.subList(0, Math.min(all.size(),
                MAX_WARNINGS))) {
            warnings.add(c.message() + " (" + Text.count(c.count()) + " of " + Text.count(r.outcome().size())
                    + " patients)");
        }
        if (all.size() > MAX_WARNINGS) {
            warnings.add("... and " + (all.size() - MAX_WARNINGS) + " more distinct warnings (all are in --json)");
        }
        return warnings;
    }

    /**
     * @return "5th–95th percentile" of a distribution, four significant digits each, or "–" for too few patients
     *         ({@link PercentileSupport}; the notes say why)
     */
    static String range(Summary s, int patients) {
        return PercentileSupport.shown(5, patients) ? Text.column(s.percentile(5), 4) + "–"
                + Text.column(s.percentile(95), 4) : "–";
    }

    /** @return the value with four significant digits as its column shows them, or "–" when there is none */
    static String optional(OptionalDouble v, String unit) {
        return v.isPresent() ? Text.column(v.getAsDouble(), 4) + unit : "–";
    }

    /** @return a CV with one decimal, or "–" when there is none */
    static String cv(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %%", v.getAsDouble()) : "–";
    }

    /** @return a fraction as a percentage with one decimal */
    static String percent(double f) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * f);
    }
}
