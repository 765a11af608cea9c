package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.Simulation;
import org.ketaminepk.cli.Main;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;

/**
 * The explorer's manual schemes ({@code manual} on {@code /api/target}): the scheme {@code target --manual} designs
 * and prints, the same refusals in the same words, and the same files.
 */
class ExplorerManualSchemeTest extends LoopbackExplorer {
    private static final String TARGET = "150 ng/mL for 2 h";

    @TempDir
    Path dir;

    /** What {@code ketamine-pk ARGS} printed and returned. */
    private record Run(int code, String out, String err) {
    }

    private static Run cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main(), new PrintWriter(out), new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** @return {@code target --target TARGET --manual} with {@code args} after it */
    private static List<String> manual(String... args) {
        List<String> all = new ArrayList<>(List.of("target", "--target", TARGET, "--manual"));
        all.addAll(List.of(args));
        return all;
    }

    /** @return the bytes {@code target --manual} writes to {@code option}'s file, with {@code args} before it */
    private byte[] written(String option, String name, String... args) throws Exception {
        Path file = dir.resolve(name);
        List<String> all = manual(args);
        all.addAll(List.of(option, file.toString()));
        Run r = cli(all);
        assertEquals(0, r.code(), r::err);
        return Files.readAllBytes(file);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void theAnswerHoldsTheSchemeAsTheCommandPrintsIt() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?manual=true&tolerance=10%25&model=domino-1984&weight=80&target="
                + q(TARGET));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        assertEquals("manual", doc.path("scheme").asText());
        assertTrue(doc.path("title").asText().startsWith("Manual scheme for 150 ng/mL for 2 h"), doc::toString);
        assertTrue(doc.path("pump_schedule").isMissingNode(), "a manual scheme is no pump schedule");

        // the library's scheme for the same inputs
        ManualScheme m = ManualScheme.design(TargetController.plasma(Simulation.standard().individualize(
                Models.DOMINO_1984, Patient.standardAdult().withWeightKg(80)), PumpSettings.standard()
                .withRateStepMlPerH(0.1)), 150, 2, 0.10);
        JsonNode s = doc.path("manual");
        assertEquals(10, s.path("tolerance_percent").asDouble(), 1e-12);
        assertEquals(m.bolusMg(), s.path("bolus_mg").asDouble(), 0);
        assertEquals(m.steps().size(), s.path("rates").size());
        for (int i = 0; i < m.steps().size(); i++) {
            assertEquals(m.steps().get(i).rateMlPerH(), s.path("rates").get(i).path("rate_ml_per_h").asDouble(), 0);
            assertEquals(m.steps().get(i).endH(), s.path("rates").get(i).path("end_h").asDouble(), 0);
        }
        assertEquals(m.minNgPerMl(), s.path("min_ng_per_ml").asDouble(), 0);
        assertEquals(m.withinTolerance(), s.path("within_tolerance").asBoolean());

