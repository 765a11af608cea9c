package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/** The axes: time units, concentration range, which bands are shown, the log scale. */
class ConcentrationAxesTest {
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
    void timeLabelsThinOutOnANarrowPlot() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H));
        org.jfree.chart.axis.NumberAxis time = (org.jfree.chart.axis.NumberAxis) plot(c).getDomainAxis();
        ChartFiles.render(c, 1600, 900);
        double wide = time.getTickUnit().getSize();
        assertEquals(TimeScale.HOURS.tickUnitFor(6).getSize(), wide, 0);
        ChartFiles.render(c, 400, 225);
        assertTrue(time.getTickUnit().getSize() > wide, "step " + time.getTickUnit().getSize());
        ChartFiles.render(c, 1600, 900);
        assertEquals(wide, time.getTickUnit().getSize(), 0, "chosen again for each drawing");
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
        assertEquals(100, bands.get(1).getStartValue());
        assertEquals(250, bands.get(1).getEndValue());
        assertEquals(List.of(new BandLabels(List.of(ConcentrationBands.ANALGESIC, ConcentrationBands.DISSOCIATIVE))),
                List.copyOf(ChartInspection.bandLabels(c)));
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
    void logScaleStartsAtTheDecadeBelowTheLowestValueOfInterestAndDropsZeros() {
        JFreeChart c = ConcentrationChart.create(single(INFUSION_6H).withLogScale(true));
        LogAxis axis = assertInstanceOf(LogAxis.class, plot(c).getRangeAxis());
        double lowest = TimeWindow.lowestOfInterestNgPerMl(List.of(new PlotSeries("", INFUSION_6H)), 6);
        assertTrue(axis.getLowerBound() <= lowest / 2 && axis.getLowerBound() > lowest / 20,
                "floor " + axis.getLowerBound() + " for lowest " + lowest);
        assertEquals(0, Math.log10(axis.getLowerBound()) % 1, 1e-9, "a power of ten");
        for (Object o : data(c).getSeries()) {
            XYSeries s = (XYSeries) o;
            double last = s.getY(s.getItemCount() - 1).doubleValue();
            assertTrue(last >= axis.getLowerBound(), s.getKey() + " ends below the axis at " + last);
        }
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
}
