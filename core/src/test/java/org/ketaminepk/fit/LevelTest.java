package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;

/** A level holds what it lacks as empty; a NaN is refused where it used to mean "censored" or "no LLOQ". */
class LevelTest {

    private static String refused(Executable e) {
        return assertThrows(InvalidInputException.class, e).getMessage();
    }

    @Test
    void aCensoredLevelHasNoValueAndAQuantifiedOneNoLloqUnlessStated() {
        Level censored = Level.belowLloq(2, Analyte.KETAMINE, 5);
        assertEquals(OptionalDouble.empty(), censored.valueNgPerMl());
        assertEquals(OptionalDouble.of(5), censored.lloqNgPerMl());
        assertEquals(5, censored.valueOrLloqNgPerMl());
        Level measured = Level.of(2, Analyte.KETAMINE, 40);
        assertEquals(OptionalDouble.of(40), measured.valueNgPerMl());
        assertEquals(OptionalDouble.empty(), measured.lloqNgPerMl());
        assertEquals(OptionalDouble.of(5), measured.withLloqNgPerMl(5).lloqNgPerMl());
        assertEquals(40, measured.valueOrLloqNgPerMl());
    }

    @Test
    void noNaNStandsForAMissingValueOrLloq() {
        // Level.of(t, a, NaN) was a censored level, and new Level(.., NaN) a level without an LLOQ
        assertEquals("level must be between 0 and 100000 ng/mL but was NaN",
                refused(() -> Level.of(2, Analyte.KETAMINE, Double.NaN)));
        assertEquals("LLOQ must be greater than 0 and at most 100000 ng/mL but was NaN",
                refused(() -> Level.belowLloq(2, Analyte.KETAMINE, Double.NaN)));
        assertEquals("LLOQ must be greater than 0 and at most 100000 ng/mL but was NaN", refused(() -> new Level(2,
                Analyte.KETAMINE, OptionalDouble.of(40), OptionalDouble.of(Double.NaN))));
        assertEquals("a level without a value must state its LLOQ (it is below the limit of quantification)",
                refused(() -> new Level(2, Analyte.KETAMINE, OptionalDouble.empty(), OptionalDouble.empty())));
        assertEquals("value is required but was missing",
                refused(() -> new Level(2, Analyte.KETAMINE, null, OptionalDouble.empty())));
        assertEquals("level 4 ng/mL is below its LLOQ 5 ng/mL; report it as below the LLOQ (\"<LLOQ\")",
                refused(() -> Level.of(2, Analyte.KETAMINE, 4).withLloqNgPerMl(5)));
    }
}
