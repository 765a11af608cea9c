package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A range error shows its value as the user wrote it when a reader gives the text: "1e400" is read as an infinite
 * double, which the message showed as "Infinity", a word the user never typed.
 */
class WrittenValueTest {

    private static InvalidInputException thrown(Runnable check) {
        return assertThrows(InvalidInputException.class, check::run);
    }

    @Test
    void aRangeErrorShowsTheValueAsWritten() {
        for (String written : new String[] {"1e400", "-1e400"}) {
            double read = Checks.parseDecimal(written);
            InvalidInputException e = thrown(() -> Checks.inRange("weight", read, 0.5, 350, "kg"));
            assertEquals("weight must be between 0.5 and 350 kg but was " + (read > 0 ? "Infinity" : "-Infinity"),
                    e.getMessage());
            InvalidInputException w = e.writtenAs(" " + written + " ");
            assertEquals("weight must be between 0.5 and 350 kg but was " + written, w.getMessage());
            // the number stays the number read
            assertEquals(read, w.value().orElseThrow());
            assertEquals("weight", w.field());
            assertEquals(e.kind(), w.kind());
        }
        assertEquals("step must be greater than 0 and at most 2 h but was 1e400",
                thrown(() -> Checks.positive("step", Double.POSITIVE_INFINITY, 2, "h")).writtenAs("1e400")
                        .getMessage());
        assertEquals("lag must be between 0 and 10 h but was 90 min",
                thrown(() -> Checks.nonNegative("lag", 1.5 * 60, 10, "h")).writtenAs("90 min").getMessage());
        assertEquals("share must be a fraction between 0 and 1 but was 1e400",
                thrown(() -> Checks.fraction("share", Double.POSITIVE_INFINITY)).writtenAs("1e400").getMessage());
    }

    @Test
    void theWrittenValueSurvivesRenamingAHintAndAContext() {
        InvalidInputException w = thrown(() -> Checks.inRange("weight", Double.POSITIVE_INFINITY, 0.5, 350, "kg"))
                .writtenAs("1e400");
        assertEquals("--weight must be between 0.5 and 350 kg but was 1e400", w.renamed("weight", "--weight")
                .getMessage());
        assertEquals("--weight must be between 0.5 and 350 kg but was 1e400", w.messageAbout("--weight"));
        assertEquals("weight must be between 0.5 and 350 kg but was 1e400; weigh again", w.withHint("weigh again")
                .getMessage());
        assertEquals("line 2: weight must be between 0.5 and 350 kg but was 1e400", w.within("patients", "line 2")
                .getMessage());
    }

    @Test
    void withoutANumberOrWithoutTextNothingChanges() {
        InvalidInputException text = new InvalidInputException("dose", "dose is odd");
        assertSame(text, text.writtenAs("1e400"));
        InvalidInputException choice = InvalidInputException.notOneOf("sex", "x", "male, female");
        assertSame(choice, choice.writtenAs("1e400"));
        InvalidInputException range = thrown(() -> Checks.inRange("weight", 400, 0.5, 350, "kg"));
        assertSame(range, range.writtenAs(null));
        assertSame(range, range.writtenAs("  "));
    }
}
