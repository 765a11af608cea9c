package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import java.util.Collections;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;
import org.ketaminepk.result.Profile;

/** Long courses drawn as peak–trough envelopes, and everything else drawn as before. */
class DenseCourseTest {
    /** 50 mg by mouth every 8 h, 480 doses (160 days), on a 10-minute grid to 161 days. */
    static final Profile ORAL_480 = oral(50, 8, 480);

    private static Profile oral(double mg, double intervalH, int doses) {
        Regimen r = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(mg), 0), intervalH, doses);
        return Fixtures.profile(Fixtures.WITH_HNK_AND_ORAL, Patient.standardAdult(), r, intervalH * doses + 24,
                1.0 / 6);
    }

    @Test
    void aCourseOf480OralDosesIsDrawnAsPeaksAndTroughs() {
        JFreeChart c = ConcentrationChart.create(single(ORAL_480));
        assertEquals(List.of("ketamine", "norketamine", "hydroxynorketamine"), keys(c));
        assertEquals(List.of("Ketamine, peaks and troughs", "Norketamine, peaks and troughs",
                "Hydroxynorketamine, peaks and troughs"), legendLabels(c).subList(0, 3));
        assertTrue(captions(c).contains("480 doses are too close together to draw one by one: each curve is drawn "
                + "as the band between its peaks and its troughs."), () -> captions(c).toString());
        assertEquals(3, fills(c), "one fill per curve");

        XYSeries k = data(c).getSeries(0);
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        int breaks = 0;
        for (int i = 0; i < k.getItemCount(); i++) {
            double y = k.getY(i).doubleValue();
            if (Double.isNaN(y)) {
                breaks++;
            } else {
                (breaks == 0 ? upper : lower).add(new double[] {k.getX(i).doubleValue(), y});
            }
        }
        assertTrue(breaks >= 1, "the lower line is a separate stroke");
        // a peak and a trough per dose, not one point per grid step
        assertTrue(upper.size() > 480 && upper.size() < 2 * 480 + 200, () -> "upper line: " + upper.size());
        assertTrue(lower.size() > 480 && lower.size() < 2 * 480 + 200, () -> "lower line: " + lower.size());
        assertEquals(ORAL_480.series(Analyte.KETAMINE).cmaxNgPerMl(), k.getMaxY(), 0);
        // in the course's second half the upper line holds the peaks and the lower the troughs
        double[] t = ORAL_480.series(Analyte.KETAMINE).timesH();
        double[] y = ORAL_480.series(Analyte.KETAMINE).ngPerMl();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 80 * 24 && t[i] < 159 * 24) {
                lowest = Math.min(lowest, y[i]);
                highest = Math.max(highest, y[i]);
            }
        }
        double lo = lowest;
        double hi = highest;
        for (double[] p : upper) {
            if (p[0] > 81 && p[0] < 158) {
                assertEquals(hi, p[1], hi * 0.01, () -> "peak at day " + p[0]);
            }
        }
        for (double[] p : lower) {
            if (p[0] > 81 && p[0] < 158) {
                assertEquals(lo, p[1], hi * 0.01, () -> "trough at day " + p[0]);
            }
        }
    }

    @Test
    void theTenDayCrpsProtocolIsDrawnAsBefore() {
        JFreeChart c = ConcentrationChart.create(single(CRPS));
        assertEquals(List.of("Ketamine", "Norketamine"), legendLabels(c).subList(0, 2));
        assertEquals(0, fills(c));
        assertFalse(String.join(" ", captions(c)).contains("too close together"));
        Analyte[] analytes = {Analyte.KETAMINE, Analyte.NORKETAMINE};
        for (int s = 0; s < analytes.length; s++) {
            double[][] kept = Decimation.minMax(CRPS.series(analytes[s]).timesH(), CRPS.series(analytes[s]).ngPerMl(),
                    ConcentrationChart.DRAW_BUCKETS);
            XYSeries drawn = data(c).getSeries(s);
            assertEquals(kept[0].length, drawn.getItemCount());
            for (int i = 0; i < kept[0].length; i++) {
                assertEquals(kept[0][i] / 24, drawn.getX(i).doubleValue(), 1e-12);
                assertEquals(kept[1][i], drawn.getY(i).doubleValue(), 0);
            }
        }
        assertFalse(DenseCourse.dense(CRPS.regimen(), 11, TimeScale.forSpanH(11 * 24)));
    }

    /**
     * A long series name takes the envelope's suffix on a line of its own, so that the legend, and the plot beside it,
     * keep the width they have without it; a short one keeps it on its line.
     */
    /**
     * A month of oral doses every 8 h (90 doses, about 11 px a cycle on the 1000-px plot) is drawn as its peaks and
     * troughs, where its dashed norketamine broke into a grid of dashes; 75 doses (about 13 px a cycle) are still
     * drawn one by one. Each on the axis it is drawn on, to a day after the last dose.
     */
    @Test
    void aMonthOfOralDosesEvery8HoursIsDense() {
        Regimen month = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(50), 0), 8, 90);
        double monthEndH = 90 * 8 + 24;
        TimeScale monthScale = TimeScale.forSpanH(monthEndH);
        assertTrue(DenseCourse.dense(month, monthScale.fromHours(monthEndH), monthScale));
        Regimen shorter = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(50), 0), 8, 75);
        double shorterEndH = 75 * 8 + 24;
        TimeScale shorterScale = TimeScale.forSpanH(shorterEndH);
        assertFalse(DenseCourse.dense(shorter, shorterScale.fromHours(shorterEndH), shorterScale));
    }

    /**
     * Beside a course drawn as its envelope, a course of 60 doses every 12 h (about 17 px a cycle, not dense by itself)
     * is drawn as its envelope too, with a span long enough that its cycles read as oscillation; the 10-day CRPS
     * protocol beside it (about 32 px a cycle on a month's axis) stays as it is.
     */
    @Test
    void aCourseBesideADenseOneIsDrawnAsItsEnvelopeWhenItsCyclesAreNarrow() {
        Regimen month = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(50), 0), 8, 90);
        Regimen twiceDaily = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(100), 0), 12, 60);
        double endH = 90 * 8 + 24;
        TimeScale scale = TimeScale.forSpanH(endH);
        double axisEnd = scale.fromHours(endH);
        assertFalse(DenseCourse.dense(twiceDaily, axisEnd, scale), "not dense by itself");
        assertArrayEquals(new boolean[] {true, true}, DenseCourse.dense(List.of(month, twiceDaily), axisEnd, scale));
        assertArrayEquals(new boolean[] {false, true},
                DenseCourse.dense(List.of(CRPS.regimen(), month), axisEnd, scale));
        assertArrayEquals(new boolean[] {false, false},
                DenseCourse.dense(List.of(CRPS.regimen(), twiceDaily), axisEnd, scale), "no dense course, no companion");
        assertEquals(DenseCourse.slowSpan(axisEnd), DenseCourse.slowSpan(List.of(month), axisEnd, scale),
                "a course alone keeps its span");
        double companionSpan = DenseCourse.slowSpan(List.of(month, twiceDaily), axisEnd, scale);
        assertTrue(companionSpan > scale.fromHours(12), "wider than one of the companion's 12-h cycles");

        // drawn so: both named as envelopes, and the companion's ketamine as two lines, not one curve per cycle
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries("every 8 h", oral(50, 8, 90)),
                new PlotSeries("every 12 h", oral(100, 12, 60))), false, List.of());
        JFreeChart c = ConcentrationChart.create(r);
        assertEquals(List.of("every 8 h, peaks and troughs", "every 12 h, peaks and troughs"),
                legendLabels(c).subList(0, 2));
        XYSeries companion = data(c).getSeries(3);
        int counted = 0;
        for (int i = 0; i < companion.getItemCount(); i++) {
            counted += Double.isNaN(companion.getY(i).doubleValue()) ? 1 : 0;
        }
        int breaks = counted;
        assertTrue(breaks >= 1 && breaks < 10, () -> companion.getKey() + ": " + companion.getItemCount()
                + " points, " + breaks + " breaks");
        double highest = Double.NEGATIVE_INFINITY;
        double lowestPeak = Double.POSITIVE_INFINITY;
        boolean upper = true;
        for (int i = 0; i < companion.getItemCount(); i++) {
            double y = companion.getY(i).doubleValue();
            if (Double.isNaN(y)) {
                upper = false;
            } else if (upper && companion.getX(i).doubleValue() > scale.fromHours(48)
                    && companion.getX(i).doubleValue() < scale.fromHours(600)) {
                lowestPeak = Math.min(lowestPeak, y);
                highest = Math.max(highest, y);
            }
        }
        assertTrue(lowestPeak > 0.9 * highest, "the upper line runs along the peaks (" + lowestPeak + " of "
                + highest + "), not down each cycle");
    }

    @Test
    void aLongNameTakesTheSuffixOnItsOwnLine() {
        String name = "0.35 mg/kg/h for 4 h daily x160 max 25 mg/h";
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries(name, ORAL_480),
                new PlotSeries("100 mg every 12 h", oral(100, 12, 320))), false, List.of());
        assertEquals(List.of(name + ",\npeaks and troughs", "100 mg every 12 h, peaks and troughs"),
                legendLabels(ConcentrationChart.create(r)).subList(0, 2));
        assertEquals(name, ChartLegend.withoutSuffix(name + ",\npeaks and troughs", ChartLegend.ENVELOPE_SUFFIX));
        assertEquals("short", ChartLegend.withoutSuffix("short, peaks and troughs", ChartLegend.ENVELOPE_SUFFIX));
        assertEquals(null, ChartLegend.withoutSuffix("short, median", ChartLegend.ENVELOPE_SUFFIX));
    }

    @Test
    void aComparisonOfLongCoursesSaysHowManyDosesEach() {
        Profile twelveHourly = oral(100, 12, 320);
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries("50 mg every 8 h", ORAL_480),
                new PlotSeries("100 mg every 12 h", twelveHourly)), false, List.of());
        JFreeChart c = ConcentrationChart.create(r);
        assertEquals(List.of("50 mg every 8 h, peaks and troughs", "100 mg every 12 h, peaks and troughs"),
                legendLabels(c).subList(0, 2));
        assertTrue(captions(c).contains("480 and 320 doses are too close together to draw one by one: each curve is "
                + "drawn as the band between its peaks and its troughs."), () -> captions(c).toString());
        List<DoseLaneAnnotation> lanes = lanes(c);
        assertEquals(2, lanes.size());
        assertTrue(legendLabels(c).contains("Oral dose (480, every 8 h; 320, every 12 h), in each series' colour"),
                () -> legendLabels(c).toString());

        // beside a short course, only the long one is drawn as its envelope
        ChartRequest mixed = new ChartRequest("t", "", List.of(new PlotSeries("long", ORAL_480),
                new PlotSeries("short", oral(50, 7 * 24, 5))), false, List.of());
        JFreeChart m = ConcentrationChart.create(mixed);
        assertEquals(List.of("long, peaks and troughs", "short"), legendLabels(m).subList(0, 2));
        assertTrue(captions(m).contains("The doses of long (480) are too close together to draw one by one: its "
                + "curves are drawn as the band between their peaks and their troughs."), () -> captions(m).toString());
    }

    @Test
    void manyDosesMakeOneSpanOfTheDoseStripAndFewStayTriangles() {
        JFreeChart dense = ConcentrationChart.create(single(ORAL_480));
        DoseLaneAnnotation lane = lanes(dense).get(0);
        assertEquals(0, lane.instants().length);
        assertEquals(1, lane.spanStarts().length);
        assertEquals(0, lane.spanStarts()[0], 0);
        assertEquals(479 * 8 / 24.0, lane.spanEnds()[0], 1e-9, "days");
        assertTrue(legendLabels(dense).contains("Oral dose (480, every 8 h)"), () -> legendLabels(dense).toString());
        assertFalse(legendLabels(dense).contains("Oral dose"));

        JFreeChart few = ConcentrationChart.create(single(oral(50, 8, 3)));
        DoseLaneAnnotation triangles = lanes(few).get(0);
        assertEquals(3, triangles.instants().length);
        assertEquals(0, triangles.spanStarts().length);
        assertTrue(legendLabels(few).contains("Oral dose"));
    }

    @Test
    void manyInfusionsMakeOneBarAndNoStripesOfShading() {
        Regimen daily = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)),
                160);
        Profile p = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Fixtures.ADULT_80KG, daily, 161 * 24, 1.0 / 6);
        JFreeChart c = ConcentrationChart.create(single(p));
        DoseLaneAnnotation lane = lanes(c).get(0);
        assertEquals(1, lane.barStarts().length);
        assertEquals(0, lane.barStarts()[0], 0);
        assertEquals(159 + 4 / 24.0, lane.barEnds()[0], 1e-9);
        assertTrue(intervals(plot(c).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).isEmpty());
        assertTrue(legendLabels(c).contains("Infusion running (160, every 24 h)"), () -> legendLabels(c).toString());
    }

    @Test
    void anIrregularCourseIsCountedWithoutAnInterval() {
        assertEquals("3", DoseLanes.describe(new double[] {0, 8, 20}));
        assertEquals("4, every 8 h", DoseLanes.describe(new double[] {0, 8, 16, 24}));
        assertEquals("3, every 7 days", DoseLanes.describe(new double[] {0, 168, 336}));
    }

    @Test
    void aPopulationOnALongCourseDrawsItsMedianAndBandsFromTroughsToPeaks() {
        Regimen regimen = ORAL_480.regimen();
        int patients = 40;
        PercentileBands bands = bands(regimen, patients);
        PlotSeries typical = new PlotSeries("", Simulation.run(Fixtures.WITH_HNK_AND_ORAL, Patient.standardAdult(),
                regimen, TimeGrid.uniform(480 * 8 + 24, 1.0 / 3)).profile());
        JFreeChart c = PopulationChart.create(ChartRequest.of("Population", "", typical), bands, patients);
        XYPlot plot = plot(c);
        assertEquals("Ketamine, median peaks and troughs", legendLabels(c).get(0));
        assertTrue(legendLabels(c).contains("Middle 90 % of patients"));
        assertTrue(captions(c).contains("480 doses are too close together to draw one by one: each median and each "
                + "percentile band is drawn from its troughs to its peaks."), () -> captions(c).toString());
        assertEquals(0, fills(c), "the typical patient's fills are gone with its curves");

        double[] t = bands.timesH();
        double[] p5 = bands.ngPerMl(Analyte.KETAMINE, 5);
        double[] p95 = bands.ngPerMl(Analyte.KETAMINE, 95);
        double trough5 = Double.POSITIVE_INFINITY;
        double peak95 = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 80 * 24 && t[i] < 159 * 24) {
                trough5 = Math.min(trough5, p5[i]);
                peak95 = Math.max(peak95, p95[i]);
            }
        }
        YIntervalSeriesCollection outer = (YIntervalSeriesCollection) plot.getDataset(2);
        XYSeries median = data(c).getSeries(0);
        assertTrue(outer.getItemCount(0) < 4 * 480 + 400, () -> "points: " + outer.getItemCount(0));
        for (int i = 0; i < outer.getItemCount(0); i++) {
            double day = outer.getXValue(0, i);
            if (day > 81 && day < 158) {
                int at = i;
                double lo = trough5;
                double hi = peak95;
                // the band reaches from the 5th percentile's troughs to the 95th percentile's peaks all along
                assertEquals(lo, outer.getStartYValue(0, i), hi * 0.01, () -> "5th percentile trough, item " + at);
                assertEquals(hi, outer.getEndYValue(0, i), hi * 0.01, () -> "95th percentile peak, item " + at);
            }
        }
        assertTrue(median.getMaxY() <= peak95 && median.getMaxY() > 0);
    }

    @Test
    void aPopulationComparisonOfLongCoursesNamesItsMediansAsPeaksAndTroughs() {
        Profile twelveHourly = oral(100, 12, 320);
        ChartRequest r = new ChartRequest("t", "", List.of(new PlotSeries("A", ORAL_480),
                new PlotSeries("B", twelveHourly)), false, List.of());
        JFreeChart c = PopulationCompareChart.create(r, List.of(bands(ORAL_480.regimen(), 20),
                bands(twelveHourly.regimen(), 20)), 20);
        List<String> labels = new ArrayList<>();
        LegendItemCollection items = ((XYPlot) c.getPlot()).getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("A, median peaks and troughs", "B, median peaks and troughs"), labels.subList(0, 2));
        assertTrue(captions(c).contains("480 and 320 doses are too close together to draw one by one: each median "
                + "and each percentile band is drawn from its troughs to its peaks."), () -> captions(c).toString());
    }

    /** Percentile bands of {@code patients} standard adults with an assumed 30 % CV of clearance. */
    private static PercentileBands bands(Regimen regimen, int patients) {
        double endH = 161 * 24;
        // the display grid of percentile bands holds at most 5000 points: ten per 8-hour interval here
        return PopulationSimulation.of(Fixtures.WITH_HNK_AND_ORAL, Collections.nCopies(patients,
                Patient.standardAdult()), regimen, TimeGrid.uniform(endH, 1.0 / 3), 7L)
                .withVariability(VariabilityModel.published(Fixtures.WITH_HNK_AND_ORAL)
                        .withAssumed(VariabilitySpec.parse("CL=30%")))
                .withPercentileBands(TimeGrid.uniform(endH, 0.8), 5, 25, 50, 75, 95).run()
                .percentileBands().orElseThrow();
    }

    private static int fills(JFreeChart c) {
        int n = 0;
        for (Object a : ((AbstractXYItemRenderer) plot(c).getRenderer()).getAnnotations()) {
            if (a instanceof DenseCourse.Fill) {
                n++;
            }
        }
        return n;
    }

    private static List<String> captions(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (Object o : c.getSubtitles()) {
            if (o instanceof TextTitle t) {
                out.add(plain(t.getText()));
            }
        }
        return out;
    }
}
