package org.ketaminepk;

import org.ketaminepk.base.InvalidInputException;

import org.ketaminepk.base.Analyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Quantiles;
import org.ketaminepk.result.Series;
import org.ketaminepk.testing.GridAgreement;
import org.ketaminepk.testing.TestModels;

/** A population run is many single simulations, in order, whatever threads run it. */
class PopulationRunTest {
    private static final Regimen CRPS = Regimen.daily(
            Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 3);
    private static final TimeGrid GRID = TimeGrid.uniform(80, 1.0 / 12);
    private static final Band BAND = Band.within(70, 160);

    /** Weights either side of the 25 mg/h cap (71.4 kg) and of the fixture's 40–120 kg range, ages 15–84. */
    private static List<Patient> cohort(int n) {
        List<Patient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Patient(15 + (i * 7) % 70, 35 + (i * 13) % 100, 150 + i % 40, i % 2 == 0 ? Sex.FEMALE
                    : Sex.MALE));
        }
        return out;
    }

    private static PopulationRun run(List<Patient> patients) {
        return PopulationRun.of(TestModels.RACEMIC_COMPOSITE, patients, CRPS, GRID).withBands(BAND);
    }

    @Test
    void eachPatientGetsWhatASingleSimulationGives() {
        List<Patient> patients = cohort(12);
        PopulationResult r = run(patients).run();
        assertEquals(patients.size(), r.size());
        for (int i = 0; i < patients.size(); i++) {
            SimulationResult single = Simulation.run(TestModels.RACEMIC_COMPOSITE, patients.get(i), CRPS, GRID);
            PatientMetrics got = r.get(i);
            assertSame(patients.get(i), got.patient());
            assertEquals(single.warnings(), got.warnings(), "warnings of patient " + i);
            for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
                Series s = single.profile().series(a);
                AnalyteMetrics m = got.get(a);
                assertTrue(m.exact(), "the default solver gives exact metrics");
                GridAgreement.assertAgrees(s, m, "patient " + i + " " + a.label());
            }
        }
    }

    /**
     * What a run works out once and reuses for every patient (the model's parameter table, the regimen's review)
     * carries nothing of one patient into the next: two unlike patients give the same results in either order as
     * each alone.
     */
    @Test
    void nothingOfOnePatientIsCarriedIntoTheNext() {
        Patient heavyCapped = new Patient(72, 118, 190, Sex.MALE);
        Patient lightLiverKidney = new Patient(30, 38, 150, Sex.FEMALE)
                .withChildPugh(org.ketaminepk.patient.ChildPughClass.C).withEgfrMlPerMinPer173m2(25);
        PatientMetrics a = run(List.of(heavyCapped)).run().get(0);
        PatientMetrics b = run(List.of(lightLiverKidney)).run().get(0);
        assertFalse(a.warnings().equals(b.warnings()), "the two patients must differ for this test to mean anything");
        PopulationResult ab = run(List.of(heavyCapped, lightLiverKidney)).run();
        PopulationResult ba = run(List.of(lightLiverKidney, heavyCapped)).run();
        assertEquals(a, ab.get(0));
        assertEquals(b, ab.get(1));
        assertEquals(b, ba.get(0));
        assertEquals(a, ba.get(1));
    }

    @Test
    void threadsDoNotChangeTheResultOrItsOrder() throws Exception {
        List<Patient> patients = cohort(3 * PopulationRun.CHUNK + 5);
        PopulationRun run = run(patients);
        PopulationResult alone = run.run();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            PopulationResult pooled = run.run(pool);
            PopulationResult parallel = run.runParallel();
            for (PopulationResult other : List.of(pooled, parallel)) {
                assertEquals(alone.patients(), other.patients());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPatientIndexOutsideTheResultIsNamed() {
        PopulationResult r = run(List.of(Patient.standardAdult())).run();
        // an IndexOutOfBoundsException before
        assertEquals("patient index must be between 0 and 0 but was 1", assertThrows(InvalidInputException.class,
                () -> r.get(1)).getMessage());
        assertEquals("patient index must be between 0 and 0 but was -1", assertThrows(InvalidInputException.class,
                () -> r.get(-1)).getMessage());
    }

    @Test
    void summariesAndCountsReadTheStoredMetrics() {
        List<Patient> patients = cohort(30);
        PopulationResult r = run(patients).run();
        double[] peaks = r.values(Analyte.NORKETAMINE, AnalyteMetrics::cmaxNgPerMl);
        assertEquals(r.metrics(Analyte.NORKETAMINE).get(7).cmaxNgPerMl(), peaks[7]);
        Quantiles q = r.summary(Analyte.NORKETAMINE, AnalyteMetrics::cmaxNgPerMl);
        double[] sorted = peaks.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[0], q.min());
        assertEquals(sorted[29], q.max());
        assertEquals((sorted[14] + sorted[15]) / 2, q.median(), 1e-12 * sorted[29]);
        // 35..134 kg against 40–120 kg: some patients are out of range, and the heavy ones are capped
        long outside = patients.stream().filter(p -> p.weightKg() < 40 || p.weightKg() > 120).count();
        assertEquals((int) outside, r.warningCounts().get(Warning.Code.WEIGHT_OUTSIDE_RANGE));
        long capped = patients.stream().filter(p -> 0.35 * p.weightKg() > 25).count();
        assertEquals((int) capped, r.warningCounts().get(Warning.Code.DOSE_OUTSIDE_RANGE));
        // above 60 the standard adjustments transfer an age effect on hepatic flow, an assumption
        long older = patients.stream().filter(p -> p.ageYears() > 60).count();
        assertEquals((int) older, r.warningCounts().get(Warning.Code.ASSUMPTION));
    }

    @Test
    void identicalWarningsAreSharedNotCopied() {
        // patients 8 and 9 are 71 and 78 years old: both are told that kidney function was not given
        PopulationResult r = run(cohort(10)).run();
        Warning first = kidneyNotGiven(r.get(8).warnings());
        Warning later = kidneyNotGiven(r.get(9).warnings());
        assertSame(first, later);
    }

    /** Text that counts how often it is written out. */
    private static final class CountingText {
        final AtomicInteger written = new AtomicInteger();

        @Override
        public String toString() {
            written.incrementAndGet();
            return "counted";
        }
    }

    @Test
    void aPopulationRunWritesOutNoWarning() throws Exception {
        CountingText text = new CountingText();
        PatientAdjuster noting = (model, patient, values, adjustments, warnings) -> {
            warnings.add(Warning.of(Warning.Kind.ASSUMPTION, text));
            return StandardPatientAdjuster.instance().adjust(model, patient, values, adjustments, warnings);
        };
        PopulationRun run = run(cohort(3 * PopulationRun.CHUNK)).withAdjuster(noting);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<PopulationResult> results = new ArrayList<>();
        try {
            results.add(run.run());
            results.add(run.run(pool));
            results.add(run.runParallel());
        } finally {
            pool.shutdownNow();
        }
        for (PopulationResult r : results) {
            assertEquals(r.size(), r.warningCounts().get(Warning.Code.ASSUMPTION));
            assertTrue(r.warningCounts().get(Warning.Code.DOSE_OUTSIDE_RANGE) > 0, "the cohort has capped rates");
            assertTrue(r.warningCounts().get(Warning.Code.WEIGHT_OUTSIDE_RANGE) > 0, "and weights out of range");
            for (PatientMetrics m : r.patients()) {
                for (Warning w : m.warnings()) {
                    // the library's own warnings keep their numbers as numbers, to be written out when shown
                    if (w.kind() == Warning.Kind.RATE_CAPPED || w.kind() == Warning.Kind.RATES_CAPPED
                            || w.kind() == Warning.Kind.WEIGHT_OUTSIDE_RANGE) {
                        for (Object arg : w.args()) {
                            assertTrue(arg instanceof Number || arg.equals(TestModels.RACEMIC_COMPOSITE.id()),
                                    w.kind() + " holds " + arg);
                        }
                    }
                }
            }
        }
        assertEquals(0, text.written.get(), "no warning text was built during the runs");
        // the standard adjuster's own words are written when shown, or are one object shared by every patient
        assertTrue(results.get(0).warningCounts().get(Warning.Code.ADJUSTMENT) > 0, "the cohort has older patients");
        Map<String, Warning> byText = new HashMap<>();
        for (PatientMetrics m : results.get(0).patients()) {
            for (Warning w : m.warnings()) {
                if ((w.kind() == Warning.Kind.ADJUSTMENT || w.kind() == Warning.Kind.ASSUMPTION)
                        && w.args()[0] instanceof String s) {
                    assertSame(byText.computeIfAbsent(s, k -> w), w, s);
                }
            }
        }
        assertFalse(byText.isEmpty(), "patients of 65 and more share the note that kidney function was not given");
        // the probe works: showing one warning writes it out once
        Warning shown = results.get(0).get(0).warnings().get(0);
        assertEquals("counted", shown.message());
        assertEquals(1, text.written.get());
    }

    private static Warning kidneyNotGiven(List<Warning> warnings) {
        return warnings.stream().filter(w -> w.message().startsWith("kidney function not given")).findFirst()
                .orElseThrow();
    }

    @Test
    void aFailingPatientStopsTheRunWithItsOwnException() {
        List<Patient> patients = cohort(4 * PopulationRun.CHUNK);
        PatientAdjuster refuses = (model, patient, values, adjustments, warnings) -> {
            if (patient == patients.get(2 * PopulationRun.CHUNK + 3)) {
                throw new InvalidInputException("renal function", "renal function is refused for this test");
            }
            return values;
        };
        PopulationRun run = run(patients).withAdjuster(refuses);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> run.run(pool));
            assertEquals("renal function", e.field());
        } finally {
            pool.shutdownNow();
        }
        assertThrows(InvalidInputException.class, run::run);
        assertThrows(InvalidInputException.class, run::runParallel);
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("patients", assertThrows(InvalidInputException.class,
                () -> PopulationRun.of(TestModels.RACEMIC_COMPOSITE, List.of(), CRPS, GRID)).field());
        List<Patient> withNull = new ArrayList<>(cohort(2));
        withNull.add(null);
        assertEquals("patients[2]", assertThrows(InvalidInputException.class,
                () -> PopulationRun.of(TestModels.RACEMIC_COMPOSITE, withNull, CRPS, GRID)).field());
        assertEquals("executor", assertThrows(InvalidInputException.class, () -> run(cohort(1)).run(null)).field());
        InvalidInputException analyte = assertThrows(InvalidInputException.class,
                () -> run(cohort(1)).run().metrics(Analyte.HYDROXYNORKETAMINE));
        assertTrue(analyte.getMessage().contains("hydroxynorketamine"), analyte.getMessage());
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        Quantiles q = Quantiles.of(new double[] {5, 1, 4, 2, 3});
        assertEquals(5, q.count());
        assertEquals(1, q.min());
        assertEquals(1.2, q.p05(), 1e-12);
        assertEquals(2, q.p25());
        assertEquals(3, q.median());
        assertEquals(4, q.p75());
        assertEquals(4.8, q.p95(), 1e-12);
        assertEquals(5, q.max());
        assertEquals(3, q.mean());
        assertEquals("values[1]", assertThrows(InvalidInputException.class,
                () -> Quantiles.of(new double[] {1, Double.NaN})).field());
        assertEquals("values", assertThrows(InvalidInputException.class, () -> Quantiles.of(new double[0])).field());
    }
}
