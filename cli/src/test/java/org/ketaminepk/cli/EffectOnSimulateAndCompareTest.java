package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/**
 * {@code simulate --effect} and {@code compare --effect}: the effect-site and effect columns, the JSON effect objects
 * and the printed metrics agree with {@link EffectSimulation}; bad input is one line and exit code 2.
 */
class EffectOnSimulateAndCompareTest {
    private static final String DOSE = "20 mg/h for 2 h";

    @TempDir
    Path dir;

    /** The library's answer for the same inputs, on the grid the command uses (6 h every minute). */
    private static EffectResult expected(String endpoint, String model, String dose) {
        return EffectSimulation.run(Endpoints.get(endpoint), Models.get(model), Patient.standardAdult(),
                DoseParser.parse(dose), TimeGrid.uniform(6, 1.0 / 60), EffectSimulation.Options.DEFAULT);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-8 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void simulateWritesEffectSiteAndEffectColumnsEqualToTheLibrary() throws Exception {
        Path csv = dir.resolve("e.csv");
        Cli.Result r = Cli.run("simulate", "--model", "kamp-2020", "--dose", DOSE, "--duration", "6h",
                "--effect", "antinociception", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time_h,ketamine_ng_per_mL,norketamine_ng_per_mL,s_ketamine_effect_site_ng_per_mL,"
                + "effect_fraction_of_the_maximal_effect", lines.get(0));
        EffectResult e = expected("olofsen-2022-antinociception", "kamp-2020", DOSE);
        assertEquals(e.size() + 1, lines.size());
        double[] ce = e.effectSiteNgPerMl();
        double[] effect = e.effect().orElseThrow();
        for (int i : new int[] {0, 30, 120, 121, 240, e.size() - 1}) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertClose(ce[i], Double.parseDouble(cells[3]), "effect site at row " + i);
            assertClose(effect[i], Double.parseDouble(cells[4]), "effect at row " + i);
        }
        // ketamine and norketamine columns are unchanged by the effect
        assertTrue(lines.get(121).split(",", -1)[2].isEmpty(), lines.get(121));
    }

