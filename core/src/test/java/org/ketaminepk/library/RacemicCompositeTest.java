package org.ketaminepk.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.Summary;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.base.Route;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Series;

/**
 * The composite default model: its calibration rules hold in simulation, and its predictions are compared with
 * observed racemic data. Every compared number is computed here from a simulation; the bands say how close a
 * typical-value arterial model can be expected to come, and the model's notes say why it is off where it is.
 */
class RacemicCompositeTest {
    private static final PublishedModel M = Models.RACEMIC_COMPOSITE;
    private static final Patient ADULT = Sim.adult(40, 70);

    private static SimulationResult run(Regimen r, double hours, double stepH) {
        return Sim.run(M, ADULT, r, TimeGrid.uniform(hours, stepH));
    }

    private static double aucRatio(SimulationResult r) {
        return r.profile().series(Analyte.NORKETAMINE).aucNgHPerMl()
                / r.profile().series(Analyte.KETAMINE).aucNgHPerMl();
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(doubles = {50, 70, 100})
    void steadyStateRatioIsTheKoppelRatioAtAnyWeight(double weightKg) {
        // Köppel 1990: day 3 of 1.1-1.3 mg/kg/h, ketamine 1.2 ± 0.3, norketamine 1.0 ± 0.6 µg/mL
        SimulationResult r = Sim.run(M, Sim.adult(40, weightKg), Regimen.of(Dose.infusion(Rate.mgPerKgPerH(1.2),
                72, 0)), TimeGrid.uniform(72, 1));
        int last = r.profile().size() - 1;
        double k = r.profile().series(Analyte.KETAMINE).ngPerMl(last);
        double nk = r.profile().series(Analyte.NORKETAMINE).ngPerMl(last);
        assertEquals(1.0 / 1.2, nk / k, 0.002);
        assertTrue(Math.abs(k - 1200) <= 300, "ketamine within Köppel's mean ± SD: " + k);
        assertTrue(Math.abs(nk - 1000) <= 600, "norketamine within Köppel's mean ± SD: " + nk);
    }

    @Test
    void formationFractionIsTheStatedArithmetic() {
        double fm = (1.0 / 1.2) / ((84 / 57.7) * 223.700 / 237.727);
        assertEquals(fm, M.individualize(ADULT, PatientAdjuster.NONE).values().get("fm"), 1e-12);
        assertEquals(0.608, fm, 5e-4);
    }

    @Test
    void intravenousNorketamineToKetamineAreaRatioIsTheSteadyStateRatio() {
        assertEquals(1.0 / 1.2, aucRatio(run(Sim.bolus(10), 96, 0.5)), 0.002);
    }

    /**
     * Route, dose, target F, target Tmax (h; NaN: not calibrated, the absorption is published), target NK/K AUC
     * ratio (0 to infinity; NaN: not calibrated).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ORAL, 25, 0.20, NaN, 3.9",
        "SUBLINGUAL, 25, 0.29, NaN, NaN",
        "BUCCAL, 25, 0.29, NaN, NaN",
        "INTRANASAL, 25, 0.45, 0.30, NaN",
        "INTRAMUSCULAR, 25, 0.93, 0.375, NaN"})
    void routesReproduceTheirCalibrationTargets(Route route, double mg, double f, double tmaxH, double ratio) {
        assertEquals(f, Sim.bioavailability(M, ADULT, route, mg, 120), 0.002);
        SimulationResult r = run(Sim.dose(route, mg), 120, 1.0 / 60);
        if (!Double.isNaN(tmaxH)) {
            assertEquals(tmaxH, r.profile().series(Analyte.KETAMINE).tmaxH(), 1.5 / 60);
        }
        if (!Double.isNaN(ratio)) {
            assertEquals(ratio, aucRatio(r), 0.01 * ratio);
        }
    }

    /**
     * Chong 2006 (abstract): after 25 mg oral, AUC(0-8 h)/dose 12.1 (norketamine) and 3.1 (ketamine) µg·h/L per mg,
     * a ratio of 3.9 over the 8-hour sampling period. The first-pass rule matches 3.9 from 0 to infinity instead;
     * over Chong's window the model gives 3.35, and no first pass the dose allows reaches 3.9.
     */
    @Test
    void chongsOralAreaRatioIsOverEightHoursWhereTheModelFallsShort() {
        double chong = 12.1 / 3.1;
        SimulationResult r = run(Sim.dose(Route.ORAL, 25), 8, 1.0 / 600);
        double ratio8 = r.profile().series(Analyte.NORKETAMINE).aucNgHPerMl(0, 8)
                / r.profile().series(Analyte.KETAMINE).aucNgHPerMl(0, 8);
        assertEquals(3.35, ratio8, 0.01);
        assertTrue(ratio8 < 0.9 * chong, "short of Chong's 0-8 h ratio: " + ratio8);
        // the largest first pass the dose allows, 1 − F = 0.80, still gives 3.59 over 0-8 h
        PatientAdjuster all = (m, p, v, a, w) -> v.with("P_oral", 1 - v.get("F_oral"));
        SimulationResult most = Sim.PLAIN.withAdjuster(all).simulate(M, ADULT, Sim.dose(Route.ORAL, 25),
                TimeGrid.uniform(8, 1.0 / 600));
        double most8 = most.profile().series(Analyte.NORKETAMINE).aucNgHPerMl(0, 8)
                / most.profile().series(Analyte.KETAMINE).aucNgHPerMl(0, 8);
        assertEquals(3.59, most8, 0.01);
        assertTrue(M.notes().stream().anyMatch(n -> n.contains("Chong's ratio is of AUC(0-8 h)")
                && n.contains("over 0-8 h the model gives 3.35") && n.contains("even P = 0.80 gives 3.59")));
        assertTrue(M.assumptions().stream().anyMatch(a -> a.contains("the ratio Chong 2006 measured over 0-8 h")));
    }

    @Test
    void chongsIntravenousAreaRatioIsDerivedAndSaidToBe() {
        // Chong 2006 prints IV norketamine AUC/dose 13.0 but not the IV ketamine mean; oral ketamine 3.1 per mg at
        // F 23 % implies 13.5 per mg IV, a ratio of 0.96 ("≈ 1.0")
        assertEquals(0.96, 13.0 / (3.1 / 0.23), 0.005);
        assertTrue(M.notes().stream().anyMatch(n -> n.contains("Chong 2006's ≈ 1.0 (derived, over 0-8 h")));
    }

    @Test
    void sublingualSwallowedPartCarriesTheOralFirstPass() {
        // F_sl = a + (1 − a)·F_oral; NK/K (0 to infinity) = 0.833 · (F_sl + (1 − a)·P_oral)/F_sl; Chong 2006's
        // 2.5 (9.9/4.0 per mg) is over 0-8 h, where the model gives 2.28
        double a = (0.29 - 0.20) / 0.80;
        assertEquals(a, RacemicComposite.MUCOSAL_SHARE, 1e-12);
        double pOral = 0.20 * (3.9 / (1.0 / 1.2) - 1);
        double expected = (1.0 / 1.2) * (0.29 + (1 - a) * pOral) / 0.29;
        double ratio = aucRatio(run(Sim.dose(Route.SUBLINGUAL, 25), 120, 0.5));
        assertEquals(expected, ratio, 0.01 * expected);
        SimulationResult r8 = run(Sim.dose(Route.SUBLINGUAL, 25), 8, 1.0 / 600);
        double ratio8 = r8.profile().series(Analyte.NORKETAMINE).aucNgHPerMl(0, 8)
                / r8.profile().series(Analyte.KETAMINE).aucNgHPerMl(0, 8);
        assertEquals(2.28, ratio8, 0.01);
        assertEquals(9.9 / 4.0, ratio8, 0.1 * 9.9 / 4.0);
    }

    @Test
    void aSublingualBioavailabilityBelowTheOralOneIsRefusedWithTheFieldNamed() {
        // a patient whose F_oral was varied above F_sl: the swallowed-as-oral split has no meaning
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RacemicComposite.swallowedShare(0.25, 0.30));
        assertTrue(e.getMessage().contains("F_sl") && e.getMessage().contains("0.2500")
                && e.getMessage().contains("0.3000"), e.getMessage());
        assertEquals(0, RacemicComposite.swallowedShare(0.2, 0.2), 0);
    }

