package org.ketaminepk.cli.chart;

import org.ketaminepk.base.Route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

class ConcentrationChartTest {

    // simulated once: the profiles are immutable
    private static final Profile CRPS = Fixtures.crpsWithNorketamine();
    private static final Profile INFUSION_6H = Fixtures.antidepressantWithNorketamine(6);
    private static final Profile DOMINO_6H = Fixtures.antidepressantDomino(6);

    private static XYPlot plot(JFreeChart c) {
        return c.getXYPlot();
    }

    private static XYSeriesCollection data(JFreeChart c) {
        return (XYSeriesCollection) plot(c).getDataset();
    }

    private static List<String> keys(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (Object s : data(c).getSeries()) {
            out.add((String) ((XYSeries) s).getKey());
        }
        return out;
    }

    private static List<IntervalMarker> intervals(Collection<?> markers) {
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

    private static List<String> legendLabels(JFreeChart c) {
        List<String> out = new ArrayList<>();
        LegendItemCollection items = plot(c).getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    private static ChartRequest single(Profile p) {
        return ChartRequest.of("Model and patient", "regimen", new PlotSeries("", p));
    }

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
        // the legend names each profile once, then the line style of each analyte
        List<String> legend = legendLabels(c);
        assertEquals(List.of("A", "B", "C", "Ketamine", "Norketamine"), legend.subList(0, 5));
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
    void timeAxisIsInMinutesHoursOrDaysWithTheUnitInItsLabel() {
        Profile shortRun = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(),
                Regimen.of(Dose.bolus(Amount.mgPerKg(0.1), 0)), 1.5, 1.0 / 60);
        assertEquals("Time (min)", plot(ConcentrationChart.create(single(shortRun))).getDomainAxis().getLabel());
        assertEquals("Time (h)", plot(ConcentrationChart.create(single(INFUSION_6H))).getDomainAxis().getLabel());
        JFreeChart crps = ConcentrationChart.create(single(CRPS));
        NumberAxis days = (NumberAxis) plot(crps).getDomainAxis();
        assertEquals("Time (days)", days.getLabel());
        assertEquals(11, days.getUpperBound(), 1e-12);
        assertEquals(0, days.getLowerBound());
        assertEquals(1, days.getTickUnit().getSize(), 0, "one tick a day over 11 days");
        assertEquals(90, plot(ConcentrationChart.create(single(shortRun))).getDomainAxis().getUpperBound(), 1e-9);
    }

    @Test
    void timeScaleBoundaries() {
        assertEquals(TimeScale.MINUTES, TimeScale.forSpanH(2));
        assertEquals(TimeScale.HOURS, TimeScale.forSpanH(2.01));
        assertEquals(TimeScale.HOURS, TimeScale.forSpanH(72));
        assertEquals(TimeScale.DAYS, TimeScale.forSpanH(72.01));
        for (TimeScale s : TimeScale.values()) {
            for (double span = 0.5; span < 5000; span *= 1.7) {
                double size = s.tickUnitFor(span).getSize();
                assertTrue(span / size <= TimeScale.MAX_TICKS, s + " " + span + " " + size);
            }
        }
        assertEquals(6, TimeScale.HOURS.tickUnitFor(72).getSize(), 0);
        assertEquals(7, TimeScale.DAYS.tickUnitFor(28).getSize(), 0);
    }

    @Test
    void concentrationAxisIsLabelledWithItsUnit() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        assertEquals("Concentration (ng/mL)", plot(c).getRangeAxis().getLabel());
        JFreeChart log = ConcentrationChart.create(single(INFUSION_6H).withLogScale(true));
        assertTrue(plot(log).getRangeAxis().getLabel().startsWith("Concentration (ng/mL"));
    }

    @Test
    void bandsInReachAreMarkersWithTheirPublishedRanges() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        List<IntervalMarker> bands = intervals(plot(c).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
        assertEquals(2, bands.size(), "analgesic and dissociative, not anaesthetic");
        assertEquals(70, bands.get(0).getStartValue());
        assertEquals(160, bands.get(0).getEndValue());
        assertEquals("analgesic", bands.get(0).getLabel());
        assertEquals(100, bands.get(1).getStartValue());
        assertEquals(250, bands.get(1).getEndValue());
        assertEquals("dissociative", bands.get(1).getLabel());
        List<String> legend = legendLabels(c);
        assertTrue(legend.contains("Analgesic 70–160 ng/mL"), legend.toString());
        assertTrue(legend.contains("Dissociative 100–250 ng/mL"), legend.toString());
        assertTrue(legend.contains("Anaesthetic 1200–2400 ng/mL: off scale"), legend.toString());
    }

