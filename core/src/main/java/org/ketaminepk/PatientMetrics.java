package org.ketaminepk;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
    /** Validates and copies. */
    public PatientMetrics {
        Checks.notNull("patient", patient);
        analytes = analytes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(analytes));
        warnings = List.copyOf(warnings);
    }

    /**
     * @return the metrics of analyte {@code a}
     * @throws InvalidInputException if the model does not predict it
     */
    public AnalyteMetrics get(Analyte a) {
        AnalyteMetrics m = analytes.get(a);
        if (m == null) {
            throw InvalidInputException.statement("analyte", a == null ? null : a.label(), "must be one of "
                    + analytes.keySet() + " for this model but was " + (a == null ? "missing" : a.label()));
        }
        return m;
    }
}
