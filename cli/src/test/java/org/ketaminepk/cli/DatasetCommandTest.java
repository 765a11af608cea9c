package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writesPredictionsAsADataset() throws IOException {
        Path in = file("study.csv", "ID TIME AMT CMT DV\n1 0 50 iv .\n1 2 . ketamine 150\n2 0 20 iv .\n2 1 . . .\n");
        Path out = dir.resolve("pred.csv");
        Cli.Result r = Cli.run("dataset", in.toString(), "--model", "otto-2021", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("study.csv: 2 individuals, 4 records simulated with otto-2021"), r.out());
        String[] lines = Files.readString(out).split("\n");
        assertEquals("ID,TIME,EVID,PRED_KETAMINE,PRED_NORKETAMINE,AMT,CMT,DV", lines[0]);
        assertEquals(5, lines.length);
        assertTrue(lines[2].startsWith("1,2,0,") && lines[2].endsWith(",.,ketamine,150"), lines[2]);
    }

    /** One ID was "1 individuals", one record "1 records". */
    @Test
    void oneIndividualAndOneRecordAreSingular() throws IOException {
        Path in = file("one.csv", "ID TIME AMT CMT\n1 0 50 iv\n");
        Cli.Result r = Cli.run("dataset", in.toString(), "--model", "otto-2021", "--out", dir.resolve("p.csv")
                .toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("one.csv: 1 individual, 1 record simulated with otto-2021"), r.out());
    }

    @Test
    void aBrokenFileIsOneLineAndNothingIsWritten() throws IOException {
        Path in = file("bad.csv", "ID,TIME,AMT,CMT\n1,0,50,iv\n1,-1,,\n");
        Path out = dir.resolve("pred.csv");
        Cli.Result r = Cli.run("dataset", in.toString(), "--model", "otto-2021", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: bad.csv line 3, column TIME: TIME must be between 0 and 87660 h but was -1", r.err().trim());
        assertTrue(!Files.exists(out));
    }

    /** Weights outside the model's range make one line with their range, not one line per weight. */
    @Test
    void warningsAboutEachIdsOwnValueAreGatheredIntoOneLine() throws IOException {
        StringBuilder text = new StringBuilder("ID,TIME,AMT,CMT,WT\n");
        int[] weights = {100, 105, 110, 70};
        for (int id = 1; id <= weights.length; id++) {
            text.append(id).append(",0,20,iv,").append(weights[id - 1]).append('\n').append(id).append(",1,,,\n");
        }
        Path in = file("heavy.csv", text.toString());
        Cli.Result r = Cli.run("dataset", in.toString(), "--model", "otto-2021", "--out", dir.resolve("p.csv")
                .toString());
        assertEquals(0, r.code(), r.err());
        long weightLines = r.out().lines().filter(l -> l.startsWith("warning: weight")).count();
        assertEquals(1, weightLines, r.out());
        // wrapped to 100 columns like every other command's warnings
        assertTrue(r.out().lines().filter(l -> l.startsWith("warning: ") || l.startsWith(" "))
                .allMatch(l -> l.length() <= 100), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("warning: weight 100–110 kg is outside the 46–97 kg that "
                + "otto-2021 was built from; results are extrapolated (3 IDs)"), r.out());
    }

    @Test
    void printsTheCompartmentTable() {
        Cli.Result r = Cli.run("dataset", "--cmt-table", "--model", "otto-2021");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1  iv") && r.out().contains("3  norketamine"), r.out());
    }

    /**
     * An output that cannot be written ended the run with "error: internal failure:
     * java.nio.file.NoSuchFileException" and exit code 1, after every ID was simulated: the predictions were written
     * with a plain writer, not checked before the run like every other output file. Now the output is refused before
     * the file is read, as a usage error naming the option, and a directory or missing directory alike.
     */
    @Test
    void anOutputThatCannotBeWrittenIsAUsageErrorBeforeAnythingRuns() throws IOException {
        Path in = file("study.csv", "ID,TIME,AMT,CMT\n1,0,50,iv\n1,2,,\n");
        String missing = dir.resolve("no-such-dir").resolve("pred.csv").toString();
        Cli.Result r = Cli.run("dataset", in.toString(), "--out", missing);
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --out: cannot write '" + missing + "': no such directory " + dir.resolve("no-such-dir"),
                r.err().trim());
        r = Cli.run("dataset", in.toString(), "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --out: cannot write '" + dir + "': it is a directory", r.err().trim());
        r = Cli.run("simulate", "--dataset", in.toString(), "--csv", missing);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --csv: cannot write '" + missing + "'"), r.err());
        assertEquals("", r.out());
    }

    /**
     * 'dataset' wrote a DV of NaN back into its predictions file ("1,1,0,...,NaN") and exited 0, where an AMT of NaN
     * is refused; now DV NaN is refused the same way, one line naming the file, the line and the column, and nothing
     * is written.
     */
    @Test
    void aDvOfNanIsRefusedLikeAnAmtOfNan() throws IOException {
        Path in = file("study.csv", "ID,TIME,AMT,CMT,EVID,DV\n1,0,10,1,1,.\n1,1,0,2,0,NaN\n1,2,0,2,0,\n");
        Path out = dir.resolve("pred.csv");
        Cli.Result r = Cli.run("dataset", in.toString(), "--model", "otto-2021", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: study.csv line 3, column DV: DV must be a number but was 'NaN'\n", r.err());
        assertTrue(Files.notExists(out));
        Cli.Result amt = Cli.run("dataset", file("amt.csv", "ID,TIME,AMT,CMT,EVID,DV\n1,0,NaN,1,1,.\n").toString(),
                "--model", "otto-2021");
        assertEquals("error: amt.csv line 2, column AMT: AMT must be a number but was 'NaN'\n", amt.err());
    }
}