    @Test
    void swallowedDoseIsTimedBySimons2022() {
        // D2 29.9 min, KA2 0.049 /min, MTT GUT 10.7 min of Simons 2022 Table 4; the film model uses the same numbers
        var values = M.individualize(ADULT, PatientAdjuster.NONE).values();
        var simons = Models.SIMONS_2022.individualize(ADULT, PatientAdjuster.NONE).values();
        assertEquals(simons.get("D2"), values.get("D_po"), 1e-12);
        assertEquals(simons.get("KA2"), values.get("ka_po"), 1e-12);
        assertEquals(simons.get("MTTG"), values.get("MTT_gut"), 1e-12);
        assertEquals(simons.get("D1"), values.get("D_sl"), 1e-12);
        assertEquals(simons.get("KA1"), values.get("ka_sl"), 1e-12);
        assertTrue(M.parameters().stream().noneMatch(p -> p.name().equals("ka_oral") || p.name().equals("P_sl")));
    }

    @Test
    void intranasalFirstPassTreatsTheSwallowedPartAsOral() {
        // nasal fraction a = (0.45 − 0.20)/0.80; NK/K = 0.833 · (F + (1 − a)·P_oral)/F
        double a = (0.45 - 0.20) / 0.80;
        double pOral = 0.20 * (3.9 / (1.0 / 1.2) - 1);
        double expected = (1.0 / 1.2) * (0.45 + (1 - a) * pOral) / 0.45;
        assertEquals(expected, aucRatio(run(Sim.dose(Route.INTRANASAL, 30), 120, 0.5)), 0.01 * expected);
    }

