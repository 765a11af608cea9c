package org.ketaminepk.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ketaminepk.base.InvalidInputException;

/** Construction, refusal of impossible values, acceptance of unusual ones, withers. */
class PatientTest {

    /** Runs {@code e}, expects a refusal, returns its one-line message. */
    private static String refused(Executable e, String field) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertEquals(field, x.field());
        assertFalse(x.getMessage().contains("\n"), x.getMessage());
        return x.getMessage();
    }

    @Test
    void backwardsCompatibleConstructorStatesNothingElse() {
        Patient p = new Patient(40, 70, 175, Sex.MALE);
        assertEquals(Patient.standardAdult(), p);
        assertEquals(KidneyFunction.notStated(), p.kidney());
        assertEquals(LiverFunction.notStated(), p.liver());
        assertEquals(Cyp2b6Genotype.NOT_TESTED, p.cyp2b6());
        assertTrue(p.coMedications().isEmpty());
        assertTrue(p.gfrEstimate().isEmpty());
        assertTrue(p.childPughClass().isEmpty());
        assertTrue(p.unusualValues().isEmpty());
    }

    @Test
    void impossibleValuesAreRefusedWithFieldValueUnitAndRange() {
        String m = refused(() -> new Patient(40, 0, 175, Sex.MALE), "weight");
        assertTrue(m.contains("0.5") && m.contains("350") && m.contains("kg") && m.contains("was 0"), m);
        m = refused(() -> new Patient(-1, 70, 175, Sex.MALE), "age");
        assertTrue(m.contains("years") && m.contains("was -1"), m);
        m = refused(() -> Patient.standardAdult().withSerumCreatinineMgPerDl(0), "serum creatinine");
        assertTrue(m.contains("mg/dL") && m.contains("0.1") && m.contains("25") && m.contains("was 0"), m);
        m = refused(() -> Patient.standardAdult().withSerumCreatinineUmolPerL(0), "serum creatinine");
        assertTrue(m.contains("µmol/L") && m.contains("8.84") && m.contains("2210"), m);
        m = refused(() -> ChildPughClass.parse("D"), "Child–Pugh class");
        assertTrue(m.contains("A, B, C") && m.contains("'D'"), m);
        m = refused(() -> Patient.standardAdult().withChildPughScore(16), "Child–Pugh score");
        assertTrue(m.contains("5") && m.contains("15") && m.contains("points") && m.contains("16"), m);
        refused(() -> Patient.standardAdult().withEgfrMlPerMinPer173m2(0), "eGFR");
        refused(() -> Patient.standardAdult().withCreatinineClearanceMlPerMin(-5), "creatinine clearance");
        refused(() -> ChildPughComponents.si(10, 40, 0, Ascites.NONE, Encephalopathy.NONE), "INR");
        refused(() -> ChildPughComponents.conventional(1, 40, 1, Ascites.NONE, Encephalopathy.NONE), "albumin");
        refused(() -> Cyp2b6Genotype.parse("*2/*9"), "CYP2B6 genotype");
        refused(() -> CoMedication.parse("aspirin"), "co-medication");
        refused(() -> new Patient(40, 70, 175, null), "sex");
        refused(() -> Patient.standardAdult().withKidney(null), "kidney function");
        refused(() -> new Patient(40, 70, 175, Sex.MALE, KidneyFunction.notStated(), LiverFunction.notStated(),
                Cyp2b6Genotype.NOT_TESTED, null), "co-medications");
        refused(() -> new Patient(40, Double.NaN, 175, Sex.MALE), "weight");
    }

    @Test
    void unusualButPossibleValuesAreAcceptedWithAMessage() {
        Patient obese = new Patient(40, 200, 170, Sex.FEMALE);
        assertEquals(1, obese.unusualValues().size());
        assertTrue(obese.unusualValues().get(0).contains("BMI 69.2"), obese.unusualValues().toString());

        Patient failing = Patient.standardAdult().withSerumCreatinineMgPerDl(12);
        assertTrue(failing.gfrEstimate().orElseThrow().value() < 15);
        assertTrue(failing.unusualValues().stream().anyMatch(s -> s.contains("kidney-failure")),
                failing.unusualValues().toString());

        Patient lowScr = Patient.standardAdult().withSerumCreatinineMgPerDl(0.3);
        assertTrue(lowScr.unusualValues().stream().anyMatch(s -> s.contains("overestimate")));

        Patient infant = new Patient(0.5, 7, 65, Sex.MALE).withSerumCreatinineMgPerDl(0.3);
        assertTrue(infant.gfrEstimate().isEmpty());
        assertTrue(infant.unusualValues().stream().anyMatch(s -> s.contains("below one year")));

        Patient jaundiced = Patient.standardAdult().withChildPugh(
                ChildPughComponents.conventional(25, 2.5, 7, Ascites.SLIGHT, Encephalopathy.NONE));
        assertEquals(List.of(true, true), List.of(
                jaundiced.unusualValues().stream().anyMatch(s -> s.contains("bilirubin 25 mg/dL")),
                jaundiced.unusualValues().stream().anyMatch(s -> s.contains("INR 7"))));
    }

    @Test
    void withersChangeOneThingEach() {
        Patient p = Patient.standardAdult().withCyp2b6(Cyp2b6Genotype.STAR1_STAR6)
                .withCoMedication(CoMedication.TICLOPIDINE).withCoMedication(CoMedication.RIFAMPICIN)
                .withChildPugh(ChildPughClass.B).withEgfrMlPerMinPer173m2(45);
        assertEquals(Set.of(CoMedication.TICLOPIDINE, CoMedication.RIFAMPICIN), p.coMedications());
        assertEquals(ChildPughClass.B, p.childPughClass().orElseThrow());
        assertEquals(45, p.gfrEstimate().orElseThrow().value());
        Patient q = p.withAgeYears(70).withWeightKg(60).withHeightCm(160).withSex(Sex.FEMALE);
        assertEquals(p.kidney(), q.kidney());
        assertEquals(p.liver(), q.liver());
        assertEquals(p.coMedications(), q.coMedications());
        assertEquals(Set.of(), q.withCoMedications(List.of()).coMedications());
        assertThrows(UnsupportedOperationException.class, () -> p.coMedications().add(CoMedication.ITRACONAZOLE));
        assertEquals(p, p.withCoMedications(List.of(CoMedication.RIFAMPICIN, CoMedication.TICLOPIDINE)));
    }

    @Test
    void kidneyEstimateChoosesTheEquationForTheAge() {
        Patient adult = new Patient(60, 80, 178, Sex.MALE).withSerumCreatinineMgPerDl(1.4);
        assertTrue(adult.gfrEstimate().orElseThrow().method().startsWith("CKD-EPI 2021"));
        assertEquals(57.54, adult.gfrEstimate().orElseThrow().value(), 0.01);
        assertEquals((140 - 60) * 80 / (72 * 1.4), adult.creatinineClearanceCockcroftGaultMlPerMin().getAsDouble(),
                1e-9);
        Patient given = adult.withCreatinineClearanceMlPerMin(40);
        assertEquals("mL/min", given.gfrEstimate().orElseThrow().unit());
        assertTrue(given.creatinineClearanceCockcroftGaultMlPerMin().isEmpty());
    }

    @Test
    void anUntestedGenotypeCountsNoAlleles() {
        // star6Alleles() was 0 for NOT_TESTED, the same as the tested *1/*1
        assertEquals(OptionalInt.empty(), Cyp2b6Genotype.NOT_TESTED.star6Alleles());
        assertEquals(OptionalInt.of(0), Cyp2b6Genotype.STAR1_STAR1.star6Alleles());
        assertEquals(OptionalInt.of(1), Cyp2b6Genotype.STAR1_STAR6.star6Alleles());
        assertEquals(OptionalInt.of(2), Cyp2b6Genotype.STAR6_STAR6.star6Alleles());
    }

    @Test
    void parsers() {
        assertEquals(Cyp2b6Genotype.STAR1_STAR6, Cyp2b6Genotype.parse("*6/*1"));
        assertEquals(Cyp2b6Genotype.STAR6_STAR6, Cyp2b6Genotype.parse("6/6"));
        assertEquals(CoMedication.RIFAMPICIN, CoMedication.parse("Rifampin"));
        assertEquals(CreatinineUnit.UMOL_PER_L, CreatinineUnit.parse("umol/L"));
        assertEquals(Ascites.MODERATE_TO_SEVERE, Ascites.parse("refractory"));
        assertEquals(Encephalopathy.GRADE_1_2, Encephalopathy.parse("grade 1-2"));
        refused(() -> CreatinineUnit.parse("mg"), "creatinine unit");
        assertEquals(ChildPughComponents.BilirubinUnit.UMOL_PER_L, ChildPughComponents.BilirubinUnit.parse("µmol/L"));
        assertEquals(ChildPughComponents.AlbuminUnit.G_PER_DL, ChildPughComponents.AlbuminUnit.parse("g/dl"));
        refused(() -> ChildPughComponents.AlbuminUnit.parse("mg/dL"), "albumin unit");
        refused(() -> Patient.standardAdult().withCoMedications(java.util.Arrays.asList(CoMedication.RIFAMPICIN,
                null)), "co-medication");
    }
}
