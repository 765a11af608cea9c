package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The text on an effect panel: the effect level's name ("level 0.3") and the peaks' labels ("peak 0.472 at 41 min"),
 * laid out together when the panel is drawn, so that none overlaps another, none covers a peak's dot and no curve,
 * filled band or reference line runs through one ({@link InkMask}).
 *
 * <p>The level's name goes first: at the right end of its line, just above it (else just below), moving left until
 * it is clear. Then the peaks, highest on the page first: each right of its dot, level with it, else just above or
 * just below (left of the dot when the right runs past the plot), else a line further down, up, up to
 * {@value #NEAR_LINES} lines. A label that finds no clear place there goes to the first place clear of the other
 * labels (trying further lines if it must) and is drawn on a white halo, so that no line runs through its letters;
 * one that finds no place clear of the other labels is left out (a peak's dot stays, the level's line stays and the
 * legend names it).
 *
 * <p>Not thread-safe while drawing (it remembers the boxes of the last drawing, for tests).
 */
final class PeakLabels extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    /** Space between a peak's dot centre and its label, px at the layout size. */
    static final double OFFSET_PX = 16;
    /** Least vertical space between two labels, px. */
    static final double GAP_PX = 4;
    /** Radius kept clear around a peak's dot, px. */
    static final double DOT_PX = 8;
    /** Space between the level's line and its name, and between its name and the plot's right edge, px. */
    static final double LEVEL_PAD_PX = 6;
    /**
     * Lines a peak label may move up or down to keep clear of the curves; further away it would no longer read as
     * its dot's, so it stays nearer on a halo.
     */
    static final int NEAR_LINES = 2;

    /** One label: the peak it belongs to, in data coordinates, its text and colour. */
    record Label(double x, double y, String text, Color colour) {
    }

    /** The name of a reference line across the panel, at {@code value} on the range axis. */
    record Level(double value, String text, Color colour) {
    }

    private final List<Label> labels = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private transient List<Rectangle2D> lastBoxes = List.of();
    private transient List<Rectangle2D> lastLevelBoxes = List.of();
    private transient List<Shape> lastHalos = List.of();

    /** @return the plot's peak labels, added to it on first use */
    static PeakLabels of(XYPlot plot) {
        for (Object a : plot.getAnnotations()) {
            if (a instanceof PeakLabels p) {
                return p;
            }
        }
        PeakLabels p = new PeakLabels();
        plot.addAnnotation(p);
        return p;
    }

    void add(Label label) {
        labels.add(label);
        fireAnnotationChanged();
    }

    void add(Level level) {
        levels.add(level);
        fireAnnotationChanged();
    }

    /** @return the labels, in the order added */
    List<Label> labels() {
        return List.copyOf(labels);
    }

    /** @return the levels named, in the order added */
    List<Level> levels() {
        return List.copyOf(levels);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge de = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge re = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        InkMask ink = InkMask.of(plot, dataArea);
        List<Rectangle2D> placed = new ArrayList<>();
        List<Shape> halos = new ArrayList<>();
        record At(Label label, double px, double py) {
        }
        List<At> at = new ArrayList<>();
        for (Label l : labels) {
            double px = domainAxis.valueToJava2D(l.x(), dataArea, de);
            double py = rangeAxis.valueToJava2D(l.y(), dataArea, re);
            at.add(new At(l, px, py));
            // a dot is not for a label to cover
            placed.add(new Rectangle2D.Double(px - DOT_PX, py - DOT_PX, 2 * DOT_PX, 2 * DOT_PX));
        }
        g2.setFont(SmallPrint.atLeastLegible(ChartStyle.BAND_LABEL, g2));
        FontMetrics fm = g2.getFontMetrics();
        List<Rectangle2D> levelBoxes = new ArrayList<>();
        for (Level l : levels) {
            double h = fm.getAscent() + fm.getDescent();
            double w = fm.getStringBounds(l.text(), g2).getWidth();
            double py = rangeAxis.valueToJava2D(l.value(), dataArea, re);
            List<Rectangle2D> wanted = new ArrayList<>();
            for (double x = dataArea.getMaxX() - LEVEL_PAD_PX - w; x >= dataArea.getMinX(); x -= 6) {
                wanted.add(new Rectangle2D.Double(x, py - LEVEL_PAD_PX - h, w, h));
                wanted.add(new Rectangle2D.Double(x, py + LEVEL_PAD_PX, w, h));
            }
            Rectangle2D box = draw(g2, l.text(), l.colour(), wanted, wanted, placed, ink, dataArea, halos);
            if (box != null) {
                levelBoxes.add(box);
            }
        }
        g2.setFont(SmallPrint.atLeastLegible(ChartStyle.LEGEND, g2));
        fm = g2.getFontMetrics();
        double h = fm.getAscent() + fm.getDescent();
        // the highest on the page first, so that the one below it gives way downwards
        at.sort(Comparator.comparingDouble(At::py));
        List<Rectangle2D> peakBoxes = new ArrayList<>();
        for (At a : at) {
            double w = fm.getStringBounds(a.label().text(), g2).getWidth();
            double right = a.px() + OFFSET_PX;
            double left = a.px() - OFFSET_PX - w;
            double[] xs = right + w > dataArea.getMaxX() ? new double[] {left} : new double[] {right, left};
            List<Rectangle2D> wanted = new ArrayList<>();
            double step = h + GAP_PX;
            int lines = (int) Math.ceil(dataArea.getHeight() / step);
            List<Rectangle2D> near = null;
            for (int k = 0; k <= 2 * lines; k++) {
                if (k == 2 * NEAR_LINES + 1) {
                    near = List.copyOf(wanted);
                }
                // 0, down 1, up 1, down 2, up 2, ...
                int shift = k == 0 ? 0 : (k % 2 == 1 ? (k + 1) / 2 : -k / 2);
                for (double x : xs) {
                    if (k == 0) {
                        // level with the dot, then just above, then just below it
                        wanted.add(new Rectangle2D.Double(x, a.py() - h / 2, w, h));
                        wanted.add(new Rectangle2D.Double(x, a.py() - DOT_PX - h, w, h));
                        wanted.add(new Rectangle2D.Double(x, a.py() + DOT_PX, w, h));
                    } else {
                        wanted.add(new Rectangle2D.Double(x, a.py() - h / 2 + shift * step, w, h));
                    }
                }
            }
            if (near == null) {
                near = wanted;
            }
            Rectangle2D box = draw(g2, a.label().text(), ChartStyle.darker(a.label().colour(), 0.75), near, wanted,
                    placed, ink, dataArea, halos);
            if (box != null) {
                peakBoxes.add(box);
            }
        }
        lastBoxes = List.copyOf(peakBoxes);
        lastLevelBoxes = List.copyOf(levelBoxes);
        lastHalos = List.copyOf(halos);
    }

    /**
     * Draws {@code text} at the first of {@code near} inside the area, clear of {@code placed} and of the ink, else
     * at the first of {@code wanted} clear of {@code placed} alone, on a white halo; adds its box to {@code placed}.
     *
     * @return the box drawn, or null when no place is clear of the other labels
     */
    private static Rectangle2D draw(Graphics2D g2, String text, Color colour, List<Rectangle2D> near,
            List<Rectangle2D> wanted, List<Rectangle2D> placed, InkMask ink, Rectangle2D area, List<Shape> halos) {
        Rectangle2D box = place(near, placed, ink, area);
        boolean halo = false;
        if (box == null) {
            box = place(wanted, placed, null, area);
            halo = true;
        }
        if (box == null) {
            return null;
        }
        placed.add(box);
        FontMetrics fm = g2.getFontMetrics();
        float x = (float) box.getX();
        float y = (float) (box.getY() + fm.getAscent());
        if (halo) {
            Shape s = BandLabels.halo(g2, text, x, y);
            g2.setPaint(Color.WHITE);
            g2.fill(s);
            halos.add(s);
        }
        g2.setPaint(colour);
        g2.drawString(text, x, y);
        return box;
    }

    /**
     * @param ink where the data lie, or null to consider the other labels only
     * @return the first of {@code wanted} inside {@code area}, clear of {@code placed} (with {@link #GAP_PX}) and of
     *         the ink; null when there is none
     */
    static Rectangle2D place(List<Rectangle2D> wanted, List<Rectangle2D> placed, InkMask ink, Rectangle2D area) {
        for (Rectangle2D box : wanted) {
            if (box.getMinY() < area.getMinY() || box.getMaxY() > area.getMaxY() || box.getMinX() < area.getMinX()
                    || box.getMaxX() > area.getMaxX()) {
                continue;
            }
            boolean free = true;
            for (Rectangle2D p : placed) {
                if (box.getMinX() < p.getMaxX() && p.getMinX() < box.getMaxX()
                        && box.getMinY() < p.getMaxY() + GAP_PX && p.getMinY() < box.getMaxY() + GAP_PX) {
                    free = false;
                    break;
                }
            }
            if (free && (ink == null || !ink.inked(box))) {
                return box;
            }
        }
        return null;
    }

    /** @return the peak label boxes of the last drawing, in Java2D coordinates */
    List<Rectangle2D> lastBoxes() {
        return lastBoxes;
    }

    /** @return the level name boxes of the last drawing, in Java2D coordinates */
    List<Rectangle2D> lastLevelBoxes() {
        return lastLevelBoxes;
    }

    /** @return the white halos of the labels drawn over the curves in the last drawing, Java2D coordinates */
    List<Shape> lastHalos() {
        return lastHalos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeakLabels other && other.labels.equals(labels) && other.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + levels.hashCode();
    }
}
