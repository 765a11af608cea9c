package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.Simulation;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationSimulation;

/**
 * The population chart: medians over a 50 % and a 90 % fill per analyte, and the axis holds the 95th percentile; a
 * fill of too few patients is left out and the subtitle says so.
 */
class PopulationChartTest {
    @Test
    void bandsAreDrawnBehindTheMediansAndFitOnTheAxis() {
        PublishedModel model = Models.get("otto-2021");
        Regimen regimen = DoseParser.parse("0.5 mg/kg over 40 min");
        TimeGrid grid = TimeGrid.uniform(6, 0.05);
        PercentileBands bands = PopulationSimulation.of(model, Collections.nCopies(200,
                Patient.standardAdult()), regimen, grid, 5L).withPercentileBands(grid, 5, 25, 50, 75, 95).run()
                .percentileBands().orElseThrow();
        PlotSeries typical = new PlotSeries("", Simulation.run(model, Patient.standardAdult(), regimen, grid)
                .profile());
        JFreeChart chart = PopulationChart.create(ChartRequest.of("Population", "200 patients", typical), bands,
                200);
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection outer = (YIntervalSeriesCollection) plot.getDataset(2);
        YIntervalSeriesCollection inner = (YIntervalSeriesCollection) plot.getDataset(1);
        assertEquals(2, outer.getSeriesCount());
        for (int i = 0; i < grid.size(); i += 10) {
            assertTrue(outer.getStartYValue(0, i) <= inner.getStartYValue(0, i));
            assertTrue(inner.getEndYValue(0, i) <= outer.getEndYValue(0, i));
        }
        double top = 0;
        for (double v : bands.ngPerMl(Analyte.KETAMINE, 95)) {
            top = Math.max(top, v);
        }
        assertTrue(plot.getRangeAxis().getUpperBound() >= top);
        List<String> labels = new ArrayList<>();
        for (Iterator<?> it = plot.getFixedLegendItems().iterator(); it.hasNext();) {
            labels.add(((LegendItem) it.next()).getLabel());
        }
        assertTrue(labels.containsAll(List.of("Ketamine, median", "Norketamine, median", "Middle 50 % of patients",
                "Middle 90 % of patients")), labels.toString());
        BufferedImage img = chart.createBufferedImage(800, 450);
        assertEquals(800, img.getWidth());
    }

    /**
     * A patients' fill that crosses a concentration band keeps its colour: the band's tint under it is too faint to
     * change it noticeably, and the band is drawn by lines at its edges instead. The fills used to take on the band
     * tints, so that the band and the fill could not be told apart.
     */
    @Test
    void aFillCrossingABandKeepsItsColourAndTheBandShowsByItsEdges() {
        PublishedModel model = Models.get("otto-2021");
        Regimen regimen = DoseParser.parse("0.5 mg/kg over 40 min");
        TimeGrid grid = TimeGrid.uniform(6, 0.05);
        PercentileBands bands = PopulationSimulation.of(model, Collections.nCopies(50, Patient.standardAdult()),
                regimen, grid, 5L).withPercentileBands(grid, 5, 25, 50, 75, 95).run().percentileBands()
                .orElseThrow();
        PlotSeries typical = new PlotSeries("", Simulation.run(model, Patient.standardAdult(), regimen, grid)
                .profile());
        XYPlot plot = PopulationChart.create(ChartRequest.of("Population", "50 patients", typical), bands, 50)
                .getXYPlot();
        List<double[]> tints = new ArrayList<>();
        List<Double> edges = new ArrayList<>();
        for (Object m : plot.getRangeMarkers(Layer.BACKGROUND)) {
            if (m instanceof IntervalMarker band && band.getPaint() instanceof java.awt.Color c) {
                tints.add(new double[] {c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0});
            } else if (m instanceof ValueMarker edge && !(edge.getPaint() instanceof java.awt.Color c
                    && c.getRed() == c.getGreen() && c.getGreen() == c.getBlue())) {
                edges.add(edge.getValue());
            }
        }
        assertEquals(2, tints.size(), "analgesic and dissociative");
        assertTrue(edges.containsAll(List.of(70.0, 160.0, 100.0, 250.0)), edges::toString);
        for (int k = 1; k <= 2; k++) {
            java.awt.Color f = (java.awt.Color) plot.getRenderer(k).getSeriesPaint(1);
            double[] fill = {f.getRed(), f.getGreen(), f.getBlue(), f.getAlpha() / 255.0};
            double[] white = {255, 255, 255};
            double[] overWhite = over(fill, white);
            // over each band alone, and over both where they overlap
            double[] both = over(tints.get(1), over(tints.get(0), white));
            for (double[] under : List.of(over(tints.get(0), white), over(tints.get(1), white), both)) {
                double d = distance(over(fill, under), overWhite);
                assertTrue(d < 20, "the fill changes colour by " + d + " over a band");
            }
        }
    }

