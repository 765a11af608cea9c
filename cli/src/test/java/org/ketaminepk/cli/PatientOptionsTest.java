package org.ketaminepk.cli;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Ascites;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.ChildPughComponents;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.Encephalopathy;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Profile;

/**
 * The patient options of {@code simulate} and {@code compare} reach the simulation: each one gives exactly the
 * library's result for the same patient, in the direction physiology expects, and the output says what changed.
 */
class PatientOptionsTest {
    private static final String MODEL = "racemic-composite";
    private static final String DOSE = "0.5 mg/kg over 40 min";

    /** Runs simulate with JSON on standard output and returns the document. */
    private static JsonNode simulateJson(String... patientArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("simulate", "--model", MODEL, "--dose", DOSE, "--duration",
                "24h", "--step", "10min", "--json", "-"));
        args.addAll(List.of(patientArgs));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static double auc(JsonNode doc, String analyte) {
        return doc.at("/series/0/metrics/" + analyte + "/auc_ng_h_per_mL").asDouble();
    }

    static Stream<Arguments> options() {
        Patient std = Patient.standardAdult();
        return Stream.of(
                Arguments.of(List.of("--creatinine", "2.5mg/dL"), std.withSerumCreatinineMgPerDl(2.5), 0, +1),
                Arguments.of(List.of("--creatinine", "221umol/L"), std.withSerumCreatinineUmolPerL(221), 0, +1),
                Arguments.of(List.of("--egfr", "30"), std.withEgfrMlPerMinPer173m2(30), 0, +1),
                Arguments.of(List.of("--clcr", "30"), std.withCreatinineClearanceMlPerMin(30), 0, +1),
                Arguments.of(List.of("--child-pugh", "B"), std.withChildPugh(ChildPughClass.B), +1, +1),
                Arguments.of(List.of("--bilirubin", "3.5mg/dL", "--albumin", "25g/L", "--inr", "2.5", "--ascites",
                        "moderate", "--encephalopathy", "grade3-4"), std.withChildPugh(new ChildPughComponents(3.5,
                                ChildPughComponents.BilirubinUnit.MG_PER_DL, 25,
                                ChildPughComponents.AlbuminUnit.G_PER_L, 2.5, Ascites.MODERATE_TO_SEVERE,
                                Encephalopathy.GRADE_3_4)), +1, +1),
                Arguments.of(List.of("--cyp2b6", "*6/*6"), std.withCyp2b6(Cyp2b6Genotype.STAR6_STAR6), +1, 0),
                Arguments.of(List.of("--comed", "rifampicin"), std.withCoMedication(CoMedication.RIFAMPICIN), -1,
                        -1),
                Arguments.of(List.of("--comed", "clarithromycin", "--comed", "ticlopidine"), std
                        .withCoMedication(CoMedication.CLARITHROMYCIN).withCoMedication(CoMedication.TICLOPIDINE),
                        +1, 0),
                Arguments.of(List.of("--age", "85", "--sex", "female", "--weight", "55", "--height", "160"),
                        new Patient(85, 55, 160, Sex.FEMALE), +1, 0));
    }

    /**
     * Each option gives the library's own AUC for the equivalent patient, and moves ketamine and norketamine
     * exposure the expected way (+1 up, −1 down, 0 either way).
     */
    @ParameterizedTest
    @MethodSource("options")
    void eachOptionChangesTheSimulationAsTheLibraryDoes(List<String> args, Patient expected, int ketamine,
            int norketamine) throws Exception {
        JsonNode doc = simulateJson(args.toArray(new String[0]));
        Profile lib = Simulation.run(Models.get(MODEL), expected, DoseParser.parse(DOSE),
                TimeGrid.uniform(24, 1.0 / 6)).profile();
        double k = auc(doc, "ketamine");
        double nk = auc(doc, "norketamine");
        assertEquals(lib.series(Analyte.KETAMINE).aucNgHPerMl(), k, 1e-9 * k, args.toString());
        assertEquals(lib.series(Analyte.NORKETAMINE).aucNgHPerMl(), nk, 1e-9 * nk, args.toString());
        JsonNode typical = simulateJson();
        if (ketamine != 0) {
            assertEquals(ketamine, Integer.signum(Double.compare(k, auc(typical, "ketamine"))), args + " ketamine");
        }
        if (norketamine != 0) {
            assertEquals(norketamine, Integer.signum(Double.compare(nk, auc(typical, "norketamine"))),
                    args + " norketamine");
        }
        assertTrue(doc.at("/series/0/adjustments").size() > 0, "adjustments in the JSON: " + args);
    }

