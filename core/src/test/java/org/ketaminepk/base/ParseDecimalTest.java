package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Numbers in files are read in plain decimal notation only. */
class ParseDecimalTest {
    @Test
    void plainDecimalNotation() {
        assertEquals(1200, Checks.parseDecimal(" 1.2e3 "));
        assertEquals(0.5, Checks.parseDecimal(".5"));
        assertEquals(5, Checks.parseDecimal("+5."));
        assertEquals(Double.POSITIVE_INFINITY, Checks.parseDecimal("1e400"));
        for (String s : List.of("0x1p5", "70d", "170f", "NaN", "Infinity", "1.2.3", "", ".", "e5", "1e", "--1")) {
            assertThrows(NumberFormatException.class, () -> Checks.parseDecimal(s), s);
        }
    }
}
