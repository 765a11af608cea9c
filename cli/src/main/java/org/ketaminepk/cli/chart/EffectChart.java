package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
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
 * The concentration chart with an effect endpoint: the effect-site curve of each profile on the concentration
 * panel (dash-dotted), and under it, on the same time axis, a second panel with the effect over time (or, for a
 * population, its median with the middle 50 % and 90 % of patients), the baseline, an optional effect level, each
 * curve's peak and the infusion periods shaded as above. The footer names the endpoint and its source, the link
 * with the basis of its ke0 (fitted, transferred or guessed), the driving concentration (the assumed S-ketamine
 * share) and every part of the endpoint that was inferred rather than read in the source.
 *
 * <p>A pure function over {@link ConcentrationChart} and {@link PopulationChart}: it takes the chart they build and
 * adds to it. Not for an endpoint without an effect model: such an endpoint gets the effect-site curve and footer
 * but no second panel, since no effect is computed for it.
 */
public final class EffectChart {
    /** Height a chart with an effect panel is laid out for, px, at {@link ChartFiles#DEFAULT_WIDTH_PX} wide. */
    public static final int HEIGHT_PX = 1200;
    /** Longest unit that goes into the effect axis label; a longer one heads the panel instead. */
    static final int AXIS_UNIT_CHARS = 24;
    /** Share of the plot height for the concentration panel, against {@link #EFFECT_WEIGHT} for the effect. */
    static final int CONCENTRATION_WEIGHT = 3;
    /** Share of the plot height for the effect panel. */
    static final int EFFECT_WEIGHT = 2;
    /** Longest footer line, characters, at 1600 px (the caption font is about 8 px a character). */
    static final int FOOTER_CHARS = 170;
    /** Most footer lines of the effect; the rest are summarised. */
    static final int MAX_FOOTER_LINES = 10;
    /** Most intervals between labelled ticks on the effect axis. */
    static final int EFFECT_TICKS = 8;
    /** Most curves whose peak is labelled; more would cover each other. */
    static final int MAX_PEAK_LABELS = 3;
    /** Colour of the effect-site and effect curves of a single profile (no analyte uses it). */
    static final Color EFFECT_COLOUR = ChartStyle.REDDISH_PURPLE;
    /** Effect-site curves: dash-dot, so they read apart from the analytes' solid, dashed and dotted lines. */
    static final Stroke EFFECT_SITE_STROKE = new BasicStroke(ChartStyle.LINE_WIDTH, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_ROUND, 10f, new float[] {16f, 6f, 3f, 6f}, 0f);
    static final Stroke EFFECT_STROKE = new BasicStroke(ChartStyle.LINE_WIDTH, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND);
    static final Stroke LEVEL_STROKE = new BasicStroke(1.8f);
    static final Stroke REFERENCE_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f);

    private EffectChart() {
    }

    /**
     * @param r the concentration chart's request
     * @param p the effect, one curve per profile of {@code r}
     * @return the chart with the effect
     */
    public static JFreeChart create(ChartRequest r, EffectPanel p) {
        Checks.notNull("chart request", r);
        Checks.notNull("effect panel", p);
        if (p.curves().size() != r.series().size()) {
            throw new InvalidInputException("effect curves", "effect curves must number one per plot series ("
                    + r.series().size() + ") but were " + p.curves().size());
        }
        if (!r.fitTime()) {
            return combine(ConcentrationChart.create(r), r, p, 1, Double.NaN);
        }
        // the concentrations and the effect both: an effect can outlast the concentrations by weeks, and a bolus's
        // is over in minutes, which a day-long axis squeezed into its left edge
        double endH = TimeWindow.fittedEndH(r.series(), r.logScale(), p);
        return combine(ConcentrationChart.create(r, 0, DenseNote.CURVES, endH), r, p, 1, endH);
    }

    /**
     * @param r the concentration chart's request (the typical patient)
     * @param bands the population's concentration bands
     * @param p the effect: the typical patient's curve (its effect site is drawn as the median's companion) and
     *        the population's effect bands
     * @param patients how many patients the bands are of: a band of too few ({@link PercentileSupport}) is not
     *        drawn, and the subtitle says so
     * @return the population chart with the effect
     */
    public static JFreeChart createPopulation(ChartRequest r, PercentileBands bands, EffectPanel p, int patients) {
        Checks.notNull("effect panel", p);
        if (p.bands() == null) {
            throw new InvalidInputException("effect bands", "a population effect panel needs effect bands");
        }
        if (!r.fitTime()) {
            return combine(PopulationChart.create(r, bands, patients), r, p, patients, Double.NaN);
        }
        // as for one patient, with the patients' spread: the axis ends when the upper percentiles and the effect
        // bands are over too, not at the end of the run
        double endH = TimeWindow.fittedEndH(r.series(), r.logScale(), p, bands, patients);
        return combine(PopulationChart.create(r.withFitTime(false), bands, patients, endH), r, p, patients, endH);
    }

    /**
     * @param patients how many patients the effect panel's bands are of (1 when it has curves, not bands)
     * @param endH where the concentration panel's time axis ends, h, or NaN for the whole run
     */
    private static JFreeChart combine(JFreeChart base, ChartRequest r, EffectPanel p, int patients, double endH) {
        XYPlot conc = base.getXYPlot();
        double spanH = 0;
        for (PlotSeries s : r.series()) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        if (!Double.isNaN(endH)) {
            // the time unit of the concentration panel, which ends there
            spanH = Math.min(spanH, endH);
        }
        TimeScale scale = TimeScale.forSpanH(spanH);
        boolean single = r.series().size() == 1;
        // a course too dense to draw cycle by cycle draws its effect curves as peaks and troughs too
        double axisEnd = conc.getDomainAxis().getUpperBound();
        double[] slowSpans = new double[r.series().size()];
        boolean anyDense = false;
        List<Regimen> regimens = ConcentrationChart.regimens(r.series());
        boolean[] dense = DenseCourse.dense(regimens, axisEnd, scale);
        double slowSpan = DenseCourse.slowSpan(regimens, axisEnd, scale);
        for (int i = 0; i < slowSpans.length; i++) {
            slowSpans[i] = dense[i] ? slowSpan : Double.NaN;
            anyDense |= dense[i];
        }
        addEffectSites(conc, r, p, scale, single, slowSpans);
        LegendItemCollection legend = conc.getFixedLegendItems();
        Line2D line = new Line2D.Double(-22, 0, 22, 0);
        if (single || p.bands() != null) {
            legend.add(lineItem(enveloped(capitalised(p.curves().get(0).effectSiteName()), anyDense), line,
                    EFFECT_SITE_STROKE, EFFECT_COLOUR));
        } else {
            // one line style for every series' effect site, named by what drives it when that is the same for all
            String name = p.curves().get(0).effectSiteName();
            for (EffectPanel.Curve c : p.curves()) {
                name = c.effectSiteName().equals(name) ? name : "At the effect site";
            }
            legend.add(lineItem(enveloped(capitalised(name), anyDense), line, EFFECT_SITE_STROKE, ChartStyle.AXIS));
        }
        XYPlot top = conc;
        if (p.hasEffect()) {
            XYPlot effect = effectPlot(conc, r, p, scale, single, patients, slowSpans);
            if (p.bands() != null) {
                legend.add(lineItem(anyDense ? "Effect, median peaks and troughs" : "Effect, median", line,
                        EFFECT_STROKE, EFFECT_COLOUR));
            } else if (single) {
                String label = enveloped("Effect", anyDense) + " (lower panel)";
                // a dense course's effect is filled between its peaks and troughs, and its entry shows the fill
                legend.add(anyDense ? ChartLegend.envelopeItem(label, line, EFFECT_STROKE, EFFECT_COLOUR)
                        : lineItem(label, line, EFFECT_STROKE, EFFECT_COLOUR));
            }
            legend.add(lineItem("Effect without drug: " + Checks.fmt(p.baseline()), line, REFERENCE_STROKE,
                    ChartStyle.AXIS));
            if (p.level() != null) {
                legend.add(lineItem("Effect level " + Checks.fmt(p.level()), line, LEVEL_STROKE,
                        ChartStyle.TEXT));
            }
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(conc.getDomainAxis());
            combined.setGap(22);
            combined.setOrientation(PlotOrientation.VERTICAL);
            combined.setBackgroundPaint(Color.WHITE);
            combined.setOutlineVisible(false);
            combined.setInsets(new RectangleInsets(8, 4, 4, 24));
            combined.add(conc, CONCENTRATION_WEIGHT);
            combined.add(effect, EFFECT_WEIGHT);
            combined.setFixedLegendItems(legend);
            top = combined;
        }
        JFreeChart chart = ChartStyle.dressedAs(base, top);
        // the footer goes in before the legend, which spans the height left between titles and footer
        addFooter(chart, p);
        chart.addSubtitle(ChartLegend.title(top));
        return chart;
    }

    /** Each profile's effect-site curve, dash-dotted, in the profile's colour (the effect's colour for one). */
    private static void addEffectSites(XYPlot conc, ChartRequest r, EffectPanel p, TimeScale scale,
            boolean single, double[] slowSpans) {
        XYSeriesCollection sites = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultSeriesVisibleInLegend(false);
        List<EffectPanel.Curve> curves = p.bands() != null ? p.curves().subList(0, Math.min(1, p.curves().size()))
                : p.curves();
        for (int i = 0; i < curves.size(); i++) {
            EffectPanel.Curve c = curves.get(i);
            String key = (single ? "" : r.series().get(i).label() + " – ") + c.effectSiteName();
            sites.addSeries(series(key, c.timesH(), c.effectSiteNgPerMl(), scale, r.logScale(), slowSpans[i]));
            renderer.setSeriesPaint(i, single || p.bands() != null ? EFFECT_COLOUR
                    : ChartStyle.SERIES_COLOURS.get(i));
            renderer.setSeriesStroke(i, EFFECT_SITE_STROKE);
        }
        int index = conc.getDatasetCount();
        conc.setDataset(index, sites);
        conc.setRenderer(index, renderer);
        // drawn over everything else, in whichever order the plot draws its datasets
        if (conc.getDatasetRenderingOrder() == DatasetRenderingOrder.REVERSE) {
            swapToFront(conc, index);
        }
    }

    /** Puts the dataset at {@code index} at index 0 (drawn last in reverse order), shifting the others up. */
    private static void swapToFront(XYPlot plot, int index) {
        List<org.jfree.data.xy.XYDataset> data = new ArrayList<>();
        List<org.jfree.chart.renderer.xy.XYItemRenderer> renderers = new ArrayList<>();
        for (int i = 0; i <= index; i++) {
            data.add(plot.getDataset(i));
            renderers.add(plot.getRenderer(i));
        }
        data.add(0, data.remove(index));
        renderers.add(0, renderers.remove(index));
        for (int i = 0; i <= index; i++) {
            plot.setDataset(i, data.get(i));
            plot.setRenderer(i, renderers.get(i));
        }
    }

    /** The effect panel: curves or bands, baseline, level, peaks, infusion shading. */
    private static XYPlot effectPlot(XYPlot conc, ChartRequest r, EffectPanel p, TimeScale scale, boolean single,
            int patients, double[] slowSpans) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultSeriesVisibleInLegend(false);
        double lo = p.baseline();
        double hi = p.baseline();
        if (p.level() != null) {
            lo = Math.min(lo, p.level());
            hi = Math.max(hi, p.level());
        }
        XYPlot plot = new XYPlot();
        if (p.bands() != null) {
            EffectPanel.Bands b = p.bands();
            lines.addSeries(series("effect, median", b.timesH(), b.p50(), scale, false, slowSpans[0]));
            renderer.setSeriesPaint(0, EFFECT_COLOUR);
            renderer.setSeriesStroke(0, EFFECT_STROKE);
            YIntervalSeries inner = new YIntervalSeries("effect 25–75", false, true);
            YIntervalSeries outer = new YIntervalSeries("effect 5–95", false, true);
            double[] t = b.timesH();
            boolean dense = !Double.isNaN(slowSpans[0]);
            for (int i = 0; i < t.length; i++) {
                double x = scale.fromHours(t[i]);
                lo = Math.min(lo, b.p50()[i]);
                hi = Math.max(hi, b.p50()[i]);
                // a band of too few patients is left out, as on the concentration panel
                if (PercentileSupport.shown(25, patients)) {
                    if (!dense) {
                        inner.add(x, b.p50()[i], b.p25()[i], b.p75()[i]);
                    }
                    lo = Math.min(lo, b.p25()[i]);
                    hi = Math.max(hi, b.p75()[i]);
                }
                if (PercentileSupport.shown(5, patients)) {
                    if (!dense) {
                        outer.add(x, b.p50()[i], b.p5()[i], b.p95()[i]);
                    }
                    lo = Math.min(lo, b.p5()[i]);
                    hi = Math.max(hi, b.p95()[i]);
                }
            }
            if (dense) {
                // from the troughs of the lower percentile to the peaks of the upper one, as on the concentration panel
                BandSeries.fillIntervals(inner, outer, scale.fromHours(t), new double[][] {b.p5(), b.p25(), b.p75(),
                    b.p95()}, patients, slowSpans[0], false);
            }
            YIntervalSeriesCollection in = new YIntervalSeriesCollection();
            in.addSeries(inner);
            YIntervalSeriesCollection out = new YIntervalSeriesCollection();
            out.addSeries(outer);
            plot.setDataset(1, in);
            plot.setRenderer(1, fill(PopulationChart.INNER_ALPHA));
            plot.setDataset(2, out);
            plot.setRenderer(2, fill(PopulationChart.OUTER_ALPHA));
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
            labelPeak(plot, b.timesH(), b.p50(), "median peak", EFFECT_COLOUR, scale, p.baseline());
        } else {
            for (int i = 0; i < p.curves().size(); i++) {
                EffectPanel.Curve c = p.curves().get(i);
                String key = single ? "effect" : r.series().get(i).label();
                Color colour = single ? EFFECT_COLOUR : ChartStyle.SERIES_COLOURS.get(i);
                renderer.setSeriesPaint(i, colour);
                renderer.setSeriesStroke(i, EFFECT_STROKE);
                if (Double.isNaN(slowSpans[i])) {
                    lines.addSeries(series(key, c.timesH(), c.effect(), scale, false, Double.NaN));
                } else {
                    // the lines through the peaks and the troughs over a light fill, as the concentration panel has them
                    Envelope e = ConcentrationChart.envelope(c.timesH(), c.effect(), scale, slowSpans[i]);
                    lines.addSeries(DenseCourse.lines(key, e, false));
                    DenseCourse.Fill fill = DenseCourse.fill(e.upperX(), e.upperY(), e.lowerX(), e.lowerY(), false,
                            ChartStyle.translucent(colour, DenseCourse.FILL_ALPHA));
                    if (fill != null) {
                        renderer.addAnnotation(fill, Layer.BACKGROUND);
                    }
                }
                for (double v : c.effect()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (p.curves().size() <= MAX_PEAK_LABELS) {
                    labelPeak(plot, c.timesH(), c.effect(), "peak", colour, scale, p.baseline());
                }
            }
        }
        plot.setDataset(0, lines);
        plot.setRenderer(0, renderer);
        plot.setRangeAxis(axis(p, lo, hi));
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        Collection<?> infusions = conc.getDomainMarkers(Layer.BACKGROUND);
        if (infusions != null) {
            for (Object o : infusions) {
                if (o instanceof IntervalMarker m) {
                    IntervalMarker copy = new IntervalMarker(m.getStartValue(), m.getEndValue(), m.getPaint());
                    copy.setOutlinePaint(null);
                    plot.addDomainMarker(copy, Layer.BACKGROUND);
                }
            }
        }
        plot.addRangeMarker(reference(p.baseline(), ChartStyle.AXIS), Layer.BACKGROUND);
        if (p.level() != null) {
            addLevel(plot, p.level());
        }
        if (p.effectUnit().length() > AXIS_UNIT_CHARS) {
            TextTitle head = new TextTitle("Effect, " + p.effectUnit(), ChartStyle.BAND_LABEL, ChartStyle.TEXT,
                    RectangleEdge.TOP, HorizontalAlignment.LEFT, VerticalAlignment.TOP,
                    new RectangleInsets(4, 8, 4, 8));
            plot.addAnnotation(new XYTitleAnnotation(0, 1, head, RectangleAnchor.TOP_LEFT));
        }
        return plot;
    }

    /** A dashed line across the panel at {@code value}: the effect without drug. */
    static ValueMarker reference(double value, Color colour) {
        return new ValueMarker(value, colour, REFERENCE_STROKE);
    }

    /**
     * The effect level: a line across the panel and its name, which {@link PeakLabels} lays out with the peaks'
     * labels so that neither covers the other.
     */
    static void addLevel(XYPlot plot, double level) {
        ValueMarker line = new ValueMarker(level, ChartStyle.TEXT, LEVEL_STROKE);
        plot.addRangeMarker(line, Layer.FOREGROUND);
        PeakLabels.of(plot).add(new PeakLabels.Level(level, "level " + Checks.fmt(level), ChartStyle.TEXT));
    }

    /** The effect axis: fitted to the curves, the baseline and the level, with a margin; unit in the label. */
    private static NumberAxis axis(EffectPanel p, double lo, double hi) {
        String unit = p.effectUnit();
        NumberAxis axis = new NumberAxis(unit.length() > AXIS_UNIT_CHARS ? "Effect" : "Effect (" + unit + ")");
        return fitted(axis, lo, hi, p.baseline(), 0.22);
    }

    /**
     * Sets {@code axis} to [lo, hi] with margins: {@code room} of the span beyond the peaks for their labels (and
     * above the curves for the panel's heading), below them for an effect that falls from its baseline; fewer ticks
     * than a concentration panel, on a panel two thirds its height.
     */
    static NumberAxis fitted(NumberAxis axis, double lo, double hi, double baseline, double room) {
        double span = hi - lo;
        if (!(span > 0)) {
            span = Math.max(Math.abs(hi), 1);
        }
        boolean falls = lo < baseline && hi <= baseline;
        double lower = lo - (falls ? room : 0.06) * span;
        double upper = hi + (falls ? 0.1 : room) * span;
        axis.setAutoRange(false);
        axis.setRange(lower, upper);
        axis.setTickUnit(ConcentrationAxes.concentrationTickUnit((upper - lower)
                * ConcentrationAxes.MAX_CONCENTRATION_TICKS / EFFECT_TICKS), false, true);
        ConcentrationAxes.style(axis);
        return axis;
    }

    /** @return index of the largest change from baseline */
    static int peak(double[] e, double baseline) {
        int best = 0;
        for (int i = 1; i < e.length; i++) {
            if (Math.abs(e[i] - baseline) > Math.abs(e[best] - baseline)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Adds the effect bands of {@code b} to {@code inner} (25th–75th percentile) and {@code outer} (5th–95th), each
     * only where {@link PercentileSupport} shows it for {@code patients} (a band of too few patients is left out, as on
     * the concentration panels), and widens {@code range} ({lowest, highest}) to the median and the bands added.
     */
    static void addBands(EffectPanel.Bands b, TimeScale scale, int patients, YIntervalSeries inner,
            YIntervalSeries outer, double[] range) {
        boolean innerShown = PercentileSupport.shown(25, patients);
        boolean outerShown = PercentileSupport.shown(5, patients);
        double[] t = b.timesH();
        for (int i = 0; i < t.length; i++) {
            double x = scale.fromHours(t[i]);
            range[0] = Math.min(range[0], b.p50()[i]);
            range[1] = Math.max(range[1], b.p50()[i]);
            if (innerShown) {
                inner.add(x, b.p50()[i], b.p25()[i], b.p75()[i]);
                range[0] = Math.min(range[0], b.p25()[i]);
                range[1] = Math.max(range[1], b.p75()[i]);
            }
            if (outerShown) {
                outer.add(x, b.p50()[i], b.p5()[i], b.p95()[i]);
                range[0] = Math.min(range[0], b.p5()[i]);
                range[1] = Math.max(range[1], b.p95()[i]);
            }
        }
    }

    /** A dot at a curve's largest change from baseline, with its value and time beside it. */
    static void labelPeak(XYPlot plot, double[] t, double[] e, String what, Color colour, TimeScale scale,
            double baseline) {
        int peak = peak(e, baseline);
        double x = scale.fromHours(t[peak]);
        double y = e[peak];
        if (y == baseline) {
            return;
        }
        plot.addAnnotation(new PeakDot(x, y, colour));
        // laid out with the panel's other peak labels, so that two peaks close together do not print one over the other
        PeakLabels.of(plot).add(new PeakLabels.Label(x, y, String.format(Locale.ROOT, "%s %s at %s", what, sig(y),
                duration(t[peak])), colour));
    }

    /** @return "50 min", "2.03 h", "4.17 days": minutes under 2 h, hours under 3 days, three significant digits */
    static String duration(double h) {
        if (h < 2) {
            return sig(h * 60) + " min";
        }
        return h < 72 ? sig(h) + " h" : sig(h / 24) + " days";
    }

    private static String sig(double v) {
        return Checks.fmt(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)));
    }

    /** A filled circle of fixed size in pixels at a data point. */
    private static final class PeakDot extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private static final double RADIUS_PX = 6;

        private final double x;
        private final double y;
        private final Color colour;

        PeakDot(double x, double y, Color colour) {
            this.x = x;
            this.y = y;
            this.colour = colour;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis,
                ValueAxis rangeAxis, int rendererIndex, PlotRenderingInfo info) {
            RectangleEdge de = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
            RectangleEdge re = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
            double px = domainAxis.valueToJava2D(x, dataArea, de);
            double py = rangeAxis.valueToJava2D(y, dataArea, re);
            Ellipse2D dot = new Ellipse2D.Double(px - RADIUS_PX, py - RADIUS_PX, 2 * RADIUS_PX, 2 * RADIUS_PX);
            g2.setPaint(colour);
            g2.fill(dot);
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(2f));
            g2.draw(dot);
        }
    }

    private static DeviationRenderer fill(double alpha) {
        DeviationRenderer d = new DeviationRenderer(false, false);
        d.setAlpha(1f);
        d.setDefaultSeriesVisibleInLegend(false);
        Color c = ChartStyle.translucent(EFFECT_COLOUR, alpha);
        d.setSeriesFillPaint(0, c);
        d.setSeriesPaint(0, c);
        return d;
    }

    /**
     * One curve in time-axis units, thinned for drawing, or for a dense course ({@code slowSpan} not NaN) the lines
     * through its peaks and its troughs ({@link DenseCourse#lines}); non-positive values left out of a log plot.
     */
    private static XYSeries series(String key, double[] t, double[] y, TimeScale scale, boolean log,
            double slowSpan) {
        if (!Double.isNaN(slowSpan)) {
            return DenseCourse.lines(key, ConcentrationChart.envelope(t, y, scale, slowSpan), log);
        }
        double[][] kept = Decimation.minMax(t, y, ConcentrationChart.DRAW_BUCKETS);
        XYSeries xy = new XYSeries(key, false, true);
        for (int i = 0; i < kept[0].length; i++) {
            if (log && !(kept[1][i] > 0)) {
                continue;
            }
            xy.add(scale.fromHours(kept[0][i]), kept[1][i], false);
        }
        return xy;
    }

    /** The endpoint's name and source, then its notes, wrapped; at most {@link #MAX_FOOTER_LINES}. */
    static List<String> footerLines(EffectPanel p) {
        List<String> lines = new ArrayList<>(wrap("Effect: " + p.title() + ". Source: " + p.source() + "."));
        for (String n : p.notes()) {
            lines.addAll(wrap(n));
        }
        if (lines.size() > MAX_FOOTER_LINES) {
            int more = lines.size() - (MAX_FOOTER_LINES - 1);
            lines = new ArrayList<>(lines.subList(0, MAX_FOOTER_LINES - 1));
            lines.add("… and " + more + " more lines on the effect, listed in the text output.");
        }
        return lines;
    }

    static void addFooter(JFreeChart chart, EffectPanel p) {
        List<String> lines = footerLines(p);
        // bottom titles stack upwards in the order added, so the last line goes in first
        for (int i = lines.size() - 1; i >= 0; i--) {
            TextTitle t = new ChartTitle(ChartText.unbreakable(lines.get(i)), ChartStyle.CAPTION,
                    i == 0 ? ChartStyle.TEXT : ChartStyle.SUBTLE_TEXT, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT,
                    VerticalAlignment.BOTTOM, new RectangleInsets(i == 0 ? 10 : 1, 8, 1, 70));
            t.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(t);
        }
    }

    /** Splits a line at spaces into pieces of at most {@link #FOOTER_CHARS}; continuations are indented. */
    static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > FOOTER_CHARS) {
            int cut = rest.lastIndexOf(' ', FOOTER_CHARS);
            // never between a number and its unit ("40 %", "0.3 ng/mL")
            while (cut > 0 && Character.isDigit(rest.charAt(cut - 1))) {
                cut = rest.lastIndexOf(' ', cut - 1);
            }
            if (cut <= 0) {
                cut = FOOTER_CHARS;
            }
            out.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }

    static LegendItem lineItem(String label, Line2D line, Stroke stroke, Color colour) {
        return new LegendItem(label, null, null, null, false, line, false, colour, false, colour, stroke, true,
                line, stroke, colour);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** @return {@code label}, with the envelope's suffix when {@code dense} ({@link ChartLegend#withSuffix}) */
    private static String enveloped(String label, boolean dense) {
        return dense ? ChartLegend.withSuffix(label, ChartLegend.ENVELOPE_SUFFIX) : label;
    }

}
