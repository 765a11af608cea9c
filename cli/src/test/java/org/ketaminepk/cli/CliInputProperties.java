package org.ketaminepk.cli;

import org.ketaminepk.cli.options.PatientFields;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.options.PatientSpec;

import org.ketaminepk.base.InvalidInputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * No user input reaches an internal failure: whatever is typed for a dose, a time or a patient, the command either
 * succeeds or exits 2 with one line on standard error.
 */
class CliInputProperties {
    private static final List<String> DOSE_WORDS = List.of("bolus", "over", "for", "at", "every", "daily", "x",
            "max", "HCl", "iv", "oral", "im", "mg", "mg/kg", "mg/h", "mg/kg/h", "ug/kg/min", "min", "h", "d", "0",
            "0.5", "1", "20", "400", "5000", "9999", "-", "/");

    @Provide
    Arbitrary<String> doses() {
        return Arbitraries.of(DOSE_WORDS).list().ofMinSize(1).ofMaxSize(9).map(ws -> String.join(" ", ws));
    }

    @Property(tries = 300)
    void doseSpecifications(@ForAll("doses") String dose) {
        check(Cli.run("simulate", "--model", Cli.MODEL, "--dose", dose, "--duration", "2h", "--step", "10min"));
    }

    @Property(tries = 200)
    void arbitraryTimesAndPatients(@ForAll @StringLength(max = 12) String duration,
            @ForAll @StringLength(max = 20) String patient) {
        check(Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", duration, "--step",
                "10min"));
        check(Cli.run("compare", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", "1h", "--patient",
                "age=30", "--patient", patient));
    }

    private static final List<String> PATIENT_VALUES = List.of("0", "-1", "1.4", "30", "80", "400", "1.4mg/dL",
            "124umol/L", "0mg/dL", "2.5 mg/dl", "31g/L", "3.1g/dL", "A", "B", "C", "D", "7", "16", "none", "mild",
            "moderate", "grade1-2", "*6/*6", "*1/*6", "rifampicin", "x", "", "1e3", "NaN", "Infinity");

    @Provide
    Arbitrary<List<String>> patientArgs() {
        Arbitrary<String> pair = Arbitraries.of(List.copyOf(PatientFields.KEYS.keySet()))
                .flatMap(k -> Arbitraries.of(PATIENT_VALUES).map(v -> "--" + k + "\u0000" + v));
        return pair.list().ofMinSize(1).ofMaxSize(6).map(ps -> {
            List<String> args = new java.util.ArrayList<>(List.of("patient"));
            for (String p : ps) {
                args.addAll(List.of(p.split("\u0000", -1)));
            }
            return args;
        });
    }

    /** Any combination of patient options and values: a report or one line saying what to change. */
    @Property(tries = 150)
    void patientOptions(@ForAll("patientArgs") List<String> args) {
        check(Cli.run(args.toArray(new String[0])));
    }

    /** The options and a --patient spec read the same text into the same patient. */
    @Property(tries = 300)
    void optionsAndSpecAgree(@ForAll("patientArgs") List<String> args) {
        java.util.Map<String, List<String>> given = new java.util.LinkedHashMap<>();
        StringBuilder spec = new StringBuilder();
        for (int i = 1; i + 1 < args.size(); i += 2) {
            String key = args.get(i).substring(2);
            String value = args.get(i + 1);
            if (value.isEmpty() || value.contains(",") || given.containsKey(key)) {
                continue;
            }
            given.put(key, List.of(value));
            spec.append(spec.length() == 0 ? "" : ",").append(key).append('=').append(value);
        }
        if (given.isEmpty()) {
            return;
        }
        Object fromOptions;
        Object fromSpec;
        try {
            fromOptions = PatientFields.build(given, PatientOptions::optionName);
        } catch (InvalidInputException e) {
            fromOptions = "refused";
        }
        try {
            fromSpec = PatientSpec.parse(spec.toString()).apply(java.util.Map.of());
        } catch (InvalidInputException e) {
            fromSpec = "refused";
        }
        assertEquals(fromOptions, fromSpec, spec.toString());
    }

    private static void check(Cli.Result r) {
        assertTrue(r.code() == 0 || r.code() == 2, r.code() + ": " + r.err());
        if (r.code() == 2) {
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        } else {
            assertFalse(r.out().contains("NaN"), r.out());
        }
    }
}
