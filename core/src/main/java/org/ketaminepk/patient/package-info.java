/**
 * The patient: body size, sex, kidney and liver function, CYP2B6 genotype and interacting co-medication, with the
 * standard clinical formulas that derive body-surface area, lean body weight, eGFR, creatinine clearance and the
 * Child–Pugh score from them.
 *
 * <p>Units: age in years, weight in kg, height in cm, serum creatinine in mg/dL or µmol/L (1 mg/dL = 88.4 µmol/L),
 * GFR in mL/min/1.73 m² (estimated GFR) or mL/min (creatinine clearance), bilirubin in mg/dL or µmol/L, albumin in
 * g/L or g/dL. Every unit is part of the name of the field or method that carries it.
 *
 * <p>Everything here is an immutable value. Impossible values are refused with an
 * {@link org.ketaminepk.base.InvalidInputException}; unusual but possible values are accepted and listed by
 * {@link org.ketaminepk.patient.Patient#unusualValues()}. This package knows nothing of pharmacokinetic models; how a
 * patient changes a model is decided in {@link org.ketaminepk.adjust}.
 */
package org.ketaminepk.patient;
