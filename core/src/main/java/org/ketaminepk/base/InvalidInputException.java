package org.ketaminepk.base;

/**
 * Thrown when a caller supplies a value the library cannot use. The message is one line that names the field,
 * the value, the unit and the valid range, so that a command-line front end can print it as it is.
 *
 * <p>Not for internal failures: those are ordinary {@link IllegalStateException}s.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the name of the offending field, as the user knows it (e.g. {@code weightKg})
     * @param message the whole one-line message
     */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the name of the offending field */
    public String field() {
        return field;
    }
}
