package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminepk.cli.options.PopulationOptions;

/** {@code simulate --population}: distributions, probabilities, bands and files, and refusals of bad input. */
class PopulationCommandTest {
    /** A model that publishes between-patient variability. */
    static final String VARYING_MODEL = "otto-2021";
    /** A model with clearances that publishes no variability. */
    static final String UNVARYING_MODEL = "kamp-2020";
    static final String[] SHORT_RUN = {"simulate", "--model", VARYING_MODEL, "--dose", "0.5 mg/kg over 40 min",
        "--duration", "6h", "--step", "5min"};

    @TempDir
    Path dir;

    static String[] args(String... more) {
        String[] out = Arrays.copyOf(SHORT_RUN, SHORT_RUN.length + more.length);
        System.arraycopy(more, 0, out, SHORT_RUN.length, more.length);
        return out;
    }

    /**
     * A population of which some patients are read on the grid (rates that nearly coincide) does not carry the
     * typical patient's "exact" note: its notes, and so the chart's caption, say what holds for the population.
     */
    @Test
    void aPopulationPartlyReadOnTheGridIsNotCalledExact() throws Exception {
        String[] run = {"simulate", "--model", VARYING_MODEL, "--dose", "0.5 mg/kg over 40 min", "--population",
            "2000", "--reference-population", "us-adults", "--duration", "12h"};
        Cli.Result json = Cli.run(Stream.concat(Arrays.stream(run), Stream.of("--json", "-")).toArray(String[]::new));
        assertEquals(0, json.code(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode doc = root.get("population");
        int exact = doc.get("patients_with_exact_metrics").asInt();
        // the premise: the typical patient is exact, some virtual patients are not
        assertTrue(exact < doc.get("patients").asInt() && exact > 0, "exact patients: " + exact);
        List<String> notes = new ArrayList<>();
        root.get("notes").forEach(n -> notes.add(n.asText()));
        assertFalse(notes.stream().anyMatch(n -> n.startsWith("Cmax, Tmax, AUC, time in band and when the band")),
                notes::toString);
        assertTrue(notes.contains(doc.get("metrics_method").asText()), notes::toString);
        Cli.Result text = Cli.run(run);
        assertEquals(0, text.code(), text.err());
        assertFalse(text.out().replaceAll("\\s+", " ").contains("are exact: found on the continuous curve"),
                text.out());
        String method = doc.get("metrics_method").asText();
        // said once, under the distributions
        assertEquals(text.out().indexOf("are exact for " + String.format(java.util.Locale.ROOT, "%,d", exact)),
                text.out().lastIndexOf("are exact for " + String.format(java.util.Locale.ROOT, "%,d", exact)),
                () -> method + "\n" + text.out());
    }

    /** Whether Cmax, Tmax and band hours were found exactly or read on the grid is said, in text and JSON. */
    @Test
    void saysHowTheMetricsWereFound() throws Exception {
        Cli.Result exact = Cli.run(args("--population", "20", "--json", "-"));
        assertEquals(0, exact.code(), exact.err());
        JsonNode doc = new ObjectMapper().readTree(exact.out()).get("population");
        assertEquals(doc.get("patients").asInt(), doc.get("patients_with_exact_metrics").asInt());
        assertTrue(doc.get("metrics_method").asText().contains("exact for every patient"), exact.out());
        // simons-2022's transit chains have equal rates: the dense solver, metrics on the grid
        Cli.Result grid = Cli.run("simulate", "--model", "simons-2022", "--dose", "20 mg sublingual", "--population",
                "20", "--duration", "12h");
        assertEquals(0, grid.code(), grid.err());
        assertTrue(grid.out().contains("Cmax, Tmax and hours in a band are read on the output grid (1 min steps) "
                + "for every patient"), grid.out());
        assertFalse(grid.out().contains("exact for every patient"), grid.out());
    }

    @Test
    void populationRunWritesTextBandsPatientsJsonAndChart() throws Exception {
        Path csv = dir.resolve("bands.csv");
        Path pop = dir.resolve("patients.csv");
        Path json = dir.resolve("pop.json");
        Path png = dir.resolve("pop.png");
        Cli.Result r = Cli.run(args("--population", "40", "--seed", "7", "--csv", csv.toString(),
                "--population-csv", pop.toString(), "--json", json.toString(), "--plot", png.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Distribution over 40 virtual patients"), r.out());
        assertTrue(r.out().contains("5th–95th percentile"), r.out());
        assertTrue(r.out().contains("ketamine Cmax above 160 ng/mL"), r.out());
        assertTrue(r.out().contains("norketamine Cmax above 160 ng/mL"), r.out());
        assertTrue(r.out().contains("published by Otto"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());

        List<String> bands = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time_h,ketamine_p05_ng_per_mL,ketamine_p25_ng_per_mL,ketamine_p50_ng_per_mL,"
                + "ketamine_p75_ng_per_mL,ketamine_p95_ng_per_mL,norketamine_p05_ng_per_mL,norketamine_p25_ng_per_mL,"
                + "norketamine_p50_ng_per_mL,norketamine_p75_ng_per_mL,norketamine_p95_ng_per_mL", bands.get(0));
        assertEquals(6 * 12 + 1 + 1, bands.size());
        // at the end of the infusion the 5th percentile is below the median, the median below the 95th
        String[] row = bands.get(9).split(",");
        assertTrue(Double.parseDouble(row[1]) < Double.parseDouble(row[3]));
        assertTrue(Double.parseDouble(row[3]) < Double.parseDouble(row[5]));

        List<String> patients = Files.readAllLines(pop, StandardCharsets.UTF_8);
        assertEquals(41, patients.size());
        assertTrue(patients.get(0).startsWith("patient,age_years,weight_kg,height_cm,sex,ketamine_cmax_ng_per_mL"),
                patients.get(0));
        // Otto 2021's four random effects close each row; drawn with mean 0, they spread both ways
        assertTrue(patients.get(0).endsWith(",eta_V1,eta_CL,eta_Vn,eta_CLn"), patients.get(0));
        int columns = patients.get(0).split(",").length;
        double etaSum = 0;
        boolean negative = false;
        boolean positive = false;
        for (String line : patients.subList(1, patients.size())) {
            String[] cells = line.split(",");
            assertEquals(columns, cells.length, line);
            double eta = Double.parseDouble(cells[columns - 3]);
            negative |= eta < 0;
            positive |= eta > 0;
            etaSum += eta;
        }
        assertTrue(negative && positive && Math.abs(etaSum / 40) < 0.2, "η of CL: mean " + etaSum / 40);

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(40, j.at("/population/patients").asInt());
        assertEquals(7, j.at("/population/seed").asLong());
        assertFalse(j.at("/variability/user_assumption").asBoolean());
        assertEquals(40, j.get("patients").size());
        assertEquals(bands.size() - 1, j.at("/percentile_bands/time_h").size());
        assertEquals(3, j.get("probabilities").size());
        assertTrue(Files.size(png) > 10_000);
    }

    /** Drawn weights outside the model's range are one warning line with their range, not one line per patient. */
    @Test
    void patientsOwnValuesOutsideTheModelsRangeAreOneLineEach() {
        Cli.Result r = Cli.run(args("--population", "200", "--seed", "3", "--vary", "weight=50..130,age=20..80"));
        assertEquals(0, r.code(), r.err());
        List<String> weight = r.out().lines().filter(l -> l.startsWith("warning: weight")).toList();
        assertEquals(1, weight.size(), r.out());
        assertTrue(weight.get(0).matches("warning: weight 9\\d\\.\\d+–1[23]\\d(\\.\\d+)? kg is outside the 46–97 kg.*"),
                weight.get(0));
        // one line for ages outside the model's range, one for the hepatic-flow adjustment of those above 60
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("warning: age") && l.contains("is outside")).count(),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("warning: age 6\\d\\.\\d+–\\d+(\\.\\d+)? years: hepatic flow "
                + "×0\\.\\d+–0\\.\\d+ .*")), r.out());
        assertTrue(!r.out().contains("more distinct warnings"), r.out());
    }

    @Test
    void theSameSeedGivesTheSamePopulationAndAnotherSeedAnother() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertEquals(0, Cli.run(args("--population", "30", "--seed", "1", "--population-csv", a.toString())).code());
        assertEquals(0, Cli.run(args("--population", "30", "--seed", "1", "--population-csv", b.toString())).code());
        assertEquals(0, Cli.run(args("--population", "30", "--seed", "2", "--population-csv", c.toString())).code());
        assertEquals(Files.readString(a), Files.readString(b));
        assertNotEquals(Files.readString(a), Files.readString(c));
    }