    @Test
    void simulateJsonCarriesThePatientAndEveryStepWithItsSource() throws Exception {
        JsonNode doc = simulateJson("--age", "80", "--creatinine", "1.4mg/dL", "--child-pugh", "B", "--cyp2b6",
                "*1/*6", "--comed", "rifampicin");
        JsonNode p = doc.at("/series/0/patient");
        assertEquals("serum creatinine 1.4 mg/dL", p.get("kidney").asText());
        assertEquals("B", p.get("child_pugh_class").asText());
        assertEquals("*1/*6", p.get("cyp2b6").asText());
        assertEquals("rifampicin", p.at("/co_medications/0").asText());
        boolean rifampicin = false;
        for (JsonNode a : doc.at("/series/0/adjustments")) {
            assertFalse(a.get("source").asText().isBlank(), a.toString());
            rifampicin |= a.get("reason").asText().startsWith("rifampicin");
        }
        assertTrue(rifampicin, doc.at("/series/0/adjustments").toString());
        JsonNode none = simulateJson().at("/series/0/patient");
        assertTrue(none.get("kidney").isNull() && none.get("liver").isNull(), none.toString());
        assertEquals("not tested", none.get("cyp2b6").asText());
    }

    @Test
    void simulatePrintsTheAdjustmentsCompactlyOrExplained() {
        String[] base = {"simulate", "--model", MODEL, "--dose", DOSE, "--duration", "12h", "--step", "10min",
            "--age", "80", "--weight", "60", "--creatinine", "1.4mg/dL", "--child-pugh", "B"};
        Cli.Result r = Cli.run(base);
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("Patient   80 years, 60 kg, 175 cm, male, serum creatinine 1.4 mg/dL, Child–Pugh B"),
                out);
        assertTrue(out.contains("\nAdjusted for this patient (why and sources: --explain; every step in --json)\n"),
                out);
        String cl = out.lines().filter(l -> l.startsWith("  CL ")).findFirst().orElseThrow();
        assertTrue(cl.matches("  CL +84 → [0-9.]+ L/h +×0\\.[0-9]+ +weight 60 kg ×0\\.891; age 80 years ×.*"), cl);
        assertTrue(out.contains("scaled by weight (60 kg) alone: V1, V2, V3, Vn, Vpn ×0.857 (WT/70)^1; Q2, Q3, Qn "
                + "×0.891\n  (WT/70)^0.75"), out);
        assertFalse(out.contains("warning: age 80 years: hepatic flow ×0.71"),
                "a step shown in the adjustments is not repeated as a warning: " + out);
        assertTrue(out.contains("warning: age 80 years is outside the 18–65 years"), out);
        assertFalse(out.contains("Sources"), out);

        List<String> explain = new ArrayList<>(List.of(base));
        explain.add("--explain");
        Cli.Result e = Cli.run(explain.toArray(new String[0]));
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("  Why (each step multiplies the value; [n] is the source below)"), e.out());
        assertTrue(e.out().contains("\n  Sources\n    [1] published scaling of racemic-composite"), e.out());
        assertTrue(e.out().contains("Ketamine in the well-stirred liver"), e.out());
        assertFalse(e.out().contains("Adjusted for this patient"), "the long form replaces the short one");

        Cli.Result plain = Cli.run("simulate", "--model", MODEL, "--dose", DOSE, "--duration", "12h");
        assertFalse(plain.out().contains("Adjusted for this patient"), "nothing to say for the standard adult");
    }

    @Test
    void compareTakesTheSameKeysInPatientSpecs() throws Exception {
        Cli.Result r = Cli.run("compare", "--model", MODEL, "--dose", DOSE, "--duration", "12h", "--step", "10min",
                "--patient", "age=80,weight=60,child-pugh=B,creatinine=1.4mg/dL,cyp2b6=*6/*6,comed=rifampicin",
                "--patient", "age=80,weight=60,egfr=30", "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode first = doc.at("/series/0/patient");
        assertEquals(80, first.get("age_years").asInt());
        assertEquals("serum creatinine 1.4 mg/dL", first.get("kidney").asText());
        assertEquals("B", first.get("child_pugh_class").asText());
        assertEquals("*6/*6", first.get("cyp2b6").asText());
        assertEquals("eGFR 30 mL/min/1.73 m² (as given)", doc.at("/series/1/patient/kidney").asText());
        String summary = r.err();
        assertTrue(summary.contains("\nkidney ") && summary.contains("\nliver ") && summary.contains("\ngenotype ")
                && summary.contains("\nco-medication "), summary);
        assertTrue(summary.contains("adjusted: CL 84 → "), summary);
    }
}
