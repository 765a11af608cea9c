package org.ketaminepk;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;

/**
 * One patient's result in a {@link PopulationRun}: the metrics of each analyte (no concentration path) and every
 * warning a single {@link Simulation} of that patient would return. Immutable.
 *
 * @param patient the patient
 * @param analytes metrics per analyte the model predicts
 * @param warnings extrapolations, assumptions, rate caps and grid notes for this patient
 */
public record PatientMetrics(Patient patient, Map<Analyte, AnalyteMetrics> analytes, List<Warning> warnings) {
    /**
     * Validates and copies.
     *
     * @throws InvalidInputException if an argument, an analyte, its metrics or a warning is missing, or an analyte's
     *         metrics are another analyte's
     */
    public PatientMetrics {
        Checks.notNull("patient", patient);
        Checks.notNull("analytes", analytes);
        Checks.notNull("warnings", warnings);
        if (!(analytes instanceof ByAnalyte)) {
            // a map made here was checked when it was made
            for (Map.Entry<Analyte, AnalyteMetrics> e : analytes.entrySet()) {
                Checks.notNull("analyte", e.getKey());
                AnalyteMetrics m = e.getValue();
                if (m == null || m.analyte() != e.getKey()) {
                    throw InvalidInputException.statement("analytes", e.getKey().label(), "must map "
                            + e.getKey().label() + " to its own metrics but mapped it to " + (m == null ? "none"
                                    : "those of " + m.analyte().label()));
                }
            }
        }
        for (int i = 0; i < warnings.size(); i++) {
            Checks.notNull("warnings", i, warnings.get(i));
        }
        analytes = analytes.isEmpty() ? Map.of() : ByAnalyte.of(analytes);
        warnings = List.copyOf(warnings);
    }

    /**
     * The metrics per analyte, in analyte order, immutable: an array of metrics beside a shared array of analytes,
     * instead of an {@link EnumMap} in an unmodifiable view, since a population keeps one per patient; taken over as
     * it is (not copied again) when a result is made from another's metrics.
     */
    private static final class ByAnalyte extends AbstractMap<Analyte, AnalyteMetrics> {
        /** Every set of analytes in analyte order, by the bits of its ordinals: shared, never changed. */
        private static final Analyte[][] KEY_SETS = keySets();

        private final Analyte[] keys;
        private final AnalyteMetrics[] values;

        private ByAnalyte(Analyte[] keys, AnalyteMetrics[] values) {
            this.keys = keys;
            this.values = values;
        }

        static Map<Analyte, AnalyteMetrics> of(Map<Analyte, AnalyteMetrics> m) {
            if (m instanceof ByAnalyte mine) {
                return mine;
            }
            // through an EnumMap: analyte order, and a missing key refused as an EnumMap refuses it
            EnumMap<Analyte, AnalyteMetrics> sorted = new EnumMap<>(m);
            int bits = 0;
            for (Analyte a : sorted.keySet()) {
                bits |= 1 << a.ordinal();
            }
            return new ByAnalyte(KEY_SETS[bits], sorted.values().toArray(new AnalyteMetrics[0]));
        }

        private static Analyte[][] keySets() {
            Analyte[] all = Analyte.values();
            Analyte[][] sets = new Analyte[1 << all.length][];
            for (int bits = 0; bits < sets.length; bits++) {
                List<Analyte> in = new java.util.ArrayList<>();
                for (Analyte a : all) {
                    if ((bits & 1 << a.ordinal()) != 0) {
                        in.add(a);
                    }
                }
                sets[bits] = in.toArray(new Analyte[0]);
            }
            return sets;
        }

        @Override
        public AnalyteMetrics get(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            for (Analyte a : keys) {
                if (a == key) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Map.Entry<Analyte, AnalyteMetrics>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<Analyte, AnalyteMetrics>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<Analyte, AnalyteMetrics> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
    }

    /**
     * @return the metrics of analyte {@code a}
     * @throws InvalidInputException if the model does not predict it
     */
    public AnalyteMetrics get(Analyte a) {
        AnalyteMetrics m = analytes.get(a);
        if (m == null) {
            String words = "must be one of " + analytes.keySet() + " for this model but was "
                    + (a == null ? "missing" : a.label());
            throw a == null ? InvalidInputException.statement("analyte", words)
                    : InvalidInputException.statement("analyte", a.label(), words);
        }
        return m;
    }
}
