package org.ketaminepk.cli.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A panel's heading ("Ketamine") along the top of its plot, on white: in the top left corner unless a curve or band
 * reaches up there, in which case it moves right, along the top, to the first place where none does, so that it never
 * hides a peak. Only the left {@value #SEARCH_FRACTION} of the plot is searched (the concentration ranges are named
 * at its right edge); with no free place there it stays in the corner.
 *
 * <p>Not thread-safe while drawing (it remembers its box of the last drawing, for tests).
 */
final class PanelHeading extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    /** Share of the plot's width, from its left edge, where the heading may go. */
    static final double SEARCH_FRACTION = 0.6;
    /** Space kept between the heading and the plot edge or a curve, px at the layout size. */
    static final double PAD_PX = 4;
    /** Step of the search to the right, px. */
    private static final double STEP_PX = 6;

    private final TextTitle title;
    private transient Rectangle2D lastBox;

    PanelHeading(TextTitle title) {
        this.title = title;
    }

    /** @return the heading's text */
    String text() {
        return title.getText();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        Size2D size = title.arrange(g2);
        double y = dataArea.getMinY() + 1;
        double left = dataArea.getMinX() + PAD_PX;
        double last = dataArea.getMinX() + SEARCH_FRACTION * dataArea.getWidth() - size.getWidth();
        Rectangle2D box = new Rectangle2D.Double(left, y, size.getWidth(), size.getHeight());
        for (double x = left; x <= last; x += STEP_PX) {
            Rectangle2D candidate = new Rectangle2D.Double(x, y, size.getWidth(), size.getHeight());
            if (!covers(candidate, plot, dataArea, domainAxis)) {
                box = candidate;
                break;
            }
        }
        title.draw(g2, box);
        lastBox = box;
    }

    /** @return whether a point of any curve or band of {@code plot} lies under {@code box} (or within the padding) */
    static boolean covers(Rectangle2D box, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis) {
        RectangleEdge de = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge re = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        double bottom = box.getMaxY() + PAD_PX;
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            XYDataset d = plot.getDataset(i);
            ValueAxis axis = plot.getRangeAxisForDataset(i);
            if (d == null || axis == null) {
                continue;
            }
            for (int s = 0; s < d.getSeriesCount(); s++) {
                for (int k = 0; k < d.getItemCount(s); k++) {
                    double px = domainAxis.valueToJava2D(d.getXValue(s, k), dataArea, de);
                    if (!(px >= box.getMinX() - PAD_PX && px <= box.getMaxX() + PAD_PX)) {
                        continue;
                    }
                    double v = d instanceof IntervalXYDataset id ? id.getEndYValue(s, k) : d.getYValue(s, k);
                    // NaN (a break between strokes) and, on a log axis, non-positive values compare false
                    if (axis.valueToJava2D(v, dataArea, re) < bottom) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return the heading's box in the last drawing, in Java2D coordinates; null before the first */
    Rectangle2D lastBox() {
        return lastBox;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PanelHeading other && other.title.equals(title);
    }

    @Override
    public int hashCode() {
        return title.hashCode();
    }
}
