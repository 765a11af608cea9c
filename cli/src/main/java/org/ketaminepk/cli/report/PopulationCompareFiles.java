package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ChartWindow;
import org.ketaminepk.cli.chart.EffectChart;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.cli.chart.PopulationCompareChart;
import org.ketaminepk.cli.chart.PopulationCompareEffectChart;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PlotSize;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.VariabilityModel;

/**
 * The files of {@code compare --population}: {@code --csv} holds every series' percentile bands over time in tidy
 * form (one row per series, analyte and time; one column per percentile), {@code --population-csv} one row per
 * series and virtual patient, {@code --json} all of it with the paired comparison, {@code --plot} the chart of
 * {@link PopulationCompareChart}. Targets are checked before the run with {@link PopulationFiles#checkFiles}, and
 * the files are written whole or not at all.
 */
public final class PopulationCompareFiles {
    private PopulationCompareFiles() {
    }

    /**
     * Writes the files and opens the window. Files appear all together at the end; when one cannot be written,
     * none is replaced.
     *
     * @param files the checked targets, from {@link PopulationFiles#checkFiles}
     */
    public static void write(OutputOptions o, String populationCsv, Map<String, Path> files, PopulationComparison c,
            String title, PrintWriter stdout, Main app) {
        write(o, populationCsv, files, c, title, stdout, app, null);
    }

    /**
     * As {@link #write(OutputOptions, String, Map, PopulationComparison, String, PrintWriter, Main)}, with the
     * populations' effect: its bands as further CSV columns, an {@code effect} object per series in the JSON, and
     * the effect panel on the chart.
     *
     * @param effect the populations' effect, or null for none
     */
    public static void write(OutputOptions o, String populationCsv, Map<String, Path> files, PopulationComparison c,
            String title, PrintWriter stdout, Main app, PopulationEffectComparison effect) {
        JFreeChart chart = null;
        if (o.plot != null || o.show) {
            ChartRequest request = chartRequest(c, title, o.logScale);
            chart = effect == null ? PopulationCompareChart.create(request, bands(c), c.patients())
                    : PopulationCompareEffectChart.create(request.withFitTime(o.defaultDuration()), bands(c),
                            effect.panel(), effect.bands(), c.patients());
        }
        try (OutputFiles out = new OutputFiles()) {
            if (files.containsKey("--csv")) {
                out.stage("--csv", files.get("--csv"), OutputFiles.text(w -> bandsCsv(w, c, effect)));
            }
            if (files.containsKey("--json")) {
                out.stage("--json", files.get("--json"), OutputFiles.text(w -> json(w, c, effect)));
            }
            if (files.containsKey("--population-csv")) {
                out.stage("--population-csv", files.get("--population-csv"), OutputFiles.text(w -> patientsCsv(w, c)));
            }
            if (files.containsKey("--plot")) {
                PlotSize size = effect == null ? o.plotSize()
                        : o.plotSize(new PlotSize(ChartFiles.DEFAULT_WIDTH_PX, EffectChart.HEIGHT_PX));
                out.stagePlot(files.get("--plot"), chart, size);
            }
            if ("-".equals(o.csv)) {
                OutputFiles.toStdout(stdout, w -> bandsCsv(w, c, effect));
            }
            if ("-".equals(o.json)) {
                OutputFiles.toStdout(stdout, w -> json(w, c, effect));
            }
            if ("-".equals(populationCsv)) {
                OutputFiles.toStdout(stdout, w -> patientsCsv(w, c));
            }
            out.commit();
        }
        if (o.show) {
            ChartWindow.show(chart, title);
            app.windowOpened = true;
        }
    }

    /** @return the chart's request: each series' typical profile under its label, the subtitle and the notes */
    static ChartRequest chartRequest(PopulationComparison c, String title, boolean logScale) {
        List<PlotSeries> series = new ArrayList<>();
        for (PopulationReport r : c.series()) {
            series.add(new PlotSeries(r.typical().label(), r.typical().result().profile()));
        }
        List<String> caption = new ArrayList<>();
        List<Run> typicals = new ArrayList<>();
        for (PopulationReport r : c.series()) {
            typicals.add(r.typical());
        }
        caption.add(ChartNotes.disclaimer(typicals));
        caption.add("Paired: " + PopulationCompareText.pairing(c));
        Set<String> notes = new LinkedHashSet<>();
        for (PopulationReport r : c.series()) {
            notes.addAll(r.notes());
            // the subtitle says which band is not drawn
            notes.remove(r.fewPatientsNote());
        }
        caption.addAll(notes);
        return new ChartRequest(title, subtitle(c), series, logScale, caption);
    }

