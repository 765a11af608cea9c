package org.ketaminepk.cli.options;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates that do not change: picocli creates a subclass by its no-argument constructor, which names
 * them. Not for lists read from the library (model and protocol ids), which {@link CommonOptions} builds on demand.
 */
abstract class FixedCandidates implements Iterable<String> {
    private final List<String> values;

    FixedCandidates(String... values) {
        this.values = List.of(values);
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }
}
