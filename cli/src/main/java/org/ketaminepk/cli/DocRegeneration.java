package org.ketaminepk.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries the numbers a document quotes from a command's output over to that output's new values. The output a
 * block printed when its quotes were last written is kept (a snapshot); after a change, the lines of the old and the
 * new output are paired by their text with the numbers masked, and each number that moved in a paired line gives
 * one change ("5.12" → "5.10"). A quote made of changed numbers is rewritten with them, in the block's "output
 * contains" comment and in the prose that follows the block up to the next one. A number that moved to two
 * different values is left alone, as is a quote the new output would not contain. Stateless.
 */
final class DocRegeneration {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?![\\w])");

    private DocRegeneration() {
    }

    /** @return the line with every number replaced by '#', for pairing lines whose numbers moved */
    static String key(String line) {
        return NUMBER.matcher(line.strip()).replaceAll("#");
    }

    /**
     * @param before the output the quotes were written from
     * @param after the output now
     * @return each number of {@code before} that became another in a paired line, old → new; numbers that became
     *         two different values are left out
     */
    static Map<String, String> changes(String before, String after) {
        List<String> old = nonBlank(before);
        List<String> now = nonBlank(after);
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        int from = 0;
        for (String o : old) {
            String k = key(o);
            int j = from;
            while (j < now.size() && !key(now.get(j)).equals(k)) {
                j++;
            }
            if (j == now.size()) {
                continue; // a line that is gone: nothing to learn from it
            }
            from = j + 1;
            List<String> a = numbers(o);
            List<String> b = numbers(now.get(j));
            for (int t = 0; t < a.size() && t < b.size(); t++) {
                String prev = out.get(a.get(t));
                if (prev != null && !prev.equals(b.get(t))) {
                    ambiguous.add(a.get(t)); // the same number became two different ones
                } else {
                    out.put(a.get(t), b.get(t));
                }
            }
        }
        out.keySet().removeAll(ambiguous);
        out.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return out;
    }

    /** @return {@code quote} with each of its numbers replaced by its change, or null if none of them changed */
    static String rewrite(String quote, Map<String, String> changes) {
        Matcher m = NUMBER.matcher(quote);
        StringBuilder sb = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String to = changes.get(m.group());
            changed |= to != null;
            m.appendReplacement(sb, Matcher.quoteReplacement(to != null ? to : m.group()));
        }
        m.appendTail(sb);
        return changed ? sb.toString() : null;
    }

    /**
     * Rewrites the quotes of one block in a document: in the lines from the block's opening fence to the next
     * block's opening fence (the comment and the prose about this block's output).
     *
     * @param lines the document's lines (changed in place)
     * @param fenceLine the block's opening fence, 1-based (as {@link DocumentedCommands.Block#line()})
     * @param quotes old quote → new quote
     * @return how many replacements were made
     */
    static int apply(List<String> lines, int fenceLine, Map<String, String> quotes) {
        int start = fenceLine - 1;
        int end = start + 1;
        while (end < lines.size() && !isFence(lines.get(end))) {
            end++; // the block's own closing fence
        }
        end++;
        while (end < lines.size() && !isFence(lines.get(end))) {
            end++; // up to the next block
        }
        int n = 0;
        for (Map.Entry<String, String> q : quotes.entrySet()) {
            Pattern whole = Pattern.compile("(?<![\\w.])" + Pattern.quote(q.getKey()) + "(?![\\w]|\\.\\d)");
            for (int i = start; i < end && i < lines.size(); i++) {
                Matcher m = whole.matcher(lines.get(i));
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(q.getValue()));
                    n++;
                }
                m.appendTail(sb);
                lines.set(i, sb.toString());
            }
        }
        return n;
    }

    /**
     * @param root the repository root: a document under it is named by its path from there ("seeds/README.md"
     *        gives "seeds-readme"), any other by its file name
     * @return the snapshot file name of a block: the document's name and a digest of its commands
     */
    static String snapshotName(DocumentedCommands.Block b, Path root) {
        Path file = b.file().toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        String doc = (file.startsWith(base) ? base.relativize(file).toString() : file.getFileName().toString())
                .replaceAll("\\.md$", "").replaceAll("[^A-Za-z0-9]+", "-");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.join("\n", b.commands())
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return (doc + "-" + hex).toLowerCase(java.util.Locale.ROOT) + ".txt";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isFence(String line) {
        String t = line.trim();
        return t.startsWith("```") || t.startsWith("~~~");
    }

    private static List<String> nonBlank(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<String> numbers(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
