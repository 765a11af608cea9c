package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.cli.report.Text;

/**
 * {@code compare --population N --effect ENDPOINT}: every series' typical effect and its population's effect-site
 * and effect bands, over the same patients, the same in text, CSV and JSON, and equal to {@code simulate
 * --population --effect} for each series alone; and the refusals, per series.
 */
class ComparePopulationEffectTest {
    private static final String MODEL = PopulationCommandTest.VARYING_MODEL;
    private static final String LOW = "0.25 mg/kg over 40 min";
    private static final String HIGH = "0.5 mg/kg over 40 min";
    private static final String[] COMMON = {"--model", MODEL, "--duration", "6h", "--step", "5min", "--population",
        "40", "--seed", "7", "--effect", "antinociception"};
    private static final String EFFECT_P50 = "effect_fraction_of_the_maximal_effect_p50";
    private static final String SITE_P50 = "s_ketamine_effect_site_p50_ng_per_mL";

    @TempDir
    Path dir;

    private static String[] args(String first, String... more) {
        List<String> out = new ArrayList<>(List.of(first));
        if (first.equals("compare")) {
            out.addAll(List.of("--series", "low: " + LOW, "--series", "high: " + HIGH));
        }
        out.addAll(List.of(COMMON));
        out.addAll(List.of(more));
        return out.toArray(new String[0]);
    }