    @Test
    void anaestheticBandDoesNotSquashASubAnaestheticProfile() {
        double cmax = INFUSION_6H.series(Analyte.KETAMINE).cmaxNgPerMl();
        assertTrue(cmax > 200 && cmax < 300, "fixture Cmax " + cmax);
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        double upper = plot(c).getRangeAxis().getUpperBound();
        assertTrue(upper >= cmax && upper < 1.2 * cmax, "upper " + upper + " for Cmax " + cmax);
    }

    @Test
    void anaestheticBandAppearsWhenTheCurvesReachIt() {
        Profile bolus = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(),
                Regimen.of(Dose.bolus(Amount.mgPerKg(0.1), 0)), 1.5, 1.0 / 60);
        double cmax = bolus.series(Analyte.KETAMINE).cmaxNgPerMl();
        assertTrue(cmax > ConcentrationBands.ANAESTHETIC.lowNgPerMl() * ConcentrationAxes.REACH_FRACTION);
        JFreeChart c = ConcentrationChart.create(single(bolus));
        List<IntervalMarker> bands = intervals(plot(c).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
        assertEquals(3, bands.size());
        assertEquals(1200, bands.get(2).getStartValue());
        assertEquals(2400, bands.get(2).getEndValue());
        assertTrue(legendLabels(c).contains("Anaesthetic 1200–2400 ng/mL"));
    }

