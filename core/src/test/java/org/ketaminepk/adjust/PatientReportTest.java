package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Ascites;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.ChildPughComponents;
import org.ketaminepk.patient.Encephalopathy;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.testing.TestModels;

/** The patient report: derived values with units, and per model what changes. */
class PatientReportTest {

    @Test
    void derivedValuesWithUnits() {
        Patient p = new Patient(60, 80, 178, Sex.MALE).withSerumCreatinineMgPerDl(1.4).withChildPugh(
                ChildPughComponents.conventional(2.5, 3.0, 1.5, Ascites.SLIGHT, Encephalopathy.NONE));
        PatientReport r = PatientReport.of(p, Models.DOMINO_1984, TestModels.RACEMIC_COMPOSITE);
        assertEquals(80 / (1.78 * 1.78), r.quantity("BMI").orElseThrow().value(), 1e-9);
        assertEquals("kg/m²", r.quantity("BMI").orElseThrow().unit());
        assertEquals(Math.sqrt(178 * 80 / 3600.0), r.quantity("BSA (Mosteller)").orElseThrow().value(), 1e-9);
        assertEquals(p.leanBodyWeightKg(), r.quantity("lean body weight (Janmahasatian)").orElseThrow().value(), 0);
        assertEquals(57.54, r.quantity("eGFR (CKD-EPI 2021)").orElseThrow().value(), 0.01);
        assertEquals("mL/min/1.73 m²", r.quantity("eGFR (CKD-EPI 2021)").orElseThrow().unit());
        assertEquals(63.49, r.quantity("creatinine clearance (Cockcroft–Gault)").orElseThrow().value(), 0.01);
        assertEquals(0.5754, r.quantity("kidney function used").orElseThrow().value(), 1e-4);
        // bilirubin 2.5 (2) + albumin 3.0 (2) + INR 1.5 (1) + ascites slight (2) + encephalopathy none (1) = 8
        assertEquals(8, r.quantity("Child–Pugh score").orElseThrow().value());
        assertEquals(ChildPughClass.B, r.childPughClass().orElseThrow());
        assertTrue(r.patientWarnings().isEmpty());
        for (PatientReport.Quantity q : r.derived()) {
            assertFalse(q.unit().isBlank() || q.method().isBlank(), q.name());
        }
    }

    @Test
    void perModelSectionsListWhatChangesAndWhy() {
        Patient p = new Patient(60, 80, 178, Sex.MALE).withEgfrMlPerMinPer173m2(30).withChildPugh(ChildPughClass.B);
        PatientReport r = PatientReport.of(p, List.of(Models.DOMINO_1984, TestModels.RACEMIC_COMPOSITE));
        assertEquals(2, r.models().size());
        PatientReport.ModelSection comp = r.models().get(1);
        assertEquals("composite-2024", comp.modelId());
        PatientReport.ParameterChange cl = comp.parameters().stream().filter(c -> c.name().equals("CL")).findFirst()
                .orElseThrow();
        assertEquals(Role.PARENT_CLEARANCE, cl.role());
        assertEquals(84, cl.typicalValue(), 1e-9);
        // weight (80 kg) and Child–Pugh B and kidney, all in the one factor
        assertTrue(cl.factor() < 0.8, "factor " + cl.factor());
        assertTrue(comp.adjustments().size() >= 5);
        assertTrue(comp.warnings().stream().anyMatch(w -> w.code() == Warning.Code.ASSUMPTION));
        StandardPatientAdjuster.LiverModel lm = comp.liver().orElseThrow();
        assertTrue(lm.patient().hepaticFlowLPerH() < lm.typical().hepaticFlowLPerH());
        assertEquals("eGFR (as given)", r.derived().get(3).name());

        // a healthy standard adult: nothing changes anywhere
        PatientReport healthy = PatientReport.of(Patient.standardAdult(), TestModels.RACEMIC_COMPOSITE);
        assertEquals(List.of(), healthy.models().get(0).parameters());
        assertEquals(List.of(), healthy.models().get(0).adjustments());
        assertEquals(3, healthy.derived().size());
        assertTrue(healthy.childPughClass().isEmpty());
        StandardPatientAdjuster.LiverModel typical = healthy.models().get(0).liver().orElseThrow();
        assertEquals(typical.typical(), typical.patient());
    }
}
