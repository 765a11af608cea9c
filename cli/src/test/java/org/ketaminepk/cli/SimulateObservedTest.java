package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --observed} and {@code simulate --dataset}. */
class SimulateObservedTest {
    private static final String LEVELS = "time,analyte,value,lloq\n0.5,ketamine,150 ng/mL,5 ng/mL\n"
            + "2,norketamine,0.035 mg/L,\n30,ketamine,<LLOQ,5 ng/mL\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Cli.Result simulate(Path levels, String... more) {
        String[] base = {"simulate", "--dose", "0.5 mg/kg over 40 min", "--model", "otto-2021", "--duration", "36h",
            "--observed", levels.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void printsEachLevelWithItsPredictionRatioAndTheFoldError() throws IOException {
        Path csv = dir.resolve("obs.csv");
        Path json = dir.resolve("obs.json");
        Cli.Result r = simulate(file("levels.csv", LEVELS), "--observed-csv", csv.toString(), "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Measured levels (levels.csv) against the prediction for this patient"), r.out());
        assertTrue(r.out().matches("(?s).*\\n0\\.5 +ketamine +150 +[0-9.]+ +[0-9.]+\\n.*"), r.out());
        assertTrue(r.out().contains("<5 (LLOQ)"), r.out());
        assertTrue(r.out().contains("geometric mean fold error"), r.out());

        String[] rows = Files.readString(csv).split("\n");
        assertEquals("time_h,analyte,measured_ng_per_mL,lloq_ng_per_mL,censored,predicted_ng_per_mL,ratio", rows[0]);
        assertEquals(4, rows.length);
        String[] nor = rows[2].split(",", -1);
        assertEquals("norketamine", nor[1]);
        assertEquals(35, Double.parseDouble(nor[2]), 1e-9, "mg/L converted to ng/mL");
        assertEquals(35 / Double.parseDouble(nor[5]), Double.parseDouble(nor[6]), 1e-6);
        assertTrue(rows[3].contains(",true,") && rows[3].endsWith(","), rows[3]);

        JsonNode observed = new ObjectMapper().readTree(json.toFile()).get("observed");
        JsonNode series = observed.get("series").get(0);
        assertEquals(3, series.get("levels").size());
        assertEquals(2, series.get("levels_compared").asInt());
        double gmfe = 0;
        for (int i = 0; i < 2; i++) {
            gmfe += Math.abs(Math.log(series.get("levels").get(i).get("ratio").asDouble()));
        }
        assertEquals(Math.exp(gmfe / 2), series.get("geometric_mean_fold_error").asDouble(), 1e-9);
        assertTrue(series.get("levels").get(2).get("ratio").isNull());
    }