    @Test
    void tenMilligramBolusComparedWithPharmacotherapy2022() {
        // Table 6, 10 mg IV (n = 9): ketamine Cmax 296 ng/mL (geometric SD 1.71) at 2 min, AUC 113 µg·h/L;
        // norketamine Cmax ≈ 27 ng/mL (printed "2.8", inconsistent with its own Cmax/D 2.7 per mg) at 30 min;
        // norketamine/ketamine AUC 0.19, against ≈ 1.0 in Chong 2006
        SimulationResult r = run(Sim.bolus(10), 48, 1.0 / 60);
        Series k = r.profile().series(Analyte.KETAMINE);
        Series nk = r.profile().series(Analyte.NORKETAMINE);
        double c2 = k.ngPerMlAt(2.0 / 60);
        assertEquals(296, c2, 0.20 * 296); // model 263: arterial central volume 25 L
        assertTrue(c2 > 296 / 1.71 && c2 < 296 * 1.71);
        assertEquals(113, k.aucNgHPerMl(), 0.15 * 113); // model 119 (CL 84 vs 88.5 L/h)
        assertEquals(0.5, nk.tmaxH(), 10.0 / 60);
        double nkRatio = nk.cmaxNgPerMl() / 26.8;
        assertTrue(nkRatio > 0.45 && nkRatio < 0.7, "norketamine peak about half the observed: " + nkRatio);
        double ratio8 = nk.aucNgHPerMl(0, 8) / k.aucNgHPerMl(0, 8);
        assertTrue(ratio8 > 0.19 && ratio8 < 1.0, "between the two studies: " + ratio8);
    }

