package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.testing.TestModels;

/** The standard adjuster on the library's Domino model and on test models tagged like the library's. */
class StandardPatientAdjusterTest {

    private static final StandardPatientAdjuster ADJ = StandardPatientAdjuster.instance();
    private static final List<PublishedModel> MODELS = List.of(Models.DOMINO_1984, TestModels.RACEMIC_COMPOSITE,
            TestModels.PEREZ_RUIXO_LIKE, TestModels.THREE_ANALYTES);

    private static IndividualModel ind(PublishedModel m, Patient p) {
        return m.individualize(p, ADJ);
    }

    /** Ketamine clearance of the individual's compartment system, L/h. */
    private static double ketamineClearance(IndividualModel ind) {
        return SystemClearance.ofLPerH(ind.system(), Analyte.KETAMINE);
    }

    /** The well-stirred arithmetic, written out independently of the adjuster. */
    private static double wellStirredFactor(double cl, double flowFactor, double clintFactor, double renalFactor) {
        double renal = 0.02 * cl;
        double hep = cl - renal;
        double q = 151;
        double fuClint = hep * q / (q - hep);
        double q2 = q * flowFactor;
        double f2 = fuClint * clintFactor;
        return (q2 * f2 / (q2 + f2) + renal * renalFactor) / cl;
    }

    private static boolean has(List<Warning> ws, Warning.Code code, String text) {
        return ws.stream().anyMatch(w -> w.code() == code && w.message().contains(text));
    }

    @Test
    void effectsAreDescribedOnlyWhenRead() {
        Patient p = new Patient(80, 95, 170, Sex.MALE).withChildPugh(ChildPughClass.B)
                .withCoMedications(java.util.Set.of(CoMedication.CLARITHROMYCIN)).withEgfrMlPerMinPer173m2(40);
        IndividualModel ind = ind(TestModels.RACEMIC_COMPOSITE, p);
        List<Words> unwritten = new java.util.ArrayList<>();
        List<Warning> written = new java.util.ArrayList<>();
        for (Warning w : ind.warnings()) {
            if (w.kind() == Warning.Kind.ADJUSTMENT || w.kind() == Warning.Kind.ASSUMPTION) {
                if (w.args()[0] instanceof Words x && !x.written()) {
                    unwritten.add(x);
                } else {
                    written.add(w);
                }
            }
        }
        // age, liver, interaction: summary and assumption; kidney: summary; swallowed doses: assumption
        assertEquals(8, unwritten.size(), "described lazily");
        // the only text written before it is read does not depend on the patient: one object for every patient
        assertEquals(List.of(Mechanisms.KIDNEY_SHARES), written);
        IndividualModel older = ind(TestModels.RACEMIC_COMPOSITE, p.withAgeYears(81));
        assertTrue(older.warnings().stream().anyMatch(w -> w == Mechanisms.KIDNEY_SHARES));
        // an adjustment's reason is its mechanism's summary: reading one writes the other, and nothing else
        Words ageSummary = unwritten.get(0);
        assertTrue(ind.adjustments().stream().anyMatch(a -> a.reason().startsWith("age 80 years: hepatic flow")));
        assertTrue(ageSummary.written());
        assertEquals(1, unwritten.stream().filter(Words::written).count(), "the other words are still unwritten");
        assertTrue(has(ind.warnings(), Warning.Code.ADJUSTMENT, "Child–Pugh B: hepatic flow ×"));
        assertFalse(unwritten.stream().allMatch(Words::written));
        ind.warnings().forEach(Warning::message);
        assertTrue(unwritten.stream().allMatch(Words::written), "reading the warnings writes their words");
        assertTrue(ind.adjustments().stream().anyMatch(a -> a.reason().startsWith("weight 95 kg, ")));
    }

