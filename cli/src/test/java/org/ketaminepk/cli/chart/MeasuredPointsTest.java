package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.fit.Level;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/** Measured points over the curves: in the analyte's colour, censored ones open at the LLOQ, all on the axis. */
class MeasuredPointsTest {
    private static final List<Level> LEVELS = List.of(Level.of(0.5, Analyte.KETAMINE, 900),
            Level.of(2, Analyte.NORKETAMINE, 40), Level.of(4, Analyte.KETAMINE, 20),
            Level.belowLloq(10, Analyte.KETAMINE, 5));

    private static ChartRequest request(boolean log) {
        PlotSeries s = new PlotSeries("", Simulation.run(Models.get("otto-2021"), Patient.standardAdult(),
                DoseParser.parse("0.5 mg/kg over 40 min"), TimeGrid.uniform(12, 0.05)).profile());
        return new ChartRequest("Levels", "otto-2021", List.of(s), log, List.of());
    }

    private static XYDataset points(XYPlot plot) {
        return plot.getDataset(plot.getDatasetCount() - 1);
    }

    @Test
    void quantifiedAndCensoredLevelsAreSeparateSeriesInTheAnalytesColours() {
        JFreeChart chart = MeasuredPoints.create(request(false), LEVELS);
        XYPlot plot = chart.getXYPlot();
        XYDataset d = points(plot);
        assertEquals(3, d.getSeriesCount());
        assertEquals("measured – ketamine", d.getSeriesKey(0));
        assertEquals(2, d.getItemCount(0));
        assertEquals(0.5, d.getXValue(0, 0), 1e-12, "an hours axis for 12 h");
        assertEquals(900, d.getYValue(0, 0), 1e-12);
        assertEquals("measured – norketamine", d.getSeriesKey(1));
        assertEquals("below LLOQ – ketamine", d.getSeriesKey(2));
        assertEquals(5, d.getYValue(2, 0), 1e-12, "a censored level is drawn at its LLOQ");
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(plot.getDatasetCount() - 1);
        assertEquals(ChartStyle.analyteColour(Analyte.KETAMINE), r.getSeriesPaint(0));
        assertEquals(ChartStyle.analyteColour(Analyte.NORKETAMINE), r.getSeriesPaint(1));
        assertTrue(r.getSeriesShapesFilled(0));
        assertFalse(r.getSeriesShapesFilled(2), "censored levels are open markers");
        assertTrue(plot.getRangeAxis().getUpperBound() >= 900, "the axis holds the highest level");
    }

    @Test
    void censoredLevelsAreLabelledAndTheLegendNamesTheMarkers() {
        XYPlot plot = MeasuredPoints.create(request(false), LEVELS).getXYPlot();
        int labels = 0;
        for (XYAnnotation a : plot.getAnnotations()) {
            if (a instanceof XYTextAnnotation t && t.getText().strip().equals(MeasuredPoints.CENSORED_LABEL)) {
                labels++;
            }
        }
        assertEquals(1, labels);
        List<String> legend = new ArrayList<>();
        for (Iterator<?> it = plot.getFixedLegendItems().iterator(); it.hasNext();) {
            legend.add(((LegendItem) it.next()).getLabel());
        }
        assertTrue(legend.containsAll(List.of("Ketamine", "Norketamine", "Measured ketamine", "Measured norketamine",
                "Measured below LLOQ (open, at the LLOQ)")), legend.toString());
    }

    @Test
    void withoutCensoredLevelsThereIsNoOpenMarkerInTheLegend() {
        XYPlot plot = MeasuredPoints.create(request(false), LEVELS.subList(0, 2)).getXYPlot();
        for (Iterator<?> it = plot.getFixedLegendItems().iterator(); it.hasNext();) {
            assertFalse(((LegendItem) it.next()).getLabel().contains("LLOQ"));
        }
        assertTrue(plot.getAnnotations().stream().noneMatch(a -> a instanceof XYTextAnnotation t
                && t.getText().contains(MeasuredPoints.CENSORED_LABEL)));
    }

    @Test
    void aZeroLevelIsLeftOutOfALogChartAndTheMarkerIsDrawn() {
        List<Level> levels = List.of(Level.of(1, Analyte.KETAMINE, 0), Level.of(2, Analyte.KETAMINE, 30));
        XYPlot plot = MeasuredPoints.create(request(true), levels).getXYPlot();
        assertEquals(1, points(plot).getItemCount(0));
        assertEquals(2, MeasuredPoints.create(request(false), levels).getXYPlot().getDataset(1).getItemCount(0));

        JFreeChart chart = MeasuredPoints.create(request(false), List.of(Level.of(6, Analyte.NORKETAMINE, 500)));
        BufferedImage img = chart.createBufferedImage(1600, 900);
        int vermillion = ChartStyle.analyteColour(Analyte.NORKETAMINE).getRGB();
        int found = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                found += img.getRGB(x, y) == vermillion ? 1 : 0;
            }
        }
        assertTrue(found > 50, "the marker's colour appears on the image (" + found + " px)");
        assertFalse(new Color(img.getRGB(0, 0)).equals(Color.BLACK));
    }
}
