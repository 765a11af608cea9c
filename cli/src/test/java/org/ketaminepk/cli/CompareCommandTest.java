package org.ketaminepk.cli;

import org.ketaminepk.cli.options.PatientFields;
import org.ketaminepk.cli.options.PatientSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: every protocol for every patient, side by side, long-format CSV. */
class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void twoProtocolsSideBySideOnOneGridAndChart() throws Exception {
        Path png = dir.resolve("c.png");
        Cli.Result r = Cli.run("compare", "--model", Cli.MODEL, "--protocol", "crps-schwartzman-2009", "--protocol",
                "crps-cohen-2018", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        String header = r.out().lines().filter(l -> l.contains("crps-schwartzman-2009")).findFirst().orElseThrow();
        assertTrue(header.contains("crps-cohen-2018"), header);
        // one grid for both: the later end (Schwartzman, 220 h) plus 24 h
        assertTrue(r.out().contains("0 to 244 h (10 d 4 h) every 1 min"), r.out());
        assertTrue(r.out().contains("ketamine Cmax (ng/mL)"), r.out());
        assertTrue(r.out().contains("ketamine to below band (h)"), r.out());
        assertTrue(r.out().contains("doses (total mg)"), r.out());
        assertTrue(r.out().contains("10 (980 mg)") && r.out().contains("1 (2112 mg)"), r.out());
        assertTrue(ImageIO.read(png.toFile()) != null, "a PNG image");
    }

    @Test
    void patientsBecomeSeriesAndLabelsAreQuotedInCsv() throws Exception {
        Path csv = dir.resolve("c.csv");
        Cli.Result r = Cli.run("compare", "--model", Cli.MODEL, "--protocol", "depression-zarate-2006", "--patient",
                "age=30", "--patient", "age=60,weight=60", "--csv", csv.toString(), "--duration", "2h");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("series,time_h,ketamine_ng_per_mL,norketamine_ng_per_mL", lines.get(0));
        assertEquals(1 + 2 * 121, lines.size());
        assertTrue(lines.get(1).startsWith("age=30,0,"), lines.get(1));
        assertTrue(lines.get(122).startsWith("\"age=60,weight=60\",0,"), lines.get(122));
        // 0.5 mg/kg: 35 mg at 70 kg, 30 mg at 60 kg
        assertTrue(r.out().contains("1 (35 mg)") && r.out().contains("1 (30 mg)"), r.out());
    }

    @Test
    void protocolsTimesPatientsAndTheDoseSet() throws Exception {
        Path json = dir.resolve("c.json");
        Cli.Result r = Cli.run("compare", "--model", Cli.MODEL, "--protocol", "pain-start-cohen-2018", "--dose",
                "bolus 20 mg", "--patient", "weight=50", "--patient", "weight=100", "--json", json.toString(),
                "--duration", "4h");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("compare", root.at("/tool/command").asText());
        JsonNode s = root.at("/series");
        assertEquals(4, s.size());
        assertEquals("pain-start-cohen-2018 · weight=50", s.at("/0/label").asText());
        assertEquals("pain-start-cohen-2018 · weight=100", s.at("/1/label").asText());
        assertEquals("bolus 20 mg · weight=50", s.at("/2/label").asText());
        assertEquals(100, s.at("/3/patient/weight_kg").asDouble());
        // the same dose in a heavier patient (larger V1 per kg) gives a lower peak
        assertTrue(s.at("/3/metrics/ketamine/cmax_ng_per_mL").asDouble()
                < s.at("/2/metrics/ketamine/cmax_ng_per_mL").asDouble());
    }

    @Test
    void theSameProtocolTwiceIsRefused() {
        Cli.Result r = Cli.run("compare", "--model", Cli.MODEL, "--protocol", "crps-cohen-2018", "--protocol",
                "crps-cohen-2018", "--csv", "-", "--duration", "1h", "--step", "30min");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--protocol crps-cohen-2018 repeats --protocol crps-cohen-2018"), r.err());
    }

