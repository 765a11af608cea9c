package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.ketaminepk.base.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
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
        footer = {"  ./ketamine-pk doc-numbers README.md seeds/README.md"})
public final class DocNumbersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.md", arity = "1..*", description = "Markdown documents to read.")
    List<Path> documents = new ArrayList<>();

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
}
