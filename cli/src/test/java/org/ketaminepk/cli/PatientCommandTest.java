package org.ketaminepk.cli;

import org.ketaminepk.cli.options.PatientFields;
import org.ketaminepk.cli.report.PatientText;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.adjust.PatientReport;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Ascites;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.ChildPughComponents;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.Encephalopathy;
import org.ketaminepk.patient.Patient;

/** {@code ketamine-pk patient}: derived values with units and methods, and per model what changes and why. */
class PatientCommandTest {
    @TempDir
    Path dir;

    /** The section of the output that starts with {@code start} and ends before the next "Model " line. */
    private static String section(String out, String start) {
        int from = out.indexOf(start);
        assertTrue(from >= 0, "no '" + start + "' in:\n" + out);
        int to = out.indexOf("\nModel ", from + 1);
        return to < 0 ? out.substring(from) : out.substring(from, to);
    }

    @Test
    void theStandardAdultChangesNothing() {
        Cli.Result r = Cli.run("patient");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertTrue(out.contains("not a dosing device"), out);
        assertTrue(out.contains("Patient        40 years, 70 kg, 175 cm, male"), out);
        assertTrue(out.contains("Kidney         not stated"), out);
        assertTrue(out.contains("CYP2B6         not tested"), out);
        assertTrue(out.contains("BMI                                      22.86 kg/m²"), out);
        assertTrue(out.contains("BSA (Mosteller)                          1.845 m²"), out);
        assertTrue(out.contains("Model racemic-composite · "), "the default model: " + out);
        assertTrue(out.contains("No parameter changes: the model's typical values apply to this patient."), out);
        assertFalse(out.contains("eGFR"), "no kidney value, no eGFR: " + out);
    }

