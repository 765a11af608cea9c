package org.ketaminepk.cli.options;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.protocol.ProtocolText;

/**
 * Opens the CSV files a user gives (measured levels, virtual patients, event datasets) as UTF-8 text without the byte
 * order mark that spreadsheet programs write at the start of a "CSV UTF-8" file: left in, it became part of the first
 * column's name, and a file saved from Excel was refused for an "unknown column 'time'". A file that is not UTF-8
 * text (saved as Latin-1 or Windows-1252, say) is refused with its name, line and column, as a protocol file is.
 * Not for files the program writes itself.
 */
public final class InputFiles {
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private InputFiles() {
    }

    /**
     * @param file a text file
     * @return a reader positioned after the byte order mark, if the file starts with one; reading bytes that are not
     *         UTF-8 throws {@link InvalidInputException} naming the file, line and column
     * @throws IOException if the file cannot be opened (a missing file as {@link java.nio.file.NoSuchFileException})
     */
    public static BufferedReader open(Path file) throws IOException {
        BufferedReader r = new BufferedReader(new Utf8Only(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                file));
        try {
            r.mark(1);
            if (r.read() != BYTE_ORDER_MARK) {
                r.reset();
            }
            return r;
        } catch (IOException e) {
            r.close();
            throw e;
        }
    }

    /**
     * Turns the decoder's "Input length = 1" into an input error that says where the file stops being UTF-8: it was
     * shown as such, or ended the run as an internal failure where the reader's caller did not expect it.
     */
    private static final class Utf8Only extends FilterReader {
        private final Path file;

        Utf8Only(Reader in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CharacterCodingException e) {
                throw notUtf8();
            }
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            try {
                return super.read(buf, off, len);
            } catch (CharacterCodingException e) {
                throw notUtf8();
            }
        }

        /** @return the error, with the line, column and byte found by reading the file's bytes again */
        private InvalidInputException notUtf8() {
            String name = String.valueOf(file.getFileName());
            try {
                ProtocolText.utf8(Files.readAllBytes(file), name);
            } catch (InvalidInputException e) {
                return new InvalidInputException("file", e.getMessage());
            } catch (IOException e) {
                // the file changed since: say what is known
            }
            return new InvalidInputException("file", name + ": the file is not UTF-8 text; save it as UTF-8");
        }
    }
}