    /**
     * @return "1,000 virtual patients, seed 7, the same in every series · variability: ..." with each model's
     *         variability, and whether the values are observed-like
     */
    static String subtitle(PopulationComparison c) {
        PopulationReport ref = c.reference();
        Map<String, String> variability = new LinkedHashMap<>();
        for (PopulationReport r : c.series()) {
            variability.putIfAbsent(r.typical().model().id(), r.variabilityLabel());
        }
        String v;
        if (variability.size() == 1) {
            v = ref.typical().model().id() + " · " + ref.variabilityLabel();
        } else {
            List<String> parts = new ArrayList<>();
            variability.forEach((model, label) -> parts.add(model + " " + label));
            v = String.join(" · ", parts);
        }
        return String.format(Locale.ROOT, "%s, seed %d, the same in every series · %s%s", ref.patientsLabel(),
                ref.outcome().seed(), v, ref.bands().observedLike() ? " · with residual error (observed-like)" : "");
    }

    private static List<PercentileBands> bands(PopulationComparison c) {
        List<PercentileBands> out = new ArrayList<>();
        for (PopulationReport r : c.series()) {
            out.add(r.bands());
        }
        return out;
    }

    /** @return the CSV column of one percentile: {@code p05_ng_per_mL} */
    static String percentileColumn(double percentile) {
        return String.format(Locale.ROOT, "p%02d_ng_per_mL", Math.round(percentile));
    }

    /** Writes the bands in tidy form: series, analyte, time, then one column per percentile. */
    static void bandsCsv(Writer out, PopulationComparison c) throws IOException {
        bandsCsv(out, c, null);
    }

    /**
     * As {@link #bandsCsv(Writer, PopulationComparison)}, then, when there is an effect, the effect-site and effect
     * percentiles in further columns: filled on the rows of the analyte that drives the endpoint, empty on the
     * others.
     */
    static void bandsCsv(Writer out, PopulationComparison c, PopulationEffectComparison effect) throws IOException {
        StringBuilder s = new StringBuilder(256).append("series,analyte,time_h");
        double[] percentiles = c.reference().bands().percentiles();
        for (double p : percentiles) {
            s.append(',').append(percentileColumn(p));
        }
        if (effect != null) {
            for (String col : effect.csvColumns()) {
                s.append(',').append(col);
            }
        }
        out.write(s.append('\n').toString());
        for (int si = 0; si < c.series().size(); si++) {
            PopulationReport r = c.series().get(si);
            PercentileBands b = r.bands();
            String label = CsvOutput.quote(r.typical().label());
            double[] t = b.timesH();
            for (Analyte a : r.typical().model().analytes()) {
                List<double[]> cols = new ArrayList<>();
                for (double p : percentiles) {
                    cols.add(b.ngPerMl(a, p));
                }
                for (int i = 0; i < t.length; i++) {
                    s.setLength(0);
                    s.append(label).append(',').append(a.label()).append(',').append(CsvOutput.number(t[i]));
                    for (int k = 0; k < cols.size(); k++) {
                        // a percentile of too few patients is left out (PercentileSupport)
                        s.append(',').append(PercentileSupport.shown(percentiles[k], c.patients())
                                ? CsvOutput.number(cols.get(k)[i]) : "");
                    }
                    if (effect != null && a == effect.typical().endpoint().analyte()) {
                        effect.csvRow(s, si, i, c.patients());
                    } else if (effect != null) {
                        effect.csvEmpty(s);
                    }
                    out.write(s.append('\n').toString());
                }
            }
        }
        out.flush();
    }

