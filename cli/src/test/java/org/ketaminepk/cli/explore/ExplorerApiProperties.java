package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random requests to the explorer's API, mostly sensible and now and then hostile (a value out of range, not a
 * number, a name that does not exist, options that do not go together): every answer is either 200 with finite
 * numbers throughout, or 400 with one line of JSON that names the field; never a 500, never a NaN or an infinity in
 * a body, whatever the combination.
 */
class ExplorerApiProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NON_FINITE = Pattern.compile("(?<![A-Za-z])(NaN|-?Infinity)(?![A-Za-z])");
    private static ExplorerServer server;
    private static HttpClient client;

    private static final String[] MODELS = {"racemic-composite", "kamp-2020", "domino-1984", "clements-1981",
        "hijazi-2003", "herd-2007", "otto-2021", "simons-2022", "perez-ruixo-2021", "flint-2017"};
    private static final String[] PROTOCOLS = {"depression-zarate-2006", "depression-phillips-2019",
        "depression-oral-kheirabadi-2023", "crps-schwartzman-2009", "crps-dahan-2011", "crps-goldberg-2010",
        "pain-start-cohen-2018", "oral-chong-2006", "sublingual-rolan-2014", "esketamine-56mg-spravato"};
    private static final String[] DOSES = {"0.5 mg/kg over 40 min", "bolus 20 mg", "oral 50 mg every 8 h x6",
        "nasal 56 mg", "0.35 mg/kg/h for 4 h", "sublingual 25 mg at 3 h", "im 30 mg", "bolus 20 mg HCl",
        "bolus 20 mg every 24 h x3"};
    private static final String[] ENDPOINTS = {"olofsen-2022-antinociception", "olofsen-2022-external-perception",
        "dahan-2024-pain-threshold", "herd-2008-sedation", "schuttler-1987-eeg", "navarrete-2025-ani",
        "antinociception"};
    private static final String[] TIMES = {"6h", "1d", "2h", "10 min", "12h", "3d"};
    private static final String[] HOSTILE = {"", "NaN", "Infinity", "-1", "1e309", "abc", "0", "-0", "1e6"};

    @BeforeContainer
    static void start() throws IOException {
        server = ExplorerServer.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** One random request, drawn from a seed so that jqwik can report and replay it. */
    @Property(tries = 40)
    void everyAnswerIsFiniteOrAOneLineErrorNamingItsField(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        String kind = r.nextInt(5) == 0 ? "target" : r.nextInt(4) == 0 ? "export" : "simulate";
        List<String[]> p = kind.equals("target") ? target(r) : regimen(r, kind.equals("export"));
        StringBuilder query = new StringBuilder();
        for (String[] kv : p) {
            query.append(query.length() == 0 ? "" : "&").append(kv[0]).append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        String request = "/api/" + kind + "?" + query;
        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(server.uri().resolve(request))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        int code = answer.statusCode();
        Statistics.collect(kind, code);
        assertTrue(code == 200 || code == 400, () -> code + " for " + request + "\n" + body);
        if (code == 400) {
            assertTrue(type.startsWith("application/json"), () -> type + " for " + request);
            assertEquals(1, body.strip().lines().count(), () -> request + "\n" + body);
            JsonNode error = JSON.readTree(body).get("error");
            assertNotNull(error, body);
            String message = error.path("message").asText("");
            assertFalse(message.isBlank(), body);
            assertFalse(message.contains("Exception") || message.contains("internal failure"), body);
            assertTrue(error.hasNonNull("field"), () -> "no field named for " + request + ": " + body);
            return;
        }
        if (type.startsWith("application/json")) {
            // Jackson refuses NaN and Infinity tokens by default, so a body that parses has none as numbers
            allFinite(JSON.readTree(body), request);
        } else if (type.startsWith("text/")) {
            assertFalse(NON_FINITE.matcher(body).find(), () -> "a non-finite value in " + request + "\n"
                    + body.substring(0, Math.min(500, body.length())));
        } else if (type.startsWith("image/svg")) {
            assertFalse(NON_FINITE.matcher(body).find(), () -> "a non-finite coordinate in " + request);
        }
    }

    private static void allFinite(JsonNode n, String request) {
        if (n.isNumber()) {
            assertTrue(Double.isFinite(n.asDouble()), () -> n + " in " + request);
        } else if (n.isTextual()) {
            assertFalse(NON_FINITE.matcher(n.asText()).matches(), () -> n + " as text in " + request);
        }
        for (JsonNode child : n) { // an object's values, an array's elements
            allFinite(child, request);
        }
    }

    /** @return one of {@code good}, or now and then (one time in {@code 12}) a hostile value */
    private static String pick(Random r, String[] good) {
        return r.nextInt(12) == 0 ? HOSTILE[r.nextInt(HOSTILE.length)] : good[r.nextInt(good.length)];
    }

    private static String number(Random r, double lo, double hi) {
        return r.nextInt(12) == 0 ? HOSTILE[r.nextInt(HOSTILE.length)]
                : String.valueOf(Math.round((lo + r.nextDouble() * (hi - lo)) * 10) / 10.0);
    }

    private static void patient(Random r, List<String[]> p) {
        if (r.nextBoolean()) {
            p.add(new String[] {"age", number(r, 18, 90)});
        }
        if (r.nextBoolean()) {
            p.add(new String[] {"weight", number(r, 40, 150)});
        }
        if (r.nextInt(3) == 0) {
            p.add(new String[] {"height", number(r, 150, 200)});
        }
        if (r.nextInt(4) == 0) {
            p.add(new String[] {"sex", pick(r, new String[] {"male", "female"})});
        }
        switch (r.nextInt(6)) {
            case 0 -> p.add(new String[] {"creatinine", pick(r, new String[] {"1.2mg/dL", "106umol/L", "3mg/dL"})});
            case 1 -> p.add(new String[] {"egfr", number(r, 10, 120)});
            case 2 -> p.add(new String[] {"child-pugh", pick(r, new String[] {"A", "B", "C", "9"})});
            case 3 -> p.add(new String[] {"comed", pick(r, new String[] {"rifampicin", "clarithromycin",
                "ticlopidine", "itraconazole"})});
            case 4 -> p.add(new String[] {"cyp2b6", pick(r, new String[] {"*1/*1", "*1/*6", "*6/*6"})});
            default -> { }
        }
    }

    private static List<String[]> regimen(Random r, boolean export) {
        List<String[]> p = new ArrayList<>();
        if (r.nextBoolean()) {
            p.add(new String[] {"protocol", pick(r, PROTOCOLS)});
        } else {
            for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
                p.add(new String[] {"dose", pick(r, DOSES)});
            }
        }
        if (r.nextBoolean()) {
            p.add(new String[] {"model", pick(r, MODELS)});
        }
        patient(r, p);
        if (r.nextInt(3) == 0) {
            p.add(new String[] {"duration", pick(r, TIMES)});
        }
        if (r.nextInt(4) == 0) {
            p.add(new String[] {"step", pick(r, new String[] {"1 min", "5 min", "30 min"})});
        }
        if (r.nextInt(5) == 0) {
            p.add(new String[] {"log", pick(r, new String[] {"true", "false"})});
        }
        if (export) {
            p.add(new String[] {"format", pick(r, new String[] {"csv", "json", "png", "svg"})});
            if (r.nextInt(3) == 0) {
                p.add(new String[] {"pin.dose", pick(r, DOSES)});
            }
        } else {
            if (r.nextInt(4) == 0) {
                p.add(new String[] {"population", pick(r, new String[] {"20", "30"})});
            }
            if (r.nextInt(3) == 0) {
                p.add(new String[] {"endpoint", pick(r, ENDPOINTS)});
            }
        }
        return p;
    }

    private static List<String[]> target(Random r) {
        List<String[]> p = new ArrayList<>();
        p.add(new String[] {"target", pick(r, new String[] {"150 ng/mL for 4 h", "100 ng/mL for 1 h then 50 ng/mL "
            + "for 1 h", "300 ng/mL for 30 min"})});
        if (r.nextBoolean()) {
            p.add(new String[] {"model", pick(r, MODELS)});
        }
        patient(r, p);
        if (r.nextInt(3) == 0) {
            p.add(new String[] {"manual", pick(r, new String[] {"true", "false"})});
        }
        if (r.nextInt(4) == 0) {
            p.add(new String[] {"site", pick(r, new String[] {"plasma", "effect-site"})});
            p.add(new String[] {"endpoint", pick(r, ENDPOINTS)});
        }
        if (r.nextInt(4) == 0) {
            p.add(new String[] {"syringe", pick(r, new String[] {"10mg/mL", "50mg/mL"})});
        }
        return p;
    }
}
