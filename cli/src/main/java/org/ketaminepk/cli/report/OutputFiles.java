package org.ketaminepk.cli.report;

import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.options.PlotSize;

/**
 * Output files written all or nothing. Each file is written to a temporary file in its target's directory and moved
 * into place only when every file of the run is complete, so that a full disk, a killed process or a failed later
 * output never leaves a target cut short or an earlier version destroyed. Not for standard output, which cannot be
 * taken back.
 *
 * <p>Use: {@link #check} the targets before any work, {@link #stage} each file, {@link #commit} them; closing
 * deletes whatever was staged and not committed.
 */
public final class OutputFiles implements AutoCloseable {
    /** Writes the content of one file. */
    interface Body {
        /**
         * @param out the file's content goes here; the caller flushes and closes it
         * @throws IOException when writing fails (the target is then left as it was)
         */
        void write(OutputStream out) throws IOException;
    }

    private record Staged(String option, Path target, Path temp) {
    }

    private final List<Staged> staged = new ArrayList<>();

    /** Writes text (a report, a table, a JSON document). */
    public interface TextBody {
        /**
         * @param w the text goes here; the caller flushes it
         * @throws IOException when writing fails
         */
        void write(Writer w) throws IOException;
    }

    /** @return a file body that writes {@code body}'s text as UTF-8 */
    static Body text(TextBody body) {
        return out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        };
    }

    /** Writes {@code body} to standard output and flushes it. */
    static void toStdout(PrintWriter stdout, TextBody body) {
        try {
            body.write(stdout);
        } catch (IOException e) {
            throw new IllegalStateException("writing to standard output failed", e);
        }
        stdout.flush();
    }

    /**
     * Writes one text output named by an option: to standard output for "-", otherwise checked, written to a
     * temporary file and moved into place like every other output file.
     *
     * @param option the option that named the target ("--csv")
     * @param target the file, or "-" for standard output
     * @param stdout standard output
     * @param body writes the content
     * @throws InvalidInputException naming the option and the file when it cannot be written
     */
    public static void writeText(String option, String target, PrintWriter stdout, TextBody body) {
        if ("-".equals(target)) {
            toStdout(stdout, body);
            return;
        }
        Path path = check(Map.of(option, target)).get(option);
        try (OutputFiles files = new OutputFiles()) {
            files.stage(option, path, text(body));
            files.commit();
        }
    }

    /**
     * Checks a command's outputs before anything is computed: at most one of them on standard output ("-"), a
     * {@code --plot} that names a .png or .svg file, every file writable and no two the same file (a symbolic link
     * included).
     *
     * @param targets option name ("--csv") to what was given with it, or null when the option was not given
     * @return option name to path, for the file targets only, in the order given
     * @throws InvalidInputException naming the option, what was given and the reason
     */
    public static Map<String, Path> checkOutputs(Map<String, String> targets) {
        List<String> onStdout = new ArrayList<>();
        targets.forEach((option, target) -> {
            if ("-".equals(target)) {
                onStdout.add(option);
            }
        });
        if (onStdout.size() > 1) {
            throw new InvalidInputException(onStdout.get(1).substring(2), String.join(" - and ", onStdout)
                    + " - cannot both write to standard output; send all but one of them to files");
        }
        String plot = targets.get("--plot");
        if (plot != null) {
            String lower = plot.toLowerCase(java.util.Locale.ROOT);
            if (!lower.endsWith(".png") && !lower.endsWith(".svg")) {
                throw new InvalidInputException("plot", "--plot must name a .png or .svg file but was '" + plot
                        + "'");
            }
        }
        return check(targets);
    }

    /**
     * Checks, before anything is computed, that every file target can be written and that no two outputs name the
     * same file.
     *
     * @param targets option name ("--csv") to the file named with it; "-" (standard output) and null are skipped
     * @return option name to path, for the file targets only, in the order given
     * @throws InvalidInputException naming the option, the file and the reason
     */
    static Map<String, Path> check(Map<String, String> targets) {
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<Path, String> byRealPath = new HashMap<>();
        for (Map.Entry<String, String> e : targets.entrySet()) {
            String option = e.getKey();
            String target = e.getValue();
            if (target == null || "-".equals(target)) {
                continue;
            }
            Path p = writable(option, target);
            Path real = realPath(option, target, p);
            String other = byRealPath.putIfAbsent(real, option);
            if (other != null) {
                throw new InvalidInputException(option.substring(2), option + " '" + target + "' is the same file "
                        + "as " + other + " '" + targets.get(other) + "'; give each output its own file");
            }
            // an existing file is replaced where it really lives, so that a symbolic link to it stays a link
            paths.put(option, Files.exists(p) || Files.isSymbolicLink(p) ? real : p);
        }
        return paths;
    }

    /** @return the target as a path whose directory exists and lets us create files, and which is not a directory */
    private static Path writable(String option, String target) {
        Path p;
        try {
            p = Path.of(target);
        } catch (InvalidPathException e) {
            throw cannot(option, target, "not a valid file name (" + e.getReason() + ")");
        }
        if (p.getFileName() == null || target.isBlank()) {
            throw cannot(option, target, "not a file name");
        }
        if (Files.isDirectory(p)) {
            throw cannot(option, target, "it is a directory");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            // a file is written beside its target and renamed over it: over /dev/null that replaced the device
            throw cannot(option, target, "it is not a regular file (a device, pipe or socket), which the finished "
                    + "output would replace; name a file" + ("--plot".equals(option) ? "" : ", or give '-' for "
                    + "standard output"));
        }
        Path dir = directory(p);
        if (!Files.isDirectory(dir)) {
            throw cannot(option, target, "no such directory " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw cannot(option, target, "the directory " + dir + " is not writable");
        }
        if (Files.exists(p) && !Files.isWritable(p)) {
            throw cannot(option, target, "the file is not writable");
        }
        return p;
    }

    /** @return the resolved, normalised path of the file (its directory resolved when the file does not exist) */
    private static Path realPath(String option, String target, Path p) {
        try {
            if (Files.exists(p)) {
                return p.toRealPath();
            }
            // a link to a file not yet written is that file: follow it (a bounded number of times, links may loop)
            Path linked = p;
            for (int i = 0; i < 40 && Files.isSymbolicLink(linked); i++) {
                linked = directory(linked).resolve(Files.readSymbolicLink(linked));
            }
            if (linked != p) {
                return directory(linked).toRealPath().resolve(linked.getFileName()).normalize();
            }
            return directory(p).toRealPath().resolve(p.getFileName()).normalize();
        } catch (IOException e) {
            throw cannot(option, target, reason(e));
        }
    }

    private static Path directory(Path p) {
        Path parent = p.toAbsolutePath().normalize().getParent();
        return parent == null ? p.toAbsolutePath().getRoot() : parent;
    }

    /**
     * Writes one file under a temporary name beside its target. Nothing is visible at the target until
     * {@link #commit}.
     *
     * @param option the option that named the file, for messages
     * @param target the file to create or replace
     * @param body writes the content
     * @throws InvalidInputException naming the option and the file when writing fails (nothing is left behind)
     */
    /** Stages {@code chart} as the {@code --plot} file: the format the target's extension names, at {@code size}. */
    void stagePlot(Path target, JFreeChart chart, PlotSize size) {
        ChartFiles.Format format = ChartFiles.Format.of(target);
        stage("--plot", target, s -> ChartFiles.write(chart, format, s, size.widthPx(), size.heightPx()));
    }

    void stage(String option, Path target, Body body) {
        Path temp = directory(target).resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            staged.add(new Staged(option, target, temp));
            keepPermissions(target, temp);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.write(out);
            out.flush();
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            staged.removeIf(s -> s.temp().equals(temp));
            throw cannot(option, target.toString(), reason(e));
        }
    }

    /** Gives the temporary file the permissions of the file it replaces, where the file system has them. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    /**
     * Moves every staged file into place: atomically where the file system can, else by replacing the target.
     *
     * @throws InvalidInputException when a move fails (files already moved stay in place)
     */
    void commit() {
        while (!staged.isEmpty()) {
            Staged s = staged.get(0);
            try {
                move(s.temp(), s.target());
            } catch (IOException e) {
                throw cannot(s.option(), s.target().toString(), reason(e));
            }
            staged.remove(0);
        }
    }

    /**
     * Moves {@code from} onto {@code to} in one step; falls back to a replacing move when the file system has no
     * atomic one.
     */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the staged files that were not committed. */
    @Override
    public void close() {
        for (Staged s : staged) {
            deleteQuietly(s.temp());
        }
        staged.clear();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temporary name starts with a dot and ends in .tmp: a leftover is recognisable and harmless
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static InvalidInputException cannot(String option, String target, String why) {
        return new InvalidInputException(option.substring(2), option + ": cannot write '" + target + "': " + why);
    }
}
