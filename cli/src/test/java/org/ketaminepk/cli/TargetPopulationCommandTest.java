package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetAttainment;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;
import org.ketaminepk.target.TargetSchedule;

/** target --population: the typical patient's pump schedule given to a virtual population. */
class TargetPopulationCommandTest {
    private static final String SPEC = "100 ng/mL for 1 h, then 150 ng/mL for 1 h";

    @TempDir
    Path dir;

    private Cli.Result run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("target", "--target", SPEC, "--model", "otto-2021",
                "--duration", "3h", "--population", "120"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void theShareNearTheTargetIsTheLibrarysForTheSameSeedAndPatients() throws Exception {
        Path json = dir.resolve("pop.json");
        Cli.Result r = run("--seed", "11", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The same pump schedule given to 120 virtual patients (seed 11"), r.out());
        assertTrue(r.out().contains("Distance from the target at the end of each step (plasma ketamine"), r.out());
        assertTrue(r.out().contains("within ±20 %") && r.out().contains("above 1.5 ×"), r.out());
        assertTrue(r.out().contains("Distribution over 120 virtual patients"), r.out());

        IndividualModel ind = Simulation.standard().individualize(Models.OTTO_2021, Patient.standardAdult());
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard().withRateStepMlPerH(0.1))
                .plan(TargetSchedule.parse(SPEC), 3);
        int n = plan.timesH().length;
        TargetAttainment expected = TargetAttainment.of(plan, PopulationSimulation.of(Models.OTTO_2021,
                Collections.nCopies(120, Patient.standardAdult()), plan.regimen(), TimeGrid.uniform(3, 1.0 / 360),
                11), Runnable::run);
        assertEquals(1081, n);
        JsonNode steps = new ObjectMapper().readTree(json.toFile()).path("attainment").path("steps");
        assertEquals(2, steps.size());
        for (int k = 0; k < 2; k++) {
            TargetAttainment.Step e = expected.steps().get(k);
            assertEquals(e.within().count(), steps.get(k).path("within").path("count").asInt());
            assertEquals(e.above().count(), steps.get(k).path("above").path("count").asInt());
            assertEquals(e.ratio().median(), steps.get(k).path("ratio_to_target").path("p50").asDouble(), 1e-12);
            assertEquals(k == 0 ? 1.0 : 2.0, steps.get(k).path("at_h").asDouble(), 1e-12);
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(120, root.path("population").path("patients").size());
        assertEquals(11, root.path("population").path("population").path("seed").asInt());
        assertTrue(root.path("population").path("percentile_bands").path("ketamine_ng_per_mL").has("p50"));
    }

    @Test
    void theCsvCarriesTheBandsBesideThePumpScheduleAndTheSeedDecides() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertEquals(0, run("--csv", a.toString()).code());
        assertEquals(0, run("--csv", b.toString()).code());
        assertEquals(0, run("--csv", c.toString(), "--seed", "3").code());
        List<String> rows = Files.readAllLines(a);
        assertTrue(rows.get(0).startsWith("time_h,target_ng_per_ml,rate_ml_per_h,rate_mg_per_h,cumulative_mg,"
                + "plasma_ng_per_ml,norketamine_ng_per_ml,ketamine_p05_ng_per_mL,ketamine_p25_ng_per_mL,"
                + "ketamine_p50_ng_per_mL"), rows.get(0));
        int columns = rows.get(0).split(",").length;
        assertEquals(7 + 10, columns);
        assertEquals(1 + 1081, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals(columns, f.length, row);
            double p05 = Double.parseDouble(f[7]);
            double p50 = Double.parseDouble(f[9]);
            double p95 = Double.parseDouble(f[11]);
            assertTrue(p05 <= p50 && p50 <= p95, row);
        }
        assertEquals(rows, Files.readAllLines(b));
        assertNotEquals(rows, Files.readAllLines(c));
    }

    @Test
    void aPopulationPlotIsWritten() throws Exception {
        Path png = dir.resolve("pop.png");
        Cli.Result r = run("--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 10_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seed 3|--seed applies to a population run",
        "--population 10 --manual|--population applies to a target-controlled schedule; leave out --manual",
        "--population 10 --model kamp-2020|publishes no between-patient variability; give one with --iiv",
        "--population 0|expected a whole number of patients from 1 to 100000",
        "--population 10 --csv - --json -|only one of --csv, --json, --population-csv and --protocol-out can write",
        "--endpoint navarrete-2025-ani --effect-site navarrete-2025-ani|leave out --endpoint",
        "--endpoint navarrete-2025-ani --manual|--endpoint applies to a target-controlled schedule"})
    void badCombinationsGetOneLineAndExitCode2(String args, String message) {
        List<String> all = new java.util.ArrayList<>(List.of("target", "--target", "150 ng/mL for 1 h"));
        all.addAll(List.of(args.split(" ")));
        if (!all.contains("--model")) {
            all.addAll(List.of("--model", "otto-2021"));
        }
        Cli.Result r = Cli.run(all.toArray(new String[0]));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
