package org.ketaminepk.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;

/**
 * Reads a protocol written as plain text: the first line that is not blank or a comment is the protocol's name;
 * every further line is one dose specification in the {@link DoseParser} grammar; {@code #} starts a comment.
 * <pre>
 *   # ten outpatient sessions, as in Schwartzman 2009
 *   CRPS outpatient course
 *   0.35 mg/kg/h for 4 h daily x10 max 25 mg/h
 *   bolus 2 mg at 0 h          # a small loading dose
 * </pre>
 * Errors name the source, the line and the column. This class reads text (and checks that a file's bytes are UTF-8
 * text); opening files is the caller's business. Stateless and thread-safe.
 */
public final class ProtocolText {
    private ProtocolText() {
    }

    /**
     * Reads the bytes of a protocol file as UTF-8 text.
     *
     * @param bytes the file's contents
     * @param sourceName the file's name, for messages ("protocol" when blank)
     * @return the text
     * @throws InvalidInputException (field {@code protocol}) naming the line, column and byte where the bytes stop
     *         being UTF-8, or for missing bytes or a missing name
     */
    public static String utf8(byte[] bytes, String sourceName) {
        Checks.notNull("protocol", bytes);
        Checks.notNull("source", sourceName);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        String src = sourceName.isBlank() ? "protocol" : sourceName;
        throw new InvalidInputException("protocol", String.format(Locale.ROOT, "%s:%d:%d: the file is not UTF-8 text "
                + "(byte 0x%02X cannot start or continue a UTF-8 character); save it as UTF-8", src, line, column,
                bytes[bad] & 0xFF));
    }

    /**
     * Parses protocol text that has no file name; its id and messages say "protocol".
     *
     * @param text the whole text
     * @return the protocol, with basis {@link Protocol.Basis#USER_FILE} and no citation
     * @throws InvalidInputException (field {@code protocol}) naming line and column of the first error
     */
    public static Protocol parse(String text) {
        return parse(text, "protocol");
    }

    /**
     * Parses protocol text.
     *
     * @param text the whole text
     * @param sourceName where it came from, for messages and the protocol id (e.g. a file name {@code crps.txt});
     *        "protocol" when blank (for none use {@link #parse(String)})
     * @return the protocol, with basis {@link Protocol.Basis#USER_FILE} and no citation
     * @throws InvalidInputException (field {@code protocol}) naming source, line and column of the first error, or
     *         for a missing name
     */
    public static Protocol parse(String text, String sourceName) {
        Checks.notNull("source", sourceName);
        String src = sourceName.isBlank() ? "protocol" : sourceName;
        String[] lines = (text == null ? "" : text).split("\r\n|\r|\n", -1);
        String name = null;
        int nameLine = 0;
        Regimen regimen = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            if (content.isBlank()) {
                continue;
            }
            if (name == null) {
                name = content.trim();
                nameLine = i + 1;
                if (looksLikeDose(name)) {
                    throw new InvalidInputException("protocol", String.format(Locale.ROOT,
                            "%s:%d: the first line must be the protocol's name but '%s' is a dose; add a name line "
                                    + "above it", src, i + 1, name));
                }
                continue;
            }
            Regimen r;
            try {
                r = DoseParser.parse(content);
            } catch (DoseParser.ParseException e) {
                throw new InvalidInputException("protocol", String.format(Locale.ROOT, "%s:%d:%d (%s): %s; "
                        + "accepted: %s", src, i + 1, e.column(), e.word(), e.problem(), DoseParser.briefFormsFor(content)));
            }
            try {
                regimen = regimen == null ? r : regimen.and(r);
            } catch (InvalidInputException e) {
                // together the lines hold more doses than a regimen may
                throw new InvalidInputException("protocol", String.format(Locale.ROOT, "%s:%d: %s", src, i + 1,
                        e.getMessage()));
            }
        }
        if (name == null) {
            throw new InvalidInputException("protocol", src + ": the protocol is empty; expected a name line and "
                    + "one dose per line");
        }
        if (regimen == null) {
            throw new InvalidInputException("protocol", String.format(Locale.ROOT,
                    "%s:%d: the protocol '%s' has no dose; add one dose per line after the name", src, nameLine, name));
        }
        return new Protocol(idFrom(src), name, "user protocol", Optional.empty(), regimen, List.of(),
                Protocol.Basis.USER_FILE, "read from " + src, List.of(), Optional.empty());
    }

    private static boolean looksLikeDose(String line) {
        try {
            DoseParser.parse(line);
            return true;
        } catch (DoseParser.ParseException e) {
            return false;
        }
    }

    /** The file name without directories and extension, lower case, other characters as '-'. */
    static String idFrom(String source) {
        String base = source.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (id.isEmpty()) {
            id = "protocol";
        }
        return id.length() > 80 ? id.substring(0, 80) : id;
    }
}