    @Test
    void halfMilligramPerKiloOverFortyMinutesComparedWithZarate() {
        // 185 ng/mL (Zanos 2018 Table 1 citing Zarate 2006; venous). The arterial model peaks higher during the
        // infusion (253 ng/mL at its end).
        Series k = run(Regimen.of(Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0)), 6, 1.0 / 60)
                .profile().series(Analyte.KETAMINE);
        double ratio = k.cmaxNgPerMl() / 185;
        assertTrue(ratio > 1.0 && ratio < 1.6, "arterial above venous: " + ratio);
        assertEquals(40.0 / 60, k.tmaxH(), 1e-9);
    }

    @ParameterizedTest(name = "{0} mg")
    @CsvSource({"10, 22.9, 17.8, 19", "30, 60.8, 68.1, 46", "50, 77.6, 105, 64"})
    void intranasalPeaksComparedWithPharmacotherapy2022(double mg, double kCmax, double nkCmax, double kAuc) {
        SimulationResult r = run(Sim.dose(Route.INTRANASAL, mg), 48, 1.0 / 60);
        Series k = r.profile().series(Analyte.KETAMINE);
        Series nk = r.profile().series(Analyte.NORKETAMINE);
        assertEquals(kCmax, k.cmaxNgPerMl(), 0.25 * kCmax);
        assertEquals(nkCmax, nk.cmaxNgPerMl(), 0.25 * nkCmax);
        // the study's own ketamine AUC is 2.8-4.2 times lower than any absorption fast enough to give its peaks
        double aucRatio = k.aucNgHPerMl() / kAuc;
        assertTrue(aucRatio > 2.5 && aucRatio < 4.5, "documented disagreement with the study's AUC: " + aucRatio);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ORAL, 22.8, 12.8, 1.6, 82", "SUBLINGUAL, 28.6, 6.6, 1.9, 66"})
    void twentyFiveMilligramsComparedWithChong2006(Route route, double kCmax, double kSd, double nkTmax,
            double nkCmax) {
        SimulationResult r = run(Sim.dose(route, 25), 24, 1.0 / 60);
        Series k = r.profile().series(Analyte.KETAMINE);
        Series nk = r.profile().series(Analyte.NORKETAMINE);
        // with Simons 2022's published absorption (no Tmax fitted) the typical peaks are within 1.5-fold
        double kRatio = k.cmaxNgPerMl() / kCmax;
        assertTrue(kRatio > 1 / 1.5 && kRatio < 1.5, "ketamine peak: " + kRatio);
        assertTrue(Math.abs(k.cmaxNgPerMl() - kCmax) < kSd);
        double nkRatio = nk.cmaxNgPerMl() / nkCmax;
        assertTrue(nkRatio > 1 / 1.5 && nkRatio < 1.0, "norketamine peak below the observed mean: " + nkRatio);
        // norketamine peaks earlier than observed: Otto's S-norketamine volumes spread it
        assertTrue(nk.tmaxH() < nkTmax && nk.tmaxH() > 0.5 * nkTmax, "norketamine Tmax: " + nk.tmaxH());
    }

    /**
     * The notes' typical against population-mean comparison: Simons 2022's interoccasion variances of the swallowed
     * timing (ω² 0.611, 0.376, 0.937 as CVs) drawn once per patient. Variable delays spread the individual curves:
     * the mean of individual ketamine peaks falls below the typical peak while the mean Tmax rises above the
     * typical one, towards Chong 2006's 22.8 ng/mL at 0.96 h.
     */
    @Test
    void populationMeanPeaksAgainstTheTypicalCurveAfterOralKetamine() {
        Regimen oral = Sim.dose(Route.ORAL, 25);
        TimeGrid grid = TimeGrid.uniform(12, 2.0 / 60);
        Series typical = Sim.run(M, ADULT, oral, grid).profile().series(Analyte.KETAMINE);
        VariabilityModel v = VariabilityModel.published(M)
                .withAssumed(VariabilitySpec.parse("D_po=92%,ka_po=68%,MTT_gut=125%"));
        PopulationOutcome out = PopulationSimulation.of(M, Collections.nCopies(400, ADULT), oral, grid, 2026)
                .withVariability(v).withAdjuster(PatientAdjuster.NONE).run();
        double meanCmax = Summary.of(out.values(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl)).mean();
        double meanTmax = Summary.of(out.values(Analyte.KETAMINE, AnalyteMetrics::tmaxH)).mean();
        assertEquals(24.4, typical.cmaxNgPerMl(), 0.05);
        assertEquals(22.1, meanCmax, 0.05 * 22.1);
        assertTrue(meanCmax < typical.cmaxNgPerMl());
        assertEquals(1.03, meanTmax, 0.05 * 1.03);
        assertTrue(meanTmax > typical.tmaxH() + 0.2, meanTmax + " against " + typical.tmaxH());
    }

    @Test
    void intramuscularComparedWithTraumaPatients() {
        // median peaks 147 ng/mL at 30 min after 0.5 mg/kg and 474 ng/mL at 15 min after 1 mg/kg (20 patients)
        double half = run(Regimen.of(Dose.extravascular(Route.INTRAMUSCULAR, Amount.mgPerKg(0.5), 0)), 6, 1.0 / 60)
                .profile().series(Analyte.KETAMINE).cmaxNgPerMl();
        double one = run(Regimen.of(Dose.extravascular(Route.INTRAMUSCULAR, Amount.mgPerKg(1), 0)), 6, 1.0 / 60)
                .profile().series(Analyte.KETAMINE).cmaxNgPerMl();
        assertEquals(147, half, 0.25 * 147);
        // the observed peaks are not dose-proportional (3.2-fold for 2-fold); a linear model cannot follow both
        assertTrue(one / 474 > 0.4 && one / 474 < 0.6, "documented: " + one / 474);
    }

    @Test
    void anaestheticInfusionComparedWithIdvall1979() {
        // 2 mg/kg then 41 µg/kg/min (mean maintenance dose): "stable" ketamine 9.3 ± 0.8 µmol/L (31 patients).
        // The model's steady state (rate/CL = 8.6 µmol/L) is within one SD; after 3 h it has reached only 6.5,
        // so it approaches the observed level more slowly than the anaesthetised patients did.
        Regimen r = Regimen.of(Dose.bolus(Amount.mgPerKg(2), 0), Dose.infusion(Rate.ugPerKgPerMin(41), 48, 0));
        Series k = run(r, 48, 0.25).profile().series(Analyte.KETAMINE);
        assertEquals(9.3, k.umolPerL(k.size() - 1), 0.8);
        double at3h = k.umolPerL(12);
        assertTrue(at3h < 9.3 - 2 * 0.8, "slower approach than observed: " + at3h);
    }

    @Test
    void routesOtherThanIntravenousNameTheirSourceInAWarning() {
        SimulationResult r = run(Sim.dose(Route.ORAL, 25), 2, 0.25);
        assertTrue(r.warnings().stream().anyMatch(w -> w.code() == Warning.Code.ROUTE_NOT_STUDIED
                && w.message().contains("Chong")), r.warnings().toString());
    }

    @Test
    void subcutaneousIsAbsentAndTheErrorListsTheRoutesThatExist() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Sim.run(M, ADULT,
                Sim.dose(Route.SUBCUTANEOUS, 10), TimeGrid.uniform(1, 0.5)));
        assertTrue(e.getMessage().contains("iv, oral, sublingual, buccal, intranasal, im"), e.getMessage());
        assertTrue(!M.routes().containsKey(Route.SUBCUTANEOUS));
        assertTrue(M.notes().stream().anyMatch(n -> n.contains("Subcutaneous")));
    }

    /**
     * Every norketamine rate constant of a 20-kg child is the adult's × (20/70)^-0.25, so the child's norketamine
     * curve is the adult's on a shorter time scale; with Vpn and Qn left unscaled a 6-year-old's norketamine half-life
     * came out longer than an adult's (8.06 h against 5.25 h).
     */
    @Test
    void norketamineDispositionScalesAsAWhole() {
        var adult = M.individualize(ADULT, PatientAdjuster.NONE).values();
        var child = M.individualize(Patient.standardAdult().withAgeYears(6).withWeightKg(20).withHeightCm(115),
                PatientAdjuster.NONE).values();
        double expected = Math.pow(20.0 / 70, -0.25);
        assertEquals(expected, (child.get("Qn") / child.get("Vpn")) / (adult.get("Qn") / adult.get("Vpn")), 1e-9);
        assertEquals(expected, (child.get("Qn") / child.get("Vn")) / (adult.get("Qn") / adult.get("Vn")), 1e-9);
        assertEquals(20.0 / 70, child.get("Vpn") / adult.get("Vpn"), 1e-12);
    }
}
