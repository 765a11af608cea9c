package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationSimulation;

/**
 * The chart of several series in one population: a panel per analyte, in each a median per series in the series'
 * colour over its two fills, the concentration ranges and dose marks on the first panel, and a legend that names
 * the medians and the fills.
 */
class PopulationCompareChartTest {
    private static final PublishedModel MODEL = Models.get("otto-2021");
    private static final TimeGrid GRID = TimeGrid.uniform(6, 0.05);
    private static final String[] LABELS = {"low", "high", "split"};
    private static final String[] DOSES = {"0.25 mg/kg over 40 min", "0.5 mg/kg over 40 min",
        "bolus 10 mg; 0.25 mg/kg over 40 min at 1 h"};

    private static PercentileBands bands(Regimen regimen) {
        return PopulationSimulation.of(MODEL, Collections.nCopies(100, Patient.standardAdult()), regimen, GRID, 3L)
                .withPercentileBands(GRID, 5, 25, 50, 75, 95).run().percentileBands().orElseThrow();
    }

    private static JFreeChart chart(int series) {
        return chart(List.of(LABELS).subList(0, series), List.of(DOSES).subList(0, series));
    }

    private static JFreeChart chart(List<String> labels, List<String> doses) {
        List<PlotSeries> profiles = new ArrayList<>();
        List<PercentileBands> bands = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Regimen r = null;
            for (String d : doses.get(i).split(";")) {
                Regimen next = DoseParser.parse(d.trim());
                r = r == null ? next : r.and(next);
            }
            profiles.add(new PlotSeries(labels.get(i), Simulation.run(MODEL, Patient.standardAdult(), r, GRID)
                    .profile()));
            bands.add(bands(r));
        }
        ChartRequest request = new ChartRequest("Compared", "100 virtual patients", profiles, false,
                List.of("Paired: the same patients"));
        return PopulationCompareChart.create(request, bands, 100);
    }

    @Test
    void onePanelPerAnalyteWithAMedianAndTwoFillsPerSeriesInItsColour() {
        JFreeChart chart = chart(3);
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(2, panels.size());
        Analyte[] analytes = {Analyte.KETAMINE, Analyte.NORKETAMINE};
        for (int p = 0; p < 2; p++) {
            XYPlot panel = panels.get(p);
            XYSeriesCollection medians = (XYSeriesCollection) panel.getDataset(0);
            YIntervalSeriesCollection inner = (YIntervalSeriesCollection) panel.getDataset(1);
            YIntervalSeriesCollection outer = (YIntervalSeriesCollection) panel.getDataset(2);
            assertEquals(3, medians.getSeriesCount());
            assertEquals(3, inner.getSeriesCount());
            assertEquals(3, outer.getSeriesCount());
            double top = 0;
            for (int s = 0; s < 3; s++) {
                assertEquals(LABELS[s] + " – " + analytes[p].label(), medians.getSeriesKey(s));
                Color colour = ChartStyle.SERIES_COLOURS.get(s);
                assertEquals(colour, panel.getRenderer(0).getSeriesPaint(s));
                assertEquals(ChartStyle.analyteStroke(analytes[p]), panel.getRenderer(0).getSeriesStroke(s));
                Color fill = (Color) ((DeviationRenderer) panel.getRenderer(2)).getSeriesFillPaint(s);
                assertEquals(colour.getRGB() & 0xFFFFFF, fill.getRGB() & 0xFFFFFF);
                assertTrue(fill.getAlpha() < 40, fill::toString);
                for (int i = 0; i < outer.getItemCount(s); i++) {
                    int k = i;
                    int series = s;
                    assertTrue(outer.getStartYValue(s, i) <= inner.getStartYValue(s, i)
                            && inner.getStartYValue(s, i) <= medians.getYValue(s, i)
                            && medians.getYValue(s, i) <= inner.getEndYValue(s, i)
                            && inner.getEndYValue(s, i) <= outer.getEndYValue(s, i), () -> "series " + series
                                    + " point " + k);
                    top = Math.max(top, outer.getEndYValue(s, i));
                }
            }
            // the 95th percentile of every series fits on the panel's axis
            assertTrue(panel.getRangeAxis().getUpperBound() >= top, panel.getRangeAxis().getUpperBound() + " " + top);
            assertEquals(List.of(capitalised(analytes[p].label())), panelTitles(panel));
            assertEquals("ng/mL", panel.getRangeAxis().getLabel());
        }
        // the concentration ranges (ketamine's) and the dose lanes belong to the first panel only
        assertTrue(!ChartInspection.intervals(panels.get(0).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND))
                .isEmpty());
        assertTrue(ChartInspection.intervals(panels.get(1).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND))
                .isEmpty());
        assertTrue(panels.get(0).getAnnotations().stream().anyMatch(a -> a instanceof BandLabels));
        assertTrue(lanes(panels.get(0)) > 0);
        assertEquals(0, lanes(panels.get(1)));
    }

    /** The infusion periods shaded on the first panel are shaded on every panel, at the same times. */
    @Test
    void infusionPeriodsAreShadedOnEveryPanel() {
        // two series of one regimen (e.g. two models): its infusion is shaded, not drawn as a lane per series
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart(List.of("a", "b"), List.of(DOSES[1], DOSES[1])).getPlot())
                .getSubplots();
        List<String> first = shadedSpans(panels.get(0));
        assertEquals(1, first.size(), first.toString());
        for (XYPlot panel : panels) {
            assertEquals(first, shadedSpans(panel));
        }
    }

    private static List<String> shadedSpans(XYPlot panel) {
        List<String> out = new ArrayList<>();
        java.util.Collection<?> markers = panel.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        if (markers != null) {
            for (Object m : markers) {
                if (m instanceof org.jfree.chart.plot.IntervalMarker im && ChartStyle.INFUSION_FILL.equals(
                        im.getPaint())) {
                    out.add(im.getStartValue() + "–" + im.getEndValue());
                }
            }
        }
        return out;
    }

    @Test
    void theLegendNamesEachSeriesMedianAndTheFillsAndTheTitlesStay() {
        JFreeChart chart = chart(2);
        LegendItemCollection items = ((XYPlot) chart.getPlot()).getFixedLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("low, median", "high, median", "Ketamine", "Norketamine", "Middle 50 % of patients",
                "Middle 90 % of patients"), labels.subList(0, 6), labels::toString);
        assertEquals(ChartStyle.SERIES_COLOURS.get(1), items.get(1).getLinePaint());
        assertEquals("Compared", chart.getTitle().getText());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                texts.add(ChartInspection.plain(t.getText()));
            }
        }
        assertTrue(texts.contains("100 virtual patients"), texts::toString);
        assertTrue(texts.contains("Paired: the same patients"), texts::toString);
        BufferedImage img = chart.createBufferedImage(1600, 900);
        // both series' colours reach the picture
        assertTrue(ChartInspection.count(img, ChartStyle.SERIES_COLOURS.get(0)) > 200);
        assertTrue(ChartInspection.count(img, ChartStyle.SERIES_COLOURS.get(1)) > 200);
    }

    @Test
    void bandsMustMatchTheSeries() {
        List<PlotSeries> one = List.of(new PlotSeries("a", Simulation.run(MODEL, Patient.standardAdult(),
                DoseParser.parse(DOSES[0]), GRID).profile()), new PlotSeries("b", Simulation.run(MODEL,
                        Patient.standardAdult(), DoseParser.parse(DOSES[1]), GRID).profile()));
        ChartRequest request = new ChartRequest("Compared", "", one, false, List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PopulationCompareChart.create(request, List.of(bands(DoseParser.parse(DOSES[0]))), 100));
        assertTrue(e.getMessage().contains("one set of bands per series"), e.getMessage());
    }

    @Test
    void aPanelHeadingMovesOffAPeakInTheTopLeftCorner() {
        // the bolus peaks at once, at the top of the ketamine axis, where the heading used to hide it
        JFreeChart chart = chart(List.of("bolus", "infusion"), List.of("bolus 35 mg", "0.25 mg/kg over 40 min"));
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 1600, 900), info);
        g2.dispose();
        XYPlot ketamine = combined.getSubplots().get(0);
        PanelHeading heading = null;
        for (XYAnnotation a : ketamine.getAnnotations()) {
            if (a instanceof PanelHeading h) {
                heading = h;
            }
        }
        assertNotNull(heading);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        Rectangle2D box = heading.lastBox();
        Rectangle2D corner = new Rectangle2D.Double(area.getMinX() + PanelHeading.PAD_PX, box.getY(), box.getWidth(),
                box.getHeight());
        assertTrue(PanelHeading.covers(corner, ketamine, area, combined.getDomainAxis()),
                "the case in point: a curve reaches into the corner");
        assertFalse(PanelHeading.covers(box, ketamine, area, combined.getDomainAxis()), () -> "heading over a curve at "
                + box);
        assertTrue(box.getMinX() >= area.getMinX() && box.getMinY() >= area.getMinY(), () -> "inside the plot: " + box);
    }

    private static List<String> panelTitles(XYPlot panel) {
        List<String> out = new ArrayList<>();
        for (XYAnnotation a : panel.getAnnotations()) {
            if (a instanceof PanelHeading h) {
                out.add(h.text());
            }
        }
        return out;
    }

    private static int lanes(XYPlot panel) {
        int n = 0;
        for (XYAnnotation a : panel.getAnnotations()) {
            n += a instanceof DoseLaneAnnotation ? 1 : 0;
        }
        return n;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
