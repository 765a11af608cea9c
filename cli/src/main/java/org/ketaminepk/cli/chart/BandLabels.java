package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The names of the shaded {@link ConcentrationBands}, laid out when the chart is drawn so that no curve crosses a name
 * and no two names overlap, whatever the size of the plot and however thin the bands are on its axis.
 *
 * <p>Each label goes inside its band, in the part of it no other band shares where that part can hold it (the
 * analgesic and dissociative ranges overlap, 100–160 ng/mL); a band too thin to hold its name with room to spare has
 * it across the band, else just above (or else just below). The place is the first, from the right edge of the plot leftwards and from the band's foot (the
 * dissociative band's top) across the band, where the label keeps clear of every curve and filled band of the data
 * ({@link InkMask}) and of the labels already placed. A band the curves leave no such place in (a course whose
 * curves run through it every day) has its name where the fewest curve pixels lie, drawn over the curves on a white
 * halo, so that no line runs through its letters; a label with no place clear of the other labels is left out: the
 * legend names every band anyway. The labels are drawn after the curves.
 *
 * <p>Not thread-safe while drawing (it remembers the boxes of the last drawing, for tests).
 */
final class BandLabels extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    /** Space between a label and the band edge or the plot edge, px at the layout size. */
    static final double PAD_PX = 6;
    /** Least space between two labels, px. */
    static final double GAP_PX = 12;
    /** Steps of the search for a free place, px. */
    private static final double STEP_X_PX = 6;
    private static final double STEP_Y_PX = 3;

    private final List<ConcentrationBands.Band> bands;
    private transient List<Rectangle2D> lastBoxes = List.of();
    private transient List<String> lastNames = List.of();
    private transient List<Shape> lastHalos = List.of();

    /** @param bands the bands shown, lowest first */
    BandLabels(List<ConcentrationBands.Band> bands) {
        this.bands = List.copyOf(bands);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge edge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        g2.setFont(SmallPrint.atLeastLegible(ChartStyle.BAND_LABEL, g2));
        FontMetrics fm = g2.getFontMetrics();
        double h = fm.getAscent() + fm.getDescent();
        InkMask ink = InkMask.of(plot, dataArea);
        List<double[]> spans = new ArrayList<>();
        for (ConcentrationBands.Band b : bands) {
            spans.add(span(b, rangeAxis, dataArea, edge));
        }
        List<Rectangle2D> placed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Shape> halos = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            ConcentrationBands.Band b = bands.get(i);
            double top = spans.get(i)[0];
            double bottom = spans.get(i)[1];
            if (!(bottom > top)) {
                continue;
            }
            double w = fm.getStringBounds(b.name(), g2).getWidth();
            double[] own = ownPart(i, spans);
            List<Double> rows = new ArrayList<>();
            if (own[1] - own[0] >= h + 2 * PAD_PX) {
                // its own part first, then where it overlaps another band
                rows.addAll(rows(own[0] + PAD_PX, own[1] - PAD_PX - h, b == ConcentrationBands.DISSOCIATIVE));
                for (double y : rows(top + PAD_PX, bottom - PAD_PX - h, b == ConcentrationBands.DISSOCIATIVE)) {
                    if (y < own[0] + PAD_PX || y > own[1] - PAD_PX - h) {
                        rows.add(y);
                    }
                }
            } else if (bottom - top >= h + 2 * PAD_PX) {
                rows.addAll(rows(top + PAD_PX, bottom - PAD_PX - h, b == ConcentrationBands.DISSOCIATIVE));
            } else {
                // too thin to hold its name with room to spare: across it, else just above it, else just below
                if (bottom - top >= h) {
                    rows.add((top + bottom - h) / 2);
                }
                rows.add(top - h - 2);
                rows.add(bottom + 2);
            }
            Rectangle2D box = place(w, h, rows, placed, ink, dataArea);
            boolean onCurves = false;
            if (box == null) {
                box = leastInked(w, h, rows, placed, ink, dataArea);
                onCurves = true;
            }
            if (box == null) {
                continue;
            }
            placed.add(box);
            names.add(b.name());
            float x = (float) box.getX();
            float y = (float) (box.getY() + fm.getAscent());
            if (onCurves) {
                Shape halo = halo(g2, b.name(), x, y);
                g2.setPaint(Color.WHITE);
                g2.fill(halo);
                halos.add(halo);
            }
            g2.setPaint(ChartStyle.darker(BandShading.colour(b), 0.7));
            g2.drawString(b.name(), x, y);
        }
        lastBoxes = List.copyOf(placed);
        lastNames = List.copyOf(names);
        lastHalos = List.copyOf(halos);
    }

    /** Width of the white edge around the letters of a name drawn over the curves, px at the layout size. */
    static final float HALO_PX = 4;

    /** @return the letters of {@code text} at ({@code x}, baseline {@code y}), widened by {@link #HALO_PX} */
    static Shape halo(Graphics2D g2, String text, float x, float y) {
        Shape glyphs = new TextLayout(text, g2.getFont(), g2.getFontRenderContext()).getOutline(
                AffineTransform.getTranslateInstance(x, y));
        Area a = new Area(new BasicStroke(2 * HALO_PX, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                .createStrokedShape(glyphs));
        a.add(new Area(glyphs));
        return a;
    }

    /** @return the place among the same candidates as {@link #place} with the fewest inked pixels; null if none */
    static Rectangle2D leastInked(double w, double h, List<Double> rows, List<Rectangle2D> placed, InkMask ink,
            Rectangle2D area) {
        Rectangle2D best = null;
        int fewest = Integer.MAX_VALUE;
        for (double x = area.getMaxX() - PAD_PX - w; x >= area.getMinX() + PAD_PX; x -= STEP_X_PX) {
            for (double y : rows) {
                if (y < area.getMinY() || y + h > area.getMaxY()) {
                    continue;
                }
                Rectangle2D box = new Rectangle2D.Double(x, y, w, h);
                int n = ink.count(box);
                if (n < fewest && free(box, placed)) {
                    fewest = n;
                    best = box;
                }
            }
        }
        return best;
    }

    /** @return the band's top and bottom in the data area, Java2D (top &lt; bottom unless it is off the plot) */
    private static double[] span(ConcentrationBands.Band b, ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        double yLow = axis.valueToJava2D(b.lowNgPerMl(), area, edge);
        double yHigh = axis.valueToJava2D(b.highNgPerMl(), area, edge);
        return new double[] {Math.max(Math.min(yLow, yHigh), area.getMinY()),
                Math.min(Math.max(yLow, yHigh), area.getMaxY())};
    }

    /** @return the tallest part of band {@code i}'s span that no other band covers (possibly empty) */
    static double[] ownPart(int i, List<double[]> spans) {
        List<double[]> parts = new ArrayList<>();
        parts.add(spans.get(i).clone());
        for (int j = 0; j < spans.size(); j++) {
            if (j == i) {
                continue;
            }
            double[] o = spans.get(j);
            List<double[]> next = new ArrayList<>();
            for (double[] p : parts) {
                if (o[1] <= p[0] || o[0] >= p[1]) {
                    next.add(p);
                    continue;
                }
                if (o[0] > p[0]) {
                    next.add(new double[] {p[0], o[0]});
                }
                if (o[1] < p[1]) {
                    next.add(new double[] {o[1], p[1]});
                }
            }
            parts = next;
        }
        double[] best = {0, 0};
        for (double[] p : parts) {
            if (p[1] - p[0] > best[1] - best[0]) {
                best = p;
            }
        }
        return best;
    }

    /** @return the label tops from {@code first} to {@code last}, starting at the foot (or at the top) */
    private static List<Double> rows(double first, double last, boolean fromTop) {
        List<Double> out = new ArrayList<>();
        for (double d = 0; d <= last - first + 1e-9; d += STEP_Y_PX) {
            out.add(fromTop ? first + d : last - d);
        }
        return out;
    }

    /**
     * @param w the label's width, px
     * @param h its height, px
     * @param rows the tops it may have, in order of preference
     * @return the first free place, trying every row at the right edge, then a step left, and so on; null when
     *         there is none
     */
    static Rectangle2D place(double w, double h, List<Double> rows, List<Rectangle2D> placed, InkMask ink,
            Rectangle2D area) {
        for (double x = area.getMaxX() - PAD_PX - w; x >= area.getMinX() + PAD_PX; x -= STEP_X_PX) {
            for (double y : rows) {
                if (y < area.getMinY() || y + h > area.getMaxY()) {
                    continue;
                }
                Rectangle2D box = new Rectangle2D.Double(x, y, w, h);
                if (free(box, placed) && (ink == null || !ink.inked(box))) {
                    return box;
                }
            }
        }
        return null;
    }

    private static boolean free(Rectangle2D box, List<Rectangle2D> placed) {
        for (Rectangle2D p : placed) {
            if (box.getMinX() < p.getMaxX() + GAP_PX && p.getMinX() < box.getMaxX() + GAP_PX
                    && box.getMinY() < p.getMaxY() && p.getMinY() < box.getMaxY()) {
                return false;
            }
        }
        return true;
    }

    /** @return the white halos of the names drawn over the curves in the last drawing, Java2D coordinates */
    List<Shape> lastHalos() {
        return lastHalos;
    }

    /** @return the names of the bands labelled in the last drawing, in the order of {@link #lastBoxes()} */
    List<String> lastNames() {
        return lastNames;
    }

    /** @return the label boxes of the last drawing, in Java2D coordinates */
    List<Rectangle2D> lastBoxes() {
        return lastBoxes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandLabels other && other.bands.equals(bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }
}
