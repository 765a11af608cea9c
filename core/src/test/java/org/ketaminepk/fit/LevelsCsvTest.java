package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;

class LevelsCsvTest {
    private static List<Level> read(String s) {
        return LevelsCsv.read(new StringReader(s), "levels.csv");
    }

    @Test
    void readsUnitsAndCensoredLevels() {
        List<Level> l = read("time,analyte,value,lloq\n90min,ketamine,0.2 mg/L,5 ng/mL\n6,norketamine,1 umol/L,\n"
                + "24,ketamine,<LLOQ,5 ng/mL\n");
        assertEquals(1.5, l.get(0).timeH());
        assertEquals(200, l.get(0).valueNgPerMl().getAsDouble(), 1e-12);
        assertEquals(OptionalDouble.of(5), l.get(0).lloqNgPerMl());
        assertEquals(Analyte.NORKETAMINE.molarMassGPerMol(), l.get(1).valueNgPerMl().getAsDouble(), 1e-12);
        // an empty LLOQ cell was NaN
        assertEquals(OptionalDouble.empty(), l.get(1).lloqNgPerMl());
        assertTrue(l.get(2).censored());
        // a censored value was NaN
        assertEquals(OptionalDouble.empty(), l.get(2).valueNgPerMl());
        assertEquals(OptionalDouble.of(5), l.get(2).lloqNgPerMl());
    }

    /**
     * A value beyond the header's columns was dropped: "2,ketamine,40 ng/mL,5 ng/mL" under the header
     * "time,analyte,value" read as a quantified level of 40 ng/mL and the LLOQ was lost without a word. It is refused
     * with the line and the cell; empty cells after the last column still pass.
     */
    @Test
    void aValueWithoutAColumnIsRefusedNotDropped() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read("time,analyte,value\n1,ketamine,80 ng/mL\n2,ketamine,40 ng/mL,5 ng/mL\n"));
        assertEquals("levels.csv line 3: 4 cells but the header names 3 columns (time,analyte,value); cell 4 "
                + "'5 ng/mL' has no column", e.getMessage());
        assertEquals(2, read("time,analyte,value\n1,ketamine,80 ng/mL,\n2,ketamine,40 ng/mL, ,\n").size());
    }

    @Test
    void levelsWithoutAFileNameHaveTheirOwnReader() {
        // read(in, null) named the file "levels"
        assertEquals("levels line 2, column value: a level without a value must state its LLOQ (it is below the limit "
                + "of quantification)", assertThrows(InvalidInputException.class, () -> LevelsCsv.read(
                        new StringReader("time,analyte,value\n1,ketamine,<LLOQ\n"))).getMessage());
        assertEquals("source is required but was missing", assertThrows(InvalidInputException.class,
                () -> LevelsCsv.read(new StringReader("time,analyte,value\n1,ketamine,5\n"), null)).getMessage());
    }

    @Test
    void errorsNameLineAndColumn() {
        String[][] cases = {
            {"time,analyte,value\n1,ketamine,12 ng/mL\n2,ketamine,12 g\n", "levels.csv line 3, column value: level unit"},
            {"time,analyte,value\n1,ketamin,12 ng/mL\n", "levels.csv line 2, column analyte: analyte must be one of"},
            {"time,analyte,value\n1,ketamine,<LLOQ\n", "levels.csv line 2, column value: a level without a value must"},
            {"time,analyte,value,lloq\n1,ketamine,2 ng/mL,5 ng/mL\n", "line 2, column value: level 2 ng/mL is below"},
            {"time,value\n1,2 ng/mL\n", "levels.csv line 1: the header has no 'analyte' column"},
        };
        for (String[] c : cases) {
            String m = assertThrows(InvalidInputException.class, () -> read(c[0])).getMessage();
            assertTrue(m.startsWith(c[1]) || m.contains(c[1]), m);
        }
    }
}
