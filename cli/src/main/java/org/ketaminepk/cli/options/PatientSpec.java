package org.ketaminepk.cli.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;

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
public final class PatientSpec {
    private PatientSpec() {
    }

    /** @return the accepted keys, in order */
    public static String acceptedKeys() {
        return PatientFields.keyList();
    }

    /**
     * Applies {@code spec} over the patient options.
     *
     * @param options the values of the patient options, key → texts
     * @param spec the {@code --patient} value
     * @return the patient
     * @throws InvalidInputException (field {@code patient}) naming the spec, the key and what is accepted
     */
    public static Patient apply(Map<String, List<String>> options, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("patient", "--patient needs key=value pairs such as age=80,weight=60 "
                    + "(keys: " + acceptedKeys() + ")");
        }
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String item = pair.trim();
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new InvalidInputException("patient", "--patient '" + spec + "': '" + item + "' is not "
                        + "key=value (keys: " + acceptedKeys() + ")");
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            String value = item.substring(eq + 1).trim();
            if (!PatientFields.KEYS.containsKey(key)) {
                throw new InvalidInputException("patient", "--patient '" + spec + "': unknown key '" + key
                        + "'; accepted keys: " + acceptedKeys());
            }
            List<String> values = given.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.isEmpty() && !key.equals("comed")) {
                throw new InvalidInputException("patient", "--patient '" + spec + "': key '" + key + "' is given "
                        + "twice");
            }
            values.add(value);
        }
        Map<String, List<String>> merged = PatientFields.overlay(options, given);
        try {
            // a key from the options keeps its option name; one typed in the spec, or not given at all, its key
            return PatientFields.build(merged, k -> merged.containsKey(k) && !given.containsKey(k)
                    ? PatientOptions.optionName(k) : k);
        } catch (InvalidInputException e) {
            if (merged.containsKey(e.field()) && !given.containsKey(e.field())) {
                // a mistake in the options themselves, reported as the options report it
                throw e;
            }
            throw e.within("patient", "--patient '" + spec + "'");
        }
    }
}
