package org.ketaminepk.patient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import org.ketaminepk.base.Checks;

/**
 * The person being simulated: body size and sex, and, when known, kidney function, liver function, CYP2B6 genotype
 * and interacting co-medication. Immutable; validated on construction; changed through withers.
 *
 * <p>Impossible values are refused with an {@link org.ketaminepk.base.InvalidInputException} naming the field, the
 * value, the unit and the valid range. Unusual but possible values (a BMI of 65, a creatinine of 12 mg/dL) are
 * accepted and listed by {@link #unusualValues()}, which simulations return as warnings.
 *
 * <p>Derived values: {@link #bmiKgPerM2()}, {@link #bsaMostellerM2()}, {@link #leanBodyWeightKg()},
 * {@link #egfrCkdEpi2021MlPerMinPer173m2()}, {@link #creatinineClearanceCockcroftGaultMlPerMin()},
 * {@link #gfrEstimate()}, {@link #childPughScore()} and {@link #childPughClass()}.
 *
 * @param ageYears age, years, 0–120
 * @param weightKg total body weight, kg, 0.5–350
 * @param heightCm height, cm, 30–250
 * @param sex sex
 * @param kidney what is known about kidney function
 * @param liver what is known about liver function
 * @param cyp2b6 CYP2B6 genotype
 * @param coMedications interacting co-medications (copied; unmodifiable)
 */