    private static List<Patient> healthyFortyYearOlds() {
        return List.of(Patient.standardAdult(),
                Patient.standardAdult().withLiver(LiverFunction.normal()).withSerumCreatinineMgPerDl(0.9)
                        .withCyp2b6(Cyp2b6Genotype.STAR1_STAR1),
                Patient.standardAdult().withEgfrMlPerMinPer173m2(120),
                Patient.standardAdult().withCreatinineClearanceMlPerMin(100));
    }

    @Test
    void healthyFortyYearOldReproducesTypicalValuesExactly() {
        for (PublishedModel m : MODELS) {
            for (Patient p : healthyFortyYearOlds()) {
                IndividualModel ind = ind(m, p);
                for (Parameter par : m.parameters()) {
                    assertEquals(par.scaled(70), ind.values().get(par.name()), 0.0, m.id() + " " + par.name());
                }
                assertEquals(List.of(), ind.adjustments(), m.id());
                assertEquals(List.of(), ind.warnings(), m.id());
            }
        }
    }

    @Test
    void healthyFortyYearOldChangesNothingInAnyLibraryModel() {
        for (PublishedModel m : Models.all()) {
            for (Patient p : healthyFortyYearOlds()) {
                IndividualModel ind = ind(m, p);
                IndividualModel asPublished = m.individualize(p, PatientAdjuster.NONE);
                assertEquals(asPublished.values().asMap(), ind.values().asMap(), m.id());
                assertEquals(asPublished.adjustments(), ind.adjustments(), m.id());
                assertEquals(asPublished.warnings(), ind.warnings(), m.id());
            }
        }
    }

    @Test
    void childPughOnAClearanceModelFollowsTheWellStirredLiver() {
        for (ChildPughClass c : ChildPughClass.values()) {
            ChildPughEffect e = ChildPughEffect.of(c);
            IndividualModel ind = ind(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult().withChildPugh(c));
            double expected = wellStirredFactor(84, e.hepaticFlowFactor(), e.intrinsicClearanceFactor(), 1);
            assertEquals(84 * expected, ind.values().get("CL"), 1e-9, c.name());
            // the norketamine hepatic share (0.56) follows intrinsic clearance
            assertEquals(57.7 * (0.44 + 0.56 * e.intrinsicClearanceFactor()), ind.values().get("CL_NK"), 1e-9);
            assertEquals(84 * expected, ketamineClearance(ind), 1e-6);
        }
        // the factors themselves: Li 2015 flows with a 75/25 split, OSP enzymes with a 50/50 split
        assertEquals(0.915, ChildPughEffect.of(ChildPughClass.A).hepaticFlowFactor(), 1e-12);
        assertEquals(0.875, ChildPughEffect.of(ChildPughClass.B).hepaticFlowFactor(), 1e-12);
        assertEquals(0.6225, ChildPughEffect.of(ChildPughClass.C).hepaticFlowFactor(), 1e-12);
        assertEquals(0.91, ChildPughEffect.of(ChildPughClass.A).intrinsicClearanceFactor(), 1e-12);
        assertEquals(0.5265, ChildPughEffect.of(ChildPughClass.B).intrinsicClearanceFactor(), 1e-12);
        assertEquals(0.384, ChildPughEffect.of(ChildPughClass.C).intrinsicClearanceFactor(), 1e-12);
    }

    @Test
    void childPughOnALiverCompartmentModelScalesFlowAndMetabolismRates() {
        double cl0 = ketamineClearance(ind(TestModels.PEREZ_RUIXO_LIKE, Patient.standardAdult()));
        // Perez-Ruixo: CL = Qh·E with CLint = Vh(kel + kmet) = 391.9 L/h, E 0.722, CL 109 L/h
        assertEquals(109.0, cl0, 0.1);
        // intravenous AUC ratios expected from the same arithmetic done by hand: 1.09, 1.35, 1.89
        double[] expectedAucRatio = {1.09, 1.35, 1.89};
        for (ChildPughClass c : ChildPughClass.values()) {
            ChildPughEffect e = ChildPughEffect.of(c);
            IndividualModel ind = ind(TestModels.PEREZ_RUIXO_LIKE, Patient.standardAdult().withChildPugh(c));
            assertEquals(151 * e.hepaticFlowFactor(), ind.values().get("Qh"), 1e-9);
            assertEquals(2.77 * e.intrinsicClearanceFactor(), ind.values().get("kmet"), 1e-9);
            assertEquals(1.11 * e.intrinsicClearanceFactor(), ind.values().get("kel"), 1e-9);
            assertEquals(expectedAucRatio[c.ordinal()], cl0 / ketamineClearance(ind), 0.01, c.name());
        }
    }

