package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.result.Profile;

/**
 * The legend right of the plot: the curves (by analyte for one profile, by profile and then by line style for
 * several), every band with its range (marked "off scale" when the axis leaves it out), and the dose marks.
 */
final class ChartLegend {
    private ChartLegend() {
    }

    /** Largest difference, as a share of the highest concentration, at which two curves count as the same line. */
    static final double SAME_SHARE = 1e-3;

    /**
     * @return the first series before {@code all.get(i)} whose curves cover every curve of it (the same analyte with
     *         the same concentrations at the same times: a model built on the other's parameters), or null
     */
    static PlotSeries drawnOver(List<PlotSeries> all, int i) {
        Profile p = all.get(i).profile();
        for (int j = 0; j < i; j++) {
            Profile q = all.get(j).profile();
            boolean same = !p.analytes().isEmpty() && Arrays.equals(p.timesH(), q.timesH());
            for (Analyte a : p.analytes()) {
                if (!same) {
                    break;
                }
                if (!q.analytes().contains(a)) {
                    same = false;
                    break;
                }
                double[] x = p.series(a).ngPerMl();
                double[] y = q.series(a).ngPerMl();
                double tolerance = SAME_SHARE * Math.max(p.series(a).cmaxNgPerMl(), q.series(a).cmaxNgPerMl());
                for (int k = 0; k < x.length && same; k++) {
                    same = Math.abs(x[k] - y[k]) <= tolerance;
                }
            }
            if (same) {
                return all.get(j);
            }
        }
        return null;
    }

    /**
     * @param dense for each profile, whether its curves are drawn as peak–trough envelopes: their entries say so
     *        and show the fill between the lines
     * @return the legend items, in the order listed above
     */
    static LegendItemCollection items(List<PlotSeries> all, Set<Analyte> analytes,
            List<ConcentrationBands.Band> shown, DoseLanes.Summary doses, boolean[] dense) {
        boolean single = all.size() == 1;
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = ENTRY_LINE;
        if (single) {
            for (Analyte a : analytes) {
                items.add(curveItem(capitalised(a.label()), line, ChartStyle.analyteStroke(a),
                        ChartStyle.analyteColour(a), dense[0]));
            }
        } else {
            for (int i = 0; i < all.size(); i++) {
                PlotSeries over = drawnOver(all, i);
                // the first series is drawn last, on top: a later one with the same curves cannot be seen
                String label = over == null ? all.get(i).label()
                        : all.get(i).label() + ": the same curves as " + over.label() + ", under them";
                items.add(curveItem(label, line, ChartStyle.analyteStroke(Analyte.KETAMINE),
                        ChartStyle.SERIES_COLOURS.get(i), dense[i]));
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
            Color colour = BandShading.colour(b);
            Color fill = ChartStyle.translucent(colour, visible ? BandShading.alpha(b) * 1.6 : 0.08);
            items.add(new LegendItem(text, null, null, null, true, swatch, true, fill, !visible,
                    ChartStyle.translucent(colour, 0.6), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f), false, line,
                    new BasicStroke(1f), Color.BLACK));
        }
        // a lane per series draws its marks in the series' colour, not the swatch's grey: say so
        String coloured = doses.perSeries() ? ", in each series' colour" : "";
        if (doses.infusions()) {
            Shape bar = new Rectangle2D.Double(-16, -5, 32, 10);
            String counted = doses.infusionSpans().isEmpty() ? "" : " (" + String.join("; ", doses.infusionSpans())
                    + ")";
            items.add(markItem("Infusion running" + counted + coloured, bar, ChartStyle.DOSE_MARK));
        }
        if (!doses.instantRoutes().isEmpty()) {
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(0, -8);
            tri.lineTo(8, 7);
            tri.lineTo(-8, 7);
            tri.closePath();
            items.add(markItem(instantLabel(doses.instantRoutes()) + coloured, tri, ChartStyle.DOSE_MARK));
        }
        for (Map.Entry<Route, List<String>> e : doses.instantSpans().entrySet()) {
            items.add(markItem(instantLabel(Set.of(e.getKey())) + " (" + String.join("; ", e.getValue()) + ")"
                    + coloured, spanShape(), ChartStyle.DOSE_MARK));
        }
        return items;
    }