public record Patient(double ageYears, double weightKg, double heightCm, Sex sex, KidneyFunction kidney,
        LiverFunction liver, Cyp2b6Genotype cyp2b6, Set<CoMedication> coMedications) {

    /** Age from which creatinine is turned into eGFR with the adult equation (CKD-EPI 2021), years. */
    public static final double ADULT_AGE_YEARS = 18;

    /** Oldest accepted age, years (the youngest is 0). */
    public static final double MAX_AGE_YEARS = 120;
    /** Lightest accepted total body weight, kg. */
    public static final double MIN_WEIGHT_KG = 0.5;
    /** Heaviest accepted total body weight, kg. */
    public static final double MAX_WEIGHT_KG = 350;
    /** Shortest accepted height, cm. */
    public static final double MIN_HEIGHT_CM = 30;
    /** Tallest accepted height, cm. */
    public static final double MAX_HEIGHT_CM = 250;

    /** Validates. */
    public Patient {
        Checks.inRange("age", ageYears, 0, MAX_AGE_YEARS, "years");
        Checks.inRange("weight", weightKg, MIN_WEIGHT_KG, MAX_WEIGHT_KG, "kg");
        Checks.inRange("height", heightCm, MIN_HEIGHT_CM, MAX_HEIGHT_CM, "cm");
        Checks.notNull("sex", sex);
        Checks.notNull("kidney function", kidney);
        Checks.notNull("liver function", liver);
        Checks.notNull("CYP2B6 genotype", cyp2b6);
        Checks.notNull("co-medications", coMedications);
        EnumSet<CoMedication> set = EnumSet.noneOf(CoMedication.class);
        for (CoMedication c : coMedications) {
            set.add(Checks.notNull("co-medication", c));
        }
        coMedications = Collections.unmodifiableSet(set);
    }

    /**
     * A patient described by body size and sex only: kidney and liver function not stated, CYP2B6 not tested, no
     * interacting co-medication.
     *
     * @param ageYears age, years, 0–120
     * @param weightKg total body weight, kg, 0.5–350
     * @param heightCm height, cm, 30–250
     * @param sex sex
     */
    public Patient(double ageYears, double weightKg, double heightCm, Sex sex) {
        this(ageYears, weightKg, heightCm, sex, KidneyFunction.notStated(), LiverFunction.notStated(),
                Cyp2b6Genotype.NOT_TESTED, Set.of());
    }

    /** The reference adult of the models: 40 years, 70 kg, 175 cm, male, nothing else stated. */
    public static Patient standardAdult() {
        return new Patient(40, 70, 175, Sex.MALE);
    }

    /** @return a copy with another age, years */
    public Patient withAgeYears(double v) {
        return new Patient(v, weightKg, heightCm, sex, kidney, liver, cyp2b6, coMedications);
    }

    /** @return a copy with another weight, kg */
    public Patient withWeightKg(double v) {
        return new Patient(ageYears, v, heightCm, sex, kidney, liver, cyp2b6, coMedications);
    }

    /** @return a copy with another height, cm */
    public Patient withHeightCm(double v) {
        return new Patient(ageYears, weightKg, v, sex, kidney, liver, cyp2b6, coMedications);
    }

    /** @return a copy with another sex */
    public Patient withSex(Sex v) {
        return new Patient(ageYears, weightKg, heightCm, v, kidney, liver, cyp2b6, coMedications);
    }

    /** @return a copy with another kidney-function statement */
    public Patient withKidney(KidneyFunction v) {
        return new Patient(ageYears, weightKg, heightCm, sex, v, liver, cyp2b6, coMedications);
    }

    /** @return a copy with a serum creatinine in mg/dL (0.1–25) */
    public Patient withSerumCreatinineMgPerDl(double v) {
        return withKidney(KidneyFunction.serumCreatinineMgPerDl(v));
    }

    /** @return a copy with a serum creatinine in µmol/L (8.84–2210) */
    public Patient withSerumCreatinineUmolPerL(double v) {
        return withKidney(KidneyFunction.serumCreatinineUmolPerL(v));
    }

    /** @return a copy with an eGFR as reported, mL/min/1.73 m² (1–250) */
    public Patient withEgfrMlPerMinPer173m2(double v) {
        return withKidney(KidneyFunction.egfrMlPerMinPer173m2(v));
    }

    /** @return a copy with a creatinine clearance, mL/min (1–250) */
    public Patient withCreatinineClearanceMlPerMin(double v) {
        return withKidney(KidneyFunction.creatinineClearanceMlPerMin(v));
    }

    /** @return a copy with another liver-function statement */
    public Patient withLiver(LiverFunction v) {
        return new Patient(ageYears, weightKg, heightCm, sex, kidney, v, cyp2b6, coMedications);
    }

    /** @return a copy with a Child–Pugh class */
    public Patient withChildPugh(ChildPughClass c) {
        return withLiver(LiverFunction.childPugh(c));
    }

    /** @return a copy with the five Child–Pugh items */
    public Patient withChildPugh(ChildPughComponents c) {
        return withLiver(LiverFunction.childPugh(c));
    }

    /** @return a copy with a Child–Pugh score, 5–15 points */
    public Patient withChildPughScore(int score) {
        return withLiver(LiverFunction.childPughScore(score));
    }

    /** @return a copy with another CYP2B6 genotype */
    public Patient withCyp2b6(Cyp2b6Genotype v) {
        return new Patient(ageYears, weightKg, heightCm, sex, kidney, liver, v, coMedications);
    }

    /** @return a copy with exactly these co-medications */
    public Patient withCoMedications(Collection<CoMedication> v) {
        Checks.notNull("co-medications", v);
        return new Patient(ageYears, weightKg, heightCm, sex, kidney, liver, cyp2b6, new HashSet<>(v));
    }

    /** @return a copy with {@code c} added to the co-medications */
    public Patient withCoMedication(CoMedication c) {
        EnumSet<CoMedication> s = EnumSet.noneOf(CoMedication.class);
        s.addAll(coMedications);
        s.add(Checks.notNull("co-medication", c));
        return new Patient(ageYears, weightKg, heightCm, sex, kidney, liver, cyp2b6, s);
    }

    /** @return whether the patient is 18 years or older */
    public boolean adult() {
        return ageYears >= ADULT_AGE_YEARS;
    }

    /** @return body-mass index, kg/m² */
    public double bmiKgPerM2() {
        return BodySize.bmiKgPerM2(weightKg, heightCm);
    }

    /** @return body-surface area by Mosteller (1987), m² */
    public double bsaMostellerM2() {
        return BodySize.bsaMostellerM2(heightCm, weightKg);
    }

    /** @return lean body weight by Janmahasatian (2005), kg */
    public double leanBodyWeightKg() {
        return BodySize.leanBodyWeightJanmahasatianKg(weightKg, heightCm, sex);
    }

    /**
     * @return eGFR by CKD-EPI 2021 from the serum creatinine, mL/min/1.73 m²; empty when no creatinine is given or
     *         the patient is under 18 (the equation was derived in adults)
     */
    public OptionalDouble egfrCkdEpi2021MlPerMinPer173m2() {
        if (kidney instanceof KidneyFunction.SerumCreatinine s && adult()) {
            return OptionalDouble.of(KidneyFormulas.ckdEpi2021MlPerMinPer173m2(s.mgPerDl(), ageYears, sex));
        }
        return OptionalDouble.empty();
    }

    /**
     * @return creatinine clearance by Cockcroft–Gault (total body weight) from the serum creatinine, mL/min; empty
     *         when no creatinine is given or the patient is under 18
     */
    public OptionalDouble creatinineClearanceCockcroftGaultMlPerMin() {
        if (kidney instanceof KidneyFunction.SerumCreatinine s && adult()) {
            return OptionalDouble.of(KidneyFormulas.cockcroftGaultMlPerMin(ageYears, weightKg, s.mgPerDl(), sex));
        }
        return OptionalDouble.empty();
    }

    /**
     * @return eGFR by the bedside Schwartz equation from the serum creatinine, mL/min/1.73 m²; empty when no
     *         creatinine is given or the patient is not a child of 1 to 17 years
     */
    public OptionalDouble egfrBedsideSchwartzMlPerMinPer173m2() {
        if (kidney instanceof KidneyFunction.SerumCreatinine s && !adult() && ageYears >= 1) {
            return OptionalDouble.of(KidneyFormulas.bedsideSchwartzMlPerMinPer173m2(heightCm, s.mgPerDl()));
        }
        return OptionalDouble.empty();
    }

    /**
     * The kidney-function value used for this patient: CKD-EPI 2021 from creatinine in adults, bedside Schwartz from
     * creatinine in children of 1–17 years, or the eGFR or creatinine clearance as given.
     *
     * @return the estimate; empty when kidney function is not stated, or a creatinine is given for an infant under
     *         one year (no creatinine equation applies)
     */
    public Optional<GfrEstimate> gfrEstimate() {
        if (kidney instanceof KidneyFunction.SerumCreatinine s) {
            OptionalDouble ckd = egfrCkdEpi2021MlPerMinPer173m2();
            if (ckd.isPresent()) {
                return Optional.of(new GfrEstimate(ckd.getAsDouble(), "mL/min/1.73 m²",
                        "CKD-EPI 2021 from " + s.describe(), KidneyFormulas.CKD_EPI_2021));
            }
            OptionalDouble sch = egfrBedsideSchwartzMlPerMinPer173m2();
            if (sch.isPresent()) {
                return Optional.of(new GfrEstimate(sch.getAsDouble(), "mL/min/1.73 m²",
                        "bedside Schwartz from " + s.describe() + " and height " + Checks.fmt(heightCm) + " cm",
                        KidneyFormulas.BEDSIDE_SCHWARTZ_2009));
            }
            return Optional.empty();
        }
        if (kidney instanceof KidneyFunction.EstimatedGfr e) {
            return Optional.of(new GfrEstimate(e.mlPerMinPer173m2(), "mL/min/1.73 m²", "eGFR as given", "as given"));
        }
        if (kidney instanceof KidneyFunction.CreatinineClearance c) {
            return Optional.of(new GfrEstimate(c.mlPerMin(), "mL/min", "creatinine clearance as given", "as given"));
        }
        return Optional.empty();
    }

    /** @return the Child–Pugh score, when known (given, or computed from the five items) */
    public OptionalInt childPughScore() {
        return liver.childPughScore();
    }

    /** @return the Child–Pugh class, when there is liver disease */
    public Optional<ChildPughClass> childPughClass() {
        return liver.childPughClass();
    }

    /**
     * @return one line per value that is possible but unusual enough that a simulation should say so (each becomes a
     *         warning on results); empty for an ordinary patient
     */
    public List<String> unusualValues() {
        List<String> out = new ArrayList<>();
        double bmi = bmiKgPerM2();
        if (bmi < 12 || bmi > 60) {
            out.add(String.format(Locale.ROOT, "BMI %.1f kg/m² (weight %s kg, height %s cm) is outside 12–60 kg/m²; "
                    + "check weight and height", bmi, Checks.fmt(weightKg), Checks.fmt(heightCm)));
        }
        if (kidney instanceof KidneyFunction.SerumCreatinine s) {
            if (ageYears < 1) {
                out.add("no creatinine equation applies below one year of age; kidney function from "
                        + s.describe() + " is not estimated and not used");
            }
            if (adult() && s.mgPerDl() < 0.4) {
                out.add(s.describe() + " is low for an adult (low muscle mass?); eGFR from creatinine will "
                        + "overestimate kidney function");
            }
        }
        gfrEstimate().ifPresent(g -> {
            if (g.value() < 15) {
                out.add(String.format(Locale.ROOT, "kidney function %s %s is in the kidney-failure range (below 15); "
                        + "dialysis is not represented", Checks.fmt(Math.round(g.value() * 10) / 10.0), g.unit()));
            } else if (g.value() > 150) {
                out.add(String.format(Locale.ROOT, "kidney function %s %s is above 150 (hyperfiltration?); it is "
                        + "treated as normal", Checks.fmt(Math.round(g.value() * 10) / 10.0), g.unit()));
            }
        });
        out.addAll(liver.unusualValues());
        return out;
    }
}
