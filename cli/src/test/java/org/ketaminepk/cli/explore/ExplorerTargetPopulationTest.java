package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.cli.Main;

/**
 * The explorer's target mode with {@code population} and {@code seed}: {@code target --population N --seed S} in the
 * page, its bands, its attainment summary and its files.
 */
class ExplorerTargetPopulationTest extends LoopbackExplorer {
    private static final String SCHEDULE = "100 ng/mL for 1 h, then 150 ng/mL for 1 h";
    private static final String QUERY = "/api/target?model=otto-2021&duration=3h&population=60&seed=11&target="
            + q(SCHEDULE);

    @TempDir
    Path dir;

    /** @return the command's standard output; {@code option}'s file, when given, is read into {@code file[0]} */
    private String target(String option, byte[][] file) throws Exception {
        List<String> args = new ArrayList<>(List.of("target", "--target", SCHEDULE, "--model", "otto-2021",
                "--duration", "3h", "--population", "60", "--seed", "11"));
        Path f = option == null ? null : dir.resolve("out" + option.substring(2));
        if (f != null) {
            args.addAll(List.of(option, f.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main(), new PrintWriter(out), new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        assertEquals(0, code, err::toString);
        if (f != null) {
            file[0] = Files.readAllBytes(f);
        }
        return out.toString();
    }

    @Test
    void theAnswerCarriesTheBandAndTheAttainmentTheCommandPrints() throws Exception {
        HttpResponse<byte[]> r = get(QUERY);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        JsonNode pop = doc.path("population");
        assertEquals(60, pop.path("size").asInt());
        assertEquals(11, pop.path("seed").asLong());
        int n = pop.path("time_h").size();
        assertTrue(n > 10, pop::toString);
        JsonNode ket = pop.path("ketamine_ng_per_mL");
        assertEquals(n, ket.path("p5").size());
        assertEquals(n, ket.path("p95").size());
        boolean spread = false;
        for (int i = 0; i < n; i++) {
            double p5 = ket.path("p5").get(i).asDouble();
            double p50 = ket.path("p50").get(i).asDouble();
            double p95 = ket.path("p95").get(i).asDouble();
            int at = i;
            assertTrue(p5 <= p50 && p50 <= p95, () -> "percentiles out of order at " + at);
            spread |= p95 > p5 * 1.05;
        }
        assertTrue(spread, "the band has a width");
        assertTrue(doc.path("subtitle").asText().contains("60 virtual patients, seed 11"), doc.path("subtitle")::asText);

        String printed = target(null, null);
        JsonNode att = doc.path("attainment");
        assertTrue(att.path("headline").asText().startsWith("The same pump schedule given to 60 virtual patients "
                + "(seed 11"), att::toString);
        assertTrue(printed.contains(att.path("headline").asText() + "\n"), printed);
        // a title, the table head and its rule, one row per target step
        assertEquals(3 + 2, att.path("lines").size(), att::toString);
        for (JsonNode line : att.path("lines")) {
            assertTrue(printed.contains(line.asText() + "\n"), () -> "not printed by target: " + line.asText());
        }
    }

    @ParameterizedTest
    @CsvSource({"csv", "json"})
    void theFilesAreTheBytesOfTargetPopulation(String format) throws Exception {
        HttpResponse<byte[]> r = get(QUERY + "&format=" + format);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        byte[][] file = new byte[1][];
        target("--" + format, file);
        assertArrayEquals(file[0], r.body(), () -> "differs from target --population --" + format);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(format.equals("csv") ? text.lines().findFirst().orElse("").contains("p95")
                : text.contains("\"attainment\""), () -> text.substring(0, 200));
    }

    @Test
    void withoutAPopulationTheAnswerHasNone() throws Exception {
        JsonNode doc = json(get("/api/target?model=otto-2021&duration=3h&target=" + q(SCHEDULE)));
        assertTrue(doc.path("population").isMissingNode() && doc.path("attainment").isMissingNode(), doc::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "population=5|population",
        "population=201|population",
        "population=many|population",
        "population=50&seed=-3x|seed",
        "population=50&seed=9223372036854775808|seed",
        "population=50&model=kamp-2020|population",
        "population=50&format=csv&model=kamp-2020|population"})
    void badPopulationsAreRefusedAsInRegimenMode(String query, String field) throws Exception {
        HttpResponse<byte[]> r = get("/api/target?target=" + q("150 ng/mL for 1 h") + "&" + query);
        assertEquals(400, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode err = json(r).path("error");
        assertEquals(field, err.path("field").asText(), err::toString);
        String message = err.path("message").asText();
        assertTrue(!message.isBlank() && !message.contains("\n"), message);
    }
}
