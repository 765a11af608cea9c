package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/** How the {@link ConcentrationBands} are shaded behind the curves: colour, transparency and label of each. */
final class BandShading {
    private BandShading() {
    }

    /** @return the band's colour, the same in the plot and the legend */
    static Color colour(ConcentrationBands.Band b) {
        if (b == ConcentrationBands.ANALGESIC) {
            return ChartStyle.SKY_BLUE;
        }
        if (b == ConcentrationBands.DISSOCIATIVE) {
            return ChartStyle.REDDISH_PURPLE;
        }
        return ChartStyle.ORANGE;
    }

    /** @return the band's opacity in the plot, 0..1 */
    static double alpha(ConcentrationBands.Band b) {
        return b == ConcentrationBands.DISSOCIATIVE ? 0.17 : 0.15;
    }

    /**
     * Shades each band behind the curves and names it ({@link BandLabels}, which keeps the names clear of the curves
     * and of each other).
     */
    static void addTo(XYPlot plot, List<ConcentrationBands.Band> shown) {
        for (ConcentrationBands.Band b : shown) {
            plot.addRangeMarker(new Shade(b), Layer.BACKGROUND);
        }
        if (!shown.isEmpty()) {
            // a plot annotation, drawn after every renderer's curves
            plot.addAnnotation(new BandLabels(shown));
        }
    }

    /** Share of a band's opacity kept behind the translucent fills of a population's percentiles. */
    static final double UNDER_FILLS_SHARE = 0.35;

    /**
     * For a plot whose data are translucent fills (a population's middle 50 % and 90 %): a fill over a shaded band
     * takes on the band's tint, so that neither the band nor the fill could be told where they meet. Each band is
     * shaded at {@value #UNDER_FILLS_SHARE} of its opacity, too faint to tint a fill, and drawn by its edges instead:
     * a line in its colour at its lower and upper concentration.
     */
    static void underFills(XYPlot plot) {
        Collection<?> markers = plot.getRangeMarkers(Layer.BACKGROUND);
        if (markers == null) {
            return;
        }
        List<Shade> shades = new ArrayList<>();
        for (Object m : markers) {
            if (m instanceof Shade s) {
                shades.add(s);
            }
        }
        for (Shade s : shades) {
            s.setPaint(ChartStyle.translucent(colour(s.band()), alpha(s.band()) * UNDER_FILLS_SHARE));
            for (double v : new double[] {s.band().lowNgPerMl(), s.band().highNgPerMl()}) {
                plot.addRangeMarker(new Edge(s.band(), v), Layer.BACKGROUND);
            }
        }
    }

    /** A band's shading across the plot. */
    static final class Shade extends IntervalMarker {
        private static final long serialVersionUID = 1L;
        private final ConcentrationBands.Band band;

        Shade(ConcentrationBands.Band band) {
            super(band.lowNgPerMl(), band.highNgPerMl(), ChartStyle.translucent(colour(band), alpha(band)));
            this.band = band;
            setOutlinePaint(null);
        }

        ConcentrationBands.Band band() {
            return band;
        }
    }

    /** One edge of a band drawn as a line: part of the band, not data, which its name may lie beside. */
    static final class Edge extends ValueMarker {
        private static final long serialVersionUID = 1L;
        private final ConcentrationBands.Band band;

        Edge(ConcentrationBands.Band band, double valueNgPerMl) {
            super(valueNgPerMl, ChartStyle.translucent(ChartStyle.darker(colour(band), 0.85), 0.8),
                    new BasicStroke(1.6f));
            this.band = band;
        }

        ConcentrationBands.Band band() {
            return band;
        }
    }
}
