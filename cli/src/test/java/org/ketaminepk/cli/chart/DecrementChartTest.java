package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalDouble;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.DecrementTimes;
import org.ketaminepk.base.InvalidInputException;

/** The decrement chart, drawn headless from fixed points. */
class DecrementChartTest {
    private static final DecrementChart.Curve CURVE = new DecrementChart.Curve("m", List.of(
            new DecrementTimes.Point(0, OptionalDouble.of(0.1), OptionalDouble.of(0.5)),
            new DecrementTimes.Point(2, OptionalDouble.of(0.4), OptionalDouble.of(2.5)),
            new DecrementTimes.Point(4, OptionalDouble.of(0.6), OptionalDouble.empty())));

    @Test
    void twoSeriesPerModelWithTheMissingValueLeftOut() {
        XYSeriesCollection d = DecrementChart.dataset(List.of(CURVE, new DecrementChart.Curve("n", List.of())));
        assertEquals(4, d.getSeriesCount());
        assertEquals(3, d.getSeries(0).getItemCount());
        assertEquals(2, d.getSeries(1).getItemCount());
        assertEquals(0.6, d.getSeries(0).getY(2).doubleValue(), 0);
        assertTrue(d.getSeries(0).getKey().toString().contains("context-sensitive half-time"));
    }

    @Test
    void aModelWhoseLinesLieUnderAnotherOnesSaysSoInTheLegend() {
        // racemic-composite takes its ketamine from kamp-2020: the legend named kamp-2020's two lines, which could
        // not be seen anywhere on the chart
        DecrementChart.Curve copy = new DecrementChart.Curve("k", CURVE.points());
        JFreeChart chart = DecrementChart.create(List.of(CURVE, copy), "t", "ketamine");
        LegendItemCollection items = ((XYPlot) chart.getPlot()).getLegendItems();
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("m, 50 % (context-sensitive half-time)", "m, 80 % decrement",
                "k, 50 % and 80 %: the same as m, under its lines"), labels);
    }

    @Test
    void drawsHeadlessWithTheLengthAxisEndingAtTheLongestInfusion() {
        JFreeChart chart = DecrementChart.create(List.of(CURVE), "t", "ketamine");
        assertEquals(4, ((XYPlot) chart.getPlot()).getDomainAxis().getUpperBound(), 0);
        BufferedImage img = ChartFiles.render(chart, 1600, 900);
        assertEquals(900, img.getHeight());
        boolean drawn = false;
        for (int x = 400; x < 1200 && !drawn; x += 3) {
            for (int y = 300; y < 600 && !drawn; y += 3) {
                drawn = (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(drawn, "something is drawn in the plot area");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DecrementChart.create(
                List.of(new DecrementChart.Curve("m", List.of(new DecrementTimes.Point(0, OptionalDouble.empty(),
                        OptionalDouble.empty())))), "t", "s"));
        assertEquals("plot", e.field());
    }

    @Test
    void theLegendLinesAreLongEnoughToTellTheDashedCurveFromTheSolidOne() {
        JFreeChart chart = DecrementChart.create(List.of(CURVE), "t", "ketamine");
        LegendItemCollection items = ((XYPlot) chart.getPlot()).getLegendItems();
        assertEquals(2, items.getItemCount());
        LegendItem solid = items.get(0);
        LegendItem dashed = items.get(1);
        assertTrue(((BasicStroke) solid.getLineStroke()).getDashArray() == null);
        float[] dash = ((BasicStroke) dashed.getLineStroke()).getDashArray();
        double period = dash[0] + dash[1];
        // a line shorter than one dash and its gap draws as a solid line: the two entries look the same
        assertTrue(dashed.getLine().getBounds2D().getWidth() >= 2 * period,
                "legend line " + dashed.getLine().getBounds2D().getWidth() + " px, dash period " + period + " px");
    }

    @Test
    void aTwelveHourAxisIsLabelledInWholeHours() {
        List<DecrementTimes.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i <= 24; i++) {
            points.add(new DecrementTimes.Point(i * 0.5, OptionalDouble.of(0.1 + 0.05 * i),
                    OptionalDouble.of(0.5 + 0.2 * i)));
        }
        JFreeChart chart = DecrementChart.create(List.of(new DecrementChart.Curve("m", points)), "t", "ketamine");
        ChartFiles.render(chart, 1600, 900);
        org.jfree.chart.axis.NumberAxis x = (org.jfree.chart.axis.NumberAxis) ((XYPlot) chart.getPlot())
                .getDomainAxis();
        // half hours put 25 labels edge to edge along the axis
        assertTrue(x.getTickUnit().getSize() >= 1, () -> "tick unit " + x.getTickUnit().getSize() + " h");
        // a 2-h axis keeps its fractions of an hour
        JFreeChart shortOne = DecrementChart.create(List.of(new DecrementChart.Curve("m", points.subList(0, 5))), "t",
                "ketamine");
        ChartFiles.render(shortOne, 1600, 900);
        assertTrue(((org.jfree.chart.axis.NumberAxis) ((XYPlot) shortOne.getPlot()).getDomainAxis()).getTickUnit()
                .getSize() < 1);
    }
}
