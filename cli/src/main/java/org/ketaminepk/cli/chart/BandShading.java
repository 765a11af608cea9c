package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.plot.IntervalMarker;
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
            IntervalMarker m = new IntervalMarker(b.lowNgPerMl(), b.highNgPerMl(),
                    ChartStyle.translucent(colour(b), alpha(b)));
            m.setOutlinePaint(null);
            plot.addRangeMarker(m, Layer.BACKGROUND);
        }
        if (!shown.isEmpty()) {
            // a plot annotation, drawn after every renderer's curves
            plot.addAnnotation(new BandLabels(shown));
        }
    }
}