    private static double[] over(double[] rgba, double[] rgb) {
        double a = rgba[3];
        return new double[] {a * rgba[0] + (1 - a) * rgb[0], a * rgba[1] + (1 - a) * rgb[1],
                a * rgba[2] + (1 - a) * rgb[2]};
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    /** Below 20 patients the 90 % fill, below 4 the 50 % fill too, is left out: of legend, plot and axis. */
    @Test
    void bandsOfTooFewPatientsAreNotDrawnAndTheSubtitleSaysSo() {
        PublishedModel model = Models.get("otto-2021");
        Regimen regimen = DoseParser.parse("0.5 mg/kg over 40 min");
        TimeGrid grid = TimeGrid.uniform(6, 0.05);
        PlotSeries typical = new PlotSeries("", Simulation.run(model, Patient.standardAdult(), regimen, grid)
                .profile());
        for (int n : new int[] {1, 3, 4, 19, 20}) {
            PercentileBands bands = PopulationSimulation.of(model, Collections.nCopies(n, Patient.standardAdult()),
                    regimen, grid, 5L).withPercentileBands(grid, 5, 25, 50, 75, 95).run().percentileBands()
                    .orElseThrow();
            JFreeChart chart = PopulationChart.create(ChartRequest.of("Population", "otto-2021", typical), bands, n);
            XYPlot plot = chart.getXYPlot();
            YIntervalSeriesCollection outer = (YIntervalSeriesCollection) plot.getDataset(2);
            YIntervalSeriesCollection inner = (YIntervalSeriesCollection) plot.getDataset(1);
            assertEquals(n >= 20 ? grid.size() : 0, outer.getItemCount(0), "90 % band of " + n);
            assertEquals(n >= 4 ? grid.size() : 0, inner.getItemCount(0), "50 % band of " + n);
            List<String> labels = new ArrayList<>();
            for (Iterator<?> it = plot.getFixedLegendItems().iterator(); it.hasNext();) {
                labels.add(((LegendItem) it.next()).getLabel());
            }
            assertEquals(n >= 20, labels.contains("Middle 90 % of patients"), labels::toString);
            assertEquals(n >= 4, labels.contains("Middle 50 % of patients"), labels::toString);
            String subtitle = ChartInspection.plain(((org.jfree.chart.title.TextTitle) chart.getSubtitle(0))
                    .getText());
            String expected = n >= 20 ? "otto-2021" : n >= 4 ? "otto-2021 · 90 % band not drawn: " + n
                    + " patients, at least 20 needed" : "otto-2021 · 50 % and 90 % bands not drawn: " + n
                    + (n == 1 ? " patient" : " patients") + ", at least 4 and 20 needed";
            assertEquals(expected, subtitle);
            // the axis fits what is drawn, not a percentile left out
            double top = 0;
            for (double v : bands.ngPerMl(Analyte.KETAMINE, n >= 20 ? 95 : n >= 4 ? 75 : 50)) {
                top = Math.max(top, v);
            }
            assertTrue(plot.getRangeAxis().getUpperBound() >= top);
        }
    }
}
