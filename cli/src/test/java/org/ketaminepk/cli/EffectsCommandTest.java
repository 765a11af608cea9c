package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The effects command: listings with sources, an effect run with metrics, files, and one-line errors. */
class EffectsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryEndpointWithItsSource() {
        Cli.Result r = Cli.run("effects");
        assertEquals(0, r.code(), r.err());
        for (String id : new String[] {"olofsen-2022-antinociception", "herd-2008-sedation", "dahan-2011-crps-relief",
            "navarrete-2025-ani", "schuttler-1987-eeg"}) {
            assertTrue(r.out().contains(id), r.out());
        }
        assertTrue(r.out().contains("fitted with domino-1984"), r.out());
        assertTrue(r.out().contains("none found"), r.out());
    }

    @Test
    void endpointDetailNamesSourceLimitsAndModels() {
        Cli.Result r = Cli.run("effects", "dahan-2011-crps-relief");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("doi:10.1016/j.ejpain.2010.06.016"), r.out());
        assertTrue(r.out().contains("67 % on ketamine, 23 % on placebo"), r.out());
        assertTrue(r.out().contains("models       transferred: half-time carried over: racemic-composite, kamp-2020"),
                r.out());
        assertTrue(r.out().contains("inferred"), r.out());
    }

    @Test
    void takesTheShortNamesThatEffectTakes() {
        Cli.Result full = Cli.run("effects", "dahan-2011-crps-relief");
        Cli.Result shortName = Cli.run("effects", "crps-relief");
        assertEquals(0, shortName.code(), shortName.err());
        assertEquals(full.out(), shortName.out());
        Cli.Result unknown = Cli.run("effects", "relief-of-pain");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("endpoint must be one of olofsen-2022-antinociception")
                && unknown.err().contains("'relief-of-pain'"), unknown.err());
        Cli.Result target = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", "domino-1984",
                "--effect-site", "unknown-site", "--weight", "70");
        assertEquals(2, target.code());
        assertTrue(target.err().contains("--effect-site must be one of"), target.err());
    }

    @Test
    void modelListsTheEndpointsItCanDrive() {
        Cli.Result r = Cli.run("effects", "--model", "domino-1984");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("navarrete-2025-ani") && r.out().contains("fitted"), r.out());
        assertTrue(r.out().contains("herd-2008-sedation") && r.out().contains("transferred by time to peak from "
                + "herd-2007"), r.out());
        Cli.Result s = Cli.run("effects", "--model", "otto-2021");
        assertTrue(!s.out().contains("herd-2008-sedation"), s.out());
        Cli.Result one = Cli.run("effects", "herd-2008-sedation", "--model", "otto-2021");
        assertTrue(one.out().contains("cannot drive it: otto-2021 predicts S-ketamine"), one.out());
    }

    @Test
    void runPrintsMetricsAndWritesCsvAndJson() throws Exception {
        Path csv = dir.resolve("e.csv");
        Path json = dir.resolve("e.json");
        Cli.Result r = Cli.run("effects", "navarrete-2025-ani", "--model", "domino-1984", "--dose", "bolus 0.1 mg/kg",
                "--duration", "15min", "--step", "1s", "--csv", csv.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ke0 0.238 /min (t½ 2.91 min), fitted"), r.out());
        assertTrue(r.out().contains("ng/mL at 1.62 min"), r.out());
        assertTrue(r.out().contains("Warnings:\n  none"), r.out());
        String[] lines = Files.readAllLines(csv).toArray(new String[0]);
        assertEquals("time_h,plasma_ng_per_ml,effect_site_ng_per_ml", lines[0]);
        assertEquals(15 * 60 + 2, lines.length);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("fitted", j.get("effect_site").get("basis").asText());
        assertEquals(1.61, j.get("metrics").get("peak_effect_site_time_h").asDouble() * 60, 0.01);
        assertEquals(15 * 60 + 1, j.get("effect_site_ng_per_ml").size());
    }

    @Test
    void crpsRunReportsRespondersAndWeeksOfRelief() {
        Cli.Result r = Cli.run("effects", "dahan-2011-crps-relief", "--model", "otto-2021", "--protocol",
                "crps-dahan-2011", "--duration", "120d", "--step", "1h", "--level", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0.79"), r.out());
        assertTrue(r.out().contains("67 % of treated patients responded"), r.out());
        assertTrue(r.out().contains("t½ 10.9 days"), r.out());
        assertTrue(r.out().contains("days at or beyond 0.5 fraction of full relief"), r.out());
    }

    @Test
    void csvOnStandardOutputMovesTheSummaryToStandardError() {
        Cli.Result r = Cli.run("effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose",
                "20 mg/h for 2 h", "--duration", "4h", "--csv", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("time_h,plasma_ng_per_ml,effect_site_ng_per_ml,effect\n"), r.out());
        assertTrue(r.err().contains("S-ketamine taken as 50 %"), r.err());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String[][] cases = {
            {"effects", "analgesia"},
            {"effects", "herd-2008-sedation", "--model", "otto-2021", "--dose", "bolus 10 mg"},
            {"effects", "simons-2022-drug-high", "--model", "otto-2021", "--dose", "bolus 10 mg"},
            {"effects", "simons-2022-drug-high", "--model", "otto-2021", "--dose", "bolus 10 mg", "--ke0-guess", "0.1"},
            {"effects", "--dose", "bolus 10 mg"},
            {"effects", "olofsen-2022-antinociception", "--model", "otto-2021", "--dose", "bolus 10 mg",
                "--s-share", "1.5"}};
        String[] expected = {"endpoint must be one of", "needs racemic ketamine concentrations",
            "has no published ke0", "--ke0-guess 0.1 /min is a guess, not estimated from effect data; add --allow-guessed-ke0", "needs an ENDPOINT", "--s-share must be"};
        for (int i = 0; i < cases.length; i++) {
            Cli.Result r = Cli.run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + "\n" + r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
        Cli.Result ok = Cli.run("effects", "simons-2022-drug-high", "--model", "otto-2021", "--dose", "bolus 10 mg",
                "--ke0-guess", "0.1", "--allow-guessed-ke0", "--duration", "2h");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("is guessed"), ok.out());
    }

    /**
     * A run shorter than the default step of 1 min blamed the step the user had not given, in hours without a unit:
     * "--step: step must be greater than 0 and at most 0.000278 h but was 0.016667". It now says, as simulate does,
     * that the step must fit in the run and where the run's length comes from.
     */
    @Test
    void aRunShorterThanTheStepSaysSo() {
        Cli.Result r = Cli.run("effects", "navarrete-2025-ani", "--model", "domino-1984", "--dose", "bolus 10 mg",
                "--duration", "1s");
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --step must be at most the length of the run, 1 s (--duration), but was 1 min; give a "
                + "shorter --step or a longer --duration\n", r.err());
    }

    /**
     * A listing (no doses) prints the same text whatever the run options say, and never writes the files asked for:
     * each run option is refused there, named, rather than ignored.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--csv|-", "--json|x.json", "--duration|2h", "--step|1s", "--level|0.5", "--ke0-guess|0.1",
        "--allow-guessed-ke0|", "--s-share|0.5", "--weight|90", "--creatinine|1.4mg/dL", "--comed|rifampicin"})
    void aRunOptionInAListingIsRefused(String option, String value) {
        for (String[] listing : new String[][] {{"effects"}, {"effects", "olofsen-2022-antinociception"},
            {"effects", "--model", "kamp-2020"}, {"effects", "olofsen-2022-antinociception", "--model", "kamp-2020"}}) {
            java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(listing));
            a.add(option);
            if (value != null) {
                a.add(value);
            }
            Cli.Result r = Cli.run(a.toArray(new String[0]));
            assertEquals(2, r.code(), () -> a + "\n" + r.out() + r.err());
            assertEquals("", r.out(), () -> a.toString());
            assertTrue(r.err().startsWith("error: " + option + " applies to a run with doses; add --dose"),
                    () -> a + "\n" + r.err());
            assertEquals(1, r.errLines().length, r.err());
        }
    }

    /** Every example in the help runs and exits 0. */
    @Test
    void helpExamplesRun() {
        CommandLine root = Main.commandLine(new Main(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        String joined = String.format(java.util.Locale.ROOT, String.join("\n", root.getSubcommands().get("effects")
                .getCommandSpec().usageMessage().footer())).replace(" \\\n      ", " ");
        int ran = 0;
        for (String line : joined.split("\n")) {
            if (line.startsWith("  ketamine-pk ")) {
                String[] args = DocumentedCommands.words(line.substring("  ketamine-pk ".length()))
                        .toArray(new String[0]);
                Cli.Result r = Cli.run(args);
                assertEquals(0, r.code(), line + "\n" + r.err());
                ran++;
            }
        }
        assertEquals(6, ran);
    }

    @Test
    void helpHasExamplesAndTheDisclaimer() {
        Cli.Result r = Cli.run("effects", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("NOT a dosing device"), r.out());
        assertTrue(r.out().contains("Examples:\n  ketamine-pk effects"), r.out());
    }

    /**
     * A grid too large for the Java heap ended 'effects' with "Exception in thread "main"
     * java.lang.OutOfMemoryError: Java heap space" and a stack trace, where 'simulate --effect' on the same grid says
     * how much memory it would need: the command did not check the grid against the heap. Run in a JVM of 96 MiB.
     */
    @Test
    void aGridLargerThanTheHeapIsRefusedWithTheMemoryItNeeds() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose", "bolus 10 mg",
                "--duration", "30d", "--step", "1s").redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "still running");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: --step: the output grid of 2592001 points for 2 series needs about "), err);
        assertEquals("", Files.readString(dir.resolve("out.txt")));
    }

    /**
     * 'effects olofsen-2022-antinociception --dose "bolus 10 mg" --level -5' reported the whole run as at or beyond
     * -5, time before the dose included. A level the effect meets without drug is refused, on either side: below
     * the baseline of an effect the drug raises, above that of one it lowers (the sedation score falls from 5), and
     * for an endpoint with an effect site only, an effect-site concentration of 0 ng/mL or less.
     */
    @Test
    void aLevelTheEffectMeetsWithoutDrugIsRefused() {
        Cli.Result rising = Cli.run("effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose",
                "bolus 10 mg", "--level", "-5");
        assertEquals(2, rising.code(), rising.err());
        assertEquals("", rising.out());
        assertEquals("error: --level must be above 0 fraction of the maximal effect (the baseline of "
                + "olofsen-2022-antinociception, which the drug raises: a level at or below the baseline is met "
                + "without any drug) but was -5 fraction of the maximal effect\n", rising.err());
        Cli.Result falling = Cli.run("effects", "herd-2008-sedation", "--model", "herd-2007", "--dose", "bolus 10 mg",
                "--age", "6", "--weight", "20", "--height", "115", "--level", "5.5");
        assertEquals(2, falling.code(), falling.err());
        assertTrue(falling.err().startsWith("error: --level must be below 5 sedation score (0-5) (the baseline of "
                + "herd-2008-sedation, which the drug lowers: "), falling.err());
        assertTrue(falling.err().endsWith("but was 5.5 sedation score (0-5)\n"), falling.err());
        Cli.Result site = Cli.run("effects", "navarrete-2025-ani", "--model", "domino-1984", "--dose", "bolus 10 mg",
                "--level", "-2");
        assertEquals(2, site.code(), site.err());
        assertEquals("error: --level is an effect-site concentration for navarrete-2025-ani and must be above 0 "
                + "ng/mL, its value without drug, but was -2 ng/mL\n", site.err());
        Cli.Result below = Cli.run("effects", "herd-2008-sedation", "--model", "herd-2007", "--dose", "bolus 10 mg",
                "--age", "6", "--weight", "20", "--height", "115", "--level", "4", "--duration", "2h");
        assertEquals(0, below.code(), below.err());
    }

    /**
     * 'effects olofsen-2022-antinociception --dose "bolus 10 mg" --level 5' printed "0 min at or beyond 5 fraction of
     * the maximal effect": a sigmoid Emax effect never reaches its baseline plus its maximal change, so a level there
     * or beyond is refused before the run, on either side, in every command that takes one.
     */
    @Test
    void aLevelNoConcentrationReachesIsRefused() {
        Cli.Result rising = Cli.run("effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose",
                "bolus 10 mg", "--level", "5");
        assertEquals(2, rising.code(), rising.out());
        assertEquals("", rising.out());
        assertTrue(rising.err().startsWith("error: --level must be below 1 fraction of the maximal effect (the "
                + "largest effect on olofsen-2022-antinociception with kamp-2020, approached only as the concentration "
                + "grows without bound: E = 0 + 1·C^1/("), rising.err());
        assertTrue(rising.err().endsWith(") but was 5 fraction of the maximal effect\n"), rising.err());
        Cli.Result falling = Cli.run("effects", "herd-2008-sedation", "--model", "herd-2007", "--dose", "bolus 10 mg",
                "--age", "6", "--weight", "20", "--height", "115", "--level", "-1");
        assertEquals(2, falling.code(), falling.out());
        assertTrue(falling.err().startsWith("error: --level must be above "), falling.err());
        assertTrue(falling.err().endsWith("but was -1 sedation score (0-5)\n"), falling.err());
        Cli.Result simulate = Cli.run("simulate", "--dose", "bolus 10 mg", "--model", "kamp-2020", "--effect",
                "antinociception", "--effect-level", "1");
        assertEquals(2, simulate.code(), simulate.out());
        assertTrue(simulate.err().startsWith("error: --effect-level must be below 1 fraction"), simulate.err());
        assertEquals(0, Cli.run("effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose",
                "bolus 10 mg", "--level", "0.2").code());
    }

    /**
     * The S-ketamine share is taken only of a racemic model's ketamine for an S-ketamine endpoint: with an S-ketamine
     * model, or for an endpoint of racemic ketamine, '--s-share 0.4' gave the same output as without it.
     */
    @Test
    void anSShareNoRunUsesIsRefused() {
        Cli.Result sModel = Cli.run("effects", "olofsen-2022-antinociception", "--model", "otto-2021", "--dose",
                "bolus 10 mg", "--s-share", "0.4");
        assertEquals(2, sModel.code(), sModel.out());
        assertEquals("", sModel.out());
        assertEquals("error: --s-share is the share of a racemic model's ketamine taken as S-ketamine for an "
                + "S-ketamine endpoint; olofsen-2022-antinociception with otto-2021 (S-ketamine) is driven by the "
                + "model's own concentrations and takes none, so leave --s-share out\n", sModel.err());
        Cli.Result racemicEndpoint = Cli.run("effects", "herd-2008-sedation", "--model", "domino-1984", "--dose",
                "bolus 10 mg", "--age", "6", "--weight", "20", "--height", "115", "--s-share", "0.4");
        assertEquals(2, racemicEndpoint.code(), racemicEndpoint.out());
        assertTrue(racemicEndpoint.err().startsWith("error: --s-share is the share of a racemic model's ketamine"),
                racemicEndpoint.err());
        Cli.Result simulate = Cli.run("simulate", "--dose", "bolus 10 mg", "--model", "otto-2021", "--effect",
                "antinociception", "--s-share", "0.4");
        assertEquals(2, simulate.code(), simulate.out());
        assertTrue(simulate.err().startsWith("error: --s-share is the share"), simulate.err());
        Cli.Result racemic = Cli.run("effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose",
                "bolus 10 mg", "--s-share", "0.4");
        assertEquals(0, racemic.code(), racemic.err());
        assertTrue(racemic.out().contains("S-ketamine, taken as 40 % of kamp-2020's racemic ketamine"), racemic.out());
        Cli.Result mixed = Cli.run("compare", "--dose", "bolus 10 mg", "--model", "otto-2021", "--model", "kamp-2020",
                "--effect", "antinociception", "--s-share", "0.4");
        assertEquals(0, mixed.code(), mixed.err());
    }

    /** '--allow-guessed-ke0' without '--ke0-guess' permits nothing, and was accepted with no word in every command. */
    @Test
    void thePermissionWithoutAGuessIsRefused() {
        String message = "error: --allow-guessed-ke0 permits a --ke0-guess, and none was given; add --ke0-guess PER_MIN "
                + "or leave --allow-guessed-ke0 out\n";
        for (String[] args : new String[][] {
            {"effects", "olofsen-2022-antinociception", "--model", "kamp-2020", "--dose", "bolus 10 mg",
                "--allow-guessed-ke0"},
            {"simulate", "--dose", "bolus 10 mg", "--model", "kamp-2020", "--effect", "antinociception",
                "--allow-guessed-ke0"},
            {"compare", "--dose", "bolus 10 mg", "--dose", "bolus 20 mg", "--model", "kamp-2020", "--effect",
                "antinociception", "--allow-guessed-ke0"},
            {"target", "--target", "100 ng/mL for 1 h", "--model", "domino-1984", "--allow-guessed-ke0"},
            {"target", "--target", "100 ng/mL for 1 h", "--model", "domino-1984", "--effect-site",
                "navarrete-2025-ani", "--allow-guessed-ke0"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out());
            assertEquals(message, r.err(), String.join(" ", args));
        }
        Cli.Result manual = Cli.run("target", "--target", "100 ng/mL for 1 h", "--model", "domino-1984", "--manual",
                "--ke0-guess", "0.2", "--allow-guessed-ke0");
        assertEquals(2, manual.code(), manual.out());
        assertEquals("error: --ke0-guess applies to an effect site, and --manual designs for a plasma target; leave out "
                + "--ke0-guess\n", manual.err());
    }
}
