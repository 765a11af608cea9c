package org.ketaminepk.adjust;

import java.util.function.Supplier;

/**
 * A line of text for people that is written out only when first read: the adjuster describes every effect it
 * applies, and a population run keeps those descriptions for every patient but shows none of them. Equal when the
 * texts are equal; thread-safe.
 */
final class Words implements Supplier<String> {
    private final Supplier<String> writer;
    private volatile String text;

    private Words(Supplier<String> writer, String text) {
        this.writer = writer;
        this.text = text;
    }

    /** @return words already written (a constant) */
    static Words of(String text) {
        return new Words(null, text);
    }

    /** @return words written by {@code writer} when first read */
    static Words lazy(Supplier<String> writer) {
        return new Words(writer, null);
    }

    /** @return whether the text is already written (a constant), so that comparing it costs nothing */
    boolean written() {
        return text != null;
    }

    @Override
    public String get() {
        String t = text;
        if (t == null) {
            t = writer.get();
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Words w && w.get().equals(get());
    }

    @Override
    public int hashCode() {
        return get().hashCode();
    }
}
