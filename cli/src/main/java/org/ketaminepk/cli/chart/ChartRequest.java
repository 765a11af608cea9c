package org.ketaminepk.cli.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Everything a concentration chart shows besides the curves' styling: the titles, the profiles, the scale of the
 * concentration axis and the lines printed under the chart. Immutable; validated on construction.
 *
 * <pre>
 *   ChartRequest r = new ChartRequest("Kamp 2020, racemic ketamine", "70 kg adult · 0.5 mg/kg over 40 min",
 *           List.of(new PlotSeries("", result.profile())), false, warningLines);
 * </pre>
 *
 * @param title main title, naming the model and the patient (required, may not be blank)
 * @param subtitle second line under the title (the regimen, say); may be empty
 * @param series the profiles to draw, 1 to {@link ConcentrationChart#MAX_SERIES}, with distinct labels (not
 *        empty when there are several)
 * @param logScale whether the concentration axis is logarithmic
 * @param captionLines lines printed in small type under the chart (warnings, assumptions); the source of the
 *        shaded concentration ranges is added by the chart itself
 * @param fitTime whether the time axis ends where the curves stop being of interest ({@link TimeWindow}) rather
 *        than where the simulation ends: for a simulated time the user did not choose
 */
public record ChartRequest(String title, String subtitle, List<PlotSeries> series, boolean logScale,
        List<String> captionLines, boolean fitTime) {

    /** Validates; a null subtitle becomes empty, null caption lines an empty list. */
    public ChartRequest {
        Checks.notNull("plot title", title);
        if (title.isBlank()) {
            throw new InvalidInputException("plot title", "plot title must not be blank");
        }
        subtitle = subtitle == null ? "" : subtitle;
        Checks.notNull("plot series", series);
        if (series.isEmpty() || series.size() > ConcentrationChart.MAX_SERIES) {
            throw new InvalidInputException("plot series", "plot series must number between 1 and "
                    + ConcentrationChart.MAX_SERIES + " but was " + series.size());
        }
        Set<String> seen = new HashSet<>();
        for (PlotSeries s : series) {
            Checks.notNull("plot series entry", s);
            if (series.size() > 1 && s.label().isEmpty()) {
                throw new InvalidInputException("plot series", "plot series need a label each when "
                        + series.size() + " are drawn together");
            }
            if (!seen.add(s.label())) {
                throw new InvalidInputException("plot series", "plot series labels must be distinct but '"
                        + s.label() + "' appears twice");
            }
        }
        series = List.copyOf(series);
        if (captionLines == null) {
            captionLines = List.of();
        } else {
            for (String line : captionLines) {
                Checks.notNull("plot caption line", line);
            }
            captionLines = List.copyOf(captionLines);
        }
    }

    /**
     * A request whose time axis spans the whole simulation.
     *
     * @param title main title
     * @param subtitle second line, may be empty
     * @param series the profiles to draw
     * @param logScale whether the concentration axis is logarithmic
     * @param captionLines lines printed under the chart
     */
    public ChartRequest(String title, String subtitle, List<PlotSeries> series, boolean logScale,
            List<String> captionLines) {
        this(title, subtitle, series, logScale, captionLines, false);
    }

    /**
     * @param fit whether the time axis ends where the curves stop being of interest
     * @return a copy with that choice
     */
    public ChartRequest withFitTime(boolean fit) {
        return new ChartRequest(title, subtitle, series, logScale, captionLines, fit);
    }

    /**
     * @param title main title
     * @param subtitle second line, may be empty
     * @param series the one profile
     * @return a request for a single profile, linear scale, no caption lines
     */
    public static ChartRequest of(String title, String subtitle, PlotSeries series) {
        return new ChartRequest(title, subtitle, List.of(series), false, List.of());
    }

    /**
     * @param log whether the concentration axis is logarithmic
     * @return a copy with that scale
     */
    ChartRequest withLogScale(boolean log) {
        return new ChartRequest(title, subtitle, series, log, captionLines, fitTime);
    }

    /**
     * @param lines the new caption lines
     * @return a copy with them
     */
    ChartRequest withCaptionLines(List<String> lines) {
        return new ChartRequest(title, subtitle, series, logScale, lines, fitTime);
    }

    /**
     * @param newTitle the main title
     * @param newSubtitle the second line
     * @return a copy with these titles
     */
    ChartRequest withTitles(String newTitle, String newSubtitle) {
        return new ChartRequest(newTitle, newSubtitle, series, logScale, captionLines, fitTime);
    }

    /**
     * @param newSeries the profiles to draw
     * @return a copy drawing them
     */
    ChartRequest withSeries(List<PlotSeries> newSeries) {
        return new ChartRequest(title, subtitle, newSeries, logScale, captionLines, fitTime);
    }
}
