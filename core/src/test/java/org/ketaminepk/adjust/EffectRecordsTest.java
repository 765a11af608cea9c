package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.GfrEstimate;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.TestModels;

/** The age and kidney records against the arithmetic written out, and the per-model reference liver. */
class EffectRecordsTest {

    @Test
    void ageLowersHepaticFlowByTheEsketamineSlopeAboveSixty() {
        assertFalse(AgeEffect.of(60).changesAnything());
        assertEquals(1, AgeEffect.of(45).hepaticFlowFactor());
        AgeEffect a = AgeEffect.of(75);
        assertTrue(a.changesAnything());
        assertEquals(1 - 2.19 * 15 / 151, a.hepaticFlowFactor(), 1e-15);
        assertEquals("age 75 years: hepatic flow ×0.782 (−2.19/151 per year above 60)", a.describe());
        // at the oldest accepted age the flow is still positive
        assertEquals(1 - 2.19 * 60 / 151, AgeEffect.of(120).hepaticFlowFactor(), 1e-15);
    }

    @Test
    void kidneyFunctionIsAFractionOfNormalAtMostOne() {
        KidneyEffect k = KidneyEffect.of(new GfrEstimate(45, "mL/min", "as given", "as given"));
        assertEquals(0.45, k.fraction(), 1e-15);
        assertTrue(k.changesAnything());
        assertFalse(k.failing());
        assertEquals("kidney function 45 mL/min (as given) = 0.45 of normal", k.describe());
        assertFalse(KidneyEffect.of(new GfrEstimate(130, "mL/min", "as given", "as given")).changesAnything());
        assertTrue(KidneyEffect.of(new GfrEstimate(12, "mL/min", "as given", "as given")).failing());
    }

    @Test
    void theReferenceLiverIsComputedOncePerModelAndSharedAcrossThreads() throws Exception {
        List<PublishedModel> models = new ArrayList<>(Models.all());
        models.add(TestModels.RACEMIC_COMPOSITE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ReferenceLiver>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                for (PublishedModel m : models) {
                    futures.add(pool.submit(() -> ReferenceLiver.of(m)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertSame(ReferenceLiver.of(models.get(i % models.size())), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theReferenceLiverReproducesTheModelsClearance() {
        ReferenceLiver r = ReferenceLiver.of(Models.DOMINO_1984);
        assertFalse(r.physiological);
        assertFalse(r.modelHandlesAge);
        double cl = r.liver.clearanceLPerH() + r.renalClearanceLPerH;
        assertEquals(SystemClearance.ofLPerH(Models.DOMINO_1984.individualize(Patient.standardAdult(),
                PatientAdjuster.NONE).system(), Analyte.KETAMINE), cl, 1e-9 * cl);
        assertEquals(AdjustmentSources.PARENT_RENAL_FRACTION * cl, r.renalClearanceLPerH, 1e-12 * cl);
        assertTrue(ReferenceLiver.of(Models.PEREZ_RUIXO_2021).modelHandlesAge);
        assertTrue(ReferenceLiver.of(Models.PEREZ_RUIXO_2021).physiological);
    }
}
