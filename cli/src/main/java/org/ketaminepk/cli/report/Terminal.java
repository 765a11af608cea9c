package org.ketaminepk.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, for progress lines that belong there and nowhere else.
 *
 * <p>{@code System.console() != null}, used before, answers another question: in Java 17 it is non-null only when
 * standard input and standard output are terminals, whatever standard error is. So {@code simulate --population
 * 50000 2> log.txt} wrote a hundred progress lines with carriage returns into the log, and {@code simulate
 * --population 50000 --csv - > bands.csv} showed no progress on the terminal it was watched from.
 *
 * <p>The launcher says what it knows ({@code [ -t 2 ]}) in the system property {@value #PROPERTY}; without it, on
 * Linux, {@code /proc/self/fd/2} names the device standard error is on; elsewhere the console is the best guess.
 */
public final class Terminal {
    /** System property set by the launcher: "true" when standard error is a terminal, "false" when it is not. */
    public static final String PROPERTY = "ketamine-pk.stderr-terminal";

    private Terminal() {
    }

    /** @return whether standard error is a terminal */
    public static boolean stderr() {
        String told = System.getProperty(PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Boolean linux = isTerminal(Path.of("/proc/self/fd/2"));
        return linux != null ? linux : System.console() != null;
    }

    /**
     * @param descriptor a link to an open file descriptor, as {@code /proc/self/fd/2}
     * @return whether it leads to a terminal device, or null when that cannot be told (no such link)
     */
    static Boolean isTerminal(Path descriptor) {
        try {
            if (!Files.isSymbolicLink(descriptor)) {
                return null;
            }
            String device = Files.readSymbolicLink(descriptor).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
