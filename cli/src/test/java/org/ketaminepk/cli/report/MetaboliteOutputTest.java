package org.ketaminepk.cli.report;

import org.ketaminepk.cli.options.OutputOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.Provenance;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.patient.Patient;

/**
 * Outputs for a model that predicts norketamine and hydroxynorketamine (a made-up one-compartment chain, since the
 * library's metabolite models are added elsewhere): the extra columns, rows and keys appear, and band metrics stay
 * with ketamine.
 */
class MetaboliteOutputTest {
    /** Ketamine → norketamine → hydroxynorketamine, one compartment each; numbers invented for the test. */
    static final PublishedModel CHAIN = PublishedModel.builder("fixture-2000")
            .name("test chain")
            .citation(Citation.of("Nobody N.", 2000, "A test fixture", "none"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("none", OptionalInt.empty(), 18, 65, 40, 120, "test"))
            .samplingSite(SamplingSite.NOT_STATED)
            .parameter("k", "ketamine elimination", 0.5, Unit.PER_H, Role.PARENT_CLEARANCE, 0, Provenance.ASSUMPTION,
                    "test")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE, Analyte.HYDROXYNORKETAMINE)
            .route(Route.INTRAVENOUS, true, "test")
            .structure((p, patient) -> {
                CompartmentSystem.Builder b = CompartmentSystem.builder();
                int k = b.compartment("ketamine", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
                int n = b.compartment("norketamine", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
                int h = b.compartment("hnk", Analyte.HYDROXYNORKETAMINE, CompartmentSystem.Kind.CENTRAL);
                int hs = b.sink("hnk eliminated", Analyte.HYDROXYNORKETAMINE);
                b.flow(k, n, p.get("k"));
                b.flow(n, h, 0.2);
                b.eliminate(h, hs, 0.3);
                b.observe(Analyte.KETAMINE, k, 100);
                b.observe(Analyte.NORKETAMINE, n, 50);
                b.observe(Analyte.HYDROXYNORKETAMINE, h, 80);
                b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(k, 1))));
                return b.build();
            })
            .build();

    private static Run run(String label, String dose) {
        Regimen r = DoseParser.parse(dose);
        return Run.simulate(label, CHAIN, Patient.standardAdult(), null, r, TimeGrid.uniform(6, 0.5),
                OutputOptions.DEFAULT_BAND, "test band", null);
    }

    @Test
    void csvGainsTheHydroxynorketamineColumn() throws Exception {
        StringWriter w = new StringWriter();
        CsvOutput.write(w, List.of(run("a", "bolus 50 mg")), false);
        String[] lines = w.toString().split("\n");
        assertEquals("time_h,ketamine_ng_per_mL,norketamine_ng_per_mL,hydroxynorketamine_ng_per_mL", lines[0]);
        assertEquals(14, lines.length);
        String[] cells = lines[3].split(",");
        assertEquals(4, cells.length);
        for (String c : cells) {
            assertTrue(Double.parseDouble(c) > 0, lines[3]);
        }
    }

    @Test
    void compareCsvAddsTheColumnWhenAnySeriesHasIt() throws Exception {
        StringWriter w = new StringWriter();
        CsvOutput.write(w, List.of(run("a", "bolus 50 mg"), run("b, late", "bolus 50 mg at 1 h")), true);
        String[] lines = w.toString().split("\n");
        assertEquals("series,time_h,ketamine_ng_per_mL,norketamine_ng_per_mL,hydroxynorketamine_ng_per_mL",
                lines[0]);
        assertTrue(lines[14].startsWith("\"b, late\",0,0,0,0"), lines[14]);
    }

    @Test
    void metricsForEveryAnalyteBandOnlyForKetamine() throws Exception {
        Run r = run("a", "bolus 50 mg");
        assertEquals(List.of(Analyte.KETAMINE, Analyte.NORKETAMINE, Analyte.HYDROXYNORKETAMINE),
                List.copyOf(r.metrics().keySet()));
        assertNull(r.metrics().get(Analyte.NORKETAMINE).timeInBandH());
        // 50 mg in 100 L: 500 ng/mL at once, above the band, falling with k = 0.5/h below 70 ng/mL at ln(500/70)/0.5
        Run.Metrics k = r.metrics().get(Analyte.KETAMINE);
        assertEquals(500, k.cmaxNgPerMl(), 1e-6);
        assertEquals(Math.log(500.0 / 70) / 0.5, k.timeToBelowBandH(), 0.02);

        StringWriter text = new StringWriter();
        SummaryText.simulate(new PrintWriter(text), r, TimeGrid.uniform(6, 0.5), false, false);
        String out = text.toString();
        assertTrue(out.contains("\nnorketamine "), out);
        assertTrue(out.contains("\nhydroxynorketamine "), out);
        String nk = out.lines().filter(l -> l.startsWith("norketamine ")).findFirst().orElseThrow();
        assertTrue(nk.trim().endsWith("–   –") || nk.replaceAll("\\s+", " ").endsWith("– –"), nk);

        StringWriter json = new StringWriter();
        JsonOutput.write(json, "simulate", List.of(r), TimeGrid.uniform(6, 0.5));
        JsonNode s = new ObjectMapper().readTree(json.toString()).at("/series/0");
        assertTrue(s.at("/metrics/norketamine/cmax_ng_per_mL").asDouble() > 0);
        assertTrue(s.at("/metrics/norketamine/time_in_band_h").isMissingNode());
        assertEquals(13, s.at("/profile/hydroxynorketamine_ng_per_mL").size());
        assertEquals(1, s.at("/notes").size(), "no 'ketamine only' note for a model with metabolites");
        assertEquals(Run.EXACT_NOTE, s.at("/notes/0").asText());
    }
}
