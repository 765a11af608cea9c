package org.ketaminepk.cli.report;

import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PlotSize;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.adjust.PatientReport;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ChartWindow;
import org.ketaminepk.cli.chart.ConcentrationChart;
import org.ketaminepk.cli.chart.EffectChart;
import org.ketaminepk.cli.chart.EffectPanel;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.base.TimeGrid;

/** Writes what {@code --csv}, {@code --json}, {@code --plot} and {@code --show} ask for. */
public final class Outputs {
    /** First caption line of every chart: a chart file travels without the terminal text around it. */
    static final String CHART_DISCLAIMER = ChartNotes.DISCLAIMER;

    private Outputs() {
    }

    /**
     * Checks the output files before anything is computed: each can be written, and no two outputs name one file.
     *
     * @param o the output options
     * @return option name to path, for the outputs that go to files
     * @throws InvalidInputException naming the option, the file and the reason
     */
    public static Map<String, Path> checkFiles(OutputOptions o) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("--csv", o.csv);
        targets.put("--json", o.json);
        targets.put("--plot", o.plot);
        return OutputFiles.check(targets);
    }

    /**
     * Checks the output files as {@link #checkFiles(OutputOptions)} does, with one more output that may go to standard
     * output too (a table beside the concentrations): at most one of them may.
     *
     * @param option the extra output's option, e.g. {@code --observed-csv}
     * @param target its value: a file, "-" or null
     * @return option name to path, for the outputs that go to files
     * @throws InvalidInputException naming the extra option when more than one output asks for standard output, or
     *         naming the option, the file and the reason when a file cannot be written
     */
    public static Map<String, Path> checkFiles(OutputOptions o, String option, String target) {
        int onStdout = ("-".equals(o.csv) ? 1 : 0) + ("-".equals(o.json) ? 1 : 0) + ("-".equals(target) ? 1 : 0);
        if (onStdout > 1) {
            throw new InvalidInputException(option.substring(2), "only one of --csv, --json and " + option
                    + " can write to standard output ('-'); send the others to files");
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("--csv", o.csv);
        targets.put("--json", o.json);
        targets.put("--plot", o.plot);
        targets.put(option, target);
        return OutputFiles.check(targets);
    }

    /**
     * Checks the target of the patient report's {@code --json} before anything is computed.
     *
     * @param json the {@code --json} value, "-" or null
     * @return the checked file target, if any, for {@link #writePatientReport}
     */
    public static Map<String, Path> checkPatientJson(String json) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("--json", json);
        return OutputFiles.check(targets);
    }

    /**
     * Writes the patient report as JSON to standard output or, whole or not at all, to the checked file.
     *
     * @param json the {@code --json} value
     * @param files the checked file target, from {@link #checkPatientJson}
     */
    public static void writePatientReport(String json, Map<String, Path> files, PatientReport report,
            PrintWriter stdout) {
        if ("-".equals(json)) {
            OutputFiles.toStdout(stdout, w -> JsonOutput.writePatientReport(w, report));
            return;
        }
        try (OutputFiles out = new OutputFiles()) {
            out.stage("--json", files.get("--json"), OutputFiles.text(w -> JsonOutput.writePatientReport(w, report)));
            out.commit();
        }
    }

    /**
     * Writes the files and opens the window for a finished set of runs. Files appear all together at the end; when
     * one cannot be written, none is replaced.
     *
     * @param files the checked file targets, from {@link #checkFiles}
     */
    public static void write(OutputOptions o, Map<String, Path> files, String command, List<Run> runs, TimeGrid grid,
            String title, String subtitle, PrintWriter stdout, Main app) {
        write(o, files, command, runs, grid, title, subtitle, stdout, app, null);
    }

    /**
     * As {@link #write(OutputOptions, Map, String, List, TimeGrid, String, String, PrintWriter, Main)}, with an
     * effect endpoint: its effect-site concentration and effect in the CSV and the JSON, and on the chart.
     *
     * @param effects the endpoint's results, one per run, or null for none
     */
    public static void write(OutputOptions o, Map<String, Path> files, String command, List<Run> runs, TimeGrid grid,
            String title, String subtitle, PrintWriter stdout, Main app, EffectRuns effects) {
        boolean several = runs.size() > 1;
        JFreeChart chart = null;
        if (o.plot != null || o.show) {
            List<PlotSeries> series = new ArrayList<>();
            for (Run r : runs) {
                series.add(new PlotSeries(several ? r.label() : "", r.result().profile()));
            }
            ChartRequest request = new ChartRequest(title, subtitle, series, o.logScale, captions(runs));
            // with an effect, the time axis fits the effect too: it can outlast the concentrations by weeks
            chart = effects == null ? ConcentrationChart.create(request.withFitTime(o.defaultDuration()))
                    : EffectChart.create(request.withFitTime(o.defaultDuration()), effectPanel(effects));
        }
        try (OutputFiles out = new OutputFiles()) {
            if (files.containsKey("--csv")) {
                out.stage("--csv", files.get("--csv"), OutputFiles.text(w -> CsvOutput.write(w, runs, several, effects)));
            }
            if (files.containsKey("--json")) {
                out.stage("--json", files.get("--json"), OutputFiles.text(w -> JsonOutput.write(w, command, runs, grid, effects)));
            }
            if (files.containsKey("--plot")) {
                PlotSize size = effects == null || !effects.hasEffect() ? o.plotSize()
                        : o.plotSize(new PlotSize(ChartFiles.DEFAULT_WIDTH_PX, EffectChart.HEIGHT_PX));
                out.stagePlot(files.get("--plot"), chart, size);
            }
            if ("-".equals(o.csv)) {
                OutputFiles.toStdout(stdout, w -> CsvOutput.write(w, runs, several, effects));
            }
            if ("-".equals(o.json)) {
                OutputFiles.toStdout(stdout, w -> JsonOutput.write(w, command, runs, grid, effects));
            }
            out.commit();
        }
        if (o.show) {
            ChartWindow.show(chart, title);
            app.windowOpened = true;
        }
    }

    /** @return the chart's effect panel: each result's curves, named by what drives them */
    static EffectPanel effectPanel(EffectRuns effects) {
        List<String> names = new ArrayList<>();
        for (EffectResult r : effects.results()) {
            names.add(effects.effectSiteName(r));
        }
        return EffectPanel.of(effects.results(), names, effects.level());
    }

    /** @return the chart's caption ({@link ChartNotes}) */
    static List<String> captions(List<Run> runs) {
        return ChartNotes.lines(runs);
    }

    /**
     * Writes {@code chart} straight to {@code file} at the default size, PNG or SVG as the file's name says (not
     * staged: for commands that write the chart as their only file).
     *
     * @param option the option that named the file, for the message
     * @throws InvalidInputException naming the option, the file and the reason when it cannot be written
     */
    public static void writeChart(String option, Path file, JFreeChart chart) {
        ChartFiles.Format format = ChartFiles.Format.of(file);
        try (OutputStream stream = Files.newOutputStream(file)) {
            ChartFiles.write(chart, format, stream, ChartFiles.DEFAULT_WIDTH_PX, ChartFiles.DEFAULT_HEIGHT_PX);
        } catch (IOException e) {
            throw OutputOptions.cannotWrite(option, file.toString(), e);
        }
    }
}
