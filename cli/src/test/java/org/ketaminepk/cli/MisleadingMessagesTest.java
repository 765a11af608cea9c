package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors that used to blame the wrong word, name an option nobody typed, or leak a Java class name. */
class MisleadingMessagesTest {
    @TempDir
    Path dir;

    private static String usageError(Cli.Result r) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, "one line only:\n" + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
        return r.err().trim();
    }

    private static String simulate(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "simulate";
        args[1] = "--model";
        args[2] = Cli.MODEL;
        args[3] = "--dose";
        System.arraycopy(more, 0, args, 4, more.length);
        return usageError(Cli.run(args));
    }

    @Test
    void aZeroCapIsTheCapsFault() {
        String err = simulate("0.35 mg/kg/h for 4 h max 0 mg/h");
        assertTrue(err.startsWith("error: --dose \"0.35 mg/kg/h for 4 h max 0 mg/h\", column 26 ('0'): rate cap must "
                + "be greater than 0 and at most 1000 mg/h but was 0; accepted: "), err);
    }

    @Test
    void theDefaultDurationIsNotBlamedOnDuration() {
        String err = simulate("bolus 5 mg at 87660 h");
        assertEquals("error: the last input ends at 3652 d 12 h; with 24 h of wash-out the default duration would be "
                + "87684 h, beyond the longest simulation of 87660 h; give --duration 87660h or less", err);
        // a --duration that was typed is still named
        assertTrue(simulate("bolus 5 mg", "--duration", "87661h").startsWith("error: --duration must be greater than 0 "
                + "and at most 87660 h but was 87661"));
    }

    @Test
    void exponentNotationIsNotCalledANegativeNumber() {
        assertEquals("error: Invalid value for option '--duration': \"1e-5\", column 1 ('1e-5'): numbers in exponent "
                + "notation are not accepted; write 0.00001 instead; expected a number and a time unit, e.g. 90min, 12h, "
                + "6d, 30s (see 'ketamine-pk simulate --help')", simulate("bolus 5 mg", "--duration", "1e-5"));
        String err = simulate("bolus 5 mg", "--step", "1e-9s");
        assertTrue(err.startsWith("error: Invalid value for option '--step': \"1e-9s\", column 1 ('1e-9'): numbers in "
                + "exponent notation are not accepted; write 0.000000001 instead;"), err);
        assertFalse(err.contains("negative"), err);
    }

    @Test
    void aDoseJustOverTheLimitShowsWhyItIsOver() {
        String err = simulate("bolus 10000.0000001 mg");
        assertTrue(err.contains("dose amount must be greater than 0 and at most 10000 mg but was 10000.0000001;"), err);
    }

    @Test
    void anEmojiIsShownAsItself() {
        String err = simulate("bolus 5 mg \uD83D\uDE00");
        assertTrue(err.contains("column 12 ('\uD83D\uDE00'): unexpected character (U+1F600)"), err);
        assertFalse(err.contains("?"), err);
    }

    @Test
    void aProtocolFileThatIsNotUtf8() throws Exception {
        Path f = dir.resolve("course.txt");
        Files.write(f, "My course\nbolus 5 mg at 1 h # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String err = usageError(Cli.run("simulate", "--model", Cli.MODEL, "--protocol", f.toString()));
        assertEquals("error: course.txt:2:24: the file is not UTF-8 text (byte 0xE9 cannot start or continue a UTF-8 "
                + "character); save it as UTF-8", err);
    }

    @Test
    void aSingleValuedOptionGivenTwice() {
        assertEquals("error: --weight was given twice ('70' and '80'); give it once (see 'ketamine-pk simulate "
                + "--help')", simulate("bolus 5 mg", "--weight", "70", "--weight", "80"));
        assertTrue(simulate("bolus 5 mg", "--weight=70", "--weight", "70").contains("--weight was given twice"));
        assertTrue(simulate("bolus 5 mg", "--duration", "2h", "--duration", "3h")
                .contains("--duration was given twice"));
        // repeatable options may repeat
        Cli.Result ok = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 5 mg", "--duration", "2h",
                "--comed", "rifampicin", "--comed", "clarithromycin");
        assertEquals(0, ok.code(), ok.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--cyp2b6", "--weight", "--sex", "--comed", "--csv"})
    void anEmptyValue(String option) {
        assertEquals("error: " + option + " needs a value but was given an empty one (see 'ketamine-pk simulate "
                + "--help')", simulate("bolus 5 mg", option, ""));
        assertTrue(simulate("bolus 5 mg", option + "=  ").contains(option + " needs a value"));
    }

    @Test
    void outputFilesInAMissingDirectorySayItInWords() {
        Path nowhere = dir.resolve("no/such/dir");
        for (String option : new String[] {"--csv", "--json"}) {
            String err = simulate("bolus 5 mg", "--duration", "1h", option, nowhere.resolve("out.x").toString());
            assertEquals("error: " + option + ": cannot write '" + nowhere.resolve("out.x") + "': no such directory "
                    + nowhere, err);
        }
        Cli.Result patient = Cli.run("patient", "--json", nowhere.resolve("p.json").toString());
        assertEquals("error: --json: cannot write '" + nowhere.resolve("p.json") + "': no such directory " + nowhere,
                usageError(patient));
        String plot = simulate("bolus 5 mg", "--duration", "1h", "--plot", nowhere.resolve("out.png").toString());
        assertTrue(plot.contains("': no such directory "), plot);
    }
}
