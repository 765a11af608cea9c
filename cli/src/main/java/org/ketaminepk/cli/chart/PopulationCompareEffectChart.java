package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.population.PercentileBands;

/**
 * The chart of several series given to the same virtual population with an effect endpoint: the concentration
 * panels of {@link PopulationCompareChart}, and under them, on the same time axis, a panel with each series' median
 * effect over its middle 50 % and 90 % of patients in the series' colour, the effect without drug, an optional
 * effect level and the infusion periods shaded. For an endpoint with an effect site only, the panel shows the
 * effect-site concentration's bands instead (no effect is invented). The footer names the endpoint, its source, the
 * link and its basis, the driving concentration, the inferred parts and that every patient has the same ke0.
 *
 * <p>A pure function over {@link PopulationCompareChart}. Not for one population: use
 * {@link EffectChart#createPopulation}.
 */
public final class PopulationCompareEffectChart {
    /** Weight of each concentration panel when there are several, against {@link #EFFECT_WEIGHT_BESIDE_PANELS}. */
    static final int CONCENTRATION_WEIGHT_BESIDE_PANELS = 2;
    /** Weight of the effect panel beside several concentration panels: the effect is what the chart compares. */
    static final int EFFECT_WEIGHT_BESIDE_PANELS = 3;

    private PopulationCompareEffectChart() {
    }

    /**
     * @param r titles, caption and each series' typical profile, labelled
     * @param bands each series' concentration bands, as {@link PopulationCompareChart#create} takes them
     * @param effect the endpoint's title, source, unit, baseline, level and footer notes ({@code effectUnit} null
     *        for an endpoint with an effect site only)
     * @param effectBands each series' bands of the effect (or of the effect-site concentration, ng/mL, when
     *        {@code effect} has no effect), in the order of {@code r.series()}
     * @param patients how many patients each series' bands are of: a band of too few ({@link PercentileSupport}) is
     *        not drawn, and the subtitle says so
     * @return the chart: the concentration panels, then the effect panel
     */
    public static JFreeChart create(ChartRequest r, List<PercentileBands> bands, EffectPanel effect,
            List<EffectPanel.Bands> effectBands, int patients) {
        Checks.notNull("chart request", r);
        Checks.notNull("effect panel", effect);
        Checks.notNull("effect bands", effectBands);
        if (effectBands.size() != r.series().size()) {
            throw new InvalidInputException("effect bands", "a comparison needs one set of effect bands per series ("
                    + r.series().size() + ") but had " + effectBands.size());
        }
        if (effectBands.size() > PopulationCompareChart.MAX_SERIES) {
            throw new InvalidInputException("effect bands", "a chart compares at most "
                    + PopulationCompareChart.MAX_SERIES + " series but had " + effectBands.size());
        }
        // without a duration, the axis ends when the concentrations and the effect are over for the patients too
        double endH = r.fitTime() ? TimeWindow.fittedEndH(r.series(), r.logScale(), bands, effectBands,
                effect.hasEffect() ? effect.baseline() : 0, patients) : Double.NaN;
        JFreeChart base = PopulationCompareChart.create(r.withFitTime(false), bands, patients, endH);
        Plot top = base.getPlot();
        CombinedDomainXYPlot combined;
        XYPlot first;
        if (top instanceof CombinedDomainXYPlot c) {
            combined = c;
            first = (XYPlot) c.getSubplots().get(0);
            for (Object panel : c.getSubplots()) {
                ((XYPlot) panel).setWeight(CONCENTRATION_WEIGHT_BESIDE_PANELS);
            }
        } else {
            first = (XYPlot) top;
            combined = new CombinedDomainXYPlot(first.getDomainAxis());
            combined.setGap(PopulationCompareChart.PANEL_GAP_PX);
            combined.setBackgroundPaint(Color.WHITE);
            combined.setOutlineVisible(false);
            combined.setInsets(first.getInsets());
            combined.add(first, EffectChart.CONCENTRATION_WEIGHT);
        }
        LegendItemCollection legend = copy(top.getLegendItems());
        double spanH = 0;
        for (PlotSeries s : r.series()) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        if (!Double.isNaN(endH)) {
            spanH = Math.min(spanH, endH);
        }
        TimeScale scale = TimeScale.forSpanH(spanH);
        XYPlot panel = effectPlot(first, r, effect, effectBands, scale, patients);
        combined.add(panel, top instanceof CombinedDomainXYPlot ? EFFECT_WEIGHT_BESIDE_PANELS
                : EffectChart.EFFECT_WEIGHT);

        Line2D line = new Line2D.Double(-22, 0, 22, 0);
        if (effect.hasEffect()) {
            legend.add(EffectChart.lineItem("Effect without drug: " + Checks.fmt(effect.baseline()), line,
                    EffectChart.REFERENCE_STROKE, ChartStyle.AXIS));
        }
        if (effect.level() != null) {
            legend.add(EffectChart.lineItem((effect.hasEffect() ? "Effect level " : "Effect-site level ")
                    + Checks.fmt(effect.level()) + (effect.hasEffect() ? "" : " ng/mL"), line,
                    EffectChart.LEVEL_STROKE, ChartStyle.TEXT));
        }
        combined.setFixedLegendItems(legend);

        JFreeChart chart = ChartStyle.dressedAs(base, combined);
        // the footer goes in before the legend, which spans the height left between titles and footer
        EffectChart.addFooter(chart, effect);
        chart.addSubtitle(ChartLegend.title(combined));
        return chart;
    }

