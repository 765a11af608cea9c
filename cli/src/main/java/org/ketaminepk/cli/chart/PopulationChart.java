package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.population.PercentileBands;

/**
 * The concentration chart of a virtual population: per analyte the median as a line, the middle 50 % of patients
 * as a light fill and the middle 90 % as a lighter one, both in the analyte's colour (a fill of too few patients is
 * left out, see {@link PercentileSupport}), over the concentration ranges
 * and dose marks of {@link ConcentrationChart}. A pure function, like {@link ConcentrationChart}. Not for comparing
 * several populations on one chart.
 */
public final class PopulationChart {
    /** Opacity of the 5th–95th percentile fill. */
    static final double OUTER_ALPHA = 0.16;
    /** Opacity of the 25th–75th percentile fill (drawn over the outer one). */
    static final double INNER_ALPHA = 0.24;

    private PopulationChart() {
    }

    /**
     * @param r titles, caption and the typical patient's profile (its regimen marks the doses; its curves are
     *        replaced by the population's medians)
     * @param bands percentile bands holding at least the 5th, 25th, 50th, 75th and 95th percentiles
     * @param patients how many patients the bands are of: a band of too few ({@link PercentileSupport}) is not
     *        drawn, and the subtitle says so
     * @return the chart
     */
    public static JFreeChart create(ChartRequest r, PercentileBands bands, int patients) {
        return create(r, bands, patients, Double.NaN);
    }

    /**
     * As {@link #create(ChartRequest, PercentileBands, int)}, with the time axis ending at {@code endH} when it is a
     * number (a chart built on this one that fits its time axis to more than the concentrations).
     */
    static JFreeChart create(ChartRequest r, PercentileBands bands, int patients, double endH) {
        Checks.notNull("chart request", r);
        Checks.notNull("percentile bands", bands);
        double top = 0;
        for (Analyte a : bands.analytes()) {
            top = Math.max(top, BandSeries.top(bands, a, patients));
        }
        JFreeChart chart = ConcentrationChart.create(r.withTitles(r.title(),
                PercentileSupport.subtitle(r.subtitle(), patients)), top, DenseNote.MEDIANS, endH);
        XYPlot plot = chart.getXYPlot();
        double[] t = r.series().get(0).profile().timesH();
        TimeScale scale = TimeScale.forSpanH(t[t.length - 1]);
        double axisEnd = plot.getDomainAxis().getUpperBound();
        boolean dense = DenseCourse.dense(r.series().get(0).profile().regimen(), axisEnd, scale);
        DenseCourse.removeFills(plot);
        List<Analyte> analytes = List.copyOf(r.series().get(0).profile().analytes());

        XYSeriesCollection medians = new XYSeriesCollection();
        YIntervalSeriesCollection inner = new YIntervalSeriesCollection();
        YIntervalSeriesCollection outer = new YIntervalSeriesCollection();
        for (Analyte a : analytes) {
            BandSeries bs = dense
                    ? BandSeries.envelopes(ConcentrationChart.seriesKey("", a), a.label(), bands, a, scale,
                            r.logScale(), patients, DenseCourse.slowSpan(axisEnd))
                    : BandSeries.of(ConcentrationChart.seriesKey("", a), a.label(), bands, a, scale, r.logScale(),
                            patients);
            medians.addSeries(bs.median());
            inner.addSeries(bs.inner());
            outer.addSeries(bs.outer());
        }
        plot.setDataset(0, medians);
        plot.setDataset(1, inner);
        plot.setRenderer(1, fill(analytes, INNER_ALPHA));
        plot.setDataset(2, outer);
        plot.setRenderer(2, fill(analytes, OUTER_ALPHA));
        BandShading.underFills(plot);
        // higher indices first: the 90 % fill, then the 50 % fill, then the medians on top
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer(0);
        for (int k = 0; k < analytes.size(); k++) {
            lines.setSeriesPaint(k, ChartStyle.analyteColour(analytes.get(k)));
            lines.setSeriesStroke(k, ChartStyle.analyteStroke(analytes.get(k)));
        }
        plot.setFixedLegendItems(legend(plot.getFixedLegendItems(), analytes, patients, dense));
        return chart;
    }

    private static DeviationRenderer fill(List<Analyte> analytes, double alpha) {
        DeviationRenderer d = new DeviationRenderer(false, false);
        d.setAlpha(1f);
        d.setDefaultSeriesVisibleInLegend(false);
        for (int k = 0; k < analytes.size(); k++) {
            Color c = ChartStyle.translucent(ChartStyle.analyteColour(analytes.get(k)), alpha);
            d.setSeriesFillPaint(k, c);
            d.setSeriesPaint(k, c);
        }
        return d;
    }

    /**
     * The analytes' lines become medians ("Ketamine, median", or "Ketamine, median peaks and troughs" for a dense
     * course), followed by the fills drawn.
     */
    private static LegendItemCollection legend(LegendItemCollection items, List<Analyte> analytes, int patients,
            boolean dense) {
        LegendItemCollection out = new LegendItemCollection();
        Line2D line = new Line2D.Double(-22, 0, 22, 0);
        Iterator<?> it = items.iterator();
        int k = 0;
        while (it.hasNext()) {
            LegendItem item = (LegendItem) it.next();
            if (k < analytes.size()) {
                Analyte a = analytes.get(k);
                Color c = ChartStyle.analyteColour(a);
                String label = capitalised(a.label()) + (dense ? ", median peaks and troughs" : ", median");
                out.add(new LegendItem(label, null, null, null, false, line, false, c, false, c,
                        ChartStyle.analyteStroke(a), true, line, ChartStyle.analyteStroke(a), c));
                k++;
                if (k == analytes.size()) {
                    PercentileSupport.addBandSwatches(out, patients, INNER_ALPHA, OUTER_ALPHA);
                }
                continue;
            }
            out.add(item);
        }
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
