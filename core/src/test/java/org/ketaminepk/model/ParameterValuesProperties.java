package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Parameter values behave as the map of names to values they stand for: setting one value changes that value alone,
 * leaves the values it was made from as they were, and keeps the names' order.
 */
class ParameterValuesProperties {

    @Provide
    Arbitrary<Map<String, Double>> valueMaps() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4),
                Arbitraries.doubles().between(0, 1e6)).ofMinSize(1).ofMaxSize(30)
                .map(LinkedHashMap::new);
    }

    @Property(tries = 200)
    void settingOneValueChangesThatValueAlone(@ForAll("valueMaps") Map<String, Double> map,
            @ForAll @IntRange(min = 0, max = 29) int which, @ForAll @DoubleRange(min = 0, max = 1e6) double value) {
        List<String> names = List.copyOf(map.keySet());
        String name = names.get(which % names.size());
        ParameterValues before = ParameterValues.of(map);
        ParameterValues after = before.with(name, value);
        Map<String, Double> expected = new LinkedHashMap<>(map);
        expected.put(name, value);
        assertEquals(expected, after.asMap());
        assertEquals(names, List.copyOf(after.asMap().keySet()), "the names keep their order");
        assertEquals(map, before.asMap(), "the values it was made from are left as they were");
        for (String n : names) {
            assertTrue(after.has(n));
            assertEquals(expected.get(n), after.get(n), n);
        }
    }

    @Property(tries = 100)
    void aNameNotInTheValuesIsRefused(@ForAll("valueMaps") Map<String, Double> map) {
        ParameterValues values = ParameterValues.of(map);
        // names are lower-case letters, so an upper-case one is never among them
        assertFalse(values.has("X"));
        assertThrows(IllegalStateException.class, () -> values.get("X"));
        assertThrows(IllegalStateException.class, () -> values.with("X", 1));
        String first = map.keySet().iterator().next();
        assertThrows(IllegalStateException.class, () -> values.with(first, -1));
        assertThrows(IllegalStateException.class, () -> values.with(first, Double.NaN));
        assertEquals(map, values.asMap(), "a refused change leaves the values as they were");
    }
}
