package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.Simulation;
import org.ketaminepk.effect.EffectMetrics;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;
import org.ketaminepk.target.TargetSchedule;

/** The explorer's effect panel ({@code endpoint} on {@code /api/simulate}) and target mode ({@code /api/target}). */
class ExplorerEffectAndTargetApiTest extends LoopbackExplorer {
    @Test
    void anEndpointAddsTheLibrarysEffectMetricsAndCurves() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?dose=" + q("0.5 mg/kg over 40 min")
                + "&model=domino-1984&endpoint=navarrete-2025-ani&weight=80");
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode e = json(r).path("effect");
        Scenario s = Scenario.parse(java.util.Map.of("dose", java.util.List.of("0.5 mg/kg over 40 min"), "model",
                java.util.List.of("domino-1984"), "weight", java.util.List.of("80")), "", 0);
        EffectResult lib = EffectSimulation.run(Endpoints.get("navarrete-2025-ani"), Models.DOMINO_1984,
                s.patient(), s.regimen(), s.grid(), EffectSimulation.Options.DEFAULT);
        EffectMetrics m = lib.metrics();
        assertEquals("navarrete-2025-ani", e.path("endpoint").path("id").asText());
        assertEquals(m.peakEffect(), e.path("metrics").path("peak_effect").asDouble(), 0);
        assertEquals(m.peakEffectSiteNgPerMl(), e.path("metrics").path("peak_effect_site_ng_per_mL").asDouble(), 0);
        assertEquals(lib.link().ke0PerMin(), e.path("link").path("ke0_per_min").asDouble(), 0);
        JsonNode display = json(r).path("display");
        int n = display.path("time_h").size();
        assertEquals(n, e.path("display").path("effect_site_ng_per_mL").size());
        double top = 0;
        for (JsonNode v : e.path("display").path("effect_site_ng_per_mL")) {
            top = Math.max(top, v.asDouble());
        }
        // the thinning keeps the effect-site peak (to the six digits the display carries)
        assertEquals(m.peakEffectSiteNgPerMl(), top, 1e-5 * top);
    }

    @Test
    void anUnknownEndpointIsA400NamingTheEndpoint() throws Exception {
        HttpResponse<byte[]> r = get("/api/simulate?protocol=crps-schwartzman-2009&endpoint=no-such-endpoint");
        assertEquals(400, r.statusCode());
        JsonNode err = json(r).path("error");
        assertEquals("endpoint", err.path("field").asText());
        assertTrue(err.path("message").asText().contains("no-such-endpoint"), err.toString());
    }

    @Test
    void errorsNameTheRequestsParametersNotTheCommandLinesOptions() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?target=" + q("200 ng/mL for 1 h") + "&model=domino-1984&syringe="
                + q("strong"));
        assertEquals(400, r.statusCode());
        JsonNode err = json(r).path("error");
        assertEquals("syringe", err.path("field").asText());
        assertTrue(err.path("message").asText().startsWith("syringe must be"), err.toString());
        HttpResponse<byte[]> d = get("/api/simulate?protocol=crps-schwartzman-2009&duration=" + q("ten days"));
        assertEquals(400, d.statusCode());
        assertFalse(json(d).path("error").path("message").asText().contains("--duration"), new String(d.body()));
        assertEquals("a --ke0-guess and max-rate 3",
                ExplorerServer.parameterWording("a --ke0-guess and --max-rate 3"));
    }

    @Test
    void targetModeGivesTheCommandLinesPumpSchedule() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?target=" + q("100 ng/mL for 30 min, then 150 ng/mL "
                + "for 1 h") + "&model=domino-1984&endpoint=navarrete-2025-ani&px=300");
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode doc = json(r);
        IndividualModel ind = Simulation.standard().individualize(Models.DOMINO_1984, Patient.standardAdult());
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard().withRateStepMlPerH(0.1),
                org.ketaminepk.cli.options.PumpOptions.link(Endpoints.get("navarrete-2025-ani"), Models.DOMINO_1984,
                        Patient.standardAdult(), null, false))
                .plan(TargetSchedule.parse("100 ng/mL for 30 min, then 150 ng/mL for 1 h"), 3.5);
        assertEquals("plasma", doc.path("mode").asText());
        assertEquals(plan.segments().size(), doc.path("pump_schedule").size());
        for (int i = 0; i < plan.segments().size(); i++) {
            assertEquals(plan.segments().get(i).rateMlPerH(), doc.path("pump_schedule").get(i).path("rate_ml_per_h")
                    .asDouble(), 0);
        }
        assertEquals(plan.totalMg(), doc.path("total_mg").asDouble(), 0);
        int n = doc.path("display").path("time_h").size();
        assertTrue(n > 100 && n <= 2 * 300 * 4 + 2, "points " + n);
        assertEquals(n, doc.path("target_display").path("target_ng_per_mL").size());
        assertEquals(n, doc.path("target_display").path("effect_site_ng_per_mL").size());
        JsonNode t = doc.path("display").path("time_h");
        JsonNode target = doc.path("target_display").path("target_ng_per_mL");
        for (int i = 0; i < n; i++) {
            double h = t.get(i).asDouble();
            double expected = h < 0.5 ? 100 : h < 1.5 ? 150 : 0;
            if (Math.abs(h - 0.5) > 1e-6 && Math.abs(h - 1.5) > 1e-6) {
                assertEquals(expected, target.get(i).asDouble(), 0, "at " + h + " h");
            }
        }
        assertTrue(doc.path("regimen").path("doses").size() > 0);
    }

    @Test
    void anEffectSiteTargetIsHeldAtTheEffectSite() throws Exception {
        HttpResponse<byte[]> r = get("/api/target?target=" + q("200 ng/mL for 1 h")
                + "&model=domino-1984&endpoint=navarrete-2025-ani&site=effect-site&plasma-limit=3");
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode doc = json(r);
        assertEquals("effect site", doc.path("mode").asText());
        assertEquals(3, doc.path("plasma_limit_factor").asDouble(), 0);
        assertTrue(doc.path("targets_reached").get(0).path("reached_h").isNumber());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "target=abc|target",
        "model=domino-1984|target",
        "target=150+ng%2FmL+for+1+h&syringe=10+gallons|syringe",
        "target=150+ng%2FmL+for+1+h&update=1s&duration=48h|update",
        "target=150+ng%2FmL+for+1+h&site=effect-site|endpoint",
        "target=150+ng%2FmL+for+1+h&site=brain|site",
        "target=150+ng%2FmL+for+1+h&plasma-limit=2|plasma-limit",
        "target=150+ng%2FmL+for+1+h&max-rate=5000mL%2Fh|max-rate",
        "target=150+ng%2FmL+for+1+h&duration=10min|duration",
        "target=150+ng%2FmL+for+1+h&dose=1mg|dose"})
    void badTargetRequestsAreOneLine400sNamingTheField(String query, String field) throws Exception {
        HttpResponse<byte[]> r = get("/api/target?" + query);
        assertEquals(400, r.statusCode(), new String(r.body()));
        JsonNode err = json(r).path("error");
        assertEquals(field, err.path("field").asText(), err.toString());
        assertTrue(!err.path("message").asText().isBlank() && !err.path("message").asText().contains("\n"));
    }

    @Test
    void theEndpointsAreListed() throws Exception {
        JsonNode doc = json(get("/api/endpoints"));
        assertEquals(Endpoints.all().size(), doc.path("endpoints").size());
        assertTrue(doc.path("endpoints").get(0).has("unit"));
    }
}
