package org.ketaminepk.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dataset.Dataset;
import org.ketaminepk.dataset.DatasetSimulation;
import org.ketaminepk.fit.LevelsCsv;
import org.ketaminepk.library.Models;
import org.ketaminepk.population.PatientCsv;
import org.ketaminepk.population.PatientDistributions;
import org.ketaminepk.target.TargetSchedule;

/**
 * A reader of user text that refuses a number says what was written: a number beyond the doubles ("1e400") is read
 * as infinite, and its refusal said "but was Infinity", a word the file never held.
 */
class WrittenNumberProperties {

    /** Numbers beyond the doubles, either sign, and what the characters of a number can spell. */
    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(309, 99_999).map(e -> "1e" + e),
                Arbitraries.integers().between(309, 99_999).map(e -> "-2.5E+" + e),
                Arbitraries.strings().withChars("0123456789.eE+-").ofMinLength(1).ofMaxLength(7),
                Arbitraries.of("NaN", "1e400", "-1e400"));
    }

    /** Every reader of numbers in a file, a cell holding {@code n}: "where|text". */
    private static List<Runnable> readers(String n) {
        return List.of(
                () -> PatientCsv.read(new StringReader("age,weight,height,sex\n" + n + ",70,175,male\n")),
                () -> PatientCsv.read(new StringReader("age,weight,height,sex\n40," + n + ",175,male\n")),
                () -> PatientCsv.read(new StringReader("age,weight,height,sex\n40,70," + n + ",male\n")),
                () -> PatientCsv.read(new StringReader("age,weight,height,sex,egfr\n40,70,175,male," + n + "\n")),
                () -> PatientCsv.read(new StringReader("age,weight,height,sex,clcr\n40,70,175,male," + n + "\n")),
                () -> PatientCsv.read(new StringReader("age,weight,height,sex,creatinine\n40,70,175,male," + n
                        + " mg/dL\n")),
                () -> LevelsCsv.read(new StringReader("time,analyte,value\n" + n + ",ketamine,100 ng/mL\n"), "l.csv"),
                () -> LevelsCsv.read(new StringReader("time,analyte,value\n" + n + " min,ketamine,100 ng/mL\n"),
                        "l.csv"),
                () -> LevelsCsv.read(new StringReader("time,analyte,value\n1,ketamine," + n + " ng/mL\n"), "l.csv"),
                () -> LevelsCsv.read(new StringReader("time,analyte,value\n1,ketamine," + n + " ug/mL\n"), "l.csv"),
                () -> LevelsCsv.read(new StringReader("time,analyte,value,lloq\n1,ketamine,100 ng/mL," + n
                        + " ng/mL\n"), "l.csv"),
                () -> simulateDataset("ID,TIME,AMT,CMT,WT\n1,0,100,1," + n + "\n1,1,.,2,.\n"),
                () -> simulateDataset("ID,TIME,AMT,CMT,AGE\n1,0,100,1," + n + "\n1,1,.,2,.\n"),
                () -> simulateDataset("ID,TIME,AMT,CMT,HT\n1,0,100,1," + n + "\n1,1,.,2,.\n"),
                () -> simulateDataset("ID,TIME,AMT,CMT,CRCL\n1,0,100,1," + n + "\n1,1,.,2,.\n"),
                () -> simulateDataset("ID,TIME,AMT,CMT,EGFR\n1,0,100,1," + n + "\n1,1,.,2,.\n"),
                () -> simulateDataset("ID,TIME,AMT,CMT\n1," + n + ",100,1\n"),
                () -> TargetSchedule.parse(n + " ng/mL for 1 h"),
                () -> TargetSchedule.parse(n + " µg/mL for 1 h"));
    }

    private static void simulateDataset(String text) {
        DatasetSimulation.of(Models.OTTO_2021).simulate(Dataset.read(new StringReader(text), "d.csv"));
    }

    @Property(tries = 150)
    void aRefusedNumberIsShownAsWritten(@ForAll("numbers") String n) {
        for (Runnable r : readers(n)) {
            try {
                r.run();
            } catch (InvalidInputException e) {
                String m = e.getMessage();
                assertFalse(!n.contains("Infinity") && m.contains("Infinity"), () -> m + " for '" + n + "'");
                assertFalse(!n.contains("NaN") && m.contains("NaN"), () -> m + " for '" + n + "'");
            }
        }
    }

    /** Each reader refuses 1e400, -1e400 and NaN naming the field and showing the text. */
    @Example
    void eachReaderSaysWhatWasWritten() {
        for (String n : new String[] {"1e400", "-1e400"}) {
            assertEquals("line 2: weight must be between 0.5 and 350 kg but was " + n, message(() -> PatientCsv.read(
                    new StringReader("age,weight,height,sex\n40," + n + ",175,male\n"))));
            assertEquals("line 2: eGFR must be between 1 and 250 mL/min/1.73 m² but was " + n, message(() ->
                    PatientCsv.read(new StringReader("age,weight,height,sex,egfr\n40,70,175,male," + n + "\n"))));
            assertEquals("line 2: serum creatinine must be between 0.1 and 25 mg/dL but was " + n + " mg/dL",
                    message(() -> PatientCsv.read(new StringReader("age,weight,height,sex,creatinine\n40,70,175,"
                            + "male," + n + " mg/dL\n"))));
            assertEquals("l.csv line 2, column value: level must be between 0 and 100000 ng/mL but was " + n
                    + " ug/mL", message(() -> LevelsCsv.read(new StringReader("time,analyte,value\n1,ketamine," + n
                            + " ug/mL\n"), "l.csv")));
            // the time was refused as "column value", where the level's own check found it
            assertEquals("l.csv line 2, column time: level time must be between 0 and 87660 h but was " + n
                    + " min", message(() -> LevelsCsv.read(new StringReader("time,analyte,value\n" + n
                            + " min,ketamine,100 ng/mL\n"), "l.csv")));
            assertEquals("l.csv line 2, column lloq: LLOQ must be greater than 0 and at most 100000 ng/mL but was "
                    + n + " ng/mL", message(() -> LevelsCsv.read(new StringReader("time,analyte,value,lloq\n1,"
                            + "ketamine,100 ng/mL," + n + " ng/mL\n"), "l.csv")));
            assertEquals("d.csv line 2, column WT: weight must be between 0.5 and 350 kg but was " + n,
                    message(() -> simulateDataset("ID,TIME,AMT,CMT,WT\n1,0,100,1," + n + "\n1,1,.,2,.\n")));
            assertEquals("target must be 0 (stop) or between 1 and 5000 ng/mL but was " + n + " µg/mL in '" + n
                    + " µg/mL for 1 h'", message(() -> TargetSchedule.parse(n + " µg/mL for 1 h")));
        }
        assertEquals("line 2: weight must be a number but was 'NaN'", message(() -> PatientCsv.read(
                new StringReader("age,weight,height,sex\n40,NaN,175,male\n"))));
        assertEquals("l.csv line 2, column time: time must be a number of hours or a number with min, h or d but "
                + "was 'NaN'", message(() -> LevelsCsv.read(new StringReader("time,analyte,value\nNaN,ketamine,"
                        + "100 ng/mL\n"), "l.csv")));
        assertEquals("l.csv line 2, column value: level must be a number with its unit (ng/mL, ug/L, ug/mL, mg/L, "
                + "nmol/L, umol/L) but was 'NaN ng/mL'", message(() -> LevelsCsv.read(new StringReader("time,"
                        + "analyte,value\n1,ketamine,NaN ng/mL\n"), "l.csv")));
        // a distribution quoted its number lower-cased: 'nan'
        assertEquals("distribution item 1 'weight=NaN..120' must hold numbers but 'NaN' is not one",
                message(() -> PatientDistributions.parse("weight=NaN..120")));
        assertEquals("distribution item 1 'weight=normal(70,1E400)' must hold numbers but '1E400' is not one",
                message(() -> PatientDistributions.parse("weight=normal(70,1E400)")));
        // a covariate that is no number says which column, not "the value"
        assertEquals("d.csv line 2, column WT: WT must be a number but was 'NaN'", message(() -> simulateDataset(
                "ID,TIME,AMT,CMT,WT\n1,0,100,1,NaN\n1,1,.,2,.\n")));
    }

    private static String message(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }
}
