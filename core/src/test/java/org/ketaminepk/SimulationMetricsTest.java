package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.AucRatio;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.ExposureMetrics;
import org.ketaminepk.result.Series;

/** The metrics {@link SimulationResult} offers, checked against independent readings of the curve. */
class SimulationMetricsTest {
    private static final Regimen INFUSION = DoseParser.parse("0.5 mg/kg over 40 min");

    private static SimulationResult run(Regimen r, TimeGrid grid) {
        return Simulation.run(Models.DEFAULT, Patient.standardAdult(), r, grid);
    }

    @Test
    void theTerminalHalfLifeDoesNotDependOnTheGrid() {
        for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            double twoHours = run(INFUSION, TimeGrid.uniform(2, 1.0 / 60)).metrics(a).terminalHalfLifeH()
                    .getAsDouble();
            double day = run(INFUSION, TimeGrid.uniform(25, 1.0 / 60)).metrics(a).terminalHalfLifeH().getAsDouble();
            double year = run(INFUSION, TimeGrid.uniform(365 * 24, 1)).metrics(a).terminalHalfLifeH().getAsDouble();
            assertEquals(twoHours, day, 0, a.label());
            assertEquals(twoHours, year, 0, a.label());
        }
        // and the curve itself falls at that rate once the faster modes are gone
        SimulationResult r = run(INFUSION, TimeGrid.uniform(72, 0.25));
        Series k = r.profile().series(Analyte.KETAMINE);
        double fitted = Math.log(2) / (Math.log(k.ngPerMlAt(40) / k.ngPerMlAt(48)) / 8);
        assertEquals(r.metrics(Analyte.KETAMINE).terminalHalfLifeH().getAsDouble(), fitted, 1e-3 * fitted);
        // a metabolite falls no faster than its parent
        assertTrue(r.metrics(Analyte.NORKETAMINE).terminalHalfLifeH().getAsDouble()
                >= r.metrics(Analyte.KETAMINE).terminalHalfLifeH().getAsDouble());
    }

    @Test
    void aucToInfinityIsExactAndTheRatioUsesIt() {
        SimulationResult shortRun = run(INFUSION, TimeGrid.uniform(2, 1.0 / 60));
        SimulationResult longRun = run(INFUSION, TimeGrid.uniform(24 * 10, 1.0 / 60));
        for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            double inf = shortRun.metrics(a).aucToInfinityNgHPerMl().getAsDouble();
            assertEquals(longRun.metrics(a).aucNgHPerMl(), inf, 1e-6 * inf, a.label());
            assertTrue(shortRun.metrics(a).aucExtrapolatedPercent().getAsDouble() > 10);
            assertTrue(longRun.metrics(a).aucExtrapolatedPercent().getAsDouble() < 1e-4);
        }
        AucRatio ratio = shortRun.aucRatio(Analyte.NORKETAMINE, Analyte.KETAMINE);
        assertEquals(shortRun.metrics(Analyte.NORKETAMINE).aucNgHPerMl()
                / shortRun.metrics(Analyte.KETAMINE).aucNgHPerMl(), ratio.overGrid().getAsDouble(), 1e-12);
        assertEquals(longRun.aucRatio(Analyte.NORKETAMINE, Analyte.KETAMINE).overGrid().getAsDouble(),
                ratio.toInfinity().getAsDouble(), 1e-6);
        // the metabolite is still forming at 2 h: the early ratio is below the one to infinity
        assertTrue(ratio.overGrid().getAsDouble() < ratio.toInfinity().getAsDouble());
        assertTrue(ratio.toString().startsWith("norketamine/ketamine AUC ratio "), ratio.toString());
    }

    @Test
    void aRepeatedRegimenHasATroughAndASteadyStateAverage() {
        Regimen every12 = Regimen.repeat(DoseParser.parse("bolus 20 mg"), 12, 30);
        SimulationResult r = run(every12, TimeGrid.uniform(30 * 12, 1.0 / 60));
        for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            ExposureMetrics m = r.metrics(a);
            assertEquals(12, m.dosingIntervalH().getAsDouble(), 1e-12);
            // the last interval is at steady state after 15 days: its mean is the steady-state average
            Series s = r.profile().series(a);
            double lastIntervalMean = s.aucNgHPerMl(29 * 12, 30 * 12) / 12;
            assertEquals(lastIntervalMean, m.steadyStateAverageNgPerMl().getAsDouble(), 1e-6 * lastIntervalMean,
                    a.label());
            List<Double> troughs = r.profile().troughsBeforeDosesNgPerMl(a);
            assertEquals(troughs.get(troughs.size() - 1), m.lastTroughNgPerMl().getAsDouble(), 0);
        }
        ExposureMetrics single = run(DoseParser.parse("bolus 20 mg"), TimeGrid.uniform(12, 0.1))
                .metrics(Analyte.KETAMINE);
        assertTrue(single.lastTroughNgPerMl().isEmpty());
        assertTrue(single.steadyStateAverageNgPerMl().isEmpty());
        // doses at unequal intervals are no repetition
        Regimen uneven = DoseParser.parse("bolus 20 mg").and(DoseParser.parse("bolus 20 mg").shifted(5))
                .and(DoseParser.parse("bolus 20 mg").shifted(17));
        assertTrue(run(uneven, TimeGrid.uniform(24, 0.1)).metrics(Analyte.KETAMINE).steadyStateAverageNgPerMl()
                .isEmpty());
    }

    /**
     * Each trough is read at the last grid point before its dose: strictly before an intravenous bolus (which jumps
     * the level at its own time), at the dose time for any other input. Doses on grid points and between them.
     */
    @Test
    void troughsAreReadAtTheLastPointBeforeEachDose() {
        Regimen r = DoseParser.parse("bolus 10 mg at 0 h").and(DoseParser.parse("bolus 10 mg at 1 h"))
                .and(DoseParser.parse("bolus 10 mg at 2.25 h")).and(DoseParser.parse("10 mg over 30 min at 3 h"))
                .and(DoseParser.parse("10 mg over 30 min at 4.2 h")).and(DoseParser.parse("bolus 10 mg at 9 h"));
        TimeGrid grid = TimeGrid.uniform(6, 0.5);
        SimulationResult result = run(r, grid);
        Series s = result.profile().series(Analyte.KETAMINE);
        // {dose time, index of the grid point its trough is read at (−1: none, read as 0)}; 9 h is past the grid
        double[][] expected = {{0, -1}, {1, 1}, {2.25, 4}, {3, 6}, {4.2, 8}};
        List<Double> troughs = result.profile().troughsBeforeDosesNgPerMl(Analyte.KETAMINE);
        assertEquals(expected.length, troughs.size());
        for (int k = 0; k < expected.length; k++) {
            int i = (int) expected[k][1];
            assertEquals(i < 0 ? 0 : s.ngPerMl(i), troughs.get(k), 0, "dose at " + expected[k][0] + " h");
        }
    }

    @Test
    void noBandIsItsOwnOverloadNotANull() {
        SimulationResult r = run(DoseParser.parse("bolus 0.5 mg/kg"), TimeGrid.uniform(6, 1.0 / 60));
        assertTrue(r.metrics(Analyte.KETAMINE).bandTimes().isEmpty());
        // metrics(a, null) meant "no band"
        assertEquals("band is required but was missing", assertThrows(InvalidInputException.class,
                () -> r.metrics(Analyte.KETAMINE, null)).getMessage());
    }

    @Test
    void bandTimesAddUpToTheGrid() {
        SimulationResult r = run(DoseParser.parse("bolus 0.5 mg/kg"), TimeGrid.uniform(6, 1.0 / 60));
        Band band = Band.within(70, 160);
        ExposureMetrics.BandTimes t = r.metrics(Analyte.KETAMINE, band).bandTimes().orElseThrow();
        // exact times, as metrics(bands) finds them, and within a grid step of what the one-minute grid reads
        AnalyteMetrics exact = r.metrics(List.of(band, Band.above(160))).get(Analyte.KETAMINE);
        assertEquals(exact.timeInBandH(1), t.aboveH(), 0);
        assertEquals(exact.timeInBandH(0), t.withinH(), 0);
        Series s = r.profile().series(Analyte.KETAMINE);
        assertEquals(s.timeAboveH(160), t.aboveH(), 1.0 / 60);
        assertEquals(s.timeWithinH(70, 160), t.withinH(), 1.0 / 60);
        assertTrue(t.aboveH() > 0, t.toString());
        assertEquals(6, t.withinH() + t.aboveH() + t.belowH(), 1e-9);
        assertTrue(r.metrics(Analyte.KETAMINE).bandTimes().isEmpty());
    }

    @Test
    void metricsPrintRoundedWithUnits() {
        String text = run(INFUSION, TimeGrid.uniform(24, 1.0 / 60)).metrics(Analyte.KETAMINE).toString();
        assertTrue(text.matches("ketamine: Cmax [0-9.]+ ng/mL at [0-9.]+ h, AUC 0–24 h [0-9.]+ ng·h/mL \\(0–∞ [0-9.]+ "
                + "ng·h/mL\\), terminal t½ [0-9.]+ h \\(model's slowest rate constant\\)"), text);
        assertFalse(text.matches(".*\\d\\.\\d{5,}.*"), text);
    }

    @Test
    void dosingWeightChangesOnlyTheMgOfWeightBasedDoses() {
        Patient p = Patient.standardAdult().withWeightKg(120).withHeightCm(175).withSex(Sex.MALE);
        double ibw = 50 + 2.3 * (175 - 152.4) / 2.54;
        assertEquals(ibw, DosingWeight.IDEAL.kg(p), 1e-12);
        assertEquals(ibw + 0.4 * (120 - ibw), DosingWeight.ADJUSTED.kg(p), 1e-12);
        assertEquals(p.leanBodyWeightKg(), DosingWeight.LEAN.kg(p), 0);
        assertEquals(45.5 + 2.3 * (160 - 152.4) / 2.54, DosingWeight.idealDevineKg(160, Sex.FEMALE), 1e-12);
        Regimen perKg = DoseParser.parse("bolus 0.5 mg/kg");
        TimeGrid grid = TimeGrid.uniform(4, 0.1);
        SimulationResult total = Simulation.run(Models.DEFAULT, p, perKg, grid);
        SimulationResult ideal = Simulation.standard().withDosingWeight(DosingWeight.IDEAL)
                .simulate(Models.DEFAULT, p, perKg, grid);
        assertEquals(ibw, ideal.profile().weightKg(), 1e-12);
        // linear model, same parameters: the curve scales with the mg given
        assertEquals(ibw / 120, ideal.metrics(Analyte.KETAMINE).aucNgHPerMl()
                / total.metrics(Analyte.KETAMINE).aucNgHPerMl(), 1e-9);
        assertTrue(ideal.warnings().stream().anyMatch(w -> w.message().startsWith("mg/kg doses use ideal body "
                + "weight (Devine 1974): 70.5 kg instead of the total 120 kg")), ideal.warnings().toString());
        // a dose in mg is the same whatever the descriptor, and nothing is said about it
        Regimen mg = DoseParser.parse("bolus 20 mg");
        SimulationResult fixed = Simulation.standard().withDosingWeight(DosingWeight.LEAN)
                .simulate(Models.DEFAULT, p, mg, grid);
        assertEquals(Simulation.run(Models.DEFAULT, p, mg, grid).metrics(Analyte.KETAMINE).aucNgHPerMl(),
                fixed.metrics(Analyte.KETAMINE).aucNgHPerMl(), 0);
        assertTrue(fixed.warnings().stream().noneMatch(w -> w.message().startsWith("mg/kg doses use")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DosingWeight.of("obese"));
        assertEquals("dosing weight", e.field());
        assertThrows(InvalidInputException.class, () -> DosingWeight.idealDevineKg(90, Sex.MALE));
    }

    @Test
    void contextSensitiveHalfTimeGrowsWithTheInfusionAndAgreesWithAPlainReading() {
        IndividualModel ind = Simulation.standard().individualize(Models.DEFAULT, Patient.standardAdult());
        List<DecrementTimes.Point> curve = DecrementTimes.curve(ind, Analyte.KETAMINE, 0, 0.5, 1, 2, 4, 8, 12);
        double terminal = Simulation.run(Models.DEFAULT, Patient.standardAdult(), INFUSION, TimeGrid.of(1))
                .metrics(Analyte.KETAMINE).terminalHalfLifeH().getAsDouble();
        double previous = 0;
        for (DecrementTimes.Point p : curve) {
            double half = p.halfTimeH().getAsDouble();
            assertTrue(half >= previous - 1e-3, curve.toString());
            assertTrue(half < p.eightyPercentH().getAsDouble(), p.toString());
            assertTrue(half <= terminal, p.toString());
            previous = half;
        }
        // the 4 h point read from a simulation started at 0 with its own crossing
        SimulationResult r = Simulation.standard().simulate(ind, Regimen.of(org.ketaminepk.dosing.Dose.infusion(
                org.ketaminepk.dosing.Rate.mgPerH(10), 4, 0)), TimeGrid.uniform(40, 1.0 / 120));
        Series s = r.profile().series(Analyte.KETAMINE);
        double atStop = s.ngPerMlAt(4);
        assertEquals(s.timeToFallBelowH(atStop / 2, 4).getAsDouble(), curve.get(4).halfTimeH().getAsDouble(), 1e-4);
        assertEquals(s.timeToFallBelowH(atStop / 5, 4).getAsDouble(), curve.get(4).eightyPercentH().getAsDouble(),
                1e-4);
        assertThrows(InvalidInputException.class, () -> DecrementTimes.of(ind, Analyte.KETAMINE, -1));
    }
}