    /** CKD-EPI 2021 and Cockcroft–Gault against published worked examples, through the command line. */
    @Test
    void creatinineGivesEgfrAndCreatinineClearanceWithTheirMethods() {
        // CKD-EPI 2021: man, 60 years, creatinine 1.4 mg/dL → 57.54 (kidney.epi package example);
        // Cockcroft–Gault: (140 − 60) × 70 / (72 × 1.4) = 55.56 mL/min
        Cli.Result r = Cli.run("patient", "--age", "60", "--creatinine", "1.4mg/dL");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("Kidney         serum creatinine 1.4 mg/dL"), out);
        assertTrue(out.contains("eGFR (CKD-EPI 2021)                      57.54 mL/min/1.73 m²"), out);
        assertTrue(out.contains("creatinine clearance (Cockcroft–Gault)   55.56 mL/min"), out);
        String flat = out.replaceAll("\\s+", " ");
        assertTrue(flat.contains("N Engl J Med 2021;385:1737-49"), "method cited: " + out);
        assertTrue(flat.contains("Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. "
                + "Nephron 1976;16(1):31-41"), out);
        assertTrue(out.contains("kidney function used                     0.5754 fraction of normal"), out);
        // the same creatinine in µmol/L (1.4 × 88.4) gives the same numbers
        Cli.Result si = Cli.run("patient", "--age", "60", "--creatinine", "123.76 µmol/L");
        assertEquals(0, si.code(), si.err());
        assertTrue(si.out().contains("57.54 mL/min/1.73 m²"), si.out());
        assertTrue(Cli.run("patient", "--age", "60", "--creatinine", "123.76umol/L").out()
                .contains("55.56 mL/min"));
    }

    @Test
    void childPughItemsAreScoredInEitherUnit() {
        // bilirubin 2.5 mg/dL = 43 µmol/L (2 points), albumin 3.1 g/dL = 31 g/L (2), INR 1.8 (2), mild ascites (2),
        // no encephalopathy (1): 9 points, class B
        for (String[] units : List.of(new String[] {"2.5mg/dL", "3.1g/dL"}, new String[] {"43umol/L", "31g/L"})) {
            Cli.Result r = Cli.run("patient", "--bilirubin", units[0], "--albumin", units[1], "--inr", "1.8",
                    "--ascites", "mild", "--encephalopathy", "none");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Child–Pugh score                         9 points"), r.out());
            assertTrue(r.out().contains("Child–Pugh class                         B (moderate; score 7–9)"), r.out());
            assertTrue(r.out().replaceAll("\\s+", " ").contains("Br J Surg 1973;60(8):646-9"), r.out());
        }
        Cli.Result c = Cli.run("patient", "--child-pugh", "C");
        assertTrue(c.out().contains("Child–Pugh class                         C (severe; score 10–15)"), c.out());
        assertTrue(c.out().contains("not studied in severe hepatic impairment"), "Child–Pugh C is flagged: "
                + c.out());
        assertTrue(Cli.run("patient", "--child-pugh", "7").out().contains("Liver          Child–Pugh score 7 "
                + "(class B)"));
    }

    /** Every changed parameter, every step with factor, reason and a numbered source, as the library says. */
    @Test
    void parametersStepsAndSourcesAreTheLibrarys() {
        Cli.Result r = Cli.run("patient", "--age", "80", "--weight", "60", "--creatinine", "1.4mg/dL",
                "--child-pugh", "B", "--cyp2b6", "*6/*6", "--comed", "rifampicin");
        assertEquals(0, r.code(), r.err());
        Patient p = new Patient(80, 60, 175, org.ketaminepk.patient.Sex.MALE)
                .withSerumCreatinineMgPerDl(1.4).withChildPugh(ChildPughClass.B)
                .withCyp2b6(Cyp2b6Genotype.STAR6_STAR6).withCoMedication(CoMedication.RIFAMPICIN);
        PublishedModel m = Models.RACEMIC_COMPOSITE;
        PatientReport.ModelSection s = PatientReport.of(p, m).models().get(0);
        String out = section(r.out(), "Model racemic-composite");
        String flat = out.replaceAll("\\s+", " ");
        assertTrue(out.contains("Patient        80 years, 60 kg, 175 cm, male") || r.out().contains(
                "Patient        80 years, 60 kg, 175 cm, male"));
        assertFalse(s.parameters().isEmpty());
        for (PatientReport.ParameterChange c : s.parameters()) {
            String row = out.lines().filter(l -> l.startsWith("  " + c.name() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError(c.name() + " missing in\n" + out));
            assertTrue(row.contains(PatientText.quantity(c.typicalValue(), c.unit())), row);
            assertTrue(row.contains(PatientText.quantity(c.patientValue(), c.unit())), row);
            assertTrue(row.endsWith(PatientText.factor(c.factor())), row);
        }
        List<String> sources = new ArrayList<>();
        for (Adjustment a : s.adjustments()) {
            assertTrue(flat.contains(a.reason().replaceAll("\\s+", " ")), "reason shown: " + a.reason());
            if (!sources.contains(a.source())) {
                sources.add(a.source());
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            assertTrue(flat.contains("[" + (i + 1) + "] " + sources.get(i).replaceAll("\\s+", " ")),
                    "source " + (i + 1) + ": " + sources.get(i));
        }
        assertTrue(out.contains("Ketamine in the well-stirred liver"), out);
        assertTrue(flat.contains("warning: age 80 years is outside the 18–65 years"), out);
        assertFalse(flat.contains("warning: racemic-composite: composite of several sources"),
                "the model's own assumptions are referred to, not repeated: " + out);
        assertTrue(flat.contains("note: the model's own 9 assumptions apply to every result"), out);
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 100), "fits 100 columns");
    }

    @Test
    void severalModelsOrAll() {
        Cli.Result two = Cli.run("patient", "--egfr", "25", "--model", "kamp-2020", "--model", "otto-2021");
        assertEquals(0, two.code(), two.err());
        assertTrue(two.out().contains("\nModel kamp-2020 · ") && two.out().contains("\nModel otto-2021 · "));
        assertFalse(two.out().contains("\nModel racemic-composite"), "only the models asked for");
        Cli.Result all = Cli.run("patient", "--egfr", "25", "--model", "all");
        assertEquals(0, all.code(), all.err());
        for (PublishedModel m : Models.all()) {
            assertTrue(all.out().contains("\nModel " + m.id() + " · "), m.id());
        }
        Cli.Result bad = Cli.run("patient", "--model", "nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --model must be one of all, racemic-composite, "), bad.err());
    }

    @Test
    void jsonCarriesDerivedValuesParametersAndSources() throws Exception {
        Cli.Result r = Cli.run("patient", "--age", "72", "--sex", "female", "--creatinine", "124umol/L",
                "--bilirubin", "2.5mg/dL", "--albumin", "31g/L", "--inr", "1.8", "--ascites", "mild",
                "--encephalopathy", "none", "--comed", "clarithromycin", "--json", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Derived values"), "the text goes to standard error: " + r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("patient", root.at("/tool/command").asText());
        assertEquals("serum creatinine 124 µmol/L", root.at("/patient/kidney").asText());
        assertEquals(9, root.at("/patient/child_pugh_score").asInt());
        assertEquals("B", root.at("/patient/child_pugh_class").asText());
        assertEquals("clarithromycin", root.at("/patient/co_medications/0").asText());
        Patient p = new Patient(72, 70, 175, org.ketaminepk.patient.Sex.FEMALE).withSerumCreatinineUmolPerL(124)
                .withChildPugh(new ChildPughComponents(2.5, ChildPughComponents.BilirubinUnit.MG_PER_DL, 31,
                        ChildPughComponents.AlbuminUnit.G_PER_L, 1.8, Ascites.SLIGHT, Encephalopathy.NONE))
                .withCoMedication(CoMedication.CLARITHROMYCIN);
        PatientReport lib = PatientReport.of(p, Models.RACEMIC_COMPOSITE);
        JsonNode derived = root.get("derived");
        assertEquals(lib.derived().size(), derived.size());
        for (int i = 0; i < derived.size(); i++) {
            PatientReport.Quantity q = lib.derived().get(i);
            assertEquals(q.name(), derived.get(i).get("name").asText());
            assertEquals(q.unit(), derived.get(i).get("unit").asText());
            assertEquals(q.value(), derived.get(i).get("value").asDouble(), 1e-12);
            assertEquals(q.method(), derived.get(i).get("method").asText());
        }
        JsonNode model = root.at("/models/0");
        assertEquals("racemic-composite", model.get("id").asText());
        assertTrue(model.get("parameters").size() > 0);
        for (JsonNode a : model.get("adjustments")) {
            assertFalse(a.get("reason").asText().isBlank());
            assertFalse(a.get("source").asText().isBlank());
            assertEquals(a.get("patient_value").asDouble() / a.get("typical_value").asDouble(),
                    a.get("factor").asDouble(), 1e-12);
        }
        assertTrue(model.at("/ketamine_liver_70kg_reference/patient/clearance_L_per_h").asDouble()
                < model.at("/ketamine_liver_70kg_reference/typical/clearance_L_per_h").asDouble(),
                "liver disease and clarithromycin lower ketamine clearance");

        Path file = dir.resolve("p.json");
        Cli.Result f = Cli.run("patient", "--age", "72", "--json", file.toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(f.out().contains("Derived values"), "the text stays on standard output with a file");
        assertEquals(72, new ObjectMapper().readTree(Files.readString(file)).at("/patient/age_years").asInt());
    }

    @Test
    void helpDescribesEveryPatientOption() {
        Cli.Result r = Cli.run("patient", "--help");
        assertEquals(0, r.code());
        for (String key : PatientFields.KEYS.keySet()) {
            assertTrue(r.out().contains("--" + key + "="), key + " in:\n" + r.out());
        }
        assertTrue(r.out().contains("Examples:\n  ketamine-pk patient "), r.out());
    }
}
