package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

class ChartWindowTest {

    @Test
    void refusesWithoutADisplayAndSuggestsAFile() {
        // the build runs tests with java.awt.headless=true
        assertTrue(GraphicsEnvironment.isHeadless());
        JFreeChart c = ConcentrationChart.create(ChartRequest.of("t", "",
                new PlotSeries("", Fixtures.antidepressantDomino(2))));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ChartWindow.show(c, "t"));
        assertEquals("show", e.field());
        assertEquals("--show needs a display; use --plot FILE.png", e.getMessage());
    }
}
