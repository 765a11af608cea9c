package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.ketaminepk.base.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk doc-numbers FILE.md...} (hidden): runs every {@code ./ketamine-pk} command that the documents
 * show, in-process, and prints each block's output under its place in the document, followed by the strings its
 * {@code <!-- output contains: ... -->} comment quotes, each marked as found or missing. After a change that moves
 * the numbers, the fresh values to quote are in this output; the golden test of the documents fails until the text
 * quotes them. Files the commands would write go to a temporary directory.
 */
@Command(name = "doc-numbers", hidden = true, mixinStandardHelpOptions = true,
        header = "Print the output of every command the documents show, next to the numbers they quote.",
        footerHeading = "%nExample:%n",
        footer = {"  ./ketamine-pk doc-numbers README.md seeds/README.md",
            "  ./ketamine-pk doc-numbers --write README.md seeds/README.md"})
public final class DocNumbersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.md", arity = "1..*", description = "Markdown documents to read.")
    List<Path> documents = new ArrayList<>();

    @Option(names = "--write", description = "Rewrite the quoted numbers that moved, from the output each block "
            + "printed last time (kept under " + SNAPSHOTS + "/) to the output now, in the block's comment and the "
            + "prose after it; then keep the new output for next time. Prints every replacement.")
    boolean write;

    @Option(names = "--snapshots", paramLabel = "DIR", hidden = true, description = "Keep the outputs here instead "
            + "of under the repository's " + "docs/doc-outputs.")
    Path snapshots;

    /** Where the outputs the quotes were written from are kept, relative to the repository root. */
    static final String SNAPSHOTS = "docs/doc-outputs";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Path root = DocumentedCommands.repositoryRoot();
        Path dir = Files.createTempDirectory("ketamine-pk-doc-numbers");
        int missing = 0;
        int quoted = 0;
        try {
            for (Path doc : documents) {
                if (!Files.isRegularFile(doc)) {
                    throw new InvalidInputException("FILE.md", "doc-numbers: '" + doc + "' is not a readable file");
                }
                for (DocumentedCommands.Block b : DocumentedCommands.blocks(doc)) {
                    DocumentedCommands.Outcome o = DocumentedCommands.run(b, dir, root);
                    w.println("== " + doc + ":" + b.line());
                    for (String c : b.commands()) {
                        w.println("$ " + c);
                    }
                    o.output().lines().filter(l -> !l.isBlank()).forEach(l -> w.println("  " + l));
                    if (o.failed() != null) {
                        w.println("!! exit " + o.code() + ": " + o.failed());
                    }
                    if (write && o.failed() == null) {
                        regenerate(doc, b, o, snapshots != null ? snapshots : root.resolve(SNAPSHOTS), root, w);
                        b = reread(doc, b);
                    }
                    List<String> absent = o.missing(b);
                    for (String e : b.expected()) {
                        w.println((absent.contains(e) ? "MISSING " : "found   ") + "\"" + e + "\"");
                    }
                    missing += absent.size();
                    quoted += b.expected().size();
                    w.println();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        w.println(missing + " of " + quoted + " quoted strings missing from the output");
        w.flush();
        return ExitCode.OK;
    }

    /** Rewrites the block's quotes that moved since its snapshot, then stores the new output as its snapshot. */
    private static void regenerate(Path doc, DocumentedCommands.Block b, DocumentedCommands.Outcome o, Path kept,
            Path root, PrintWriter w) throws IOException {
        Path snapshot = kept.resolve(DocRegeneration.snapshotName(b, root));
        List<String> absent = o.missing(b);
        if (!absent.isEmpty() && Files.isRegularFile(snapshot)) {
            Map<String, String> changes = DocRegeneration.changes(Files.readString(snapshot, StandardCharsets.UTF_8),
                    o.output());
            Map<String, String> quotes = new LinkedHashMap<>();
            String flat = o.output().replaceAll("\\s+", " ");
            for (String q : absent) {
                String to = DocRegeneration.rewrite(q, changes);
                if (to != null && flat.contains(to.replaceAll("\\s+", " "))) {
                    quotes.put(q, to);
                    w.println("rewrite \"" + q + "\" -> \"" + to + "\"");
                } else {
                    w.println("cannot rewrite \"" + q + "\": no unambiguous new value in the output");
                }
            }
            if (!quotes.isEmpty()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(doc, StandardCharsets.UTF_8));
                int n = DocRegeneration.apply(lines, b.line(), quotes);
                Files.writeString(doc, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                w.println(n + " replacement(s) in " + doc + " after line " + b.line());
            }
        } else if (!absent.isEmpty()) {
            w.println("no earlier output kept for this block (" + snapshot.getFileName() + "): quote the numbers "
                    + "by hand this once");
        }
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, o.output(), StandardCharsets.UTF_8);
    }

    /** @return the block as the document now has it (its quotes may have been rewritten) */
    private static DocumentedCommands.Block reread(Path doc, DocumentedCommands.Block b) throws IOException {
        for (DocumentedCommands.Block x : DocumentedCommands.blocks(doc)) {
            if (x.line() == b.line()) {
                return x;
            }
        }
        return b;
    }
}
