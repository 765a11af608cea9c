package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.protocol.Protocols;

/**
 * The {@code ./ketamine-pk ...} commands that a Markdown document shows in its fenced code blocks, and the strings
 * its prose quotes from their output. Under a block, a comment {@code <!-- output contains: "415.71" "0.80" -->}
 * lists what the text quotes. Read by {@link DocNumbersCommand} and by the golden test of the documents.
 */
final class DocumentedCommands {
    private DocumentedCommands() {
    }

    static final String PREFIX = "./ketamine-pk";
    private static final Set<String> FILE_OPTIONS = Set.of("--plot", "--csv", "--json");
    private static final Pattern EXPECT = Pattern.compile("<!--\\s*output contains:(.*?)-->", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /**
     * The commands of one fenced code block, with the line the block starts on and what their output, taken
     * together, must contain.
     */
    record Block(Path file, int line, List<String> commands, List<String> expected) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": " + String.join(" && ", commands);
        }
    }

    /** @return the directory above the working directory that holds {@code mvnw} and {@code cli/} */
    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("cli")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with mvnw and cli/) not found above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Reads the fenced code blocks that hold commands, joining lines continued with a backslash. */
    static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> out = new ArrayList<>();
        String fence = null;
        int blockLine = 0;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            if (fence == null) {
                if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                    fence = trimmed.substring(0, 3);
                    blockLine = i + 1;
                    commands = new ArrayList<>();
                }
                continue;
            }
            if (trimmed.startsWith(fence)) {
                fence = null;
                if (!commands.isEmpty()) {
                    out.add(new Block(file, blockLine, commands, expectationsAfter(lines, i + 1)));
                }
                continue;
            }
            if (!(trimmed.equals(PREFIX) || trimmed.startsWith(PREFIX + " "))
                    || trimmed.startsWith(PREFIX + " doc-numbers")) {
                // doc-numbers runs the documents' commands: shown in a block, it would run itself
                continue;
            }
            StringBuilder text = new StringBuilder();
            String current = trimmed;
            while (current.endsWith("\\") && i + 1 < lines.size()) {
                text.append(current, 0, current.length() - 1).append(' ');
                current = lines.get(++i).trim();
            }
            text.append(current);
            commands.add(text.toString().replaceAll("\\s+", " ").trim());
        }
        return out;
    }

    /** @return the quoted strings of an "output contains" comment right after a block (blank lines allowed) */
    private static List<String> expectationsAfter(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).trim().startsWith("<!--")) {
            return List.of();
        }
        StringBuilder comment = new StringBuilder();
        for (; i < lines.size(); i++) {
            comment.append(lines.get(i)).append('\n');
            if (lines.get(i).contains("-->")) {
                break;
            }
        }
        Matcher m = EXPECT.matcher(comment);
        List<String> out = new ArrayList<>();
        if (m.find()) {
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                out.add(q.group(1));
            }
        }
        return out;
    }

    /**
     * Splits a shell command line into words as a POSIX shell would for the simple commands documents show:
     * single and double quotes, backslash escapes; the words end at an unquoted |, ;, &amp;, &lt;, &gt; or #.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed single quote in: " + line);
                }
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        w.append(line.charAt(++j));
                    } else {
                        w.append(d);
                    }
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("unclosed double quote in: " + line);
                }
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if ("|;&<>".indexOf(c) >= 0 || (c == '#' && !inWord)) {
                break;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /** The arguments to run in-process: files written go to {@code dir}, protocol files resolve from the root. */
    static List<String> arguments(String commandLine, Path dir, Path root) {
        List<String> words = words(commandLine);
        if (words.isEmpty() || !words.get(0).equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " command: " + commandLine);
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String a = words.get(i);
            String option = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String value = null;
            boolean joined = !option.equals(a);
            if (joined) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(i + 1);
            }
            if (option.equals("--show")) {
                continue; // needs a display; the rest of the command still runs
            }
            String mapped = null;
            if (FILE_OPTIONS.contains(option) && value != null && !value.equals("-")) {
                mapped = dir.resolve(Path.of(value).getFileName()).toString();
            } else if ((option.equals("--protocol") || option.equals("protocols")) && value != null
                    && !Protocols.exists(value) && Files.isRegularFile(root.resolve(value))) {
                mapped = root.resolve(value).toString();
            } else if (option.equals("generate-docs") && value != null) {
                mapped = dir.resolve("docs").toString();
            }
            if (mapped == null) {
                args.add(a);
            } else if (joined) {
                args.add(option + "=" + mapped);
            } else {
                args.add(a);
                args.add(mapped);
                i++;
            }
        }
        return args;
    }

    /**
     * What a block printed.
     *
     * @param output standard output and standard error of its commands, in order
     * @param failed the first command that exited with a code other than 0, or null
     * @param code that command's exit code, or 0
     */
    record Outcome(String output, String failed, int code) {
        /** @return the quoted strings of the block that the output lacks (white space compared loosely) */
        List<String> missing(Block b) {
            String flat = output.replaceAll("\\s+", " ");
            List<String> out = new ArrayList<>();
            for (String e : b.expected()) {
                if (!flat.contains(e.replaceAll("\\s+", " "))) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /**
     * Runs a block's commands in-process, in order, stopping at the first that fails.
     *
     * @param b the block
     * @param dir where the files the commands write go
     * @param root the repository root, against which protocol files resolve
     * @return what they printed
     */
    static Outcome run(Block b, Path dir, Path root) {
        StringBuilder output = new StringBuilder();
        for (String c : b.commands()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.commandLine(new Main(), new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(arguments(c, dir, root).toArray(new String[0]));
            output.append(out).append('\n').append(err).append('\n');
            if (code != 0) {
                return new Outcome(withoutDir(output.toString(), dir), c, code);
            }
        }
        return new Outcome(withoutDir(output.toString(), dir), null, 0);
    }

    /** Stands for the directory the commands wrote their files into, which differs from run to run. */
    static final String OUTPUT_DIR = "<output-dir>";

    /**
     * @return {@code output} with the directory the files went to replaced by {@link #OUTPUT_DIR}, so that the
     *         output kept for a block changes only when the commands print something else
     */
    static String withoutDir(String output, Path dir) {
        String out = output;
        List<String> names = new ArrayList<>(List.of(dir.toAbsolutePath().normalize().toString()));
        try {
            names.add(dir.toRealPath().toString());
        } catch (IOException e) {
            // a directory that is gone has no other name
        }
        // the longer name first, so that one that contains the other is replaced whole
        names.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String name : names) {
            out = out.replace(name, OUTPUT_DIR);
        }
        return out;
    }
}
