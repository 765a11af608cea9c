package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.effect.ConcentrationEffect;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.EffectSiteBands;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.protocol.Protocols;
import org.ketaminepk.result.Series;

/** The explorer's HTTP API on a loopback port: answers, errors, limits and headers. */
class ExplorerApiTest extends LoopbackExplorer {
    @Test
    void simulateGivesTheLibrarysMetricsAndKeepsThePeakWhenThinned() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?protocol=crps-schwartzman-2009&weight=90&age=65");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode doc = json(r);
        Patient p = Patient.standardAdult().withWeightKg(90).withAgeYears(65);
        Series ket = Simulation.run(Models.get("racemic-composite"), p, Protocols.get("crps-schwartzman-2009")
                .regimen(), TimeGrid.uniform(244, 1.0 / 60)).profile().series(Analyte.KETAMINE);
        assertEquals(ket.cmaxNgPerMl(), doc.at("/metrics/ketamine/cmax_ng_per_mL").asDouble(), 1e-9);
        assertEquals(ket.aucNgHPerMl(), doc.at("/metrics/ketamine/auc_ng_h_per_mL").asDouble(), 1e-6);
        assertEquals(14_641, doc.at("/grid/points").asInt());
        JsonNode drawn = doc.at("/display/ketamine_ng_per_mL");
        assertTrue(drawn.size() < 14_641 && drawn.size() > 100, "thinned to " + drawn.size());
        double max = 0;
        for (JsonNode v : drawn) {
            max = Math.max(max, v.asDouble());
        }
        assertEquals(ket.cmaxNgPerMl(), max, ket.cmaxNgPerMl() * 1e-5, "the drawn peak is the library's Cmax");
        assertEquals(10, doc.at("/regimen/doses").size());
        assertEquals(4.0, doc.at("/regimen/doses/0/end_h").asDouble() - doc.at("/regimen/doses/0/time_h").asDouble(),
                1e-12);
    }

    @Test
    void postJsonAndFormMeanTheSameAsTheQueryString() throws Exception {
        String byGet = new String(get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min") + "&weight=80").body(),
                StandardCharsets.UTF_8);
        HttpResponse<byte[]> byJson = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dose\": [\"0.5 mg/kg over 40 min\"], \"weight\": 80}")));
        HttpResponse<byte[]> byForm = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("dose=" + q("0.5 mg/kg over 40 min") + "&weight=80")));
        assertEquals(byGet, new String(byJson.body(), StandardCharsets.UTF_8));
        assertEquals(byGet, new String(byForm.body(), StandardCharsets.UTF_8));
    }

    @Test
    void badInputIsOneLineOfJsonNamingFieldValueAndRange() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?protocol=crps-schwartzman-2009&weight=900");
        assertEquals(400, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(1, body.strip().lines().count(), body);
        JsonNode e = json(r).get("error");
        assertEquals("weight", e.get("field").asText());
        assertEquals("900", e.get("value").asText());
        assertEquals("weight must be between 0.5 and 350 kg but was 900", e.get("message").asText());
    }

    /**
     * A parameter given twice is refused, naming it and both values, as the command line refuses {@code --weight}
     * given twice: the last one used to win silently. Dose lines and co-medications repeat, as {@code --dose} and
     * {@code --comed} do, and so may their pinned forms.
     */
    @Test
    void aParameterGivenTwiceIsRefusedUnlessItRepeatsOnTheCommandLine() throws Exception {
        String dose = "dose=" + q("bolus 10 mg");
        String[][] cases = {
            {"/api/simulate?" + dose + "&weight=70&weight=80", "weight", "80"},
            {"/api/simulate?" + dose + "&model=otto-2021&model=kamp-2020", "model", "kamp-2020"},
            {"/api/simulate?" + dose + "&duration=6h&duration=12h", "duration", "12h"},
            {"/api/export?format=csv&" + dose + "&pin." + dose + "&pin.age=30&pin.age=80", "pin.age", "80"},
            {"/api/export?format=csv&format=png&" + dose, "format", "png"},
            {"/api/target?target=" + q("150 ng/mL for 1 h") + "&syringe=10mg/mL&syringe=50mg/mL", "syringe",
                "50mg/mL"}};
        for (String[] c : cases) {
            HttpResponse<byte[]> r = get(c[0]);
            assertEquals(400, r.statusCode(), () -> c[0] + "\n" + new String(r.body(), StandardCharsets.UTF_8));
            JsonNode e = json(r).get("error");
            assertEquals(c[1], e.get("field").asText(), c[0]);
            assertEquals(c[2], e.get("value").asText(), c[0]);
            assertTrue(e.get("message").asText().startsWith(c[1] + " was given twice"), e.toString());
        }
        JsonNode e = json(get("/api/simulate?" + dose + "&weight=70&weight=80")).get("error");
        assertEquals("weight was given twice ('70' and '80'); give it once (only dose and comed may repeat)",
                e.get("message").asText());
        HttpResponse<byte[]> form = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate?weight=70"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(dose + "&weight=80")));
        assertEquals(400, form.statusCode(), "once in the query string and once in the body");
        assertEquals("weight", json(form).at("/error/field").asText());

        // two dose lines and two co-medications, in the current and in the pinned scenario
        JsonNode doc = json(get("/api/simulate?" + dose + "&dose=" + q("bolus 20 mg at 1 h")
                + "&comed=rifampicin&comed=clarithromycin"));
        assertEquals(2, doc.at("/regimen/doses").size(), doc.toString());
        HttpResponse<byte[]> pinned = get("/api/export?format=json&" + dose + "&pin." + dose + "&pin.dose="
                + q("bolus 20 mg at 1 h") + "&pin.comed=rifampicin&pin.comed=clarithromycin");
        assertEquals(200, pinned.statusCode(), () -> new String(pinned.body(), StandardCharsets.UTF_8));
    }

    /**
     * A JSON body that gives a key twice, or a key as null, is refused naming the key: the last key used to win, and
     * a null to stand for the default (a 70-kg adult) without a word. Leaving a key out is the way to ask for its
     * default; several dose lines are an array.
     */
    @Test
    void aJsonBodyWithAKeyTwiceOrANullIsRefusedNamingTheKey() throws Exception {
        String[][] cases = {
            {"{\"dose\": \"bolus 10 mg\", \"weight\": 70, \"weight\": 80}", "weight",
                "the JSON body gives the key 'weight' twice; give each key once (several dose lines as an array: "
                    + "\"dose\": [\"bolus 10 mg\", \"bolus 20 mg at 1 h\"])"},
            {"{\"dose\": \"bolus 10 mg\", \"dose\": \"bolus 20 mg at 1 h\"}", "dose", null},
            {"{\"dose\": \"bolus 10 mg\", \"weight\": null}", "weight",
                "weight is null; give a value, or leave weight out for its default"},
            {"{\"dose\": [\"bolus 10 mg\", null]}", "dose",
                "dose holds a null; give a value, or leave dose out for its default"}};
        for (String[] c : cases) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c[0])));
            assertEquals(400, r.statusCode(), () -> c[0] + "\n" + new String(r.body(), StandardCharsets.UTF_8));
            JsonNode e = json(r).get("error");
            assertEquals(c[1], e.get("field").asText(), c[0]);
            if (c[2] != null) {
                assertEquals(c[2], e.get("message").asText(), c[0]);
            }
        }
        HttpResponse<byte[]> lines = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"dose\": [\"bolus 10 mg\", \"bolus 20 mg at 1 h\"], \"weight\": 80}")));
        assertEquals(200, lines.statusCode(), () -> new String(lines.body(), StandardCharsets.UTF_8));
        assertEquals(2, json(lines).at("/regimen/doses").size());
    }

    @Test
    void aBadDoseLineGivesTheParsersMessageWithLineAndColumn() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?dose=" + q("bolus 20 mg\n0.5 mg/kg ovr 40 min"));
        assertEquals(400, r.statusCode());
        JsonNode e = json(r).get("error");
        assertEquals("dose", e.get("field").asText());
        assertEquals(2, e.get("line").asInt());
        assertEquals(11, e.get("column").asInt());
        assertTrue(e.get("message").asText().startsWith("line 2: dose \"0.5 mg/kg ovr 40 min\", column 11 ('ovr')"),
                e.get("message").asText());
    }

    @Test
    void refusesWhatItDoesNotServe() throws Exception {
        assertEquals(404, get("/../pom.xml").statusCode());
        assertEquals(404, get("/org/ketaminepk/cli/explore/index.html").statusCode());
        assertEquals(404, get("/META-INF/MANIFEST.MF").statusCode());
        assertEquals(404, get("/api/nothing").statusCode());
        assertEquals(400, get("/api/simulate?protocol=/etc/passwd").statusCode());
        assertEquals(400, get("/api/simulate?protocol=crps-schwartzman-2009&wieght=80").statusCode());
        assertEquals(400, get("/api/simulate?protocol=crps-schwartzman-2009&duration=60d&step=10s").statusCode());
        HttpResponse<byte[]> del = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate")).DELETE());
        assertEquals(405, del.statusCode());
        assertEquals("GET, POST", del.headers().firstValue("Allow").orElse(""));
        String big = "{\"dose\": \"" + "x".repeat(100_000) + "\"}";
        assertEquals(413, raw("POST /api/simulate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + big.length() + "\r\nConnection: close\r\n\r\n" + big));
        HttpResponse<byte[]> xml = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate"))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString("<a/>")));
        assertEquals(415, xml.statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/explore.js", "/api/models", "/api/simulate?weight=1", "/nothing"}) {
            HttpResponse<byte[]> r = get(path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"),
                    path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
        String page = new String(get("/").body(), StandardCharsets.UTF_8);
        assertTrue(!page.contains("<script>") && !page.contains("http://") && !page.contains("https://"),
                "no inline script and nothing fetched from elsewhere");
    }

    /**
     * A population's concentration bands carry the middle 50 % as well as the 90 %, as {@code simulate --population N}
     * shades them, and say whose variability they come from: the default model's is borrowed from Otto 2021 and does
     * not reach ketamine, whose band has no width; otto-2021's is its own and reaches both analytes.
     */
    @Test
    void aPopulationsBandsHoldTheMiddleHalfAndSayWhoseVariabilityTheyShow() throws Exception {
        JsonNode pop = json(get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min")
                + "&duration=6h&population=30&seed=11")).get("population");
        assertEquals("variability: Vn, CLn borrowed from Otto 2021", pop.get("variability_label").asText());
        assertEquals(1, pop.get("no_spread").size(), pop.get("no_spread").toString());
        assertTrue(pop.get("no_spread").get(0).asText().startsWith("ketamine: no between-patient variability "
                + "reaches it (variability: Vn, CLn borrowed from Otto 2021)"), pop.get("no_spread").toString());
        assertTrue(pop.get("no_spread").get(0).asText().endsWith("and its band has no width"));
        JsonNode nk = pop.get("norketamine_ng_per_mL");
        boolean wider = false;
        for (int i = 0; i < nk.get("p50").size(); i++) {
            double[] v = new double[5];
            String[] keys = {"p5", "p25", "p50", "p75", "p95"};
            for (int k = 0; k < 5; k++) {
                v[k] = nk.get(keys[k]).get(i).asDouble();
                assertTrue(k == 0 || v[k - 1] <= v[k], keys[k] + " in order at " + i);
            }
            wider |= v[4] - v[0] > 1.5 * (v[3] - v[1]) && v[3] > v[1];
        }
        assertTrue(wider, "the middle 50 % lies inside a wider middle 90 %");

        JsonNode otto = json(get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min")
                + "&model=otto-2021&duration=6h&population=30&seed=11")).get("population");
        assertEquals(0, otto.get("no_spread").size(), otto.get("no_spread").toString());
        assertTrue(otto.get("variability_label").asText().contains("published by Otto"),
                otto.get("variability_label").asText());
        JsonNode dense = json(get("/api/simulate?dose=" + q("oral 50 mg every 8 h x480")
                + "&step=5min&population=20&seed=11")).at("/population/norketamine_ng_per_mL");
        assertTrue(dense.get("p75_peaks").size() > 100, "a dense course's 50 % envelope");
        for (int i = 0; i < dense.get("p75_peaks").size(); i++) {
            assertTrue(dense.get("p25_troughs").get(i).asDouble() <= dense.get("p75_peaks").get(i).asDouble(),
                    "50 % envelope at " + i);
            assertTrue(dense.get("p5_troughs").get(i).asDouble() <= dense.get("p25_troughs").get(i).asDouble() + 1e-9
                    && dense.get("p75_peaks").get(i).asDouble() <= dense.get("p95_peaks").get(i).asDouble() + 1e-9,
                    "the 50 % envelope inside the 90 % one at " + i);
        }
    }

    /** An empty value is refused, as the command line refuses --weight '': leaving the key out takes the default. */
    @Test
    void anEmptyValueIsRefusedNotTakenAsTheDefault() throws Exception {
        for (String query : new String[] {"dose=" + q("bolus 10 mg") + "&weight=", "dose=" + q("bolus 10 mg")
                + "&duration=%20", "dose="}) {
            HttpResponse<byte[]> r = get("/api/simulate?" + query);
            assertEquals(400, r.statusCode(), query);
            JsonNode e = json(r).get("error");
            assertTrue(e.get("message").asText().endsWith("is empty; give a value, or leave " + e.get("field")
                    .asText() + " out for its default"), e.toString());
        }
        HttpResponse<byte[]> body = send(HttpRequest.newBuilder(server.uri().resolve("/api/simulate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dose\": \"bolus 10 mg\", \"weight\": \"\"}")));
        assertEquals(400, body.statusCode());
        assertEquals("weight", json(body).at("/error/field").asText());
        assertEquals(200, get("/api/simulate?dose=" + q("bolus 10 mg")).statusCode());
    }

    @Test
    void aSeededPopulationGivesOrderedPercentileBandsAndTheSameAnswerTwice() throws Exception {
        String query = "/api/simulate?dose=" + q("0.5 mg/kg over 40 min") + "&duration=6h&population=30&seed=11";
        HttpResponse<byte[]> r = get(query);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        // the default composite varies the norketamine parameters only (its ketamine source published no variability)
        JsonNode ket = json(r).at("/population/norketamine_ng_per_mL");
        assertEquals(json(r).at("/population/time_h").size(), ket.get("p50").size());
        boolean spread = false;
        for (int i = 0; i < ket.get("p50").size(); i++) {
            double p5 = ket.get("p5").get(i).asDouble();
            double p50 = ket.get("p50").get(i).asDouble();
            double p95 = ket.get("p95").get(i).asDouble();
            assertTrue(p5 <= p50 && p50 <= p95, "ordered at " + i);
            spread |= p95 > p5 * 1.05;
        }
        assertTrue(spread, "the published variability spreads the band");
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), new String(get(query).body(),
                StandardCharsets.UTF_8), "same seed, same answer");
        // without a seed, the command line's default: the same patients as --population 30 without --seed
        String unseeded = query.replace("&seed=11", "");
        assertEquals(new String(get(query.replace("seed=11", "seed="
                + org.ketaminepk.cli.options.PopulationOptions.DEFAULT_SEED)).body(), StandardCharsets.UTF_8),
                new String(get(unseeded).body(), StandardCharsets.UTF_8));
        JsonNode e = json(get("/api/simulate?protocol=crps-schwartzman-2009&population=5000")).get("error");
        assertEquals("population", e.get("field").asText());
        assertTrue(e.get("message").asText().contains("between 20 and 200"), e.toString());
    }

    /**
     * The bands meet the typical patient's peaks: in the default model no variability reaches ketamine, so its band
     * is the typical curve, and its highest median must be the typical Cmax, though the CRPS protocol's infusions end
     * between the 600 display times.
     */
    @Test
    void theBandsReachTheTypicalPatientsPeaks() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?protocol=crps-schwartzman-2009&population=30&seed=11");
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        JsonNode p50 = doc.at("/population/ketamine_ng_per_mL/p50");
        double top = 0;
        for (JsonNode v : p50) {
            top = Math.max(top, v.asDouble());
        }
        double cmax = doc.at("/metrics/ketamine/cmax_ng_per_mL").asDouble();
        assertEquals(cmax, top, 1e-3 * cmax, "the median band's highest value against the typical Cmax");
    }

    /**
     * A course too dense to draw cycle by cycle comes as the line through each curve's peaks and, under "troughs",
     * the line through its troughs, as the command line's charts draw it; the CRPS protocol comes as its curves.
     */
    @Test
    void aDenseCourseComesAsPeaksAndTroughs() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?dose=" + q("oral 50 mg every 8 h x480") + "&step=5min");
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        for (String a : new String[] {"ketamine", "norketamine"}) {
            JsonNode peaks = doc.at("/display/" + a + "_ng_per_mL");
            JsonNode troughs = doc.at("/display/troughs/" + a + "_ng_per_mL");
            assertEquals(peaks.size(), troughs.size(), a);
            double top = 0;
            for (int i = 0; i < peaks.size(); i++) {
                assertTrue(troughs.get(i).asDouble() <= peaks.get(i).asDouble(), a + " at point " + i);
                top = Math.max(top, peaks.get(i).asDouble());
            }
            double cmax = doc.at("/metrics/" + a + "/cmax_ng_per_mL").asDouble();
            assertEquals(cmax, top, 1e-3 * cmax, a + ": the highest peak against Cmax");
            // the troughs line stays well below the peaks over the course: a band, not a line
            int mid = peaks.size() / 2;
            assertTrue(troughs.get(mid).asDouble() < 0.8 * peaks.get(mid).asDouble(), a + " mid-course");
        }
        assertTrue(json(get("/api/simulate?protocol=crps-schwartzman-2009")).at("/display/troughs").isMissingNode());

        // its population band: from the troughs of the 5th percentile to the peaks of the 95th
        JsonNode pop = json(get("/api/simulate?dose=" + q("oral 50 mg every 8 h x480") + "&step=5min&population=20"))
                .at("/population/norketamine_ng_per_mL");
        JsonNode p5 = pop.get("p5");
        JsonNode p95 = pop.get("p95");
        JsonNode low = pop.get("p5_troughs");
        JsonNode high = pop.get("p95_peaks");
        double top95 = 0;
        double topPeaks = 0;
        for (int i = 0; i < p95.size(); i++) {
            assertTrue(low.get(i).asDouble() <= high.get(i).asDouble(), "band at point " + i);
            top95 = Math.max(top95, p95.get(i).asDouble());
            topPeaks = Math.max(topPeaks, high.get(i).asDouble());
        }
        assertEquals(top95, topPeaks, 1e-9, "the peaks line passes through the 95th percentile's highest value");
        assertEquals(p5.size(), low.size());
        assertTrue(json(get("/api/simulate?protocol=crps-schwartzman-2009&population=20"))
                .at("/population/ketamine_ng_per_mL/p95_peaks").isMissingNode());
    }

    /**
     * The effect panel of a dense course follows the concentration panel: the effect-site concentration and the
     * effect each as the line through their peaks and, under "troughs", through their troughs. Courses drawn cycle
     * by cycle carry no troughs.
     */
    @Test
    void aDenseCoursesEffectComesAsPeaksAndTroughs() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?dose=" + q("oral 50 mg every 8 h x480") + "&step=5min"
                + "&endpoint=olofsen-2022-antinociception");
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        int n = doc.at("/display/time_h").size();
        String[][] curves = {{"effect_site_ng_per_mL", "peak_effect_site_ng_per_mL"}, {"effect", "peak_effect"}};
        for (String[] c : curves) {
            JsonNode peaks = doc.at("/effect/display/" + c[0]);
            JsonNode troughs = doc.at("/effect/display/troughs/" + c[0]);
            assertEquals(n, peaks.size(), c[0]);
            assertEquals(n, troughs.size(), c[0] + " troughs");
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                assertTrue(troughs.get(i).asDouble() <= peaks.get(i).asDouble(), c[0] + " at point " + i);
                top = Math.max(top, peaks.get(i).asDouble());
            }
            double peak = doc.at("/effect/metrics/" + c[1]).asDouble();
            assertEquals(peak, top, 1e-3 * Math.abs(peak), c[0] + ": the highest peak against " + c[1]);
            int mid = n / 2;
            assertTrue(troughs.get(mid).asDouble() < 0.8 * peaks.get(mid).asDouble(), c[0] + " mid-course");
        }
        for (String course : new String[] {"protocol=crps-schwartzman-2009",
            "dose=" + q("0.5 mg/kg over 40 min")}) {
            JsonNode effect = json(get("/api/simulate?" + course + "&endpoint=olofsen-2022-antinociception"))
                    .at("/effect/display");
            assertTrue(effect.has("effect"), course);
            assertTrue(effect.path("troughs").isMissingNode(), course);
        }
    }

    /**
     * With virtual patients and an endpoint the effect comes with the population's bands: the 5th, 25th, 50th, 75th
     * and 95th percentiles, in order, on the times of the concentration bands, and each the endpoint's effect of the
     * effect-site percentile that {@link EffectSiteBands} gives for the same patients with the typical patient's
     * ke0. The typical patient's curve stays, and the answer says whose variability it is and that ke0 does not
     * vary.
     */
    @Test
    void aPopulationsEffectComesWithItsBands() throws Exception {
        String endpoint = "olofsen-2022-antinociception";
        Map<String, List<String>> params = Map.of("dose", List.of("0.5 mg/kg over 40 min"), "model",
                List.of("otto-2021"), "duration", List.of("6h"), "population", List.of("20"), "seed", List.of("7"),
                "endpoint", List.of(endpoint));
        HttpResponse<byte[]> r = get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min") + "&model=otto-2021"
                + "&duration=6h&population=20&seed=7&endpoint=" + endpoint);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        assertEquals(doc.at("/display/time_h").size(), doc.at("/effect/display/effect").size(),
                "the typical patient's effect");
        JsonNode pop = doc.at("/effect/population");
        assertEquals(20, pop.path("size").asInt());
        assertEquals("7", pop.path("seed").asText());
        assertEquals("variability: V1, CL, Vn, CLn published by Otto et al. 2021", pop.path("variability").asText());
        assertTrue(pop.path("assumptions").get(0).asText().contains("no between-patient variability of it is drawn"),
                pop.path("assumptions")::toString);
        assertTrue(pop.path("no_spread").isNull(), pop.path("no_spread")::toString);
        JsonNode times = pop.get("time_h");
        assertEquals(doc.at("/population/time_h"), times, "the times of the concentration bands");

        Scenario s = Scenario.parse(params, "", 0);
        Run run = s.run();
        PopulationOutcome o = s.populationBands(run);
        EffectResult typical = s.effect();
        double[] ps = {5, 25, 50, 75, 95};
        PercentileBands site = EffectSiteBands.simulate(o.model(), o.patients().stream().map(PatientMetrics::patient)
                .toList(), o.regimen(), 7, o.variability(), TimeGrid.of(o.percentileBands().orElseThrow().timesH()),
                typical.link().ke0PerH(), ps, Runnable::run);
        ConcentrationEffect f = Endpoints.get(endpoint).relationshipFor(DrugForm.S_KETAMINE).orElseThrow().model();
        JsonNode effect = pop.get("effect");
        double widest = 0;
        for (int i = 0; i < times.size(); i++) {
            for (int k = 0; k < ps.length; k++) {
                double expected = f.effect(site.ngPerMl(Analyte.KETAMINE, ps[k])[i]);
                double shown = effect.get("p" + (int) ps[k]).get(i).asDouble();
                int at = i;
                int p = k;
                assertEquals(expected, shown, 1e-4 * Math.abs(expected) + 1e-12, () -> "p" + (int) ps[p] + " at "
                        + times.get(at).asDouble() + " h");
                if (k > 0) {
                    assertTrue(effect.get("p" + (int) ps[k - 1]).get(i).asDouble() <= shown, () -> "p" + (int) ps[p]
                            + " below the percentile before it at " + times.get(at).asDouble() + " h");
                }
            }
            widest = Math.max(widest, effect.get("p95").get(i).asDouble() - effect.get("p5").get(i).asDouble());
        }
        assertTrue(widest > 0.02, "variability reaches ketamine in otto-2021, so the bands spread: " + widest);
        assertTrue(pop.path("effect_site_ng_per_mL").isMissingNode(), "only the curve the panel draws");
        assertTrue(effect.path("p95_peaks").isMissingNode(), "a course drawn as it is has no envelopes");
    }

    /**
     * Where no between-patient variability reaches the analyte that drives the endpoint (the default model's ketamine),
     * the bands are the typical curve and one line says so, in the words of the command line's note; without a
     * population there are no bands.
     */
    @Test
    void aPopulationsEffectWithoutSpreadSaysSo() throws Exception {
        JsonNode pop = json(get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min") + "&duration=6h&population=20"
                + "&endpoint=olofsen-2022-antinociception")).at("/effect/population");
        assertEquals("ketamine: no between-patient variability reaches it (variability: Vn, CLn borrowed from Otto "
                + "2021), so every virtual patient has the same ketamine curve and the same effect: the bands have no "
                + "width", pop.path("no_spread").asText());
        JsonNode p5 = pop.at("/effect/p5");
        JsonNode p95 = pop.at("/effect/p95");
        for (int i = 0; i < p5.size(); i++) {
            assertEquals(p5.get(i).asDouble(), p95.get(i).asDouble(), 1e-3 * Math.abs(p95.get(i).asDouble()) + 1e-9);
        }
        assertTrue(json(get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min")
                + "&endpoint=olofsen-2022-antinociception")).at("/effect/population").isMissingNode());
    }

    /**
     * On a course too dense to draw cycle by cycle the effect's bands come, as the concentration bands do, on the
     * bands' own times (not the grid's), with the median as the lines through its peaks and its troughs and each
     * band from the troughs of its lower percentile to the peaks of its upper one.
     */
    @Test
    void aDenseCoursesPopulationEffectComesAsPeaksAndTroughs() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?dose=" + q("intranasal 56 mg every 8 h x300") + "&step=5min"
                + "&model=perez-ruixo-2021&population=20&endpoint=olofsen-2022-antinociception");
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        JsonNode doc = json(r);
        JsonNode pop = doc.at("/effect/population");
        int n = pop.path("time_h").size();
        assertTrue(n > 600 && n <= PopulationSimulation.MAX_DISPLAY_POINTS && n < doc.at("/grid/points").asInt() / 10,
                "band times: " + n);
        JsonNode e = pop.get("effect");
        for (String k : new String[] {"p5", "p25", "p50", "p75", "p95", "p95_peaks", "p75_peaks", "p50_peaks",
            "p50_troughs", "p25_troughs", "p5_troughs"}) {
            assertEquals(n, e.path(k).size(), k);
        }
        double topPeaks = 0;
        double top95 = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(e.get("p5_troughs").get(i).asDouble() <= e.get("p95_peaks").get(i).asDouble(), "90 % at " + i);
            assertTrue(e.get("p25_troughs").get(i).asDouble() <= e.get("p75_peaks").get(i).asDouble(), "50 % at " + i);
            assertTrue(e.get("p50_troughs").get(i).asDouble() <= e.get("p50_peaks").get(i).asDouble(),
                    "median at " + i);
            topPeaks = Math.max(topPeaks, e.get("p95_peaks").get(i).asDouble());
            top95 = Math.max(top95, e.get("p95").get(i).asDouble());
        }
        assertEquals(top95, topPeaks, 1e-9, "the peaks line passes through the 95th percentile's highest value");
        int mid = n / 2;
        assertTrue(e.get("p5_troughs").get(mid).asDouble() < 0.8 * e.get("p95_peaks").get(mid).asDouble(),
                "a band mid-course, not a line");
    }

    @Test
    void modelsAndProtocolsListTheLibrary() throws Exception {
        JsonNode models = json(get("/api/models")).get("models");
        assertEquals(Models.all().size(), models.size());
        JsonNode protocols = json(get("/api/protocols")).get("protocols");
        assertEquals(Protocols.all().size(), protocols.size());
        assertEquals("crps-schwartzman-2009", json(get("/api/protocols")).at("/protocols").findValuesAsText("id")
                .stream().filter("crps-schwartzman-2009"::equals).findFirst().orElse(""));
    }

    @Test
    void exportsTheCommandLinesFormats() throws Exception {
        HttpResponse<byte[]> png = get("/api/export?format=png&protocol=crps-schwartzman-2009&image-width=800"
                + "&image-height=450");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(800, ImageIO.read(new ByteArrayInputStream(png.body())).getWidth());
        String svg = new String(get("/api/export?format=svg&protocol=crps-schwartzman-2009").body(),
                StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"));
        JsonNode doc = json(get("/api/export?format=json&protocol=crps-schwartzman-2009&pin.protocol=crps-cohen-2018"));
        assertEquals("compare", doc.at("/tool/command").asText());
        assertEquals(2, doc.get("series").size());
        String csv = new String(get("/api/export?format=csv&dose=" + q("bolus 20 mg")).body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("time_h"), csv.substring(0, 40));
        assertEquals(400, get("/api/export?format=exe&protocol=crps-schwartzman-2009").statusCode());
        assertEquals(400, get("/api/export?format=png&protocol=crps-schwartzman-2009&image-width=100000")
                .statusCode());
    }

    /**
     * An error in the pinned scenario of an export names the pinned parameter and its value, not the current
     * scenario's parameter of the same name (whose value is fine): a pinned scenario without doses named the current
     * dose, "bolus 10 mg", and a pinned weight of 900 kg was reported as "weight" with no value.
     */
    @Test
    void anErrorInThePinnedScenarioNamesThePinnedParameter() throws Exception {
        String export = "/api/export?format=csv&dose=" + q("bolus 10 mg") + "&weight=70";
        String pinDose = "&pin.dose=" + q("bolus 20 mg");
        Object[][] cases = {
            {"&pin.weight=900", "pin.dose", null, "pin.dose: give a protocol or at least one dose line"},
            {pinDose + "&pin.weight=900", "pin.weight", "900", "pin.weight must be between 0.5 and 350 kg but was 900"},
            {pinDose + "&pin.age=10", "pin.weight", null, "pin.weight is needed for a patient under 18 years"},
            {pinDose + "&pin.egfr=40&pin.creatinine=" + q("1.4mg/dL"), "pin.egfr", "40",
                "pin.creatinine and pin.egfr both describe kidney function"},
            {pinDose + "&pin.model=xyz", "pin.model", "xyz", "pin.model must be one of racemic-composite"},
            {"&pin.protocol=nope", "pin.protocol", "nope", "pin.protocol 'nope' is not a built-in protocol"},
            {"&pin.dose=" + q("bolus 20 mg\nbolus x"), "pin.dose", "bolus 20 mg bolus x",
                "line 2: pin.dose \"bolus x\", column 7 ('x')"}};
        for (Object[] c : cases) {
            HttpResponse<byte[]> r = get(export + c[0]);
            assertEquals(400, r.statusCode(), () -> c[0] + "\n" + new String(r.body(), StandardCharsets.UTF_8));
            JsonNode e = json(r).get("error");
            assertEquals(c[1], e.get("field").asText(), c[0] + ": " + e);
            assertEquals(c[2], e.get("value").isNull() ? null : e.get("value").asText(), c[0] + ": " + e);
            assertTrue(e.get("message").asText().startsWith((String) c[3]), c[0] + ": " + e);
        }
        JsonNode line = json(get(export + "&pin.dose=" + q("bolus 20 mg\nbolus x"))).get("error");
        assertEquals(2, line.get("line").asInt());
        assertEquals(7, line.get("column").asInt());
        // the current scenario's errors are named as before
        JsonNode current = json(get("/api/export?format=csv&dose=" + q("bolus 10 mg") + "&weight=900" + pinDose))
                .get("error");
        assertEquals("weight", current.get("field").asText());
        assertEquals("900", current.get("value").asText());
    }

    /**
     * An export with a pinned scenario is one table on one grid, as {@code compare} writes its series with one
     * {@code --step} and one {@code --duration}: the current scenario's step and duration hold for both (without a
     * duration, a window that covers both regimens, as compare's default), and the pinned scenario's own step,
     * duration or scale, which used to replace the current one's without a word, is refused by name. The series are
     * those of {@code compare} with the same step and duration.
     */
    @Test
    void anExportWithAPinnedScenarioIsOneGridAsCompareWritesIt() throws Exception {
        String export = "/api/export?format=csv&dose=" + q("bolus 10 mg") + "&step=2min&pin.dose=" + q("bolus 20 mg");
        String[][] refused = {{"&pin.step=1min", "pin.step", "1min"}, {"&pin.duration=48h", "pin.duration", "48h"},
            {"&pin.log=true", "pin.log", "true"}};
        for (String[] c : refused) {
            HttpResponse<byte[]> r = get(export + c[0]);
            assertEquals(400, r.statusCode(), () -> c[0] + "\n" + new String(r.body(), StandardCharsets.UTF_8));
            JsonNode e = json(r).get("error");
            assertEquals(c[1], e.get("field").asText());
            assertEquals(c[2], e.get("value").asText());
            assertTrue(e.get("message").asText().startsWith(c[1] + ": an export with a pinned scenario is one "),
                    e.toString());
            assertTrue(e.get("message").asText().endsWith("so leave " + c[1] + " out"), e.toString());
        }
        assertTrue(json(get(export + "&pin.step=1min")).at("/error/message").asText().contains("as 'compare' writes "
                + "its series with one --step and one --duration; step and duration set it for both"));

        String[][] grids = {
            // the current scenario's step; without a duration, the pinned dose at 30 h and its wash-out covered
            {"&step=2min", "bolus 10 mg", "bolus 20 mg at 30 h", "--step", "2min"},
            // the current scenario's duration, as compare's --duration, even where it cuts the pinned course short
            {"&step=2min&duration=6h", "bolus 10 mg", "bolus 20 mg at 10 h", "--duration", "6h"}};
        for (String[] g : grids) {
            String url = "/api/export?format=csv&dose=" + q(g[1]) + g[0] + "&pin.dose=" + q(g[2]);
            HttpResponse<byte[]> r = get(url);
            assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
            java.io.StringWriter out = new java.io.StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("compare", "--dose", g[2], "--dose", g[1],
                    "--step", "2min", "--csv", "-"));
            if (g[0].contains("duration")) {
                args.addAll(List.of("--duration", "6h"));
            }
            String[] a = args.toArray(new String[0]);
            int code = org.ketaminepk.cli.Main.commandLine(new org.ketaminepk.cli.Main(), new java.io.PrintWriter(out,
                    true), new java.io.PrintWriter(new java.io.StringWriter(), true), a).execute(a);
            assertEquals(0, code, out::toString);
            // the same rows, the series named by the explorer's labels instead of the dose texts
            String cli = out.toString().replace(g[2] + ",", "pinned: doses,").replace(g[1] + ",", "current: doses,");
            assertEquals(cli, new String(r.body(), StandardCharsets.UTF_8), url);
        }
        String csv = new String(get(export).body(), StandardCharsets.UTF_8);
        assertEquals(2 * 721 + 1, csv.lines().count(), "both series every 2 min over 24 h");
        assertTrue(csv.contains("\ncurrent: doses,24.00000000,") && csv.contains("\npinned: doses,24.00000000,")
                && csv.contains("\npinned: doses,0.03333333333,"), csv.substring(0, 300));
    }

    /**
     * Any seed {@code --seed} takes, 19 digits and negative ones included, draws the same patients in the explorer as
     * on the command line, and comes back as a string: a JavaScript number would round it.
     */
    @Test
    void everySeedTheCommandLineTakesGivesTheSamePopulation() throws Exception {
        for (String seed : new String[] {"9223372036854775807", "-9223372036854775808", "1234567890123456789"}) {
            String query = "/api/simulate?dose=" + q("0.5 mg/kg over 40 min") + "&model=otto-2021&duration=6h"
                    + "&population=20&seed=" + seed;
            HttpResponse<byte[]> r = get(query);
            assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
            JsonNode pop = json(r).path("population");
            assertTrue(pop.path("seed").isTextual(), pop.path("seed")::toString);
            assertEquals(seed, pop.path("seed").asText());

            java.io.StringWriter out = new java.io.StringWriter();
            String[] args = {"simulate", "--dose", "0.5 mg/kg over 40 min", "--model", "otto-2021", "--duration", "6h",
                "--population", "20", "--seed", seed, "--json", "-"};
            int code = org.ketaminepk.cli.Main.commandLine(new org.ketaminepk.cli.Main(), new java.io.PrintWriter(out,
                    true), new java.io.PrintWriter(new java.io.StringWriter(), true), args).execute(args);
            assertEquals(0, code, out::toString);
            JsonNode bands = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString())
                    .path("percentile_bands");
            java.util.Map<Long, Integer> cliRow = new java.util.HashMap<>();
            JsonNode cliTimes = bands.path("time_h");
            for (int i = 0; i < cliTimes.size(); i++) {
                cliRow.put(Math.round(cliTimes.get(i).asDouble() * 3600), i);
            }
            int compared = 0;
            JsonNode times = pop.path("time_h");
            for (int i = 0; i < times.size(); i++) {
                Integer row = cliRow.get(Math.round(times.get(i).asDouble() * 3600));
                if (row == null) {
                    continue;
                }
                for (String p : new String[] {"5", "50", "95"}) {
                    double web = pop.at("/norketamine_ng_per_mL/p" + p).get(i).asDouble();
                    double cli = bands.at("/norketamine_ng_per_mL/p" + (p.length() == 1 ? "0" + p : p)).get(row)
                            .asDouble();
                    int at = i;
                    assertEquals(cli, web, 1e-4 * Math.abs(cli) + 1e-9, () -> "seed " + seed + ", p" + p + " at "
                            + times.get(at).asDouble() + " h");
                }
                compared++;
            }
            assertTrue(compared > 50, "times in common: " + compared);
        }
    }

    /**
     * A parameter that would change nothing in its request is refused, naming it, as the command line refuses an
     * option without effect: a seed without a population, an image size with CSV or JSON, a pinned scenario in a
     * request that draws one.
     */
    @Test
    void aParameterWithoutEffectIsRefusedByName() throws Exception {
        String[][] cases = {
            {"/api/simulate?dose=" + q("bolus 20 mg") + "&seed=5", "seed"},
            {"/api/simulate?dose=" + q("bolus 20 mg") + "&population=0&seed=5", "seed"},
            {"/api/simulate?dose=" + q("bolus 20 mg") + "&model=otto-2021&population=20&seed=9223372036854775808",
                "seed"},
            {"/api/simulate?dose=" + q("bolus 20 mg") + "&model=otto-2021&population=20&seed=1e5", "seed"},
            {"/api/target?target=" + q("150 ng/mL for 1 h") + "&model=otto-2021&seed=5", "seed"},
            {"/api/export?format=csv&dose=" + q("bolus 20 mg") + "&pin.dose=" + q("bolus 40 mg") + "&pin.seed=5",
                "pin.seed"},
            {"/api/export?format=csv&dose=" + q("bolus 20 mg") + "&image-width=800", "image-width"},
            {"/api/export?format=json&dose=" + q("bolus 20 mg") + "&image-height=800", "image-height"},
            {"/api/target?format=csv&target=" + q("150 ng/mL for 1 h") + "&model=otto-2021&image-width=800",
                "image-width"},
            {"/api/simulate?dose=" + q("bolus 20 mg") + "&pin.dose=" + q("bolus 40 mg"), "pin.dose"},
            // the export writes the typical patient's curves: a population or an effect there was dropped unsaid
            {"/api/export?format=csv&model=otto-2021&dose=" + q("bolus 20 mg") + "&population=20", "population"},
            {"/api/export?format=png&dose=" + q("bolus 20 mg") + "&endpoint=olofsen-2022-antinociception",
                "endpoint"},
            {"/api/export?format=json&dose=" + q("bolus 20 mg") + "&pin.dose=" + q("bolus 40 mg")
                + "&pin.endpoint=olofsen-2022-antinociception", "pin.endpoint"}};
        for (String[] c : cases) {
            HttpResponse<byte[]> r = get(c[0]);
            assertEquals(400, r.statusCode(), () -> c[0] + "\n" + new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(c[1], json(r).at("/error/field").asText(), c[0]);
        }
        assertEquals(200, get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min") + "&model=otto-2021&population=20"
                + "&seed=5").statusCode());
    }
}
