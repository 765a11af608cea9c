package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.base.Checks;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.result.Series;
import org.ketaminepk.target.TargetSchedule;

/**
 * The chart of a target-controlled infusion: the concentrations the pump schedule gives (one patient, or a
 * population's median and bands), the target schedule as a stepped line, and optionally the ketamine effect-site
 * curve. Built on {@link ConcentrationChart} and {@link PopulationChart}; a pure function, drawn headless in tests.
 */
public final class TargetChart {
    /** Dataset index of the target line, above those the concentration charts use. */
    static final int TARGET_DATASET = 10;
    /** Dataset index of the effect-site curve. */
    static final int EFFECT_SITE_DATASET = 11;
    /** Colour of the effect-site curve: one no analyte uses. */
    static final Color EFFECT_SITE_COLOUR = ChartStyle.REDDISH_PURPLE;
    /** Legend key of the target line. */
    static final String TARGET_KEY = "target";
    /** Legend key of the effect-site curve. */
    static final String EFFECT_SITE_KEY = "ketamine effect site";

    private TargetChart() {
    }

    /**
     * The effect-site curve to draw.
     *
     * @param series the ketamine effect-site concentrations, ng/mL
     * @param label the legend text, e.g. "Ketamine, effect site (ke0 0.2 /min, fitted)"
     */
    public record EffectSiteCurve(Series series, String label) {
        /** Validates. */
        public EffectSiteCurve {
            Checks.notNull("effect-site series", series);
            Checks.notNull("label", label);
        }
    }

    /**
     * One patient's curves with the target schedule and, when given, the effect-site curve.
     *
     * @param r the typical patient's profile, titles and caption
     * @param schedule the target schedule
     * @param targetLabel the legend text of the target line, e.g. "Target (plasma)"
     * @param effectSite the effect-site curve, or null
     * @return the chart
     */
    public static JFreeChart typical(ChartRequest r, TargetSchedule schedule, String targetLabel,
            EffectSiteCurve effectSite) {
        Checks.notNull("target schedule", schedule);
        double top = schedule.maxTargetNgPerMl();
        if (effectSite != null) {
            top = Math.max(top, effectSite.series().cmaxNgPerMl());
        }
        JFreeChart chart = ConcentrationChart.create(r, top);
        XYPlot plot = chart.getXYPlot();
        TimeScale scale = scaleOf(r);
        LegendItemCollection legend = plot.getFixedLegendItems();
        if (effectSite != null) {
            addEffectSite(plot, scale, effectSite, legend);
            // the effect-site curve over plasma: where the two meet (a held target) it must stay visible
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        }
        addTarget(plot, scale, schedule, targetLabel, legend);
        plot.setFixedLegendItems(legend);
        return chart;
    }

    /**
     * A population's median and bands on a typical patient's pump schedule, with the target schedule.
     *
     * @param r the typical patient's profile (dose marks), titles and caption
     * @param bands the population's percentile bands (5, 25, 50, 75, 95)
     * @param patients how many patients the bands are of ({@link PopulationChart#create})
     * @param schedule the target schedule
     * @param targetLabel the legend text of the target line
     * @return the chart
     */
    public static JFreeChart population(ChartRequest r, PercentileBands bands, int patients,
            TargetSchedule schedule, String targetLabel) {
        Checks.notNull("target schedule", schedule);
        JFreeChart chart = PopulationChart.create(r, bands, patients);
        XYPlot plot = chart.getXYPlot();
        ValueAxis y = plot.getRangeAxis();
        double top = schedule.maxTargetNgPerMl() * 1.05;
        if (!r.logScale() && y.getUpperBound() < top) {
            y.setUpperBound(top);
        }
        LegendItemCollection legend = plot.getFixedLegendItems();
        addTarget(plot, scaleOf(r), schedule, targetLabel, legend);
        plot.setFixedLegendItems(legend);
        return chart;
    }

