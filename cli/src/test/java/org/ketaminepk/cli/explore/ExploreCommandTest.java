package org.ketaminepk.cli.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.ketaminepk.cli.Main;

/** The {@code explore} command's help and its refusals (starting the server itself is covered by the API tests). */
class ExploreCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main(), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void helpSaysWhatItIsAndThatItStaysOnThisComputer() {
        String[] r = run("explore", "--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].toLowerCase(java.util.Locale.ROOT).contains("not a dosing device") && r[1].contains("127.0.0.1") && r[1].contains("--no-browser"),
                r[1]);
        assertTrue(r[1].contains("Examples:\n  ketamine-pk explore"), r[1]);
    }

    @Test
    void refusesAPortOutOfRangeAndAnUnknownHost() {
        String[] r = run("explore", "--port", "70000", "--no-browser");
        assertEquals("2", r[0]);
        assertEquals("error: --port must be between 0 and 65535 but was 70000", r[2].strip());
        r = run("explore", "--host", "no-such-host.invalid", "--no-browser");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: --host 'no-such-host.invalid' is not an address"), r[2]);
    }
}
