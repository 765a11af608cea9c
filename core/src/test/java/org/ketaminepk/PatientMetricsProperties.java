package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;

/**
 * A patient's metrics per analyte read as the EnumMap they were made from, in analyte order, whatever map and
 * order they came in, and cannot be changed.
 */
class PatientMetricsProperties {

    @Provide
    Arbitrary<List<Analyte>> analyteSets() {
        return Arbitraries.of(Analyte.values()).set().ofMinSize(1).map(s -> {
            List<Analyte> l = new ArrayList<>(s);
            Collections.shuffle(l);
            return l;
        });
    }

    @Property(tries = 100)
    void metricsReadAsTheEnumMapTheyWereMadeFrom(@ForAll("analyteSets") List<Analyte> analytes) {
        Map<Analyte, AnalyteMetrics> given = new HashMap<>();
        for (Analyte a : analytes) {
            given.put(a, new AnalyteMetrics(a, a.ordinal() + 1, 2, 3, List.of(), List.of()));
        }
        Map<Analyte, AnalyteMetrics> expected = new EnumMap<>(given);
        PatientMetrics m = new PatientMetrics(Patient.standardAdult(), given, List.of());
        Map<Analyte, AnalyteMetrics> got = m.analytes();
        assertEquals(expected, got);
        assertEquals(got, expected);
        assertEquals(expected.hashCode(), got.hashCode());
        assertEquals(expected.toString(), got.toString());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(got.keySet()), "analyte order");
        assertEquals(List.copyOf(expected.values()), List.copyOf(got.values()));
        for (Analyte a : Analyte.values()) {
            assertEquals(expected.containsKey(a), got.containsKey(a), a.label());
            assertEquals(expected.get(a), got.get(a), a.label());
        }
        assertNull(got.get("ketamine"));
        assertThrows(UnsupportedOperationException.class, () -> got.put(analytes.get(0), null));
        assertThrows(UnsupportedOperationException.class, () -> got.remove(analytes.get(0)));
        assertThrows(UnsupportedOperationException.class, () -> got.entrySet().iterator().next().setValue(null));
        // a result made from another's metrics takes them over unchanged
        PatientMetrics again = new PatientMetrics(m.patient(), got, List.of());
        assertSame(got, again.analytes());
        assertEquals(m, again);
    }

    /** Metrics an embedding program builds itself are refused in one line when they could not be read back. */
    @net.jqwik.api.Example
    void missingOrMismatchedEntriesAreNamed() {
        AnalyteMetrics ketamine = new AnalyteMetrics(Analyte.KETAMINE, 1, 2, 3, List.of(), List.of());
        Map<Analyte, AnalyteMetrics> wrong = new EnumMap<>(Analyte.class);
        wrong.put(Analyte.NORKETAMINE, ketamine);
        // read back before as norketamine's metrics
        assertEquals("analytes must map norketamine to its own metrics but mapped it to those of ketamine",
                assertThrows(InvalidInputException.class, () -> new PatientMetrics(Patient.standardAdult(), wrong,
                        List.of())).getMessage());
        Map<Analyte, AnalyteMetrics> none = new EnumMap<>(Analyte.class);
        none.put(Analyte.KETAMINE, null);
        // its get then said the model does not predict ketamine
        assertEquals("analytes must map ketamine to its own metrics but mapped it to none", assertThrows(
                InvalidInputException.class, () -> new PatientMetrics(Patient.standardAdult(), none, List.of()))
                .getMessage());
        // NullPointerExceptions before
        assertEquals("analytes is required but was missing", assertThrows(InvalidInputException.class,
                () -> new PatientMetrics(Patient.standardAdult(), null, List.of())).getMessage());
        assertEquals("warnings[0] is required but was missing", assertThrows(InvalidInputException.class,
                () -> new PatientMetrics(Patient.standardAdult(), Map.of(Analyte.KETAMINE, ketamine),
                        java.util.Arrays.asList((org.ketaminepk.model.Warning) null))).getMessage());
    }
}
