package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.population.PercentileBands;

/**
 * The concentration chart of several series given to the same virtual population: one panel per analyte on one time
 * axis, and in each panel every series' median as a line in the series' colour (line style by analyte) over its
 * middle 50 % and middle 90 % of patients as two light fills of that colour. The first panel carries the
 * concentration ranges and dose marks of {@link ConcentrationChart}. Panels keep one analyte's bands from covering
 * another's, and the fills are lighter than {@link PopulationChart}'s, so that where series overlap each median and
 * each edge stays visible. A pure function. Not for one population: use {@link PopulationChart}.
 */
public final class PopulationCompareChart {
    /** Most series one chart can compare: one colour each. */
    public static final int MAX_SERIES = ConcentrationChart.MAX_SERIES;
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
     * @param patients how many patients each series' bands are of: a band of too few ({@link PercentileSupport}) is
     *        not drawn, and the subtitle says so
     * @return the chart: one panel per analyte, on one time axis, ketamine's on top with the concentration ranges
     *         (they are ketamine's) and the dose marks; a later panel's axis fits its own analyte
     */
    public static JFreeChart create(ChartRequest r, List<PercentileBands> bands, int patients) {
        return create(r, bands, patients, Double.NaN);
    }

    /**
     * As {@link #create(ChartRequest, List, int)}, with the time axis ending at {@code endH} when it is a number (a
     * chart built on this one that fits its time axis to more than the concentrations).
     */
    static JFreeChart create(ChartRequest r, List<PercentileBands> bands, int patients, double endH) {
        Checks.notNull("chart request", r);
        Checks.notNull("percentile bands", bands);
        if (bands.size() != r.series().size() || r.series().size() < 2) {
            throw new InvalidInputException("percentile bands", "a comparison needs one set of bands per series, "
                    + "at least two, but had " + bands.size() + " for " + r.series().size() + " series");
        }
        Set<Analyte> analytes = EnumSet.noneOf(Analyte.class);
        for (PlotSeries s : r.series()) {
            analytes.addAll(s.profile().analytes());
        }
        List<Analyte> panels = List.copyOf(analytes);
        // the first panel is ConcentrationChart's own plot, fitted to the first analyte's bands and every curve
        r = r.withTitles(r.title(), PercentileSupport.subtitle(r.subtitle(), patients));
        JFreeChart single = ConcentrationChart.create(r, top(bands, panels.get(0), patients), DenseNote.MEDIANS,
                endH);
        XYPlot first = single.getXYPlot();
        DenseCourse.removeFills(first);
        double spanH = 0;
        for (PlotSeries s : r.series()) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        if (!Double.isNaN(endH)) {
            // the time unit of the first panel, which ends there
            spanH = Math.min(spanH, endH);
        }
        TimeScale scale = TimeScale.forSpanH(spanH);
        double axisEnd = first.getDomainAxis().getUpperBound();
        boolean[] dense = DenseCourse.dense(ConcentrationChart.regimens(r.series()), axisEnd, scale);
        double slowSpan = DenseCourse.slowSpan(ConcentrationChart.regimens(r.series()), axisEnd, scale);
        LegendItemCollection legend = legend(first.getFixedLegendItems(), r.series().size(), panels.size(),
                patients);
        BandShading.underFills(first);
        if (panels.size() == 1) {
            addBands(first, r, bands, panels.get(0), scale, patients, dense, slowSpan);
            first.setFixedLegendItems(legend);
            return single;
        }

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(first.getDomainAxis());
        combined.setGap(PANEL_GAP_PX);
        combined.setBackgroundPaint(Color.WHITE);
        combined.setOutlineVisible(false);
        combined.setInsets(first.getInsets());
        for (Analyte a : panels) {
            XYPlot panel = a == panels.get(0) ? first : panel(first, r, top(bands, a, patients), spanH);
            addBands(panel, r, bands, a, scale, patients, dense, slowSpan);
            // the axis label has a panel's height, not the chart's: the unit there, the analyte inside the panel
            panel.getRangeAxis().setLabel(r.logScale() ? "ng/mL (log scale)" : "ng/mL");
            panel.addAnnotation(panelTitle(capitalised(a.label())));
            if (panel.getRangeAxis() instanceof NumberAxis linear) {
                // a panel has a fraction of the chart's height: as many ticks as one chart would crowd it
                linear.setTickUnit(ConcentrationAxes.concentrationTickUnit(linear.getUpperBound() * panels.size()),
                        false, true);
            }
            combined.add(panel, 1);
        }
        combined.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.dressedAs(single, combined);
        // added last, as ConcentrationChart does, so it spans only the height between the titles and the caption
        chart.addSubtitle(ChartLegend.title(combined));
        return chart;
    }

    /**
     * @return the analyte's name along the top of its panel, on white, where no curve reaches up
     *         ({@link PanelHeading})
     */
    private static PanelHeading panelTitle(String text) {
        TextTitle t = new TextTitle(text, ChartStyle.AXIS_LABEL, ChartStyle.TEXT, RectangleEdge.TOP,
                HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(2, 6, 2, 6));
        t.setBackgroundPaint(ChartStyle.translucent(Color.WHITE, 0.85));
        return new PanelHeading(t);
    }

    /** Gap between two panels, px. */
    static final double PANEL_GAP_PX = 14;

    /** @return the highest percentile drawn of analyte {@code a} over the series (the 95th, if drawn), ng/mL */
    private static double top(List<PercentileBands> bands, Analyte a, int patients) {
        double top = 0;
        for (PercentileBands b : bands) {
            if (b.analytes().contains(a)) {
                top = Math.max(top, BandSeries.top(b, a, patients));
            }
        }
        return top;
    }

    /**
     * @return a panel below the first: white, with the first panel's grid, and a concentration axis fitted to
     *         {@code topNgPerMl} alone (no concentration ranges: they are ketamine's, and no dose lanes: the first
     *         panel has them)
     */
    private static XYPlot panel(XYPlot first, ChartRequest r, double topNgPerMl, double spanH) {
        ValueAxis y;
        if (r.logScale()) {
            y = ConcentrationAxes.log(topNgPerMl, TimeWindow.lowestOfInterestNgPerMl(r.series(), spanH),
                    new ArrayList<>());
        } else {
            NumberAxis linear = ConcentrationAxes.linear(topNgPerMl, 0, new ArrayList<>());
            double upper = topNgPerMl > 0 ? topNgPerMl * 1.08 : 1;
            linear.setRange(-upper * 0.02, upper);
            y = linear;
        }
        XYPlot p = new XYPlot(null, null, y, null);
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setDomainGridlinePaint(first.getDomainGridlinePaint());
        p.setRangeGridlinePaint(first.getRangeGridlinePaint());
        p.setDomainGridlineStroke(first.getDomainGridlineStroke());
        p.setRangeGridlineStroke(first.getRangeGridlineStroke());
        p.setAxisOffset(first.getAxisOffset());
        if (r.logScale()) {
            ConcentrationAxes.addLogMinorGrid(p, y.getLowerBound(), y.getUpperBound());
        } else {
            p.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1.2f)), Layer.FOREGROUND);
        }
        // the infusion periods the first panel shades (shared by every series), shaded in this panel too
        Collection<?> shaded = first.getDomainMarkers(Layer.BACKGROUND);
        if (shaded != null) {
            for (Object m : shaded) {
                if (m instanceof IntervalMarker im && ChartStyle.INFUSION_FILL.equals(im.getPaint())) {
                    IntervalMarker copy = new IntervalMarker(im.getStartValue(), im.getEndValue(), im.getPaint());
                    copy.setOutlinePaint(null);
                    p.addDomainMarker(copy, Layer.BACKGROUND);
                }
            }
        }
        return p;
    }

    /**
     * Sets, on {@code plot}, each series' median of analyte {@code a} as a line in the series' colour and the
     * analyte's line style, over its middle 50 % and middle 90 % of patients as fills of that colour; a series whose
     * course is dense as peaks and troughs ({@link BandSeries#envelopes}).
     */
    private static void addBands(XYPlot plot, ChartRequest r, List<PercentileBands> bands, Analyte a,
            TimeScale scale, int patients, boolean[] dense, double slowSpan) {
        XYSeriesCollection medians = new XYSeriesCollection();
        YIntervalSeriesCollection inner = new YIntervalSeriesCollection();
        YIntervalSeriesCollection outer = new YIntervalSeriesCollection();
        // the first panel keeps ConcentrationChart's renderer, which carries the concentration ranges' labels
        XYLineAndShapeRenderer lines;
        if (plot.getRenderer(0) instanceof XYLineAndShapeRenderer existing) {
            lines = existing;
        } else {
            lines = new XYLineAndShapeRenderer(true, false);
            lines.setDrawSeriesLineAsPath(true);
            lines.setDefaultSeriesVisibleInLegend(false);
        }
        DeviationRenderer innerFill = fill();
        DeviationRenderer outerFill = fill();
        int k = 0;
        for (int si = 0; si < r.series().size(); si++) {
            PlotSeries s = r.series().get(si);
            PercentileBands b = bands.get(si);
            if (!s.profile().analytes().contains(a)) {
                continue;
            }
            String key = ConcentrationChart.seriesKey(s.label(), a);
            BandSeries bs = dense[si] ? BandSeries.envelopes(key, key, b, a, scale, r.logScale(), patients, slowSpan)
                    : BandSeries.of(key, key, b, a, scale, r.logScale(), patients);
            medians.addSeries(bs.median());
            inner.addSeries(bs.inner());
            outer.addSeries(bs.outer());
            Color colour = ChartStyle.SERIES_COLOURS.get(si);
            lines.setSeriesPaint(k, colour);
            lines.setSeriesStroke(k, ChartStyle.analyteStroke(a));
            paint(innerFill, k, ChartStyle.translucent(colour, INNER_ALPHA));
            paint(outerFill, k, ChartStyle.translucent(colour, OUTER_ALPHA));
            k++;
        }
        stack(plot, medians, lines, inner, innerFill, outer, outerFill);
    }

    /**
     * Puts the medians, the 50 % fills and the 90 % fills on {@code plot} so that the 90 % fills are drawn first, then
     * the 50 % fills, then the medians on top.
     */
    static void stack(XYPlot plot, XYDataset medians, XYItemRenderer lines, XYDataset inner, XYItemRenderer innerFill,
            XYDataset outer, XYItemRenderer outerFill) {
        plot.setDataset(0, medians);
        plot.setRenderer(0, lines);
        plot.setDataset(1, inner);
        plot.setRenderer(1, innerFill);
        plot.setDataset(2, outer);
        plot.setRenderer(2, outerFill);
        // higher indices first
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    }

    /** A renderer of band fills without lines or legend entries, opaque (the colours carry their own alpha). */
    static DeviationRenderer fill() {
        DeviationRenderer d = new DeviationRenderer(false, false);
        d.setAlpha(1f);
        d.setDefaultSeriesVisibleInLegend(false);
        return d;
    }

    /** Paints series {@code k}'s band fill. */
    static void paint(DeviationRenderer d, int k, Color c) {
        d.setSeriesFillPaint(k, c);
        d.setSeriesPaint(k, c);
    }

    /**
     * The series' lines become medians ("A, median", or "A, median peaks and troughs" for a dense course), and after
     * them (and the analytes' line styles) come the two fills, in grey: each series has them in its own colour.
     */
    private static LegendItemCollection legend(LegendItemCollection items, int series, int analytes, int patients) {
        LegendItemCollection out = new LegendItemCollection();
        int lines = series + (analytes > 1 ? analytes : 0);
        Iterator<?> it = items.iterator();
        int k = 0;
        while (it.hasNext()) {
            LegendItem item = (LegendItem) it.next();
            if (k < series) {
                String label = item.getLabel();
                // a dense course's entry ("A, peaks and troughs") becomes "A, median peaks and troughs"
                String dense = ChartLegend.withoutSuffix(label, ChartLegend.ENVELOPE_SUFFIX);
                label = dense != null ? ChartLegend.withSuffix(dense, ", median peaks and troughs")
                        : label + ", median";
                item = new LegendItem(label, null, null, null, false, item.getLine(), false,
                        item.getLinePaint(), false, item.getLinePaint(), item.getLineStroke(), true, item.getLine(),
                        item.getLineStroke(), item.getLinePaint());
            }
            out.add(item);
            k++;
            if (k == lines) {
                PercentileSupport.addBandSwatches(out, patients, INNER_ALPHA, OUTER_ALPHA);
            }
        }
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
