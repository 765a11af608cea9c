package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.model.Warning;

/** Number formats, wrapping and warning collapsing of the text and CSV output. */
class TextTest {
    @Test
    void numbers() {
        assertEquals("123.5", Text.sig(123.456, 4));
        assertEquals("0.001235", Text.sig(0.00123456, 4));
        assertEquals("12350", Text.sig(12345.6, 4));
        assertEquals("0", Text.sig(0, 4));
        // a column keeps the precision of its neighbours
        assertEquals("66.90", Text.column(66.9, 4));
        assertEquals("51.63", Text.column(51.6349, 4));
        assertEquals("5600", Text.column(5600.0000001, 4));
        assertEquals("12350", Text.column(12345.6, 4));
        assertEquals("0.04100", Text.column(0.041, 4));
        // values a double holds exactly keep the column's precision too
        assertEquals("220.0", Text.column(220, 4));
        assertEquals("0.7500", Text.column(0.75, 4));
        assertEquals("50000", Text.column(50000, 4));
        assertEquals("5600", Text.column(5600, 4));
        assertEquals("4.00", Text.hours(4));
        assertEquals("1 min", Text.step(1.0 / 60));
        assertEquals("30 s", Text.step(30.0 / 3600));
        assertEquals("2 h", Text.step(2));
        assertEquals("244 h (10 d 4 h)", Text.span(244));
        assertEquals("1.94", Text.twoDecimals(1.9412));
        assertEquals("0.01", Text.twoDecimals(0.005));
        assertEquals("0.00", Text.twoDecimals(0));
        assertEquals("0.004", Text.twoDecimals(0.004));
        assertEquals("2.286e-05", Text.twoDecimals(2.2857e-5));
        assertEquals("1235000", Text.twoDecimals(1_234_567));
        assertEquals("2 s", Text.span(2.0 / 3600));
        assertEquals("1 s", Text.span(1.0 / 3600));
        assertEquals("0.5 h", Text.span(0.5));
        assertEquals("14,641", Text.count(14_641));
        assertEquals("0.3333333333", CsvOutput.number(1.0 / 3));
        assertEquals("1.234567890e-07", CsvOutput.number(1.23456789e-7));
        assertEquals("0", CsvOutput.number(0));
        assertEquals("\"a,b\"", CsvOutput.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvOutput.quote("say \"hi\""));
        assertEquals("plain", CsvOutput.quote("plain"));
        assertEquals(List.of("aaa bbb", "ccc"), Text.wrap("aaa bbb ccc", 7));
    }

    /** "effect site at most 289.3" / "ng/mL" was printed by target: a number stays with its unit. */
    @Test
    void aNumberStaysOnTheLineOfItsUnit() {
        assertEquals(List.of("(effect site at most", "289.3 ng/mL, 96.4 % of", "the target)"),
                Text.wrap("(effect site at most 289.3 ng/mL, 96.4 % of the target)", 25));
        assertEquals(List.of("a", "12 ng/mL"), Text.wrap("a 12  ng/mL", 3));
        assertEquals(List.of("40 %"), Text.wrap("  40 %  ", 2));
        assertEquals(List.of("every 9 d", "4 h, plus"), Text.wrap("every 9 d 4 h, plus", 9));
        // a year or a table number is no unit: "Kamp 2020" keeps its year, "Table 6" its number
        assertEquals(List.of("from Kamp 2020", "(arterial)"), Text.wrap("from Kamp 2020 (arterial)", 16));
        assertEquals(List.of("Table 6", "(https://x)"), Text.wrap("Table 6 (https://x)", 8));
        // a mean keeps its standard deviation: "23.6" / "± 5.1 years" was printed by 'models otto-2021'
        assertEquals(List.of("ages", "23.6 ± 5.1 years,"), Text.wrap("ages 23.6 ± 5.1 years,", 10));
    }

