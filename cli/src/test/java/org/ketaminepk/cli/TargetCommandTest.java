package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The target command: pump schedules, manual schemes, files that simulate reads back, and one-line errors. */
class TargetCommandTest {
    @TempDir
    Path dir;

    @Test
    void plasmaTargetPrintsTheScheduleWhenItIsReachedAndTheTotal() {
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 2 h", "--model", Cli.MODEL);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Target-controlled infusion, plasma target"), r.out());
        assertTrue(r.out().contains("150 ng/mL from 0:00:00: reached at 0:00:10 (within 1 %, plasma)"), r.out());
        assertTrue(r.out().contains("mL/h") && r.out().contains("cumulative mg"), r.out());
        assertTrue(r.out().contains("total ") && r.out().contains("plasma        at most 150 ng/mL"), r.out());
        assertTrue(r.out().contains("not a dosing device"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void theProtocolFileIsReadBackBySimulateAndCompareAndReproducesThePlasmaCurve() throws Exception {
        Path protocol = dir.resolve("tci.txt");
        Path csv = dir.resolve("tci.csv");
        Cli.Result r = Cli.run("target", "--target", "100 ng/mL for 30 min, then 150 ng/mL for 1 h, then 0", "--model",
                Cli.MODEL, "--syringe", "50 mg/mL HCl", "--duration", "2h", "--protocol-out", protocol.toString(),
                "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(protocol).contains(" HCl"), Files.readString(protocol));
        Cli.Result s = Cli.run("simulate", "--protocol", protocol.toString(), "--model", Cli.MODEL, "--duration",
                "2h", "--step", "10s", "--csv", "-");
        assertEquals(0, s.code(), s.err());
        Map<String, Double> simulated = new HashMap<>();
        for (String line : s.out().split("\n")) {
            String[] f = line.split(",");
            if (f.length >= 2 && !f[0].startsWith("time")) {
                simulated.put(key(Double.parseDouble(f[0])), Double.parseDouble(f[1]));
            }
        }
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("time_h,target_ng_per_ml,rate_ml_per_h,rate_mg_hcl_per_h,cumulative_mg_hcl,"
                + "plasma_ng_per_ml"), rows.get(0));
        int compared = 0;
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",");
            Double sim = simulated.get(key(Double.parseDouble(f[0])));
            if (sim != null) {
                double planned = Double.parseDouble(f[5]);
                assertEquals(planned, sim, 1e-3 * Math.max(planned, 1), "at " + f[0] + " h");
                compared++;
            }
        }
        assertTrue(compared > 600, "compared " + compared);
        Cli.Result c = Cli.run("compare", "--protocol", protocol.toString(), "--protocol", "crps-schwartzman-2009",
                "--model", Cli.MODEL);
        assertEquals(0, c.code(), c.err());
    }

    private static String key(double h) {
        return Long.toString(Math.round(h * 3600));
    }

    @Test
    void jsonCarriesTheScheduleOutcomesAndCurves() throws Exception {
        Path json = dir.resolve("t.json");
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals("plasma", n.get("mode").asText());
        assertTrue(n.get("pump_schedule").size() > 1);
        assertEquals(10, n.get("pump").get("update_interval_s").asDouble(), 1e-9);
        assertTrue(n.get("targets_reached").get(0).get("reached_h").asDouble() > 0);
        assertEquals(n.get("time_h").size(), n.get("plasma_ng_per_ml").size());
    }

    @Test
    void effectSiteModeUsesTheEndpointsKe0AndSaysWhenThePeakComes() {
        Cli.Result r = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", Cli.MODEL, "--effect-site",
                "navarrete-2025-ani", "--plasma-limit", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("effect site target"), r.out());
        assertTrue(r.out().contains("ke0 0.238 /min") && r.out().contains("fitted"), r.out());
        assertTrue(r.out().contains("plasma limit  3 × the target"), r.out());
        Cli.Result free = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", Cli.MODEL, "--effect-site",
                "navarrete-2025-ani");
        assertEquals(0, free.code(), free.err());
        assertTrue(free.out().replaceAll("\\s+", " ").contains("effect-site peak of the first interval predicted at "
                + "0:01:42"), free.out());
    }

    @Test
    void aToleranceOutOfRangeIsNamed() {
        for (String pct : new String[] {"0%", "100%"}) {
            Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 4 h", "--model", Cli.MODEL, "--manual",
                    "--tolerance", pct);
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("error: --tolerance must be greater than 0 and at most 50 % but was "),
                    r.err());
        }
    }

    /**
     * The pump sees a target only at its updates: a target of 1 s with an update every 10 s held no update, and the
     * summary said it was "NOT reached ... (plasma at most NaN ng/mL, NaN % of the target)".
     */
    @Test
    void aTargetShorterThanTheUpdateIntervalIsRefused() {
        for (String target : new String[] {"150 ng/mL for 1 s", "150 ng/mL for 1 h, then 200 ng/mL for 5 s, then 0"}) {
            Cli.Result r = Cli.run("target", "--target", target, "--model", Cli.MODEL);
            assertEquals(2, r.code(), r.out());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().contains(" lasts ") && r.err().contains("less than the pump's update interval of 10 s"),
                    r.err());
            assertEquals("", r.out());
        }
        Cli.Result shorter = Cli.run("target", "--target", "150 ng/mL for 5 s, then 100 ng/mL for 10 min",
                "--model", Cli.MODEL, "--update", "5s");
        assertEquals(0, shorter.code(), shorter.err());
        assertTrue(!shorter.out().contains("NaN"), shorter.out());
    }

    /** A plasma limit out of range was refused as "plasma limit must be ...", naming no option. */
    @Test
    void aPlasmaLimitOutOfRangeNamesTheOption() {
        for (String limit : new String[] {"0.5", "11"}) {
            Cli.Result r = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", Cli.MODEL, "--effect-site",
                    "navarrete-2025-ani", "--plasma-limit", limit);
            assertEquals(2, r.code(), r.out());
            assertEquals("error: --plasma-limit must be between 1 and 10 × target but was " + limit + "\n", r.err());
        }
    }

    @Test
    void aGuessedKe0NeedsPermission() {
        Cli.Result r = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", Cli.MODEL, "--effect-site",
                "navarrete-2025-ani", "--ke0-guess", "0.5");
        assertEquals(2, r.code());
        assertEquals("error: --ke0-guess 0.5 /min is a guess, not estimated from effect data; add --allow-guessed-ke0 "
                + "to use it (it is then labelled a guess on every output)\n", r.err());
        Cli.Result ok = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", Cli.MODEL, "--effect-site",
                "navarrete-2025-ani", "--ke0-guess", "0.5", "--allow-guessed-ke0");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("guessed"), ok.out());
    }

    @Test
    void aMaximumRateTooLowToReachTheTargetAtOnceSaysSo() {
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, "--max-rate", "5mL/h");
        assertEquals(0, r.code(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("the maximum rate of 5 mL/h held the pump back"), r.out());
        assertTrue(r.out().contains("reached at 0:"), r.out());
    }

    /** A target not reached said only "NOT reached"; the reader had to find how close it came elsewhere. */
    @Test
    void aTargetNotReachedSaysHowCloseItCame() {
        Cli.Result r = Cli.run("target", "--target", "2000 ng/mL for 30 min", "--model", Cli.MODEL, "--max-rate",
                "20mL/h");
        assertEquals(0, r.code(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("2000 ng/mL from 0:00:00: NOT reached before 0:30:00 (plasma at most 862.8 ng/mL, "
                + "43.1 % of the target); the maximum rate of 20 mL/h held the pump back"), r.out());
        // a step down that the concentration cannot fall to in time: how far above it stayed
        r = Cli.run("target", "--target", "400 ng/mL for 30 min, then 100 ng/mL for 5 min, then 0", "--model",
                Cli.MODEL);
        assertEquals(0, r.code(), r.err());
        flat = r.out().replaceAll("\\s+", " ");
        assertTrue(java.util.regex.Pattern.compile("100 ng/mL from 0:30:00: NOT reached before 0:35:00 \\(plasma at "
                + "least [0-9.]+ ng/mL, [0-9.]+ % of the target\\)").matcher(flat).find(), r.out());
    }

    @Test
    void manualSchemeReportsTheAchievedRangeAndSimulateReadsIt() throws Exception {
        Path protocol = dir.resolve("manual.txt");
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 4 h", "--model", Cli.MODEL, "--manual",
                "--tolerance", "15%", "--protocol-out", protocol.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Manual scheme") && r.out().contains("bolus"), r.out());
        assertTrue(r.out().contains("within ±15 % for"), r.out());
        Cli.Result s = Cli.run("simulate", "--protocol", protocol.toString(), "--model", Cli.MODEL);
        assertEquals(0, s.code(), s.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--target|-5 ng/mL for 1 h|target must be 0 (stop) or between 1 and 5000 ng/mL but was -5",
        "--target|0 ng/mL for 1 h|the first target must be above 0 ng/mL",
        "--target|50000 ng/mL for 1 h|target must be 0 (stop) or between 1 and 5000 ng/mL but was 50000",
        "--target|150 ng/dL for 1 h|target unit must be ng/mL, µg/L, µg/mL or mg/L but was 'ng/dL'",
        "--target|100 ng/mL at 1 h, 150 ng/mL at 30 min|targets must be in time order",
        "--target|150 ng/mL|the last target (150 ng/mL) needs a duration",
        "--syringe|0 mg/mL|syringe concentration must be greater than 0 and at most 100 mg/mL but was 0",
        "--syringe|ten|--syringe must be a concentration in mg/mL",
        "--max-rate|0 mL/h|maximum rate must be greater than 0 and at most 1200 mL/h but was 0",
        "--update|0.1s|update interval must be between 1 and 600 s but was 0.1"})
    void badInputIsOneLineAndExitTwo(String option, String value, String message) {
        String[] args = option.equals("--target") ? new String[] {"target", "--target", value, "--model", Cli.MODEL}
                : new String[] {"target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, option, value};
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.err());
    }

    /** The numbers the README quotes. */
    @Test
    void readmeNumbers() {
        String plasma = Cli.run("target", "--target", "150 ng/mL for 4 h").out().replaceAll("\\s+", " ");
        assertTrue(plasma.contains("0:00:00 0:00:10 137.4 1374 3.817"), plasma);
        assertTrue(plasma.contains("reached at 0:00:10"), plasma);
        assertTrue(plasma.contains("total 82.73 mg"), plasma);
        assertTrue(plasma.contains("norketamine 83.79 ng/mL at 4:00:00"), plasma);
        String manual = Cli.run("target", "--target", "150 ng/mL for 4 h", "--manual").out().replaceAll("\\s+", " ");
        assertTrue(manual.contains("bolus 0.38 mL 3.8 mg 0:00:00 0:30:00 3.6 36 0:30:00 4:00:00 1.8 18"), manual);
        assertTrue(manual.contains("plasma 129 to 170.4 ng/mL"), manual);
        String effect = Cli.run("target", "--target", "200 ng/mL for 1 h", "--model", "domino-1984", "--effect-site",
                "navarrete-2025-ani").out().replaceAll("\\s+", " ");
        assertTrue(effect.contains("0:00:00 0:00:10 285.2 2852 7.922"), effect);
        assertTrue(effect.contains("predicted at 0:01:42"), effect);
        assertTrue(effect.contains("plasma at most 1575 ng/mL"), effect);
        assertTrue(effect.contains("effect site at most 200 ng/mL"), effect);
    }

    @Test
    void plotsThePumpScheduleAsSimulateWould() throws Exception {
        Path png = dir.resolve("tci.png");
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, "--plot",
                png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        Path svg = dir.resolve("manual.svg");
        Cli.Result m = Cli.run("target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, "--manual", "--plot",
                svg.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(Files.readString(svg).contains("<svg"));
        Cli.Result bad = Cli.run("target", "--target", "150 ng/mL for 1 h", "--plot", dir.resolve("x.gif").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --plot must name a .png or .svg file but was"), bad.err());
    }

    /**
     * The chart says on top what the pump does, and below it the model and the patient, as simulate's charts do: the
     * title used to be the model and the patient, which says nothing of what a slide shows.
     */
    @Test
    void theChartTitleSaysWhatThePumpDoes() throws Exception {
        for (boolean manual : new boolean[] {false, true}) {
            Path svg = dir.resolve(manual ? "manual-title.svg" : "tci-title.svg");
            List<String> args = new ArrayList<>(List.of("target", "--target", "150 ng/mL for 1 h", "--model",
                    Cli.MODEL, "--plot", svg.toString()));
            if (manual) {
                args.add("--manual");
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text[^>]*>([^<]*)</text>")
                    .matcher(Files.readString(svg).replaceAll("[\\u00a0\\u202f]", " ").replace('\u2011', '-'));
            List<String> texts = new ArrayList<>();
            while (m.find() && texts.size() < 2) {
                texts.add(m.group(1));
            }
            String what = manual ? "Manual scheme for 150 ng/mL for " : "Target-controlled infusion, plasma target";
            assertTrue(texts.get(0).startsWith(what), texts::toString);
            assertTrue(texts.get(1).startsWith("model " + Cli.MODEL + " · "), texts::toString);
        }
    }

    /** Every example in the help text runs (those on the default model only when this build has it). */
    @Test
    void helpExamplesRun() {
        picocli.CommandLine cl = Main.commandLine(new Main(), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter())).getSubcommands().get("target");
        // as the help shows it: picocli formats the footer, so a percent sign is written %% there
        String joined = String.format(java.util.Locale.ROOT, String.join("\n",
                cl.getCommandSpec().usageMessage().footer())).replace(" \\\n      ", " ");
        int run = 0;
        for (String line : joined.split("\n")) {
            if (!line.startsWith("  ketamine-pk ")) {
                continue;
            }
            List<String> args = new java.util.ArrayList<>(DocumentedCommands.words(line.substring("  ketamine-pk "
                    .length())));
            for (int i = 0; i < args.size() - 1; i++) {
                if (List.of("--csv", "--json", "--plot", "--protocol-out").contains(args.get(i))) {
                    args.set(i + 1, dir.resolve(args.get(i + 1)).toString());
                }
            }
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(0, r.code(), line + "\n" + r.err());
            run++;
        }
        assertTrue(run >= 4, "examples run: " + run);
    }
}
