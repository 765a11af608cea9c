package org.ketaminepk.cli;

import org.ketaminepk.base.InvalidInputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine.Command;

/** Every error path: one line on standard error, exit 2 for usage and input, 1 for internal failures. */
class ErrorHandlingTest {
    @TempDir
    Path dir;

    private static void usageError(Cli.Result r, String expectedStart) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, "one line only:\n" + r.err());
        assertTrue(r.err().startsWith("error: " + expectedStart), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    /** A numeric option given no number says what it takes, with unit and range, not "'abc' is not a double". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate --model otto-2021 --dose 'bolus 20 mg' --effect olofsen-2022-antinociception --effect-level abc"
            + "|--effect-level must be a number in the endpoint's unit (see 'ketamine-pk effects') but was 'abc'",
        "simulate --model otto-2021 --dose 'bolus 20 mg' --s-share half"
            + "|--s-share must be a number greater than 0 and at most 1 but was 'half'",
        "target --target '100 ng/mL for 1 h' --plasma-limit x|--plasma-limit must be a factor of the target from 1 to 10"
            + " but was 'x'",
        "effects --ke0-guess fast|--ke0-guess must be a number greater than 0 and at most 167 /min but was 'fast'",
        "protocols --weight heavy|--weight must be a number of kg from 0.5 to 350 but was 'heavy'",
        "explore --port http|--port must be a whole number from 0 to 65535 but was 'http'"})
    void aNumericOptionGivenTextSaysWhatItTakes(String line, String expected) {
        java.util.List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        usageError(r, expected);
        assertFalse(r.err().contains("is not a"), r.err());
    }

    /**
     * A CSV saved as Windows-1252 ("µmol/L" or a name with an accent) ended 'fit' and 'dataset' as an internal
     * failure (java.nio.charset.MalformedInputException, exit code 1) and '--patients' and '--observed' with
     * "cannot be read: Input length = 1". Each now names the file, the line and column and the byte, as a protocol
     * file does, and asks for UTF-8.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fit --observed FILE --dose '20 mg over 1 h' --model otto-2021|time,analyte,value",
        "dataset FILE|ID,TIME,AMT,CMT",
        "simulate --dose 'bolus 10 mg' --model otto-2021 --observed FILE|time,analyte,value",
        "simulate --dose 'bolus 10 mg' --model otto-2021 --patients FILE|age,weight,height,sex"})
    void aFileThatIsNotUtf8IsAnInputErrorWithItsLine(String line, String header) throws Exception {
        Path file = dir.resolve("latin1.csv");
        byte[] head = (header + "\n1,2,3,").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xB5; // µ in Latin-1
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        java.util.List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            String a = m.group(1) != null ? m.group(1) : m.group(2);
            args.add(a.equals("FILE") ? file.toString() : a);
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("latin1.csv:2:7: the file is not UTF-8 text (byte 0xB5 cannot start or "
                + "continue a UTF-8 character); save it as UTF-8"), r.err());
    }

    @Test
    void negativeWeightNamesTheOption() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--weight", "-3", "--dose", "bolus 20 mg");
        assertEquals(2, r.code());
        assertEquals("error: --weight must be between 0.5 and 350 kg but was -3\n", r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--age | 130 | --age must be between 0 and 120 years but was 130",
        "--height | 20 | --height must be between 30 and 250 cm but was 20",
        "--sex | x | --sex must be one of male, female but was 'x'",
        "--weight | 351 | --weight must be between 0.5 and 350 kg but was 351"})
    void patientOptionsAreValidatedByTheLibraryWithOptionNames(String option, String value, String message) {
        usageError(Cli.run("simulate", "--model", Cli.MODEL, option, value, "--dose", "bolus 20 mg"), message);
    }

    @Test
    void unknownModel() {
        Cli.Result r = Cli.run("simulate", "--model", "nope-2000", "--dose", "bolus 20 mg");
        usageError(r, "--model must be one of ");
        assertTrue(r.err().contains(Cli.MODEL) && r.err().endsWith(" but was 'nope-2000'\n"), r.err());
    }

    @Test
    void missingProtocolFile() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", dir.resolve("nope.txt").toString());
        usageError(r, "--protocol '" + dir.resolve("nope.txt") + "' is neither a built-in protocol "
                + "(depression-zarate-2006, ");
        assertTrue(r.err().trim().endsWith("nor a readable file"), r.err());
    }

    @Test
    void protocolFileErrorsNameLineAndColumn() throws Exception {
        Path f = dir.resolve("course.txt");
        Files.writeString(f, "My course\n# comment\n0.5 mg/kq over 40 min\n");
        usageError(Cli.run("simulate", "--model", Cli.MODEL, "--protocol", f.toString()),
                "course.txt:3:5 ('mg/kq'): unknown unit");
    }

    @Test
    void gridOfMoreThanTenMillionPoints() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", "3650d",
                "--step", "1s");
        usageError(r, "--step: the output grid must have at most 10000000 points");
    }

    @Test
    void compareWithOneSeries() {
        usageError(Cli.run("compare", "--model", Cli.MODEL, "--protocol", "crps-cohen-2018"),
                "compare needs at least two series but got 1");
    }

    @Test
    void compareWithoutAnyRegimen() {
        usageError(Cli.run("compare", "--model", Cli.MODEL, "--patient", "age=30", "--patient", "age=80"),
                "compare needs --protocol, --dose or --series (each repeatable)");
    }

    @Test
    void badDosePointsAtTheWord() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kq over 40 min");
        usageError(r, "--dose \"0.5 mg/kq over 40 min\", column 5 ('mg/kq'): unknown unit; amounts are");
        assertTrue(r.err().contains("; accepted: bolus AMOUNT"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--duration | 5 parsecs | Invalid value for option '--duration': \"5 parsecs\", column 3 ('parsecs'): "
                + "unknown time unit; expected a number and a time unit",
        "--duration | 0h | --duration must be greater than 0",
        "--step | 3d | --step must be at most the length of the run, 48 h (--duration), but was 72 h; give a "
                + "shorter --step or a longer --duration",
        "--band | 160-70 | Invalid value for option '--band': expected LOW-HIGH in ng/mL with 0 < LOW < HIGH "
                + "<= 1000000, e.g. 70-160, but was '160-70'",
        "--plot-size | 10x10 | Invalid value for option '--plot-size': expected WIDTHxHEIGHT in pixels, each "
                + "between 200 and 10000, e.g. 1600x900, but was '10x10'",
        "--plot | out.gif | --plot must name a .png or .svg file but was 'out.gif'"})
    void outputOptionErrors(String option, String value, String message) {
        String[] args = {"simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", "2d", option, value};
        if (option.equals("--duration")) {
            args = new String[] {"simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", option, value};
        }
        usageError(Cli.run(args), message);
    }

    @Test
    void aUnitTypedApartFromItsNumberGetsTheJoinedForm() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--creatinine", "1.2",
                "mg/dL");
        usageError(r, "Unmatched argument");
        assertTrue(r.err().contains("; a unit goes with its number without a space: --creatinine 1.2mg/dL"), r.err());
        Cli.Result other = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "stray");
        assertFalse(other.err().contains("without a space"), other.err());
    }

    @Test
    void aStepLongerThanTheDefaultRunSaysWhereTheLimitComesFrom() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kg over 40 min", "--step", "2d");
        usageError(r, "--step must be at most the length of the run, 25 h (the default: the last input's end, "
                + "40 min, plus 24 h of wash-out), but was 48 h; give a shorter --step or a longer --duration");
    }

    @Test
    void bothDataStreamsOnStandardOutput() {
        usageError(Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--csv", "-", "--json", "-"),
                "--csv - and --json - cannot both write to standard output");
    }

    @Test
    void unwritableFile() {
        Path nowhere = dir.resolve("no/such/dir/out.csv");
        usageError(Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", "1h", "--csv",
                nowhere.toString()), "--csv: cannot write '" + nowhere + "': no such directory ");
    }

    @Test
    void aRouteTheModelLacks() {
        usageError(Cli.run("simulate", "--model", Cli.MODEL, "--dose", "oral 50 mg"),
                "--model domino-1984: route must be one of iv for this model but was oral");
    }

    @Test
    void simulateNeedsSomethingToSimulate() {
        usageError(Cli.run("simulate", "--model", Cli.MODEL), "simulate needs --protocol ID|FILE or at least one "
                + "--dose SPEC");
    }

    @Test
    void simulateTakesOneProtocol() {
        usageError(Cli.run("simulate", "--model", Cli.MODEL, "--protocol", "crps-cohen-2018", "--protocol",
                "crps-goldberg-2010"), "simulate takes one --protocol but got 2");
    }

    @Test
    void unknownOptionsAndMissingCommands() {
        usageError(Cli.run("simulate", "--frobnicate"), "Unknown option: '--frobnicate' (see 'ketamine-pk "
                + "simulate --help')");
        usageError(Cli.run(), "missing command: choose simulate, compare, patient, models or protocols");
        usageError(Cli.run("simulat"), "Unmatched argument at index 0: 'simulat'");
        usageError(Cli.run("simulate", "--weight"), "Missing required parameter for option '--weight'");
        usageError(Cli.run("simulate", "--weight", "heavy", "--dose", "bolus 20 mg"),
                "--weight must be a number between 0.5 and 350 kg but was 'heavy'");
    }

    @Test
    void unknownPatientKeysListTheAcceptedOnes() {
        usageError(Cli.run("compare", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--patient", "age=80",
                "--patient", "gfr=30"), "Invalid value for option '--patient' (KEY=VALUE,...): 'gfr=30': "
                        + "unknown key 'gfr'; accepted keys: age, weight, "
                        + "height, sex, creatinine, egfr, clcr, child-pugh, bilirubin, albumin, inr, ascites, "
                        + "encephalopathy, cyp2b6, comed");
        usageError(Cli.run("compare", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--patient", "age=80",
                "--patient", "weight=-3"), "--patient 'weight=-3': weight must be between 0.5 and 350 kg but was -3");
    }

    @Test
    void debugPrintsTheStackTrace() {
        Cli.Result r = Cli.run("simulate", "--debug", "--model", Cli.MODEL, "--weight", "-3", "--dose",
                "bolus 20 mg");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --weight must be between 0.5 and 350 kg but was -3\n"), r.err());
        assertTrue(r.err().contains("org.ketaminepk.base.InvalidInputException"), r.err());
        assertTrue(r.err().contains("\tat org.ketaminepk."), r.err());
    }

    /** A command that fails the way a bug would. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("simulated defect");
        }
    }

    @Test
    void internalFailuresExitWithOneAndHideTheStackTrace() {
        Cli.Result r = Cli.run(new Boom(), "boom");
        assertEquals(1, r.code());
        assertEquals("error: internal failure: java.lang.IllegalStateException: simulated defect (rerun with --debug "
                + "for the stack trace)\n", r.err());
        Cli.Result d = Cli.run(new Boom(), "boom", "--debug");
        assertEquals(1, d.code());
        assertTrue(d.err().contains("\tat org.ketaminepk.cli.ErrorHandlingTest$Boom.call"), d.err());
    }

    /** A command that runs out of memory. */
    @Command(name = "greedy")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /**
     * picocli hands exceptions, not errors, to the handler: an OutOfMemoryError that a check before the run missed left
     * "Exception in thread "main" java.lang.OutOfMemoryError" and the JVM's stack trace. It is one line now, with what
     * to change, and exit status 1 as every internal failure.
     */
    @Test
    void runningOutOfMemoryIsOneLineWithWhatToChange() {
        Cli.Result r = Cli.run(new Greedy(), "greedy");
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: internal failure: out of memory (Java may use at most "), r.err());
        assertTrue(r.err().contains("; ask for less (a longer --step, a shorter --duration, fewer patients) or give "
                + "Java more memory (e.g. KETAMINE_PK_JAVA_OPTS=-Xmx"), r.err());
        assertTrue(r.err().endsWith("g) (rerun with --debug for the stack trace)\n"), r.err());
        assertEquals("", r.out());
        Cli.Result d = Cli.run(new Greedy(), "greedy", "--debug");
        assertEquals(1, d.code());
        assertTrue(d.err().contains("\tat org.ketaminepk.cli.ErrorHandlingTest$Greedy.call"), d.err());
        assertEquals("out of memory (Java may use at most 256 MiB), which the checks before the run should have "
                + "foreseen; ask for less (a longer --step, a shorter --duration, fewer patients) or give Java more "
                + "memory (e.g. KETAMINE_PK_JAVA_OPTS=-Xmx2g)", Main.outOfMemory(256L << 20));
    }
}
