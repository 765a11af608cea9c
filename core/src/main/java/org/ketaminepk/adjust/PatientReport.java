package org.ketaminepk.adjust;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ketaminepk.base.Checks;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.GfrEstimate;
import org.ketaminepk.patient.KidneyFormulas;
import org.ketaminepk.patient.Patient;

/**
 * Everything worth showing about a patient before simulating: derived values with units and methods (BMI, BSA,
 * lean body weight, eGFR, creatinine clearance, Child–Pugh score and class), unusual values, and for each model the
 * parameters that change for this patient, each change with its reason and source. Data only; printing is the
 * caller's business. Immutable.
 *
 * <pre>
 *   PatientReport r = PatientReport.of(patient, Models.DEFAULT);
 *   for (PatientReport.Quantity q : r.derived()) { ... q.name() ... q.value() ... q.unit() ... }
 * </pre>
 *
 * @param patient the patient
 * @param derived derived values, in a stable order
 * @param childPughClass the Child–Pugh class, when there is liver disease
 * @param patientWarnings unusual but accepted values
 * @param models one section per model, in the order given
 */
public record PatientReport(Patient patient, List<Quantity> derived, Optional<ChildPughClass> childPughClass,
        List<Warning> patientWarnings, List<ModelSection> models) {

    /** Copies the lists. */
    public PatientReport {
        derived = List.copyOf(derived);
        patientWarnings = List.copyOf(patientWarnings);
        models = List.copyOf(models);
    }

    /**
     * One derived value.
     *
     * @param name what it is, e.g. "eGFR (CKD-EPI 2021)"
     * @param value the value, in {@code unit}
     * @param unit e.g. "mL/min/1.73 m²"
     * @param method how it was computed, with its citation
     */
    public record Quantity(String name, double value, String unit, String method) {
    }

    /**
     * A parameter whose value for this patient differs from the model's typical (70-kg) value.
     *
     * @param name the parameter's symbol
     * @param description what it is
     * @param role its physiological role
     * @param unit internal unit of both values
     * @param typicalValue the model's typical value for 70 kg
     * @param patientValue the value used for this patient
     */
    public record ParameterChange(String name, String description, Role role, String unit, double typicalValue,
            double patientValue) {
        /** @return patientValue / typicalValue (1 when the typical value is 0) */
        public double factor() {
            return typicalValue == 0 ? 1 : patientValue / typicalValue;
        }
    }

    /**
     * What changes in one model for this patient.
     *
     * @param modelId the model's id
     * @param modelName the model's name
     * @param parameters every parameter that differs from the typical value (weight scaling included)
     * @param adjustments each change, step by step, with reason and source
     * @param warnings every warning a simulation with this model would carry for this patient
     * @param liver ketamine's hepatic and renal clearance before and after adjustment, when the model eliminates
     *        ketamine
     */
    public record ModelSection(String modelId, String modelName, List<ParameterChange> parameters,
            List<Adjustment> adjustments, List<Warning> warnings, Optional<StandardPatientAdjuster.LiverModel> liver) {
        /** Copies the lists. */
        public ModelSection {
            parameters = List.copyOf(parameters);
            adjustments = List.copyOf(adjustments);
            warnings = List.copyOf(warnings);
        }
    }

    /** @return the report of {@code patient} for {@code models}, with the standard adjustments */
    public static PatientReport of(Patient patient, PublishedModel... models) {
        return of(patient, List.of(models));
    }

    /** @return the report of {@code patient} for {@code models}, with the standard adjustments */
    public static PatientReport of(Patient patient, List<PublishedModel> models) {
        Checks.notNull("patient", patient);
        Checks.notNull("models", models);
        List<Warning> unusual = new ArrayList<>();
        for (String u : patient.unusualValues()) {
            unusual.add(Warning.text(Warning.Code.UNUSUAL_PATIENT_VALUE, u));
        }
        List<ModelSection> sections = new ArrayList<>();
        StandardPatientAdjuster adjuster = StandardPatientAdjuster.instance();
        for (PublishedModel m : models) {
            Checks.notNull("model", m);
            sections.add(section(m, patient, adjuster));
        }
        return new PatientReport(patient, derivedValues(patient), patient.childPughClass(), unusual, sections);
    }

    private static ModelSection section(PublishedModel m, Patient patient, PatientAdjuster adjuster) {
        IndividualModel ind = m.individualize(patient, adjuster);
        List<ParameterChange> changes = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            double typical = p.scaled(70);
            double used = ind.values().get(p.name());
            if (used != typical) {
                changes.add(new ParameterChange(p.name(), p.description(), p.role(),
                        p.unit().internalSymbol().replace("/kg", ""), typical, used));
            }
        }
        return new ModelSection(m.id(), m.name(), changes, ind.adjustments(), ind.warnings(),
                StandardPatientAdjuster.instance().liverModel(m, patient));
    }

    /** @return the derived values of {@code p}, in report order */
    public static List<Quantity> derivedValues(Patient p) {
        Checks.notNull("patient", p);
        List<Quantity> out = new ArrayList<>();
        out.add(new Quantity("BMI", p.bmiKgPerM2(), "kg/m²", "weight / height²"));
        out.add(new Quantity("BSA (Mosteller)", p.bsaMostellerM2(), "m²",
                "√(height × weight / 3600); Mosteller RD, N Engl J Med 1987;317:1098"));
        out.add(new Quantity("lean body weight (Janmahasatian)", p.leanBodyWeightKg(), "kg",
                "Janmahasatian S et al., Clin Pharmacokinet 2005;44(10):1051-65"
                        + (p.adult() ? "" : " (derived in adults; extrapolated)")));
        p.egfrCkdEpi2021MlPerMinPer173m2().ifPresent(v -> out.add(new Quantity("eGFR (CKD-EPI 2021)", v,
                "mL/min/1.73 m²", KidneyFormulas.CKD_EPI_2021)));
        p.creatinineClearanceCockcroftGaultMlPerMin().ifPresent(v -> out.add(new Quantity(
                "creatinine clearance (Cockcroft–Gault)", v, "mL/min", KidneyFormulas.COCKCROFT_GAULT_1976)));
        p.egfrBedsideSchwartzMlPerMinPer173m2().ifPresent(v -> out.add(new Quantity("eGFR (bedside Schwartz)", v,
                "mL/min/1.73 m²", KidneyFormulas.BEDSIDE_SCHWARTZ_2009)));
        Optional<GfrEstimate> g = p.gfrEstimate();
        if (g.isPresent()) {
            if ("as given".equals(g.get().source())) {
                out.add(new Quantity(g.get().unit().equals("mL/min") ? "creatinine clearance (as given)"
                        : "eGFR (as given)", g.get().value(), g.get().unit(), "as given"));
            }
            out.add(new Quantity("kidney function used", Math.min(1, g.get().value()
                    / AdjustmentSources.NORMAL_KIDNEY_FUNCTION), "fraction of normal", g.get().method()
                    + " ÷ " + Checks.fmt(AdjustmentSources.NORMAL_KIDNEY_FUNCTION) + ", at most 1"));
        }
        p.childPughScore().ifPresent(s -> out.add(new Quantity("Child–Pugh score", s, "points",
                p.liver().describe() + "; " + ChildPughClass.SOURCE)));
        return out;
    }

    /** @return the derived value called {@code name}, if present */
    public Optional<Quantity> quantity(String name) {
        for (Quantity q : derived) {
            if (q.name().equals(name)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
