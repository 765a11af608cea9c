package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Where a plot's data put ink: every curve with its line width, every filled band of patients or of peaks and
 * troughs, every marker shape, and every reference line across the plot (a value marker drawn darker than the grid:
 * a zero line, an effect's baseline or level), drawn into a mask of the plot's data area at the layout size. Text placed where the
 * mask is empty is crossed by no curve, whichever way the curves run between their points.
 *
 * <p>Not drawn: the shaded concentration ranges, infusion periods or grid lines, which sit behind
 * everything and which text may lie over. Built once per drawing; not thread-safe.
 */
final class InkMask {
    /** Extra width around each line, px at the layout size: the clearance a label keeps from a curve. */
    static final float CLEARANCE_PX = 3;

    private final Rectangle2D area;
    private final int width;
    private final int height;
    /** Summed-area table of inked pixels, (width + 1) × (height + 1). */
    private final int[] sums;

    private InkMask(Rectangle2D area, int width, int height, int[] sums) {
        this.area = area;
        this.width = width;
        this.height = height;
        this.sums = sums;
    }

    /**
     * @param plot the plot, with its datasets, renderers and annotations
     * @param dataArea the plot's data area, Java2D coordinates
     * @return the ink of the plot's data in {@code dataArea}
     */
    static InkMask of(XYPlot plot, Rectangle2D dataArea) {
        int w = Math.max(1, (int) Math.ceil(dataArea.getWidth()));
        int h = Math.max(1, (int) Math.ceil(dataArea.getHeight()));
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.setTransform(AffineTransform.getTranslateInstance(-dataArea.getMinX(), -dataArea.getMinY()));
            RectangleEdge de = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
            RectangleEdge re = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
            for (int i = 0; i < plot.getDatasetCount(); i++) {
                XYDataset d = plot.getDataset(i);
                XYItemRenderer r = plot.getRendererForDataset(d);
                ValueAxis x = plot.getDomainAxisForDataset(i);
                ValueAxis y = plot.getRangeAxisForDataset(i);
                if (d == null || r == null || x == null || y == null) {
                    continue;
                }
                Axes axes = new Axes(x, y, dataArea, de, re);
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    if (!r.isSeriesVisible(s)) {
                        continue;
                    }
                    if (r instanceof DeviationRenderer && d instanceof IntervalXYDataset id) {
                        fill(g, between(id, s, axes));
                    } else {
                        boolean lines = !(r instanceof XYLineAndShapeRenderer lr) || lr.getItemLineVisible(s, 0);
                        boolean shapes = r instanceof XYLineAndShapeRenderer lr2 && lr2.getItemShapeVisible(s, 0);
                        if (lines) {
                            Stroke st = r.getSeriesStroke(s);
                            float lw = st instanceof BasicStroke b ? b.getLineWidth() : ChartStyle.LINE_WIDTH;
                            g.setStroke(new BasicStroke(lw + 2 * CLEARANCE_PX, BasicStroke.CAP_ROUND,
                                    BasicStroke.JOIN_ROUND));
                            g.draw(line(d, s, axes));
                        }
                        if (shapes) {
                            Shape shape = r.getSeriesShape(s);
                            Rectangle2D b = shape == null ? new Rectangle2D.Double(-6, -6, 12, 12)
                                    : shape.getBounds2D();
                            double rad = Math.max(b.getWidth(), b.getHeight()) / 2 + CLEARANCE_PX;
                            for (int k = 0; k < d.getItemCount(s); k++) {
                                double px = axes.x(d.getXValue(s, k));
                                double py = axes.y(d.getYValue(s, k));
                                if (Double.isFinite(px) && Double.isFinite(py)) {
                                    g.fill(new Ellipse2D.Double(px - rad, py - rad, 2 * rad, 2 * rad));
                                }
                            }
                        }
                    }
                }
                if (r instanceof AbstractXYItemRenderer ar) {
                    for (Object a : ar.getAnnotations()) {
                        polygon(g, a, axes);
                    }
                }
            }
            if (plot.getDomainAxis() != null && plot.getRangeAxis() != null) {
                Axes axes = new Axes(plot.getDomainAxis(), plot.getRangeAxis(), dataArea, de, re);
                for (XYAnnotation a : plot.getAnnotations()) {
                    polygon(g, a, axes);
                }
                for (Layer layer : List.of(Layer.BACKGROUND, Layer.FOREGROUND)) {
                    Collection<?> markers = plot.getRangeMarkers(layer);
                    if (markers == null) {
                        continue;
                    }
                    for (Object m : markers) {
                        if (m instanceof ValueMarker v && !(v instanceof BandShading.Edge) && reference(v)) {
                            double py = axes.y(v.getValue());
                            if (Double.isFinite(py)) {
                                float lw = v.getStroke() instanceof BasicStroke b ? b.getLineWidth() : 1;
                                g.setStroke(new BasicStroke(lw + 2 * CLEARANCE_PX));
                                g.draw(new Line2D.Double(dataArea.getMinX(), py, dataArea.getMaxX(), py));
                            }
                        }
                    }
                }
            }
        } finally {
            g.dispose();
        }
        byte[] px = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        int[] sums = new int[(w + 1) * (h + 1)];
        for (int row = 0; row < h; row++) {
            int run = 0;
            for (int col = 0; col < w; col++) {
                run += px[row * w + col] != 0 ? 1 : 0;
                sums[(row + 1) * (w + 1) + col + 1] = sums[row * (w + 1) + col + 1] + run;
            }
        }
        return new InkMask(dataArea, w, h, sums);
    }

    /** @return whether the marker is a reference line rather than a grid line: drawn darker than the grid */
    private static boolean reference(ValueMarker v) {
        if (!(v.getPaint() instanceof Color c)) {
            return true;
        }
        return c.getAlpha() > 0 && (c.getRed() + c.getGreen() + c.getBlue()) / 3 < 0xC0;
    }

    /** @return whether any ink lies under {@code box} (Java2D coordinates); parts outside the data area count clear */
    boolean inked(Rectangle2D box) {
        return count(box) > 0;
    }

    /** @return how many inked pixels lie under {@code box} (Java2D coordinates) */
    int count(Rectangle2D box) {
        int c0 = clamp((int) Math.floor(box.getMinX() - area.getMinX()), width);
        int c1 = clamp((int) Math.ceil(box.getMaxX() - area.getMinX()), width);
        int r0 = clamp((int) Math.floor(box.getMinY() - area.getMinY()), height);
        int r1 = clamp((int) Math.ceil(box.getMaxY() - area.getMinY()), height);
        if (c1 <= c0 || r1 <= r0) {
            return 0;
        }
        int stride = width + 1;
        return sums[r1 * stride + c1] - sums[r0 * stride + c1] - sums[r1 * stride + c0] + sums[r0 * stride + c0];
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** The two axes of a dataset, mapping data values to Java2D coordinates. */
    private record Axes(ValueAxis xAxis, ValueAxis yAxis, Rectangle2D area, RectangleEdge de, RectangleEdge re) {
        double x(double v) {
            return Double.isFinite(v) ? xAxis.valueToJava2D(v, area, de) : Double.NaN;
        }

        double y(double v) {
            // a log axis has no place for 0 or less: such a point is a break, as the renderer makes it
            if (!Double.isFinite(v) || (yAxis instanceof org.jfree.chart.axis.LogAxis && v <= 0)) {
                return Double.NaN;
            }
            return yAxis.valueToJava2D(v, area, re);
        }
    }

    private static Path2D line(XYDataset d, int s, Axes axes) {
        Path2D path = new Path2D.Double();
        boolean pen = false;
        for (int k = 0; k < d.getItemCount(s); k++) {
            double px = axes.x(d.getXValue(s, k));
            double py = axes.y(d.getYValue(s, k));
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                pen = false;
                continue;
            }
            // far off the area (a log axis's floor, a zoomed axis) the mask would need no more than its edge
            py = Math.max(-1e5, Math.min(1e5, py));
            if (pen) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                pen = true;
            }
        }
        return path;
    }

    /** @return the area between a series' start and end values, as the deviation renderer fills it */
    private static Path2D between(IntervalXYDataset d, int s, Axes axes) {
        Path2D path = new Path2D.Double();
        int n = d.getItemCount(s);
        boolean started = false;
        for (int k = 0; k < n; k++) {
            double px = axes.x(d.getXValue(s, k));
            double py = axes.y(d.getEndYValue(s, k));
            if (Double.isFinite(px) && Double.isFinite(py)) {
                py = Math.max(-1e5, Math.min(1e5, py));
                if (started) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    started = true;
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double px = axes.x(d.getXValue(s, k));
            double py = axes.y(d.getStartYValue(s, k));
            if (Double.isFinite(px) && Double.isFinite(py) && started) {
                path.lineTo(px, Math.max(-1e5, Math.min(1e5, py)));
            }
        }
        if (started) {
            path.closePath();
        }
        return path;
    }

    private static void fill(Graphics2D g, Shape s) {
        g.fill(s);
        // the fill's own outline, so that a band one pixel thin still counts
        g.setStroke(new BasicStroke(1 + 2 * CLEARANCE_PX));
        g.draw(s);
    }

    private static void polygon(Graphics2D g, Object a, Axes axes) {
        if (!(a instanceof XYPolygonAnnotation p)) {
            return;
        }
        double[] xy = p.getPolygonCoordinates();
        Path2D path = new Path2D.Double();
        boolean started = false;
        for (int k = 0; k + 1 < xy.length; k += 2) {
            double px = axes.x(xy[k]);
            double py = axes.y(xy[k + 1]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            if (started) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                started = true;
            }
        }
        if (started) {
            path.closePath();
            fill(g, path);
        }
    }
}
