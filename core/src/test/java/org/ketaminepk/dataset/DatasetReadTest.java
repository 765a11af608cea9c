package org.ketaminepk.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;

class DatasetReadTest {

    static Dataset read(String text) {
        return Dataset.read(new StringReader(text), "study.csv");
    }

    static String error(String text) {
        return assertThrows(InvalidInputException.class, () -> DatasetSimulation.of(Models.OTTO_2021)
                .simulate(read(text))).getMessage();
    }

    @Test
    void readsCommaAndBlankSeparatedAlike() {
        Dataset a = read("ID,TIME,AMT,CMT,EVID,DV\n1,0,50,iv,1,.\n1,2,0,2,0,120\n");
        Dataset b = read("ID TIME AMT CMT EVID DV\n1 0 50 iv 1 .\n1 2 0 2 0 120\n");
        assertEquals(a.records().size(), b.records().size());
        assertEquals(50, b.records().get(0).amountMg());
        assertEquals(Optional.of("2"), b.records().get(1).cmt());
        assertTrue(b.records().get(0).dose());
    }

    @Test
    void aMissingCellIsEmptyNotNullOrNaN() {
        // DUR was NaN, CMT null, a short line's cells null, cell(..) null and column(..) -1 for what was missing
        Dataset d = read("ID,TIME,AMT,RATE,DUR,CMT,WT\n1,0,50,-2,0.5,iv,70\n1,1,.,.,.,.\n1,2\n");
        Dataset.Record dose = d.records().get(0);
        assertEquals(OptionalDouble.of(0.5), dose.durationH());
        assertEquals(Optional.of("iv"), dose.cmt());
        Dataset.Record dots = d.records().get(1);
        assertEquals(OptionalDouble.empty(), dots.durationH());
        assertEquals(Optional.empty(), dots.cmt());
        Dataset.Record shortLine = d.records().get(2);
        assertEquals(List.of("1", "2", "", "", "", "", ""), shortLine.cells());
        assertEquals(Optional.empty(), shortLine.cmt());
        assertEquals(Optional.of("70"), d.cell(dose, "WT"));
        assertEquals(Optional.empty(), d.cell(dots, "WT"));
        assertEquals(Optional.empty(), d.cell(shortLine, "WT"));
        assertEquals(Optional.empty(), d.cell(dose, "AGE"));
        assertEquals(OptionalInt.of(6), d.column("WT"));
        assertEquals(OptionalInt.empty(), d.column("AGE"));
    }

    @Test
    void aDatasetWithoutAFileNameHasItsOwnReader() {
        // read(in, null) named the file "dataset"
        assertEquals("dataset", Dataset.read(new StringReader("ID,TIME\n1,0\n")).source());
        assertEquals("source is required but was missing", assertThrows(InvalidInputException.class,
                () -> Dataset.read(new StringReader("ID,TIME\n1,0\n"), null)).getMessage());
    }