    @Test
    void aLowProfileShowsNoBandAndSaysSo() {
        Profile low = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(),
                Regimen.of(Dose.infusion(Amount.mg(2), 1, 0)), 6, 1.0 / 60);
        double cmax = low.series(Analyte.KETAMINE).cmaxNgPerMl();
        assertTrue(cmax < 0.6 * 70, "fixture Cmax " + cmax);
        JFreeChart c = ConcentrationChart.create(single(low));
        assertTrue(intervals(plot(c).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).isEmpty());
        assertTrue(plot(c).getRangeAxis().getUpperBound() < 1.2 * cmax);
        long offScale = legendLabels(c).stream().filter(s -> s.endsWith(": off scale")).count();
        assertEquals(3, offScale);
    }

    @Test
    void infusionPeriodsAreDomainMarkersFromStartToEnd() {
        JFreeChart c = ConcentrationChart.create(single(CRPS));
        List<IntervalMarker> runs = intervals(plot(c).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
        assertEquals(10, runs.size());
        for (int d = 0; d < 10; d++) {
            assertEquals(d, runs.get(d).getStartValue(), 1e-12);
            assertEquals(d + 4.0 / 24, runs.get(d).getEndValue(), 1e-12);
        }
        assertTrue(legendLabels(c).contains("Infusion running"));
        DoseLaneAnnotation lane = lanes(c).get(0);
        assertEquals(10, lane.barStarts().length);
        assertEquals(0, lane.instants().length);
    }

    private static List<DoseLaneAnnotation> lanes(JFreeChart c) {
        List<DoseLaneAnnotation> out = new ArrayList<>();
        for (XYAnnotation a : plot(c).getAnnotations()) {
            if (a instanceof DoseLaneAnnotation) {
                out.add((DoseLaneAnnotation) a);
            }
        }
        return out;
    }

    @Test
    void bolusesAndOralDosesAreTickMarks() {
        Regimen twoBoluses = Regimen.of(Dose.bolus(Amount.mgPerKg(0.1), 0), Dose.bolus(Amount.mgPerKg(0.1), 0.5));
        Profile p = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(), twoBoluses, 1.5, 1.0 / 60);
        JFreeChart c = ConcentrationChart.create(single(p));
        DoseLaneAnnotation lane = lanes(c).get(0);
        assertEquals(0, lane.instants()[0], 0);
        assertEquals(30, lane.instants()[1], 1e-9, "minutes");
        assertTrue(intervals(plot(c).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).isEmpty());
        assertTrue(legendLabels(c).contains("Intravenous bolus"));

        Regimen oral = Regimen.of(Dose.extravascular(Route.ORAL, Amount.mg(50), 0));
        Profile q = Fixtures.profile(Fixtures.WITH_HNK_AND_ORAL, Patient.standardAdult(), oral, 12, 1.0 / 30);
        assertTrue(legendLabels(ConcentrationChart.create(single(q))).contains("Oral dose"));
    }

    @Test
    void differentRegimensGetOneDoseLaneEachInTheirColour() {
        Profile bolus = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Patient.standardAdult(),
                Regimen.of(Dose.bolus(Amount.mgPerKg(0.5), 0)), 6, 1.0 / 60);
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries("infusion", INFUSION_6H),
                new PlotSeries("bolus", bolus)), false, List.of());
        JFreeChart c = ConcentrationChart.create(r);
        List<DoseLaneAnnotation> lanes = lanes(c);
        assertEquals(2, lanes.size());
        assertEquals(ChartStyle.SERIES_COLOURS.get(0), lanes.get(0).colour());
        assertEquals(1, lanes.get(0).barStarts().length);
        assertEquals(ChartStyle.SERIES_COLOURS.get(1), lanes.get(1).colour());
        assertEquals(1, lanes.get(1).instants().length);
        // full-height shading would not say whose infusion it is
        assertTrue(intervals(plot(c).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).isEmpty());

        ChartRequest same = new ChartRequest("t", "", List.of(new PlotSeries("fixture", INFUSION_6H),
                new PlotSeries("domino", DOMINO_6H)), false, List.of());
        JFreeChart s = ConcentrationChart.create(same);
        assertEquals(1, lanes(s).size());
        assertEquals(1, intervals(plot(s).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).size());

        // the same weight-based regimen in a heavier patient gives other amounts at the same times: one lane
        Profile heavy = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Patient.standardAdult().withWeightKg(110),
                Fixtures.antidepressant(), 6, 1.0 / 60);
        ChartRequest weights = new ChartRequest("t", "", List.of(new PlotSeries("70 kg", INFUSION_6H),
                new PlotSeries("110 kg", heavy)), false, List.of());
        assertEquals(1, lanes(ConcentrationChart.create(weights)).size());
    }

    @Test
    void logScaleUsesALogAxisFromOneNanogramAndDropsZeros() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H).withLogScale(true));
        LogAxis axis = assertInstanceOf(LogAxis.class, plot(c).getRangeAxis());
        assertEquals(ConcentrationAxes.LOG_FLOOR_NG_PER_ML, axis.getLowerBound(), 0);
        assertTrue(axis.getUpperBound() > INFUSION_6H.series(Analyte.KETAMINE).cmaxNgPerMl());
        assertEquals(0, INFUSION_6H.series(Analyte.KETAMINE).ngPerMl(0), "the profile starts at zero");
        for (Object o : data(c).getSeries()) {
            XYSeries s = (XYSeries) o;
            assertTrue(s.getMinY() > 0, s.getKey() + " min " + s.getMinY());
        }
        // the linear chart of the same profile keeps its zeros
        assertEquals(0, data(ConcentrationChart.create(single(INFUSION_6H))).getSeries(0).getMinY());
        // and a chart whose curves stay low reaches further down
        Profile low = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(),
                Regimen.of(Dose.infusion(Amount.mg(2), 1, 0)), 6, 1.0 / 60);
        LogAxis lowAxis = (LogAxis) plot(ConcentrationChart.create(single(low).withLogScale(true))).getRangeAxis();
        assertTrue(lowAxis.getLowerBound() < 1 && lowAxis.getLowerBound() > 0);
        assertTrue(lowAxis.getUpperBound() / lowAxis.getLowerBound() >= 100, "at least two decades");
    }

    @Test
    void titlesAndCaptionAreOnTheChart() {
        ChartRequest r = new ChartRequest("Model X · 70 kg man", "0.5 mg/kg over 40 min",
                List.of(new PlotSeries("", INFUSION_6H)), false, List.of("first warning", "second warning"));
        JFreeChart c = ConcentrationChart.create(r);
        assertEquals("Model X · 70 kg man", c.getTitle().getText());
        List<String> texts = new ArrayList<>();
        boolean legendRight = false;
        for (Object o : c.getSubtitles()) {
            Title t = (Title) o;
            if (t instanceof TextTitle) {
                texts.add(((TextTitle) t).getText());
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
        assertEquals(ConcentrationChart.MAX_CAPTION_LINES, lines.size());
        assertEquals(ConcentrationBands.caption(), lines.get(0));
        assertEquals("warning 1", lines.get(1));
        assertEquals("… and 6 more notes, listed in the text output.", lines.get(lines.size() - 1));
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
    void doseStripIsDrawnUnderTheZeroLine() {
        JFreeChart c = ConcentrationChart.create(single(CRPS));
        BufferedImage img = ChartFiles.render(c, 1600, 900);
        // ten infusion bars of 4 h on an 11-day axis about 1000 px wide: each roughly 15 × 9 px
        int marks = count(img, ChartStyle.DOSE_MARK);
        assertTrue(marks > 10 * 60, "dose strip pixels " + marks);
        ChartRequest noDoseStrip = single(CRPS);
        assertTrue(plot(ConcentrationChart.create(noDoseStrip)).getRangeAxis().getLowerBound() < 0,
                "room below zero for the strip");
    }

    private static int count(BufferedImage img, Color c) {
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
