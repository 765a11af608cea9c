package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

class TimeWindowTest {
    static final Profile INFUSION_25H = Fixtures.antidepressantWithNorketamine(25);
    static final Profile BOLUS_24H = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Patient.standardAdult(),
            Regimen.of(Dose.bolus(Amount.mgPerKg(2), 0)), 24, 1.0 / 60);

    /** @return the end of the chart's time axis, h */
    private static double axisEndH(JFreeChart c, double perHour) {
        return plot(c).getDomainAxis().getUpperBound() / perHour;
    }

    @Test
    void aShortInfusionIsNotSqueezedIntoTheLeftEdgeOfTheDefaultRun() {
        JFreeChart fitted = ConcentrationChart.create(single(INFUSION_25H).withFitTime(true));
        double end = axisEndH(fitted, 1);
        assertEquals("Time (h)", plot(fitted).getDomainAxis().getLabel());
        assertTrue(end < 16, "axis ends at " + end + " h");
        // the infusion takes a visible part of the axis
        assertTrue(40.0 / 60 / end > 0.04, "infusion share " + 40.0 / 60 / end);
        // every curve has fallen to a twentieth of its peak and of the highest curve by the end of the axis
        for (Analyte a : INFUSION_25H.analytes()) {
            double top = INFUSION_25H.series(Analyte.KETAMINE).cmaxNgPerMl();
            double level = Math.max(TimeWindow.LINEAR_OWN_FRACTION * INFUSION_25H.series(a).cmaxNgPerMl(),
                    TimeWindow.LINEAR_TOP_FRACTION * top);
            OptionalDouble below = INFUSION_25H.series(a).timeToFallBelowH(level, 0);
            assertTrue(below.isPresent() && below.getAsDouble() <= end, a + " at " + end);
        }
        // the curves are cut at the end of the axis, not thinned over the whole run
        for (Object o : data(fitted).getSeries()) {
            XYSeries s = (XYSeries) o;
            assertTrue(s.getMaxX() <= end + 1.0 / 60 + 1e-9, s.getKey() + " to " + s.getMaxX());
        }
        // without the request the axis shows the whole simulation
        assertEquals(25, axisEndH(ConcentrationChart.create(single(INFUSION_25H)), 1), 1e-9);
    }

    @Test
    void aBolusChartShowsKetamineLeaveTheShadedRanges() {
        JFreeChart fitted = ConcentrationChart.create(single(BOLUS_24H).withFitTime(true));
        double end = axisEndH(fitted, 1);
        OptionalDouble below = BOLUS_24H.series(Analyte.KETAMINE).timeToFallBelowH(ConcentrationBands.ANALGESIC
                .lowNgPerMl(), 0);
        assertTrue(below.isPresent());
        assertTrue(end >= below.getAsDouble() && end < 24, "axis ends at " + end + ", below the band at " + below);
    }

    @Test
    void aLogAxisShowsMoreOfTheDeclineAndTheWindowStaysWithinTheRun() {
        double linear = TimeWindow.fittedEndH(List.of(new PlotSeries("", BOLUS_24H)), false);
        double log = TimeWindow.fittedEndH(List.of(new PlotSeries("", BOLUS_24H)), true);
        assertTrue(log > linear, log + " vs " + linear);
        assertTrue(log <= 24);
        // a course of daily infusions is shown to its last infusion's end at least
        double crps = TimeWindow.fittedEndH(List.of(new PlotSeries("", CRPS)), false);
        assertTrue(crps >= CRPS.regimen().endH() && crps <= 11 * 24, "crps " + crps);
    }
}