    /**
     * The effect panel: each series' median and bands (for a dense course from troughs to peaks, see
     * {@link DenseCourse}), baseline, level, median peaks, infusion shading.
     */
    private static XYPlot effectPlot(XYPlot first, ChartRequest r, EffectPanel p, List<EffectPanel.Bands> bands,
            TimeScale scale, int patients) {
        double baseline = p.hasEffect() ? p.baseline() : 0;
        double axisEnd = first.getDomainAxis().getUpperBound();
        XYSeriesCollection medians = new XYSeriesCollection();
        YIntervalSeriesCollection inner = new YIntervalSeriesCollection();
        YIntervalSeriesCollection outer = new YIntervalSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        lines.setDefaultSeriesVisibleInLegend(false);
        DeviationRenderer innerFill = PopulationCompareChart.fill();
        DeviationRenderer outerFill = PopulationCompareChart.fill();
        XYPlot plot = new XYPlot();
        double lo = baseline;
        double hi = baseline;
        if (p.level() != null) {
            lo = Math.min(lo, p.level());
            hi = Math.max(hi, p.level());
        }
        List<Regimen> regimens = ConcentrationChart.regimens(r.series());
        boolean[] dense = DenseCourse.dense(regimens, axisEnd, scale);
        double slowSpan = DenseCourse.slowSpan(regimens, axisEnd, scale);
        for (int si = 0; si < bands.size(); si++) {
            EffectPanel.Bands b = bands.get(si);
            String key = r.series().get(si).label() + " – effect";
            XYSeries m = new XYSeries(key, false, true);
            YIntervalSeries in = new YIntervalSeries(key + " 25–75", false, true);
            YIntervalSeries out = new YIntervalSeries(key + " 5–95", false, true);
            double[] t = b.timesH();
            double[] range = {lo, hi};
            if (dense[si]) {
                // as on the concentration panels: the median's peaks and troughs, each band from the troughs of its
                // lower percentile to the peaks of its upper one
                double[] x = scale.fromHours(t);
                m = DenseCourse.lines(key, Envelope.of(x, b.p50(), slowSpan), false);
                EffectChart.addBands(b, scale, patients, new YIntervalSeries(key, false, true),
                        new YIntervalSeries(key, false, true), range);
                BandSeries.fillIntervals(in, out, x, new double[][] {b.p5(), b.p25(), b.p75(), b.p95()}, patients,
                        slowSpan, false);
            } else {
                for (int i = 0; i < t.length; i++) {
                    m.add(scale.fromHours(t[i]), b.p50()[i], false);
                }
                EffectChart.addBands(b, scale, patients, in, out, range);
            }
            lo = range[0];
            hi = range[1];
            medians.addSeries(m);
            inner.addSeries(in);
            outer.addSeries(out);
            Color colour = ChartStyle.SERIES_COLOURS.get(si);
            lines.setSeriesPaint(si, colour);
            lines.setSeriesStroke(si, EffectChart.EFFECT_STROKE);
            PopulationCompareChart.paint(innerFill, si, ChartStyle.translucent(colour, PopulationCompareChart.INNER_ALPHA));
            PopulationCompareChart.paint(outerFill, si, ChartStyle.translucent(colour, PopulationCompareChart.OUTER_ALPHA));
            if (bands.size() <= EffectChart.MAX_PEAK_LABELS) {
                EffectChart.labelPeak(plot, t, b.p50(), "median peak", colour, scale, baseline);
            }
        }
        PopulationCompareChart.stack(plot, medians, lines, inner, innerFill, outer, outerFill);
        plot.setRangeAxis(axis(p, baseline, lo, hi));
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(first.getDomainGridlinePaint());
        plot.setRangeGridlinePaint(first.getRangeGridlinePaint());
        plot.setDomainGridlineStroke(first.getDomainGridlineStroke());
        plot.setRangeGridlineStroke(first.getRangeGridlineStroke());
        plot.setAxisOffset(first.getAxisOffset());
        // the infusion periods the first panel shades (shared by every series)
        Collection<?> shaded = first.getDomainMarkers(Layer.BACKGROUND);
        if (shaded != null) {
            for (Object o : shaded) {
                if (o instanceof IntervalMarker im && ChartStyle.INFUSION_FILL.equals(im.getPaint())) {
                    IntervalMarker copy = new IntervalMarker(im.getStartValue(), im.getEndValue(), im.getPaint());
                    copy.setOutlinePaint(null);
                    plot.addDomainMarker(copy, Layer.BACKGROUND);
                }
            }
        }
        if (p.hasEffect()) {
            plot.addRangeMarker(EffectChart.reference(baseline, ChartStyle.AXIS), Layer.BACKGROUND);
        } else {
            plot.addRangeMarker(new ValueMarker(0, ChartStyle.AXIS, new BasicStroke(1.2f)), Layer.FOREGROUND);
        }
        if (p.level() != null) {
            EffectChart.addLevel(plot, p.level());
        }
        plot.addAnnotation(heading(p, bands));
        return plot;
    }

