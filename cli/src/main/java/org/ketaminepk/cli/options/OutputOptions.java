package org.ketaminepk.cli.options;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.ConcentrationBands;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.result.Band;

import picocli.CommandLine.Option;

/**
 * Options shared by {@code simulate} and {@code compare} that shape the output: the time grid, the concentration
 * band the metrics use, and the files written.
 */
public final class OutputOptions {
    /** Default output step, h (one minute: fine enough to catch the peak of a 40-min infusion). */
    static final double DEFAULT_STEP_H = 1.0 / 60;
    /** Wash-out simulated after the last input ends when {@code --duration} is not given, h. */
    public static final double DEFAULT_WASHOUT_H = 24;
    /** The band of the metrics when {@code --band} is not given: analgesia with racemic ketamine. */
    public static final Band DEFAULT_BAND = ConcentrationBands.ANALGESIC.range();
    /** Where {@link #DEFAULT_BAND} comes from, as the summary and the JSON quote it. */
    public static final String DEFAULT_BAND_SOURCE = "analgesia with racemic ketamine after "
            + ConcentrationBands.ANALGESIC.doseContext() + "; Zanos P et al. Pharmacol Rev 2018;70:621-660, Table 1";

    @Option(names = "--duration", paramLabel = "TIME", converter = Converters.Hours.class,
            description = "Simulated time from the first dose, e.g. 12h, 6d, 90min. Default: until the last "
                    + "input ends, plus 24 h of wash-out, rounded up to a whole hour.")
    Double durationH;

    @Option(names = "--step", paramLabel = "TIME", converter = Converters.Hours.class,
            description = "Output step, e.g. 1min, 30s, 0.5h (default 1min). At most 10000000 points, and no "
                    + "more than the Java heap holds.")
    Double stepH;