    /**
     * Writes one row per series and virtual patient: covariates, each analyte's metrics (empty where the series'
     * model lacks the analyte), then the patient's random effects of every model's terms (empty where the series'
     * model has no such term).
     */
    static void patientsCsv(Writer out, PopulationComparison c) throws IOException {
        Set<Analyte> analytes = EnumSet.noneOf(Analyte.class);
        Set<String> etas = new LinkedHashSet<>();
        Set<String> kappas = new LinkedHashSet<>();
        for (PopulationReport r : c.series()) {
            analytes.addAll(r.typical().model().analytes());
            VariabilityModel v = r.outcome().variability();
            for (VariabilityModel.Term t : v.terms()) {
                etas.add(t.parameter());
            }
            for (VariabilityModel.Term t : v.occasionTerms()) {
                kappas.add(t.parameter());
            }
        }
        List<Analyte> columns = List.copyOf(analytes);
        StringBuilder s = new StringBuilder(256).append("series,patient,");
        PopulationFiles.appendPatientHeader(s, columns);
        for (String e : etas) {
            s.append(",eta_").append(e);
        }
        for (String k : kappas) {
            s.append(",kappa_").append(k);
        }
        out.write(s.append('\n').toString());
        for (PopulationReport r : c.series()) {
            String label = CsvOutput.quote(r.typical().label());
            List<PatientMetrics> ps = r.outcome().patients();
            VariabilityModel v = r.outcome().variability();
            for (int i = 0; i < ps.size(); i++) {
                s.setLength(0);
                s.append(label).append(',').append(i + 1).append(',');
                PopulationFiles.appendPatientCells(s, ps.get(i), columns, r);
                VariabilityModel.Draw d = r.outcome().randomEffects(i);
                appendByName(s, etas, v.terms(), d.eta());
                appendByName(s, kappas, v.occasionTerms(), d.kappa());
                out.write(s.append('\n').toString());
            }
        }
        out.flush();
    }

    /** Appends, for each name, the draw of the term of that parameter, or an empty cell when there is none. */
    private static void appendByName(StringBuilder s, Set<String> names, List<VariabilityModel.Term> terms,
            double[] draws) {
        for (String name : names) {
            s.append(',');
            for (int j = 0; j < terms.size(); j++) {
                if (terms.get(j).parameter().equals(name)) {
                    s.append(CsvOutput.number(draws[j]));
                    break;
                }
            }
        }
    }

    /** Writes the whole comparison as one JSON document: every series' population run and the paired comparison. */
    static void json(Writer out, PopulationComparison c) throws IOException {
        json(out, c, null);
    }

    /**
     * As {@link #json(Writer, PopulationComparison)}, with, when there is an effect, an {@code effect} object in
     * every series (its typical patient's effect and its bands) and one at the top (the endpoint and what is and is
     * not compared).
     */
    static void json(Writer out, PopulationComparison c, PopulationEffectComparison effect) throws IOException {
        JsonGenerator g = JsonOutput.document(out, "compare --population");
        g.writeObjectFieldStart("pairing");
        g.writeNumberField("patients", c.patients());
        g.writeNumberField("seed", c.reference().outcome().seed());
        g.writeBooleanField("same_random_effects", c.sameRandomEffects());
        g.writeStringField("description", PopulationCompareText.pairing(c));
        g.writeEndObject();
        if (effect != null) {
            effect.jsonSummary(g);
        }
        g.writeArrayFieldStart("series");
        for (int i = 0; i < c.series().size(); i++) {
            PopulationReport r = c.series().get(i);
            g.writeStartObject();
            g.writeStringField("label", r.typical().label());
            PopulationFiles.fields(g, r);
            if (effect != null) {
                effect.json(g, i, c.patients());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("paired");
        for (int i = 1; i < c.series().size(); i++) {
            g.writeStartObject();
            g.writeStringField("reference", c.reference().typical().label());
            g.writeStringField("series", c.series().get(i).typical().label());
            g.writeArrayFieldStart("metrics");
            for (PopulationComparison.PairedMetric m : c.paired(i)) {
                g.writeStartObject();
                g.writeStringField("analyte", m.analyte().label());
                g.writeStringField("metric", m.key());
                g.writeStringField("unit", m.unit());
                g.writeNumberField("patients_compared", m.compared());
                if (m.ratio() != null) {
                    g.writeNumberField("ratio_median", m.ratio().median());
                    boolean shown = PercentileSupport.shown(5, m.compared());
                    PopulationFiles.writeNumberOrNull(g, "ratio_p05", shown, m.ratio().percentile(5));
                    PopulationFiles.writeNumberOrNull(g, "ratio_p95", shown, m.ratio().percentile(95));
                }
                g.writeNumberField("patients_higher", m.higher());
                g.writeNumberField("share_higher", m.higherShare());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonOutput.end(g, out);
    }
}