        // the rows and lines are those target --manual prints, in its words
        Run printed = cli(manual("--tolerance", "10%", "--model", "domino-1984", "--weight", "80"));
        assertEquals(0, printed.code(), printed::err);
        assertEquals(m.steps().size() + 1, s.path("table").size());
        for (JsonNode row : s.path("table")) {
            String line = String.format(Locale.ROOT, "  %-10s %-10s %10s %10s", row.get(0).asText(),
                    row.get(1).asText(), row.get(2).asText(), row.get(3).asText());
            assertTrue(printed.out().contains(line + System.lineSeparator()) || printed.out().contains(line + "\n"),
                    () -> "'" + line + "' not in\n" + printed.out());
        }
        for (String k : List.of("target", "syringe", "achieved", "total")) {
            String text = s.path("lines").path(k).asText();
            assertFalse(text.isBlank(), k);
            assertTrue(squeeze(printed.out()).contains(k + " " + squeeze(text)), () -> k + ": " + text);
        }
    }

    @Test
    void theCurveIsTheSchemesAndStaysInItsAchievedRange() throws Exception {
        JsonNode doc = json(get("/api/target?manual=true&model=domino-1984&target=" + q(TARGET)));
        JsonNode s = doc.path("manual");
        double lo = s.path("min_ng_per_ml").asDouble();
        double hi = s.path("max_ng_per_ml").asDouble();
        JsonNode t = doc.path("display").path("time_h");
        JsonNode k = doc.path("display").path("ketamine_ng_per_mL");
        JsonNode target = doc.path("target_display").path("target_ng_per_mL");
        assertEquals(t.size(), k.size());
        assertEquals(t.size(), target.size());
        assertEquals(4, t.get(t.size() - 1).asDouble(), 1e-9, "2 h of target and 2 h after, as target --manual");
        int held = 0;
        for (int i = 0; i < t.size(); i++) {
            double time = t.get(i).asDouble();
            double c = k.get(i).asDouble();
            double tg = target.get(i).asDouble();
            if (time > 0 && time < 2) {
                held++;
                assertEquals(150, tg, 0, "the target while it is held");
                // the display rounds to 6 digits; the achieved range is exact for the scheme
                assertTrue(c >= lo * (1 - 1e-5) && c <= hi * (1 + 1e-5), () -> "at " + time + " h: " + c
                        + " ng/mL outside " + lo + " to " + hi);
            } else if (time > 2) {
                assertEquals(0, tg, 0, "no target after the scheme");
            }
        }
        assertTrue(held > 50, "points while the target is held: " + held);
        // the bolus, then the running infusions, shaded as a regimen's doses
        JsonNode doses = doc.path("regimen").path("doses");
        assertEquals(0, doses.get(0).path("end_h").asDouble(), 0);
        assertEquals(2, doses.get(doses.size() - 1).path("end_h").asDouble(), 1e-9);
    }

    /** The explorer's refusal is the command line's message, with the parameters named without dashes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "manual=true&population=50|--manual --population 50|population",
        "manual=true&endpoint=navarrete-2025-ani|--manual --endpoint navarrete-2025-ani|endpoint",
        "manual=true&model=domino-1984&endpoint=navarrete-2025-ani&site=effect-site"
                + "|--manual --model domino-1984 --effect-site navarrete-2025-ani|manual",
        "tolerance=10|--tolerance 10|tolerance",
        "manual=true&tolerance=60|--manual --tolerance 60|tolerance",
        "manual=true&tolerance=0%25|--manual --tolerance 0%|tolerance",
        "manual=true&tolerance=abc|--manual --tolerance abc|tolerance",
        "manual=true&duration=1h|--manual --duration 1h|duration",
        "manual=true&format=csv&population=50|--manual --csv - --population 50|population"})
    void refusedWithTheCommandLinesMessage(String query, String options, String field) throws Exception {
        List<String> args = new ArrayList<>(List.of("target", "--target", TARGET));
        args.addAll(List.of(options.split(" ")));
        Run r = cli(args);
        assertEquals(2, r.code(), r::out);
        assertTrue(r.err().startsWith("error: "), r::err);
        String cliMessage = r.err().substring("error: ".length()).strip();

        HttpResponse<byte[]> a = get("/api/target?target=" + q(TARGET) + "&" + query);
        assertEquals(400, a.statusCode(), () -> new String(a.body(), StandardCharsets.UTF_8));
        JsonNode err = json(a).path("error");
        assertEquals(field, err.path("field").asText(), err::toString);
        assertEquals(ExplorerServer.parameterWording(cliMessage), err.path("message").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100 ng/mL for 30 min, then 150 ng/mL for 1 h",
        "150 ng/mL for 1 h at 10 min"})
    void aTargetThatIsNotOneFromTimeZeroIsRefusedAsTheCommandLineRefusesIt(String spec) throws Exception {
        Run r = cli(List.of("target", "--target", spec, "--manual"));
        assertEquals(2, r.code(), r::out);
        HttpResponse<byte[]> a = get("/api/target?manual=true&target=" + q(spec));
        assertEquals(400, a.statusCode(), () -> new String(a.body(), StandardCharsets.UTF_8));
        JsonNode err = json(a).path("error");
        assertEquals("target", err.path("field").asText(), err::toString);
        assertEquals(ExplorerServer.parameterWording(r.err().substring("error: ".length()).strip()),
                err.path("message").asText());
    }

    @Test
    void manualTakesTrueOrFalse() throws Exception {
        JsonNode off = json(get("/api/target?manual=false&model=domino-1984&target=" + q(TARGET)));
        assertEquals("target-controlled", off.path("scheme").asText());
        assertTrue(off.path("pump_schedule").size() > 1);
        JsonNode err = json(get("/api/target?manual=yes&target=" + q(TARGET))).path("error");
        assertEquals("manual", err.path("field").asText());
        assertTrue(err.path("message").asText().contains("but was 'yes'"), err::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model=domino-1984|--model domino-1984",
        "model=domino-1984&syringe=50+mg%2FmL+HCl&tolerance=20|--model domino-1984 --syringe 50_mg/mL_HCl "
                + "--tolerance 20",
        "weight=55&rate-step=1mL%2Fh|--weight 55 --rate-step 1mL/h"})
    void theProtocolExportIsTheFileOfProtocolOut(String query, String options) throws Exception {
        HttpResponse<byte[]> r = get("/api/target?manual=true&format=protocol&target=" + q(TARGET) + "&" + query);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"ketamine-pk-target-protocol.txt\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        String[] args = options.split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace('_', ' ');
        }
        assertArrayEquals(written("--protocol-out", "m.txt", args), r.body());
    }

    /** CSV and JSON of a manual scheme are the files of {@code target --manual --csv/--json}, byte for byte. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "csv|model=domino-1984|--model domino-1984",
        "json|model=domino-1984|--model domino-1984",
        "csv|model=domino-1984&syringe=50+mg%2FmL+HCl&tolerance=20&duration=5h|--model domino-1984 --syringe "
                + "50_mg/mL_HCl --tolerance 20 --duration 5h",
        "json|weight=55&rate-step=1mL%2Fh|--weight 55 --rate-step 1mL/h"})
    void theCsvAndJsonExportsAreTheFilesOfTheCommand(String format, String query, String options) throws Exception {
        HttpResponse<byte[]> r = get("/api/target?manual=true&format=" + format + "&target=" + q(TARGET) + "&"
                + query);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("attachment; filename=\"ketamine-pk-target." + format + "\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        String[] args = options.split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace('_', ' ');
        }
        byte[] file = written("--" + format, "m." + format, args);
        assertArrayEquals(file, r.body());
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(format.equals("csv") ? text.startsWith("time_h,target_ng_per_ml,rate_ml_per_h,")
                : text.contains("\"scheme\" : \"manual\""), () -> text.substring(0, 200));
    }

    @Test
    void aTargetControlledProtocolExportIsTheFileOfProtocolOut() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?format=protocol&model=domino-1984&target=" + q(TARGET));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        Path file = dir.resolve("tci.txt");
        Run c = cli(List.of("target", "--target", TARGET, "--model", "domino-1984", "--protocol-out",
                file.toString()));
        assertEquals(0, c.code(), c::err);
        assertArrayEquals(Files.readAllBytes(file), r.body());
    }

    @Test
    void thePngIsTheCommandsManualChartPixelForPixel() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?manual=true&format=png&model=domino-1984&duration=6h&target="
                + q(TARGET));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(r.body()));
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(written("--plot", "m.png", "--model",
                "domino-1984", "--duration", "6h")));
        assertEquals(drawn.getWidth(), served.getWidth());
        assertEquals(drawn.getHeight(), served.getHeight());
        int differ = ExplorerTargetExportTest.differingPixels(drawn, served);
        assertEquals(0, differ, "pixels that differ from target --manual --plot");
        // --duration reaches the plot: a longer window is another picture
        BufferedImage shorter = ImageIO.read(new ByteArrayInputStream(written("--plot", "s.png", "--model",
                "domino-1984")));
        boolean same = true;
        for (int y = 0; y < drawn.getHeight() && same; y += 3) {
            for (int x = 0; x < drawn.getWidth() && same; x += 3) {
                same = drawn.getRGB(x, y) == shorter.getRGB(x, y);
            }
        }
        assertFalse(same, "--duration 6h draws another window than the default 4 h");
    }

    @Test
    void anSvgCarriesTheSchemesSubtitle() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?manual=true&format=svg&model=domino-1984&target=" + q(TARGET));
        assertEquals(200, r.statusCode());
        // the chart keeps a number with its unit by a no-break space
        String svg = new String(r.body(), StandardCharsets.UTF_8).replaceAll("[\\u00a0\\u202f]", " ");
        assertTrue(svg.contains("Manual scheme for 150 ng/mL for 2 h"), "the command's subtitle");
    }
}
