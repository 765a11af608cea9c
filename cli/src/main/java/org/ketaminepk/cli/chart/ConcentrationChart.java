package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * Builds the concentration–time chart of one or more simulated profiles: concentration in ng/mL against time,
 * ketamine solid, norketamine dashed and hydroxynorketamine dotted; one colour per analyte when a single profile is
 * drawn and one colour per profile when several are compared. Behind the curves it shades the analgesic,
 * dissociative and anaesthetic ranges of {@link ConcentrationBands} and the periods when an infusion runs; a strip
 * under the zero line marks each dose.
 *
 * <p>A pure function: the same request gives an equal chart, nothing is drawn or written here (see
 * {@link ChartFiles} and {@link ChartWindow}). The parts live in their own classes: {@link ConcentrationAxes},
 * {@link BandShading}, {@link DoseLanes} and {@link ChartLegend}. Not for interactive editing: axis ranges are fixed from the data.
 *
 * <p><b>Axis rules.</b> The time axis shows minutes up to a 2 h span, hours up to 72 h and days beyond. The
 * concentration axis is fitted to the curves; a band is shown only when the highest curve reaches
 * {@value ConcentrationAxes#REACH_FRACTION} of its lower edge (a tenth on a log axis), so that, for instance, the anaesthetic range
 * does not flatten a sub-anaesthetic profile; a band left out is marked "above the scale" in the legend. When the
 * user chose no simulated time, the time axis ends where the curves stop being of interest ({@link TimeWindow});
 * the log axis starts a little below the lowest concentration of interest; zero concentrations (before the first dose) are left out of a log plot instead of being drawn at minus infinity.
 *
 * <p><b>Long courses.</b> A profile whose doses come too close together for the plot's width ({@link DenseCourse})
 * draws each curve as its peak–trough {@link Envelope}: the line through its peaks and the line through its
 * troughs, lightly filled between, with the legend entry and a caption line saying so, and its dose lane as one span.
 */
public final class ConcentrationChart {
    private ConcentrationChart() {
    }

    /** Most profiles one chart can compare (the colour-blind-safe palette has this many line colours). */
    static final int MAX_SERIES = ChartStyle.SERIES_COLOURS.size();

    /** Most caption lines printed under the chart, the band source included; the rest are summarised. */
    public static final int MAX_CAPTION_LINES = ChartFooter.MAX_PRINTED_LINES;

    /** Buckets per curve when thinning dense grids for drawing ({@link Decimation}). */
    static final int DRAW_BUCKETS = 1600;

    /**
     * Blank space right of the caption, px: captions are wrapped with Java's font metrics, and an SVG viewer may
     * substitute a wider sans-serif font.
     */
    private static final double CAPTION_RIGHT_MARGIN_PX = 70;

    /**
     * Builds the chart.
     *
     * @param r what to draw
     * @return a chart ready to be written or shown, laid out for 1600 × 900 px
     */
    public static JFreeChart create(ChartRequest r) {
        return create(r, 0);
    }

    /**
     * Builds the chart with a concentration axis that reaches at least {@code dataMaxAtLeastNgPerMl}, for curves
     * drawn over it afterwards (population bands).
     *
     * @param r what to draw
     * @param dataMaxAtLeastNgPerMl the highest concentration the axis must show, ng/mL
     * @return a chart ready to be written or shown
     */
    static JFreeChart create(ChartRequest r, double dataMaxAtLeastNgPerMl) {
        return create(r, dataMaxAtLeastNgPerMl, DenseNote.CURVES);
    }

    /**
     * As {@link #create(ChartRequest, double)}, with the caption line for courses drawn as envelopes worded for
     * the chart that the caller builds on this one.
     *
     * @param r what to draw
     * @param dataMaxAtLeastNgPerMl the highest concentration the axis must show, ng/mL
     * @param denseNote what the curves drawn as envelopes are
     * @return a chart ready to be written or shown
     */
    static JFreeChart create(ChartRequest r, double dataMaxAtLeastNgPerMl, DenseNote denseNote) {
        return create(r, dataMaxAtLeastNgPerMl, denseNote, Double.NaN);
    }

    /**
     * As {@link #create(ChartRequest, double, DenseNote)}, with the time axis ending at {@code endH} when it is a
     * number (a chart built on this one that fits its time axis to more than the concentrations).
     */
    static JFreeChart create(ChartRequest r, double dataMaxAtLeastNgPerMl, DenseNote denseNote, double endH) {
        Checks.notNull("chart request", r);
        List<PlotSeries> all = r.series();
        double spanH = 0;
        double dataMax = dataMaxAtLeastNgPerMl;
        Set<Analyte> analytes = new LinkedHashSet<>();
        for (PlotSeries s : all) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
            for (Analyte a : s.profile().analytes()) {
                analytes.add(a);
                dataMax = Math.max(dataMax, s.profile().series(a).cmaxNgPerMl());
            }
        }
        if (!Double.isNaN(endH)) {
            spanH = Math.min(spanH, endH);
        } else if (r.fitTime()) {
            spanH = TimeWindow.fittedEndH(all, r.logScale());
        }
        TimeScale scale = TimeScale.forSpanH(spanH);
        boolean sharedDoses = DoseLanes.sameDosingTimes(all);
        List<ConcentrationBands.Band> shown = new ArrayList<>();
        ValueAxis yAxis = r.logScale()
                ? ConcentrationAxes.log(dataMax, TimeWindow.lowestOfInterestNgPerMl(all, spanH), shown)
                : ConcentrationAxes.linear(dataMax, sharedDoses ? 1 : all.size(), shown);

        boolean[] dense = dense(all, scale, spanH);
        XYLineAndShapeRenderer renderer = renderer(all);
        XYPlot plot = new XYPlot(dataset(r, scale, spanH, dense), ConcentrationAxes.time(scale, spanH), yAxis,
                renderer);
        addEnvelopeFills(renderer, r, scale, spanH, dense);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        Stroke grid = new BasicStroke(1f);
        plot.setDomainGridlineStroke(grid);
        plot.setRangeGridlineStroke(grid);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        plot.setInsets(new RectangleInsets(8, 4, 4, 24));
        BandShading.addTo(plot, shown);
        if (r.logScale()) {
            ConcentrationAxes.addLogMinorGrid(plot, yAxis.getLowerBound(), yAxis.getUpperBound());
        } else {
            plot.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1.2f)), Layer.FOREGROUND);
        }
        DoseLanes.Summary doses = DoseLanes.addTo(plot, all, sharedDoses, scale, dense);
        plot.setFixedLegendItems(ChartLegend.items(all, analytes, shown, doses, dense));

        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        chart.setPadding(new RectangleInsets(14, 20, 10, 36));
        addTitles(chart, r, plot, dense, denseNote);
        return chart;
    }

    /** One colour per analyte for a single profile, one per profile otherwise; line style by analyte. */
    private static XYLineAndShapeRenderer renderer(List<PlotSeries> all) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // one path per curve, so that dashes run on across thousands of short segments
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultSeriesVisibleInLegend(false);
        int k = 0;
        for (int si = 0; si < all.size(); si++) {
            for (Analyte a : all.get(si).profile().analytes()) {
                renderer.setSeriesPaint(k, all.size() == 1 ? ChartStyle.analyteColour(a)
                        : ChartStyle.SERIES_COLOURS.get(si));
                renderer.setSeriesStroke(k, ChartStyle.analyteStroke(a));
                k++;
            }
        }
        return renderer;
    }

    /** Title and subtitle on top, caption lines at the foot, legend on the right of the plot. */
    private static void addTitles(JFreeChart chart, ChartRequest r, XYPlot plot, boolean[] dense,
            DenseNote denseNote) {
        // a line never breaks between a number and its unit nor inside a model id
        TextTitle title = new ChartTitle(ChartText.unbreakable(r.title()), ChartStyle.TITLE, ChartStyle.TEXT,
                RectangleEdge.TOP, HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(0, 8, 2, 8));
        title.setTextAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(title);
        if (!r.subtitle().isBlank()) {
            TextTitle sub = new ChartTitle(ChartText.unbreakable(r.subtitle()), ChartStyle.SUBTITLE,
                    ChartStyle.SUBTLE_TEXT, RectangleEdge.TOP, HorizontalAlignment.LEFT, VerticalAlignment.TOP,
                    new RectangleInsets(2, 8, 10, 8));
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(sub);
        }
        List<String> caption = captionLines(r, dense, denseNote);
        // titles at the bottom edge stack upwards in the order added, so the last line goes in first
        for (int i = caption.size() - 1; i >= 0; i--) {
            TextTitle line = new ChartTitle(ChartText.unbreakable(caption.get(i)), ChartStyle.CAPTION,
                    ChartStyle.SUBTLE_TEXT, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT, VerticalAlignment.BOTTOM,
                    new RectangleInsets(i == 0 ? 8 : 0, 8, 1, CAPTION_RIGHT_MARGIN_PX));
            line.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(line);
        }
        // added last, so it spans only the height left between the titles and the caption
        chart.addSubtitle(ChartLegend.title(plot));
    }

    /**
     * The curves up to {@code endH} (and the first point after it), in time-axis units, thinned for drawing. Series
     * keys: the analyte's label for a single unnamed profile ("ketamine"), otherwise "label – analyte" ("kamp-2020 – norketamine"); in profile order, and within a
     * profile ketamine, norketamine, hydroxynorketamine. The curves of a profile marked in {@code dense} are its
     * envelope's lines instead ({@link DenseCourse#lines}), found on every grid point, not on the thinned curve.
     */
    static XYSeriesCollection dataset(ChartRequest r, TimeScale scale, double endH, boolean[] dense) {
        XYSeriesCollection c = new XYSeriesCollection();
        double slowSpan = DenseCourse.slowSpan(regimens(r.series()), scale.fromHours(endH), scale);
        for (int si = 0; si < r.series().size(); si++) {
            PlotSeries s = r.series().get(si);
            Profile p = s.profile();
            for (Analyte a : p.analytes()) {
                double[][] ty = upTo(p.series(a), endH);
                double[] t = ty[0];
                double[] y = ty[1];
                if (dense[si]) {
                    c.addSeries(DenseCourse.lines(seriesKey(s.label(), a), envelope(t, y, scale, slowSpan),
                            r.logScale()));
                    continue;
                }
                double[][] kept = Decimation.minMax(t, y, DRAW_BUCKETS);
                XYSeries xy = new XYSeries(seriesKey(s.label(), a), false, true);
                for (int i = 0; i < kept[0].length; i++) {
                    double v = kept[1][i];
                    if (r.logScale() && !(v > 0)) {
                        continue;
                    }
                    xy.add(scale.fromHours(kept[0][i]), v, false);
                }
                c.addSeries(xy);
            }
        }
        return c;
    }

    /** @return a curve's times, h, and values, ng/mL, up to {@code endH} and the first point after it */
    static double[][] upTo(Series curve, double endH) {
        double[] t = curve.timesH();
        double[] y = curve.ngPerMl();
        int n = 0;
        while (n < t.length && (n == 0 || t[n - 1] < endH)) {
            n++;
        }
        if (n < t.length) {
            t = Arrays.copyOf(t, n);
            y = Arrays.copyOf(y, n);
        }
        return new double[][] {t, y};
    }

    /** @return the peak–trough envelope of a curve given in hours, in time-axis units */
    static Envelope envelope(double[] tH, double[] y, TimeScale scale, double slowSpan) {
        return Envelope.of(scale.fromHours(tH), y, slowSpan);
    }

    /**
     * @return for each profile, whether its doses are too close together to draw one cycle at a time
     *         ({@link DenseCourse})
     */
    static boolean[] dense(List<PlotSeries> all, TimeScale scale, double spanH) {
        return DenseCourse.dense(regimens(all), scale.fromHours(spanH), scale);
    }

    /** @return each series' course, in order */
    static List<Regimen> regimens(List<PlotSeries> all) {
        List<Regimen> out = new ArrayList<>(all.size());
        for (PlotSeries s : all) {
            out.add(s.profile().regimen());
        }
        return out;
    }

    /** The light fill between each enveloped curve's peaks and troughs, behind the curves. */
    private static void addEnvelopeFills(XYLineAndShapeRenderer renderer, ChartRequest r, TimeScale scale,
            double spanH, boolean[] dense) {
        double slowSpan = DenseCourse.slowSpan(regimens(r.series()), scale.fromHours(spanH), scale);
        int k = 0;
        for (int si = 0; si < r.series().size(); si++) {
            Profile p = r.series().get(si).profile();
            for (Analyte a : p.analytes()) {
                if (dense[si]) {
                    double[][] ty = upTo(p.series(a), spanH);
                    Envelope e = envelope(ty[0], ty[1], scale, slowSpan);
                    Color c = (Color) renderer.getSeriesPaint(k);
                    DenseCourse.Fill fill = DenseCourse.fill(e.upperX(), e.upperY(), e.lowerX(), e.lowerY(),
                            r.logScale(), ChartStyle.translucent(c, DenseCourse.FILL_ALPHA));
                    if (fill != null) {
                        renderer.addAnnotation(fill, Layer.BACKGROUND);
                    }
                }
                k++;
            }
        }
    }

    /**
     * Whether a chart of {@code regimen} over the first {@code spanH} hours draws its curves as their peaks and
     * troughs: a course whose dosing cycles are too close together to draw one by one ({@link DenseCourse}).
     *
     * @param regimen the course
     * @param spanH the time the chart shows, from 0, h
     * @return whether it does
     */
    public static boolean drawnAsEnvelope(Regimen regimen, double spanH) {
        Checks.notNull("regimen", regimen);
        TimeScale scale = TimeScale.forSpanH(spanH);
        return DenseCourse.dense(regimen, scale.fromHours(spanH), scale);
    }

    /**
     * The lines through the peaks and through the troughs of the curve {@code (t, y)} ({@link Envelope}) as a chart
     * over {@code spanH} hours draws them, read at {@code at}.
     *
     * @param t times, h, non-decreasing (a time may repeat at an input change)
     * @param y the curve's values
     * @param at where to read the lines, h
     * @param spanH the time the chart shows, from 0, h
     * @return {peaks, troughs} at {@code at}
     */
    public static double[][] envelopeAt(double[] t, double[] y, double[] at, double spanH) {
        Envelope e = Envelope.of(t, y, DenseCourse.slowSpan(spanH));
        double[][] out = new double[2][at.length];
        for (int i = 0; i < at.length; i++) {
            out[0][i] = Envelope.valueAt(e.upperX(), e.upperY(), at[i]);
            out[1][i] = Envelope.valueAt(e.lowerX(), e.lowerY(), at[i]);
        }
        return out;
    }

    /** @return the dataset key of one curve */
    static String seriesKey(String label, Analyte a) {
        return label.isEmpty() ? a.label() : label + " – " + a.label();
    }

    /** The band source first, then the caller's lines, as {@link ChartFooter} fits them under the chart. */
    static List<String> captionLines(ChartRequest r) {
        return ChartFooter.lines(r.captionLines());
    }

    /**
     * As {@link #captionLines(ChartRequest)}, with a line saying so first when some curves are drawn as envelopes
     * (it explains the curves, so it is not one to lose to the line budget).
     */
    static List<String> captionLines(ChartRequest r, boolean[] dense, DenseNote note) {
        String line = note.text(r.series(), dense);
        if (line.isEmpty()) {
            return captionLines(r);
        }
        List<String> lines = new ArrayList<>();
        lines.add(line);
        lines.addAll(r.captionLines());
        return ChartFooter.lines(lines);
    }
}
