package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

class ConcentrationChartTest {
    @Test
    void singleProfileDrawsEachAnalyteOnceNamedByAnalyte() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        assertEquals(List.of("ketamine", "norketamine"), keys(c));
        JFreeChart k = ConcentrationChart.create(single(DOMINO_6H));
        assertEquals(List.of("ketamine"), keys(k));
    }

    @Test
    void comparisonDrawsEveryAnalyteOfEveryProfileNamedByLabel() {
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries("A", INFUSION_6H),
                new PlotSeries("B", DOMINO_6H), new PlotSeries("C", INFUSION_6H)), false, List.of());
        JFreeChart c = ConcentrationChart.create(r);
        assertEquals(List.of("A – ketamine", "A – norketamine", "B – ketamine", "C – ketamine", "C – norketamine"),
                keys(c));
        XYItemRenderer rr = plot(c).getRenderer();
        assertEquals(ChartStyle.SERIES_COLOURS.get(0), rr.getSeriesPaint(0));
        assertEquals(ChartStyle.SERIES_COLOURS.get(0), rr.getSeriesPaint(1));
        assertEquals(ChartStyle.SERIES_COLOURS.get(1), rr.getSeriesPaint(2));
        assertEquals(ChartStyle.SERIES_COLOURS.get(2), rr.getSeriesPaint(4));
        // the legend names each profile once (C has A's curves, drawn under them), then the line style of each
        // analyte
        List<String> legend = legendLabels(c);
        assertEquals(List.of("A", "B", "C: the same curves as A, under them", "Ketamine", "Norketamine"),
                legend.subList(0, 5));
    }

    @Test
    void aSeriesWhoseCurvesLieUnderAnEarlierOnesSaysSoInTheLegend() {
        // 'compare --model racemic-composite --model kamp-2020': the composite's ketamine is Kamp's, drawn over it,
        // and the legend named a curve that could not be seen
        Profile ketamineOnly = Fixtures.profile(org.ketaminepk.library.Models.get("kamp-2020"),
                org.ketaminepk.patient.Patient.standardAdult(), Fixtures.antidepressant(), 6, 1.0 / 60);
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries("A", INFUSION_6H),
                new PlotSeries("B", DOMINO_6H), new PlotSeries("C", ketamineOnly)), false, List.of());
        List<String> legend = legendLabels(ConcentrationChart.create(r));
        assertEquals("A", legend.get(0));
        assertEquals("B", legend.get(1), "another model's ketamine is a curve of its own");
        assertEquals("C: the same curves as A, under them", legend.get(2));
    }

    @Test
    void analytesDifferInColourWhenAloneAndInLineStyleAlways() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        XYItemRenderer r = plot(c).getRenderer();
        assertEquals(ChartStyle.BLUE, r.getSeriesPaint(0));
        assertEquals(ChartStyle.VERMILLION, r.getSeriesPaint(1));
        assertNull(((BasicStroke) r.getSeriesStroke(0)).getDashArray(), "ketamine solid");
        assertNotNull(((BasicStroke) r.getSeriesStroke(1)).getDashArray(), "norketamine dashed");
        float[] dots = ((BasicStroke) ChartStyle.analyteStroke(Analyte.HYDROXYNORKETAMINE)).getDashArray();
        assertTrue(dots[0] < 1 && dots[1] > 4, "hydroxynorketamine dotted");
    }

    @Test
    void hydroxynorketamineIsDrawnWhenTheProfileHasIt() {
        Profile p = Fixtures.profile(Fixtures.WITH_HNK_AND_ORAL, Patient.standardAdult(), Fixtures.antidepressant(),
                12, 1.0 / 30);
        JFreeChart c = ConcentrationChart.create(single(p));
        assertEquals(List.of("ketamine", "norketamine", "hydroxynorketamine"), keys(c));
        assertTrue(legendLabels(c).contains("Hydroxynorketamine"));
    }

    @Test
    void thinnedCurvesKeepTheirPeakExactly() {
        JFreeChart c = ConcentrationChart.create(single(CRPS));
        XYSeries k = data(c).getSeries(0);
        assertTrue(CRPS.size() > 10_000);
        assertTrue(k.getItemCount() <= 2 * ConcentrationChart.DRAW_BUCKETS + 2, "thinned: " + k.getItemCount());
        assertEquals(CRPS.series(Analyte.KETAMINE).cmaxNgPerMl(), k.getMaxY(), 0);
        assertEquals(CRPS.series(Analyte.NORKETAMINE).cmaxNgPerMl(), data(c).getSeries(1).getMaxY(), 0);
        // last point in days
        assertEquals(11.0, k.getMaxX(), 1e-12);
    }

    @Test
    void titlesAndCaptionAreOnTheChart() {
        ChartRequest r = new ChartRequest("Model X · 70 kg man", "0.5 mg/kg over 40 min",
                List.of(new PlotSeries("", INFUSION_6H)), false, List.of("first warning", "second warning"));
        JFreeChart c = ConcentrationChart.create(r);
        // drawn with a no-break space, so that "70" and "kg" stay on one line
        assertEquals("Model X · 70\u00A0kg man", c.getTitle().getText());
        List<String> texts = new ArrayList<>();
        boolean legendRight = false;
        for (Object o : c.getSubtitles()) {
            Title t = (Title) o;
            if (t instanceof TextTitle) {
                texts.add(ChartInspection.plain(((TextTitle) t).getText()));
            }
            if (t instanceof LegendTitle) {
                legendRight = t.getPosition() == org.jfree.chart.ui.RectangleEdge.RIGHT;
            }
        }
        assertTrue(legendRight);
        assertEquals("0.5 mg/kg over 40 min", texts.get(0));
        // bottom titles are added last line first
        assertEquals(List.of("second warning", "first warning", ConcentrationBands.caption()), texts.subList(1, 4));
        assertTrue(ChartStyle.CAPTION.getSize() < ChartStyle.TICK_LABEL.getSize());
        assertTrue(ChartStyle.TITLE.isBold() && ChartStyle.TITLE.getSize() > ChartStyle.SUBTITLE.getSize());
    }

    @Test
    void captionPutsTheBandSourceFirstAndSummarisesLongLists() {
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            many.add("warning " + i);
        }
        many.add("warning 3");
        many.add(ConcentrationBands.caption());
        List<String> lines = ConcentrationChart.captionLines(single(INFUSION_6H).withCaptionLines(many));
        // the band source takes two printed lines, so two warnings fit before the count of the rest
        assertEquals(List.of(ConcentrationBands.caption(), "warning 1", "warning 2",
                "… and 10 more notes in the text output."), lines);
        assertEquals(List.of(ConcentrationBands.caption()), ConcentrationChart.captionLines(single(INFUSION_6H)));
    }

    @Test
    void rendersAtSlideSizeWithTheCurveColoursVisible() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        BufferedImage img = ChartFiles.render(c, 1600, 900);
        int blue = count(img, ChartStyle.BLUE);
        int vermillion = count(img, ChartStyle.VERMILLION);
        assertTrue(blue > 800, "ketamine pixels " + blue);
        assertTrue(vermillion > 300, "norketamine pixels " + vermillion);
    }

    @Test
    void requestsAreValidated() {
        PlotSeries a = new PlotSeries("a", INFUSION_6H);
        assertEquals("plot title", assertThrows(InvalidInputException.class,
                () -> new ChartRequest(" ", "", List.of(a), false, List.of())).field());
        assertEquals("plot series", assertThrows(InvalidInputException.class,
                () -> new ChartRequest("t", "", List.of(), false, List.of())).field());
        List<PlotSeries> tooMany = new ArrayList<>();
        for (int i = 0; i <= ConcentrationChart.MAX_SERIES; i++) {
            tooMany.add(new PlotSeries("s" + i, INFUSION_6H));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ChartRequest("t", "", tooMany, false, List.of()));
        assertEquals("plot series must number between 1 and 7 but was 8", e.getMessage());
        assertThrows(InvalidInputException.class, () -> new ChartRequest("t", "", List.of(a, a), false, List.of()));
        assertThrows(InvalidInputException.class, () -> new ChartRequest("t", "",
                List.of(a, new PlotSeries("", DOMINO_6H)), false, List.of()));
        assertThrows(InvalidInputException.class, () -> new PlotSeries("x", null));
        assertThrows(InvalidInputException.class, () -> ConcentrationChart.create(null));
        ChartRequest ok = new ChartRequest("t", null, List.of(a), false, null);
        assertEquals("", ok.subtitle());
        assertTrue(ok.captionLines().isEmpty());
        assertFalse(ok.logScale());
        assertTrue(ok.withLogScale(true).logScale());
    }

    @Test
    void creatingTwiceGivesEqualCharts() {
        ChartRequest r = single(CRPS);
        JFreeChart a = ConcentrationChart.create(r);
        JFreeChart b = ConcentrationChart.create(r);
        assertEquals(data(a), data(b));
        assertEquals(plot(a).getRangeAxis().getRange(), plot(b).getRangeAxis().getRange());
        LegendItemCollection la = plot(a).getFixedLegendItems();
        LegendItemCollection lb = plot(b).getFixedLegendItems();
        assertEquals(la.getItemCount(), lb.getItemCount());
        for (int i = 0; i < la.getItemCount(); i++) {
            LegendItem x = la.get(i);
            assertEquals(x.getLabel(), lb.get(i).getLabel());
        }
        List<Marker> ma = new ArrayList<>(plot(a).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
        List<Marker> mb = new ArrayList<>(plot(b).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
        assertEquals(ma, mb);
    }
}
