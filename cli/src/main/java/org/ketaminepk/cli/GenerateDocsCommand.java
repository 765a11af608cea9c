package org.ketaminepk.cli;

import org.ketaminepk.cli.report.ManPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk generate-docs DIR} (hidden): writes the man page {@code ketamine-pk.1} and the bash completion
 * script {@code ketamine-pk-completion.bash}, both generated from the command model.
 */
@Command(name = "generate-docs", hidden = true, mixinStandardHelpOptions = true,
        header = "Write the man page and the bash completion script.",
        description = {"Writes DIR/ketamine-pk.1 (view with: man -l DIR/ketamine-pk.1) and "
                + "DIR/ketamine-pk-completion.bash (enable with: source DIR/ketamine-pk-completion.bash)."},
        footerHeading = "%nExample:%n",
        footer = {"  ketamine-pk generate-docs build/docs"})
public final class GenerateDocsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Directory to write to (created if missing).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        Path man = dir.resolve("ketamine-pk.1");
        Path completion = dir.resolve("ketamine-pk-completion.bash");
        try {
            Files.createDirectories(dir);
            Files.writeString(man, ManPage.render(root), StandardCharsets.UTF_8);
            Files.writeString(completion, AutoComplete.bash(root.getCommandName(), root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("dir", "generate-docs: cannot write to " + dir + ": " + e);
        }
        spec.commandLine().getOut().println("wrote " + man);
        spec.commandLine().getOut().println("wrote " + completion);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