    @Test
    void simulatePrintsAndWritesTheLibrarysMetrics() throws Exception {
        Path json = dir.resolve("e.json");
        Cli.Result r = Cli.run("simulate", "--model", "kamp-2020", "--dose", DOSE, "--duration", "6h",
                "--effect", "olofsen-2022-antinociception", "--effect-level", "0.3", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        EffectResult e = expected("olofsen-2022-antinociception", "kamp-2020", DOSE);
        String out = r.out();
        assertTrue(out.contains("Effect: olofsen-2022-antinociception"), out);
        assertTrue(out.contains("peak effect  " + org.ketaminepk.cli.report.Text.sig(e.metrics().peakEffect(), 4)
                + " fraction of the maximal effect at 2 h"), out);
        assertTrue(out.contains("onset        22.1 min from the first dose"), out);
        assertTrue(out.contains("at level     74.1 min at or beyond 0.3"), out);
        assertTrue(out.contains("S-ketamine taken as 50 %"), out);

        JsonNode effect = new ObjectMapper().readTree(json.toFile()).at("/series/0/effect");
        assertEquals("olofsen-2022-antinociception", effect.at("/endpoint").asText());
        assertEquals("transferred", effect.at("/effect_site/basis").asText());
        assertClose(e.metrics().peakEffect(), effect.at("/metrics/peak_effect").asDouble(), "peak effect");
        assertClose(e.metrics().peakTimeH(), effect.at("/metrics/peak_effect_time_h").asDouble(), "peak time");
        assertClose(e.metrics().onsetH().getAsDouble(), effect.at("/metrics/onset_h").asDouble(), "onset");
        assertClose(e.metrics().offsetH().getAsDouble(), effect.at("/metrics/offset_h").asDouble(), "offset");
        assertClose(e.timeAtLeastH(0.3), effect.at("/metrics/time_at_level_h").asDouble(), "time at level");
        assertClose(e.metrics().peakEffectSiteNgPerMl(),
                effect.at("/metrics/peak_effect_site_ng_per_ml").asDouble(), "peak effect site");
        assertEquals(e.size(), effect.at("/effect_site_ng_per_ml").size());
        assertEquals(e.size(), effect.at("/effect").size());
        assertClose(e.effect().orElseThrow()[150], effect.at("/effect/150").asDouble(), "effect at 2.5 h");
    }

    @Test
    void theEndingOfAnIdNamesTheEndpointWhenItIsUnique() {
        Cli.Result r = Cli.run("simulate", "--model", "kamp-2020", "--dose", DOSE, "--duration", "6h",
                "--effect", "CRPS-relief");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Effect: dahan-2011-crps-relief"), r.out());
    }

    @Test
    void aGuessedKe0IsUsedOnlyWhenAllowedAndLabelledEverywhere() throws Exception {
        Path json = dir.resolve("g.json");
        Path png = dir.resolve("g.png");
        Cli.Result r = Cli.run("simulate", "--model", "otto-2021", "--dose", "bolus 10 mg", "--duration", "2h",
                "--effect", "simons-2022-drug-high", "--ke0-guess", "0.1", "--allow-guessed-ke0", "--json",
                json.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("is guessed"), r.out());
        JsonNode effect = new ObjectMapper().readTree(json.toFile()).at("/series/0/effect");
        assertEquals("guessed", effect.at("/effect_site/basis").asText());
        assertClose(0.1, effect.at("/effect_site/ke0_per_min").asDouble(), "ke0");
        assertTrue(effect.at("/warnings").toString().contains("is guessed"), effect.toString());
        assertTrue(ImageIO.read(png.toFile()) != null, "a PNG image");
    }

    @Test
    void compareGivesEveryRunItsEffect() throws Exception {
        Path json = dir.resolve("c.json");
        Path csv = dir.resolve("c.csv");
        Cli.Result r = Cli.run("compare", "--model", "kamp-2020", "--dose", DOSE, "--dose", "bolus 20 mg",
                "--duration", "6h", "--effect", "antinociception", "--effect-level", "0.2", "--json",
                json.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        EffectResult infusion = expected("olofsen-2022-antinociception", "kamp-2020", DOSE);
        EffectResult bolus = expected("olofsen-2022-antinociception", "kamp-2020", "bolus 20 mg");
        JsonNode series = new ObjectMapper().readTree(json.toFile()).at("/series");
        assertClose(infusion.metrics().peakEffect(), series.at("/0/effect/metrics/peak_effect").asDouble(), "0");
        assertClose(bolus.metrics().peakEffect(), series.at("/1/effect/metrics/peak_effect").asDouble(), "1");
        assertClose(bolus.timeAtLeastH(0.2), series.at("/1/effect/metrics/time_at_level_h").asDouble(), "level");
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",s_ketamine_effect_site_ng_per_mL,effect_fraction_of_the_maximal_effect"),
                lines.get(0));
        String[] bolusAt1h = lines.get(1 + infusion.size() + 60).split(",", -1);
        assertEquals("bolus 20 mg", bolusAt1h[0]);
        assertClose(bolus.effect().orElseThrow()[60], Double.parseDouble(bolusAt1h[bolusAt1h.length - 1]),
                "bolus effect at 1 h");
        String out = r.out();
        assertTrue(out.contains("peak effect (fraction of the maximal effect)"), out);
        assertTrue(out.contains("at or beyond 0.2 fraction of the maximal effect"), out);
        assertTrue(out.contains("offset after last input"), out);
    }

