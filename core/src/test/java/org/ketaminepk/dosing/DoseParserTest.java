package org.ketaminepk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;

/** Every form the parser promises, resolved for a patient, against the amounts and times written by hand. */
class DoseParserTest {
    private static final double TOL = 1e-12;

    private static Dose single(String spec) {
        Regimen r = DoseParser.parse(spec);
        assertEquals(1, r.doses().size(), spec);
        return r.doses().get(0);
    }

    @Test
    void weightBasedBolus() {
        Dose d = single("bolus 0.35 mg/kg");
        Dose.Bolus b = assertInstanceOf(Dose.Bolus.class, d);
        assertEquals(0, b.timeH());
        assertEquals(new Amount(0.35, Amount.Unit.MG_PER_KG), b.amount());
        assertEquals(28, b.amountMg(80), TOL);
    }

    @Test
    void bolusAtATime() {
        Dose.Bolus b = assertInstanceOf(Dose.Bolus.class, single("bolus 20 mg at 2 h"));
        assertEquals(2, b.timeH());
        assertEquals(20, b.amountMg(70), TOL);
    }

    @Test
    void amountOverMinutes() {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single("0.5 mg/kg over 40 min"));
        assertEquals(40.0 / 60, i.durationH(), TOL);
        assertEquals(35, i.amountMg(70), TOL);
        assertEquals(35 / (40.0 / 60), i.rateMgPerH(70), 1e-9);
    }

    @Test
    void amountOverSeconds() {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single("0.1 mg/kg over 30 s"));
        assertEquals(30.0 / 3600, i.durationH(), TOL);
        assertEquals(6, i.amountMg(60), 1e-9);
    }

    @Test
    void absoluteAmountOverMinutes() {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single("20 mg over 20 min"));
        assertEquals(20, i.amountMg(100), 1e-9);
        assertEquals(60, i.rateMgPerH(100), 1e-9);
    }

    @Test
    void weightBasedRateForHours() {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single("1.2 mg/kg/h for 72 h"));
        assertEquals(72, i.durationH());
        assertEquals(84, i.rateMgPerH(70), 1e-9);
        assertEquals(84 * 72, i.amountMg(70), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"41 ug/kg/min for 3 h", "41 µg/kg/min for 3 h", "41 μg/kg/min for 3 h",
        "41 mcg/kg/min for 3 h", "41ug/kg/min for 3h", "41 ug / kg / min for 3 h", "41 UG/KG/MIN FOR 3 H"})
    void microgramsPerKgPerMinuteInEverySpelling(String spec) {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single(spec));
        assertEquals(41 * 0.06 * 70, i.rateMgPerH(70), 1e-9);
        assertEquals(3, i.durationH());
    }

    @Test
    void absoluteRateForDays() {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single("22 mg/h for 4 d"));
        assertEquals(96, i.durationH());
        assertEquals(22 * 96, i.amountMg(50), 1e-9);
    }

    @Test
    void dailyCappedInfusionGivesTenSessions() {
        Regimen r = DoseParser.parse("0.35 mg/kg/h for 4 h daily x10 max 25 mg/h");
        assertEquals(10, r.doses().size());
        for (int k = 0; k < 10; k++) {
            Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, r.doses().get(k));
            assertEquals(24.0 * k, i.timeH(), TOL);
            assertEquals(4, i.durationH());
            assertEquals(0.35 * 60, i.rateMgPerH(60), 1e-9); // below the cap
            assertEquals(25, i.rateMgPerH(90), 1e-9); // 31.5 mg/h capped
        }
        assertEquals(10 * 4 * 25, r.totalMg(90), 1e-9);
    }

    @Test
    void oralEveryEightHours() {
        Regimen r = DoseParser.parse("oral 50 mg every 8 h x6");
        assertEquals(6, r.doses().size());
        for (int k = 0; k < 6; k++) {
            Dose.Extravascular e = assertInstanceOf(Dose.Extravascular.class, r.doses().get(k));
            assertEquals(Route.ORAL, e.route());
            assertEquals(8.0 * k, e.timeH(), TOL);
            assertEquals(50, e.amountMg(70), TOL);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "oral 0.5 mg/kg, ORAL, 40",
        "po 0.5 mg/kg, ORAL, 40",
        "sublingual 25 mg, SUBLINGUAL, 25",
        "sl 25mg, SUBLINGUAL, 25",
        "buccal 25 mg, BUCCAL, 25",
        "intranasal 56 mg, INTRANASAL, 56",
        "nasal 56 mg, INTRANASAL, 56",
        "im 0.5 mg/kg, INTRAMUSCULAR, 40",
        "intramuscular 0.5 mg/kg, INTRAMUSCULAR, 40",
        "sc 10 mg, SUBCUTANEOUS, 10",
        "25 mg sublingual, SUBLINGUAL, 25",
        "p.o. 0.5 mg/kg, ORAL, 40",
        "I.M. 0.5 mg/kg, INTRAMUSCULAR, 40",
        "s.c. 10 mg, SUBCUTANEOUS, 10"})
    void extravascularRoutes(String spec, Route route, double mgAt80Kg) {
        Dose.Extravascular e = assertInstanceOf(Dose.Extravascular.class, single(spec));
        assertEquals(route, e.route());
        assertEquals(mgAt80Kg, e.amountMg(80), TOL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"28.8 mg ketamine HCl over 40 min", "28.8 mg ketamine hydrochloride over 40 min",
        "28.8mg HCl over 40min", "28.8 mg of ketamine HCl over 40 min"})
    void hydrochlorideIsConvertedToBase(String spec) {
        Dose.Infusion i = assertInstanceOf(Dose.Infusion.class, single(spec));
        assertEquals(DrugSalt.HYDROCHLORIDE, i.salt());
        // 28.8 mg HCl × 237.727/274.185 = 24.97 mg base
        assertEquals(28.8 * 237.727 / 274.185, i.amountMg(70), 1e-9);
    }

    @Test
    void weeklyAndStartTime() {
        Regimen r = DoseParser.parse("0.5 mg/kg over 40 min at 1 d weekly x4");
        assertEquals(List.of(24.0, 192.0, 360.0, 528.0), r.doses().stream().map(Dose::timeH).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bolus 20 mg at 2 h", "at 2 h bolus 20 mg", "20 mg bolus at 2h", "iv 20 mg at 120 min",
        "bolus 20 mg, at 2 hours", "BOLUS 20 MG AT 2 H"})
    void wordOrderAndSpellingDoNotMatter(String spec) {
        Dose.Bolus b = assertInstanceOf(Dose.Bolus.class, single(spec));
        assertEquals(2, b.timeH(), TOL);
        assertEquals(20, b.amountMg(70), TOL);
    }

    @Test
    void unicodeTimesSignCounts() {
        assertEquals(3, DoseParser.parse("oral 25 mg every 12 h ×3").doses().size());
        assertEquals(3, DoseParser.parse("oral 25 mg every 12 h x 3").doses().size());
    }

    @Test
    void everyExampleInTheDocumentationParses() {
        for (String e : DoseParser.EXAMPLES) {
            assertFalse(DoseParser.parse(e).doses().isEmpty(), e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "90min | 1.5",
        "90 min | 1.5",
        "12h | 12",
        "6d | 144",
        "30s | 0.008333333333333333",
        "0.5h | 0.5",
        "2 weeks | 336",
        "1 hour | 1"})
    void durations(String text, double hours) {
        assertEquals(hours, DoseParser.parseDurationH(text), 1e-15);
    }

    // ------------------------------------------------------------------------------------------- errors

    private static DoseParser.ParseException fails(String spec) {
        return assertThrows(DoseParser.ParseException.class, () -> DoseParser.parse(spec));
    }

    @Test
    void unknownUnitIsPointedAtWithItsColumn() {
        DoseParser.ParseException e = fails("0.5 mg/kq over 40 min");
        assertEquals(5, e.column());
        assertEquals("'mg/kq'", e.word());
        assertTrue(e.getMessage().startsWith("dose \"0.5 mg/kq over 40 min\", column 5 ('mg/kq'): unknown unit; "
                + "amounts are mg, µg, mg/kg, µg/kg and rates mg/h,"), e.getMessage());
        assertTrue(e.getMessage().contains("accepted: bolus AMOUNT | AMOUNT over TIME"), e.getMessage());
        assertEquals("dose", e.field());
        assertInstanceOf(InvalidInputException.class, e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | 1 | the dose is empty",
        "20 mg | 1 | say how it is given",
        "bolus | 6 | no amount or rate",
        "0.5 mg/kg for 40 min | 11 | an amount is given 'over' a time",
        "1.2 mg/kg/h over 72 h | 13 | a rate runs 'for' a time",
        "1.2 mg/kg/h | 12 | a rate needs a duration",
        "oral 50 mg over 1 h | 12 | 'over' describes an intravenous infusion",
        "oral 1 mg/kg/h for 2 h | 1 | a rate is an intravenous infusion",
        "bolus 1 mg/kg/h for 2 h | 1 | a bolus is an amount",
        "oral 50 mg every 8 h | 21 | 'every' needs a number of doses",
        "oral 50 mg x6 | 12 | a count 'xN' needs",
        "oral 50 mg every 8 h x2.5 | 23 | whole number",
        "oral 50 mg every 8 h x0 | 23 | whole number",
        "oral 50 mg every 8 h x20000 | 23 | whole number",
        "0.35 mg/kg/h for 4 h max 0.5 mg/kg/h | 30 | absolute rate",
        "bolus 20 mg max 25 mg/h | 13 | only applies to infusions",
        "bolus 20 mg at 2 | 17 | needs a time unit",
        "bolus 20 mg at | 15 | 'at' needs a time",
        "bolus 0 mg | 7 | dose amount must be greater than 0",
        "bolus -3 mg | 7 | negative numbers",
        "bolus 20000 mg | 7 | at most 10000 mg",
        "bolus 20 mg bolus | 13 | given twice",
        // two words for one part were called one word given twice: "'base' is given twice"
        "bolus 20 mg HCl base | 17 | 'base' and 'HCl' (column 13) both say whether the amount is the salt or the base",
        "oral sublingual 20 mg | 6 | 'sublingual' and 'oral' (column 1) both say the route",
        "oral 20 mg every 8 h x3 daily x2 | 25 | 'daily' and 'every' (column 12) both say how the dose repeats",
        "20 mg over 1 h max 500 mg/h cap 400 mg/h | 29 | 'cap' and 'max' (column 16) both say the rate cap",
        "bolus 20 mg 30 mg | 13 | a second amount",
        "20 mg over 0 min | 7 | infusion duration must be greater than 0",
        "bolus 20 mg at 20 years | 19 | needs a time unit",
        "oral 20 mg 2h | 12 | a time needs a keyword",
        "bolus 1.2.3 mg | 10 | malformed number",
        "bolus 20 mg @ 2 h | 13 | unexpected character",
        "bolus 20 mg pronto | 13 | unknown word",
        "bolus 20 mg at 2 m | 18 | needs a time unit",
        "bolus 20 mg at 5000 d | 13 | dose time must be between 0 and 87660 h",
        "bolus 20 g | 10 | unknown unit",
        "oral bolus 20 mg | 6 | 'bolus' means an intravenous bolus",
        "infusion 20 mg | 15 | an infusion needs 'over TIME'",
        "20 h | 1 | a time needs a keyword",
        "mg 20 | 1 | a unit needs a number before it"})
    void errorsNameTheProblemAndTheColumn(String spec, int column, String problem) {
        DoseParser.ParseException e = fails(spec);
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aBadCapBlamesTheCapNotTheRate() {
        DoseParser.ParseException e = fails("0.35 mg/kg/h for 4 h max 0 mg/h");
        assertEquals(26, e.column());
        assertEquals("'0'", e.word());
        assertEquals("rate cap must be greater than 0 and at most 1000 mg/h but was 0", e.problem());
        assertFalse(e.getMessage().contains("infusion rate"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bolus 1e-5 mg | 7 | 1e-5 | write 0.00001 instead",
        "bolus 2E3 mg | 7 | 2E3 | write 2000 instead",
        "bolus 20 mg at 1e+2 h | 16 | 1e+2 | write 100 instead",
        "bolus 1e400 mg | 7 | 1e400 | and 1e400 is far outside any value accepted",
        "bolus 20 mg at 1e300 h | 16 | 1e300 | and 1e300 is far outside any value accepted",
        "bolus 1e-300 mg | 7 | 1e-300 | and 1e-300 is far outside any value accepted"})
    void exponentNotationIsNamedAsSuch(String spec, int column, String word, String advice) {
        DoseParser.ParseException e = fails(spec);
        assertEquals(column, e.column());
        assertEquals("'" + word + "'", e.word());
        assertEquals("numbers in exponent notation are not accepted; " + advice, e.problem());
    }

    @Test
    void exponentNotationInATime() {
        DoseParser.ParseException e = assertThrows(DoseParser.ParseException.class,
                () -> DoseParser.parseDurationH("1e-9s"));
        assertEquals("'1e-9'", e.word());
        assertEquals("numbers in exponent notation are not accepted; write 0.000000001 instead", e.problem());
        // a unit that starts with e after a number is still a word, not an exponent
        assertEquals("'e'", assertThrows(DoseParser.ParseException.class, () -> DoseParser.parseDurationH("5e"))
                .word());
    }

    @Test
    void aValueJustOverALimitShowsTheDigitsThatCross() {
        DoseParser.ParseException e = fails("bolus 10000.0000001 mg");
        assertEquals("dose amount must be greater than 0 and at most 10000 mg but was 10000.0000001", e.problem());
        assertEquals("dose amount must be greater than 0 and at most 10000 mg but was 20000", fails("bolus 20000 mg")
                .problem());
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsShownWhole() {
        DoseParser.ParseException e = fails("bolus 5 mg \uD83D\uDE00");
        assertEquals("'\uD83D\uDE00'", e.word());
        assertEquals("unexpected character (U+1F600)", e.problem());
        assertEquals(12, e.column());
        assertEquals("unexpected character (U+0040)", fails("bolus 20 mg @ 2 h").problem());
    }

    @Test
    void domainLimitsOnRepeatsBecomeParseErrors() {
        // 10000 doses every 10 days run past the ten-year horizon of a dose time
        DoseParser.ParseException e = fails("bolus 1 mg every 10 d x10000");
        assertTrue(e.getMessage().contains("dose time must be between 0 and 87660 h"), e.getMessage());
        assertEquals(12, e.column());
    }

    @Test
    void tooLongTextIsRefused() {
        DoseParser.ParseException e = fails("bolus 20 mg " + " ".repeat(DoseParser.MAX_LENGTH));
        assertTrue(e.getMessage().contains("longer than 500 characters"), e.getMessage());
    }

    @Test
    void lineBreaksNeverReachTheMessage() {
        DoseParser.ParseException e = fails("bolus 20\nmg\u2028 pronto");
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("\u2028"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | a time is missing",
        "12 | needs a time unit",
        "h | expected a number",
        "12 parsecs | unknown time unit",
        "12 h 30 min | unexpected word",
        "-3 h | negative numbers"})
    void durationErrors(String text, String problem) {
        DoseParser.ParseException e = assertThrows(DoseParser.ParseException.class,
                () -> DoseParser.parseDurationH(text));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals("duration", e.field());
    }

    @Test
    void dottedIntravenousIsAccepted() {
        assertInstanceOf(Dose.Bolus.class, single("i.v. bolus 20 mg"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0,5 mg/kg over 40 min|'0,5'|write 0.5",
        "oral 50 mg twice weekly x4|'twice'|'every 84 h x4' for twice weekly",
        "bolus 20 mg at 9:00|':'|clock times are not accepted",
        "oral 50 mg over 10 min|'over'|not an oral dose",
        "sublingual bolus 25 mg|'bolus'|not a sublingual dose"})
    void typingTrapsAreNamedWithTheFix(String spec, String word, String fix) {
        DoseParser.ParseException e = assertThrows(DoseParser.ParseException.class, () -> DoseParser.parse(spec));
        assertEquals(word, e.word(), e.getMessage());
        assertTrue(e.problem().contains(fix), e.getMessage());
    }

    @Test
    void errorsShowTheGrammarBrieflyWithTheClosestExample() {
        DoseParser.ParseException e = assertThrows(DoseParser.ParseException.class,
                () -> DoseParser.parse("0.5 mg/kq over 40 min"));
        assertTrue(e.getMessage().endsWith("; closest example: '0.5 mg/kg over 40 min'"), e.getMessage());
        assertFalse(e.getMessage().contains(DoseParser.FORMS), e.getMessage());
        assertTrue(e.getMessage().length() < 360, e.getMessage().length() + ": " + e.getMessage());
        assertEquals("oral 50 mg every 8 h x6", DoseParser.closestExample("orla 50 mg every 8h x6"));
    }
}