    @Test
    void theLibraryPerezRuixoModelGetsTheSameLiverArithmetic() {
        PublishedModel m = Models.PEREZ_RUIXO_2021;
        double cl0 = ketamineClearance(ind(m, Patient.standardAdult()));
        assertEquals(109.0, cl0, 0.1);
        double[] expectedAucRatio = {1.09, 1.35, 1.89};
        for (ChildPughClass c : ChildPughClass.values()) {
            IndividualModel ind = ind(m, Patient.standardAdult().withChildPugh(c));
            assertEquals(expectedAucRatio[c.ordinal()], cl0 / ketamineClearance(ind), 0.01, c.name());
        }
        // its own age effect on hepatic flow is kept, not doubled
        IndividualModel old = ind(m, Patient.standardAdult().withAgeYears(80));
        assertEquals(151 - 2.19 * 20, old.values().get("Qh"), 1e-9);
        assertFalse(has(old.warnings(), Warning.Code.ASSUMPTION, "transferred"));
    }

    @Test
    void dominoRateConstantIsScaledLikeAClearance() {
        Patient p = Patient.standardAdult().withChildPugh(ChildPughClass.B);
        IndividualModel typical = Models.DOMINO_1984.individualize(Patient.standardAdult(), PatientAdjuster.NONE);
        double cl = ketamineClearance(typical);
        double k10 = Models.DOMINO_1984.parameter("k10").scaled(70);
        assertEquals(k10 * Models.DOMINO_1984.parameter("V1").scaled(70), cl, 1e-9);
        ChildPughEffect e = ChildPughEffect.of(ChildPughClass.B);
        double f = wellStirredFactor(cl, e.hepaticFlowFactor(), e.intrinsicClearanceFactor(), 1);
        IndividualModel ind = ind(Models.DOMINO_1984, p);
        assertEquals(k10 * f, ind.values().get("k10"), 1e-9);
        assertEquals(1, ind.adjustments().size());
        assertTrue(ind.adjustments().get(0).source().startsWith("assumption:"));
        assertTrue(has(ind.warnings(), Warning.Code.ASSUMPTION, "Child–Pugh B"));
        assertTrue(has(ind.warnings(), Warning.Code.ADJUSTMENT, "Child–Pugh B"));
        // no swallowed route in this model, so no first-pass note
        assertFalse(has(ind.warnings(), Warning.Code.ASSUMPTION, "swallowed"));
        assertTrue(has(ind(TestModels.RACEMIC_COMPOSITE, p).warnings(), Warning.Code.ASSUMPTION, "swallowed"));
    }

    @Test
    void elderlyHepaticFlowAnalogueOnlyWhereTheModelHasNoAgeEffect() {
        Patient old = Patient.standardAdult().withAgeYears(85);
        IndividualModel comp = ind(TestModels.RACEMIC_COMPOSITE, old);
        double flow = 1 - 25 * 2.19 / 151;
        assertEquals(84 * wellStirredFactor(84, flow, 1, 1), comp.values().get("CL"), 1e-9);
        assertEquals(1, comp.adjustments().size());
        Adjustment a = comp.adjustments().get(0);
        assertTrue(a.source().startsWith("assumption:") && a.source().contains("Perez-Ruixo"), a.source());
        assertTrue(has(comp.warnings(), Warning.Code.ASSUMPTION, "transferred"));
        assertTrue(has(comp.warnings(), Warning.Code.ASSUMPTION, "kidney function not given"));

        // the liver-compartment model has its own age effect; it is not applied twice
        IndividualModel pr = ind(TestModels.PEREZ_RUIXO_LIKE, old);
        assertEquals(151 - 2.19 * 25, pr.values().get("Qh"), 1e-9);
        assertEquals(1, pr.adjustments().size());
        assertEquals("Perez-Ruixo 2021 Table 3", pr.adjustments().get(0).source());
        assertFalse(has(pr.warnings(), Warning.Code.ASSUMPTION, "transferred"));

        // 60 and younger: nothing
        assertEquals(List.of(), ind(TestModels.RACEMIC_COMPOSITE, old.withAgeYears(60)).adjustments());
    }

