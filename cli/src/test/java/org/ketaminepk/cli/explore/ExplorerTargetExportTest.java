package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.cli.Main;

/**
 * The explorer's target mode exports ({@code format} on {@code /api/target}): the same files as {@code target --csv},
 * {@code --json} and {@code --plot} for the same inputs.
 */
class ExplorerTargetExportTest extends LoopbackExplorer {
    private static final String SCHEDULE = "100 ng/mL for 30 min, then 150 ng/mL for 1 h";

    @TempDir
    Path dir;

    /** @return the bytes {@code target} writes to {@code option}'s file, with {@code args} after the target */
    private byte[] written(String option, String name, String... args) throws Exception {
        Path file = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of("target", "--target", SCHEDULE));
        all.addAll(List.of(args));
        all.addAll(List.of(option, file.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main(), new PrintWriter(out), new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertEquals(0, code, err::toString);
        return Files.readAllBytes(file);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "csv|text/csv; charset=utf-8|model=domino-1984&weight=90|--model domino-1984 --weight 90",
        "json|application/json; charset=utf-8|model=domino-1984&weight=90|--model domino-1984 --weight 90",
        "csv|text/csv; charset=utf-8|model=domino-1984&syringe=50+mg%2FmL+HCl&endpoint=navarrete-2025-ani"
                + "|--model domino-1984 --syringe 50_mg/mL_HCl --endpoint navarrete-2025-ani",
        "json|application/json; charset=utf-8|model=domino-1984&endpoint=navarrete-2025-ani&site=effect-site"
                + "&plasma-limit=2|--model domino-1984 --effect-site navarrete-2025-ani --plasma-limit 2",
        "json|application/json; charset=utf-8|update=30s&duration=3h&max-rate=100mL%2Fh"
                + "|--update 30s --duration 3h --max-rate 100mL/h"})
    void csvAndJsonAreTheBytesTheCommandWrites(String format, String type, String query, String options)
            throws Exception {
        HttpResponse<byte[]> r = get("/api/target?format=" + format + "&target=" + q(SCHEDULE) + "&" + query);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(type, r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"ketamine-pk-target." + format + "\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        // "_" stands for a space inside one option value
        String[] args = options.split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace('_', ' ');
        }
        byte[] expected = written("--" + format, "t." + format, args);
        assertArrayEquals(expected, r.body(), () -> "differs from target --" + format + " " + options);
    }

    @Test
    void theJsonIsTheCommandsTargetDocument() throws Exception {
        JsonNode doc = json(get("/api/target?format=json&model=domino-1984&target=" + q(SCHEDULE)));
        assertEquals("target", doc.path("command").asText());
        assertTrue(doc.path("pump_schedule").size() > 1, doc::toString);
        assertEquals(doc.path("time_h").size(), doc.path("plasma_ng_per_ml").size());
    }

    @Test
    void aPngDecodesAtTheSizeAskedForAndIsTheCommandsChart() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?format=png&image-width=800&image-height=500&model=domino-1984"
                + "&target=" + q(SCHEDULE));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());

        HttpResponse<byte[]> full = get("/api/target?format=png&model=domino-1984&target=" + q(SCHEDULE));
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(full.body()));
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(written("--plot", "t.png", "--model",
                "domino-1984")));
        assertEquals(drawn.getWidth(), served.getWidth());
        assertEquals(drawn.getHeight(), served.getHeight());
        int differ = ExplorerTargetExportTest.differingPixels(drawn, served);
        assertEquals(0, differ, "pixels that differ from target --plot");
    }

    @Test
    void anSvgIsTheCommandsChart() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?format=svg&model=domino-1984&target=" + q(SCHEDULE));
        assertEquals(200, r.statusCode());
        assertEquals("image/svg+xml", r.headers().firstValue("Content-Type").orElse(""));
        String svg = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), () -> svg.substring(0, 80));
        assertTrue(svg.contains("Target-controlled infusion, plasma target"), "the command's subtitle");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "format=exe&target=150+ng%2FmL+for+1+h|format",
        "format=png&target=150+ng%2FmL+for+1+h&image-width=100000|image-width",
        "format=png&target=150+ng%2FmL+for+1+h&image-height=10|image-height",
        "format=csv&target=150+ng%2FmL+for+ever|target",
        "format=csv|target",
        "format=json&target=150+ng%2FmL+for+1+h&syringe=10+gallons|syringe",
        "format=csv&target=150+ng%2FmL+for+1+h&protocol=crps-schwartzman-2009|protocol",
        "target=150+ng%2FmL+for+1+h&image-width=800|image-width"})
    void badExportRequestsAreOneLine400sNamingTheField(String query, String field) throws Exception {
        HttpResponse<byte[]> r = get("/api/target?" + query);
        assertEquals(400, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode err = json(r).path("error");
        assertEquals(field, err.path("field").asText(), err::toString);
        String message = err.path("message").asText();
        assertTrue(!message.isBlank() && !message.contains("\n") && !message.contains("Exception"), message);
    }

    /** @return how many of every third pixel in each direction differ between two images of the same size */
    static int differingPixels(BufferedImage drawn, BufferedImage served) {
        int differ = 0;
        for (int y = 0; y < drawn.getHeight(); y += 3) {
            for (int x = 0; x < drawn.getWidth(); x += 3) {
                if (drawn.getRGB(x, y) != served.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        return differ;
    }
}
