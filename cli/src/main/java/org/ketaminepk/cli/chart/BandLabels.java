package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
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
 * The names of the shaded {@link ConcentrationBands}, laid out when the chart is drawn so that no two overlap,
 * whatever the size of the plot and however thin the bands are on its axis.
 *
 * <p>Each label sits at the right edge of the plot, inside its band: at the band's foot, except the dissociative
 * band's, which goes to its top, because the analgesic and dissociative ranges overlap (100–160 ng/mL); a band too
 * thin to hold its name has it just above. A label that
 * would overlap one already placed moves left of it; when the row is full it moves up (then down) by a line.
 * A label that finds no free place inside the plot is left out rather than drawn over another; the legend names every
 * band anyway.
 *
 * <p>Not thread-safe while drawing (it remembers the boxes of the last drawing, for tests).
 */
final class BandLabels extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    /** Space between a label and the band edge or the plot edge, px at the layout size. */
    static final double PAD_PX = 6;
    /** Least space between two labels, px. */
    static final double GAP_PX = 12;

    private final List<ConcentrationBands.Band> bands;
    private transient List<Rectangle2D> lastBoxes = List.of();

    /** @param bands the bands shown, lowest first */
    BandLabels(List<ConcentrationBands.Band> bands) {
        this.bands = List.copyOf(bands);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge edge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        g2.setFont(ChartStyle.BAND_LABEL);
        FontMetrics fm = g2.getFontMetrics();
        double h = fm.getAscent() + fm.getDescent();
        List<Rectangle2D> placed = new ArrayList<>();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (ConcentrationBands.Band b : bands) {
            double yLow = rangeAxis.valueToJava2D(b.lowNgPerMl(), dataArea, edge);
            double yHigh = rangeAxis.valueToJava2D(b.highNgPerMl(), dataArea, edge);
            double top = Math.max(Math.min(yLow, yHigh), dataArea.getMinY());
            double bottom = Math.min(Math.max(yLow, yHigh), dataArea.getMaxY());
            if (!(bottom > top)) {
                continue;
            }
            double w = fm.getStringBounds(b.name(), g2).getWidth();
            double y;
            if (bottom - top < h + 2 * PAD_PX) {
                // too thin to hold its name: just above it, where the curves are usually lower
                y = top - h - 2 >= dataArea.getMinY() ? top - h - 2 : (top + bottom - h) / 2;
            } else {
                y = b == ConcentrationBands.DISSOCIATIVE ? top + PAD_PX : bottom - PAD_PX - h;
            }
            Rectangle2D box = place(new Rectangle2D.Double(dataArea.getMaxX() - PAD_PX - w, y, w, h), placed,
                    dataArea);
            if (box == null) {
                continue;
            }
            placed.add(box);
            boxes.add(box);
            Color c = BandShading.colour(b);
            g2.setPaint(ChartStyle.darker(c, 0.7));
            g2.drawString(b.name(), (float) box.getX(), (float) (box.getY() + fm.getAscent()));
        }
        lastBoxes = List.copyOf(boxes);
    }

    /**
     * @return the first free place for {@code wanted}: where it is, else left of the labels it meets, else a line
     *         up or down; null when the plot has no free place
     */
    static Rectangle2D place(Rectangle2D wanted, List<Rectangle2D> placed, Rectangle2D area) {
        double lineStep = wanted.getHeight() + GAP_PX / 2;
        int lines = (int) Math.ceil(area.getHeight() / lineStep);
        for (int k = 0; k <= 2 * lines; k++) {
            // 0, up 1, down 1, up 2, down 2, ...
            int shift = k == 0 ? 0 : (k % 2 == 1 ? -(k + 1) / 2 : k / 2);
            double y = wanted.getY() + shift * lineStep;
            if (y < area.getMinY() || y + wanted.getHeight() > area.getMaxY()) {
                continue;
            }
            Rectangle2D box = new Rectangle2D.Double(wanted.getX(), y, wanted.getWidth(), wanted.getHeight());
            boolean moved = true;
            while (moved && box.getMinX() >= area.getMinX()) {
                moved = false;
                for (Rectangle2D p : placed) {
                    if (intersectsWithGap(box, p)) {
                        box.setRect(p.getMinX() - GAP_PX - box.getWidth(), box.getY(), box.getWidth(),
                                box.getHeight());
                        moved = true;
                    }
                }
            }
            if (box.getMinX() >= area.getMinX()) {
                return box;
            }
        }
        return null;
    }

    private static boolean intersectsWithGap(Rectangle2D a, Rectangle2D b) {
        return a.getMinX() < b.getMaxX() + GAP_PX && b.getMinX() < a.getMaxX() + GAP_PX
                && a.getMinY() < b.getMaxY() && b.getMinY() < a.getMaxY();
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
