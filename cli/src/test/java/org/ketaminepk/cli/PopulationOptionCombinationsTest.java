package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Population runs with options that cannot act, or with assumed variability the model cannot take: each is refused in
 * one line that names the option, never accepted without effect.
 */
class PopulationOptionCombinationsTest {
    @TempDir
    Path dir;

    /** A chart option without a chart would be accepted and do nothing, with or without a population. */
    @ParameterizedTest
    @ValueSource(strings = {"--log-scale", "--plot-size=800x600"})
    void chartOptionsWithoutAChartAreRefused(String option) {
        String name = option.split("=")[0];
        for (String[] args : new String[][] {
            {"simulate", "--model", PopulationCommandTest.VARYING_MODEL, "--dose", "bolus 20 mg", "--duration", "2h",
                "--step", "10min", "--population", "20", option},
            {"simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", "2h", option},
            {"compare", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--dose", "bolus 30 mg", "--duration", "2h",
                option}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), () -> String.join(" ", args) + "\n" + r.out() + r.err());
            assertEquals("error: " + name + " applies to a chart; add --plot FILE.png (or .svg) or --show, or leave "
                    + "it out", r.err().strip());
        }
    }

    /**
     * A CV assumed on the composite's oral bioavailability draws some patients above what its fixed first-pass
     * fraction leaves: whatever the CV, the run succeeds or the error names --iiv and the CV typed.
     */
    @Property(tries = 8)
    void anAssumedCvTheModelCannotTakeIsBlamedOnIiv(@ForAll @IntRange(min = 5, max = 500) int cvPercent) {
        Cli.Result r = Cli.run("simulate", "--dose", "oral 50 mg", "--duration", "2h", "--step", "10min",
                "--population", "40", "--iiv", "F_oral=" + cvPercent + "%");
        if (r.code() != 0) {
            assertEquals(2, r.code(), r::err);
            assertTrue(r.err().startsWith("error: --iiv F_oral CV " + cvPercent + " %: a virtual patient drawn with "
                    + "it is outside what racemic-composite allows: "), r::err);
            assertTrue(r.err().strip().endsWith("; give a smaller CV"), r::err);
            assertEquals(1, r.errLines().length, r::err);
        }
    }

    /** --vary without male= draws half men (as the run reports): the help said the unnamed stayed the male adult's. */
    @Test
    void varyHelpSaysWhatAnUnnamedSexBecomes() throws Exception {
        Path csv = dir.resolve("patients.csv");
        Cli.Result r = Cli.run("simulate", "--model", PopulationCommandTest.VARYING_MODEL, "--dose", "bolus 20 mg",
                "--duration", "2h", "--step", "10min", "--population", "40", "--vary", "weight=50..120",
                "--population-csv", csv.toString());
        assertEquals(0, r.code(), r::err);
        List<String> sexes = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[4]).distinct().toList();
        assertTrue(sexes.contains("female") && sexes.contains("male"), sexes::toString);
        String help = Cli.run("simulate", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("without male=, half the patients are men"), help);
        assertFalse(help.contains("unnamed ones stay those of the standard adult"), help);
    }

    /**
     * A model's page lists the variability a population run draws: a logit-scale term is not called a log-scale
     * variance, the between-occasion terms are there, and a shared source is said once.
     */
    @Test
    void aModelsPageListsTheVariabilityAsAPopulationRunDrawsIt() {
        Cli.Result perez = Cli.run("models", "perez-ruixo-2021");
        assertEquals(0, perez.code(), perez::err);
        assertFalse(perez.out().contains("variance on the log scale, as published"), perez::out);
        assertTrue(perez.out().contains("ω²(FRn) = 0.5013, logit scale"), perez::out);
        Cli.Result simons = Cli.run("models", "simons-2022");
        assertEquals(0, simons.code(), simons::err);
        assertTrue(simons.out().contains("ν²(MTTG) = 0.9370, between occasions, log scale; MTT GUT"), simons::out);
        String block = simons.out().substring(simons.out().indexOf("Between-patient variability"));
        block = block.substring(0, block.indexOf("\n\n"));
        assertEquals(2, block.split("89c097816da9", -1).length, block);
    }

    /** The same event asked twice, however it is written, would print the same row twice. */
    @ParameterizedTest
    @ValueSource(strings = {"cmax>300,cmax>300.0,cmax>300", "hours>=2,hours>=2.00,hours>=2",
        "norketamine>50,norketamine>50.0,norketamine>50"})
    void theSameProbabilityTwiceIsRefused(String pair) {
        String[] asks = pair.split(",");
        Cli.Result r = Cli.run("simulate", "--model", PopulationCommandTest.VARYING_MODEL, "--dose", "bolus 20 mg",
                "--duration", "2h", "--step", "10min", "--population", "20", "--probability", asks[0],
                "--probability", asks[1]);
        assertEquals(2, r.code(), r::out);
        assertEquals("error: --probability asks for the same event twice: " + asks[2] + "; give each event once",
                r.err().strip());
    }

    /** --observed-like changes the bands alone: with no output that holds them it would do nothing. */
    @Test
    void observedLikeWithoutAnOutputOfBandsIsRefused() {
        String[][] runs = {
            {"simulate", "--model", PopulationCommandTest.VARYING_MODEL, "--dose", "bolus 20 mg", "--duration", "2h",
                "--step", "10min", "--population", "20", "--observed-like"},
            {"compare", "--model", PopulationCommandTest.VARYING_MODEL, "--dose", "bolus 20 mg", "--dose",
                "bolus 30 mg", "--duration", "2h", "--step", "10min", "--population", "20", "--observed-like"},
            {"target", "--target", "100 ng/mL for 30 min", "--model", PopulationCommandTest.VARYING_MODEL,
                "--population", "20", "--observed-like"}};
        for (String[] args : runs) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), () -> String.join(" ", args) + "\n" + r.out() + r.err());
            assertTrue(r.err().startsWith("error: --observed-like adds residual error to the percentile bands only, "
                    + "and no output here holds them; add --plot, --csv or --json"), r::err);
        }
    }

    @Test
    void observedLikeSaysWhichNumbersCarryTheResidualError() {
        Path csv = dir.resolve("bands.csv");
        Cli.Result r = Cli.run("simulate", "--model", PopulationCommandTest.VARYING_MODEL, "--dose", "bolus 20 mg",
                "--duration", "2h", "--step", "10min", "--population", "20", "--observed-like", "--csv",
                csv.toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(r.out().replaceAll("\\s+", " ").contains("note: observed-like: the percentile bands carry each "
                + "analyte's published residual error; the distributions, probabilities and per-patient values are "
                + "of the predictions"), r::out);
    }

    /**
     * Simons 2022's F1 varies between occasions on the logit scale, where a CV (log scale) cannot be added; an assumed
     * CV on it once drew F1 at 1, which the model divides by 1 − F1, and showed an internal rate of NaN. Whatever the
     * CV, it is refused before any patient is drawn, naming --iiv and F1.
     */
    @Property(tries = 6)
    void anAssumedCvOnSimonsFilmUptakeIsRefusedNamingIiv(@ForAll @IntRange(min = 20, max = 500) int cvPercent) {
        Cli.Result r = Cli.run("simulate", "--model", "simons-2022", "--dose", "50 mg sublingual", "--duration", "2h",
                "--step", "10min", "--population", "60", "--iiv", "F1=" + cvPercent + "%");
        assertEquals(2, r.code(), r::err);
        assertFalse((r.out() + r.err()).contains("NaN"), r::err);
        assertEquals("error: --iiv: variability names F1, whose between-occasion variability in simons-2022 is on the "
                + "logit scale, but a CV is on the log scale and the two cannot be added; leave F1 out",
                r.err().strip());
    }

    /** A CV on a signed coefficient failed as an internal error (exit 1); on a zero it would change nothing. */
    @Test
    void anAssumedCvOnAParameterNotAboveZeroIsRefused() {
        Cli.Result r = Cli.run("simulate", "--model", "perez-ruixo-2021", "--dose", "intranasal 56 mg", "--duration",
                "2h", "--step", "10min", "--population", "20", "--iiv", "Qh_age=30%");
        assertEquals(2, r.code(), r::err);
        assertEquals("error: --iiv: variability names Qh_age, whose value in perez-ruixo-2021 is -2.19 L/h per year, "
                + "but a CV (log-normal, θ·exp(η)) applies only to a parameter greater than 0", r.err().strip());
    }

    /** A first-pass share drawn above 1 was refused by the engine as "fraction ... but was 1.8", naming no option. */
    @Test
    void aFirstPassShareDrawnAboveOneIsRefusedNamingIiv() {
        Cli.Result r = Cli.run("simulate", "--dose", "oral 50 mg", "--duration", "2h", "--step", "10min",
                "--population", "60", "--iiv", "P_oral=300%");
        assertEquals(2, r.code(), r::err);
        assertTrue(r.err().startsWith("error: --iiv P_oral CV 300 %: a virtual patient drawn with it is outside what "
                + "racemic-composite allows: "), r::err);
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 200})
    void aWideAssumedCvOnBioavailabilityIsRefusedNamingIiv(int cvPercent) {
        Cli.Result r = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--duration", "2h", "--step", "10min",
                "--population", "40", "--iiv", "F_oral=" + cvPercent + "%");
        assertEquals(2, r.code(), r::err);
        assertTrue(r.err().startsWith("error: --iiv F_oral CV " + cvPercent + " %: "), r::err);
        assertTrue(r.err().contains("must stay at or below 0.2640"), r::err);
    }
}
