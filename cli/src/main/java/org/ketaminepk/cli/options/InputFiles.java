package org.ketaminepk.cli.options;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the CSV files a user gives (measured levels, virtual patients, event datasets) as UTF-8 text without the byte
 * order mark that spreadsheet programs write at the start of a "CSV UTF-8" file: left in, it became part of the first
 * column's name, and a file saved from Excel was refused for an "unknown column 'time'". Not for files the program
 * writes itself.
 */
public final class InputFiles {
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private InputFiles() {
    }

    /**
     * @param file a text file
     * @return a reader positioned after the byte order mark, if the file starts with one
     * @throws IOException if the file cannot be opened (a missing file as {@link java.nio.file.NoSuchFileException})
     */
    public static BufferedReader open(Path file) throws IOException {
        BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
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
}
