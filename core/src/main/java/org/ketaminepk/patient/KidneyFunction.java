package org.ketaminepk.patient;

import org.ketaminepk.base.Checks;

/**
 * What is known about a patient's kidney function: nothing, a serum creatinine (from which the library estimates
 * GFR for the patient's age, sex and size), an eGFR or a creatinine clearance. Immutable values.
 *
 * <p>When nothing is stated the models' typical values are used unchanged, i.e. kidney function is taken to be that
 * of the people the models were built from.
 */
public sealed interface KidneyFunction permits KidneyFunction.NotStated, KidneyFunction.SerumCreatinine,
        KidneyFunction.EstimatedGfr, KidneyFunction.CreatinineClearance {

    /** Highest accepted eGFR or creatinine clearance, mL/min(/1.73 m²). */
    double MAX_GFR = 250;
    /** Lowest accepted eGFR or creatinine clearance, mL/min(/1.73 m²). */
    double MIN_GFR = 1;

    /** @return "not stated" */
    static KidneyFunction notStated() {
        return NotStated.INSTANCE;
    }

    /** @return a serum creatinine in mg/dL */
    static SerumCreatinine serumCreatinineMgPerDl(double mgPerDl) {
        return new SerumCreatinine(mgPerDl, CreatinineUnit.MG_PER_DL);
    }

    /** @return a serum creatinine in µmol/L */
    static SerumCreatinine serumCreatinineUmolPerL(double umolPerL) {
        return new SerumCreatinine(umolPerL, CreatinineUnit.UMOL_PER_L);
    }

    /** @return a serum creatinine in {@code unit} */
    static SerumCreatinine serumCreatinine(double value, CreatinineUnit unit) {
        return new SerumCreatinine(value, unit);
    }

    /** @return an eGFR as reported by a laboratory, mL/min/1.73 m² */
    static EstimatedGfr egfrMlPerMinPer173m2(double value) {
        return new EstimatedGfr(value);
    }

    /** @return a creatinine clearance (measured or Cockcroft–Gault), mL/min */
    static CreatinineClearance creatinineClearanceMlPerMin(double value) {
        return new CreatinineClearance(value);
    }

    /** @return a short description for reports, e.g. "serum creatinine 1.4 mg/dL" */
    String describe();

    /** Kidney function not given: the models are used as published. */
    record NotStated() implements KidneyFunction {
        static final NotStated INSTANCE = new NotStated();

        @Override
        public String describe() {
            return "not stated";
        }
    }

    /**
     * A serum creatinine, kept in the unit it was entered in (so that messages and reports echo it).
     *
     * @param value the value, in {@code unit}; 0.1–25 mg/dL (8.84–2210 µmol/L)
     * @param unit mg/dL or µmol/L
     */
    record SerumCreatinine(double value, CreatinineUnit unit) implements KidneyFunction {
        /** Validates in the entered unit. */
        public SerumCreatinine {
            Checks.notNull("creatinine unit", unit);
            Checks.inRange("serum creatinine", value, unit.min(), unit.max(), unit.symbol());
        }

        /** @return the value in mg/dL */
        public double mgPerDl() {
            return unit.toMgPerDl(value);
        }

        @Override
        public String describe() {
            return "serum creatinine " + Checks.fmt(value) + " " + unit.symbol();
        }
    }

    /**
     * An estimated GFR as reported (indexed to 1.73 m² body-surface area).
     *
     * @param mlPerMinPer173m2 eGFR, 1–250 mL/min/1.73 m²
     */
    record EstimatedGfr(double mlPerMinPer173m2) implements KidneyFunction {
        /** Validates. */
        public EstimatedGfr {
            Checks.inRange("eGFR", mlPerMinPer173m2, MIN_GFR, MAX_GFR, "mL/min/1.73 m²");
        }

        @Override
        public String describe() {
            return "eGFR " + Checks.fmt(mlPerMinPer173m2) + " mL/min/1.73 m² (as given)";
        }
    }

    /**
     * A creatinine clearance, measured or estimated by Cockcroft–Gault (not indexed to body-surface area).
     *
     * @param mlPerMin creatinine clearance, 1–250 mL/min
     */
    record CreatinineClearance(double mlPerMin) implements KidneyFunction {
        /** Validates. */
        public CreatinineClearance {
            Checks.inRange("creatinine clearance", mlPerMin, MIN_GFR, MAX_GFR, "mL/min");
        }

        @Override
        public String describe() {
            return "creatinine clearance " + Checks.fmt(mlPerMin) + " mL/min (as given)";
        }
    }
}
