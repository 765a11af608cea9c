package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocols;

/** The exposure metrics and the dosing weight as the summary and the JSON report show them. */
class ExposureOutputTest {
    @Test
    void jsonCarriesTheLibrarysExposureMetrics() throws Exception {
        Cli.Result r = Cli.run("simulate", "--protocol", "crps-schwartzman-2009", "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode series = new ObjectMapper().readTree(r.out()).at("/series/0");
        SimulationResult lib = Simulation.run(Models.DEFAULT, Patient.standardAdult(),
                Protocols.get("crps-schwartzman-2009").regimen(), TimeGrid.uniform(244, 1.0 / 60));
        for (Analyte a : new Analyte[] {Analyte.KETAMINE, Analyte.NORKETAMINE}) {
            JsonNode m = series.at("/metrics/" + a.label());
            assertEquals(lib.metrics(a).aucToInfinityNgHPerMl().getAsDouble(), m.at("/auc_0_inf_ng_h_per_mL")
                    .asDouble(), 1e-9, a.label());
            assertEquals(24, m.at("/dosing_interval_h").asDouble(), 1e-9);
            assertEquals(lib.metrics(a).steadyStateAverageNgPerMl().getAsDouble(),
                    m.at("/steady_state_average_ng_per_mL").asDouble(), 1e-9);
            assertEquals(lib.metrics(a).lastTroughNgPerMl().getAsDouble(), m.at("/last_trough_ng_per_mL").asDouble(),
                    1e-9);
        }
        assertTrue(series.at("/metrics/ketamine/time_above_band_h").isNumber());
        assertTrue(series.at("/metrics/norketamine/time_above_band_h").isMissingNode());
        assertEquals(lib.aucRatio(Analyte.NORKETAMINE, Analyte.KETAMINE).toInfinity().getAsDouble(),
                series.at("/auc_ratio_norketamine_to_ketamine/to_infinity").asDouble(), 1e-12);
        assertEquals("total", series.at("/dosing_weight/basis").asText());
        assertEquals(70, series.at("/dosing_weight/kg").asDouble(), 0);
        String text = r.err().replaceAll("\\s+", " ");
        assertTrue(text.contains("Repeated every 24 h: trough before the last dose ketamine "), text);
        assertTrue(text.contains("Norketamine/ketamine AUC ratio (by mass): "), text);
    }

    /**
     * With a 3-h output step the time to reach the band read 0.18 h (11 min) and the time to fall below it 0.00 h,
     * both read on the grid while the note called the metrics exact; they are now found on the continuous curve, so
     * the JSON gives the same times with a 3-h step as with a 1-s step, and the warning about the step names the
     * values at the output times, not Cmax and Tmax, which are exact.
     */
    @Test
    void theBandIsReachedAndLeftAtTheSameTimesWhateverTheStep() throws Exception {
        JsonNode coarse = metricsWithStep("3h");
        JsonNode fine = metricsWithStep("1s");
        assertEquals(fine.at("/time_to_reach_band_h").asDouble(), coarse.at("/time_to_reach_band_h").asDouble(), 1e-6);
        assertEquals(fine.at("/time_to_below_band_after_last_input_h").asDouble(),
                coarse.at("/time_to_below_band_after_last_input_h").asDouble(), 1e-6);
        assertEquals(2.6, coarse.at("/time_to_reach_band_h").asDouble() * 60, 0.05);
        assertTrue(coarse.at("/time_to_below_band_after_last_input_h").asDouble() > 0.5);
        Cli.Result r = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--step", "3h", "--duration", "24h");
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("the concentrations at the output times can miss the peaks between them"), text);
        assertTrue(text.contains("when the band is reached and left are exact"), text);
        assertTrue(!text.contains("Cmax and Tmax may miss"), text);
    }