    /** @return the CSV's rows of one series and analyte (all rows when {@code series} is null), split in cells */
    private static List<String[]> rows(List<String> lines, String series, String analyte) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c[0].equals(series) && c[1].equals(analyte)) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void withoutADurationTheChartEndsWhenTheCurvesAreOver() throws Exception {
        // two boluses simulated for a day by default: the chart drew the whole day, the effect in its left third
        Path svg = dir.resolve("c.svg");
        Cli.Result r = Cli.run("compare", "--series", "a: bolus 20 mg", "--series", "b: bolus 30 mg", "--model",
                "kamp-2020", "--iiv", "CL=30%", "--population", "30", "--effect", "antinociception", "--plot",
                svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("Time (h)"), "time in hours");
        int last = SvgText.lastTimeTick(text);
        assertTrue(last > 0 && last < 20, "the time axis ends at " + last + " h, not at the end of the 24-h run");
    }

    @Test
    void textCsvAndJsonShowTheSameEffectBandsAndTheChartIsWritten() throws Exception {
        Path csv = dir.resolve("bands.csv");
        Path json = dir.resolve("all.json");
        Path png = dir.resolve("chart.png");
        Cli.Result r = Cli.run(args("compare", "--effect-level", "0.2", "--csv", csv.toString(), "--json",
                json.toString(), "--plot", png.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertFalse(out.contains("NaN"), out);
        // the typical patients' effects, as compare --effect prints them (with the --effect-level row the two series
        // no longer fit 100 columns side by side, so each has its block)
        assertTrue(out.contains("Effect: olofsen-2022-antinociception"), out);
        assertEquals(2, out.split("\n  peak effect \\(fraction of the maximal effect\\) +\\d", -1).length - 1, out);
        assertTrue(out.contains("ke0 is the typical patient's for every virtual patient"), out);
        assertTrue(out.contains("not patient by patient"), out);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("series", "analyte", "time_h", "p05_ng_per_mL"), header.subList(0, 4));
        int site = header.indexOf(SITE_P50);
        int p05 = header.indexOf("effect_fraction_of_the_maximal_effect_p05");
        int p50 = header.indexOf(EFFECT_P50);
        int p95 = header.indexOf("effect_fraction_of_the_maximal_effect_p95");
        assertTrue(site > 7 && p05 > site && p50 > p05 && p95 > p50, header.toString());
        // the effect columns are filled on the driving analyte's rows and empty on the others
        for (String[] c : rows(lines, "high", "norketamine")) {
            assertEquals("", c[p50], String.join(",", c));
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("olofsen-2022-antinociception", root.at("/effect/endpoint").asText());
        assertTrue(root.at("/effect/paired").asText().contains("not patient by patient"));
        String[] labels = {"low", "high"};
        for (int s = 0; s < labels.length; s++) {
            List<String[]> ketamine = rows(lines, labels[s], "ketamine");
            assertEquals(73, ketamine.size());
            JsonNode bands = root.at("/series/" + s + "/effect/percentile_bands");
            assertEquals(labels[s], root.at("/series/" + s + "/label").asText());
            int peak = 0;
            for (int i = 0; i < ketamine.size(); i++) {
                double inCsv = Double.parseDouble(ketamine.get(i)[p50]);
                assertEquals(inCsv, bands.at("/effect_p50/" + i).asDouble(), 1e-9 * Math.max(1, inCsv));
                assertEquals(Double.parseDouble(ketamine.get(i)[site]), bands.at("/effect_site_p50_ng_per_ml/" + i)
                        .asDouble(), 1e-9 * Math.max(1, Double.parseDouble(ketamine.get(i)[site])));
                if (inCsv > Double.parseDouble(ketamine.get(peak)[p50])) {
                    peak = i;
                }
            }
            // the text's median peak and its ranges there are the CSV's, rounded as printed
            Matcher m = Pattern.compile("\n  " + labels[s] + " +(\\S+) +\\S+ \\S+ +(\\S+)–(\\S+) +(\\S+)–(\\S+)\n")
                    .matcher(out);
            assertTrue(m.find(), out);
            String[] at = ketamine.get(peak);
            assertEquals(Text.sig(Double.parseDouble(at[p50]), 4), m.group(1));
            assertEquals(Text.sig(Double.parseDouble(at[p05]), 4), m.group(2));
            assertEquals(Text.sig(Double.parseDouble(at[p95]), 4), m.group(3));
            String p25 = at[header.indexOf("effect_fraction_of_the_maximal_effect_p25")];
            assertEquals(Text.sig(Double.parseDouble(p25), 4), m.group(4));
            String p75 = at[header.indexOf("effect_fraction_of_the_maximal_effect_p75")];
            assertEquals(Text.sig(Double.parseDouble(p75), 4), m.group(5));
        }
        // the higher dose relieves more: its median effect peak is above the lower dose's
        assertTrue(Double.parseDouble(rows(lines, "high", "ketamine").get(10)[p50])
                > Double.parseDouble(rows(lines, "low", "ketamine").get(10)[p50]));
        assertTrue(ImageIO.read(png.toFile()) != null, "a PNG image");
    }

    @Test
    void eachSeriesMedianEffectIsSimulatesForThatSeriesAlone() throws Exception {
        Path compared = dir.resolve("compared.csv");
        Cli.Result c = Cli.run(args("compare", "--csv", compared.toString()));
        assertEquals(0, c.code(), c.err());
        List<String> lines = Files.readAllLines(compared, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        String[][] series = {{"low", LOW}, {"high", HIGH}};
        for (String[] s : series) {
            Path alone = dir.resolve(s[0] + ".csv");
            Cli.Result r = Cli.run(args("simulate", "--dose", s[1], "--csv", alone.toString()));
            assertEquals(0, r.code(), r.err());
            List<String> single = Files.readAllLines(alone, StandardCharsets.UTF_8);
            List<String> singleHeader = List.of(single.get(0).split(","));
            List<String[]> ours = rows(lines, s[0], "ketamine");
            assertEquals(single.size() - 1, ours.size());
            for (int i = 0; i < ours.size(); i++) {
                String[] theirs = single.get(i + 1).split(",");
                for (String column : List.of(EFFECT_P50, SITE_P50, "effect_fraction_of_the_maximal_effect_p05",
                        "effect_fraction_of_the_maximal_effect_p95")) {
                    int row = i;
                    assertEquals(theirs[singleHeader.indexOf(column)], ours.get(i)[header.indexOf(column)],
                            () -> s[0] + " " + column + " at row " + row);
                }
            }
        }
    }

    @Test
    void anEndpointWithoutKe0IsRefusedNamingTheFirstSeriesAndWritesNothing() {
        Path csv = dir.resolve("never.csv");
        Path png = dir.resolve("never.png");
        List<String> a = new ArrayList<>(List.of(args("compare", "--csv", csv.toString(), "--plot",
                png.toString())));
        a.set(a.indexOf("antinociception"), "simons-2022-drug-high");
        Cli.Result r = Cli.run(a.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: series 'low': --effect simons-2022-drug-high: no published ke0"),
                r.err());
        assertTrue(r.err().contains("--ke0-guess") && r.err().contains("--allow-guessed-ke0"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(csv) || Files.exists(png));
    }

    @Test
    void aModelOfTheWrongDrugFormIsRefusedNamingItsSeries() {
        Cli.Result r = Cli.run("compare", "--model", "racemic-composite", "--model", MODEL, "--dose", LOW,
                "--duration", "6h", "--population", "10", "--effect", "herd-2008-sedation");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: series '" + MODEL + "': --effect: endpoint herd-2008-sedation needs "
                + "racemic ketamine"), r.err());
        assertEquals("", r.out());
    }
}
