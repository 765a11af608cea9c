package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ketaminepk.result.Profile;

/** Profiles and look-ups shared by the chart tests: what a built chart holds. */
final class ChartInspection {
    private ChartInspection() {
    }

    // simulated once: the profiles are immutable
    static final Profile CRPS = Fixtures.crpsWithNorketamine();

    static final Profile INFUSION_6H = Fixtures.antidepressantWithNorketamine(6);

    static final Profile DOMINO_6H = Fixtures.antidepressantDomino(6);

    /** @return text as drawn on a chart, with its no-break spaces and hyphens as the ordinary ones */
    static String plain(String drawn) {
        return drawn.replace(ChartText.NO_BREAK_SPACE, ' ').replace(ChartText.NO_BREAK_HYPHEN, '-');
    }

    static XYPlot plot(JFreeChart c) {
        return c.getXYPlot();
    }

    static XYSeriesCollection data(JFreeChart c) {
        return (XYSeriesCollection) plot(c).getDataset();
    }

    static List<String> keys(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (Object s : data(c).getSeries()) {
            out.add((String) ((XYSeries) s).getKey());
        }
        return out;
    }

    static List<IntervalMarker> intervals(Collection<?> markers) {
        List<IntervalMarker> out = new ArrayList<>();
        if (markers != null) {
            for (Object m : markers) {
                if (m instanceof IntervalMarker) {
                    out.add((IntervalMarker) m);
                }
            }
        }
        return out;
    }

    static List<String> legendLabels(JFreeChart c) {
        List<String> out = new ArrayList<>();
        LegendItemCollection items = plot(c).getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    static ChartRequest single(Profile p) {
        return ChartRequest.of("Model and patient", "regimen", new PlotSeries("", p));
    }

    static List<DoseLaneAnnotation> lanes(JFreeChart c) {
        List<DoseLaneAnnotation> out = new ArrayList<>();
        for (XYAnnotation a : plot(c).getAnnotations()) {
            if (a instanceof DoseLaneAnnotation) {
                out.add((DoseLaneAnnotation) a);
            }
        }
        return out;
    }

    static List<BandLabels> bandLabels(JFreeChart c) {
        List<BandLabels> out = new ArrayList<>();
        for (Object a : plot(c).getAnnotations()) {
            if (a instanceof BandLabels) {
                out.add((BandLabels) a);
            }
        }
        return out;
    }

    static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - c.getRed();
                int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
                int db = (rgb & 0xFF) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 300) {
                    n++;
                }
            }
        }
        return n;
    }
}
