package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Profile;
import org.ketaminepk.testing.GridAgreement;

class PopulationSimulationTest {
    private static final Regimen TWO_HOURS = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.5), 2, 0));
    private static final TimeGrid GRID = TimeGrid.uniform(12, 1.0 / 60);
    private static final TimeGrid DISPLAY = TimeGrid.uniform(12, 0.1);
    private static final Band BAND = Band.within(20, 80);
    private static final List<Patient> PATIENTS = PatientDistributions.parse("weight=50..110,age=20..70,male=0.5")
            .sample(300, 11);

    private static PopulationSimulation otto() {
        return PopulationSimulation.of(Models.OTTO_2021, PATIENTS, TWO_HOURS, GRID, 2026).withBands(BAND)
                .withPercentileBands(DISPLAY);
    }

    private static PopulationOutcome on(PopulationSimulation s, int threads) {
        if (threads == 1) {
            return s.run();
        }
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            return s.run(ex);
        } finally {
            ex.shutdown();
        }
    }

    /** Patients differ, so a patient's refusal says which one: its number and covariates, before the reason. */
    @Test
    void aPatientsRefusalNamesThePatient() {
        List<Patient> three = List.of(new Patient(30, 60, 170, Sex.FEMALE),
                new Patient(45, 130, 180, Sex.MALE), new Patient(60, 70, 165, Sex.FEMALE));
        PatientAdjuster refusesHeavy = (model, patient, values, adjustments, warnings) -> {
            if (patient.weightKg() > 100) {
                throw new InvalidInputException("weight", "weight must be at most 100 kg here but was "
                        + patient.weightKg() + " kg");
            }
            return values;
        };
        PopulationSimulation s = PopulationSimulation.of(Models.OTTO_2021, three, TWO_HOURS, GRID, 2026)
                .withAdjuster(refusesHeavy);
        InvalidInputException e = assertThrows(InvalidInputException.class, s::run);
        assertEquals("virtual patient 2 of 3 (45 years, 130 kg, 180 cm, male): weight must be at most 100 kg here "
                + "but was 130.0 kg", e.getMessage());
        assertEquals("weight", e.field());
    }

    @Test
    void sameSeedGivesIdenticalResultsOnOneTwoAndEightThreads() {
        PopulationOutcome one = on(otto(), 1);
        for (int threads : new int[] {2, 8}) {
            PopulationOutcome many = on(otto(), threads);
            for (Analyte a : Models.OTTO_2021.analytes()) {
                assertArrayEquals(one.values(a, AnalyteMetrics::cmaxNgPerMl), many.values(a,
                        AnalyteMetrics::cmaxNgPerMl), threads + " threads");
                assertArrayEquals(one.values(a, AnalyteMetrics::aucNgHPerMl), many.values(a,
                        AnalyteMetrics::aucNgHPerMl));
                assertArrayEquals(one.values(a, m -> m.timeInBandH(BAND)), many.values(a, m -> m.timeInBandH(BAND)));
                for (double p : Summary.defaultPercentiles()) {
                    assertArrayEquals(one.percentileBands().get().ngPerMl(a, p),
                            many.percentileBands().get().ngPerMl(a, p));
                }
            }
        }
        PopulationOutcome other = PopulationSimulation.of(Models.OTTO_2021, PATIENTS, TWO_HOURS, GRID, 2027).run();
        assertFalse(Arrays.equals(one.values(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl),
                other.values(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl)), "another seed, another population");
    }

    /**
     * One simulation, shared, run by four threads at once on one pool (each run's tasks queued behind the others'):
     * every run gives the outcome of a run alone, bit for bit, observed-like bands and warnings included.
     */
    @Test
    void oneSimulationRunFromFourThreadsAtOnceGivesTheSameOutcome() throws Exception {
        PopulationSimulation shared = PopulationSimulation.of(Models.PEREZ_RUIXO_2021, PATIENTS.subList(0, 130),
                TWO_HOURS, TimeGrid.uniform(12, 0.25), 7).withBands(BAND).withPercentileBands(DISPLAY)
                .withObservedLike(true);
        PopulationOutcome alone = shared.run();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<PopulationOutcome>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(callers.submit(() -> shared.run(pool)));
            }
            for (java.util.concurrent.Future<PopulationOutcome> f : runs) {
                PopulationOutcome o = f.get();
                for (Analyte a : Models.PEREZ_RUIXO_2021.analytes()) {
                    assertArrayEquals(alone.values(a, AnalyteMetrics::cmaxNgPerMl), o.values(a,
                            AnalyteMetrics::cmaxNgPerMl));
                    assertArrayEquals(alone.values(a, m -> m.timeInBandH(BAND)), o.values(a, m -> m.timeInBandH(BAND)));
                    for (double p : Summary.defaultPercentiles()) {
                        assertArrayEquals(alone.percentileBands().get().ngPerMl(a, p),
                                o.percentileBands().get().ngPerMl(a, p));
                    }
                }
                assertEquals(alone.warningCounts(), o.warningCounts());
            }
        } finally {
            callers.shutdown();
            pool.shutdown();
        }
    }

    /** The path patient i of a run with this seed follows, simulated on its own with the same draw. */
    private static Profile path(PublishedModel m, VariabilityModel v, long seed, int i, TimeGrid grid) {
        VariabilityModel.Draw d = v.sample(ZigguratSampler.NormalizedGaussian.of(PatientStreams.forPatient(seed, i)));
        return Simulation.standard().withAdjuster(new RandomEffects(v, d, StandardPatientAdjuster.instance()))
                .simulate(m, PATIENTS.get(i), TWO_HOURS, grid).profile();
    }

    @Test
    void theOutcomeGivesEachPatientsRandomEffectsAsDrawn() {
        PopulationOutcome r = otto().run();
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        for (int i : new int[] {0, 17, 299}) {
            VariabilityModel.Draw d = v.sample(ZigguratSampler.NormalizedGaussian.of(PatientStreams.forPatient(2026,
                    i)));
            assertArrayEquals(d.eta(), r.randomEffects(i).eta(), "patient " + i);
            assertArrayEquals(d.kappa(), r.randomEffects(i).kappa(), "patient " + i);
        }
        assertFalse(Arrays.equals(r.randomEffects(0).eta(), r.randomEffects(1).eta()));
        assertEquals("patient", assertThrows(InvalidInputException.class, () -> r.randomEffects(r.size())).field());
    }

    /**
     * What a run works out once and reuses for every patient (the variability plan, the model's parameter table, the
     * regimen's review) carries nothing of one patient into the next: patient 1 draws the same random effects in
     * both runs, so its results must not depend on who came before it.
     */
    @Test
    void nothingOfOnePatientIsCarriedIntoTheNext() {
        Patient second = PATIENTS.get(0);
        Patient light = new Patient(30, 38, 150, org.ketaminepk.patient.Sex.FEMALE)
                .withChildPugh(org.ketaminepk.patient.ChildPughClass.C).withEgfrMlPerMinPer173m2(25);
        Patient heavy = new Patient(75, 118, 190, org.ketaminepk.patient.Sex.MALE);
        PopulationOutcome afterLight = PopulationSimulation.of(Models.DEFAULT, List.of(light, second), TWO_HOURS, GRID,
                2026).withBands(BAND).run();
        PopulationOutcome afterHeavy = PopulationSimulation.of(Models.DEFAULT, List.of(heavy, second), TWO_HOURS, GRID,
                2026).withBands(BAND).run();
        assertFalse(afterLight.patients().get(0).equals(afterHeavy.patients().get(0)),
                "the first patients must differ for this test to mean anything");
        assertEquals(afterLight.patients().get(1), afterHeavy.patients().get(1));
    }

    @Test
    void eachPatientsMetricsAreThoseOfItsOwnSimulation() {
        PopulationOutcome r = otto().run();
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        for (int i : new int[] {0, 17, 299}) {
            Profile p = path(Models.OTTO_2021, v, 2026, i, GRID);
            for (Analyte a : Models.OTTO_2021.analytes()) {
                GridAgreement.assertAgrees(p.series(a), r.patients().get(i).get(a), "patient " + i + " " + a);
            }
        }
        // variability is applied: Otto's CL varies with CV ≈ 16 %, so Cmax spreads
        Summary s = r.summary(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl);
        assertTrue(s.percentile(95) / s.percentile(5) > 1.3, Arrays.toString(s.values()));
    }

    @Test
    void bandsAgreeWithExactPercentilesOfStoredPathsWithinTheStatedBound() {
        PopulationOutcome r = otto().run();
        PercentileBands b = r.percentileBands().orElseThrow();
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        int n = PATIENTS.size();
        double[][][] paths = new double[2][n][];
        for (int i = 0; i < n; i++) {
            Profile p = path(Models.OTTO_2021, v, 2026, i, DISPLAY);
            paths[0][i] = p.series(Analyte.KETAMINE).ngPerMl();
            paths[1][i] = p.series(Analyte.NORKETAMINE).ngPerMl();
        }
        Analyte[] as = {Analyte.KETAMINE, Analyte.NORKETAMINE};
        double worst = 0;
        for (int k = 0; k < 2; k++) {
            for (double pc : b.percentiles()) {
                double[] est = b.ngPerMl(as[k], pc);
                for (int t = 0; t < DISPLAY.size(); t++) {
                    double[] column = new double[n];
                    for (int i = 0; i < n; i++) {
                        column[i] = paths[k][i][t];
                    }
                    Arrays.sort(column);
                    double exact = Summary.percentile(column, pc);
                    double bound = b.relativeAccuracy() * exact + b.floorNgPerMl();
                    assertTrue(Math.abs(est[t] - exact) <= bound, as[k] + " p" + pc + " at " + DISPLAY.time(t)
                            + " h: " + est[t] + " vs exact " + exact);
                    if (exact > 1) {
                        worst = Math.max(worst, Math.abs(est[t] / exact - 1));
                    }
                }
            }
        }
        assertTrue(worst > 0, "the estimate is a histogram estimate, not the stored values");
    }

    @Test
    void observedLikeBandsAreWiderAndNeedAPublishedResidualError() {
        PopulationOutcome pred = otto().run();
        PopulationOutcome obs = otto().withObservedLike(true).run();
        assertTrue(obs.percentileBands().get().observedLike());
        int t = 20; // 2 h, the end of the infusion
        double spreadPred = pred.percentileBands().get().ngPerMl(Analyte.KETAMINE, 95)[t]
                / pred.percentileBands().get().ngPerMl(Analyte.KETAMINE, 5)[t];
        double spreadObs = obs.percentileBands().get().ngPerMl(Analyte.KETAMINE, 95)[t]
                / obs.percentileBands().get().ngPerMl(Analyte.KETAMINE, 5)[t];
        assertTrue(spreadObs > spreadPred * 1.2, spreadPred + " vs " + spreadObs);
        // the metrics are predictions either way
        assertArrayEquals(pred.values(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl),
                obs.values(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PopulationSimulation
                .of(Models.RACEMIC_COMPOSITE, PATIENTS, TWO_HOURS, GRID, 1).withPercentileBands(DISPLAY)
                .withObservedLike(true).run());
        assertTrue(e.getMessage().contains("racemic-composite publishes none for ketamine, norketamine"),
                e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> PopulationSimulation.of(Models.OTTO_2021, PATIENTS,
                TWO_HOURS, GRID, 1).withObservedLike(true).run());
        assertTrue(e.getMessage().contains("ask for percentile bands too"), e.getMessage());
    }

    @Test
    void aModelWithoutVariabilityIsRefusedUnlessTheUserSuppliesIt() {
        PopulationSimulation s = PopulationSimulation.of(Models.CLEMENTS_1981, PATIENTS, TWO_HOURS, GRID, 5);
        InvalidInputException e = assertThrows(InvalidInputException.class, s::run);
        assertTrue(e.getMessage().startsWith("clements-1981 publishes no between-patient variability"));
        assertFalse(e.getMessage().contains("\n"));
        PopulationOutcome r = s.withVariability(VariabilityModel.published(Models.CLEMENTS_1981)
                .withAssumed(VariabilitySpec.parse("k10=30%,V1=40%"))).run();
        assertTrue(r.userAssumption());
        assertTrue(r.variability().provenance().stream().anyMatch(l -> l.contains("user assumption")));
        assertThrows(InvalidInputException.class, () -> s.withVariability(VariabilityModel.published(
                Models.OTTO_2021)));
    }

    @Test
    void compositeVariesOnlyItsBorrowedNorketamineTerms() {
        PopulationOutcome r = PopulationSimulation.of(Models.RACEMIC_COMPOSITE, PATIENTS.subList(0, 1).stream()
                .flatMap(p -> java.util.stream.Stream.generate(() -> p).limit(50)).toList(), TWO_HOURS, GRID, 3).run();
        // one patient repeated: ketamine does not vary (no published terms), norketamine does
        Summary k = r.summary(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl);
        Summary nk = r.summary(Analyte.NORKETAMINE, AnalyteMetrics::cmaxNgPerMl);
        assertEquals(k.percentile(5), k.percentile(95), 1e-9 * k.percentile(95));
        assertTrue(nk.percentile(95) > nk.percentile(5) * 1.1);
    }

    @Test
    void occasionVariabilityIsDrawnOnceAndSaidSo() {
        PopulationOutcome r = PopulationSimulation.of(Models.SIMONS_2022, PATIENTS.subList(0, 20),
                Regimen.of(Dose.infusion(Rate.mgPerH(60), 1.0 / 3, 0)), GRID, 9).run();
        assertEquals(20, r.warningCounts().get(Warning.Code.ASSUMPTION));
        assertTrue(r.patients().get(0).warnings().stream().anyMatch(w -> w.message().contains("one occasion")));
    }

    @Test
    void probabilitiesCountThePatients() {
        PopulationOutcome r = otto().run();
        double[] nk = r.values(Analyte.NORKETAMINE, AnalyteMetrics::cmaxNgPerMl);
        double level = Summary.of(nk, 50).percentile(50);
        Probability p = r.probabilityCmaxAbove(Analyte.NORKETAMINE, level);
        assertEquals(Arrays.stream(nk).filter(x -> x > level).count(), p.count());
        assertTrue(p.lower95() < p.fraction() && p.fraction() < p.upper95());
        Probability q = r.probabilityTimeInBandAtLeast(Analyte.KETAMINE, BAND, 0);
        assertEquals(300, q.count());
        assertThrows(InvalidInputException.class, () -> r.probabilityTimeInBandAtLeast(Analyte.KETAMINE,
                Band.within(1, 2), 1));
    }

    @Test
    void summaryFollowsItsStatedDefinitions() {
        Summary s = Summary.of(new double[] {4, 1, 3, 2}, 0, 50, 90, 100);
        assertEquals(2.5, s.percentile(50));
        assertEquals(1 + 3 * 0.9, s.percentile(90), 1e-12); // position (n − 1)·p = 2.7
        assertEquals(2.5, s.mean());
        assertEquals(Math.pow(24, 0.25), s.geometricMean().getAsDouble(), 1e-12);
        assertEquals(100 * Math.sqrt(5.0 / 3) / 2.5, s.cvPercent().getAsDouble(), 1e-12);
        assertTrue(Summary.of(new double[] {0, 1}).geometricMean().isEmpty());
        assertThrows(InvalidInputException.class, () -> Summary.of(new double[0]));
        assertThrows(InvalidInputException.class, () -> Summary.of(new double[] {1}, 101));
    }

    /**
     * Perez-Ruixo's FRn varies on the logit scale as published: no sampled FRn reaches 1 and nothing is capped. An
     * assumed CV on FRn is log-normal: the patients whose FRn was held at 1 are counted once per parameter.
     */
    @Test
    void aFractionCappedAtOneIsCountedOncePerParameterAndPublishedFrnIsNeverCapped() {
        List<Patient> patients = PATIENTS.subList(0, 200);
        Regimen nasal = Regimen.of(Dose.extravascular(org.ketaminepk.base.Route.INTRANASAL,
                org.ketaminepk.dosing.Amount.mg(56), 0));
        TimeGrid grid = TimeGrid.uniform(6, 0.25);
        PopulationSimulation published = PopulationSimulation.of(Models.PEREZ_RUIXO_2021, patients, nasal, grid, 3);
        assertTrue(published.run().cappedFractions().isEmpty());
        for (int i = 0; i < patients.size(); i++) {
            double frn = published.individual(i).values().get("FRn");
            assertTrue(frn > 0 && frn < 1, () -> "FRn " + frn);
        }
        VariabilityModel assumed = VariabilityModel.published(Models.PEREZ_RUIXO_2021)
                .withAssumed(VariabilitySpec.parse("FRn=150%"));
        PopulationSimulation wide = PopulationSimulation.of(Models.PEREZ_RUIXO_2021, patients, nasal, grid, 3)
                .withVariability(assumed);
        PopulationOutcome o = wide.run();
        int atOne = 0;
        for (int i = 0; i < patients.size(); i++) {
            atOne += wide.individual(i).values().get("FRn") == 1 ? 1 : 0;
        }
        assertTrue(atOne > 10 && atOne < patients.size(), atOne + " patients at 1");
        assertEquals(List.of(new PopulationOutcome.CappedFraction("FRn", atOne, patients.size())),
                o.cappedFractions());
        assertEquals("FRn capped at 1 in " + atOne + " of 200 patients (its log-normal random effect drew it above 1)",
                o.cappedFractions().get(0).message());
        assertThrows(InvalidInputException.class, () -> new PopulationOutcome.CappedFraction("FRn", 0, 10));
        assertThrows(InvalidInputException.class, () -> new PopulationOutcome.CappedFraction("FRn", 11, 10));
        long warned = o.patients().stream().filter(p -> p.warnings().stream()
                .anyMatch(w -> w.kind() == Warning.Kind.FRACTION_CAPPED)).count();
        assertEquals(atOne, warned);
    }
}
