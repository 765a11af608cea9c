package org.ketaminepk.base;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Thrown when a caller supplies a value the library cannot use. It carries what is wrong as data — the field, the
 * value, the unit, the valid range and a hint — and {@link #getMessage()} turns them into the one line a person
 * reads ("weight must be between 0.5 and 350 kg but was 400"). The line is built the first time it is asked for,
 * not when the exception is thrown, so code that catches and handles the exception pays nothing for it (only a
 * {@link Kind#STATEMENT} or {@link Kind#TEXT} thrower words its own sentence, on the path that throws).
 *
 * <p>A front end that names the field differently (an option {@code --weight} for the field {@code weight}) asks
 * for the same sentence about its own name with {@link #messageAbout(String)} or {@link #renamed(String, String)};
 * it never edits the text.
 *
 * <p>What a problem does not have (a value, a unit, a numeric range, a hint) is empty, never a null, a NaN or
 * "".
 *
 * <p>Not for internal failures: those are ordinary {@link IllegalStateException}s.
 *
 * <p>Its data do not change once made ({@link #withHint}, {@link #within} and {@link #renamed} return new
 * exceptions; the message is written once, on first use), so it may be read from any thread.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 2L;

    /** The kinds of problem, each with the sentence that states it; the sentence starts with the field's name. */
    public enum Kind {
        /** "{name} must be between {min} and {max} {unit} but was {value}". */
        OUT_OF_RANGE,
        /** "{name} must be greater than 0 and at most {max} {unit} but was {value}". */
        NOT_POSITIVE,
        /** "{name} must be between 0 and {max} {unit} but was {value}". */
        NEGATIVE,
        /** "{name} must be a fraction between 0 and 1 but was {value}". */
        NOT_A_FRACTION,
        /** "{name} is required but was missing". */
        MISSING,
        /** "{name} must be one of {accepted} but was '{value}'". */
        NOT_ONE_OF,
        /** "{name} {statement}": a sentence about the field that the thrower words itself. */
        STATEMENT,
        /** A sentence that does not start with the field's name; a front end prefixes its own name and a colon. */
        TEXT
    }

    private final Kind kind;
    private final String field;
    /** How the sentence names the field; null until renamed (the field itself names it). */
    private final String name;
    /** The offending value; null when there is none (never leaves this class as null). */
    private final Object value;
    private final String unit;
    /** The valid range; NaN when there is no numeric range (never leaves this class as NaN). */
    private final double min;
    private final double max;
    /** The accepted values (NOT_ONE_OF) or the rest of the sentence (STATEMENT, TEXT). */
    private final String words;
    /** What to do about it; null when there is no hint (never leaves this class as null). */
    private final String hint;
    private transient volatile String message;
    /**
     * The value as the user wrote it ("1e400"), shown instead of the number read from it; null when not known. Set
     * only on a new copy before it is thrown (see {@link #writtenAs}).
     */
    private String written;

    private InvalidInputException(Kind kind, String field, String name, Object value, String unit, double min,
            double max, String words, String hint, Throwable cause) {
        super((String) null);
        if (cause != null) {
            initCause(cause);
        }
        this.kind = kind;
        this.field = field;
        this.name = name;
        this.value = value;
        this.unit = unit == null ? "" : unit;
        this.min = min;
        this.max = max;
        this.words = words;
        this.hint = hint;
    }

    /**
     * For subclasses that word a {@link Kind#STATEMENT} or {@link Kind#TEXT} themselves, lazily, in {@link #words()}.
     *
     * @param kind {@link Kind#STATEMENT} or {@link Kind#TEXT}
     * @param field the name of the offending field
     * @param value the offending value
     * @throws InvalidInputException for a missing value (use {@link #InvalidInputException(Kind, String)} for a
     *         problem without one)
     */
    protected InvalidInputException(Kind kind, String field, Object value) {
        this(kind, field, null, Checks.notNull("value", value), "", Double.NaN, Double.NaN, null, null, null);
    }

    /**
     * For subclasses that word a {@link Kind#STATEMENT} or {@link Kind#TEXT} about no particular value themselves,
     * lazily, in {@link #words()}.
     *
     * @param kind {@link Kind#STATEMENT} or {@link Kind#TEXT}
     * @param field the name of the offending field
     */
    protected InvalidInputException(Kind kind, String field) {
        this(kind, field, null, null, "", Double.NaN, Double.NaN, null, null, null);
    }

    /**
     * A problem stated in the thrower's own words (kind {@link Kind#TEXT}).
     *
     * @param field the name of the offending field, as the user knows it (e.g. {@code weight})
     * @param message the whole one-line message
     */
    public InvalidInputException(String field, String message) {
        this(Kind.TEXT, field, null, null, "", Double.NaN, Double.NaN, message, null, null);
    }

    /** @return "{field} must be between {min} and {max} {unit} but was {value}" */
    public static InvalidInputException outOfRange(String field, double value, double min, double max, String unit) {
        return new InvalidInputException(Kind.OUT_OF_RANGE, field, null, value, unit, min, max, null, null, null);
    }

    /** @return "{field} must be greater than 0 and at most {max} {unit} but was {value}" */
    public static InvalidInputException notPositive(String field, double value, double max, String unit) {
        return new InvalidInputException(Kind.NOT_POSITIVE, field, null, value, unit, 0, max, null, null, null);
    }

    /** @return "{field} must be between 0 and {max} {unit} but was {value}" */
    public static InvalidInputException negative(String field, double value, double max, String unit) {
        return new InvalidInputException(Kind.NEGATIVE, field, null, value, unit, 0, max, null, null, null);
    }

    /** @return "{field} must be a fraction between 0 and 1 but was {value}" */
    public static InvalidInputException notAFraction(String field, double value) {
        return new InvalidInputException(Kind.NOT_A_FRACTION, field, null, value, "", 0, 1, null, null, null);
    }

    /** @return "{field} is required but was missing" */
    public static InvalidInputException missing(String field) {
        return new InvalidInputException(Kind.MISSING, field, null, null, "", Double.NaN, Double.NaN, null, null,
                null);
    }

    /**
     * @param accepted the accepted values as people read them ("male, female")
     * @return "{field} must be one of {accepted} but was '{text}'"
     */
    public static InvalidInputException notOneOf(String field, String text, String accepted) {
        return new InvalidInputException(Kind.NOT_ONE_OF, field, null, text, "", Double.NaN, Double.NaN, accepted,
                null, null);
    }

    /**
     * @param statement the rest of the sentence ("must hold at most 100 doses but had 120")
     * @param value the offending value, for callers that read it
     * @return "{field} {statement}"
     * @throws InvalidInputException for a missing value (use {@link #statement(String, String)} for a problem
     *         without one)
     */
    public static InvalidInputException statement(String field, Object value, String statement) {
        return new InvalidInputException(Kind.STATEMENT, field, null, Checks.notNull("value", value), "",
                Double.NaN, Double.NaN, statement, null, null);
    }

    /**
     * A statement about a field without a particular offending value (its {@link #value()} is empty).
     *
     * @param statement the rest of the sentence ("must accept every task but refused task 3 of 8")
     * @return "{field} {statement}"
     */
    public static InvalidInputException statement(String field, String statement) {
        return new InvalidInputException(Kind.STATEMENT, field, null, null, "", Double.NaN, Double.NaN, statement,
                null, null);
    }

    /**
     * @param text what to do about it
     * @return a copy that ends with {@code "; " + text}
     * @throws InvalidInputException for a missing text
     */
    public InvalidInputException withHint(String text) {
        InvalidInputException e = new InvalidInputException(kind, field, name, value, unit, min, max, words(),
                Checks.notNull("hint", text), getCause());
        e.written = written;
        return e;
    }

    /**
     * The same problem with its value shown as the user wrote it: "weight must be between 0.5 and 350 kg but was
     * 1e400", where the number read from "1e400" is infinite and would be shown as "Infinity". For readers of user
     * text (files, options), which check the number they read and know the text it came from. Only a numeric value
     * of a range check is shown this way; {@link #value()} stays the number. The stack trace is the original's.
     *
     * @param text the value as written, e.g. a cell of a file ("1e400", "90 min"); blank or null for unknown
     * @return the copy, or this exception when it has no numeric value or the text is blank
     */
    public InvalidInputException writtenAs(String text) {
        if (!(value instanceof Double) || text == null || text.isBlank()) {
            return this;
        }
        InvalidInputException e = new InvalidInputException(kind, field, name, value, unit, min, max, words(), hint,
                getCause());
        e.written = text.strip();
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * The same problem about a field named differently, e.g. the option {@code --weight} for the library's
     * {@code weight}: the sentence starts with {@code newName} instead (a {@link Kind#TEXT} sentence is prefixed
     * by {@code newName + ": "}). The stack trace is the original's.
     *
     * @param newField the field as the caller knows it
     * @param newName how the sentence names it
     * @return the renamed exception
     */
    public InvalidInputException renamed(String newField, String newName) {
        InvalidInputException e = new InvalidInputException(kind, newField, newName, value, unit, min, max,
                words(), hint, getCause());
        e.written = written;
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * This problem reported inside a larger context: "{context}: {this message}", e.g.
     * {@code --patient 'age=200': age must be between 0 and 120 years but was 200}. This exception becomes the cause.
     *
     * @param newField the field as the caller knows it
     * @param context what the message starts with
     * @return the new exception, of kind {@link Kind#TEXT}
     */
    public InvalidInputException within(String newField, String context) {
        InvalidInputException inner = this;
        InvalidInputException e = new InvalidInputException(Kind.TEXT, newField, context, null, "", Double.NaN,
                Double.NaN, null, null, inner) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String words() {
                return inner.getMessage();
            }
        };
        return e;
    }

    /** @return the kind of problem */
    public Kind kind() {
        return kind;
    }

    /** @return the name of the offending field */
    public String field() {
        return field;
    }

    /** @return the offending value: a {@link Double} or the text given; empty when there is none (or not known) */
    public Optional<Object> value() {
        return Optional.ofNullable(value);
    }

    /** @return the unit of the value and of the range, empty when it has none */
    public Optional<String> unit() {
        return unit.isEmpty() ? Optional.empty() : Optional.of(unit);
    }

    /** @return the smallest valid value, empty when there is no numeric range */
    public OptionalDouble min() {
        return Double.isNaN(min) ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    /** @return the largest valid value, empty when there is no numeric range */
    public OptionalDouble max() {
        return Double.isNaN(max) ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    /** @return what to do about it, empty when nothing is suggested */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** @return the rest of the sentence after the field's name (STATEMENT), or all of it (TEXT) */
    protected String words() {
        return words;
    }

    /** @return the one-line message, built on first use */
    @Override
    public String getMessage() {
        String m = message;
        if (m == null) {
            m = name == null ? render(field, false) : render(name, true);
            message = m;
        }
        return m;
    }

    /**
     * @param subject how to name the field, e.g. {@code --weight}
     * @return the message with the field called {@code subject}
     */
    public String messageAbout(String subject) {
        return render(subject, true);
    }

    /** @param named whether {@code subject} is a caller's name for the field (a TEXT sentence is then prefixed) */
    private String render(String subject, boolean named) {
        StringBuilder b = new StringBuilder(96);
        switch (kind) {
            case OUT_OF_RANGE:
                b.append(subject).append(" must be between ").append(bound(min)).append(" and ").append(bound(max));
                unitAndValue(b);
                break;
            case NOT_POSITIVE:
                b.append(subject).append(" must be greater than 0 and at most ").append(bound(max));
                unitAndValue(b);
                break;
            case NEGATIVE:
                b.append(subject).append(" must be between 0 and ").append(bound(max));
                unitAndValue(b);
                break;
            case NOT_A_FRACTION:
                b.append(subject).append(" must be a fraction between 0 and 1 but was ").append(shown());
                break;
            case MISSING:
                b.append(subject).append(" is required but was missing");
                break;
            case NOT_ONE_OF:
                b.append(subject).append(" must be one of ").append(words).append(" but was '").append(value)
                        .append('\'');
                break;
            case STATEMENT:
                b.append(subject).append(' ').append(words());
                break;
            default:
                if (named) {
                    b.append(subject).append(": ");
                }
                b.append(words());
                break;
        }
        if (hint != null) {
            b.append("; ").append(hint);
        }
        return b.toString();
    }

    private void unitAndValue(StringBuilder b) {
        if (!unit.isEmpty()) {
            b.append(' ').append(unit);
        }
        b.append(" but was ").append(shown());
    }

    private static String bound(double v) {
        return Checks.fmt(v);
    }

    /**
     * The value as written when a reader gave it; else with as many digits as it takes to tell it from the bound it
     * crossed.
     */
    private String shown() {
        if (written != null) {
            return written;
        }
        if (!(value instanceof Double)) {
            return String.valueOf(value);
        }
        double v = (Double) value;
        String s = Checks.fmt(v);
        boolean looksLikeBound = (v != min && s.equals(Checks.fmt(min))) || (v != max && s.equals(Checks.fmt(max)));
        return looksLikeBound ? Checks.exact(v) : s;
    }
}
