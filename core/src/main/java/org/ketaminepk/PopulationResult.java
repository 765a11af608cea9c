package org.ketaminepk;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Quantiles;

/**
 * What a {@link PopulationRun} returns: one {@link PatientMetrics} per patient, in the order the patients were
 * given, with helpers to pull one metric out of every patient and to summarise it. Immutable and thread-safe.
 */
public final class PopulationResult {
    private final PublishedModel model;
    private final Regimen regimen;
    private final List<Band> bands;
    private final List<PatientMetrics> patients;

    PopulationResult(PublishedModel model, Regimen regimen, List<Band> bands, List<PatientMetrics> patients) {
        this.model = model;
        this.regimen = regimen;
        this.bands = List.copyOf(bands);
        this.patients = Collections.unmodifiableList(new ArrayList<>(patients));
    }

    /** @return the model simulated */
    public PublishedModel model() {
        return model;
    }

    /** @return the regimen every patient received */
    public Regimen regimen() {
        return regimen;
    }

    /** @return the bands measured */
    public List<Band> bands() {
        return bands;
    }

    /** @return number of patients */
    public int size() {
        return patients.size();
    }

    /** @return every patient's metrics, in input order */
    public List<PatientMetrics> patients() {
        return patients;
    }

    /**
     * @param i the patient's index, 0 to {@link #size()} − 1
     * @return the metrics of the {@code i}-th patient
     * @throws InvalidInputException if there is no such patient
     */
    public PatientMetrics get(int i) {
        if (i < 0 || i >= patients.size()) {
            throw InvalidInputException.statement("patient", i, "index must be between 0 and " + (patients.size() - 1)
                    + " but was " + i);
        }
        return patients.get(i);
    }

    /**
     * @return analyte {@code a}'s metrics for every patient, in input order
     * @throws InvalidInputException if the model does not predict {@code a}
     */
    public List<AnalyteMetrics> metrics(Analyte a) {
        List<AnalyteMetrics> out = new ArrayList<>(patients.size());
        for (PatientMetrics p : patients) {
            out.add(p.get(a));
        }
        return out;
    }

    /**
     * One metric of analyte {@code a} for every patient, e.g. {@code values(KETAMINE, AnalyteMetrics::cmaxNgPerMl)}.
     *
     * @return the values, in input order, in the metric's unit
     */
    public double[] values(Analyte a, ToDoubleFunction<AnalyteMetrics> metric) {
        Checks.notNull("metric", metric);
        double[] out = new double[patients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = metric.applyAsDouble(patients.get(i).get(a));
        }
        return out;
    }

    /** @return the distribution of one metric of analyte {@code a} over the patients, in the metric's unit */
    public Quantiles summary(Analyte a, ToDoubleFunction<AnalyteMetrics> metric) {
        return Quantiles.of(values(a, metric));
    }

    /** @return for each kind of warning, how many patients received at least one of that kind */
    public Map<Warning.Code, Integer> warningCounts() {
        Map<Warning.Code, Integer> out = new EnumMap<>(Warning.Code.class);
        for (PatientMetrics p : patients) {
            Set<Warning.Code> seen = EnumSet.noneOf(Warning.Code.class);
            for (Warning w : p.warnings()) {
                if (seen.add(w.code())) {
                    out.merge(w.code(), 1, Integer::sum);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