    /**
     * @return the panel's heading along its top, where no curve reaches up ({@link PanelHeading}): what it shows,
     *         with the unit when the axis label has no room for it (the footer names the endpoint)
     */
    private static PanelHeading heading(EffectPanel p, List<EffectPanel.Bands> bands) {
        String what = !p.hasEffect() ? "At the effect site"
                : p.effectUnit().length() > EffectChart.AXIS_UNIT_CHARS ? "Effect, " + p.effectUnit() : "Effect";
        // bands of no width (no between-patient variability reaches the analyte that drives the effect) are one line:
        // a heading promising the middle 50 % and 90 % would send the eye looking for them
        String text = what + (bands.stream().allMatch(PopulationCompareEffectChart::flat)
                ? ": every patient alike (no between-patient variability reaches it)"
                : ": median, middle 50 % and 90 % of patients");
        TextTitle t = new TextTitle(text, ChartStyle.AXIS_LABEL, ChartStyle.TEXT, RectangleEdge.TOP,
                HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(2, 6, 2, 6));
        t.setBackgroundPaint(ChartStyle.translucent(Color.WHITE, 0.85));
        return new PanelHeading(t);
    }

    /** @return whether the 5th and 95th percentiles are equal, to 1e-9 of the largest value, at every time */
    static boolean flat(EffectPanel.Bands b) {
        double scale = 0;
        for (double v : b.p95()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < b.p5().length; i++) {
            if (Math.abs(b.p95()[i] - b.p5()[i]) > 1e-9 * scale) {
                return false;
            }
        }
        return true;
    }

    /** The panel's axis: fitted to the bands, the baseline and the level, with room for the heading and labels. */
    private static NumberAxis axis(EffectPanel p, double baseline, double lo, double hi) {
        String label;
        if (!p.hasEffect()) {
            label = "Effect site (ng/mL)";
        } else {
            label = p.effectUnit().length() > EffectChart.AXIS_UNIT_CHARS ? "Effect" : "Effect (" + p.effectUnit()
                    + ")";
        }
        // more room than a single effect panel: the heading and one peak label per series
        return EffectChart.fitted(new NumberAxis(label), lo, hi, baseline, 0.3);
    }

    private static LegendItemCollection copy(LegendItemCollection items) {
        LegendItemCollection out = new LegendItemCollection();
        Iterator<?> it = items.iterator();
        while (it.hasNext()) {
            out.add((LegendItem) it.next());
        }
        return out;
    }
}
