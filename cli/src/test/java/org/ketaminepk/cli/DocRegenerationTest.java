package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doc-numbers --write}: quoted numbers follow the output they were quoted from. */
class DocRegenerationTest {
    @TempDir
    Path dir;

    @Test
    void numbersThatMovedInPairedLinesAreChanges() {
        String before = "analyte   Cmax   Tmax\nketamine  253.1  0.67\nnorketamine  51.63  0.95\n\nhalf-life 5.12 h\n";
        String after = "analyte   Cmax   Tmax\nketamine  253.1  0.67\nnorketamine  51.63  0.94\nnew line 7\n"
                + "half-life 5.10 h\n";
        assertEquals(Map.of("0.95", "0.94", "5.12", "5.10"), DocRegeneration.changes(before, after));
    }

    @Test
    void aNumberThatBecameTwoValuesIsLeftAlone() {
        String before = "a 1.5 h\nb 1.5 h\n";
        String after = "a 1.6 h\nb 1.7 h\n";
        assertTrue(DocRegeneration.changes(before, after).isEmpty());
    }

    @Test
    void quotesAreRewrittenNumberByNumber() {
        Map<String, String> c = Map.of("5.12", "5.10");
        assertEquals("ketamine 3.06 h, norketamine 5.10 h", DocRegeneration.rewrite("ketamine 3.06 h, norketamine "
                + "5.12 h", c));
        assertNull(DocRegeneration.rewrite("3.06", c));
        assertNull(DocRegeneration.rewrite("no primary source found", c));
    }

    @Test
    void onlyTheBlocksCommentAndTheProseAfterItChange() {
        List<String> lines = new ArrayList<>(List.of("Before: 5.12 h.", "```", "./ketamine-pk simulate", "```",
                "<!-- output contains: \"5.12\" -->", "It is 5.12 h, not 15.12 or 5.125.", "```",
                "./ketamine-pk other", "```", "Later: 5.12 h."));
        assertEquals(2, DocRegeneration.apply(lines, 2, Map.of("5.12", "5.10")));
        assertEquals("Before: 5.12 h.", lines.get(0));
        assertEquals("<!-- output contains: \"5.10\" -->", lines.get(4));
        assertEquals("It is 5.10 h, not 15.12 or 5.125.", lines.get(5));
        assertEquals("Later: 5.12 h.", lines.get(9));
    }

    @Test
    void writeCarriesAQuoteOverToTheNewOutput() throws Exception {
        Path doc = dir.resolve("doc.md");
        Path kept = dir.resolve("kept");
        String command = "./ketamine-pk simulate --dose \"0.5 mg/kg over 40 min\" --model kamp-2020 --duration 6h";
        Cli.Result first = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--model", "kamp-2020",
                "--duration", "6h");
        Matcher m = Pattern.compile("ketamine +([0-9.]+) +([0-9.]+)").matcher(first.out());
        assertTrue(m.find(), first.out());
        String cmax = m.group(1);
        Files.writeString(doc, "```\n" + command + "\n```\n<!-- output contains: \"" + cmax + "\" -->\n\nKetamine peaks "
                + "at " + cmax + " ng/mL.\n", StandardCharsets.UTF_8);
        assertEquals(0, Cli.run("doc-numbers", "--write", "--snapshots", kept.toString(), doc.toString()).code());
        Path snapshot;
        try (Stream<Path> s = Files.list(kept)) {
            snapshot = s.findFirst().orElseThrow();
        }
        // as if the quote and the kept output were from an older version that printed 999.9
        Files.writeString(snapshot, Files.readString(snapshot).replace(cmax, "999.9"));
        Files.writeString(doc, Files.readString(doc).replace(cmax, "999.9"));
        Cli.Result r = Cli.run("doc-numbers", "--write", "--snapshots", kept.toString(), doc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rewrite \"999.9\" -> \"" + cmax + "\""), r.out());
        assertTrue(r.out().contains("0 of 1 quoted strings missing"), r.out());
        String now = Files.readString(doc);
        assertTrue(now.contains("output contains: \"" + cmax + "\"") && now.contains("peaks at " + cmax + " ng/mL"),
                now);
        assertEquals(Files.readString(snapshot).contains("999.9"), false, "the kept output is the new one");
    }
}
