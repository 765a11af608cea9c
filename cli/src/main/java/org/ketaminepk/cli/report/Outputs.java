package org.ketaminepk.cli.report;

import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.options.OutputOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ChartWindow;
import org.ketaminepk.cli.chart.ConcentrationChart;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.base.TimeGrid;

/** Writes what {@code --csv}, {@code --json}, {@code --plot} and {@code --show} ask for. */
public final class Outputs {
    /** First caption line of every chart: a chart file travels without the terminal text around it. */
    static final String CHART_DISCLAIMER = "ketamine-pk: a teaching and review tool, not a dosing device.";

    private Outputs() {
    }

    /** The files and the window for a finished set of runs. */
    public static void write(OutputOptions o, String command, List<Run> runs, TimeGrid grid, String title,
            String subtitle, PrintWriter stdout, Main app) {
        boolean several = runs.size() > 1;
        if (o.csv != null) {
            data("--csv", o.csv, stdout, w -> CsvOutput.write(w, runs, several));
        }
        if (o.json != null) {
            data("--json", o.json, stdout, w -> JsonOutput.write(w, command, runs, grid));
        }
        if (o.plot == null && !o.show) {
            return;
        }
        List<PlotSeries> series = new ArrayList<>();
        for (Run r : runs) {
            series.add(new PlotSeries(several ? r.label() : "", r.result().profile()));
        }
        JFreeChart chart = ConcentrationChart.create(new ChartRequest(title, subtitle, series, o.logScale,
                captions(runs)));
        if (o.plot != null) {
            int[] size = o.plotSizePx();
            ChartFiles.write(chart, path("--plot", o.plot), size[0], size[1]);
        }
        if (o.show) {
            ChartWindow.show(chart, title);
            app.windowOpened = true;
        }
    }

    /** @return the chart's caption: the disclaimer, then warnings and notes (prefixed by series when several) */
    static List<String> captions(List<Run> runs) {
        Set<String> lines = new LinkedHashSet<>();
        lines.add(CHART_DISCLAIMER);
        for (Run r : runs) {
            String prefix = runs.size() > 1 ? r.label() + ": " : "";
            for (String w : Run.collapse(r.warnings(), 1)) {
                lines.add(prefix + w);
            }
            for (String n : r.notes()) {
                lines.add(prefix + n);
            }
        }
        return new ArrayList<>(lines);
    }

    private interface Body {
        public void write(Writer w) throws IOException;
    }

    private static void data(String option, String target, PrintWriter stdout, Body body) {
        if ("-".equals(target)) {
            try {
                body.write(stdout);
            } catch (IOException e) {
                throw new IllegalStateException("writing to standard output failed", e);
            }
            stdout.flush();
            return;
        }
        Path p = path(option, target);
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw OutputOptions.cannotWrite(option, target, e);
        }
    }

    private static Path path(String option, String target) {
        try {
            return Path.of(target);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(option.substring(2), option + ": '" + target + "' is not a valid file "
                    + "name: " + e.getReason());
        }
    }
}