    /**
     * The line of a curve's entry, px. Every entry's graphic is at least this wide (an entry without a line carries it
     * invisible): JFreeChart sizes a graphic by its line and shape together, so a narrower mark started its label
     * further left than the others, a ragged column.
     */
    static final Line2D ENTRY_LINE = new Line2D.Double(-22, 0, 22, 0);

    /**
     * @return an entry of a filled mark (a dose mark, a measured point, a band swatch) with its label where every other
     *         entry's starts ({@link #ENTRY_LINE})
     */
    static LegendItem markItem(String label, Shape mark, Paint fill) {
        return new LegendItem(label, null, null, null, true, mark, true, fill, false, fill, new BasicStroke(1f), false,
                ENTRY_LINE, new BasicStroke(1f), Color.BLACK);
    }

    /**
     * @return the legend mark of a span of doses: a low bar with a triangle at each end, no wider than a curve's
     *         line
     */
    private static Shape spanShape() {
        Path2D.Double span = new Path2D.Double();
        span.moveTo(-15, -8);
        span.lineTo(-8, 7);
        span.lineTo(-22, 7);
        span.closePath();
        span.moveTo(15, -8);
        span.lineTo(22, 7);
        span.lineTo(8, 7);
        span.closePath();
        span.append(new Rectangle2D.Double(-15, 2, 30, 5), false);
        return span;
    }

    /** @return the legend block for the plot's fixed items, placed right of the plot */
    static LegendTitle title(XYPlot plot) {
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
        return legend;
    }

    /** Suffix of the legend entry of a curve drawn as its peak–trough envelope. */
    static final String ENVELOPE_SUFFIX = ", peaks and troughs";
    /**
     * Longest entry, in characters, that takes a suffix on its own line ({@link #withSuffix}): the legend is as wide as
     * its longest line, which the plot gives up, and a series named by its doses with the envelope's suffix after it
     * ("0.35 mg/kg/h for 4 h daily x160 max 25 mg/h, peaks and troughs") took a fifth of the plot's width.
     */
    static final int ONE_LINE_CHARS = 48;

    /**
     * @param suffix what the entry adds, starting with ", " (as {@link #ENVELOPE_SUFFIX})
     * @return {@code label} followed by {@code suffix}, or, past {@value #ONE_LINE_CHARS} characters, by the suffix on
     *         a line of its own
     */
    static String withSuffix(String label, String suffix) {
        String one = label + suffix;
        return one.length() <= ONE_LINE_CHARS ? one : label + ",\n" + suffix.substring(2);
    }

    /** @return the label of an entry of {@link #withSuffix} before the suffix, or null when it does not end with it */
    static String withoutSuffix(String entry, String suffix) {
        if (entry.endsWith(suffix)) {
            return entry.substring(0, entry.length() - suffix.length());
        }
        String own = ",\n" + suffix.substring(2);
        return entry.endsWith(own) ? entry.substring(0, entry.length() - own.length()) : null;
    }

    /**
     * @return a curve's entry: its line, or for a curve drawn as its envelope, the line over the envelope's fill and
     *         the label followed by {@link #ENVELOPE_SUFFIX} ({@link #withSuffix})
     */
    static LegendItem curveItem(String label, Line2D line, Stroke stroke, Color colour, boolean envelope) {
        if (!envelope) {
            return lineItem(label, line, stroke, colour);
        }
        return envelopeItem(withSuffix(label, ENVELOPE_SUFFIX), line, stroke, colour);
    }

    /** @return an enveloped curve's entry with its label as given: the line over the envelope's fill */
    static LegendItem envelopeItem(String label, Line2D line, Stroke stroke, Color colour) {
        Shape band = new Rectangle2D.Double(-22, -7, 44, 14);
        return new LegendItem(label, null, null, null, true, band, true,
                ChartStyle.translucent(colour, DenseCourse.FILL_ALPHA), false, colour, stroke, true, line, stroke,
                colour);
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
}
