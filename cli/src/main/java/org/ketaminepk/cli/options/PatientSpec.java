package org.ketaminepk.cli.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --patient} value such as {@code "age=80,weight=60,child-pugh=B,creatinine=1.4mg/dL"}:
 * comma-separated {@code key=value} pairs applied over the patient options. The keys are those of
 * {@link PatientFields} (the option names without dashes), so that a value means the same in both places; an
 * unknown key is refused with the list of accepted ones.
 *
 * <p>A kidney or liver statement in the spec replaces the one given by the options (an {@code egfr=} over a
 * {@code --creatinine}, a {@code child-pugh=} over the five items). {@code comed} may be repeated, or joined with
 * {@code +} ({@code comed=rifampicin+clarithromycin}); {@code comed=none} clears the options' co-medication.
 */
public record PatientSpec(String text, Map<String, List<String>> values) {
    /**
     * @param text the {@code --patient} value as typed
     * @param values key to values, in the order typed
     */
    public PatientSpec {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the accepted keys, in order */
    public static String acceptedKeys() {
        return PatientFields.keyList();
    }

    /** Reads a {@code --patient} value when the command line is parsed. */
    public static final class Converter implements ITypeConverter<PatientSpec> {
        @Override
        public PatientSpec convert(String text) {
            return parse(text);
        }
    }

    /**
     * Reads the pairs of a {@code --patient} value; the values are checked when the patient is built.
     *
     * @param spec the value, e.g. {@code age=80,weight=60}
     * @return the pairs
     * @throws TypeConversionException naming the pair and the accepted keys
     */
    public static PatientSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new TypeConversionException("expected key=value pairs such as age=80,weight=60 (keys: "
                    + acceptedKeys() + ")");
        }
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String item = pair.trim();
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new TypeConversionException("'" + spec + "': '" + item + "' is not key=value (keys: "
                        + acceptedKeys() + ")");
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            String value = item.substring(eq + 1).trim();
            if (!PatientFields.KEYS.containsKey(key)) {
                throw new TypeConversionException("'" + spec + "': unknown key '" + key + "'; accepted keys: "
                        + acceptedKeys());
            }
            List<String> values = given.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.isEmpty() && !key.equals("comed")) {
                throw new TypeConversionException("'" + spec + "': key '" + key + "' is given twice");
            }
            values.add(value);
        }
        return new PatientSpec(spec, given);
    }

    /**
     * Applies the pairs over the patient options.
     *
     * @param options the values of the patient options, key → texts
     * @return the patient
     * @throws InvalidInputException (field {@code patient}) naming the spec and what is wrong with a value
     */
    public Patient apply(Map<String, List<String>> options) {
        Map<String, List<String>> merged = PatientFields.overlay(options, values);
        try {
            // a key from the options keeps its option name; one typed in the spec, or not given at all, its key
            return PatientFields.build(merged, k -> merged.containsKey(k) && !values.containsKey(k)
                    ? PatientOptions.optionName(k) : k);
        } catch (InvalidInputException e) {
            if (merged.containsKey(e.field()) && !values.containsKey(e.field())) {
                // a mistake in the options themselves, reported as the options report it
                throw e;
            }
            throw e.within("patient", "--patient '" + text + "'");
        }
    }
}
