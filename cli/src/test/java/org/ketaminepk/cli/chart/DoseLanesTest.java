package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.ketaminepk.base.Route;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.junit.jupiter.api.Test;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/** The dose strip and the infusion periods. */
class DoseLanesTest {
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

    /**
     * A pump's back-to-back rates (here three steps of a stepped infusion, then after a gap a fourth) are shaded as one
     * period and drawn as one bar, not one per rate: abutting shapes leave a seam of anti-aliasing at each change.
     */
    @Test
    void backToBackInfusionsAreShadedAndBarredAsOnePeriod() {
        Regimen stepped = Regimen.of(Dose.infusion(Amount.mg(5), 1, 0), Dose.infusion(Amount.mg(10), 1, 1),
                Dose.infusion(Amount.mg(20), 2, 2), Dose.infusion(Amount.mg(10), 1, 6));
        Profile p = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(), stepped, 10, 1.0 / 60);
        JFreeChart c = ConcentrationChart.create(single(p));
        List<IntervalMarker> runs = intervals(plot(c).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND));
        assertEquals(2, runs.size());
        assertEquals(0, runs.get(0).getStartValue(), 1e-12);
        assertEquals(4, runs.get(0).getEndValue(), 1e-12);
        assertEquals(6, runs.get(1).getStartValue(), 1e-12);
        assertEquals(7, runs.get(1).getEndValue(), 1e-12);
        // and the dose strip draws them as one bar too, not a bar per rate with a seam between each
        DoseLaneAnnotation lane = lanes(c).get(0);
        assertEquals(List.of(0.0, 6.0), List.of(lane.barStarts()[0], lane.barStarts()[1]));
        assertEquals(List.of(4.0, 7.0), List.of(lane.barEnds()[0], lane.barEnds()[1]));
        // in any order, overlapping or touching, merged to the same time
        List<double[]> merged = DoseLanes.merged(List.of(new double[] {5, 6}, new double[] {0, 2},
                new double[] {1, 3}, new double[] {3, 4}));
        assertEquals(2, merged.size());
        assertEquals(List.of(0.0, 4.0, 5.0, 6.0), List.of(merged.get(0)[0], merged.get(0)[1], merged.get(1)[0],
                merged.get(1)[1]));
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
        // the legend's grey swatches stand for marks drawn in each series' colour: it says so
        assertTrue(legendLabels(c).contains("Infusion running, in each series' colour"), legendLabels(c)::toString);
        assertTrue(legendLabels(c).stream().anyMatch(l -> l.startsWith("Intravenous bolus")
                && l.endsWith(", in each series' colour")), legendLabels(c)::toString);

        ChartRequest same = new ChartRequest("t", "", List.of(new PlotSeries("fixture", INFUSION_6H),
                new PlotSeries("domino", DOMINO_6H)), false, List.of());
        JFreeChart s = ConcentrationChart.create(same);
        assertEquals(1, lanes(s).size());
        assertTrue(legendLabels(s).contains("Infusion running"), legendLabels(s)::toString);
        assertEquals(1, intervals(plot(s).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).size());

        // the same weight-based regimen in a heavier patient gives other amounts at the same times: one lane
        Profile heavy = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Patient.standardAdult().withWeightKg(110),
                Fixtures.antidepressant(), 6, 1.0 / 60);
        ChartRequest weights = new ChartRequest("t", "", List.of(new PlotSeries("70 kg", INFUSION_6H),
                new PlotSeries("110 kg", heavy)), false, List.of());
        assertEquals(1, lanes(ConcentrationChart.create(weights)).size());
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
}
