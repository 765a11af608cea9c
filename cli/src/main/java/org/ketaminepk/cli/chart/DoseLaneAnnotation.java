package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Objects;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A strip along the foot of the plot showing when one profile's doses were given: a bar from the start to the end of
 * each infusion and an upward triangle at each instantaneous dose (intravenous bolus or extravascular dose). Several
 * profiles with different regimens each get a lane of their own, in their own colour. Doses too close together to
 * mark one by one ({@link DoseLanes}) are drawn as one span: a low bar from the first to the last, with a triangle at
 * each end.
 *
 * <p>The strip sits between the zero line and the bottom of the plot (the concentration axis starts a little below
 * zero to make room for it); on a logarithmic axis, which has no zero, it sits at the bottom edge.
 */
final class DoseLaneAnnotation extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    /** Height of the strip on a logarithmic axis, px per lane. */
    static final double LOG_LANE_PX = 16;
    /** Triangle height as a fraction of the lane height. */
    private static final double TRIANGLE_FRACTION = 0.95;

    private final int lane;
    private final int laneCount;
    private final Color colour;
    private final double[] barStarts;
    private final double[] barEnds;
    private final double[] instants;
    private final double[] spanStarts;
    private final double[] spanEnds;

    /**
     * @param lane this lane, 0 at the top of the strip
     * @param laneCount lanes in the strip
     * @param colour fill colour
     * @param barStarts infusion starts, time-axis units
     * @param barEnds infusion ends, time-axis units
     * @param instants instantaneous doses, time-axis units
     * @param spanStarts first dose of each span of instantaneous doses, time-axis units
     * @param spanEnds last dose of each span
     */
    DoseLaneAnnotation(int lane, int laneCount, Color colour, double[] barStarts, double[] barEnds,
            double[] instants, double[] spanStarts, double[] spanEnds) {
        if (lane < 0 || lane >= laneCount || barStarts.length != barEnds.length
                || spanStarts.length != spanEnds.length) {
            throw new IllegalArgumentException("bad lane " + lane + " of " + laneCount);
        }
        this.lane = lane;
        this.laneCount = laneCount;
        this.colour = colour;
        this.barStarts = barStarts.clone();
        this.barEnds = barEnds.clone();
        this.instants = instants.clone();
        this.spanStarts = spanStarts.clone();
        this.spanEnds = spanEnds.clone();
    }

    int lane() {
        return lane;
    }

    Color colour() {
        return colour;
    }

    double[] barStarts() {
        return barStarts.clone();
    }

    double[] barEnds() {
        return barEnds.clone();
    }

    double[] instants() {
        return instants.clone();
    }

    double[] spanStarts() {
        return spanStarts.clone();
    }

    double[] spanEnds() {
        return spanEnds.clone();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        if (plot.getOrientation() != PlotOrientation.VERTICAL) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double bottom = dataArea.getMaxY() - 2;
        double top;
        if (rangeAxis.getLowerBound() < 0) {
            top = rangeAxis.valueToJava2D(0, dataArea, yEdge) + 3;
        } else {
            top = bottom - LOG_LANE_PX * laneCount;
        }
        double laneH = (bottom - top) / laneCount;
        if (laneH < 3) {
            return;
        }
        double y0 = top + lane * laneH;
        double barH = laneH * 0.36;
        double barY = y0 + laneH - barH - 1;
        g2.setPaint(colour);
        for (int i = 0; i < barStarts.length; i++) {
            double x0 = domainAxis.valueToJava2D(barStarts[i], dataArea, xEdge);
            double x1 = domainAxis.valueToJava2D(barEnds[i], dataArea, xEdge);
            g2.fill(new Rectangle2D.Double(x0, barY, Math.max(2, x1 - x0), barH));
        }
        // a bolus sits on top of the infusion bar, so both show when they start together
        double base = barStarts.length > 0 ? barY - 1 : y0 + laneH - 1;
        double th = Math.min((laneH - barH - 2) * TRIANGLE_FRACTION, 16);
        double half = th * 0.6;
        for (double t : instants) {
            g2.fill(triangle(domainAxis.valueToJava2D(t, dataArea, xEdge), base, th, half, dataArea));
        }
        for (int i = 0; i < spanStarts.length; i++) {
            Rectangle2D.Double bar = spanBar(domainAxis.valueToJava2D(spanStarts[i], dataArea, xEdge),
                    domainAxis.valueToJava2D(spanEnds[i], dataArea, xEdge), base, th, half, dataArea);
            g2.fill(bar);
            g2.fill(triangle(bar.getMinX(), base, th, half, dataArea));
            g2.fill(triangle(bar.getMaxX(), base, th, half, dataArea));
        }
    }

    /** @return an upward triangle at {@code x}, kept whole at the plot edges (a dose at time zero would otherwise
     *         show half a triangle) */
    private static Path2D.Double triangle(double x, double base, double th, double half, Rectangle2D dataArea) {
        double cx = Math.min(Math.max(x, dataArea.getMinX() + half), dataArea.getMaxX() - half);
        Path2D.Double tri = new Path2D.Double();
        tri.moveTo(cx, base - th);
        tri.lineTo(cx + half, base);
        tri.lineTo(cx - half, base);
        tri.closePath();
        return tri;
    }

    /** @return the low bar of a span from {@code x0} to {@code x1}, as high as a third of a triangle */
    private static Rectangle2D.Double spanBar(double x0, double x1, double base, double th, double half,
            Rectangle2D dataArea) {
        double a = Math.max(x0, dataArea.getMinX() + half);
        double b = Math.max(a, Math.min(x1, dataArea.getMaxX() - half));
        double h = th / 3;
        return new Rectangle2D.Double(a, base - h, b - a, h);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DoseLaneAnnotation) || !super.equals(o)) {
            return false;
        }
        DoseLaneAnnotation d = (DoseLaneAnnotation) o;
        return lane == d.lane && laneCount == d.laneCount && colour.equals(d.colour)
                && Arrays.equals(barStarts, d.barStarts) && Arrays.equals(barEnds, d.barEnds)
                && Arrays.equals(instants, d.instants) && Arrays.equals(spanStarts, d.spanStarts)
                && Arrays.equals(spanEnds, d.spanEnds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lane, laneCount, colour, Arrays.hashCode(barStarts), Arrays.hashCode(barEnds),
                Arrays.hashCode(instants), Arrays.hashCode(spanStarts), Arrays.hashCode(spanEnds));
    }
}