    /**
     * The default model's variability (borrowed for norketamine) does not reach ketamine, so every virtual patient has
     * the typical effect: the text says so instead of a range from a value to itself.
     */
    @Test
    void aPopulationWhoseEffectDoesNotVarySaysSo() {
        Cli.Result r = Cli.run("simulate", "--dose", DOSE, "--duration", "6h", "--population", "50", "--effect",
                "antinociception");
        assertEquals(0, r.code(), r.err());
        // the text wraps at 100 columns
        String words = r.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("every virtual patient's effect there is the same to the digits shown (no "
                + "between-patient variability reaches ketamine)"), r.out());
        assertFalse(r.out().contains("lie between"), r.out());
    }

    @Test
    void aPopulationEffectChartWithoutADurationEndsWhenTheCurvesAreOver() throws Exception {
        // a bolus simulated for a day by default: the chart drew the whole day, its curves in the left third
        Path svg = dir.resolve("p.svg");
        Cli.Result r = Cli.run("simulate", "--model", "kamp-2020", "--iiv", "CL=30%", "--dose", "bolus 20 mg",
                "--population", "50", "--effect", "antinociception", "--plot", svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("Time (h)"), "time in hours");
        int last = SvgText.lastTimeTick(text);
        assertTrue(last > 0 && last < 20, "the time axis ends at " + last + " h, not at the end of the 24-h run");
    }

    @Test
    void aPopulationGetsEffectSiteAndEffectBands() throws Exception {
        Path csv = dir.resolve("p.csv");
        Path json = dir.resolve("p.json");
        Path png = dir.resolve("p.png");
        Cli.Result r = Cli.run("simulate", "--model", "otto-2021", "--dose", DOSE, "--duration", "6h",
                "--population", "200", "--effect", "antinociception", "--csv", csv.toString(), "--json",
                json.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("population   the median effect peaks at"), r.out());
        assertTrue(r.out().contains("ke0 is the typical patient's for every virtual patient"), r.out());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int site = header.indexOf("s_ketamine_effect_site_p50_ng_per_mL");
        int p05 = header.indexOf("effect_fraction_of_the_maximal_effect_p05");
        int p50 = header.indexOf("effect_fraction_of_the_maximal_effect_p50");
        int p95 = header.indexOf("effect_fraction_of_the_maximal_effect_p95");
        assertTrue(site > 0 && p05 > site && p50 > p05 && p95 > p50, header.toString());
        org.ketaminepk.effect.ConcentrationEffect f = Endpoints.OLOFSEN_2022_ANTINOCICEPTION.sKetamine().orElseThrow()
                .model();
        for (int i = 1; i < lines.size(); i += 7) {
            String[] c = lines.get(i).split(",");
            assertClose(f.effect(Double.parseDouble(c[site])), Double.parseDouble(c[p50]), "median effect, row " + i);
            assertTrue(Double.parseDouble(c[p05]) <= Double.parseDouble(c[p50])
                    && Double.parseDouble(c[p50]) <= Double.parseDouble(c[p95]), lines.get(i));
        }
        JsonNode effect = new ObjectMapper().readTree(json.toFile()).at("/effect");
        assertEquals("olofsen-2022-antinociception", effect.at("/typical_patient/endpoint").asText());
        assertEquals(lines.size() - 1, effect.at("/percentile_bands/effect_p95").size());
        assertTrue(ImageIO.read(png.toFile()) != null, "a PNG image");
    }

    @Test
    void anEffectSiteOnlyEndpointHasNoEffectColumn() throws Exception {
        Path csv = dir.resolve("a.csv");
        Cli.Result r = Cli.run("simulate", "--model", "domino-1984", "--dose", "bolus 0.1 mg/kg", "--duration",
                "15min", "--step", "1s", "--effect", "ani", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("time_h,ketamine_ng_per_mL,norketamine_ng_per_mL,ketamine_effect_site_ng_per_mL",
                Files.readAllLines(csv).get(0));
        assertTrue(r.out().contains("ke0 0.238 /min (t½ 2.91 min), fitted"), r.out());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String[][] cases = {
            {"simulate", "--dose", DOSE, "--effect", "analgesia"},
            {"simulate", "--model", "otto-2021", "--dose", DOSE, "--effect", "herd-2008-sedation"},
            {"simulate", "--model", "otto-2021", "--dose", DOSE, "--effect", "simons-2022-drug-high"},
            {"simulate", "--model", "otto-2021", "--dose", DOSE, "--effect", "simons-2022-drug-high",
                "--ke0-guess", "0.1"},
            {"simulate", "--dose", DOSE, "--ke0-guess", "0.1", "--allow-guessed-ke0"},
            {"simulate", "--dose", DOSE, "--effect", "crps-relief", "--s-share", "0"},
            {"simulate", "--dose", DOSE, "--effect", "crps-relief", "--ke0-guess", "-1", "--allow-guessed-ke0"},
            {"simulate", "--model", "otto-2021", "--dose", DOSE, "--effect", "simons-2022-drug-high",
                "--population", "20"},
            {"compare", "--model", "otto-2021", "--dose", DOSE, "--dose", "bolus 10 mg", "--effect", "herd-2008"
                + "-sedation"}};
        String[] expected = {"--effect must be one of olofsen-2022-antinociception",
            "--effect: endpoint herd-2008-sedation needs "
                + "racemic ketamine concentrations but model otto-2021 predicts S-ketamine",
            "--effect simons-2022-drug-high: no published ke0 (Simons 2022", "--ke0-guess 0.1 /min is a guess, not "
                + "estimated from effect data; add --allow-guessed-ke0",
            "--ke0-guess applies to an effect endpoint", "--s-share must be greater than 0 and at most 1 but was 0",
            "--ke0-guess must be greater than 0", "no published ke0",
            "--effect: endpoint herd-2008-sedation needs"};
        for (int i = 0; i < cases.length; i++) {
            Cli.Result r = Cli.run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + "\n" + r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().contains(expected[i]), String.join(" ", cases[i]) + "\n" + r.err());
        }
        // a missing ke0 says how to give one
        Cli.Result none = Cli.run(cases[2]);
        assertTrue(none.err().contains("give one with --ke0-guess PER_MIN and --allow-guessed-ke0"), none.err());
    }

    @Test
    void measuredLevelsAndAnEffectAreRefusedTogetherOnOneLine() throws Exception {
        Path levels = dir.resolve("levels.csv");
        java.nio.file.Files.writeString(levels, "time,analyte,value\n1,ketamine,100 ng/mL\n");
        for (String command : new String[] {"simulate", "compare"}) {
            Cli.Result r = command.equals("simulate")
                    ? Cli.run(command, "--model", "kamp-2020", "--dose", DOSE, "--duration", "6h", "--effect",
                            "antinociception", "--observed", levels.toString())
                    : Cli.run(command, "--model", "kamp-2020", "--dose", DOSE, "--dose", "bolus 10 mg", "--duration",
                            "6h", "--effect", "antinociception", "--observed", levels.toString());
            assertEquals(2, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("--observed and --effect are not drawn on one chart"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    /**
     * 'simulate ... --effect antinociception --effect-level -1' printed "at or beyond -1 fraction of the maximal
     * effect" for the whole run, the hours before any drug included: antinociception rises from 0, so every effect is
     * at or beyond -1. A level at or beyond the baseline the wrong way is refused before anything is printed, by
     * simulate, by simulate --population and by compare; one on the right side still runs.
     */
    @Test
    void anEffectLevelOnTheWrongSideOfTheBaselineIsRefused() {
        String wrong = "error: --effect-level must be above 0 fraction of the maximal effect (the baseline of "
                + "olofsen-2022-antinociception, which the drug raises: a level at or below the baseline is met "
                + "without any drug) but was ";
        for (String level : new String[] {"-1", "0"}) {
            Cli.Result r = Cli.run("simulate", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--effect",
                    "antinociception", "--effect-level", level);
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out());
            assertEquals(List.of(wrong + level + " fraction of the maximal effect"), List.of(r.errLines()));
        }
        Cli.Result population = Cli.run("simulate", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--effect",
                "antinociception", "--effect-level", "-1", "--population", "20");
        assertEquals(2, population.code(), population.err());
        assertEquals("", population.out());
        assertEquals(1, population.errLines().length, population.err());
        Cli.Result compare = Cli.run("compare", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--dose",
                "bolus 20 mg", "--effect", "antinociception", "--effect-level", "-0.5");
        assertEquals(2, compare.code(), compare.err());
        assertEquals("", compare.out());
        assertEquals(List.of(wrong + "-0.5 fraction of the maximal effect"), List.of(compare.errLines()));
        Cli.Result right = Cli.run("simulate", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--effect",
                "antinociception", "--effect-level", "0.01", "--duration", "2h");
        assertEquals(0, right.code(), right.err());
    }
    /**
     * 'simulate ... --effect antinociception --effect-level 1.2' ran and reported 0 h at or beyond 1.2: antinociception
     * is a fraction of the maximal effect, which only approaches 1 as the concentration grows without bound. A level at
     * or beyond the largest effect is refused before anything is printed, by simulate, effects and compare, naming the
     * formula; one just short of it still runs.
     */
    @Test
    void anEffectLevelNoConcentrationReachesIsRefused() {
        for (String level : new String[] {"1", "1.2", "5"}) {
            Cli.Result r = Cli.run("simulate", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--effect",
                    "antinociception", "--effect-level", level);
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("error: --effect-level must be below 1 fraction of the maximal effect (the "
                    + "largest effect on olofsen-2022-antinociception with kamp-2020, approached only as the "
                    + "concentration grows without bound: E = "), r.err());
            assertTrue(r.err().strip().endsWith("but was " + level + " fraction of the maximal effect"), r.err());
        }
        Cli.Result effects = Cli.run("effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose",
                "bolus 10 mg", "--level", "1");
        assertEquals(2, effects.code(), effects.err());
        assertTrue(effects.err().startsWith("error: --level must be below 1 fraction"), effects.err());
        Cli.Result compare = Cli.run("compare", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--dose",
                "bolus 20 mg", "--effect", "antinociception", "--effect-level", "1.5");
        assertEquals(2, compare.code(), compare.err());
        assertEquals("", compare.out());
        assertEquals(1, compare.errLines().length, compare.err());
        Cli.Result near = Cli.run("simulate", "--model", "kamp-2020", "--dose", "bolus 10 mg", "--effect",
                "antinociception", "--effect-level", "0.999", "--duration", "2h");
        assertEquals(0, near.code(), near.err());
    }
}
