package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.validation.Comparison;
import org.ketaminepk.validation.Metric;
import org.ketaminepk.validation.ValidationReport;

/**
 * Predicted against observed, both on log scales: one point per model and observation, coloured by route, shaped by
 * metric (circle: concentration; square: AUC; triangle: Tmax), hollow where the model was fitted to the value; the
 * line of identity and the 2-fold band; points outside 2-fold named. Sized for a 1600 × 900 px slide; a pure
 * function of the report, tested headless.
 *
 * <p>Values are in the library's units: ng/mL for concentrations, ng·h/mL for areas and hours for Tmax, so one axis
 * carries three units and the shape says which applies. Not a goodness-of-fit plot of a population model: each
 * point is a typical value against a study's summary statistic.
 */
public final class ValidationChart {
    // Okabe M, Ito K, "Color Universal Design" (2002/2008): colours that colour-blind readers tell apart
    private static final Map<Route, Color> ROUTE_COLOURS = new EnumMap<>(Map.of(
            Route.INTRAVENOUS, new Color(0x00, 0x72, 0xB2),
            Route.ORAL, new Color(0xD5, 0x5E, 0x00),
            Route.SUBLINGUAL, new Color(0x00, 0x9E, 0x73),
            Route.BUCCAL, new Color(0x56, 0xB4, 0xE9),
            Route.INTRANASAL, new Color(0xCC, 0x79, 0xA7),
            Route.INTRAMUSCULAR, new Color(0xE6, 0x9F, 0x00),
            Route.SUBCUTANEOUS, new Color(0x00, 0x00, 0x00)));

    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color SUBTLE = new Color(0x55, 0x55, 0x55);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color LINE = new Color(0x44, 0x44, 0x44);
    private static final String FAMILY = Font.SANS_SERIF;
    private static final Font TITLE = new Font(FAMILY, Font.BOLD, 34);
    private static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 23);
    private static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 23);
    private static final Font TICK_LABEL = new Font(FAMILY, Font.PLAIN, 20);
    private static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 19);
    private static final Font POINT_LABEL = new Font(FAMILY, Font.BOLD, 17);
    private static final Font CAPTION = new Font(FAMILY, Font.PLAIN, 17);
    private static final double POINT_SIZE = 15;

    /** Most points outside 2-fold that are numbered on the chart; the command lists all of them. */
    static final int MAX_NAMED = 10;

    private ValidationChart() {
    }

    /** One drawn point: where, and how it looks. */
    record Point(Comparison comparison, double observed, double predicted, Metric.Kind kind, boolean fitted) {
    }

    /**
     * The points per route, in route order; a route without comparisons is left out.
     *
     * @param report a validation report
     * @return per route the points, observed and predicted in the library's units
     */
    static Map<Route, List<Point>> dataset(ValidationReport report) {
        Map<Route, List<Point>> m = new EnumMap<>(Route.class);
        for (Comparison c : report.comparisons()) {
            m.computeIfAbsent(c.observation().route(), r -> new ArrayList<>()).add(new Point(c,
                    c.observation().internalValue(), c.predicted(), c.observation().metric().kind(), c.fitted()));
        }
        return m;
    }

    /**
     * @param report a validation report with at least one comparison
     * @param title the chart title
     * @return the chart
     */
    public static JFreeChart create(ValidationReport report, String title) {
        Checks.notNull("report", report);
        Map<Route, List<Point>> points = dataset(report);
        if (points.isEmpty()) {
            throw new org.ketaminepk.base.InvalidInputException("plot", "nothing to plot: no observation applies to "
                    + String.join(", ", report.modelIds()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        List<List<Point>> bySeries = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Map.Entry<Route, List<Point>> e : points.entrySet()) {
            XYSeries s = new XYSeries(e.getKey().longName(), false, true);
            for (Point p : e.getValue()) {
                s.add(p.observed(), p.predicted());
                lo = Math.min(lo, Math.min(p.observed(), p.predicted()));
                hi = Math.max(hi, Math.max(p.observed(), p.predicted()));
            }
            data.addSeries(s);
            bySeries.add(e.getValue());
        }
        double lower = Math.pow(10, Math.floor(Math.log10(lo / 1.5)));
        double upper = Math.pow(10, Math.ceil(Math.log10(hi * 1.5)));

        XYPlot plot = new XYPlot(data, axis("Observed (ng/mL; AUC in ng·h/mL; Tmax in h; log scale)", lower, upper),
                axis("Predicted (same units, log scale)", lower, upper), renderer(bySeries, points));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        addGuides(plot, lower, upper);
        List<Point> outliers = outliers(points);
        numberOutliers(plot, outliers);
        plot.setFixedLegendItems(legend(points));

        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(16, 16, 12, 24));
        titles(chart, plot, title, report, caption(outliers, 150));
        return chart;
    }

    private static LogAxis axis(String label, double lower, double upper) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-9);
        a.setAutoRange(false);
        a.setRange(lower, upper);
        a.setTickUnit(new NumberTickUnit(1), false, true);
        a.setAutoTickUnitSelection(false);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        a.setMinorTickCount(9);
        a.setMinorTickMarksVisible(true);
        a.setLabelFont(AXIS_LABEL);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK_LABEL);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(LINE);
        a.setTickMarkPaint(LINE);
        return a;
    }

    private static XYLineAndShapeRenderer renderer(List<List<Point>> bySeries, Map<Route, List<Point>> points) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Shape getItemShape(int series, int item) {
                return shape(bySeries.get(series).get(item).kind());
            }

            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return !bySeries.get(series).get(item).fitted();
            }
        };
        r.setUseOutlinePaint(false);
        r.setDrawOutlines(true);
        int i = 0;
        for (Route route : points.keySet()) {
            Color c = ROUTE_COLOURS.get(route);
            r.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 215));
            r.setSeriesOutlineStroke(i, new BasicStroke(2.5f));
            r.setSeriesStroke(i, new BasicStroke(2.5f));
            i++;
        }
        return r;
    }

    /** Circle for concentrations, square for areas, triangle for times. */
    static Shape shape(Metric.Kind kind) {
        double s = POINT_SIZE;
        return switch (kind) {
            case CONCENTRATION -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case AREA -> new Rectangle2D.Double(-s * 0.44, -s * 0.44, s * 0.88, s * 0.88);
            case TIME -> {
                Path2D.Double t = new Path2D.Double();
                t.moveTo(0, -s * 0.6);
                t.lineTo(s * 0.55, s * 0.45);
                t.lineTo(-s * 0.55, s * 0.45);
                t.closePath();
                yield t;
            }
        };
    }

    private static final Stroke IDENTITY = new BasicStroke(2f);
    private static final Stroke TWOFOLD = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {10f, 7f}, 0f);

    /** The line of identity and the 2-fold lines (named in the legend). */
    private static void addGuides(XYPlot plot, double lower, double upper) {
        plot.addAnnotation(new XYLineAnnotation(lower, lower, upper, upper, IDENTITY, LINE));
        plot.addAnnotation(new XYLineAnnotation(lower, lower * 2, upper / 2, upper, TWOFOLD, SUBTLE));
        plot.addAnnotation(new XYLineAnnotation(lower * 2, lower, upper, upper / 2, TWOFOLD, SUBTLE));
    }

    /** The points outside 2-fold, furthest first (all of them; the chart numbers the first {@value #MAX_NAMED}). */
    static List<Point> outliers(Map<Route, List<Point>> points) {
        List<Point> out = new ArrayList<>();
        points.values().forEach(l -> l.stream().filter(p -> p.comparison().foldError() > 2).forEach(out::add));
        out.sort((a, b) -> Double.compare(b.comparison().foldError(), a.comparison().foldError()));
        return out;
    }

    /**
     * Numbers the points outside 2-fold; the caption says which observation and model each number is. A number goes to
     * the right of its point unless an earlier number sits close by there, then to the left.
     */
    private static void numberOutliers(XYPlot plot, List<Point> outliers) {
        List<double[]> placed = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_NAMED, outliers.size()); i++) {
            Point p = outliers.get(i);
            boolean crowded = false;
            for (double[] q : placed) {
                crowded |= Math.abs(Math.log10(q[0] / p.observed())) < 0.15
                        && Math.abs(Math.log10(q[1] / p.predicted())) < 0.12;
            }
            placed.add(new double[] {p.observed(), p.predicted()});
            XYTextAnnotation a = new XYTextAnnotation(Integer.toString(i + 1),
                    crowded ? p.observed() / 1.12 : p.observed() * 1.12, p.predicted());
            a.setFont(POINT_LABEL);
            a.setPaint(TEXT);
            a.setTextAnchor(crowded ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
            plot.addAnnotation(a);
        }
    }

    /** Caption lines naming the numbered points, about {@code width} characters each. */
    static List<String> caption(List<Point> outliers, int width) {
        List<String> lines = new ArrayList<>();
        if (outliers.isEmpty()) {
            return lines;
        }
        int named = Math.min(MAX_NAMED, outliers.size());
        StringBuilder line = new StringBuilder(named == outliers.size() ? "Outside 2-fold:"
                : "Outside 2-fold (the " + named + " furthest of " + outliers.size() + "):");
        boolean oneModel = outliers.stream().map(p -> p.comparison().model().id()).distinct().count() == 1;
        for (int i = 0; i < named; i++) {
            Comparison c = outliers.get(i).comparison();
            String item = String.format(Locale.ROOT, " %d %s%s (%s×)%s", i + 1, c.observation().id(),
                    oneModel ? "" : ", " + c.model().id(), fold(c.ratio()), i < named - 1 ? ";" : "");
            if (line.length() + item.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(" ");
            }
            line.append(item);
        }
        lines.add(line.toString());
        return lines;
    }

    /** A ratio as a fold: 4.51 or 1/2.04, two decimals below 10 so that a miss just beyond 2-fold never reads 2.0. */
    static String fold(double ratio) {
        double f = ratio >= 1 ? ratio : 1 / ratio;
        String n = String.format(Locale.ROOT, f < 10 ? "%.2f" : "%.0f", f);
        return ratio >= 1 ? n : "1/" + n;
    }

    private static LegendItemCollection legend(Map<Route, List<Point>> points) {
        LegendItemCollection items = new LegendItemCollection();
        Shape dot = shape(Metric.Kind.CONCENTRATION);
        for (Route r : points.keySet()) {
            LegendItem li = new LegendItem(r.longName(), null, null, null, dot, ROUTE_COLOURS.get(r));
            li.setLabelFont(LEGEND);
            items.add(li);
        }
        items.add(blank());
        items.add(line("predicted = observed", IDENTITY, LINE));
        items.add(line("2-fold", TWOFOLD, SUBTLE));
        items.add(blank());
        kind(items, "concentration", Metric.Kind.CONCENTRATION, true);
        kind(items, "AUC", Metric.Kind.AREA, true);
        kind(items, "Tmax", Metric.Kind.TIME, true);
        kind(items, "hollow: model fitted to it", Metric.Kind.CONCENTRATION, false);
        return items;
    }

    private static void kind(LegendItemCollection items, String label, Metric.Kind kind, boolean filled) {
        LegendItem li = new LegendItem(label, null, null, null, true, shape(kind), filled, SUBTLE, true, SUBTLE,
                new BasicStroke(2.5f), false, new Rectangle2D.Double(), new BasicStroke(1f), SUBTLE);
        li.setLabelFont(LEGEND);
        items.add(li);
    }

    private static LegendItem line(String label, Stroke stroke, Color colour) {
        LegendItem li = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, colour, false,
                colour, stroke, true, new java.awt.geom.Line2D.Double(-16, 0, 16, 0), stroke, colour);
        li.setLabelFont(LEGEND);
        return li;
    }

    private static LegendItem blank() {
        LegendItem li = new LegendItem(" ", null, null, null, false, new Rectangle2D.Double(), false, Color.WHITE,
                false, Color.WHITE, new BasicStroke(0f), false, new Rectangle2D.Double(), new BasicStroke(0f),
                Color.WHITE);
        li.setLabelFont(LEGEND);
        return li;
    }

    private static void titles(JFreeChart chart, XYPlot plot, String title, ValidationReport report,
            List<String> caption) {
        TextTitle t = new ChartTitle(ChartText.unbreakable(title), TITLE, TEXT, RectangleEdge.TOP, HorizontalAlignment.LEFT,
                VerticalAlignment.TOP, new RectangleInsets(0, 8, 2, 8));
        t.setTextAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(t);
        long observations = report.comparisons().stream().map(c -> c.observation().id()).distinct().count();
        String sub = String.format(Locale.ROOT, "%d predictions of %d published observations: typical values "
                + "against study means, geometric means or medians", report.comparisons().size(), observations);
        TextTitle s = new ChartTitle(ChartText.unbreakable(sub), SUBTITLE, SUBTLE, RectangleEdge.TOP, HorizontalAlignment.LEFT,
                VerticalAlignment.TOP, new RectangleInsets(2, 8, 10, 8));
        s.setTextAlignment(HorizontalAlignment.LEFT);
        chart.addSubtitle(s);
        // titles at the bottom edge stack upwards in the order added, so the last line goes in first
        for (int i = caption.size() - 1; i >= 0; i--) {
            TextTitle line = new ChartTitle(ChartText.unbreakable(caption.get(i)), CAPTION, SUBTLE, RectangleEdge.BOTTOM,
                    HorizontalAlignment.LEFT, VerticalAlignment.BOTTOM, new RectangleInsets(i == 0 ? 10 : 1, 8, 1, 8));
            line.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(line);
        }
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setVerticalAlignment(VerticalAlignment.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setItemFont(LEGEND);
        legend.setItemPaint(TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(5, 8, 5, 4));
        legend.setPadding(new RectangleInsets(8, 12, 8, 0));
        chart.addSubtitle(legend);
    }
}