    @Option(names = "--band", paramLabel = "LOW-HIGH", converter = Converters.BandNgPerMl.class,
            description = "Ketamine band for 'time in band' and 'time to fall below', ng/mL (default 70-160, "
                    + "analgesia with racemic ketamine, Zanos 2018 Table 1).")
    Band band;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write the concentrations as CSV ('-' for "
            + "standard output; the summary then goes to standard error).")
    public String csv;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write concentrations, metrics, warnings and "
            + "adjustments as JSON ('-' for standard output).")
    public String json;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "Draw the concentrations to a PNG "
            + "or SVG file. Without --duration the time axis ends where the curves have levelled out (every "
            + "metric still covers the whole wash-out).")
    public String plot;

    @Option(names = "--plot-size", paramLabel = "WxH", converter = Converters.PlotSizePx.class,
            description = "Chart size in pixels (default 1600x900; 1600x1200 with --effect).")
    PlotSize plotSize;

    @Option(names = "--show", description = "Show the chart in a window (needs a display).")
    public boolean show;

    @Option(names = "--log-scale", description = "Logarithmic concentration axis.")
    public boolean logScale;

    /** Refuses impossible combinations before anything is computed. */
    public void checkBeforeRun() {
        if ("-".equals(csv) && "-".equals(json)) {
            throw new InvalidInputException("csv", "--csv - and --json - cannot both write to standard output; "
                    + "send one of them to a file");
        }
        if (plot != null) {
            String lower = plot.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".png") && !lower.endsWith(".svg")) {
                throw new InvalidInputException("plot", "--plot must name a .png or .svg file but was '" + plot + "'");
            }
            if (lower.endsWith(".png")) {
                // the image is drawn whole in memory: past the heap it ended in OutOfMemoryError and a stack trace
                MemoryBudget.checkPng(plotSize().widthPx(), plotSize().heightPx());
            }
        }
        if (plot == null && !show) {
            // both shape a chart only: without one they would be accepted and do nothing
            if (logScale) {
                throw new InvalidInputException("log-scale", "--log-scale applies to a chart; add --plot FILE.png "
                        + "(or .svg) or --show, or leave it out");
            }
            if (plotSize != null) {
                throw new InvalidInputException("plot-size", "--plot-size applies to a chart; add --plot FILE.png "
                        + "(or .svg) or --show, or leave it out");
            }
        }
        if (show && GraphicsEnvironment.isHeadless()) {
            throw new InvalidInputException("show", "--show needs a display, and none is available (headless "
                    + "system or no DISPLAY); write the chart with --plot FILE.png instead");
        }
    }

    /** @return whether CSV or JSON goes to standard output (so that the summary must not) */
    public boolean dataOnStdout() {
        return "-".equals(csv) || "-".equals(json);
    }

    /** @return the output step, h */
    double stepH() {
        return stepH == null ? DEFAULT_STEP_H : stepH;
    }

    /**
     * @param lastInputEndH when the last dose's input ends, h
     * @return the output grid: {@code --duration} or the default, every {@code --step}
     */
    public TimeGrid grid(double lastInputEndH) {
        double end = durationH == null ? Math.ceil(lastInputEndH + DEFAULT_WASHOUT_H - 1e-9) : durationH;
        if (durationH == null && end > TimeGrid.MAX_TIME_H) {
            throw new InvalidInputException("duration", String.format(Locale.ROOT, "the last input ends at %s; "
                    + "with %s h of wash-out the default duration would be %s h, beyond the longest simulation of "
                    + "%s h; give --duration %sh or less", Text.hoursMinutes(lastInputEndH),
                    Checks.fmt(DEFAULT_WASHOUT_H), Checks.fmt(end), Checks.fmt(TimeGrid.MAX_TIME_H), Checks.fmt(TimeGrid.MAX_TIME_H)));
        }
        double s = stepH();
        try {
            return TimeGrid.uniform(end, s);
        } catch (InvalidInputException e) {
            if ("step".equals(e.field()) && s > end) {
                // the limit is the run's length, which the user may not have chosen
                throw new InvalidInputException("step", String.format(Locale.ROOT, "--step must be at most the "
                        + "length of the run, %s (%s), but was %s; give a shorter --step or a longer --duration",
                        Text.step(end), durationH == null ? "the default: the last input's end, "
                                + Text.hoursMinutes(lastInputEndH) + ", plus " + Checks.fmt(DEFAULT_WASHOUT_H)
                                + " h of wash-out" : "--duration", Text.step(s)));
            }
            throw "step".equals(e.field()) ? e.renamed("step", "--step") : e.renamed("duration", "--duration");
        }
    }

    /** @return whether the grid was chosen by default (reported to the user) */
    public boolean defaultDuration() {
        return durationH == null;
    }

    /** @return the ketamine band of the metrics, ng/mL */
    public Band band() {
        return band == null ? DEFAULT_BAND : band;
    }

    /** @return where the band of the metrics comes from, in words */
    public String bandSource() {
        return band == null ? DEFAULT_BAND_SOURCE : "given with --band";
    }

    /**
     * The error for an output file that could not be written, with the reason in the words {@code --plot} uses:
     * "--csv: cannot write /no/dir/x.csv: no such directory" (never the name of a Java exception).
     *
     * @param option the option that named the file ({@code --csv}, {@code --json})
     * @param target the file as given
     * @param e why it failed
     * @return the exception to throw
     */
    public static InvalidInputException cannotWrite(String option, String target, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such directory";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new InvalidInputException(option.substring(2), option + ": cannot write " + target + ": " + why);
    }

    /** @return the chart size */
    public PlotSize plotSize() {
        return plotSize == null ? PlotSize.DEFAULT : plotSize;
    }

    /**
     * @param whenNotGiven the size of a chart laid out for another shape (a chart with a second panel)
     * @return the chart size given with {@code --plot-size}, else {@code whenNotGiven}
     */
    public PlotSize plotSize(PlotSize whenNotGiven) {
        return plotSize == null ? whenNotGiven : plotSize;
    }
}