    @Test
    void kidneyFunctionScalesRenalShares() {
        Patient p = Patient.standardAdult().withEgfrMlPerMinPer173m2(30);
        IndividualModel comp = ind(TestModels.RACEMIC_COMPOSITE, p);
        assertEquals(84 * (0.98 + 0.02 * 0.3), comp.values().get("CL"), 1e-9);
        assertEquals(57.7 * (0.56 + 0.44 * 0.3), comp.values().get("CL_NK"), 1e-9);
        IndividualModel chain = ind(TestModels.THREE_ANALYTES, p);
        assertEquals(20 * (0.5 + 0.5 * 0.3), chain.values().get("CL_HNK"), 1e-9);
        assertEquals(50 * (0.56 + 0.44 * 0.3), chain.values().get("CL_NK"), 1e-9);
        IndividualModel pr = ind(TestModels.PEREZ_RUIXO_LIKE, p);
        assertEquals(38 * (0.56 + 0.44 * 0.3), pr.values().get("CLn"), 1e-9);
        assertEquals(151, pr.values().get("Qh"), 0);
        assertEquals(1.11, pr.values().get("kel"), 0);
        assertTrue(has(pr.warnings(), Warning.Code.ADJUSTMENT, "not represented separately"));
        // creatinine → CKD-EPI 2021 → the same mechanism
        Patient scr = new Patient(60, 80, 178, Sex.MALE).withSerumCreatinineMgPerDl(1.4);
        double r = scr.gfrEstimate().orElseThrow().value() / 100;
        assertEquals(57.7 * Math.pow(80 / 70.0, 0.75) * (0.56 + 0.44 * r),
                ind(TestModels.RACEMIC_COMPOSITE, scr).values().get("CL_NK"), 1e-9);
    }

    @Test
    void interactionsAndGenotype() {
        Patient rif = Patient.standardAdult().withCoMedication(CoMedication.RIFAMPICIN);
        IndividualModel ind = ind(TestModels.RACEMIC_COMPOSITE, rif);
        assertEquals(84 * wellStirredFactor(84, 1, 2.0, 1), ind.values().get("CL"), 1e-9);
        assertEquals(57.7 * 3, ind.values().get("CL_NK"), 1e-9);

        Patient tic = Patient.standardAdult().withCoMedication(CoMedication.TICLOPIDINE);
        assertEquals(84 * wellStirredFactor(84, 1, 1 / 2.4, 1),
                ind(TestModels.RACEMIC_COMPOSITE, tic).values().get("CL"), 1e-9);

        Patient itra = Patient.standardAdult().withCoMedication(CoMedication.ITRACONAZOLE);
        IndividualModel i = ind(TestModels.RACEMIC_COMPOSITE, itra);
        assertEquals(List.of(), i.adjustments());
        assertTrue(has(i.warnings(), Warning.Code.ADJUSTMENT, "itraconazole"));

        Patient g = Patient.standardAdult().withCyp2b6(Cyp2b6Genotype.STAR6_STAR6);
        assertEquals(84 * wellStirredFactor(84, 1, 0.5 + 0.5 / 6, 1),
                ind(TestModels.RACEMIC_COMPOSITE, g).values().get("CL"), 1e-9);
        assertTrue(has(ind(TestModels.RACEMIC_COMPOSITE, g).warnings(), Warning.Code.ASSUMPTION, "mixed"));

        Patient two = tic.withCoMedication(CoMedication.CLARITHROMYCIN);
        assertTrue(has(ind(TestModels.RACEMIC_COMPOSITE, two).warnings(), Warning.Code.ASSUMPTION, "multiplied"));
    }

