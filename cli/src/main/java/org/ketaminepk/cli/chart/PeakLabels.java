package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
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
 * The labels of an effect panel's peaks ("peak 0.472 at 41 min"), laid out together when the panel is drawn so that
 * no two overlap: each sits right of its peak's dot, level with it; a label that would overlap one already placed
 * (two curves peaking at about the same time and height) moves down a line, then up, and so on; a label that would
 * run past the right edge of the plot goes left of its dot. A label that finds no free place is left out rather than
 * drawn over another; the dot stays.
 *
 * <p>Not thread-safe while drawing (it remembers the boxes of the last drawing, for tests).
 */
final class PeakLabels extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    /** Space between a peak's dot centre and its label, px at the layout size. */
    static final double OFFSET_PX = 16;
    /** Least vertical space between two labels, px. */
    static final double GAP_PX = 4;

    /** One label: the peak it belongs to, in data coordinates, its text and colour. */
    record Label(double x, double y, String text, Color colour) {
    }

    private final List<Label> labels = new ArrayList<>();
    private transient List<Rectangle2D> lastBoxes = List.of();

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

    /** @return the labels, in the order added */
    List<Label> labels() {
        return List.copyOf(labels);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge de = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge re = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        g2.setFont(ChartStyle.LEGEND);
        FontMetrics fm = g2.getFontMetrics();
        double h = fm.getAscent() + fm.getDescent();
        record At(Label label, double px, double py) {
        }
        List<At> at = new ArrayList<>();
        for (Label l : labels) {
            at.add(new At(l, domainAxis.valueToJava2D(l.x(), dataArea, de),
                    rangeAxis.valueToJava2D(l.y(), dataArea, re)));
        }
        // the highest on the page first, so that the one below it gives way downwards
        at.sort(Comparator.comparingDouble(At::py));
        List<Rectangle2D> placed = new ArrayList<>();
        for (At a : at) {
            double w = fm.getStringBounds(a.label().text(), g2).getWidth();
            double x = a.px() + OFFSET_PX;
            if (x + w > dataArea.getMaxX()) {
                x = a.px() - OFFSET_PX - w;
            }
            Rectangle2D box = place(new Rectangle2D.Double(x, a.py() - h / 2, w, h), placed, dataArea);
            if (box == null) {
                continue;
            }
            placed.add(box);
            g2.setPaint(ChartStyle.darker(a.label().colour(), 0.75));
            g2.drawString(a.label().text(), (float) box.getX(), (float) (box.getY() + fm.getAscent()));
        }
        lastBoxes = List.copyOf(placed);
    }

    /**
     * @return the first free place for {@code wanted}: where it is, else a line down, a line up, two down, ...;
     *         null when the plot has none
     */
    static Rectangle2D place(Rectangle2D wanted, List<Rectangle2D> placed, Rectangle2D area) {
        double step = wanted.getHeight() + GAP_PX;
        int lines = (int) Math.ceil(area.getHeight() / step);
        for (int k = 0; k <= 2 * lines; k++) {
            // 0, down 1, up 1, down 2, up 2, ...
            int shift = k == 0 ? 0 : (k % 2 == 1 ? (k + 1) / 2 : -k / 2);
            Rectangle2D box = new Rectangle2D.Double(wanted.getX(), wanted.getY() + shift * step,
                    wanted.getWidth(), wanted.getHeight());
            if (box.getMinY() < area.getMinY() || box.getMaxY() > area.getMaxY()) {
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
            if (free) {
                return box;
            }
        }
        return null;
    }

    /** @return the label boxes of the last drawing, in Java2D coordinates */
    List<Rectangle2D> lastBoxes() {
        return lastBoxes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeakLabels other && other.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }
}
