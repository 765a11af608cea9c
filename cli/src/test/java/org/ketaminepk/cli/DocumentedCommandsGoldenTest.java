package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test of the documents: every {@code ./ketamine-pk ...} command shown in a fenced code block of
 * {@code seeds/README.md} and of the repository's {@code README.md} runs, in-process, and exits 0; files it would
 * write go to a temporary directory. Under a command block, a comment {@code <!-- output contains: "415.71" -->}
 * lists numbers the text quotes, and the output must contain each, so that the prose cannot drift from what the
 * simulator prints. {@code ./ketamine-pk doc-numbers README.md seeds/README.md} prints every block's fresh output
 * next to the numbers quoted.
 */
class DocumentedCommandsGoldenTest {
    @TempDir
    Path dir;

    private DynamicTest run(DocumentedCommands.Block b, Path root) {
        return DynamicTest.dynamicTest(b.toString(), () -> {
            DocumentedCommands.Outcome o = DocumentedCommands.run(b, dir, root);
            assertEquals(0, o.code(), b.file().getFileName() + ":" + b.line() + ": " + o.failed() + "\n"
                    + o.output());
            assertEquals(List.of(), o.missing(b), b + "\nquoted in the document but not in the output (regenerate "
                    + "with ./ketamine-pk doc-numbers README.md seeds/README.md):\n" + o.output());
        });
    }

    @TestFactory
    Stream<DynamicTest> seedCommandsRun() throws IOException {
        Path root = DocumentedCommands.repositoryRoot();
        Path seeds = root.resolve("seeds/README.md");
        assertTrue(Files.isRegularFile(seeds), "missing " + seeds);
        List<DocumentedCommands.Block> blocks = DocumentedCommands.blocks(seeds);
        assertTrue(blocks.size() >= 9, "seeds/README.md shows commands for every claim: " + blocks);
        assertTrue(blocks.stream().allMatch(b -> !b.expected().isEmpty()),
                "every block's quoted numbers are checked against its output: " + blocks);
        return blocks.stream().map(b -> run(b, root));
    }

    /** A paragraph inside the command table splits it in two, and the rows after it render as text. */
    @Test
    void readmeCommandTableIsOneTable() throws IOException {
        List<String> lines = Files.readAllLines(DocumentedCommands.repositoryRoot().resolve("README.md"));
        int header = lines.indexOf("| Command | What it does |");
        assertTrue(header >= 0, "the README has a command table");
        List<String> commands = new java.util.ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            commands.add(lines.get(i).split("`")[1].split(" ")[0]);
        }
        // one row per command a user sees in --help (hidden commands and help itself aside), in one table
        java.util.Set<String> visible = new java.util.TreeSet<>();
        Main.commandLine(new Main(), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter())).getSubcommands().forEach((name, sub) -> {
                    if (!sub.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                        visible.add(name);
                    }
                });
        assertEquals(visible, new java.util.TreeSet<>(commands));
        assertEquals(commands.size(), visible.size(), "each command once: " + commands);
    }

    /** The repository README may show no command yet; every one it shows must run. */
    @TestFactory
    Stream<DynamicTest> readmeCommandsRun() throws IOException {
        Path root = DocumentedCommands.repositoryRoot();
        Path readme = root.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return Stream.empty();
        }
        return DocumentedCommands.blocks(readme).stream().map(b -> run(b, root));
    }

    /** The output kept for a block must not change with the temporary directory its files went to. */
    @Test
    void outputNamesNoTemporaryDirectory() throws IOException {
        Path md = dir.resolve("t.md");
        Files.writeString(md, String.join("\n", "```",
                "./ketamine-pk generate-docs build/docs",
                "```", "<!-- output contains: \"wrote\" -->"));
        DocumentedCommands.Block b = DocumentedCommands.blocks(md).get(0);
        Path one = Files.createDirectories(dir.resolve("first-run"));
        Path two = Files.createDirectories(dir.resolve("second-run"));
        DocumentedCommands.Outcome a = DocumentedCommands.run(b, one, DocumentedCommands.repositoryRoot());
        DocumentedCommands.Outcome c = DocumentedCommands.run(b, two, DocumentedCommands.repositoryRoot());
        assertEquals(0, a.code(), a::output);
        assertTrue(Files.isRegularFile(one.resolve("docs/ketamine-pk.1")), "the files are still written");
        assertTrue(a.output().contains("wrote " + DocumentedCommands.OUTPUT_DIR + "/docs/ketamine-pk.1"), a::output);
        assertFalse(a.output().contains(one.toString()) || a.output().contains(dir.toString()), a::output);
        assertEquals(a.output(), c.output());
    }

    @Test
    void shellWordsAndPathRewriting() {
        assertEquals(List.of("./ketamine-pk", "simulate", "--dose", "0.5 mg/kg over 40 min", "--cyp2b6", "*6/*6",
                "--patient", "a=1,b=\"2\""), DocumentedCommands.words("./ketamine-pk simulate --dose \"0.5 mg/kg over 40 min\" "
                        + "--cyp2b6 '*6/*6' --patient a=1,b=\\\"2\\\" | head -5 # comment"));
        Path root = Path.of("/repo");
        List<String> args = DocumentedCommands.arguments("./ketamine-pk simulate --plot /tmp/x/a.png --csv - --json=out/b.json --show "
                + "--protocol crps-cohen-2018", dir, root);
        assertEquals(List.of("simulate", "--plot", dir.resolve("a.png").toString(), "--csv", "-",
                "--json=" + dir.resolve("b.json"), "--protocol", "crps-cohen-2018"), args);
    }

    @Test
    void commandsAreReadFromFencedBlocksOnly() throws IOException {
        Path md = dir.resolve("t.md");
        Files.writeString(md, String.join("\n",
                "./ketamine-pk models   (prose, not a command)",
                "```",
                "./ketamine-pk compare --protocol a \\",
                "    --protocol b",
                "echo not ours",
                "./ketamine-pk models",
                "```",
                "",
                "<!-- output contains: \"12.5 ng/mL\" \"x\" -->",
                "~~~",
                "./ketamine-pk protocols",
                "~~~",
                "```",
                "no commands here",
                "```"));
        List<DocumentedCommands.Block> bs = DocumentedCommands.blocks(md);
        assertEquals(2, bs.size(), bs.toString());
        assertEquals(List.of("./ketamine-pk compare --protocol a --protocol b", "./ketamine-pk models"),
                bs.get(0).commands());
        assertEquals(2, bs.get(0).line());
        assertEquals(List.of("12.5 ng/mL", "x"), bs.get(0).expected());
        assertEquals(List.of("./ketamine-pk protocols"), bs.get(1).commands());
        assertEquals(List.of(), bs.get(1).expected());
        assertFalse(bs.stream().anyMatch(b -> b.commands().stream().anyMatch(c -> c.contains("echo"))));
    }
}
