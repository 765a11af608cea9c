package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Dose;
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
 * {@link ChartFiles} and {@link ChartWindow}). Not for interactive editing: axis ranges are fixed from the data.
 *
 * <p><b>Axis rules.</b> The time axis shows minutes up to a 2 h span, hours up to 72 h and days beyond. The
 * concentration axis is fitted to the curves; a band is shown only when the highest curve reaches
 * {@value #REACH_FRACTION} of its lower edge (a tenth on a log axis), so that, for instance, the anaesthetic range
 * does not flatten a sub-anaesthetic profile; a band left out is marked "above the scale" in the legend. The log
 * axis starts at {@value #LOG_FLOOR_NG_PER_ML} ng/mL, or lower for profiles that never reach 100 ng/mL; zero
 * concentrations (before the first dose) are left out of a log plot instead of being drawn at minus infinity.
 */
public final class ConcentrationChart {
    private ConcentrationChart() {
    }

    /** Most profiles one chart can compare (the colour-blind-safe palette has this many line colours). */
    public static final int MAX_SERIES = ChartStyle.SERIES_COLOURS.size();

    /** Bottom of the logarithmic concentration axis for profiles that reach 100 ng/mL, ng/mL. */
    public static final double LOG_FLOOR_NG_PER_ML = 1;

    /** A band is shown on a linear axis when the highest curve reaches this fraction of the band's lower edge. */
    public static final double REACH_FRACTION = 0.6;

    /** The same on a logarithmic axis, where a band above the curves costs little room. */
    public static final double LOG_REACH_FRACTION = 0.1;

    /** Most caption lines printed under the chart, the band source included; the rest are summarised. */
    public static final int MAX_CAPTION_LINES = 8;

    /** Buckets per curve when thinning dense grids for drawing ({@link Decimation}). */
    static final int DRAW_BUCKETS = 1600;

    /**
     * Blank space right of the caption, px: captions are wrapped with Java's font metrics, and an SVG viewer may
     * substitute a wider sans-serif font.
     */
    private static final double CAPTION_RIGHT_MARGIN_PX = 70;

    /** Height of the dose strip on a linear axis, as a fraction of the plot height per lane (plus a margin). */
    private static final double LANE_FRACTION = 0.035;
    private static final double STRIP_MARGIN_FRACTION = 0.012;
    private static final double MAX_STRIP_FRACTION = 0.12;

    /**
     * Builds the chart.
     *
     * @param r what to draw
     * @return a chart ready to be written or shown, laid out for 1600 × 900 px
     */
    public static JFreeChart create(ChartRequest r) {
        Checks.notNull("chart request", r);
        List<PlotSeries> all = r.series();
        double spanH = 0;
        double dataMax = 0;
        Set<Analyte> analytes = new LinkedHashSet<>();
        for (PlotSeries s : all) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
            for (Analyte a : s.profile().analytes()) {
                analytes.add(a);
                dataMax = Math.max(dataMax, s.profile().series(a).cmaxNgPerMl());
            }
        }
        TimeScale scale = TimeScale.forSpanH(spanH);
        boolean sharedDoses = sameDosingTimes(all);
        List<ConcentrationBands.Band> shown = new ArrayList<>();
        ValueAxis yAxis = r.logScale() ? logAxis(dataMax, shown) : linearAxis(dataMax, sharedDoses ? 1 : all.size(),
                shown);

        XYPlot plot = new XYPlot(dataset(r, scale), timeAxis(scale, spanH), yAxis, renderer(all));
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
        addBands(plot, shown);
        if (r.logScale()) {
            addLogMinorGrid(plot, yAxis.getLowerBound(), yAxis.getUpperBound());
        } else {
            plot.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1.2f)), Layer.FOREGROUND);
        }
        DoseSummary doses = addDoses(plot, all, sharedDoses, scale);
        plot.setFixedLegendItems(legendItems(all, analytes, shown, doses));

        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        chart.setPadding(new RectangleInsets(14, 20, 10, 36));
        addTitles(chart, r, plot);
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

    private static NumberAxis timeAxis(TimeScale scale, double spanH) {
        NumberAxis axis = new NumberAxis(scale.axisLabel());
        double span = Math.max(scale.fromHours(spanH), 1e-9);
        axis.setAutoRange(false);
        axis.setRange(0, span);
        axis.setTickUnit(scale.tickUnitFor(span), false, true);
        axis.setMinorTickMarksVisible(true);
        styleAxis(axis);
        return axis;
    }

    /** Title and subtitle on top, caption lines at the foot, legend on the right of the plot. */
    private static void addTitles(JFreeChart chart, ChartRequest r, XYPlot plot) {
        TextTitle title = new TextTitle(r.title(), ChartStyle.TITLE, ChartStyle.TEXT, RectangleEdge.TOP,
                HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(0, 8, 2, 8));
        title.setTextAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(title);
        if (!r.subtitle().isBlank()) {
            TextTitle sub = new TextTitle(r.subtitle(), ChartStyle.SUBTITLE, ChartStyle.SUBTLE_TEXT, RectangleEdge.TOP,
                    HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(2, 8, 10, 8));
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(sub);
        }
        List<String> caption = captionLines(r);
        // titles at the bottom edge stack upwards in the order added, so the last line goes in first
        for (int i = caption.size() - 1; i >= 0; i--) {
            TextTitle line = new TextTitle(caption.get(i), ChartStyle.CAPTION, ChartStyle.SUBTLE_TEXT,
                    RectangleEdge.BOTTOM, HorizontalAlignment.LEFT, VerticalAlignment.BOTTOM,
                    new RectangleInsets(i == 0 ? 10 : 1, 8, 1, CAPTION_RIGHT_MARGIN_PX));
            line.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(line);
        }
        // added last, so it spans only the height left between the titles and the caption
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setVerticalAlignment(VerticalAlignment.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setItemFont(ChartStyle.LEGEND);
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(5, 8, 5, 4));
        legend.setLegendItemGraphicPadding(new RectangleInsets(5, 4, 5, 4));
        legend.setPadding(new RectangleInsets(8, 12, 8, 0));
        chart.addSubtitle(legend);
    }

    /**
     * The curves, in time-axis units, thinned for drawing. Series keys: the analyte's label for a single unnamed
     * profile ("ketamine"), otherwise "label – analyte" ("kamp-2020 – norketamine"); in profile order, and within a
     * profile ketamine, norketamine, hydroxynorketamine.
     */
    static XYSeriesCollection dataset(ChartRequest r, TimeScale scale) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (PlotSeries s : r.series()) {
            Profile p = s.profile();
            for (Analyte a : p.analytes()) {
                Series curve = p.series(a);
                double[] t = curve.timesH();
                double[] y = curve.ngPerMl();
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

    /** @return the dataset key of one curve */
    static String seriesKey(String label, Analyte a) {
        return label.isEmpty() ? a.label() : label + " – " + a.label();
    }

    /**
     * Whether every profile was dosed at the same times by the same routes. Amounts may differ (a weight-based dose
     * in patients of different weight): the dose marks show timing only, so such profiles share one lane.
     */
    static boolean sameDosingTimes(List<PlotSeries> all) {
        List<String> first = timing(all.get(0).profile().regimen());
        for (PlotSeries s : all) {
            if (!timing(s.profile().regimen()).equals(first)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> timing(Regimen r) {
        List<String> out = new ArrayList<>();
        for (Dose d : r.doses()) {
            out.add((d instanceof Dose.Infusion ? "infusion " : "instant ") + d.route() + " " + d.timeH() + " "
                    + d.endH());
        }
        return out;
    }

    private static NumberAxis linearAxis(double dataMax, int lanes, List<ConcentrationBands.Band> shown) {
        double upper = dataMax > 0 ? dataMax * 1.08 : 1;
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            if (dataMax >= REACH_FRACTION * b.lowNgPerMl()) {
                shown.add(b);
                // leave at least a visible strip of a band the curves only approach
                upper = Math.max(upper, b.lowNgPerMl() / 0.88);
                // and show the whole band when that costs little room
                if (b.highNgPerMl() <= 1.35 * upper) {
                    upper = Math.max(upper, b.highNgPerMl() * 1.04);
                }
            }
        }
        // many lanes get thinner rather than eat the plot
        double f = STRIP_MARGIN_FRACTION + Math.min(LANE_FRACTION * lanes, MAX_STRIP_FRACTION);
        double lower = -upper * f / (1 - f);
        NumberAxis axis = new NonNegativeTicksAxis("Concentration (ng/mL)");
        axis.setAutoRange(false);
        axis.setRange(lower, upper);
        axis.setTickUnit(concentrationTickUnit(upper), false, true);
        axis.setMinorTickMarksVisible(false);
        styleAxis(axis);
        return axis;
    }

    private static LogAxis logAxis(double dataMax, List<ConcentrationBands.Band> shown) {
        double top = Math.max(dataMax, 1e-3);
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            if (dataMax >= LOG_REACH_FRACTION * b.lowNgPerMl()) {
                shown.add(b);
                top = Math.max(top, b.highNgPerMl());
            }
        }
        double upper = top * 1.4;
        double lower = LOG_FLOOR_NG_PER_ML;
        if (dataMax < 100) {
            lower = Math.min(lower, Math.pow(10, Math.floor(Math.log10(Math.max(dataMax, 1e-3))) - 2));
        }
        lower = Math.min(lower, upper / 100);
        LogAxis axis = new SpacedLogAxis("Concentration (ng/mL, log scale)");
        axis.setSmallestValue(1e-6);
        axis.setAutoRange(false);
        axis.setRange(lower, upper);
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        axis.setAutoTickUnitSelection(false);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setMinorTickMarksVisible(false);
        styleAxis(axis);
        return axis;
    }

    /** Faint lines at 2–9 × each power of ten, so values can be read between the labelled decades. */
    private static void addLogMinorGrid(XYPlot plot, double lower, double upper) {
        Stroke s = new BasicStroke(0.8f);
        Color c = new Color(0xEE, 0xEE, 0xEE);
        for (int e = (int) Math.floor(Math.log10(lower)); e <= Math.ceil(Math.log10(upper)); e++) {
            for (int m = 2; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v > lower && v < upper) {
                    plot.addRangeMarker(new ValueMarker(v, c, s), Layer.BACKGROUND);
                }
            }
        }
    }

    /** Most intervals between labelled ticks on a linear concentration axis. */
    static final int MAX_CONCENTRATION_TICKS = 11;

    /**
     * The smallest round step (1, 2, 2.5, 5 × 10^k) that labels {@code upper} in at most
     * {@value #MAX_CONCENTRATION_TICKS} intervals, formatted with as many decimals as the step needs.
     */
    static NumberTickUnit concentrationTickUnit(double upper) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (int e = -4; e <= 7; e++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double size = m * Math.pow(10, e);
                if (upper / size <= MAX_CONCENTRATION_TICKS) {
                    int decimals = Math.max(0, -e + (m == 2.5 ? 1 : 0));
                    String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
                    return new NumberTickUnit(size, new DecimalFormat(pattern, sym), 1);
                }
            }
        }
        return new NumberTickUnit(upper, new DecimalFormat("0.###E0", sym), 1);
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(ChartStyle.AXIS_LABEL);
        axis.setLabelPaint(ChartStyle.TEXT);
        axis.setTickLabelFont(ChartStyle.TICK_LABEL);
        axis.setTickLabelPaint(ChartStyle.TEXT);
        axis.setAxisLinePaint(ChartStyle.AXIS);
        axis.setAxisLineStroke(new BasicStroke(1.2f));
        axis.setTickMarkPaint(ChartStyle.AXIS);
        axis.setTickMarkStroke(new BasicStroke(1.2f));
        axis.setTickMarkOutsideLength(6);
        axis.setMinorTickMarkOutsideLength(3);
        axis.setLabelInsets(new RectangleInsets(8, 8, 8, 8));
        axis.setTickLabelInsets(new RectangleInsets(3, 6, 3, 6));
    }

    private static Color bandColour(ConcentrationBands.Band b) {
        if (b == ConcentrationBands.ANALGESIC) {
            return ChartStyle.SKY_BLUE;
        }
        if (b == ConcentrationBands.DISSOCIATIVE) {
            return ChartStyle.REDDISH_PURPLE;
        }
        return ChartStyle.ORANGE;
    }

    private static double bandAlpha(ConcentrationBands.Band b) {
        return b == ConcentrationBands.DISSOCIATIVE ? 0.17 : 0.15;
    }

    private static void addBands(XYPlot plot, List<ConcentrationBands.Band> shown) {
        for (ConcentrationBands.Band b : shown) {
            Color c = bandColour(b);
            IntervalMarker m = new IntervalMarker(b.lowNgPerMl(), b.highNgPerMl(),
                    ChartStyle.translucent(c, bandAlpha(b)));
            m.setOutlinePaint(null);
            m.setLabel(b.name());
            m.setLabelFont(ChartStyle.BAND_LABEL);
            m.setLabelPaint(ChartStyle.darker(c, 0.7));
            // the analgesic and dissociative bands overlap (100–160 ng/mL): label one at its foot, one at its top
            boolean atTop = b == ConcentrationBands.DISSOCIATIVE;
            m.setLabelAnchor(atTop ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(atTop ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
            m.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(m, Layer.BACKGROUND);
        }
    }

    /** What the dose strip holds, for the legend. */
    private record DoseSummary(boolean infusions, Set<Route> instantRoutes) {
    }

    private static DoseSummary addDoses(XYPlot plot, List<PlotSeries> all, boolean shared, TimeScale scale) {
        boolean infusions = false;
        Set<Route> instantRoutes = new LinkedHashSet<>();
        int lanes = shared ? 1 : all.size();
        for (int si = 0; si < lanes; si++) {
            Profile p = all.get(si).profile();
            Regimen reg = p.regimen();
            List<double[]> bars = new ArrayList<>();
            List<Double> instants = new ArrayList<>();
            for (Dose d : reg.doses()) {
                double start = scale.fromHours(d.timeH());
                if (d instanceof Dose.Infusion) {
                    double end = scale.fromHours(d.endH());
                    bars.add(new double[] {start, end});
                    infusions = true;
                    if (shared) {
                        IntervalMarker m = new IntervalMarker(start, end, ChartStyle.INFUSION_FILL);
                        m.setOutlinePaint(null);
                        plot.addDomainMarker(m, Layer.BACKGROUND);
                    }
                } else {
                    instants.add(start);
                    instantRoutes.add(d.route());
                }
            }
            double[] s0 = new double[bars.size()];
            double[] s1 = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                s0[i] = bars.get(i)[0];
                s1[i] = bars.get(i)[1];
            }
            double[] in = instants.stream().mapToDouble(Double::doubleValue).toArray();
            Color colour = shared ? ChartStyle.DOSE_MARK : ChartStyle.SERIES_COLOURS.get(si);
            plot.addAnnotation(new DoseLaneAnnotation(si, lanes, colour, s0, s1, in), false);
        }
        return new DoseSummary(infusions, instantRoutes);
    }

    private static LegendItemCollection legendItems(List<PlotSeries> all, Set<Analyte> analytes,
            List<ConcentrationBands.Band> shown, DoseSummary doses) {
        boolean single = all.size() == 1;
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-22, 0, 22, 0);
        if (single) {
            for (Analyte a : analytes) {
                items.add(lineItem(capitalised(a.label()), line, ChartStyle.analyteStroke(a),
                        ChartStyle.analyteColour(a)));
            }
        } else {
            for (int i = 0; i < all.size(); i++) {
                items.add(lineItem(all.get(i).label(), line, ChartStyle.analyteStroke(Analyte.KETAMINE),
                        ChartStyle.SERIES_COLOURS.get(i)));
            }
            if (analytes.size() > 1) {
                for (Analyte a : analytes) {
                    items.add(lineItem(capitalised(a.label()), line, ChartStyle.analyteStroke(a), ChartStyle.AXIS));
                }
            }
        }
        Shape swatch = new Rectangle2D.Double(-16, -9, 32, 18);
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            boolean visible = shown.contains(b);
            String text = capitalised(b.name()) + " " + b.rangeText() + (visible ? "" : ": off scale");
            Color fill = ChartStyle.translucent(bandColour(b), visible ? bandAlpha(b) * 1.6 : 0.08);
            items.add(new LegendItem(text, null, null, null, true, swatch, true, fill, !visible,
                    ChartStyle.translucent(bandColour(b), 0.6), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f), false, line,
                    new BasicStroke(1f), Color.BLACK));
        }
        if (doses.infusions()) {
            Shape bar = new Rectangle2D.Double(-16, -5, 32, 10);
            items.add(new LegendItem("Infusion running", null, null, null, bar, ChartStyle.DOSE_MARK));
        }
        if (!doses.instantRoutes().isEmpty()) {
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(0, -8);
            tri.lineTo(8, 7);
            tri.lineTo(-8, 7);
            tri.closePath();
            items.add(new LegendItem(instantLabel(doses.instantRoutes()), null, null, null, tri,
                    ChartStyle.DOSE_MARK));
        }
        return items;
    }

    private static LegendItem lineItem(String label, Line2D line, Stroke stroke, Color colour) {
        return new LegendItem(label, null, null, null, false, line, false, colour, false, colour, stroke, true,
                line, stroke, colour);
    }

    private static String instantLabel(Set<Route> routes) {
        if (routes.size() == 1) {
            Route r = routes.iterator().next();
            return r == Route.INTRAVENOUS ? "Intravenous bolus" : capitalised(r.longName()) + " dose";
        }
        return routes.contains(Route.INTRAVENOUS) ? "Bolus or extravascular dose" : "Extravascular dose";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The band source first, then the caller's lines, at most {@link #MAX_CAPTION_LINES} in all. */
    static List<String> captionLines(ChartRequest r) {
        List<String> lines = new ArrayList<>();
        String bands = ConcentrationBands.caption();
        lines.add(bands);
        for (String l : r.captionLines()) {
            String s = l.strip();
            if (!s.isEmpty() && !s.equals(bands) && !lines.contains(s)) {
                lines.add(s);
            }
        }
        if (lines.size() > MAX_CAPTION_LINES) {
            int more = lines.size() - (MAX_CAPTION_LINES - 1);
            lines = new ArrayList<>(lines.subList(0, MAX_CAPTION_LINES - 1));
            lines.add("… and " + more + " more notes, listed in the text output.");
        }
        return lines;
    }

    /**
     * A log axis whose tick labels keep clear of the tick marks: JFreeChart 1.5.4 sets the attributed labels of
     * {@link LogAxis} flush against them, whatever the label insets.
     */
    private static final class SpacedLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private static final float GAP_PX = 8;

        SpacedLogAxis(String label) {
            super(label);
        }

        @Override
        protected float[] calculateAnchorPoint(ValueTick tick, double cursor, Rectangle2D dataArea,
                RectangleEdge edge) {
            float[] p = super.calculateAnchorPoint(tick, cursor, dataArea, edge);
            if (edge == RectangleEdge.LEFT) {
                p[0] -= GAP_PX;
            } else if (edge == RectangleEdge.RIGHT) {
                p[0] += GAP_PX;
            }
            return p;
        }
    }

    /**
     * A linear concentration axis whose range dips below zero to make room for the dose strip, but which labels
     * and grids only values from zero up.
     */
    private static final class NonNegativeTicksAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;

        NonNegativeTicksAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List ticks = super.refreshTicks(g2, state, dataArea, edge);
            List kept = new ArrayList();
            for (Object t : ticks) {
                if (!(t instanceof ValueTick) || ((ValueTick) t).getValue() >= -1e-12) {
                    kept.add(t);
                }
            }
            return kept;
        }
    }
}
