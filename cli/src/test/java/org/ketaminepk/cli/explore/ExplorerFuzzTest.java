package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed requests against a loopback server, from a fixed seed: no answer is a 5xx other than a
 * deliberate 503, and the server still answers a good request afterwards.
 */
class ExplorerFuzzTest extends LoopbackExplorer {
    private static final String[] KEYS = {"model", "protocol", "dose", "duration", "step", "log", "age", "weight",
        "height", "sex", "creatinine", "egfr", "clcr", "child-pugh", "comed", "cyp2b6", "px", "format", "pin.dose",
        "pin.weight", "image-width", "bogus", "", "%zz", "a\u0000b"};
    private static final String[] VALUES = {"", "0", "-1", "1e308", "NaN", "Infinity", "70", "999999999999", "abc",
        "crps-schwartzman-2009", "racemic-composite", "kamp-2020", "0.5 mg/kg over 40 min", "bolus 20 mg every 1 min x100000",
        "1.2 mg/kg/h for 72 h", "oral 50 mg every 8 h x6", "bolus", "over over", "../../etc/passwd", "%00", "\u202e",
        "1.4mg/dL", "1.4", "B", "Z", "true", "maybe", "10s", "60d", "1min", "0s", "-5h", "\"}{", "<script>", "x".repeat(3000)};
    private static final String[] PATHS = {"/api/simulate", "/api/export", "/api/models", "/api/protocols", "/",
        "/explore.js", "/api/", "/api/simulate/", "//api/simulate", "/%2e%2e/pom.xml", "/index.html"};

    private static String randomQuery(Random rnd) {
        StringBuilder q = new StringBuilder();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append('&');
            }
            String k = KEYS[rnd.nextInt(KEYS.length)];
            String v = VALUES[rnd.nextInt(VALUES.length)];
            q.append(rnd.nextInt(10) == 0 ? k : URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(rnd.nextInt(10) == 0 ? v.replace(" ", "+").replace("%", "%%") : URLEncoder.encode(v,
                            StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static int request(Random rnd) throws IOException, InterruptedException {
        String path = PATHS[rnd.nextInt(PATHS.length)];
        String query = randomQuery(rnd);
        URI uri;
        try {
            uri = URI.create(server.uri().toString().replaceAll("/$", "") + path
                    + (query.isEmpty() ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            return raw("GET " + path + "?" + query
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        switch (rnd.nextInt(5)) {
            case 0:
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        rnd.nextBoolean() ? "{\"" + KEYS[rnd.nextInt(KEYS.length)] + "\": [1, {\"a\": 2}]}"
                                : "{\"protocol\": \"crps-schwartzman-2009\", \"weight\": " + VALUES[rnd.nextInt(
                                        VALUES.length)] + "}"));
                break;
            case 1:
                b.header("Content-Type", "application/x-www-form-urlencoded").POST(
                        HttpRequest.BodyPublishers.ofString(randomQuery(rnd)));
                break;
            case 2:
                b.method(rnd.nextBoolean() ? "PUT" : "OPTIONS", HttpRequest.BodyPublishers.noBody());
                break;
            default:
                b.GET();
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void check(int status, String what) {
        assertTrue(status < 500 || status == 503, what + " answered " + status);
    }

    @Test
    void survivesRandomMalformedAndConcurrentRequests() throws Exception {
        Random rnd = new Random(20_261_127L);
        for (int i = 0; i < 300; i++) {
            check(request(rnd), "request " + i);
        }
        String[] rawRequests = {"GARBAGE\r\n\r\n", "GET /api/simulate?protocol=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /api/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{",
            "POST /api/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{\"a\"",
            "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"};
        for (String r : rawRequests) {
            check(raw(r), r.substring(0, Math.min(30, r.length())));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                Random own = new Random(c);
                results.add(pool.submit(() -> {
                    List<Integer> codes = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        codes.add(i % 3 == 0 ? request(own) : client.send(HttpRequest.newBuilder(
                                server.uri().resolve("/api/simulate?protocol=crps-schwartzman-2009"
                                        + "&weight=" + (50 + i)))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode());
                    }
                    return codes;
                }));
            }
            for (Future<List<Integer>> f : results) {
                for (int code : f.get(120, TimeUnit.SECONDS)) {
                    check(code, "a concurrent request");
                }
            }
        } finally {
            pool.shutdownNow();
        }

        HttpResponse<String> after = client.send(HttpRequest.newBuilder(
                server.uri().resolve("/api/simulate?protocol=crps-schwartzman-2009"))
                .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("\"cmax_ng_per_mL\""));
    }
}
