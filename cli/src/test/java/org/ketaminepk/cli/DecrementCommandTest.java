package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.DecrementTimes;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/** {@code decrement}: the library's decrement times as a table per model, a chart, and one-line errors. */
class DecrementCommandTest {
    @Test
    void tabulatesTheLibrarysDecrementTimesPerModel(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("d.png");
        Cli.Result r = Cli.run("decrement", "--model", "racemic-composite", "--model", "domino-1984", "--up-to", "2h",
                "--every", "1h", "--weight", "90", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Decrement times of ketamine · 40 years, 90 kg"), lines.get(0));
        String header = lines.stream().filter(l -> l.startsWith("infusion (h)")).findFirst().orElseThrow();
        assertTrue(header.contains("racemic-composite 50 %") && header.contains("domino-1984 80 %"), header);
        Patient p = Patient.standardAdult().withWeightKg(90);
        DecrementTimes.Point two = DecrementTimes.of(Simulation.standard().individualize(Models.DOMINO_1984, p),
                Analyte.KETAMINE, 2);
        String row = lines.stream().filter(l -> l.startsWith("2.00 ")).findFirst().orElseThrow();
        assertTrue(row.endsWith(" " + Text.hours(two.halfTimeH().getAsDouble()) + "   "
                + Text.hours(two.eightyPercentH().getAsDouble())) || row.matches(".*\\b"
                + Text.hours(two.halfTimeH().getAsDouble()).replace(".", "\\.") + " +"
                + Text.hours(two.eightyPercentH().getAsDouble()).replace(".", "\\.") + "$"), row);
        assertEquals(3, lines.stream().filter(l -> l.matches("[0-9]\\.00 .*")).count(), r.out());
        assertTrue(Files.size(png) > 10_000);
        assertTrue(r.out().contains("wrote " + png));
    }

    @Test
    void badInputIsOneLineNamingTheOption() {
        Cli.Result analyte = Cli.run("decrement", "--model", "domino-1984", "--analyte", "norketamine");
        assertEquals(2, analyte.code());
        assertTrue(analyte.err().contains("model domino-1984 does not predict norketamine"), analyte.err());
        Cli.Result step = Cli.run("decrement", "--up-to", "12h", "--every", "1s");
        assertEquals(2, step.code());
        assertTrue(step.err().contains("--every must give at most 500 infusion lengths"), step.err());
        Cli.Result time = Cli.run("decrement", "--up-to", "twelve");
        assertEquals(2, time.code());
        assertTrue(time.err().contains("--up-to must be a number and a time unit"), time.err());
        assertEquals(1, time.err().strip().lines().count(), time.err());
        for (String zero : new String[] {"0s", "0h"}) {
            Cli.Result none = Cli.run("decrement", "--up-to", "12h", "--every", zero);
            assertEquals(2, none.code());
            assertEquals("error: --every must be greater than 0 h but was 0 h\n", none.err());
        }
        Cli.Result longer = Cli.run("decrement", "--up-to", "30min", "--every", "1h");
        assertEquals(2, longer.code(), longer.out());
        assertEquals("error: --every must be at most --up-to, 0.5 h, but was 1 h; give a shorter --every or a longer "
                + "--up-to\n", longer.err());
        assertEquals(0, Cli.run("decrement", "--up-to", "1h", "--every", "1h").code());
        for (String upTo : new String[] {"0h", "100d"}) {
            Cli.Result range = Cli.run("decrement", "--up-to", upTo);
            assertEquals(2, range.code());
            assertTrue(range.err().startsWith("error: --up-to must be greater than 0 and at most 720 h but was "),
                    range.err());
        }
    }

    /**
     * The chart has seven colours: an eighth model took the first one's colour again, and racemic-composite and
     * perez-ruixo-2021 could not be told apart. More models than colours are refused with --plot, before any work.
     */
    @Test
    void moreModelsThanColoursAreRefusedWithAPlot(@TempDir Path dir) {
        List<String> args = new java.util.ArrayList<>(List.of("decrement", "--up-to", "1h", "--plot",
                dir.resolve("d.png").toString()));
        for (String id : List.of("racemic-composite", "kamp-2020", "domino-1984", "clements-1981", "hijazi-2003",
                "otto-2021", "simons-2022", "perez-ruixo-2021")) {
            args.addAll(List.of("--model", id));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.out());
        assertEquals("", r.out());
        assertEquals("error: --plot draws at most 7 models, each in a colour of its own, but 8 were given; draw fewer "
                + "--model or leave out --plot\n", r.err());
        assertTrue(!Files.exists(dir.resolve("d.png")));
        args.subList(args.size() - 2, args.size()).clear();
        assertEquals(0, Cli.run(args.toArray(String[]::new)).code());
    }

    /** A model given twice had its two columns printed twice, side by side. */
    @Test
    void aModelGivenTwiceIsRefused() {
        Cli.Result r = Cli.run("decrement", "--up-to", "1h", "--model", "kamp-2020", "--model", "kamp-2020");
        assertEquals(2, r.code(), r.out());
        assertEquals("error: --model kamp-2020 was given twice; give each model once\n", r.err());
    }
}
