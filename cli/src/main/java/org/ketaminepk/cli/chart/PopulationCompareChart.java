package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Iterator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.population.PercentileBands;

/**
 * The concentration chart of several series given to the same virtual population: per series and analyte the median
 * as a line in the series' colour (line style by analyte) over its middle 50 % and middle 90 % of patients as two
 * light fills of that colour, over the concentration ranges, infusion periods and dose marks of
 * {@link ConcentrationChart}. The fills are lighter than {@link PopulationChart}'s, so that where the series overlap
 * each median and each edge stays visible. A pure function. Not for one population: use {@link PopulationChart}.
 */
public final class PopulationCompareChart {
    /** Opacity of each series' 5th–95th percentile fill. */
    static final double OUTER_ALPHA = 0.09;
    /** Opacity of each series' 25th–75th percentile fill (drawn over the outer one). */
    static final double INNER_ALPHA = 0.14;

    private PopulationCompareChart() {
    }

    /**
     * @param r titles, caption and each series' typical profile, labelled (its regimen marks the doses; its curves
     *        are replaced by the series' medians)
     * @param bands each series' percentile bands, in the order of {@code r.series()}, holding at least the 5th,
     *        25th, 50th, 75th and 95th percentiles of every analyte of its profile
     * @return the chart
     */
    public static JFreeChart create(ChartRequest r, List<PercentileBands> bands) {
        Checks.notNull("chart request", r);
        Checks.notNull("percentile bands", bands);
        if (bands.size() != r.series().size() || r.series().size() < 2) {
            throw new InvalidInputException("percentile bands", "a comparison needs one set of bands per series, "
                    + "at least two, but had " + bands.size() + " for " + r.series().size() + " series");
        }
        double top = 0;
        for (PercentileBands b : bands) {
            for (Analyte a : b.analytes()) {
                for (double v : b.ngPerMl(a, 95)) {
                    top = Math.max(top, v);
                }
            }
        }
        JFreeChart chart = ConcentrationChart.create(r, top);
        XYPlot plot = chart.getXYPlot();
        double spanH = 0;
        for (PlotSeries s : r.series()) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        TimeScale scale = TimeScale.forSpanH(spanH);

        // the same keys and order as the typical curves they replace, so the renderer's colours and strokes hold
        XYSeriesCollection medians = new XYSeriesCollection();
        YIntervalSeriesCollection inner = new YIntervalSeriesCollection();
        YIntervalSeriesCollection outer = new YIntervalSeriesCollection();
        DeviationRenderer innerFill = fill();
        DeviationRenderer outerFill = fill();
        int k = 0;
        for (int si = 0; si < r.series().size(); si++) {
            PlotSeries s = r.series().get(si);
            PercentileBands b = bands.get(si);
            double[] times = b.timesH();
            Color colour = ChartStyle.SERIES_COLOURS.get(si);
            for (Analyte a : s.profile().analytes()) {
                double[] p5 = b.ngPerMl(a, 5);
                double[] p25 = b.ngPerMl(a, 25);
                double[] p50 = b.ngPerMl(a, 50);
                double[] p75 = b.ngPerMl(a, 75);
                double[] p95 = b.ngPerMl(a, 95);
                String key = ConcentrationChart.seriesKey(s.label(), a);
                XYSeries m = new XYSeries(key, false, true);
                YIntervalSeries in = new YIntervalSeries(key + " 25–75", false, true);
                YIntervalSeries out = new YIntervalSeries(key + " 5–95", false, true);
                for (int i = 0; i < times.length; i++) {
                    if (r.logScale() && !(p5[i] > 0)) {
                        continue;
                    }
                    double x = scale.fromHours(times[i]);
                    m.add(x, p50[i], false);
                    in.add(x, p50[i], p25[i], p75[i]);
                    out.add(x, p50[i], p5[i], p95[i]);
                }
                medians.addSeries(m);
                inner.addSeries(in);
                outer.addSeries(out);
                paint(innerFill, k, ChartStyle.translucent(colour, INNER_ALPHA));
                paint(outerFill, k, ChartStyle.translucent(colour, OUTER_ALPHA));
                k++;
            }
        }
        plot.setDataset(0, medians);
        plot.setDataset(1, inner);
        plot.setRenderer(1, innerFill);
        plot.setDataset(2, outer);
        plot.setRenderer(2, outerFill);
        // higher indices first: the 90 % fills, then the 50 % fills, then the medians on top
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setFixedLegendItems(legend(plot.getFixedLegendItems(), r.series().size(), analyteCount(r)));
        return chart;
    }

    private static DeviationRenderer fill() {
        DeviationRenderer d = new DeviationRenderer(false, false);
        d.setAlpha(1f);
        d.setDefaultSeriesVisibleInLegend(false);
        return d;
    }

    private static void paint(DeviationRenderer d, int k, Color c) {
        d.setSeriesFillPaint(k, c);
        d.setSeriesPaint(k, c);
    }

    /** @return how many analytes the series draw together (the legend lists line styles when more than one) */
    private static int analyteCount(ChartRequest r) {
        java.util.Set<Analyte> all = java.util.EnumSet.noneOf(Analyte.class);
        for (PlotSeries s : r.series()) {
            all.addAll(s.profile().analytes());
        }
        return all.size();
    }

    /**
     * The series' lines become medians, and after them (and the analytes' line styles) come the two fills, in
     * grey: each series has them in its own colour.
     */
    private static LegendItemCollection legend(LegendItemCollection items, int series, int analytes) {
        LegendItemCollection out = new LegendItemCollection();
        Shape swatch = new Rectangle2D.Double(-16, -9, 32, 18);
        int lines = series + (analytes > 1 ? analytes : 0);
        Iterator<?> it = items.iterator();
        int k = 0;
        while (it.hasNext()) {
            LegendItem item = (LegendItem) it.next();
            if (k < series) {
                item = new LegendItem(item.getLabel() + ", median", null, null, null, false, item.getLine(), false,
                        item.getLinePaint(), false, item.getLinePaint(), item.getLineStroke(), true, item.getLine(),
                        item.getLineStroke(), item.getLinePaint());
            }
            out.add(item);
            k++;
            if (k == lines) {
                Color grey = ChartStyle.AXIS;
                out.add(new LegendItem("Middle 50 % of patients", null, null, null, swatch,
                        ChartStyle.translucent(grey, INNER_ALPHA + OUTER_ALPHA)));
                out.add(new LegendItem("Middle 90 % of patients", null, null, null, swatch,
                        ChartStyle.translucent(grey, OUTER_ALPHA)));
            }
        }
        return out;
    }
}
