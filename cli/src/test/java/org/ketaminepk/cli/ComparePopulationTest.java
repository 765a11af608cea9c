package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * {@code compare --population}: every series given to the same virtual patients, the distributions and the paired
 * comparison in text, CSV and JSON, and the refusals.
 */
class ComparePopulationTest {
    /** Two doses of a linear model with published variability, the second twice the first. */
    static final String[] TWO_DOSES = {"compare", "--model", PopulationCommandTest.VARYING_MODEL, "--series",
        "low: 0.25 mg/kg over 40 min", "--series", "high: 0.5 mg/kg over 40 min", "--duration", "6h", "--step",
        "5min"};

    @TempDir
    Path dir;

    static String[] args(String... more) {
        String[] out = Arrays.copyOf(TWO_DOSES, TWO_DOSES.length + more.length);
        System.arraycopy(more, 0, out, TWO_DOSES.length, more.length);
        return out;
    }

    @Test
    void writesTextBandsPatientsJsonAndChartForEverySeries() throws Exception {
        Path csv = dir.resolve("bands.csv");
        Path pop = dir.resolve("patients.csv");
        Path json = dir.resolve("pop.json");
        Path png = dir.resolve("pop.png");
        Cli.Result r = Cli.run(args("--population", "40", "--seed", "7", "--csv", csv.toString(),
                "--population-csv", pop.toString(), "--json", json.toString(), "--plot", png.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertFalse(out.contains("NaN"), out);
        assertTrue(out.contains("Patients  40 virtual patients, seed 7, the same in every series; each 40 years"),
                out);
        assertTrue(out.contains("Paired    patient i has the same covariates and the same random effects of "
                + "otto-2021 in"), out);
        assertTrue(out.contains("  otto-2021: variability: V1, CL, Vn, CLn published by Otto et al. 2021"), out);
        // each metric on its own line, each series indented under it, in the order given
        assertTrue(out.contains("Distribution over 40 virtual patients, per series:\n  metric / series   median   "
                + "5th–95th percentile   geometric mean       CV\n"), out);
        assertTrue(out.matches("(?s).*\n  ketamine Cmax \\(ng/mL\\)\n    low  +\\d.*\n    high +\\d.*"), out);
        assertTrue(out.contains("\n  ketamine Cmax above 160 ng/mL\n    low "), out);
        assertTrue(out.contains("Paired comparison with low, patient by patient (ratio = series / low; higher: by "
                + "more than 1 part in\na million):\n  metric / series   ratio median   ratio 5th–95th   patients "
                + "higher\n"), out);
        assertTrue(out.contains("\n  ketamine AUC 0–6 h\n    high                    2.00        2.00–2.00      100.0 % (40)\n"),
                out);
        // the patients are the same: what the dose does not change is equal patient by patient
        assertTrue(out.contains("\n  ketamine Tmax\n    high                    1.00        1.00–1.00         0.0 % (0)\n"),
                out);

        List<String> bands = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("series,analyte,time_h,p05_ng_per_mL,p25_ng_per_mL,p50_ng_per_mL,p75_ng_per_mL,p95_ng_per_mL",
                bands.get(0));
        // two series × two analytes × 73 times
        assertEquals(2 * 2 * 73 + 1, bands.size());
        assertTrue(bands.get(1).startsWith("low,ketamine,0,"), bands.get(1));
        assertTrue(bands.get(2 * 73 + 1).startsWith("high,ketamine,0,"), bands.get(2 * 73 + 1));
        for (String row : bands.subList(1, bands.size())) {
            String[] c = row.split(",");
            for (int k = 4; k < c.length; k++) {
                assertTrue(Double.parseDouble(c[k - 1]) <= Double.parseDouble(c[k]), row);
            }
        }

        List<String> patients = Files.readAllLines(pop, StandardCharsets.UTF_8);
        assertEquals(2 * 40 + 1, patients.size());
        assertTrue(patients.get(0).startsWith("series,patient,age_years,weight_kg,height_cm,sex,"), patients.get(0));
        assertTrue(patients.get(0).endsWith(",eta_V1,eta_CL,eta_Vn,eta_CLn"), patients.get(0));
        for (int i = 1; i <= 40; i++) {
            String low = patients.get(i);
            String high = patients.get(40 + i);
            assertTrue(low.startsWith("low," + i + ","), low);
            assertTrue(high.startsWith("high," + i + ","), high);
            // one model, one seed: patient i draws the same random effects in both series
            assertEquals(tail(low, 4), tail(high, 4));
        }

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("compare --population", j.at("/tool/command").asText());
        assertEquals(40, j.at("/pairing/patients").asInt());
        assertTrue(j.at("/pairing/same_random_effects").asBoolean());
        assertEquals(2, j.get("series").size());
        assertEquals("high", j.at("/series/1/label").asText());
        assertEquals(40, j.at("/series/1/patients").size());
        assertEquals(bands.size() / 4, j.at("/series/0/percentile_bands/time_h").size());
        assertEquals(1, j.get("paired").size());
        assertEquals("low", j.at("/paired/0/reference").asText());
        assertEquals(7, j.at("/paired/0/metrics").size());
        assertTrue(Files.size(png) > 10_000);
    }

    private static String tail(String row, int cells) {
        String[] c = row.split(",");
        return String.join(",", Arrays.copyOfRange(c, c.length - cells, c.length));
    }

    @Test
    void twiceTheDoseOfALinearModelGivesEveryPatientTwiceTheAucAndCmax() throws Exception {
        Path json = dir.resolve("ratio.json");
        Cli.Result r = Cli.run(args("--population", "60", "--vary", "weight=50..120", "--json", json.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode metrics = new ObjectMapper().readTree(json.toFile()).at("/paired/0/metrics");
        int checked = 0;
        for (JsonNode m : metrics) {
            String metric = m.get("metric").asText();
            if (metric.equals("auc") || metric.equals("cmax")) {
                for (String q : new String[] {"ratio_p05", "ratio_median", "ratio_p95"}) {
                    assertEquals(2.0, m.get(q).asDouble(), 1e-9, m.toString());
                }
                assertEquals(60, m.get("patients_higher").asInt(), m.toString());
                assertEquals(1.0, m.get("share_higher").asDouble(), m.toString());
                checked++;
            }
        }
        assertEquals(4, checked, metrics.toString());
    }

    @Test
    void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        Cli.Result ra = Cli.run(args("--population", "30", "--seed", "1", "--population-csv", a.toString()));
        Cli.Result rb = Cli.run(args("--population", "30", "--seed", "1", "--population-csv", b.toString()));
        Cli.Result rc = Cli.run(args("--population", "30", "--seed", "2", "--population-csv", c.toString()));
        assertEquals(0, ra.code(), ra.err());
        assertEquals(ra.out(), rb.out());
        assertEquals(Files.readString(a), Files.readString(b));
        assertNotEquals(Files.readString(a), Files.readString(c));
        assertNotEquals(ra.out(), rc.out());
    }

    @Test
    void seriesOfDifferentModelsPairOnlyTheCovariates() throws Exception {
        Path pop = dir.resolve("models.csv");
        Cli.Result r = Cli.run("compare", "--model", PopulationCommandTest.VARYING_MODEL, "--model",
                "racemic-composite", "--dose", "0.5 mg/kg over 40 min", "--duration", "6h", "--step", "10min",
                "--population", "20", "--vary", "weight=50..120", "--population-csv", pop.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out().replaceAll("\\s+", " ");
        assertTrue(out.contains("the series use different models (otto-2021, racemic-composite)"), out);
        assertTrue(out.contains("so only the covariates are paired"), out);
        List<String> rows = Files.readAllLines(pop, StandardCharsets.UTF_8);
        assertEquals(41, rows.size());
        for (int i = 1; i <= 20; i++) {
            // the same covariates in both series
            assertEquals(Arrays.asList(rows.get(i).split(",", -1)).subList(1, 6),
                    Arrays.asList(rows.get(20 + i).split(",", -1)).subList(1, 6));
        }
    }

    @Test
    void patientSeriesRepeatTheirPatientWithTheSameRandomEffects() throws Exception {
        Path pop = dir.resolve("ages.csv");
        Cli.Result r = Cli.run("compare", "--model", PopulationCommandTest.VARYING_MODEL, "--dose",
                "0.5 mg/kg over 40 min", "--patient", "weight=60", "--patient", "weight=90", "--duration", "6h",
                "--step", "10min", "--population", "15", "--population-csv", pop.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out().replaceAll("\\s+", " ");
        assertTrue(out.contains("weight=60: each 40 years, 60 kg, 175 cm, male; weight=90: each 40 years, 90 kg"),
                out);
        List<String> rows = Files.readAllLines(pop, StandardCharsets.UTF_8);
        for (int i = 1; i <= 15; i++) {
            assertEquals("60.00000000", rows.get(i).split(",")[3], rows.get(i));
            assertEquals("90.00000000", rows.get(15 + i).split(",")[3], rows.get(15 + i));
            assertEquals(tail(rows.get(i), 4), tail(rows.get(15 + i), 4));
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new String[] {"--population", "0"}, "--population", "from 1 to 100000"),
                Arguments.of(new String[] {"--population", "-5"}, "--population", "'-5'"),
                Arguments.of(new String[] {"--population", "1e9"}, "--population", "'1e9'"),
                Arguments.of(new String[] {"--population", "2.5"}, "--population", "'2.5'"),
                Arguments.of(new String[] {"--population", "10", "--iiv", "CL=abc"}, "--iiv", "CL=abc"),
                Arguments.of(new String[] {"--population", "10", "--observed", "levels.csv"}, "--observed",
                        "--population"),
                Arguments.of(new String[] {"--population", "10", "--dosing-weight", "ideal"}, "--dosing-weight",
                        "--population"),
                Arguments.of(new String[] {"--population", "10", "--patient", "age=30", "--vary", "weight=50..90"},
                        "--patient", "--vary"),
                Arguments.of(new String[] {"--seed", "3"}, "--seed", "--population"),
                Arguments.of(new String[] {"--population", "10", "--probability", "hours>=6.5"}, "--probability",
                        "at most 6 h"),
                Arguments.of(new String[] {"--population", "10", "--patient", "age=20", "--patient", "age=30",
                    "--patient", "age=40", "--patient", "age=50"}, "--plot", "at most 7 series but there are 8"),
                Arguments.of(new String[] {"--population", "10", "--model", Cli.MODEL}, "--iiv",
                        "publishes no between-patient variability"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badInputIsRefusedInOneLineWithoutOutputFiles(String[] extra, String option, String detail) {
        Path csv = dir.resolve("never.csv");
        Path png = dir.resolve("never.png");
        String[] more = Arrays.copyOf(extra, extra.length + 4);
        more[extra.length] = "--csv";
        more[extra.length + 1] = csv.toString();
        more[extra.length + 2] = "--plot";
        more[extra.length + 3] = png.toString();
        Cli.Result r = Cli.run(args(more));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(option) && r.err().contains(detail), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(csv) || Files.exists(png));
    }

    /** Three patients: no 5th–95th percentile or ratio range anywhere, the CSV keeps its columns with empty cells. */
    @Test
    void percentilesOfTooFewPatientsAreLeftOut() throws Exception {
        Path csv = dir.resolve("few.csv");
        Path json = dir.resolve("few.json");
        Cli.Result r = Cli.run(args("--population", "3", "--csv", csv.toString(), "--json", json.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("50 % and 90 % bands not drawn: 3 patients, at least 4 "
                + "and 20 needed"), r.out());
        String[] row = Files.readAllLines(csv).get(10).split(",", -1);
        // series,analyte,time_h,p05,p25,p50,p75,p95
        assertEquals(8, row.length, String.join(",", row));
        assertTrue(row[3].isEmpty() && row[4].isEmpty() && !row[5].isEmpty() && row[6].isEmpty()
                && row[7].isEmpty(), String.join(",", row));
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertTrue(doc.at("/paired/0/metrics/0/ratio_p05").isNull(), doc.at("/paired/0")::toString);
        assertTrue(doc.at("/paired/0/metrics/0/ratio_median").isNumber(), doc.at("/paired/0")::toString);
        assertTrue(doc.at("/series/0/distributions/0/p95").isNull());
    }

    /** The effect table's 90 % and 50 % ranges of three patients are "–". */
    @Test
    void theEffectsRangesOfTooFewPatientsAreLeftOut() {
        Cli.Result r = Cli.run(args("--population", "3", "--effect", "antinociception"));
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("  low ") || l.startsWith("  high ")).toList();
        assertTrue(rows.size() >= 2, r.out());
        String effectRow = rows.get(rows.size() - 1);
        assertTrue(effectRow.matches(".*\\s–\\s+–$"), effectRow);
    }

    @Test
    void helpSaysWhatTheSeriesShare() {
        Cli.Result r = Cli.run("compare", "--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--population N"), help);
        assertTrue(help.contains("patient i has the same covariates in every series and, in series of the same "
                + "model, the same random effects"), help);
        assertTrue(help.contains("there only the covariates are paired"), help);
        assertTrue(help.contains("--iiv"), help);
    }
}