    /**
     * A level measured as 0 has a ratio of 0, whose logarithm does not exist: the fold error left it out while saying
     * only that censored levels were not counted, and with no other level called it undefined for want of "a
     * positive prediction" that was there.
     */
    @Test
    void theFoldErrorSaysWhichLevelsItLeavesOut() throws IOException {
        Cli.Result r = simulate(file("zero.csv", "time,analyte,value\n2,ketamine,40 ng/mL\n3,ketamine,0 ng/mL\n"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("geometric mean fold error ") && r.out().replaceAll("\\s+", " ").contains(
                " over 1 level (exp of the mean |ln ratio|; 1 = every prediction exact; censored levels not counted, "
                        + "nor 1 level measured or predicted as 0)"), r.out());
        Cli.Result only = simulate(file("only-zero.csv", "time,analyte,value\n3,ketamine,0 ng/mL\n"));
        assertEquals(0, only.code(), only.err());
        assertTrue(only.out().replaceAll("\\s+", " ").contains("geometric mean fold error not defined (no "
                + "quantified level with a positive measurement and prediction; not counted: 1 level measured or "
                + "predicted as 0)"), only.out());
    }

    @Test
    void drawsThePointsOnTheChart() throws IOException {
        Path png = dir.resolve("levels.png");
        Cli.Result r = simulate(file("levels.csv", LEVELS), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void aLevelAfterTheSimulatedSpanIsRefusedWithTheDurationToGive() throws IOException {
        Cli.Result r = simulate(file("late.csv", "time,analyte,value\n40,ketamine,2 ng/mL\n"));
        assertEquals(2, r.code());
        assertEquals("error: late.csv: level 1 (ketamine at 40 h) is after the end of the simulation at 36 h; give "
                + "--duration 40h or longer", r.err().trim());
    }

    @Test
    void aBadCellNamesFileLineAndColumn() throws IOException {
        Cli.Result r = simulate(file("bad.csv", "time,analyte,value\n1,ketamine,150 ng/mL\n2,ketamine,40 mg\n"));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: bad.csv line 3, column value: "), r.err());
    }

    @Test
    void anAnalyteTheModelDoesNotPredictIsRefused() throws IOException {
        Cli.Result r = simulate(file("hnk.csv", "time,analyte,value\n1,hydroxynorketamine,5 ng/mL\n"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("hnk.csv, level 1 (hydroxynorketamine at 1 h): otto-2021 does not predict "
                + "hydroxynorketamine"), r.err());
    }

    @Test
    void combinationsWithoutMeaningAreRefused() throws IOException {
        Path levels = file("levels.csv", LEVELS);
        Cli.Result csvAlone = Cli.run("simulate", "--dose", "bolus 20 mg", "--observed-csv", "-");
        assertEquals(2, csvAlone.code());
        assertTrue(csvAlone.err().contains("give --observed FILE"), csvAlone.err());
        Cli.Result population = simulate(levels, "--population", "20");
        assertEquals(2, population.code());
        assertTrue(population.err().contains("run it without --population"), population.err());
        Cli.Result twoStdout = simulate(levels, "--csv", "-", "--observed-csv", "-");
        assertEquals(2, twoStdout.code());
        assertTrue(twoStdout.err().contains("only one of --csv, --json and --observed-csv"), twoStdout.err());
    }

    @Test
    void observedCsvOnStandardOutputMovesTheSummaryToStandardError() throws IOException {
        Cli.Result r = simulate(file("levels.csv", LEVELS), "--observed-csv", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("time_h,analyte,"), r.out());
        assertTrue(r.err().contains("geometric mean fold error"), r.err());
    }

    @Test
    void datasetGivesWhatTheDatasetCommandGives() throws IOException {
        Path in = file("study.csv", "ID TIME AMT CMT DV\n1 0 50 iv .\n1 2 . ketamine 150\n2 0 20 iv .\n2 1 . . .\n");
        Cli.Result viaSimulate = Cli.run("simulate", "--dataset", in.toString(), "--model", "otto-2021");
        Cli.Result viaDataset = Cli.run("dataset", in.toString(), "--model", "otto-2021");
        assertEquals(0, viaSimulate.code(), viaSimulate.err());
        assertEquals(viaDataset.out(), viaSimulate.out());
        assertEquals(viaDataset.err(), viaSimulate.err());
        Path out = dir.resolve("pred.csv");
        Cli.Result toFile = Cli.run("simulate", "--dataset", in.toString(), "--model", "otto-2021", "--csv",
                out.toString());
        assertEquals(0, toFile.code(), toFile.err());
        assertTrue(Files.readString(out).startsWith("ID,TIME,EVID,PRED_KETAMINE,PRED_NORKETAMINE,AMT,CMT,DV\n"));
    }

    @Test
    void datasetRefusesOptionsTheFileAlreadyAnswers() throws IOException {
        Path in = file("study.csv", "ID TIME AMT CMT\n1 0 50 iv\n1 2 . ketamine\n");
        for (String[] extra : new String[][] {{"--dose", "bolus 20 mg"}, {"--protocol", "crps-schwartzman-2009"},
            {"--weight", "80"}, {"--plot", dir.resolve("x.png").toString()}, {"--population", "10"}}) {
            Cli.Result r = Cli.run("simulate", "--dataset", in.toString(), extra[0], extra[1]);
            assertEquals(2, r.code(), extra[0]);
            assertEquals("error: --dataset takes the doses and covariates from the file, so " + extra[0] + " cannot "
                    + "go with it; give only --model and --csv (see 'ketamine-pk dataset --help')", r.err().trim());
            assertFalse(Files.exists(dir.resolve("x.png")));
        }
    }

    @Test
    void datasetRefusesACovariateThatChangesWithinAnId() throws IOException {
        Path in = file("tv.csv", "ID,TIME,AMT,CMT,WT\n1,0,50,iv,70\n1,2,.,ketamine,72\n");
        Cli.Result r = Cli.run("simulate", "--dataset", in.toString(), "--model", "otto-2021");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: tv.csv line 3, column WT: WT changes within ID 1"), r.err());
    }

    @Test
    void compareDrawsTheLevelsOnceAndSetsThemAgainstEverySeries() throws IOException {
        Path levels = file("levels.csv", LEVELS);
        Path csv = dir.resolve("obs.csv");
        Path png = dir.resolve("cmp.png");
        Cli.Result r = Cli.run("compare", "--series", "slow: 0.5 mg/kg over 40 min", "--series",
                "fast: 0.5 mg/kg over 10 min", "--model", "otto-2021", "--duration", "36h", "--observed",
                levels.toString(), "--observed-csv", csv.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("predicted slow (ng/mL)") && r.out().contains("predicted fast (ng/mL)"), r.out());
        assertTrue(r.out().contains("slow: geometric mean fold error") && r.out().contains(
                "fast: geometric mean fold error"), r.out());
        String[] rows = Files.readString(csv).split("\n");
        assertEquals("series,time_h,analyte,measured_ng_per_mL,lloq_ng_per_mL,censored,predicted_ng_per_mL,ratio",
                rows[0]);
        assertEquals(7, rows.length);
        assertTrue(rows[1].startsWith("slow,") && rows[4].startsWith("fast,"));
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void predictionsFollowTheDosingWeightOfTheCurve() throws IOException {
        Path levels = file("one.csv", "time,analyte,value\n0.5,ketamine,150 ng/mL\n");
        Path total = dir.resolve("total.csv");
        Path ideal = dir.resolve("ideal.csv");
        assertEquals(0, simulate(levels, "--weight", "120", "--observed-csv", total.toString()).code());
        Cli.Result r = simulate(levels, "--weight", "120", "--dosing-weight", "ideal", "--observed-csv",
                ideal.toString());
        assertEquals(0, r.code(), r.err());
        double pTotal = Double.parseDouble(Files.readString(total).split("\n")[1].split(",", -1)[5]);
        double pIdeal = Double.parseDouble(Files.readString(ideal).split("\n")[1].split(",", -1)[5]);
        // same patient and parameters, linear model: the prediction scales with the mg the mg/kg dose gives
        double ibw = 50 + 2.3 * (175 - 152.4) / 2.54;
        assertEquals(ibw / 120, pIdeal / pTotal, 1e-6);
    }
}