    /**
     * Shades the band a manual scheme's concentrations are meant to stay within, from time 0 while the target is held,
     * behind the curves, with its legend entry: the reader sees where the scheme leaves it.
     *
     * @param chart a chart of {@link #typical}, drawn over {@code spanH}
     * @param spanH the time the chart's curves span, h (what chose its time unit)
     * @param untilH the end of the held target, h
     * @param lowNgPerMl the band's lower edge, ng/mL
     * @param highNgPerMl its upper edge, ng/mL
     * @param label the legend text, e.g. "Within ±15 % of the target"
     */
    public static void addToleranceBand(JFreeChart chart, double spanH, double untilH, double lowNgPerMl,
            double highNgPerMl, String label) {
        XYPlot plot = chart.getXYPlot();
        TimeScale scale = TimeScale.forSpanH(spanH);
        // a faint fill under the band tints and the infusion's shading: its dashed edges carry it
        Color fill = ChartStyle.translucent(ChartStyle.BLACK, 0.05);
        Stroke edge = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f);
        plot.addAnnotation(new XYBoxAnnotation(scale.fromHours(0), lowNgPerMl, scale.fromHours(untilH), highNgPerMl,
                edge, ChartStyle.BLACK, fill), false);
        LegendItemCollection legend = plot.getFixedLegendItems();
        legend.add(new LegendItem(label, null, null, null, true, new Rectangle2D.Double(-16, -9, 32, 18), true, fill,
                true, ChartStyle.BLACK, edge, false, ChartLegend.ENTRY_LINE, edge, ChartStyle.BLACK));
        plot.setFixedLegendItems(legend);
    }

    private static TimeScale scaleOf(ChartRequest r) {
        double spanH = 0;
        for (PlotSeries s : r.series()) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        return TimeScale.forSpanH(spanH);
    }

    /** The target as a stepped line: level over each step, vertical at each change, down to 0 at the end. */
    static XYSeries targetSeries(TargetSchedule schedule, TimeScale scale, boolean logScale) {
        XYSeries s = new XYSeries(TARGET_KEY, false, true);
        for (TargetSchedule.Step st : schedule.steps()) {
            double v = st.targetNgPerMl();
            if (logScale && !(v > 0)) {
                continue;
            }
            s.add(scale.fromHours(st.startH()), v, false);
            s.add(scale.fromHours(st.endH()), v, false);
        }
        if (!logScale) {
            // the targets end: the pump stops
            s.add(scale.fromHours(schedule.endH()), 0, false);
        }
        return s;
    }

    private static void addTarget(XYPlot plot, TimeScale scale, TargetSchedule schedule, String label,
            LegendItemCollection legend) {
        boolean log = plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis;
        plot.setDataset(TARGET_DATASET, new XYSeriesCollection(targetSeries(schedule, scale, log)));
        Stroke stroke = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 5f}, 0f);
        plot.setRenderer(TARGET_DATASET, line(ChartStyle.BLACK, stroke));
        legend.add(legendLine(label, ChartStyle.BLACK, stroke));
    }

    private static void addEffectSite(XYPlot plot, TimeScale scale, EffectSiteCurve curve,
            LegendItemCollection legend) {
        boolean log = plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis;
        double[][] kept = Decimation.minMax(curve.series().timesH(), curve.series().ngPerMl(),
                ConcentrationChart.DRAW_BUCKETS);
        XYSeries s = new XYSeries(EFFECT_SITE_KEY, false, true);
        for (int i = 0; i < kept[0].length; i++) {
            if (log && !(kept[1][i] > 0)) {
                continue;
            }
            s.add(scale.fromHours(kept[0][i]), kept[1][i], false);
        }
        plot.setDataset(EFFECT_SITE_DATASET, new XYSeriesCollection(s));
        Stroke stroke = new BasicStroke(ChartStyle.LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {22f, 6f, 3f, 6f}, 0f);
        plot.setRenderer(EFFECT_SITE_DATASET, line(EFFECT_SITE_COLOUR, stroke));
        legend.add(legendLine(curve.label(), EFFECT_SITE_COLOUR, stroke));
    }

    private static XYLineAndShapeRenderer line(Color colour, Stroke stroke) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultSeriesVisibleInLegend(false);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, stroke);
        return r;
    }

    private static LegendItem legendLine(String label, Color colour, Stroke stroke) {
        Shape line = new Line2D.Double(-22, 0, 22, 0);
        return new LegendItem(label, null, null, null, false, line, false, colour, false, colour, stroke, true, line,
                stroke, colour);
    }

    /** @return the legend labels of a chart, for tests and inspection */
    static List<String> legendLabels(JFreeChart chart) {
        List<String> out = new java.util.ArrayList<>();
        LegendItemCollection items = chart.getXYPlot().getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }
}
