package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.library.Models;
import org.ketaminepk.validation.ObservationTable;
import org.ketaminepk.validation.Validation;
import org.ketaminepk.validation.ValidationReport;

/** The predicted-against-observed chart, drawn headless. */
class ValidationChartTest {
    private static final ValidationReport ALL = Validation.run(Models.all(), ObservationTable.standard());

    @Test
    void onePointPerComparisonGroupedByRoute() {
        Map<Route, List<ValidationChart.Point>> d = ValidationChart.dataset(ALL);
        assertEquals(ALL.comparisons().size(), d.values().stream().mapToInt(List::size).sum());
        for (Map.Entry<Route, List<ValidationChart.Point>> e : d.entrySet()) {
            for (ValidationChart.Point p : e.getValue()) {
                assertEquals(e.getKey(), p.comparison().observation().route());
                assertEquals(p.comparison().ratio(), p.predicted() / p.observed(), 1e-12);
            }
        }
    }

    @Test
    void logAxesCoverEveryPointAndTheTitleAndLegendAreSet() {
        JFreeChart chart = ValidationChart.create(ALL, "Predicted against observed");
        XYPlot plot = chart.getXYPlot();
        LogAxis x = (LogAxis) plot.getDomainAxis();
        LogAxis y = (LogAxis) plot.getRangeAxis();
        for (List<ValidationChart.Point> l : ValidationChart.dataset(ALL).values()) {
            for (ValidationChart.Point p : l) {
                assertTrue(x.getRange().contains(p.observed()) && y.getRange().contains(p.predicted()));
            }
        }
        assertTrue(x.getLabel().startsWith("Observed (ng/mL"));
        assertTrue(y.getLabel().startsWith("Predicted"));
        assertEquals("Predicted against observed", chart.getTitle().getText());
        // routes, the two guide lines, four shape keys and two spacers
        assertEquals(ValidationChart.dataset(ALL).size() + 2 + 4 + 2, plot.getFixedLegendItems().getItemCount());
    }

    @Test
    void pointsOutsideTwoFoldAreNumberedFurthestFirstAndNamedInTheCaption() {
        List<ValidationChart.Point> out = ValidationChart.outliers(ValidationChart.dataset(ALL));
        assertTrue(out.size() > ValidationChart.MAX_NAMED, "the table has more misses than the chart numbers");
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i - 1).comparison().foldError() >= out.get(i).comparison().foldError());
        }
        assertTrue(out.stream().allMatch(p -> p.comparison().foldError() > 2));
        String caption = String.join("\n", ValidationChart.caption(out, 150));
        assertTrue(caption.startsWith("Outside 2-fold (the " + ValidationChart.MAX_NAMED + " furthest of " + out.size()
                + "): 1 " + out.get(0).comparison().observation().id()), caption);
        assertTrue(caption.contains(" " + ValidationChart.MAX_NAMED + " ") && !caption.contains(" "
                + (ValidationChart.MAX_NAMED + 1) + " "), caption);
        assertTrue(String.join("", ValidationChart.caption(out.subList(0, 2), 150)).startsWith("Outside 2-fold: 1 "));
        assertTrue(ValidationChart.caption(List.of(), 150).isEmpty());
        assertEquals("1/2.04", ValidationChart.fold(0.49));
        assertEquals("4.51", ValidationChart.fold(4.51));
        assertEquals("37", ValidationChart.fold(37.4));
    }

    @Test
    void drawsHeadlessAtSlideSize() {
        BufferedImage img = ChartFiles.render(ValidationChart.create(ALL, "t"), 1600, 900);
        assertEquals(1600, img.getWidth());
        // something other than white is drawn in the plot area
        boolean ink = false;
        for (int x = 300; x < 1200 && !ink; x += 7) {
            for (int y = 150; y < 700 && !ink; y += 7) {
                ink = (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(ink);
    }

    @Test
    void anEmptyReportIsAClearError() {
        ValidationReport none = Validation.run(List.of(Models.HERD_2007), ObservationTable.standard());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ValidationChart.create(none, "t"));
        assertEquals("nothing to plot: no observation applies to herd-2007", e.getMessage());
    }
}
