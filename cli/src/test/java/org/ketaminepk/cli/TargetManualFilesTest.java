package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.options.ManualOptions;
import org.ketaminepk.cli.options.PumpOptions;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.TargetSchedule;

/** {@code target --manual --csv/--json}: the scheme's rates, cumulative dose and curve, as the plot draws it. */
class TargetManualFilesTest {
    @TempDir
    Path dir;

    /** The scheme {@code target --manual} designs for the default pump (or the syringe given) and the patient. */
    private static ManualScheme scheme(IndividualModel ind, String target, String syringe, double tolerance) {
        return ManualOptions.design(ind, PumpOptions.settings(syringe, null, null, null),
                ManualOptions.step(TargetSchedule.parse(target)), tolerance);
    }

    private static double[] column(List<String[]> rows, int k) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(rows.get(i)[k]);
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "domino-1984|150 ng/mL for 2 h|10mg/mL|4h|0.15|mg",
        "racemic-composite|150 ng/mL for 4 h|50 mg/mL HCl||0.1|mg_hcl"})
    void theCsvHoldsTheRatesTheCumulativeDoseAndTheExactCurveOfTheSchemesRegimen(String model, String target,
            String syringe, String duration, double tolerance, String form) throws Exception {
        Path csv = dir.resolve("m.csv");
        List<String> args = new java.util.ArrayList<>(List.of("target", "--target", target, "--model", model,
                "--manual", "--tolerance", Text.sig(tolerance * 100, 3) + "%", "--syringe", syringe, "--csv",
                csv.toString()));
        if (duration != null) {
            args.addAll(List.of("--duration", duration));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        IndividualModel ind = Simulation.standard().individualize(Models.get(model), Patient.standardAdult());
        ManualScheme m = scheme(ind, target, syringe, tolerance);
        boolean nk = m.hasNorketamine();
        assertEquals("time_h,target_ng_per_ml,rate_ml_per_h,rate_" + form + "_per_h,cumulative_" + form
                + ",plasma_ng_per_ml" + (nk ? ",norketamine_ng_per_ml" : "") + ",low_ng_per_ml,high_ng_per_ml",
                lines.get(0));
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        double[] t = column(rows, 0);
        double endH = duration == null ? m.durationH() + 2 : 4;
        assertEquals(0, t[0]);
        assertEquals(endH, t[t.length - 1], 1e-9);
        assertEquals(Math.round(endH * 360) + 1, t.length, "a row every 10 s");

        // the exact solver on the scheme's regimen, at the file's times
        Profile ref = Simulation.standard().withSolver(ExactSolver.instance()).simulate(ind, m.regimen(),
                TimeGrid.of(t)).profile();
        int plasma = 5;
        double[] cp = column(rows, plasma);
        double[] want = ref.series(Analyte.KETAMINE).ngPerMl();
        for (int i = 0; i < t.length; i++) {
            int row = i;
            assertEquals(want[i], cp[i], 5e-6 * want[i] + 1e-9, () -> "plasma at " + t[row] + " h");
        }
        if (nk) {
            double[] cn = column(rows, plasma + 1);
            double[] wantNk = ref.series(Analyte.NORKETAMINE).ngPerMl();
            for (int i = 0; i < t.length; i++) {
                int row = i;
                assertEquals(wantNk[i], cn[i], 5e-6 * wantNk[i] + 1e-9, () -> "norketamine at " + t[row] + " h");
            }
        }

        // the bolus is counted at time 0; the last row holds the scheme's total
        double[] cum = column(rows, 4);
        assertEquals(Text.sig(m.bolusMg(), 8), rows.get(0)[4]);
        assertEquals(Text.sig(m.totalMg(), 8), rows.get(rows.size() - 1)[4]);
        for (int i = 1; i < cum.length; i++) {
            assertTrue(cum[i] >= cum[i - 1], "the cumulative dose never falls");
        }
        // the rates are the scheme's, in mL/h and in mg/h of the syringe's form, and stop with the target
        ManualScheme.RateStep first = m.steps().get(0);
        assertEquals(first.rateMlPerH(), Double.parseDouble(rows.get(0)[2]), 1e-9);
        assertEquals(first.rateMgPerH(), Double.parseDouble(rows.get(0)[3]), 1e-6 * first.rateMgPerH());
        ManualScheme.RateStep last = m.steps().get(m.steps().size() - 1);
        int lastHeld = (int) Math.round(m.durationH() * 360) - 1;
        assertEquals(last.rateMlPerH(), Double.parseDouble(rows.get(lastHeld)[2]), 1e-9);
        assertEquals("0", rows.get(lastHeld + 1)[2]);
        // the target and its tolerance band while it is held, no band after
        double held = m.targetNgPerMl();
        int low = rows.get(0).length - 2;
        assertEquals(Text.sig(held, 6), rows.get(lastHeld)[1]);
        assertEquals(held * (1 - tolerance), Double.parseDouble(rows.get(0)[low]), 1e-6 * held);
        assertEquals(held * (1 + tolerance), Double.parseDouble(rows.get(0)[low + 1]), 1e-6 * held);
        assertEquals("0", rows.get(lastHeld + 1)[1]);
        assertEquals("", rows.get(lastHeld + 1)[low]);
        assertEquals("", rows.get(lastHeld + 1)[low + 1]);
    }

    @Test
    void theChartDrawsTheTargetTheSchemeWasDesignedFor() {
        // the chart showed the scheme's curves alone: how far they stray from 150 ng/mL could not be seen
        IndividualModel ind = Simulation.standard().individualize(Models.get("racemic-composite"),
                Patient.standardAdult());
        ManualScheme m = scheme(ind, "150 ng/mL for 1 h", "10mg/mL", 0.15);
        org.jfree.chart.plot.XYPlot plot = org.ketaminepk.cli.report.ManualSchemeReport.chart(ind, m, 3).getXYPlot();
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            legend.add(plot.getFixedLegendItems().get(i).getLabel());
        }
        assertTrue(legend.contains("Target (plasma)"), legend::toString);
        double held = 0;
        // datasets are held by index, the target's above the concentrations'
        for (int d = 0; d < 32; d++) {
            org.jfree.data.xy.XYDataset data = plot.getDataset(d);
            if (data != null && data.getSeriesCount() > 0 && "target".equals(data.getSeriesKey(0))) {
                for (int i = 0; i < data.getItemCount(0); i++) {
                    held = Math.max(held, data.getYValue(0, i));
                }
            }
        }
        assertEquals(150, held, 1e-9);
    }

    /**
     * The chart drew the target line alone, while the summary, the CSV and the explorer give the band the scheme is
     * meant to stay within: a scheme that strayed from it could not be seen to. The band is shaded while the target
     * is held, from (1 − tolerance) to (1 + tolerance) times it, with its legend entry.
     */
    @Test
    void theChartShadesTheToleranceBandWhileTheTargetIsHeld() {
        IndividualModel ind = Simulation.standard().individualize(Models.get("racemic-composite"),
                Patient.standardAdult());
        ManualScheme m = scheme(ind, "150 ng/mL for 1 h", "10mg/mL", 0.2);
        org.jfree.chart.plot.XYPlot plot = org.ketaminepk.cli.report.ManualSchemeReport.chart(ind, m, 3).getXYPlot();
        org.jfree.chart.LegendItem entry = null;
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            if (plot.getFixedLegendItems().get(i).getLabel().equals("Within ±20 % of the target")) {
                entry = plot.getFixedLegendItems().get(i);
            }
        }
        assertTrue(entry != null, "no legend entry for the band");
        // the band's box, drawn as its legend entry is: 0 to 1 h (a 3-h chart is in hours), 120 to 180 ng/mL
        org.jfree.chart.annotations.XYBoxAnnotation expected = new org.jfree.chart.annotations.XYBoxAnnotation(0,
                120, 1, 180, entry.getOutlineStroke(), entry.getOutlinePaint(), entry.getFillPaint());
        assertTrue(plot.getAnnotations().contains(expected), plot.getAnnotations()::toString);
    }

    @Test
    void theJsonCarriesTheSchemeTheWarningsAndTheCurvesOfTheCsv() throws Exception {
        Path csv = dir.resolve("m.csv");
        Path json = dir.resolve("m.json");
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 2 h", "--model", Cli.MODEL, "--manual", "--csv",
                csv.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Manual scheme for a pump without target control"), r.out());
        IndividualModel ind = Simulation.standard().individualize(Models.get(Cli.MODEL), Patient.standardAdult());
        ManualScheme m = scheme(ind, "150 ng/mL for 2 h", null, ManualOptions.DEFAULT_TOLERANCE);

        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals("target", n.path("command").asText());
        assertEquals(Cli.MODEL, n.path("model").asText());
        assertEquals(Text.patient(Patient.standardAdult()), n.path("patient").asText());
        assertEquals("manual", n.path("scheme").asText());
        JsonNode s = n.path("manual");
        assertEquals(150, s.path("target_ng_per_ml").asDouble());
        assertEquals(2, s.path("duration_h").asDouble());
        assertEquals(15, s.path("tolerance_percent").asDouble(), 1e-12);
        assertEquals(m.bolusMl(), s.path("bolus_ml").asDouble());
        assertEquals(m.bolusMg(), s.path("bolus_mg").asDouble());
        assertEquals(m.steps().size(), s.path("rates").size());
        for (int i = 0; i < m.steps().size(); i++) {
            ManualScheme.RateStep step = m.steps().get(i);
            JsonNode rate = s.path("rates").get(i);
            assertEquals(step.startH(), rate.path("start_h").asDouble());
            assertEquals(step.endH(), rate.path("end_h").asDouble());
            assertEquals(step.rateMlPerH(), rate.path("rate_ml_per_h").asDouble());
            assertEquals(step.rateMgPerH(), rate.path("rate_mg_per_h").asDouble());
        }
        assertEquals(m.minNgPerMl(), s.path("min_ng_per_ml").asDouble());
        assertEquals(m.maxNgPerMl(), s.path("max_ng_per_ml").asDouble());
        assertEquals(m.timeWithinH(), s.path("time_within_h").asDouble());
        assertEquals(m.totalMg(), s.path("total_mg").asDouble());
        assertEquals(m.hasNorketamine(), s.has("norketamine_end_ng_per_ml"));
        assertEquals(m.warnings().size(), n.path("warnings").size());
        assertEquals(10, n.path("pump").path("syringe_mg_per_ml").asDouble());

        // the curves are the CSV's, at full precision
        List<String> lines = Files.readAllLines(csv);
        JsonNode t = n.path("time_h");
        JsonNode cp = n.path("plasma_ng_per_ml");
        JsonNode target = n.path("target_ng_per_ml");
        assertEquals(lines.size() - 1, t.size());
        assertEquals(t.size(), cp.size());
        assertEquals(t.size(), target.size());
        assertEquals(m.hasNorketamine() ? t.size() : 0, n.path("norketamine_ng_per_ml").size());
        for (int i = 0; i < t.size(); i++) {
            String[] row = lines.get(i + 1).split(",", -1);
            assertEquals(row[0], Text.sig(t.get(i).asDouble(), 10));
            assertEquals(row[1], Text.sig(target.get(i).asDouble(), 6));
            assertEquals(row[5], Text.sig(cp.get(i).asDouble(), 6));
        }
    }

    @Test
    void toStandardOutputTheSummaryGoesToStandardErrorAndTheBytesAreTheFilesOnes() throws Exception {
        Path csv = dir.resolve("m.csv");
        Path json = dir.resolve("m.json");
        String[] base = {"target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, "--manual"};
        assertEquals(0, Cli.run(concat(base, "--csv", csv.toString(), "--json", json.toString())).code());
        Cli.Result c = Cli.run(concat(base, "--csv", "-"));
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().startsWith("Manual scheme"), c.err());
        assertArrayEquals(Files.readAllBytes(csv), c.out().getBytes(StandardCharsets.UTF_8));
        Cli.Result j = Cli.run(concat(base, "--json", "-"));
        assertEquals(0, j.code(), j.err());
        assertArrayEquals(Files.readAllBytes(json), j.out().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--csv -|--json -|only one of --csv, --json, --population-csv and --protocol-out can write to standard output",
        "--csv m.csv|--population 20|--population applies to a target-controlled schedule; leave out --manual",
        "--json m.json|--endpoint navarrete-2025-ani|--endpoint applies to a target-controlled schedule",
        "--csv m.txt|--json m.txt|",
        "--csv m.csv|--update 30s|--update sets how often a target-controlled pump changes its rate; a manual scheme "
                + "has no updates, so leave out --update or --manual"})
    void badCombinationsKeepTheirOneLineRefusals(String first, String second, String message) {
        String[] a = first.split(" ");
        String[] b = second.split(" ");
        for (String[] o : List.of(a, b)) {
            if (!o[1].equals("-") && o[1].contains(".")) {
                o[1] = dir.resolve(o[1]).toString();
            }
        }
        Cli.Result r = Cli.run("target", "--target", "150 ng/mL for 1 h", "--model", Cli.MODEL, "--manual", a[0], a[1],
                b[0], b[1]);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: ") && (message == null || r.err().contains(message)), r.err());
        assertTrue(!Files.exists(dir.resolve("m.csv")) && !Files.exists(dir.resolve("m.json")), "no file written");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