    @Test
    void withoutEvidAnAmountIsADose() {
        Dataset d = read("ID,TIME,AMT,CMT\n1,0,50,1\n1,1,,\n");
        assertEquals(1, d.records().get(0).evid());
        assertEquals(0, d.records().get(1).evid());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no ID column|TIME,AMT\\n0,1\\n|line 1: the header has no ID column",
        "missing ID|ID,TIME\\n,0\\n|study.csv line 2, column ID: ID is missing",
        "missing TIME|ID,TIME\\n1,\\n|study.csv line 2, column TIME: TIME is missing",
        "time backwards|ID,TIME,AMT,CMT\\n1,5,10,iv\\n1,2,,\\n|study.csv line 3, column TIME: TIME 2 h is earlier than 5 h on line 2 for ID 1",
        "not a number|ID,TIME,AMT,CMT\\n1,0,ten,iv\\n|study.csv line 2, column AMT: AMT must be a number but was 'ten'",
        "negative rate|ID,TIME,AMT,RATE,CMT,EVID\\n1,0,10,-3,iv,1\\n|study.csv line 2, column RATE: RATE must be 0 (bolus)",
        "rate on observation|ID,TIME,AMT,RATE,EVID\\n1,0,0,5,0\\n|study.csv line 2, column RATE: RATE must be 0 or missing on a record with EVID 0",
        "SS without II|ID,TIME,AMT,CMT,EVID,SS,II\\n1,0,10,iv,1,1,0\\n|study.csv line 2, column II: SS 1 needs the dosing interval II > 0 h",
        "ADDL without II|ID,TIME,AMT,CMT,EVID,ADDL\\n1,0,10,iv,1,3\\n|study.csv line 2, column ADDL: ADDL > 0 needs the interval II > 0 h",
        "bad EVID|ID,TIME,EVID\\n1,0,7\\n|study.csv line 2, column EVID: EVID must be a whole number from 0 to 4 but was 7",
        "RATE -2 without DUR|ID,TIME,AMT,RATE,CMT\\n1,0,10,-2,iv\\n|study.csv line 2, column DUR: RATE -2 takes the duration from DUR, which is missing",
        "ID again|ID,TIME\\n1,0\\n2,0\\n1,1\\n|study.csv line 4, column ID: ID 1 appears again after other IDs",
        "DV NaN|ID,TIME,AMT,CMT,DV\\n1,0,10,iv,.\\n1,1,,ketamine,NaN\\n|study.csv line 3, column DV: DV must be a number but was 'NaN'",
        "DV a word|ID,TIME,AMT,CMT,DV\\n1,0,10,iv,.\\n1,1,,ketamine,BQL\\n|study.csv line 3, column DV: DV must be a number but was 'BQL'",
        "DV too large|ID,TIME,AMT,CMT,DV\\n1,0,10,iv,.\\n1,1,,ketamine,1e400\\n|study.csv line 3, column DV: DV must be finite but was '1e400'",
    })
    void parsingErrorsNameFileLineAndColumn(String what, String text, String expected) {
        String message = error(text.replace("\\n", "\n"));
        assertTrue(message.contains(expected), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dose without CMT|ID,TIME,AMT\\n1,0,10\\n|study.csv line 2, column CMT: a dose (AMT 10 mg) needs a CMT naming a route of otto-2021",
        "unknown route number|ID,TIME,AMT,CMT\\n1,0,10,42\\n|study.csv line 2, column CMT: CMT '42' is not a dosing compartment of otto-2021",
        "observation of a route|ID,TIME,AMT,CMT,EVID\\n1,0,10,iv,1\\n1,1,0,iv,0\\n|study.csv line 3, column CMT: CMT 'iv' is not an observation compartment",
        "modelled rate|ID,TIME,AMT,RATE,CMT\\n1,0,10,-1,iv\\n|study.csv line 2, column RATE: RATE -1 asks for an input rate set by the model, but otto-2021 sets none",
        "bad weight|ID,TIME,AMT,CMT,WT\\n1,0,10,iv,900\\n|study.csv line 2, column WT: weight",
        "bad sex|ID,TIME,AMT,CMT,SEX\\n1,0,10,iv,2\\n|study.csv line 2, column SEX: sex must be one of male, female but was '2'",
    })
    void modelErrorsNameFileLineAndColumn(String what, String text, String expected) {
        String message = error(text.replace("\\n", "\n"));
        assertTrue(message.contains(expected), message);
    }

    @Test
    void aBrokenLaterIndividualStopsTheWholeRun() {
        String text = "ID,TIME,AMT,CMT\n1,0,10,iv\n1,1,,\n2,0,10,99\n";
        assertTrue(error(text).startsWith("study.csv line 4, column CMT"));
    }

    /**
     * A DV of NaN was written back to the output as 'NaN', while an AMT of NaN is refused: DV is now read as a
     * number. NONMEM's missing DV, '.' or an empty cell, still passes, as does any number, written back as written.
     */
    @Test
    void aMissingDvStaysMissingAndANumberIsWrittenBackAsWritten() {
        Dataset d = read("ID,TIME,AMT,CMT,DV\n1,0,10,iv,.\n1,1,,ketamine,\n1,2,,ketamine,8.50\n1,3,,ketamine,-0.2\n");
        java.io.StringWriter w = new java.io.StringWriter();
        DatasetSimulation.of(Models.OTTO_2021).simulate(d).write(w);
        String[] lines = w.toString().split("\n");
        assertTrue(lines[1].endsWith(",10,iv,."), lines[1]);
        assertTrue(lines[2].endsWith(",ketamine,"), lines[2]);
        assertTrue(lines[3].endsWith(",ketamine,8.50"), lines[3]);
        assertTrue(lines[4].endsWith(",ketamine,-0.2"), lines[4]);
    }

    /**
     * A steady state of 10 mg every 0.0001 h (SS 1, II 0.0001) predicts about a million ng/mL of ketamine, and the
     * dataset drew no warning: each dose is within the label. The highest prediction far above the anaesthetic
     * range is named with its line, ID and time.
     */
    @Test
    void aPredictionFarAboveTheAnaestheticRangeIsWarnedWithItsLine() {
        DatasetResult r = DatasetSimulation.of(Models.OTTO_2021).simulate(read(
                "ID,TIME,AMT,CMT,EVID,SS,II\n1,0,10,iv,1,1,0.0001\n1,1,,ketamine,0,,\n2,0,10,iv,1,,\n2,1,,ketamine,0,,\n"));
        List<String> far = r.warnings().stream().map(org.ketaminepk.model.Warning::message)
                .filter(m -> m.startsWith("ketamine reaches")).toList();
        assertEquals(1, far.size(), r.warnings().toString());
        assertTrue(far.get(0).matches("ketamine reaches 1050000 ng/mL on line 2 \\(ID 1, 0 h\\), 438 times the upper "
                + "edge of the anaesthetic range \\(1200–2400 ng/mL after 1–2 mg/kg iv; Zanos P et al\\..*"), far.get(0));
        DatasetResult usual = DatasetSimulation.of(Models.OTTO_2021).simulate(read(
                "ID,TIME,AMT,CMT,EVID,SS,II\n1,0,10,iv,1,1,24\n1,1,,ketamine,0,,\n"));
        assertTrue(usual.warnings().stream().noneMatch(w -> w.message().startsWith("ketamine reaches")));
    }

    @Test
    void unknownColumnsAreKeptAndWrittenBack() {
        Dataset d = read("ID,TIME,AMT,CMT,STUDY,DV\n7,0,50,iv,A12,.\n7,1,,ketamine,A12,80.5\n");
        DatasetResult r = DatasetSimulation.of(Models.OTTO_2021).simulate(d);
        java.io.StringWriter w = new java.io.StringWriter();
        r.write(w);
        String[] lines = w.toString().split("\n");
        assertEquals("ID,TIME,EVID,PRED_KETAMINE,PRED_NORKETAMINE,AMT,CMT,STUDY,DV", lines[0]);
        assertTrue(lines[2].startsWith("7,1,0,"), lines[2]);
        assertTrue(lines[2].endsWith(",ketamine,A12,80.5"), lines[2]);
    }

    @Test
    void numbersKeepSixSignificantDigits() {
        assertEquals("175.439", DatasetResult.number(175.4391234));
        assertEquals("0.0123457", DatasetResult.number(0.01234567));
        assertEquals("6.24581E-15", DatasetResult.number(6.245814e-15));
        assertEquals("1200", DatasetResult.number(1200.0000001));
        assertEquals("123457000", DatasetResult.number(123456789));
        assertEquals("0", DatasetResult.number(0));
    }
}