    @Test
    void everyDoseIsItsOwnSeriesAcrossRoutes() throws Exception {
        Path json = dir.resolve("routes.json");
        Cli.Result r = Cli.run("compare", "--dose", "0.5 mg/kg over 40 min", "--dose", "intranasal 35 mg", "--dose",
                "oral 35 mg", "--dose", "sublingual 35 mg", "--duration", "2h", "--step", "10min", "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(json.toFile()).at("/series");
        assertEquals(4, s.size());
        assertEquals("0.5 mg/kg over 40 min", s.at("/0/label").asText());
        assertEquals("sublingual 35 mg", s.at("/3/label").asText());
    }

    @Test
    void namedSeriesAndRepeatedModelsMakeACrossProduct() throws Exception {
        Path json = dir.resolve("x.json");
        Cli.Result r = Cli.run("compare", "--model", "kamp-2020", "--model", Cli.MODEL, "--series",
                "IV: 0.5 mg/kg over 40 min", "--series", "load: bolus 10 mg; 10 mg over 30 min at 1 h", "--duration",
                "2h", "--step", "10min", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(json.toFile()).at("/series");
        assertEquals(4, s.size());
        assertEquals("IV · kamp-2020", s.at("/0/label").asText());
        assertEquals("IV · " + Cli.MODEL, s.at("/1/label").asText());
        assertEquals("load · kamp-2020", s.at("/2/label").asText());
        assertEquals(2, s.at("/2/regimen/doses").size(), s.at("/2").toString());

        Cli.Result models = Cli.run("compare", "--model", "kamp-2020", "--model", Cli.MODEL, "--dose", "bolus 20 mg",
                "--duration", "1h", "--step", "10min");
        assertEquals(0, models.code(), models.err());
        assertTrue(models.out().contains("kamp-2020") && models.out().contains(Cli.MODEL), models.out());
    }

    @Test
    void aSeriesGivenTwiceOrUnnamedIsRefused() {
        Cli.Result same = Cli.run("compare", "--model", Cli.MODEL, "--series", "a: bolus 20 mg", "--dose",
                "bolus  20 MG", "--duration", "1h");
        assertEquals(2, same.code(), same.out());
        assertTrue(same.err().contains("--series \"a: bolus 20 mg\" repeats --dose \"bolus  20 MG\""), same.err());
        Cli.Result name = Cli.run("compare", "--model", Cli.MODEL, "--series", "a: bolus 20 mg", "--series",
                "A: bolus 30 mg", "--duration", "1h");
        assertEquals(2, name.code(), name.out());
        assertTrue(name.err().contains("has the same name"), name.err());
        Cli.Result unnamed = Cli.run("compare", "--model", Cli.MODEL, "--series", "bolus 20 mg", "--series",
                "b: bolus 30 mg", "--duration", "1h");
        assertEquals(2, unnamed.code(), unnamed.out());
        assertTrue(unnamed.err().contains("expected LABEL: DOSE"), unnamed.err());
        Cli.Result model = Cli.run("compare", "--model", Cli.MODEL, "--model", Cli.MODEL, "--dose", "bolus 20 mg",
                "--dose", "bolus 30 mg", "--duration", "1h");
        assertEquals(2, model.code(), model.out());
        assertTrue(model.err().contains("--model " + Cli.MODEL + " was given twice"), model.err());
    }

    @Test
    void aProtocolFileIsNamedByItsNameLineWithoutTheByteOrderMark() throws Exception {
        Path file = dir.resolve("my-file.txt");
        Files.write(file, ("\uFEFFNight shift\nbolus 20 mg\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path json = dir.resolve("f.json");
        Cli.Result r = Cli.run("compare", "--model", Cli.MODEL, "--protocol", file.toString(), "--dose",
                "bolus 30 mg", "--duration", "1h", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(json.toFile()).at("/series");
        assertEquals("Night shift", s.at("/0/label").asText());
        Cli.Result twice = Cli.run("compare", "--model", Cli.MODEL, "--protocol", file.toString(), "--protocol",
                dir.resolve(".").resolve("my-file.txt").toString(), "--duration", "1h");
        assertEquals(2, twice.code(), twice.out());
        assertTrue(twice.err().contains("each series may be given once"), twice.err());
    }

    @Test
    void warningsCommonToAllSeriesArePrintedOnce() {
        // domino-1984 predicts ketamine only: the note holds for both series
        Cli.Result r = Cli.run("compare", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--dose", "bolus 30 mg",
                "--duration", "1h", "--step", "10min");
        assertEquals(0, r.code(), r.err());
        String note = "predicts ketamine only";
        assertEquals(r.out().indexOf(note), r.out().lastIndexOf(note), r.out());
        assertTrue(r.out().contains("[all series]"), r.out());
    }

    @Test
    void simulateRefusesSeveralModels() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--model", "kamp-2020", "--dose", "bolus 20 mg");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("use 'ketamine-pk compare'"), r.err());
    }

    @Test
    void compareHelpMentionsTheAcceptedPatientKeys() {
        Cli.Result r = Cli.run("compare", "--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        for (String key : PatientFields.KEYS.keySet()) {
            assertTrue(help.contains(" " + key + " ") || help.contains(" " + key + ",")
                    || help.contains(" " + key + " ("), key + " in:\n" + r.out());
        }
        assertEquals("age, weight, height, sex, creatinine, egfr, clcr, child-pugh, bilirubin, albumin, inr, "
                + "ascites, encephalopathy, cyp2b6, comed", PatientSpec.acceptedKeys());
    }

    /**
     * A chart holds seven series: eight --dose with --plot printed the whole comparison, then failed with "plot series
     * must number between 1 and 7 but was 8", naming no option. It is refused before anything runs.
     */
    @Test
    void moreSeriesThanAChartHoldsAreRefusedBeforeTheRun(@TempDir Path tmp) {
        List<String> args = new ArrayList<>(List.of("compare", "--model", Cli.MODEL));
        for (int i = 1; i <= 8; i++) {
            args.addAll(List.of("--dose", "bolus " + i + " mg"));
        }
        args.addAll(List.of("--plot", tmp.resolve("c.png").toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("error: --plot draws at most 7 series but there are 8 (8 sources × 1 model × 1 patient); compare "
                + "fewer series or leave out --plot\n", r.err());
        Cli.Result crossed = Cli.run("compare", "--dose", "bolus 1 mg", "--dose", "bolus 2 mg", "--model", Cli.MODEL,
                "--model", "kamp-2020", "--patient", "age=30", "--patient", "age=50", "--plot", tmp.resolve("x.png")
                        .toString());
        assertEquals(2, crossed.code(), crossed.err());
        assertTrue(crossed.err().contains("but there are 8 (2 sources × 2 models × 2 patients)"), crossed.err());
    }
}
