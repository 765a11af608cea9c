package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ChartWindow;
import org.ketaminepk.cli.chart.EffectChart;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.cli.chart.PopulationChart;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PlotSize;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.result.AnalyteMetrics;

/**
 * The files of a population run: {@code --csv} holds the percentile bands over time (one column per analyte and
 * percentile), {@code --population-csv} one row per virtual patient, {@code --json} all of it, {@code --plot} the
 * chart with bands. Checked before the run and written whole or not at all, as {@link Outputs} writes the others.
 */
public final class PopulationFiles {
    private PopulationFiles() {
    }

    /**
     * Checks every output target before anything is computed.
     *
     * @param o the output options
     * @param populationCsv the {@code --population-csv} value, or null
     * @return option name to path, for the outputs that go to files
     * @throws InvalidInputException naming the option, the file and the reason
     */
    public static Map<String, Path> checkFiles(OutputOptions o, String populationCsv) {
        int onStdout = ("-".equals(o.csv) ? 1 : 0) + ("-".equals(o.json) ? 1 : 0) + ("-".equals(populationCsv) ? 1
                : 0);
        if (onStdout > 1) {
            throw new InvalidInputException("population-csv", "only one of --csv, --json and --population-csv can "
                    + "write to standard output ('-'); send the others to files");
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("--csv", o.csv);
        targets.put("--json", o.json);
        targets.put("--plot", o.plot);
        targets.put("--population-csv", populationCsv);
        return OutputFiles.check(targets);
    }

    /**
     * Writes the files and opens the window. Files appear all together at the end; when one cannot be written,
     * none is replaced.
     *
     * @param files the checked targets, from {@link #checkFiles}
     */
    public static void write(OutputOptions o, String populationCsv, Map<String, Path> files, PopulationReport r,
            String title, PrintWriter stdout, Main app) {
        write(o, populationCsv, files, r, title, stdout, app, null);
    }

    /**
     * As {@link #write(OutputOptions, String, Map, PopulationReport, String, PrintWriter, Main)}, with the
     * population's effect: its bands as further CSV columns, an {@code effect} object in the JSON, and the effect
     * panel on the chart.
     *
     * @param effect the population's effect, or null for none
     */
    public static void write(OutputOptions o, String populationCsv, Map<String, Path> files, PopulationReport r,
            String title, PrintWriter stdout, Main app, PopulationEffect effect) {
        JFreeChart chart = null;
        if (o.plot != null || o.show) {
            List<String> caption = new ArrayList<>();
            caption.add(ChartNotes.disclaimer(List.of(r.typical())));
            caption.addAll(r.notes());
            // the subtitle says which band is not drawn
            caption.remove(r.fewPatientsNote());
            ChartRequest request = new ChartRequest(title, r.subtitle(),
                    List.of(new PlotSeries("", r.typical().result().profile())), o.logScale, caption);
            int n = r.outcome().size();
            chart = effect == null ? PopulationChart.create(request, r.bands(), n)
                    : EffectChart.createPopulation(request.withFitTime(o.defaultDuration()), r.bands(),
                            effect.panel(), n);
        }
        try (OutputFiles out = new OutputFiles()) {
            if (files.containsKey("--csv")) {
                out.stage("--csv", files.get("--csv"), OutputFiles.text(w -> bandsCsv(w, r, effect)));
            }
            if (files.containsKey("--json")) {
                out.stage("--json", files.get("--json"), OutputFiles.text(w -> json(w, r, effect)));
            }
            if (files.containsKey("--population-csv")) {
                out.stage("--population-csv", files.get("--population-csv"), OutputFiles.text(w -> patientsCsv(w, r)));
            }
            if (files.containsKey("--plot")) {
                PlotSize size = effect == null || effect.effect() == null ? o.plotSize()
                        : o.plotSize(new PlotSize(ChartFiles.DEFAULT_WIDTH_PX, EffectChart.HEIGHT_PX));
                out.stagePlot(files.get("--plot"), chart, size);
            }
            if ("-".equals(o.csv)) {
                OutputFiles.toStdout(stdout, w -> bandsCsv(w, r, effect));
            }
            if ("-".equals(o.json)) {
                OutputFiles.toStdout(stdout, w -> json(w, r, effect));
            }
            if ("-".equals(populationCsv)) {
                OutputFiles.toStdout(stdout, w -> patientsCsv(w, r));
            }
            out.commit();
        }
        if (o.show) {
            ChartWindow.show(chart, title);
            app.windowOpened = true;
        }
    }

    /** @return the CSV column of one analyte's percentile: {@code ketamine_p05_ng_per_mL} */
    static String bandColumn(Analyte a, double percentile) {
        return String.format(Locale.ROOT, "%s_p%02d_ng_per_mL", a.label(), Math.round(percentile));
    }

    /** Writes the bands: time, then per analyte the 5th, 25th, 50th, 75th and 95th percentiles. */
    static void bandsCsv(Writer out, PopulationReport r) throws IOException {
        bandsCsv(out, r, null);
    }

    /** As {@link #bandsCsv(Writer, PopulationReport)}, then the effect's bands when there is an effect. */
    static void bandsCsv(Writer out, PopulationReport r, PopulationEffect effect) throws IOException {
        PercentileBands b = r.bands();
        List<Analyte> analytes = List.copyOf(r.typical().model().analytes());
        StringBuilder s = new StringBuilder(256).append("time_h");
        int n = r.outcome().size();
        List<double[]> cols = new ArrayList<>();
        for (Analyte a : analytes) {
            for (double p : b.percentiles()) {
                s.append(',').append(bandColumn(a, p));
                // a percentile of too few patients is left out: its column stays, its cells are empty
                cols.add(PercentileSupport.shown(p, n) ? b.ngPerMl(a, p) : null);
            }
        }
        if (effect != null) {
            for (String c : effect.csvColumns()) {
                s.append(',').append(c);
            }
        }
        out.write(s.append('\n').toString());
        double[] t = b.timesH();
        for (int i = 0; i < t.length; i++) {
            s.setLength(0);
            s.append(CsvOutput.number(t[i]));
            for (double[] c : cols) {
                s.append(',').append(c == null ? "" : CsvOutput.number(c[i]));
            }
            if (effect != null) {
                effect.csvRow(s, i, n);
            }
            out.write(s.append('\n').toString());
        }
        out.flush();
    }

    /** Writes one row per virtual patient: covariates, each analyte's metrics, then the patient's random effects. */
    static void patientsCsv(Writer out, PopulationReport r) throws IOException {
        List<Analyte> analytes = List.copyOf(r.typical().model().analytes());
        StringBuilder s = new StringBuilder(256).append("patient,");
        appendPatientHeader(s, analytes);
        // each patient's random effects, on each term's scale: η between patients, κ between occasions
        VariabilityModel v = r.outcome().variability();
        for (VariabilityModel.Term t : v.terms()) {
            s.append(",eta_").append(t.parameter());
        }
        for (VariabilityModel.Term t : v.occasionTerms()) {
            s.append(",kappa_").append(t.parameter());
        }
        out.write(s.append('\n').toString());
        List<PatientMetrics> ps = r.outcome().patients();
        for (int i = 0; i < ps.size(); i++) {
            s.setLength(0);
            s.append(i + 1).append(',');
            appendPatientCells(s, ps.get(i), analytes, r);
            VariabilityModel.Draw d = r.outcome().randomEffects(i);
            for (double eta : d.eta()) {
                s.append(',').append(CsvOutput.number(eta));
            }
            for (double kappa : d.kappa()) {
                s.append(',').append(CsvOutput.number(kappa));
            }
            out.write(s.append('\n').toString());
        }
        out.flush();
    }

    /**
     * Appends the header of one patient's covariates and metrics: age, weight, height, sex, then per analyte Cmax,
     * Tmax, AUC and, for ketamine, the hours in the band.
     */
    static void appendPatientHeader(StringBuilder s, List<Analyte> analytes) {
        s.append("age_years,weight_kg,height_cm,sex");
        for (Analyte a : analytes) {
            String n = a.label();
            s.append(',').append(n).append("_cmax_ng_per_mL,").append(n).append("_tmax_h,").append(n)
                    .append("_auc_ng_h_per_mL");
            if (a == Analyte.KETAMINE) {
                s.append(",ketamine_hours_in_band_h");
            }
        }
    }

    /**
     * Appends the cells of {@link #appendPatientHeader} for one patient; empty cells for an analyte that the run's
     * model does not predict.
     */
    static void appendPatientCells(StringBuilder s, PatientMetrics pm, List<Analyte> analytes, PopulationReport r) {
        Patient p = pm.patient();
        s.append(CsvOutput.number(p.ageYears())).append(',').append(CsvOutput.number(p.weightKg())).append(',')
                .append(CsvOutput.number(p.heightCm())).append(',').append(p.sex().name().toLowerCase(Locale.ROOT));
        for (Analyte a : analytes) {
            if (!r.typical().model().analytes().contains(a)) {
                s.append(a == Analyte.KETAMINE ? ",,,," : ",,,");
                continue;
            }
            AnalyteMetrics m = pm.get(a);
            // an empty Tmax cell where the curve stays at 0: no peak to time
            s.append(',').append(CsvOutput.number(m.cmaxNgPerMl())).append(',')
                    .append(m.hasPeak() ? CsvOutput.number(m.tmaxH()) : "").append(',').append(CsvOutput.number(m.aucNgHPerMl()));
            if (a == Analyte.KETAMINE) {
                s.append(',').append(CsvOutput.number(m.timeInBandH(r.typical().band())));
            }
        }
    }

    /** Writes a band's values as an array, or {@code null} for a percentile of too few patients. */
    static void writeBand(JsonGenerator g, double[] values, boolean shown) throws IOException {
        if (shown) {
            g.writeArray(values, 0, values.length);
        } else {
            g.writeNull();
        }
    }

    /** Writes a number field, or a {@code null} one for a percentile of too few patients. */
    static void writeNumberOrNull(JsonGenerator g, String name, boolean shown, double value) throws IOException {
        if (shown) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    /** Writes the whole population run as one JSON document. */
    static void json(Writer out, PopulationReport r) throws IOException {
        json(out, r, null);
    }

    /** As {@link #json(Writer, PopulationReport)}, with an {@code effect} object when there is an effect. */
    static void json(Writer out, PopulationReport r, PopulationEffect effect) throws IOException {
        JsonGenerator g = JsonOutput.document(out, "simulate --population");
        fields(g, r);
        if (effect != null) {
            effect.json(g, r.outcome().size());
        }
        JsonOutput.end(g, out);
    }

    /**
     * Writes the population run's fields (model, population, variability, band, distributions, probabilities,
     * percentile bands, warnings, notes and patients) into the object {@code g} is in, for every document that
     * holds a population run.
     */
    public static void fields(JsonGenerator g, PopulationReport r) throws IOException {
        g.writeStringField("model", r.typical().model().id());
        g.writeObjectFieldStart("population");
        g.writeNumberField("patients", r.outcome().size());
        g.writeNumberField("seed", r.outcome().seed());
        g.writeNumberField("patients_with_exact_metrics", r.exactPatients());
        g.writeStringField("metrics_method", r.metricsMethod());
        g.writeStringField("covariates", r.covariates() != null ? r.covariates() : "every patient: "
                + Text.patient(r.typical().patient()));
        g.writeBooleanField("observed_like", r.bands().observedLike());
        g.writeEndObject();
        g.writeObjectFieldStart("variability");
        g.writeStringField("label", r.variabilityLabel());
        g.writeBooleanField("user_assumption", r.outcome().userAssumption());
        g.writeArrayFieldStart("provenance");
        for (String line : r.outcome().variability().provenance()) {
            g.writeString(line);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("band");
        g.writeStringField("analyte", "ketamine");
        g.writeNumberField("low_ng_per_mL", r.typical().band().lowNgPerMl());
        g.writeNumberField("high_ng_per_mL", r.typical().band().highNgPerMl());
        g.writeStringField("source", r.typical().bandSource());
        g.writeEndObject();
        g.writeArrayFieldStart("distributions");
        for (PopulationReport.MetricRow m : r.metricRows()) {
            g.writeStartObject();
            g.writeStringField("analyte", m.analyte().label());
            g.writeStringField("metric", m.key());
            g.writeStringField("unit", m.unit());
            g.writeNumberField("median", m.summary().median());
            boolean shown = PercentileSupport.shown(5, r.outcome().size());
            writeNumberOrNull(g, "p05", shown, m.summary().percentile(5));
            writeNumberOrNull(g, "p95", shown, m.summary().percentile(95));
            g.writeNumberField("mean", m.summary().mean());
            if (m.summary().geometricMean().isPresent()) {
                g.writeNumberField("geometric_mean", m.summary().geometricMean().getAsDouble());
            }
            if (m.summary().cvPercent().isPresent()) {
                g.writeNumberField("cv_percent", m.summary().cvPercent().getAsDouble());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("probabilities");
        for (Probability p : r.probabilities()) {
            g.writeStartObject();
            g.writeStringField("event", p.what());
            g.writeNumberField("count", p.count());
            g.writeNumberField("total", p.total());
            g.writeNumberField("probability", p.fraction());
            g.writeNumberField("lower_95", p.lower95());
            g.writeNumberField("upper_95", p.upper95());
            g.writeEndObject();
        }
        g.writeEndArray();
        PercentileBands b = r.bands();
        g.writeObjectFieldStart("percentile_bands");
        g.writeNumberField("relative_accuracy", b.relativeAccuracy());
        // the rule behind the nulls below: the fewest patients from which each percentile is given
        g.writeObjectFieldStart("patients_needed");
        for (double p : b.percentiles()) {
            g.writeNumberField(String.format(Locale.ROOT, "p%02d", Math.round(p)), PercentileSupport.patientsNeeded(p));
        }
        g.writeEndObject();
        g.writeFieldName("time_h");
        g.writeArray(b.timesH(), 0, b.timesH().length);
        for (Analyte a : r.typical().model().analytes()) {
            g.writeObjectFieldStart(a.label() + "_ng_per_mL");
            for (double p : b.percentiles()) {
                g.writeFieldName(String.format(Locale.ROOT, "p%02d", Math.round(p)));
                writeBand(g, b.ngPerMl(a, p), PercentileSupport.shown(p, r.outcome().size()));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("warnings");
        for (PopulationReport.WarningCount c : r.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", c.warning().code().name().toLowerCase(Locale.ROOT));
            g.writeStringField("message", c.warning().message());
            g.writeNumberField("patients", c.patients());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("patients");
        for (PatientMetrics pm : r.outcome().patients()) {
            Patient p = pm.patient();
            g.writeStartObject();
            g.writeNumberField("age_years", p.ageYears());
            g.writeNumberField("weight_kg", p.weightKg());
            g.writeNumberField("height_cm", p.heightCm());
            g.writeStringField("sex", p.sex().name().toLowerCase(Locale.ROOT));
            for (Analyte a : r.typical().model().analytes()) {
                AnalyteMetrics m = pm.get(a);
                g.writeObjectFieldStart(a.label());
                g.writeNumberField("cmax_ng_per_mL", m.cmaxNgPerMl());
                if (m.hasPeak()) {
                    g.writeNumberField("tmax_h", m.tmaxH());
                } else {
                    g.writeNullField("tmax_h");
                }
                g.writeNumberField("auc_ng_h_per_mL", m.aucNgHPerMl());
                if (a == Analyte.KETAMINE) {
                    g.writeNumberField("hours_in_band_h", m.timeInBandH(r.typical().band()));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