    @Test
    void hangingIndentWrapsUnderTheFirstLinesText() {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        Text.hanging(w, "  label  ", "aaa bbb ccc", 7);
        Text.hanging(w, "  - ", "    ", "dd ee", 2);
        w.flush();
        assertEquals(String.join(System.lineSeparator(), "  label  aaa bbb", "         ccc", "  - dd", "    ee", ""),
                out.toString());
    }

    @Test
    void clockCountsHoursPastADay() {
        assertEquals("0:00:00", Text.clock(0));
        assertEquals("1:30:05", Text.clock(1.5 + 5 / 3600.0));
        assertEquals("26:00:00", Text.clock(26));
    }

    @Test
    void longRunsOfOneKindOfWarningAreCollapsed() {
        List<Warning> ws = List.of(Warning.text(Warning.Code.ASSUMPTION, "a"),
                Warning.text(Warning.Code.ASSUMPTION, "b"), Warning.text(Warning.Code.ADJUSTMENT, "x"),
                Warning.text(Warning.Code.ASSUMPTION, "c"), Warning.text(Warning.Code.ASSUMPTION, "d"));
        assertEquals(List.of("a", "... and 3 more of the same kind (assumption; all are in --json)", "x"),
                Run.collapse(ws, 1));
        assertEquals(List.of("a", "b", "c", "d", "x"), Run.collapse(ws, 3));
    }

    @Test
    void spansReadAsHoursAndMinutes() {
        assertEquals("40 min", Text.hoursMinutes(40.0 / 60));
        assertEquals("1 h 30 min", Text.hoursMinutes(1.5));
        assertEquals("9 d 4 h", Text.hoursMinutes(220));
        assertEquals("11 d 40 min", Text.hoursMinutes(264 + 40.0 / 60));
        assertEquals("17 d 12 h 40 min", Text.hoursMinutes(420 + 40.0 / 60));
        assertEquals("47 h 59 min", Text.hoursMinutes(47 + 59.0 / 60));
        assertEquals("2 min 30 s", Text.hoursMinutes(2.5 / 60));
        assertEquals("0 h", Text.hoursMinutes(0));
    }

    @Test
    void aTableKeepsToItsWidthByWrappingColumnNamesAndLiftingLongRowNames() {
        Text.Table names = new Text.Table(true, "metric / series", "median", "5th–95th");
        names.row("Cmax (ng/mL)");
        names.row("    a label typed by someone who likes to explain", "253.1", "200.0–300.0");
        names.row("    short", "1400", "1300–1500");
        List<String> lines = names.render(2, 40);
        assertEquals(List.of(
                "  metric / series   median      5th–95th",
                "  --------------------------------------",
                "  Cmax (ng/mL)",
                "      a label typed by someone who likes",
                "      to explain",
                "                     253.1   200.0–300.0",
                "      short           1400     1300–1500"), lines);

        Text.Table columns = new Text.Table(true, "", "a label typed by someone who likes to explain", "b");
        columns.row("peak (ng/mL)", "107.3", "155.2");
        List<String> wrapped = columns.render(2, 40);
        // the long name wraps beside the row names; the two columns still do not fit side by side
        assertEquals(List.of(
                "                     a label typed by",
                "                 someone who likes to",
                "                              explain",
                "  -----------------------------------",
                "  peak (ng/mL)                  107.3",
                "",
                "                     b",
                "  --------------------",
                "  peak (ng/mL)   155.2"), wrapped);

        // a name of one word longer than the room cannot wrap: it stays whole (no endless reshaping)
        Text.Table word = new Text.Table(true, "", "age=80,weight=60,height=170,sex=female,creatinine=2mg/dL", "b");
        word.row("peak", "1", "2");
        List<String> whole = word.render(2, 40);
        assertTrue(whole.get(0).endsWith("age=80,weight=60,height=170,sex=female,creatinine=2mg/dL"), whole::toString);
        assertEquals("  peak                                                          1", whole.get(2));
        assertEquals("  peak   2", whole.get(whole.size() - 1));
    }
}