    private static JsonNode metricsWithStep(String step) throws Exception {
        Cli.Result r = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--step", step, "--duration", "24h",
                "--json", "-");
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out()).at("/series/0/metrics/ketamine");
    }

    /**
     * Doses less than 2 s apart were said to repeat "every 0 h": the interval was rounded to 0.001 h. It is now
     * written in the unit that reads best, as the grid's step is.
     */
    @Test
    void aShortDosingIntervalIsNotCalledZero() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 1 mg every 1 s x10", "--duration",
                "1h");
        assertEquals(0, r.code(), r.err());
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("Repeated every 1 s: "), text);
        r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 1 mg every 30 min x3", "--duration", "3h");
        assertTrue(r.out().replaceAll("\\s+", " ").contains("Repeated every 30 min: "), r.out());
    }

    @Test
    void dosingWeightChangesTheMgAndIsShown() throws Exception {
        Cli.Result r = Cli.run("compare", "--dose", "0.5 mg/kg over 40 min", "--patient", "weight=120",
                "--patient", "weight=120,height=160", "--dosing-weight", "ideal", "--duration", "12h");
        assertEquals(0, r.code(), r.err());
        Patient tall = Patient.standardAdult().withWeightKg(120);
        Patient shortP = tall.withHeightCm(160);
        String row = r.out().lines().filter(l -> l.startsWith("dosing weight")).findFirst().orElseThrow();
        assertTrue(row.matches("dosing weight +ideal, 70\\.5 kg +ideal, 56\\.9 kg"), row);
        String doses = r.out().lines().filter(l -> l.startsWith("doses (total mg)")).findFirst().orElseThrow();
        assertTrue(doses.contains("(35.232 mg)") && doses.contains("(28.441 mg)"), doses);
        String cmax = r.out().lines().filter(l -> l.startsWith("ketamine Cmax")).findFirst().orElseThrow();
        String[] cells = cmax.trim().split("\\s{2,}");
        assertNotEquals(cells[1], cells[2], cmax);
        // the two builds are each named in a warning of their own
        assertTrue(r.out().contains("BMI 39.2 kg/m²") && r.out().contains("BMI 46.9 kg/m²"), r.out());
        assertEquals(56.9, Math.round(DosingWeight.IDEAL.kg(shortP) * 10) / 10.0, 0);
        assertEquals(70.5, Math.round(DosingWeight.IDEAL.kg(tall) * 10) / 10.0, 0);

        // by total body weight, an obese patient is told what the other descriptors would give; a lean one is not
        Cli.Result total = Cli.run("compare", "--dose", "0.5 mg/kg over 40 min", "--patient", "weight=120",
                "--patient", "weight=70", "--duration", "12h");
        String flat = total.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("note: mg/kg doses use the total body weight, 120 kg, at BMI 39.2 kg/m²; "
                + "--dosing-weight ideal, lean or adjusted would use 70.5, 73.5 or 90.3 kg"), total.out());
        assertEquals(1, flat.split("mg/kg doses use the total body weight").length - 1, total.out());
        Cli.Result mg = Cli.run("simulate", "--dose", "bolus 20 mg", "--weight", "120", "--duration", "2h");
        assertTrue(!mg.out().contains("mg/kg doses use"), mg.out());

        Cli.Result bad = Cli.run("simulate", "--dose", "bolus 1 mg/kg", "--dosing-weight", "fat");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("expected total, ideal, lean or adjusted but was 'fat'"), bad.err());
        Cli.Result population = Cli.run("simulate", "--dose", "bolus 1 mg/kg", "--dosing-weight", "lean",
                "--population", "20");
        assertEquals(2, population.code());
        assertTrue(population.err().contains("--dosing-weight applies to one patient"), population.err());
    }

    /**
     * Without a dose per kg a dosing weight changes nothing, yet the report said "mg/kg doses use ideal body weight":
     * refused, in simulate and compare; a protocol dosed per kg (capped or not) still takes it.
     */
    @Test
    void aDosingWeightWithoutADosePerKgIsRefused() {
        String expected = "error: --dosing-weight ideal changes only doses given per kg (mg/kg, mg/kg/h, ...), and "
                + "none is; leave it out or give a dose per kg\n";
        Cli.Result simulate = Cli.run("simulate", "--dose", "bolus 20 mg", "--dose", "oral 50 mg at 2 h",
                "--dosing-weight", "ideal", "--duration", "4h");
        assertEquals(2, simulate.code(), simulate.out());
        assertEquals(expected, simulate.err());
        Cli.Result compare = Cli.run("compare", "--dose", "bolus 20 mg", "--dose", "20 mg/h for 1 h",
                "--dosing-weight", "ideal", "--duration", "4h");
        assertEquals(2, compare.code(), compare.out());
        assertEquals(expected, compare.err());
        Cli.Result mixed = Cli.run("compare", "--dose", "bolus 20 mg", "--dose", "0.3 mg/kg over 10 min",
                "--dosing-weight", "ideal", "--duration", "4h");
        assertEquals(0, mixed.code(), mixed.err());
        Cli.Result capped = Cli.run("simulate", "--protocol", "crps-schwartzman-2009", "--weight", "120",
                "--dosing-weight", "lean", "--duration", "30h", "--step", "10min");
        assertEquals(0, capped.code(), capped.err());
    }
}
