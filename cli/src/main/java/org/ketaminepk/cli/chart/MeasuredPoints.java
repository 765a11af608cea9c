package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.fit.Level;

/**
 * Measured levels drawn over a {@link ConcentrationChart}: one filled marker per quantified level in its analyte's
 * colour (circle for ketamine, square for norketamine, triangle for hydroxynorketamine), and an open marker at the
 * limit of quantification for a level reported below it, labelled "&lt;LLOQ". The legend gains one "Measured ..."
 * entry per analyte and, when a level is censored, one for the open marker. The concentration axis is widened to hold
 * every point. A pure function, like {@link ConcentrationChart}; not for population charts.
 */
public final class MeasuredPoints {
    /** Marker size, px at 1600 × 900. */
    static final double MARKER_PX = 15;
    /** Most censored points labelled "&lt;LLOQ" on the plot; beyond that the legend alone explains them. */
    static final int MAX_LABELS = 30;
    /** Label of a censored point. */
    static final String CENSORED_LABEL = "<LLOQ";

    private static final Font LABEL_FONT = new Font(ChartStyle.FAMILY, Font.PLAIN, 16);

    private MeasuredPoints() {
    }

    /**
     * @param r the curves to draw
     * @param levels the measured levels (at least one); each level's time must lie on the curves' time span
     * @return the chart of {@code r} with the levels drawn over it
     */
    public static JFreeChart create(ChartRequest r, List<Level> levels) {
        Checks.notNull("chart request", r);
        Checks.notNull("levels", levels);
        double top = 0;
        double spanH = 0;
        for (PlotSeries s : r.series()) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        for (Level l : levels) {
            top = Math.max(top, l.valueOrLloqNgPerMl());
        }
        JFreeChart chart = ConcentrationChart.create(r, top);
        XYPlot plot = chart.getXYPlot();
        TimeScale scale = TimeScale.forSpanH(spanH);

        Map<Analyte, XYSeries> measured = new EnumMap<>(Analyte.class);
        Map<Analyte, XYSeries> censored = new EnumMap<>(Analyte.class);
        List<XYTextAnnotation> labels = new ArrayList<>();
        for (Level l : levels) {
            double x = scale.fromHours(l.timeH());
            double y = l.valueOrLloqNgPerMl();
            if (r.logScale() && !(y > 0)) {
                continue; // a level of 0 has no place on a log axis
            }
            Map<Analyte, XYSeries> target = l.censored() ? censored : measured;
            target.computeIfAbsent(l.analyte(), a -> new XYSeries((l.censored() ? "below LLOQ – " : "measured – ")
                    + a.label(), false, true)).add(x, y);
            if (l.censored() && labels.size() < MAX_LABELS) {
                // the leading blanks keep the text clear of the marker at any scale
                XYTextAnnotation label = new XYTextAnnotation("   " + CENSORED_LABEL, x, y);
                label.setFont(LABEL_FONT);
                label.setPaint(ChartStyle.darker(ChartStyle.analyteColour(l.analyte()), 0.8));
                label.setTextAnchor(TextAnchor.CENTER_LEFT);
                labels.add(label);
            }
        }
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDefaultSeriesVisibleInLegend(false);
        renderer.setUseOutlinePaint(true);
        int k = 0;
        for (Map.Entry<Analyte, XYSeries> e : measured.entrySet()) {
            points.addSeries(e.getValue());
            Color c = ChartStyle.analyteColour(e.getKey());
            renderer.setSeriesShape(k, shape(e.getKey()));
            renderer.setSeriesPaint(k, c);
            renderer.setSeriesFillPaint(k, c);
            renderer.setSeriesOutlinePaint(k, Color.WHITE);
            renderer.setSeriesOutlineStroke(k, new BasicStroke(1.5f));
            renderer.setSeriesShapesFilled(k, true);
            k++;
        }
        for (Map.Entry<Analyte, XYSeries> e : censored.entrySet()) {
            points.addSeries(e.getValue());
            Color c = ChartStyle.analyteColour(e.getKey());
            renderer.setSeriesShape(k, shape(e.getKey()));
            renderer.setSeriesPaint(k, c);
            renderer.setSeriesOutlinePaint(k, c);
            renderer.setSeriesOutlineStroke(k, new BasicStroke(2.5f));
            renderer.setSeriesShapesFilled(k, false);
            k++;
        }
        int index = plot.getDatasetCount();
        plot.setDataset(index, points);
        plot.setRenderer(index, renderer);
        // the curves first, the points over them
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        for (XYTextAnnotation label : labels) {
            plot.addAnnotation(label);
        }
        plot.setFixedLegendItems(legend(plot.getFixedLegendItems(), measured.keySet(), !censored.isEmpty()));
        return chart;
    }

    /** @return the marker of an analyte, centred on the origin */
    static Shape shape(Analyte a) {
        double s = MARKER_PX;
        switch (a) {
            case KETAMINE:
                return new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case NORKETAMINE:
                return new Rectangle2D.Double(-s * 0.45, -s * 0.45, s * 0.9, s * 0.9);
            default:
                Path2D.Double tri = new Path2D.Double();
                tri.moveTo(0, -s * 0.6);
                tri.lineTo(s * 0.55, s * 0.45);
                tri.lineTo(-s * 0.55, s * 0.45);
                tri.closePath();
                return tri;
        }
    }

    /** The chart's own legend, then one entry per measured analyte and one for censored levels. */
    private static LegendItemCollection legend(LegendItemCollection items, Iterable<Analyte> analytes,
            boolean anyCensored) {
        LegendItemCollection out = new LegendItemCollection();
        out.addAll(items);
        for (Analyte a : analytes) {
            Color c = ChartStyle.analyteColour(a);
            out.add(ChartLegend.markItem("Measured " + a.label(), shape(a), c));
        }
        if (anyCensored) {
            out.add(new LegendItem("Measured below LLOQ (open, at the LLOQ)", null, null, null, true,
                    shape(Analyte.KETAMINE), false, Color.WHITE, true, ChartStyle.AXIS, new BasicStroke(2.5f),
                    false, ChartLegend.ENTRY_LINE, new BasicStroke(1f), ChartStyle.AXIS));
        }
        return out;
    }
}
