package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.library.Models;
import org.ketaminepk.validation.ObservationTable;
import org.ketaminepk.validation.Validation;
import org.ketaminepk.validation.ValidationReport;

/** {@code ketamine-pk validate}: the table, the reasons, the summaries, CSV, JSON and the chart. */
class ValidateCommandTest {
    private static final ValidationReport ALL = Validation.run(Models.all(), ObservationTable.standard());

    @Test
    void printsEveryComparisonTheReasonsAndTheSummary() {
        Cli.Result r = Cli.run("validate");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("chong06-po25-nk-cmax   oral"), r.out());
        assertTrue(r.out().contains("Outside 1.5-fold, and why:"));
        assertTrue(r.out().contains("Not simulated:"));
        assertTrue(r.out().contains("Agreement per model:"));
        assertTrue(r.out().contains("Sources:"));
        assertTrue(r.out().contains("herd-2007: no observation applies"), r.out());
        assertFalse(r.out().contains("NaN"));
    }

    @Test
    void everyMissBeyondOneAndAHalfFoldHasARecordedReason() {
        // a model change or a new observation that creates an unexplained miss must add its reason to the table
        Cli.Result r = Cli.run("validate");
        assertFalse(r.out().contains("no reason recorded"), r.out());
    }

    @Test
    void oneModelOnly() {
        Cli.Result r = Cli.run("validate", "--model", "kamp-2020");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kamp-2020  "));
        assertFalse(r.out().contains("racemic-composite  "));
        ValidationReport one = Validation.run(List.of(Models.KAMP_2020), ObservationTable.standard());
        assertTrue(r.out().contains(one.unmatched().size() + " observations do not apply to kamp-2020"), r.out());
        assertFalse(r.out().contains("Not simulated:"));
    }

    @Test
    void unknownModelIsAUsageError() {
        Cli.Result r = Cli.run("validate", "--model", "nobody-1999");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: --model must be one of racemic-composite"), r.err());
    }

    @Test
    void csvToStandardOutputHasOneRowPerComparisonAndPerUnmatchedObservation() {
        Cli.Result r = Cli.run("validate", "--csv");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("observation,study,population,drug,route,dose,"));
        assertEquals(1 + ALL.comparisons().size() + ALL.unmatched().size(), lines.length);
        assertFalse(r.out().contains("Agreement per model"));
    }

    @Test
    void jsonCarriesTheAgreementPerModelAndRoute() throws Exception {
        Cli.Result r = Cli.run("validate", "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(new StringReader(r.out()));
        JsonNode rc = root.get("agreement").get("racemic-composite");
        assertEquals(ALL.byModel().get("racemic-composite").count(), rc.get("comparisons").asInt());
        assertEquals(ALL.byModel().get("racemic-composite").within2().getAsDouble(), rc.get("within2Fold").asDouble(),
                1e-12);
        assertTrue(rc.get("byRoute").has("oral"));
        assertEquals(ALL.comparisons().size(), root.get("comparisons").size());
        assertFalse(root.get("agreement").get("herd-2007").has("within2Fold"));
    }

    @Test
    void writesFilesAndSaysSo(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("v.png");
        Path csv = dir.resolve("v.csv");
        Cli.Result r = Cli.run("validate", "--model", "racemic-composite", "--plot", png.toString(), "--csv",
                csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + png));
        assertTrue(r.out().contains("wrote " + csv));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
        List<String> rows = Files.readAllLines(csv);
        ValidationReport one = Validation.run(List.of(Models.RACEMIC_COMPOSITE), ObservationTable.standard());
        // with one model, the S-ketamine observations are not simulated and say so
        assertEquals(1 + one.comparisons().size() + one.unmatched().size(), rows.size());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("simons22-iv20-k-cmax,")
                && l.endsWith("not simulated: no S-ketamine model applies")));
    }

    @Test
    void unwritableFilesAreOneLineInputErrors(@TempDir Path dir) {
        Cli.Result plot = Cli.run("validate", "--plot", dir.resolve("missing/v.png").toString());
        assertEquals(2, plot.code());
        assertTrue(plot.err().contains("no such directory"), plot.err());
        Cli.Result empty = Cli.run("validate", "--model", "herd-2007", "--plot", dir.resolve("v.png").toString());
        assertEquals(2, empty.code());
        assertEquals("error: nothing to plot: no observation applies to herd-2007", empty.err().strip());
        Cli.Result csv = Cli.run("validate", "--csv", dir.resolve("missing/v.csv").toString());
        assertEquals(2, csv.code());
        assertEquals(1, csv.errLines().length, csv.err());
        assertTrue(csv.err().startsWith("error: --csv: cannot write "), csv.err());
    }
}