    @Test
    void withoutPopulationTheTypicalCurveIsUnchanged() {
        Cli.Result plain = Cli.run(SHORT_RUN);
        assertEquals(0, plain.code(), plain.err());
        assertFalse(plain.out().contains("virtual patients"));
        assertTrue(plain.out().contains("Cmax (ng/mL)"));
    }

    @Test
    void aModelWithoutPublishedVariabilityIsRefusedAndPointedToIiv() {
        Path png = dir.resolve("p.png");
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kg over 40 min", "--population",
                "20", "--plot", png.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("publishes no between-patient variability"), r.err());
        assertTrue(r.err().contains("--iiv"), r.err());
        assertFalse(Files.exists(png));
    }

    @Test
    void assumedVariabilityIsLabelledAUserAssumptionEverywhere() throws Exception {
        Path json = dir.resolve("iiv.json");
        Path pop = dir.resolve("iiv.csv");
        Cli.Result r = Cli.run("simulate", "--model", UNVARYING_MODEL, "--dose", "0.5 mg/kg over 40 min",
                "--duration", "4h", "--step", "5min", "--population", "25", "--iiv", "CL=30%,V1=40%", "--json", json.toString(),
                "--population-csv", pop.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("user assumption CL CV 30 %, V1 CV 40 %"), r.out());
        assertTrue(r.out().contains("note: between-patient variability is partly or wholly a user assumption"),
                r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.at("/variability/user_assumption").asBoolean());
        assertTrue(j.at("/variability/label").asText().contains("user assumption"));
        // a CV of 30 % on clearance spreads the AUC
        double p05 = Double.NaN;
        double p95 = Double.NaN;
        for (JsonNode d : j.get("distributions")) {
            if (d.get("metric").asText().equals("auc")) {
                p05 = d.get("p05").asDouble();
                p95 = d.get("p95").asDouble();
            }
        }
        assertTrue(p95 > 1.3 * p05, p05 + " " + p95);
    }

    @Test
    void assumedVariabilityMustNameAParameterOfTheModel() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kg over 40 min", "--population",
                "20", "--iiv", "Q9=30%");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("--iiv") && r.err().contains("Q9"), r.err());
    }

    @Test
    void varyDrawsCovariatesWithinTheGivenRanges() throws Exception {
        Path pop = dir.resolve("vary.csv");
        Cli.Result r = Cli.run(args("--population", "50", "--vary", "weight=50..120,age=20..80,male=0.5",
                "--population-csv", pop.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("covariates drawn"), r.out());
        List<String> rows = Files.readAllLines(pop);
        List<Double> weights = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            double w = Double.parseDouble(row.split(",")[2]);
            double age = Double.parseDouble(row.split(",")[1]);
            assertTrue(w >= 50 && w <= 120, row);
            assertTrue(age >= 20 && age <= 80, row);
            weights.add(w);
        }
        assertTrue(weights.stream().distinct().count() > 40);
    }

    @Test
    void referencePopulationDrawsUsAdults() {
        Cli.Result r = Cli.run(args("--population", "30", "--reference-population", "us-adults"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("NHANES"), r.out());
    }

    /**
     * --vary, --reference-population and --patients give every virtual patient, so a patient option beside them would
     * change nothing (it once changed only the printed dose of a typical patient who was not simulated): refused, in
     * simulate and in compare, before anything runs.
     */
    @ParameterizedTest
    @MethodSource("patientOptionsBesideACovariateSource")
    void aPatientOptionBesideACovariateSourceIsRefused(String command, List<String> source, List<String> option)
            throws Exception {
        Path file = dir.resolve("cohort.csv");
        Files.writeString(file, "age,weight,height,sex\n30,60,165,female\n70,95,180,male\n");
        List<String> a = new ArrayList<>(command.equals("simulate") ? List.of(args())
                : List.of("compare", "--model", VARYING_MODEL, "--dose", "bolus 20 mg", "--dose", "bolus 40 mg",
                        "--duration", "6h", "--step", "5min"));
        a.addAll(source.stream().map(t -> t.replace("FILE", file.toString())).toList());
        a.addAll(option);
        Path csv = dir.resolve("bands.csv");
        a.addAll(List.of("--csv", csv.toString()));
        Cli.Result r = Cli.run(a.toArray(new String[0]));
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: " + option.get(0) + " " + option.get(1) + " does not go with "
                + source.get(0)), r.err());
        assertFalse(Files.exists(csv));
    }

    static Stream<Arguments> patientOptionsBesideACovariateSource() {
        // the source option first, so the message can be matched on it
        List<List<String>> sources = List.of(List.of("--vary", "age=normal(45,12)", "--population", "20"),
                List.of("--reference-population", "us-adults", "--population", "20"), List.of("--patients", "FILE"));
        List<List<String>> options = List.of(List.of("--weight", "90"), List.of("--creatinine", "1.4mg/dL"),
                List.of("--cyp2b6", "*6/*6"), List.of("--comed", "rifampicin"), List.of("--age", "80"));
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (String command : List.of("simulate", "compare")) {
            for (List<String> source : sources) {
                out.add(Arguments.of(command, source, options.get(i++ % options.size())));
            }
        }
        return out.stream();
    }

    /**
     * '--patients FILE' ran a file of 100,001 patients (and would have run up to the library's 10 million) while
     * '--population' stops at 100,000: the same population, given row by row, passed a limit it could not pass as a
     * number. The file is now held to the same limit, and the refusal says how many rows it holds.
     */
    @Test
    void aPatientsFileIsHeldToThePopulationLimit() throws Exception {
        Path file = dir.resolve("cohort.csv");
        StringBuilder b = new StringBuilder("age,weight,height,sex\n");
        for (int i = 0; i < PopulationOptions.MAX_PATIENTS + 5; i++) {
            b.append(i % 2 == 0 ? "30,60,165,female\n" : "# a comment between patients\n50,80,175,male\n");
        }
        Files.writeString(file, b);
        Cli.Result r = Cli.run(args("--patients", file.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("error: --patients '" + file + "': the file holds 100005 patients (rows after the header) but "
                + "may hold at most 100000; patient 100001 is on line 150002\n", r.err());
    }

    @Test
    void patientsFromAFile() throws Exception {
        Path file = dir.resolve("cohort.csv");
        Files.writeString(file, "age,weight,height,sex\n30,60,165,female\n70,95,180,male\n50,80,175,male\n");
        Path pop = dir.resolve("out.csv");
        Cli.Result r = Cli.run(args("--patients", file.toString(), "--population-csv", pop.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 virtual patients"), r.out());
        List<String> rows = Files.readAllLines(pop);
        assertEquals(4, rows.size());
        String[] second = rows.get(2).split(",");
        assertEquals(List.of(2.0, 70.0, 95.0, 180.0), List.of(Double.parseDouble(second[0]),
                Double.parseDouble(second[1]), Double.parseDouble(second[2]), Double.parseDouble(second[3])));
        assertEquals("male", second[4]);
    }

    @Test
    void askedProbabilitiesReplaceTheDefaults() {
        Cli.Result r = Cli.run(args("--population", "30", "--probability", "cmax>300", "--probability",
                "hours>=0.5"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ketamine Cmax above 300 ng/mL"), r.out());
        assertTrue(r.out().contains("for at least 0.5 h"), r.out());
        assertFalse(r.out().contains("norketamine Cmax above"), r.out());
    }

    /**
     * Percentiles of too few patients are left out everywhere: "–" in the distributions, a note in the text and the
     * JSON, empty CSV cells and JSON nulls (the columns stay), and no band on the chart.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 12, 20})
    void percentilesOfTooFewPatientsAreLeftOutWithTheReason(int n) throws Exception {
        Path csv = dir.resolve("few.csv");
        Path json = dir.resolve("few.json");
        Path png = dir.resolve("few.png");
        Cli.Result r = Cli.run(args("--population", String.valueOf(n), "--csv", csv.toString(), "--json",
                json.toString(), "--plot", png.toString()));
        assertEquals(0, r.code(), r.err());
        String text = r.out().replaceAll("\\s+", " ");
        boolean outer = n >= 20;
        boolean inner = n >= 4;
        String note = !inner ? "50 % and 90 % bands not drawn: " + n + " patients, at least 4 and 20 needed; the "
                + "5th, 25th, 75th and 95th percentiles are left out" : "90 % band not drawn: " + n + " patients, at "
                + "least 20 needed; the 5th and 95th percentiles are left out";
        assertEquals(!outer, text.contains(note), text);
        String cmax = r.out().lines().filter(l -> l.contains("ketamine") && l.contains("Cmax")).findFirst()
                .orElseThrow();
        assertEquals(outer, cmax.matches(".*\\d–\\d.*"), cmax);

        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(rows.get(0).split(",", -1));
        String[] row = rows.get(20).split(",", -1);
        assertEquals(header.size(), row.length, rows.get(20));
        assertEquals(outer, !row[header.indexOf("ketamine_p05_ng_per_mL")].isEmpty(), rows.get(20));
        assertEquals(outer, !row[header.indexOf("norketamine_p95_ng_per_mL")].isEmpty(), rows.get(20));
        assertEquals(inner, !row[header.indexOf("ketamine_p25_ng_per_mL")].isEmpty(), rows.get(20));
        assertTrue(Double.parseDouble(row[header.indexOf("ketamine_p50_ng_per_mL")]) > 0, rows.get(20));

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(outer, doc.at("/percentile_bands/ketamine_ng_per_mL/p05").isArray(), doc::toString);
        assertEquals(inner, doc.at("/percentile_bands/ketamine_ng_per_mL/p75").isArray(), doc::toString);
        assertTrue(doc.at("/percentile_bands/ketamine_ng_per_mL/p50").isArray());
        assertEquals(20, doc.at("/percentile_bands/patients_needed/p95").asInt());
        assertEquals(outer, doc.at("/distributions/0/p05").isNumber(), doc::toString);
        assertTrue(doc.at("/distributions/0/p05").isNumber() || doc.at("/distributions/0/p05").isNull());
        boolean noted = false;
        for (JsonNode x : doc.get("notes")) {
            noted |= x.asText().startsWith(note);
        }
        assertEquals(!outer, noted, doc.get("notes")::toString);
        assertTrue(Files.size(png) > 0);
        assertFalse(r.out().contains("NaN"), r.out());
    }

    /** The effect's spread at its median peak: the 90 % range of 10 patients is left out, the 50 % range stays. */
    @Test
    void theEffectsSpreadOfTooFewPatientsIsLeftOut() throws Exception {
        Cli.Result r = Cli.run(args("--population", "10", "--effect", "antinociception"));
        assertEquals(0, r.code(), r.err());
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("then the middle 50 % of patients lie between"), text);
        assertFalse(text.contains("middle 90 %"), text);
        Cli.Result many = Cli.run(args("--population", "20", "--effect", "antinociception"));
        assertTrue(many.out().replaceAll("\\s+", " ").contains("then the middle 90 % of patients lie between"),
                many.out());
        // the effect's band columns follow the same rule as the concentrations'
        Path csv = dir.resolve("effect.csv");
        assertEquals(0, Cli.run(args("--population", "10", "--effect", "antinociception", "--csv", csv.toString()))
                .code());
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(rows.get(0).split(",", -1));
        String[] row = rows.get(10).split(",", -1);
        int p05 = header.indexOf("effect_fraction_of_the_maximal_effect_p05");
        assertTrue(p05 > 0, rows.get(0));
        assertTrue(row[p05].isEmpty() && row[p05 + 4].isEmpty(), rows.get(10));
        assertFalse(row[p05 + 1].isEmpty() || row[p05 + 2].isEmpty() || row[p05 + 3].isEmpty(), rows.get(10));
    }

    @Test
    void hoursLongerThanTheRunAreRefusedWithTheRunsLength() {
        Path png = dir.resolve("long.png");
        Cli.Result r = Cli.run(args("--population", "20", "--probability", "hours>=8", "--plot", png.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --probability hours>=8: 8 h is longer than the simulated 6 h; give H above 0 and at "
                + "most 6 h (or a longer --duration)", r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(png));
        // the whole run is still a valid threshold, and the ceiling of a level as the message writes it
        assertEquals(0, Cli.run(args("--population", "20", "--probability", "hours>=6")).code());
        Cli.Result ceiling = Cli.run(args("--population", "20", "--probability", "cmax>1e7"));
        assertEquals(0, ceiling.code(), ceiling.err());
        assertTrue(ceiling.out().contains("ketamine Cmax above 10000000 ng/mL"), ceiling.out());
    }

    @Test
    void observedLikeNeedsAPublishedResidualError() {
        Cli.Result r = Cli.run("simulate", "--model", UNVARYING_MODEL, "--dose", "0.5 mg/kg over 40 min",
                "--population", "20", "--iiv", "CL=30%", "--observed-like", "--csv", dir.resolve("b.csv").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("--observed-like") && r.err().contains("publishes none for ketamine"), r.err());
        assertFalse(Files.exists(dir.resolve("b.csv")), "no file is left after the refusal");
    }

    @Test
    void observedLikeBandsAreWiderThanPredictions() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path observed = dir.resolve("observed.csv");
        assertEquals(0, Cli.run(args("--population", "200", "--csv", plain.toString())).code());
        Cli.Result r = Cli.run(args("--population", "200", "--observed-like", "--csv", observed.toString()));
        assertEquals(0, r.code(), r.err());
        // two hours in: the 5th-95th percentile spread of ketamine, without and with residual error
        String[] p = Files.readAllLines(plain).get(25).split(",");
        String[] o = Files.readAllLines(observed).get(25).split(",");
        double spreadPlain = Double.parseDouble(p[5]) - Double.parseDouble(p[1]);
        double spreadObserved = Double.parseDouble(o[5]) - Double.parseDouble(o[1]);
        assertTrue(spreadObserved > spreadPlain, spreadPlain + " " + spreadObserved);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--population", "0"), "--population"),
                Arguments.of(List.of("--population", "-5"), "--population"),
                Arguments.of(List.of("--population", "1e9"), "--population"),
                Arguments.of(List.of("--population", "1000000000"), "--population"),
                Arguments.of(List.of("--population", "2.5"), "--population"),
                Arguments.of(List.of("--population", "ten"), "--population"),
                Arguments.of(List.of("--population", "20", "--iiv", "CL=-3%"), "--iiv"),
                Arguments.of(List.of("--population", "20", "--iiv", "CL=30"), "--iiv"),
                Arguments.of(List.of("--population", "20", "--vary", "weight=abc"), "--vary"),
                Arguments.of(List.of("--population", "20", "--vary", "weight=120..50"), "--vary"),
                Arguments.of(List.of("--population", "20", "--vary", "shoe=42"), "--vary"),
                Arguments.of(List.of("--population", "20", "--reference-population", "mars"),
                        "--reference-population"),
                Arguments.of(List.of("--population", "20", "--probability", "cmax<3"), "--probability"),
                // longer than the 6 h run, trivially true, negative or not a number
                Arguments.of(List.of("--population", "20", "--probability", "hours>=7"), "--probability hours>=7"),
                Arguments.of(List.of("--population", "20", "--probability", "hours>=0"), "--probability"),
                Arguments.of(List.of("--population", "20", "--probability", "hours>=-1"), "--probability"),
                Arguments.of(List.of("--population", "20", "--probability", "hours>=NaN"), "--probability"),
                Arguments.of(List.of("--population", "20", "--probability", "cmax>0"), "--probability"),
                Arguments.of(List.of("--population", "20", "--probability", "cmax>NaN"), "--probability"),
                Arguments.of(List.of("--population", "20", "--probability", "cmax>1.5e7"), "at most 1e7"),
                Arguments.of(List.of("--population", "20", "--probability", "hydroxynorketamine>5"),
                        "does not predict"),
                Arguments.of(List.of("--seed", "3"), "--population"),
                Arguments.of(List.of("--population", "20", "--seed", "abc"), "expected a whole number"),
                Arguments.of(List.of("--population", "20", "--seed", "99999999999999999999"), "--seed"),
                Arguments.of(List.of("--population", "20", "--explain"), "--explain"),
                Arguments.of(List.of("--population", "20", "--vary", "weight=50..90", "--reference-population",
                        "us-adults"), "choose one"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badInputIsOneLineExitTwoAndNoFile(List<String> bad, String named) {
        Path png = dir.resolve("bad.png");
        List<String> all = new ArrayList<>(List.of(SHORT_RUN));
        all.addAll(bad);
        all.addAll(List.of("--plot", png.toString()));
        Cli.Result r = Cli.run(all.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(named), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(png));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "age,weight,height\n30,60,165\n", "age,weight,height,sex\n30,60 kg,165,female\n",
        "age,weight,height,sex,creatinine\n30,60,165,female,1.1 furlongs\n", "age,weight,height,sex\n"})
    void aBadPatientFileIsOneLineExitTwoAndNoFile(String content) throws Exception {
        Path file = dir.resolve("cohort.csv");
        Files.writeString(file, content);
        Path png = dir.resolve("bad.png");
        Path pop = dir.resolve("bad.csv");
        List<String> all = new ArrayList<>(List.of(SHORT_RUN));
        all.addAll(List.of("--patients", file.toString(), "--plot", png.toString(), "--population-csv",
                pop.toString()));
        Cli.Result r = Cli.run(all.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("--patients"), r.err());
        assertFalse(Files.exists(png));
        assertFalse(Files.exists(pop));
    }

    @Test
    void aMissingPatientFileIsNamed() {
        Cli.Result r = Cli.run(args("--patients", dir.resolve("nope.csv").toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.csv") && r.err().contains("no such file"), r.err());
    }

    @Test
    void onlyOneOutputOnStandardOutput() {
        Cli.Result r = Cli.run(args("--population", "20", "--csv", "-", "--population-csv", "-"));
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
    }

    @Test
    void bandsCsvOnStandardOutputMovesTheSummaryToStandardError() {
        Cli.Result r = Cli.run(args("--population", "20", "--csv", "-"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("time_h,ketamine_p05_ng_per_mL"), r.out());
        assertTrue(r.err().contains("Distribution over 20 virtual patients"), r.err());
    }

    @Test
    void anAnalyteNoVariabilityReachesIsSaidToHaveABandWithoutWidth() {
        // the default composite publishes variability for norketamine only (Otto 2021's Vn and CLn)
        Cli.Result r = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--duration", "6h", "--step", "5min",
                "--population", "30");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ketamine: no between-patient variability reaches it"), r.out());
        assertTrue(r.out().contains("its band has no width"), r.out());
        assertFalse(r.out().contains("norketamine: no between-patient variability"), r.out());
        // a model whose variability reaches every analyte says nothing of the kind
        Cli.Result varying = Cli.run(args("--population", "30"));
        assertEquals(0, varying.code(), varying.err());
        assertFalse(varying.out().contains("band has no width"), varying.out());
        // patients whose covariates differ give ketamine a spread, and the note goes
        Cli.Result covariates = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--duration", "6h", "--step",
                "5min", "--population", "30", "--vary", "weight=50..120");
        assertEquals(0, covariates.code(), covariates.err());
        assertFalse(covariates.out().contains("band has no width"), covariates.out());
    }
    /**
     * A single run's chart says under its disclaimer how many stated assumptions its model rests on; a population's
     * chart and a comparison of populations gave the bare disclaimer, so a chart of the composite model travelled
     * without a word of its assumptions.
     */
    @Test
    void populationChartsSayHowManyAssumptionsTheirModelRestsOn() throws Exception {
        Path one = dir.resolve("one.svg");
        Cli.Result r = Cli.run("simulate", "--dose", "bolus 20 mg", "--population", "50", "--plot", one.toString());
        assertEquals(0, r.code(), r.err());
        Path two = dir.resolve("two.svg");
        Cli.Result c = Cli.run("compare", "--series", "a: bolus 20 mg", "--series", "b: bolus 30 mg", "--population",
                "50", "--plot", two.toString());
        assertEquals(0, c.code(), c.err());
        for (Path svg : List.of(one, two)) {
            String text = SvgText.words(Files.readString(svg));
            assertTrue(text.contains("not a dosing device. Model racemic-composite rests on 9 stated assumptions "
                    + "('ketamine-pk models racemic-composite')."), svg.toString());
        }
    }
}
