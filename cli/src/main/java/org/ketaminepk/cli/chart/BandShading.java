package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

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

    /** Shades each band behind the curves, labelled at its right edge. */
    static void addTo(XYPlot plot, List<ConcentrationBands.Band> shown) {
        for (ConcentrationBands.Band b : shown) {
            Color c = colour(b);
            IntervalMarker m = new IntervalMarker(b.lowNgPerMl(), b.highNgPerMl(),
                    ChartStyle.translucent(c, alpha(b)));
            m.setOutlinePaint(null);
            m.setLabel(b.name());
            m.setLabelFont(ChartStyle.BAND_LABEL);
            m.setLabelPaint(ChartStyle.darker(c, 0.7));
            // the analgesic and dissociative bands overlap (100–160 ng/mL): label one at its foot, one at its top
            boolean atTop = b == ConcentrationBands.DISSOCIATIVE;
            m.setLabelAnchor(atTop ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(atTop ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
            m.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(m, Layer.BACKGROUND);
        }
    }
}
