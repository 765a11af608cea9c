package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    @TempDir
    Path dir;

    private Path levels() throws IOException {
        Path p = dir.resolve("levels.csv");
        Files.writeString(p, "time,analyte,value,lloq\n1,ketamine,150 ng/mL,\n3,ketamine,60 ng/mL,\n"
                + "3,norketamine,40 ng/mL,\n24,ketamine,<LLOQ,2 ng/mL\n");
        return p;
    }

    @Test
    void printsParametersLevelsAndCurve() throws IOException {
        Cli.Result r = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--weight", "82");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Individual fit of otto-2021 to 4 levels"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  CL +[0-9.]+ → [0-9.]+ +L/h +\\([0-9.]+ to [0-9.]+\\).*shrinkage 0\\.\\d\\d.*"),
                r.out());
        assertTrue(r.out().contains("<2") && r.out().contains("censored"), r.out());
        assertTrue(r.out().contains("ketamine     Cmax"), r.out());
    }

    @Test
    void csvAndJsonToStandardOutput() throws IOException {
        Cli.Result csv = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--csv", "-");
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[4].startsWith("24,ketamine,,2,true,"), lines[4]);
        Cli.Result json = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--json", "-");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"shrinkage\"") && json.out().contains("\"censored\" : true"), json.out());
    }

    /** Both outputs to files: whole, parseable, the same content as on standard output; the summary stays. */
    @Test
    void csvAndJsonToFiles() throws IOException {
        Path csv = dir.resolve("fit.csv");
        Path json = dir.resolve("fit.json");
        Cli.Result r = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--csv", csv.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Individual fit of otto-2021 to 4 levels"), r.out());
        Cli.Result jsonOut = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--json", "-");
        assertEquals(jsonOut.out(), Files.readString(json));
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile());
        assertEquals("otto-2021", doc.get("model").asText());
        assertEquals(5, Files.readAllLines(csv).size());
    }

    @Test
    void oneOutputOnStandardOutputAndNoPartialFile() throws IOException {
        Cli.Result both = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--csv", "-", "--json", "-");
        assertEquals(2, both.code());
        assertEquals(1, both.errLines().length, both.err());
        assertTrue(both.err().contains("cannot both write to standard output"), both.err());
        Path missing = dir.resolve("no-such-dir").resolve("fit.json");
        Cli.Result r = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--json", missing.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --json"), r.err());
        assertTrue(Files.notExists(missing));
    }

    /**
     * One child's level far below the prediction (40 against about 190 ng/mL): the proportional error's log-variance
     * term makes the objective locally flatter than the prior, the Laplace posterior wider than the prior; said, not
     * hidden.
     */
    @Test
    void shrinkageAboveOneIsExplained() throws IOException {
        Path p = dir.resolve("child.csv");
        Files.writeString(p, "time,analyte,value\n2,ketamine,40 ng/mL\n");
        Cli.Result r = Cli.run("fit", "--observed", p.toString(), "--dose", "20 mg/h for 24 h", "--model",
                "flint-2017", "--age", "8", "--weight", "25", "--height", "128");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*shrinkage 1\\.\\d\\d.*"), r.out());
        assertTrue(r.out().contains("note: shrinkage above 1 (CL"), r.out());
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 100, line);
        }
        Cli.Result good = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--weight", "82");
        assertTrue(!good.out().contains("shrinkage above 1"), good.out());
    }

    /**
     * A parameter no level informs (norketamine's, with ketamine measured alone) has a shrinkage of 1 up to the
     * rounding of the numerical curvature; printed as 1.00, it is not "above 1" and no reason to check the levels.
     */
    @Test
    void aShrinkageThatPrintsAsOneIsNotCalledAboveOne() throws IOException {
        Path p = dir.resolve("ketamine-only.csv");
        Files.writeString(p, "time,analyte,value\n1,ketamine,100 ng/mL\n");
        Cli.Result r = Cli.run("fit", "--observed", p.toString(), "--dose", "0.5 mg/kg over 40 min", "--model",
                "otto-2021");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\n  Vn .*shrinkage 1\\.00\\n.*"), r.out());
        assertTrue(!r.out().contains("shrinkage above 1"), r.out());
    }

    @Test
    void levelsTheFitCannotExplainAreNamedAndAPreDoseLevelIsRefused() throws IOException {
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "time,analyte,value\n1,norketamine,90000 ng/mL\n2,ketamine,90 ng/mL\n");
        Cli.Result r = Cli.run("fit", "--observed", far.toString(), "--dose", "0.5 mg/kg over 40 min", "--model",
                "otto-2021", "--weight", "82");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("note: level 1 is more than 10-fold from the individual prediction: the fit "
                + "does not explain it"), r.out());
        Cli.Result good = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--weight", "82");
        assertTrue(!good.out().contains("-fold from the individual"), good.out());
        Path before = dir.resolve("before.csv");
        Files.writeString(before, "time,analyte,value\n0,ketamine,100 ng/mL\n1,ketamine,150 ng/mL\n");
        Cli.Result pre = Cli.run("fit", "--observed", before.toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021", "--weight", "82");
        assertEquals(2, pre.code());
        assertEquals("", pre.out());
        assertTrue(pre.err().contains("level 1 (ketamine 100 ng/mL at 0 h) is at or before the first dose"),
                pre.err());
    }

    /**
     * A level the model cannot explain (10 ng/mL 200 h after 20 mg) leaves the random effects unidentifiable; the
     * report still fits 100 columns, its parameter rows and its objective line included.
     */
    /**
     * A level 1000 h after a 40-min infusion, where the model predicts 1e-40 ng/mL, printed its ratio
     * measured/individual as "276622678987698750000000000000000000000000.00" and the −2 log posterior as
     * "28705479004910440000000.00". Large numbers now have four significant digits; the note still says the fit
     * does not explain the level.
     */
    @Test
    void aLevelFarBeyondTheCurveGivesReadableNumbers() throws IOException {
        Path p = dir.resolve("late.csv");
        Files.writeString(p, "time,analyte,value\n1000,ketamine,40 ng/mL\n");
        Cli.Result r = Cli.run("fit", "--observed", p.toString(), "--dose", "0.5 mg/kg over 40 min", "--model",
                "otto-2021");
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.out().matches("(?s).*\\d{13}.*"), r.out());
        assertTrue(r.out().contains("more than 10-fold from the individual prediction"), r.out());
        assertTrue(r.out().matches("(?s).*−2 log posterior: \\d\\.\\d{3}e\\+\\d+ at the typical patient.*"), r.out());
    }

    @Test
    void anUnidentifiableFitStillFitsOneHundredColumns() throws IOException {
        Path p = dir.resolve("late.csv");
        Files.writeString(p, "time,analyte,value\n200,ketamine,10 ng/mL\n");
        Cli.Result r = Cli.run("fit", "--observed", p.toString(), "--dose", "20 mg over 1 h", "--model", "otto-2021");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(not estimable)"), r.out());
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 100, () -> line.length() + " columns: " + line);
        }
    }

    /** A level 40,000 times below its prediction had the ratio "0.00", as if nothing had been measured. */
    @Test
    void aRatioFarBelowOneKeepsItsDigits() throws IOException {
        Path p = dir.resolve("tiny.csv");
        Files.writeString(p, "time,analyte,value\n1,ketamine,0.001 ng/mL\n");
        Cli.Result fit = Cli.run("fit", "--observed", p.toString(), "--dose", "bolus 20 mg", "--model", "otto-2021");
        assertEquals(0, fit.code(), fit.err());
        assertTrue(!fit.out().contains(" 0.00\n"), fit.out());
        assertTrue(fit.out().matches("(?s).*\\n +1 +ketamine +0\\.001 +[0-9.]+ +[0-9.]+ +[0-9.]+e-0[56]\\n.*"),
                fit.out());
        Cli.Result simulate = Cli.run("simulate", "--dose", "bolus 20 mg", "--model", "otto-2021", "--observed",
                p.toString());
        assertEquals(0, simulate.code(), simulate.err());
        assertTrue(simulate.out().matches("(?s).*\\n1 +ketamine +0\\.001 +[0-9.]+ +[0-9.]+e-0[56]\\n.*"),
                simulate.out());
    }

    @Test
    void refusesAModelWithoutVariability() throws IOException {
        Cli.Result r = Cli.run("fit", "--observed", levels().toString(), "--dose", "bolus 20 mg", "--model",
                "domino-1984");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: domino-1984 publishes no between-patient variability"), r.err());
    }

    /**
     * A level 20,000 h after the dose ended 'fit' in a 200 MiB JVM with "java.lang.OutOfMemoryError: Java heap space"
     * and a stack trace: the fitted curve was drawn on a 1-min grid to a day past the last level with no memory
     * check. Now it is drawn every 5 min, which fits, and the output says so; the fit, which solves the model at the
     * levels' own times, is the library's fit to the last digit.
     */
    @Test
    void aCurveTooLongForTheHeapIsDrawnOnACoarserGridAndTheFitIsUnchanged() throws Exception {
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "time,analyte,value\n20000,ketamine,40 ng/mL\n");
        Path json = dir.resolve("fit.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx200m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "fit", "--observed", far.toString(), "--dose", "bolus 10 mg", "--model", "otto-2021", "--json",
                json.toString()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "still running");
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
        assertTrue(out.contains("Individual curve, 0–20024 h, every 5 min (typical in brackets)"), out);
        assertTrue(out.contains("note: the curves are drawn every 5 min, not every minute: to 20024 h a 1-min grid"
                + " would need about"), out);
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile());
        assertEquals(5.0 / 60, doc.get("curve_step_h").asDouble(), 1e-12);
        org.ketaminepk.fit.IndividualFit fit = org.ketaminepk.fit.MapFit.of(
                org.ketaminepk.library.Models.get("otto-2021")).fit(org.ketaminepk.patient.Patient.standardAdult(),
                        org.ketaminepk.dosing.DoseParser.parse("bolus 10 mg"),
                        org.ketaminepk.fit.LevelsCsv.read(new java.io.StringReader(Files.readString(far)), "far.csv"));
        for (int i = 0; i < fit.estimates().size(); i++) {
            assertEquals(fit.estimates().get(i).individualValue(),
                    doc.get("parameters").get(i).get("individual").asDouble(), 0, doc.toString());
        }
        assertEquals(fit.objective(), doc.get("objective").asDouble(), 0);
    }

    /** Below 5 min a curve is drawn as finely as the heap allows; past it the run is refused with what to change. */
    @Test
    void theCurveStepFollowsTheHeapAndIsNeverCoarserThanFiveMinutes() {
        int values = org.ketaminepk.cli.report.MemoryBudget.valuesPerPoint(
                org.ketaminepk.library.Models.get("otto-2021"), org.ketaminepk.patient.Patient.standardAdult());
        long gib = 1L << 30;
        assertEquals(1, FitCommand.curveStepMin(48, values, 256L << 20));
        assertEquals(1, FitCommand.curveStepMin(80_024, values, 4 * gib));
        assertEquals(2, FitCommand.curveStepMin(80_024, values, gib));
        assertEquals(5, FitCommand.curveStepMin(80_024, values, 512L << 20));
        org.ketaminepk.base.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.ketaminepk.base.InvalidInputException.class,
                () -> FitCommand.curveStepMin(80_024, values, 256L << 20));
        assertTrue(e.getMessage().startsWith("--observed: the individual and typical curves to 80024 h need about "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Java may use at most 256 MiB even with a point every 5 min; give Java "
                + "more memory (e.g. KETAMINE_PK_JAVA_OPTS=-Xmx1g) or leave out levels taken long after the doses"),
                e.getMessage());
    }

    /**
     * A level at 87,660 h, the last time a level may have, was refused with "--duration must be greater than 0 and
     * at most 87660 h but was 87684": an option 'fit' does not have, for a grid the user did not ask for. The curve
     * now ends at the last time a grid may reach.
     */
    @Test
    void aLevelAtTheLastTimeAllowedEndsTheCurveThere() {
        org.ketaminepk.dosing.Regimen bolus = org.ketaminepk.dosing.DoseParser.parse("bolus 10 mg");
        java.util.function.DoubleFunction<java.util.List<org.ketaminepk.fit.Level>> at = h -> org.ketaminepk.fit
                .LevelsCsv.read(new java.io.StringReader("time,analyte,value\n" + h + ",ketamine,40 ng/mL\n"), "x");
        assertEquals(87_660, FitCommand.curveEndH(bolus, at.apply(87_660)));
        assertEquals(87_660, FitCommand.curveEndH(bolus, at.apply(87_650)));
        assertEquals(28, FitCommand.curveEndH(bolus, at.apply(3.5)));
    }

    /**
     * The curve's AUC was labelled "linear trapezoids", but it is the solver's exact integral, the same on any grid
     * (README, Series): the label told a reader of a coarse curve that its AUC was coarse too.
     */
    @Test
    void theCurveAucIsCalledTheExactIntegral() throws IOException {
        Cli.Result r = Cli.run("fit", "--observed", levels().toString(), "--dose", "0.5 mg/kg over 40 min",
                "--model", "otto-2021");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\n  ketamine     Cmax .*; AUC [0-9.]+ ng·h/mL \\([0-9.]+\\), exact "
                + "integral\\n.*"), r.out());
        assertTrue(!r.out().contains("trapezoid"), r.out());
    }
}
