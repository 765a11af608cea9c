package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.core.JsonGenerator;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.cli.options.InputFiles;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ChartWindow;
import org.ketaminepk.cli.chart.MeasuredPoints;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PlotSize;
import org.ketaminepk.fit.Level;
import org.ketaminepk.fit.LevelCheck;
import org.ketaminepk.fit.LevelsCsv;

/**
 * Measured levels given with {@code --observed}, set against each simulated series: the table of measured and
 * predicted concentrations with their ratio and the geometric mean fold error (text), an {@code observed} section in
 * the JSON document, one CSV row per level and series ({@code --observed-csv}), and the points on the chart
 * ({@link MeasuredPoints}). The file format is the one {@code fit --observed} reads ({@link LevelsCsv}). Immutable.
 */
public final class MeasuredLevels {
    private final String source;
    private final List<Run> runs;
    private final List<LevelCheck> checks;

    private MeasuredLevels(String source, List<Run> runs, List<LevelCheck> checks) {
        this.source = source;
        this.runs = List.copyOf(runs);
        this.checks = List.copyOf(checks);
    }

    /**
     * Reads a levels file.
     *
     * @param file the file
     * @return its levels, in file order
     * @throws InvalidInputException naming the file, line and column of a bad cell, or a missing file
     */
    public static List<Level> read(Path file) {
        try (Reader r = InputFiles.open(file)) {
            return LevelsCsv.read(r, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("observed", "levels file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("observed", "levels file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Predicts every level for every series.
     *
     * @param source the file name, for messages and the JSON document
     * @param levels the levels
     * @param runs the simulated series
     * @param grid the simulated grid: every level must lie on it, so that the chart shows it
     * @return the levels with their predictions
     * @throws InvalidInputException for a level after the grid's end, or of an analyte a model does not predict
     */
    public static MeasuredLevels of(String source, List<Level> levels, List<Run> runs, TimeGrid grid) {
        for (int j = 0; j < levels.size(); j++) {
            Level l = levels.get(j);
            if (l.timeH() > grid.endH()) {
                throw new InvalidInputException("duration", source + ": level " + (j + 1) + " (" + l.analyte()
                        .label() + " at " + Checks.fmt(l.timeH()) + " h) is after the end of the simulation at "
                        + Checks.fmt(grid.endH()) + " h; give --duration " + Checks.fmt(Math.ceil(l.timeH()))
                        + "h or longer");
            }
        }
        List<LevelCheck> checks = new ArrayList<>();
        for (Run r : runs) {
            try {
                checks.add(LevelCheck.of(r.result().individual(), r.regimen(), r.dosingWeightKg(), levels));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("observed", source + ", " + e.getMessage()
                        + "; leave such levels out or choose a model that predicts them");
            }
        }
        return new MeasuredLevels(source, runs, checks);
    }

    /** @return one check per series, in series order */
    public List<LevelCheck> checks() {
        return checks;
    }

    /** Prints the table and the geometric mean fold error of each series. */
    public void text(PrintWriter w) {
        boolean several = runs.size() > 1;
        List<String> header = new ArrayList<>(List.of("time (h)", "analyte", "measured (ng/mL)"));
        for (Run r : runs) {
            String suffix = several ? " " + r.label() : "";
            header.add("predicted" + suffix + " (ng/mL)");
            header.add("ratio" + suffix);
        }
        Text.Table t = new Text.Table(true, header.toArray(String[]::new));
        List<LevelCheck.Row> first = checks.get(0).rows();
        for (int j = 0; j < first.size(); j++) {
            Level l = first.get(j).level();
            List<String> cells = new ArrayList<>(List.of(Checks.fmt(l.timeH()), l.analyte().label(),
                    (l.censored() ? "<" : "") + Text.sig(l.valueOrLloqNgPerMl(), 4) + (l.censored() ? " (LLOQ)" : "")));
            for (LevelCheck c : checks) {
                LevelCheck.Row row = c.rows().get(j);
                cells.add(Text.sig(row.predictedNgPerMl(), 4));
                cells.add(ratio(row));
            }
            t.row(cells.toArray(String[]::new));
        }
        w.println();
        w.println("Measured levels (" + source + ") against the prediction for this patient; ratio = measured / "
                + "predicted");
        for (String line : t.render(0)) {
            w.println(line);
        }
        for (int i = 0; i < runs.size(); i++) {
            LevelCheck c = checks.get(i);
            String who = several ? runs.get(i).label() + ": " : "";
            // a level measured as 0, or predicted as 0, has a ratio without a logarithm: say it is left out
            long noLog = c.rows().stream().filter(row -> row.ratio().isPresent() && !(row.ratio().getAsDouble() > 0
                    && Double.isFinite(row.ratio().getAsDouble()))).count();
            String left = noLog == 0 ? "" : String.format(Locale.ROOT, ", nor %d level%s measured or predicted as 0",
                    noLog, noLog == 1 ? "" : "s");
            String line = who + "geometric mean fold error " + (c.compared() == 0 ? "not defined (no quantified "
                    + "level with a positive measurement and prediction" + left.replace(", nor", "; not counted:")
                    + ")" : String.format(Locale.ROOT, "%.2f", c.geometricMeanFoldError().getAsDouble()) + " over "
                    + c.compared() + " level" + (c.compared() == 1 ? "" : "s") + " (exp of the mean |ln ratio|; 1 = "
                    + "every prediction exact; censored levels not counted" + left + ")");
            for (String l : Text.wrap(line, 100)) {
                w.println(l);
            }
        }
        w.flush();
    }

    private static String ratio(LevelCheck.Row row) {
        if (row.level().censored()) {
            return row.predictedNgPerMl() < row.level().valueOrLloqNgPerMl() ? "<LLOQ, as predicted"
                    : "<LLOQ, predicted above";
        }
        double r = row.ratio().getAsDouble();
        return Double.isFinite(r) ? Text.twoDecimals(r) : "none (prediction 0)";
    }

    /** @return the row's ratio for the CSV file: empty for a censored level and for a prediction of 0 */
    private static String finiteRatio(LevelCheck.Row row) {
        OptionalDouble r = row.ratio();
        return r.isPresent() && Double.isFinite(r.getAsDouble()) ? CsvOutput.number(r.getAsDouble()) : "";
    }

    /** Writes the {@code observed} section of the JSON document. */
    void json(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("observed");
        g.writeStringField("source", source);
        g.writeStringField("ratio", "measured / predicted");
        g.writeArrayFieldStart("series");
        for (int i = 0; i < runs.size(); i++) {
            LevelCheck c = checks.get(i);
            g.writeStartObject();
            g.writeStringField("label", runs.get(i).label());
            if (c.compared() > 0) {
                g.writeNumberField("geometric_mean_fold_error", c.geometricMeanFoldError().getAsDouble());
            } else {
                g.writeNullField("geometric_mean_fold_error");
            }
            g.writeNumberField("levels_compared", c.compared());
            g.writeArrayFieldStart("levels");
            for (LevelCheck.Row row : c.rows()) {
                Level l = row.level();
                g.writeStartObject();
                g.writeNumberField("time_h", l.timeH());
                g.writeStringField("analyte", l.analyte().label());
                if (l.censored()) {
                    g.writeNullField("measured_ng_per_mL");
                } else {
                    g.writeNumberField("measured_ng_per_mL", l.valueNgPerMl().getAsDouble());
                }
                if (l.lloqNgPerMl().isPresent()) {
                    g.writeNumberField("lloq_ng_per_mL", l.lloqNgPerMl().getAsDouble());
                }
                g.writeBooleanField("censored", l.censored());
                g.writeNumberField("predicted_ng_per_mL", row.predictedNgPerMl());
                OptionalDouble ratio = row.ratio();
                if (ratio.isPresent() && Double.isFinite(ratio.getAsDouble())) {
                    g.writeNumberField("ratio", ratio.getAsDouble());
                } else {
                    g.writeNullField("ratio");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Writes one row per level and series: {@code [series,]time_h,analyte,measured_ng_per_mL,lloq_ng_per_mL,
     * censored,predicted_ng_per_mL,ratio}; a censored level has an empty measured value and ratio.
     */
    void csv(Writer w) throws IOException {
        boolean several = runs.size() > 1;
        w.write((several ? "series," : "") + "time_h,analyte,measured_ng_per_mL,lloq_ng_per_mL,censored,"
                + "predicted_ng_per_mL,ratio\n");
        for (int i = 0; i < runs.size(); i++) {
            for (LevelCheck.Row row : checks.get(i).rows()) {
                Level l = row.level();
                StringBuilder b = new StringBuilder();
                if (several) {
                    b.append(CsvOutput.quote(runs.get(i).label())).append(',');
                }
                b.append(CsvOutput.number(l.timeH())).append(',').append(l.analyte().label()).append(',')
                        .append(optional(l.valueNgPerMl())).append(',')
                        .append(optional(l.lloqNgPerMl()))
                        .append(',').append(l.censored()).append(',')
                        .append(CsvOutput.number(row.predictedNgPerMl())).append(',')
                        .append(finiteRatio(row)).append('\n');
                w.write(b.toString());
            }
        }
        w.flush();
    }

    /**
     * Checks every output target before anything is computed, {@code --observed-csv} included.
     *
     * @param o the output options
     * @param observedCsv the {@code --observed-csv} value, or null
     * @return option name to path, for the outputs that go to files
     */
    public static Map<String, Path> checkFiles(OutputOptions o, String observedCsv) {
        return Outputs.checkFiles(o, "--observed-csv", observedCsv);
    }

    /**
     * Writes the files and opens the window, as {@link Outputs#write} does, with the measured levels on the chart, in
     * the JSON document and in {@code --observed-csv}.
     *
     * @param files the checked targets, from {@link #checkFiles}
     */
    public void write(OutputOptions o, String observedCsv, Map<String, Path> files, String command, TimeGrid grid,
            String title, String subtitle, PrintWriter stdout, Main app) {
        boolean several = runs.size() > 1;
        JFreeChart chart = null;
        if (o.plot != null || o.show) {
            List<PlotSeries> series = new ArrayList<>();
            for (Run r : runs) {
                series.add(new PlotSeries(several ? r.label() : "", r.result().profile()));
            }
            chart = MeasuredPoints.create(new ChartRequest(title, subtitle, series, o.logScale,
                    Outputs.captions(runs)), checks.get(0).rows().stream().map(LevelCheck.Row::level).toList());
        }
        JsonOutput.Section observed = this::json;
        try (OutputFiles out = new OutputFiles()) {
            if (files.containsKey("--csv")) {
                out.stage("--csv", files.get("--csv"), OutputFiles.text(w -> CsvOutput.write(w, runs, several)));
            }
            if (files.containsKey("--json")) {
                out.stage("--json", files.get("--json"), OutputFiles.text(w -> JsonOutput.write(w, command, runs,
                        grid, observed)));
            }
            if (files.containsKey("--observed-csv")) {
                out.stage("--observed-csv", files.get("--observed-csv"), OutputFiles.text(this::csv));
            }
            if (files.containsKey("--plot")) {
                PlotSize size = o.plotSize();
                out.stagePlot(files.get("--plot"), chart, size);
            }
            if ("-".equals(o.csv)) {
                OutputFiles.toStdout(stdout, w -> CsvOutput.write(w, runs, several));
            }
            if ("-".equals(o.json)) {
                OutputFiles.toStdout(stdout, w -> JsonOutput.write(w, command, runs, grid, observed));
            }
            if ("-".equals(observedCsv)) {
                OutputFiles.toStdout(stdout, this::csv);
            }
            out.commit();
        }
        if (o.show) {
            ChartWindow.show(chart, title);
            app.windowOpened = true;
        }
    }

    /** @return the number as the CSV writes it, "" when absent */
    private static String optional(OptionalDouble v) {
        return v.isPresent() ? CsvOutput.number(v.getAsDouble()) : "";
    }
}