    @Test
    void everyAdjustmentIsExplainedAndTheStepsMultiplyToTheTotal() {
        Patient p = new Patient(78, 55, 160, Sex.FEMALE).withSerumCreatinineUmolPerL(180)
                .withChildPugh(ChildPughClass.B).withCyp2b6(Cyp2b6Genotype.STAR1_STAR6)
                .withCoMedication(CoMedication.CLARITHROMYCIN);
        for (PublishedModel m : MODELS) {
            IndividualModel ind = ind(m, p);
            Map<String, Double> product = new HashMap<>();
            for (Adjustment a : ind.adjustments()) {
                assertFalse(a.reason().isBlank());
                assertFalse(a.source().isBlank());
                assertTrue(a.patientValue() >= 0 && Double.isFinite(a.patientValue()));
                if (a.source().startsWith("assumption:")) {
                    assertTrue(ind.warnings().stream().anyMatch(w -> w.code() == Warning.Code.ASSUMPTION), m.id());
                }
                product.merge(a.parameter(), a.factor(), (x, y) -> x * y);
            }
            for (Parameter par : m.parameters()) {
                double total = ind.values().get(par.name()) / par.scaled(70);
                assertEquals(total, product.getOrDefault(par.name(), 1.0), 1e-12, m.id() + " " + par.name());
            }
            assertFalse(ind.adjustments().isEmpty(), m.id());
        }
    }

    @Test
    void theLibrarySimulationUsesTheseAdjustments() {
        Patient p = Patient.standardAdult().withChildPugh(ChildPughClass.C).withWeightKg(200);
        SimulationResult r = Simulation.run(TestModels.RACEMIC_COMPOSITE, p, TestModels.infusion4h(),
                TestModels.longGrid());
        assertFalse(r.adjustments().isEmpty());
        assertTrue(has(r.warnings(), Warning.Code.UNUSUAL_PATIENT_VALUE, "BMI"));
        assertTrue(has(r.warnings(), Warning.Code.ADJUSTMENT, "not studied"));
        SimulationResult none = Simulation.standard().withAdjuster(PatientAdjuster.NONE)
                .simulate(TestModels.RACEMIC_COMPOSITE, p, TestModels.infusion4h(), TestModels.longGrid());
        assertTrue(r.profile().series(Analyte.KETAMINE).aucNgHPerMl()
                > 1.3 * none.profile().series(Analyte.KETAMINE).aucNgHPerMl());
    }

    @Test
    void liverModelReportsTheBackCalculation() {
        StandardPatientAdjuster.LiverModel lm = ADJ.liverModel(TestModels.RACEMIC_COMPOSITE,
                Patient.standardAdult().withChildPugh(ChildPughClass.B)).orElseThrow();
        assertEquals(151, lm.typical().hepaticFlowLPerH(), 0);
        assertEquals(0.56, lm.typical().unboundFraction(), 0);
        assertEquals(84, lm.clearanceTypicalLPerH(), 1e-9);
        assertEquals(82.32 / 151, lm.typical().extraction(), 1e-12);
        assertEquals(84 * wellStirredFactor(84, 0.875, 0.5265, 1), lm.clearancePatientLPerH(), 1e-9);
        assertFalse(lm.physiological());
        StandardPatientAdjuster.LiverModel pr = ADJ.liverModel(TestModels.PEREZ_RUIXO_LIKE,
                Patient.standardAdult()).orElseThrow();
        assertTrue(pr.physiological());
        // CLint (lumped with fu) = Vh·(kel + kmet) = 101 × 3.88 = 391.9 L/h
        assertEquals(391.88, pr.typical().unboundFraction() * pr.typical().intrinsicClearanceLPerH(), 0.01);
    }
}
