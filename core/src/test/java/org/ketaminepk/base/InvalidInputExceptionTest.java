package org.ketaminepk.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Input errors carry their data and word it, when asked, exactly as the library always has. */
class InvalidInputExceptionTest {

    private static InvalidInputException thrown(Runnable check) {
        return assertThrows(InvalidInputException.class, check::run);
    }

    @Test
    void checksWordTheirProblemsAsBefore() {
        assertEquals("weight must be between 0.5 and 350 kg but was 400",
                thrown(() -> Checks.inRange("weight", 400, 0.5, 350, "kg")).getMessage());
        assertEquals("infusion rate must be greater than 0 and at most 1000 mg/h but was -2",
                thrown(() -> Checks.positive("infusion rate", -2, 1000, "mg/h")).getMessage());
        assertEquals("lagH must be between 0 and 1000 h but was NaN",
                thrown(() -> Checks.nonNegative("lagH", Double.NaN, 1000, "h")).getMessage());
        assertEquals("fraction must be a fraction between 0 and 1 but was 1.5",
                thrown(() -> Checks.fraction("fraction", 1.5)).getMessage());
        assertEquals("model is required but was missing", thrown(() -> Checks.notNull("model", null)).getMessage());
        assertEquals("sex must be one of male, female but was 'x'",
                InvalidInputException.notOneOf("sex", "x", "male, female").getMessage());
        // a unitless range has no stray space
        assertEquals("INR must be between 0.5 and 15 but was 20",
                thrown(() -> Checks.inRange("INR", 20, 0.5, 15, "")).getMessage());
    }

    @Test
    void theDataAreThere() {
        InvalidInputException e = thrown(() -> Checks.inRange("weight", 400, 0.5, 350, "kg"));
        assertEquals(InvalidInputException.Kind.OUT_OF_RANGE, e.kind());
        assertEquals("weight", e.field());
        assertEquals(Optional.of(400.0), e.value());
        assertEquals(Optional.of("kg"), e.unit());
        assertEquals(OptionalDouble.of(0.5), e.min());
        assertEquals(OptionalDouble.of(350), e.max());
        assertEquals(Optional.empty(), e.hint());
        InvalidInputException p = thrown(() -> Checks.positive("step", 0, 2, "h"));
        assertEquals(OptionalDouble.of(0), p.min());
        assertEquals(OptionalDouble.of(2), p.max());
        assertEquals(Optional.of("wait"), p.withHint("wait").hint());
        assertEquals("step must be greater than 0 and at most 2 h but was 0; use a longer step",
                p.withHint("use a longer step").getMessage());
    }

    @Test
    void whatAProblemLacksIsEmpty() {
        // value() was null, min() and max() NaN and hint() null for a problem without them
        InvalidInputException missing = thrown(() -> Checks.notNull("model", null));
        assertEquals(Optional.empty(), missing.value());
        assertEquals(OptionalDouble.empty(), missing.min());
        assertEquals(OptionalDouble.empty(), missing.max());
        assertEquals(Optional.empty(), missing.hint());
        // unit() was "" for a problem without one
        assertEquals(Optional.empty(), missing.unit());
        assertEquals(Optional.empty(), thrown(() -> Checks.inRange("INR", 20, 0.5, 15, "")).unit());
        InvalidInputException text = new InvalidInputException("grid", "the grid is too long");
        assertEquals(Optional.empty(), text.value());
        assertEquals(OptionalDouble.empty(), text.renamed("grid", "--grid").min());
        InvalidInputException none = InvalidInputException.statement("executor", "must accept every task");
        assertEquals("executor must accept every task", none.getMessage());
        assertEquals(Optional.empty(), none.value());
        InvalidInputException some = InvalidInputException.statement("doses", 120, "must be at most 100");
        assertEquals(Optional.of(120), some.value());
        assertEquals(Optional.of("x"), InvalidInputException.notOneOf("sex", "x", "male, female").value());
    }

    @Test
    void aMissingValueOrHintIsRefusedNotStoredAsNone() {
        assertEquals("value is required but was missing",
                thrown(() -> InvalidInputException.statement("doses", null, "must be at most 100")).getMessage());
        assertEquals("hint is required but was missing",
                thrown(() -> InvalidInputException.missing("model").withHint(null)).getMessage());
    }

    @Test
    void theSameSentenceAboutAnotherName() {
        InvalidInputException e = thrown(() -> Checks.inRange("serum creatinine", 0, 0.1, 25, "mg/dL"));
        assertEquals("--creatinine must be between 0.1 and 25 mg/dL but was 0", e.messageAbout("--creatinine"));
        InvalidInputException r = e.renamed("creatinine", "--creatinine");
        assertEquals("creatinine", r.field());
        assertEquals("--creatinine must be between 0.1 and 25 mg/dL but was 0", r.getMessage());
        assertEquals(OptionalDouble.of(0.1), r.min());
        assertEquals("serum creatinine must be between 0.1 and 25 mg/dL but was 0", e.getMessage());
        // a sentence in the thrower's own words is prefixed, never edited
        InvalidInputException text = new InvalidInputException("step", "the grid is too long");
        assertEquals("the grid is too long", text.getMessage());
        assertEquals("--step: the grid is too long", text.renamed("step", "--step").getMessage());
        assertEquals("step: the grid is too long", text.renamed("step", "step").getMessage());
        InvalidInputException within = e.within("patient", "--patient 'creatinine=0mg/dL'");
        assertEquals("--patient 'creatinine=0mg/dL': serum creatinine must be between 0.1 and 25 mg/dL but was 0",
                within.getMessage());
        assertEquals("patient", within.field());
        assertSame(e, within.getCause());
    }

    @Test
    void theLineIsBuiltWhenAskedForAndOnce() {
        Object[] built = {0};
        InvalidInputException e = new InvalidInputException(InvalidInputException.Kind.STATEMENT, "dose", "x") {
            private static final long serialVersionUID = 1L;

            @Override
            protected String words() {
                built[0] = (Integer) built[0] + 1;
                return "is odd";
            }
        };
        assertEquals(0, built[0], "nothing is worded when the exception is made");
        assertEquals("dose is odd", e.getMessage());
        assertEquals("dose is odd", e.getMessage());
        assertEquals("dose is odd", e.toString().substring(e.getClass().getName().length() + 2));
        assertEquals(1, built[0], "the line is kept once built");
    }

    /** Just past a limit, the value shows the digits that put it past; elsewhere it prints compactly. */
    @Property(tries = 500)
    void aValueOutsideTheRangeNeverPrintsAsTheLimit(@ForAll @DoubleRange(min = 1, max = 1e6) double max,
            @ForAll @IntRange(min = 3, max = 13) int digits) {
        double value = Math.nextUp(max + max * Math.pow(10, -digits));
        InvalidInputException e = thrown(() -> Checks.inRange("x", value, 0, max, "mg"));
        String shown = e.getMessage().substring(e.getMessage().lastIndexOf(' ') + 1);
        assertTrue(!shown.equals(Checks.fmt(max)), e.getMessage());
        assertEquals(value, Double.parseDouble(shown), Math.ulp(value) * 1e6 + 1e-6, e.getMessage());
    }
}
