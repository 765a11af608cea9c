package org.ketaminepk.cli.options;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Ascites;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.ChildPughComponents;
import org.ketaminepk.patient.ChildPughComponents.AlbuminUnit;
import org.ketaminepk.patient.ChildPughComponents.BilirubinUnit;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.CreatinineUnit;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.Encephalopathy;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * The patient as the command line reads it: one table of keys ({@code age}, {@code creatinine}, {@code child-pugh},
 * ...) shared by the options ({@code --age 80}) and by {@code --patient age=80,...}, so that both accept the same
 * words, units and ranges and both refuse the same mistakes.
 *
 * <p>Values arrive as text and are turned into a {@link Patient} in one place, {@link #build}: numbers may carry
 * their unit, laboratory values must (1.2 mg/dL and 106 µmol/L of creatinine differ by a factor 88), and the
 * library validates ranges. Every error is told about the name the user typed ({@code --creatinine} or
 * {@code creatinine}), from the field the library's exception names.
 */
public final class PatientFields {
    /** Keys that describe kidney function; at most one may be given. */
    static final List<String> KIDNEY_KEYS = List.of("creatinine", "egfr", "clcr");
    /** The five Child–Pugh items; all or none. */
    static final List<String> CHILD_PUGH_ITEMS = List.of("bilirubin", "albumin", "inr", "ascites", "encephalopathy");

    /**
     * Every key, in the order help and messages list them, with the value it takes. The keys are also the option
     * names without their leading dashes.
     */
    public static final Map<String, String> KEYS = keys();

    /** Library field names ({@link InvalidInputException#field()}) → the key the user typed. */
    private static final Map<String, String> KEY_OF_LIBRARY_FIELD = Map.ofEntries(
            Map.entry("age", "age"), Map.entry("weight", "weight"), Map.entry("height", "height"),
            Map.entry("sex", "sex"), Map.entry("serum creatinine", "creatinine"), Map.entry("eGFR", "egfr"),
            Map.entry("creatinine clearance", "clcr"), Map.entry("Child–Pugh score", "child-pugh"),
            Map.entry("Child–Pugh class", "child-pugh"), Map.entry("bilirubin", "bilirubin"),
            Map.entry("albumin", "albumin"), Map.entry("INR", "inr"), Map.entry("ascites", "ascites"),
            Map.entry("encephalopathy", "encephalopathy"), Map.entry("CYP2B6 genotype", "cyp2b6"),
            Map.entry("co-medication", "comed"));

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(.*)");

    private PatientFields() {
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("age", "years");
        k.put("weight", "kg");
        k.put("height", "cm");
        k.put("sex", "male|female");
        k.put("creatinine", "mg/dL or µmol/L, e.g. 1.2mg/dL, 106umol/L");
        k.put("egfr", "mL/min/1.73 m²");
        k.put("clcr", "mL/min");
        k.put("child-pugh", "A|B|C or a score 5-15");
        k.put("bilirubin", "mg/dL or µmol/L");
        k.put("albumin", "g/dL or g/L");
        k.put("inr", "ratio");
        k.put("ascites", "none|mild|moderate");
        k.put("encephalopathy", "none|grade1-2|grade3-4");
        k.put("cyp2b6", "*1/*1|*1/*6|*6/*6");
        k.put("comed", "rifampicin|clarithromycin|ticlopidine|itraconazole|none");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** @return the keys as a comma-separated list */
    public static String keyList() {
        return String.join(", ", KEYS.keySet());
    }

    /**
     * Overlays {@code top} on {@code base}: keys in {@code top} win, and a kidney or liver statement in {@code top}
     * replaces the whole statement of {@code base} (a creatinine over an eGFR, a Child–Pugh class over the five
     * items, or the other way round), so that the result never holds two descriptions of one organ.
     *
     * @param base values, key → texts (e.g. from the options)
     * @param top values that override (e.g. from one {@code --patient})
     * @return a new map
     */
    static Map<String, List<String>> overlay(Map<String, List<String>> base, Map<String, List<String>> top) {
        Map<String, List<String>> out = new LinkedHashMap<>(base);
        if (KIDNEY_KEYS.stream().anyMatch(top::containsKey)) {
            KIDNEY_KEYS.forEach(out::remove);
        }
        if (top.containsKey("child-pugh")) {
            CHILD_PUGH_ITEMS.forEach(out::remove);
        }
        if (CHILD_PUGH_ITEMS.stream().anyMatch(top::containsKey)) {
            out.remove("child-pugh");
        }
        out.putAll(top);
        return out;
    }

    /** Age from which the adult defaults of weight and height may stand in for measured values, years. */
    static final double ADULT_AGE_YEARS = 18;

    /**
     * Builds the patient: the standard adult (40 years, 70 kg, 175 cm, male, nothing else stated) with the given
     * values applied. A patient under {@link #ADULT_AGE_YEARS} must be given weight and height.
     *
     * @param given key → texts as typed (one text per key except {@code comed})
     * @param name how to name a key in messages ("--creatinine" for an option, "creatinine" inside --patient)
     * @return the patient
     * @throws InvalidInputException whose field is the offending key and whose message starts with its name
     */
    public static Patient build(Map<String, List<String>> given, Function<String, String> name) {
        for (String key : given.keySet()) {
            if (!KEYS.containsKey(key)) {
                throw new IllegalArgumentException("not a patient key: " + key);
            }
        }
        Patient p = Patient.standardAdult();
        p = withBody(p, given, name);
        p = withKidney(p, given, name);
        p = withLiver(p, given, name);
        String genotype = one(given, "cyp2b6");
        if (genotype != null) {
            Patient q = p;
            p = apply("cyp2b6", name, () -> q.withCyp2b6(genotype(genotype, name)));
        }
        List<String> comeds = given.get("comed");
        if (comeds != null) {
            Set<CoMedication> set = EnumSet.noneOf(CoMedication.class);
            for (String c : comeds) {
                for (String one : c.split("\\+")) {
                    if (!one.trim().equalsIgnoreCase("none")) {
                        set.add(comed(one, name));
                    }
                }
            }
            p = p.withCoMedications(set);
        }
        return p;
    }

    private static Patient withBody(Patient start, Map<String, List<String>> given, Function<String, String> name) {
        Patient p = start;
        String age = one(given, "age");
        if (age != null) {
            Patient q = p;
            p = apply("age", name, () -> q.withAgeYears(number("age", age, name, "years", 0, Patient.MAX_AGE_YEARS,
                    "years", "year", "yrs", "yr", "y")));
        }
        String weight = one(given, "weight");
        if (weight != null) {
            Patient q = p;
            p = apply("weight", name, () -> q.withWeightKg(number("weight", weight, name, "kg", Patient.MIN_WEIGHT_KG,
                    Patient.MAX_WEIGHT_KG, "kg")));
        }
        String height = one(given, "height");
        if (height != null) {
            Patient q = p;
            p = apply("height", name, () -> q.withHeightCm(number("height", height, name, "cm", Patient.MIN_HEIGHT_CM,
                    Patient.MAX_HEIGHT_CM, "cm")));
        }
        if (p.ageYears() < ADULT_AGE_YEARS) {
            // the defaults are an adult's; no growth reference is built in to derive a child's size from age
            for (String key : List.of("weight", "height")) {
                if (one(given, key) == null) {
                    throw new InvalidInputException(key, name.apply(key) + " is needed for a patient under "
                            + Checks.fmt(ADULT_AGE_YEARS) + " years (age " + Checks.fmt(p.ageYears()) + " y): the "
                            + "default 70 kg and 175 cm are an adult's, and no growth reference is built in; give "
                            + "the child's measured weight and height");
                }
            }
        }
        String sex = one(given, "sex");
        if (sex != null) {
            Patient q = p;
            p = apply("sex", name, () -> q.withSex(Sex.parse(sex)));
        }
        return p;
    }

    private static Patient withKidney(Patient p, Map<String, List<String>> given, Function<String, String> name) {
        List<String> kidney = new ArrayList<>();
        for (String k : KIDNEY_KEYS) {
            if (given.containsKey(k)) {
                kidney.add(k);
            }
        }
        if (kidney.size() > 1) {
            throw new InvalidInputException(kidney.get(1), name.apply(kidney.get(0)) + " and "
                    + name.apply(kidney.get(1)) + " both describe kidney function; give one of "
                    + names(KIDNEY_KEYS, name) + " (a creatinine is turned into eGFR by CKD-EPI 2021)");
        }
        if (kidney.isEmpty()) {
            return p;
        }
        String key = kidney.get(0);
        String text = one(given, key);
        KidneyFunction k;
        switch (key) {
            case "creatinine": {
                Measured v = measured("creatinine", text, name, "mg/dL or µmol/L (e.g. 1.2mg/dL or 106umol/L)");
                CreatinineUnit u = unit("creatinine", text, name, "mg/dL, µmol/L",
                        () -> CreatinineUnit.parse(v.unit()));
                k = apply(key, name, () -> KidneyFunction.serumCreatinine(v.value(), u));
                break;
            }
            case "egfr": {
                double v = number(key, text, name, "mL/min/1.73 m²", "ml/min/1.73m²", "ml/min/1.73 m²",
                        "ml/min/1.73m2", "ml/min/1.73 m2");
                k = apply(key, name, () -> KidneyFunction.egfrMlPerMinPer173m2(v));
                break;
            }
            default: {
                double v = number(key, text, name, "mL/min", "ml/min");
                k = apply(key, name, () -> KidneyFunction.creatinineClearanceMlPerMin(v));
                break;
            }
        }
        return p.withKidney(k);
    }

    private static Patient withLiver(Patient p, Map<String, List<String>> given, Function<String, String> name) {
        List<String> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String k : CHILD_PUGH_ITEMS) {
            (given.containsKey(k) ? items : missing).add(k);
        }
        String cls = one(given, "child-pugh");
        if (cls != null && !items.isEmpty()) {
            throw new InvalidInputException("child-pugh", name.apply("child-pugh") + " and "
                    + names(items, name) + " both describe the liver; give the class (or score), or the five items "
                    + "from which it is scored");
        }
        if (cls != null) {
            return p.withLiver(childPugh(cls, name));
        }
        if (items.isEmpty()) {
            return p;
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.get(0), "the Child–Pugh score needs all five items ("
                    + names(CHILD_PUGH_ITEMS, name) + "); missing: " + names(missing, name)
                    + " (or give " + name.apply("child-pugh") + " A|B|C)");
        }
        Measured bili = measured("bilirubin", one(given, "bilirubin"), name,
                "mg/dL or µmol/L (e.g. 2.5mg/dL or 43umol/L)");
        BilirubinUnit biliUnit = unit("bilirubin", one(given, "bilirubin"), name, "mg/dL, µmol/L",
                () -> BilirubinUnit.parse(bili.unit()));
        Measured alb = measured("albumin", one(given, "albumin"), name, "g/dL or g/L (e.g. 3.1g/dL or 31g/L)");
        AlbuminUnit albUnit = unit("albumin", one(given, "albumin"), name, "g/dL, g/L",
                () -> AlbuminUnit.parse(alb.unit()));
        double inr = number("inr", one(given, "inr"), name, "");
        Ascites ascites = choice("ascites", one(given, "ascites"), name, "none, mild (slight), moderate (or severe)",
                Ascites::parse);
        Encephalopathy enc = choice("encephalopathy", one(given, "encephalopathy"), name,
                "none, grade1-2, grade3-4", Encephalopathy::parse);
        ChildPughComponents c = apply("bilirubin", name, () -> new ChildPughComponents(bili.value(), biliUnit,
                alb.value(), albUnit, inr, ascites, enc));
        return p.withChildPugh(c);
    }

    private static LiverFunction childPugh(String text, Function<String, String> name) {
        String t = text.trim();
        if (t.matches("\\d{1,3}")) {
            int score = Integer.parseInt(t);
            if (score < 5 || score > 15) {
                throw about("child-pugh", name, text, "score must be between 5 and 15 points but was " + score
                        + " (or give the class A, B or C)");
            }
            return LiverFunction.childPughScore(score);
        }
        return choice("child-pugh", text, name, "A, B, C (or a score 5-15 points)",
                s -> LiverFunction.childPugh(ChildPughClass.parse(s)));
    }

    private static Cyp2b6Genotype genotype(String text, Function<String, String> name) {
        return choice("cyp2b6", text, name, "*1/*1, *1/*6, *6/*6", Cyp2b6Genotype::parse);
    }

    private static CoMedication comed(String text, Function<String, String> name) {
        return choice("comed", text, name, "rifampicin, clarithromycin, ticlopidine, itraconazole (or none)",
                CoMedication::parse);
    }

    /** Parses with the library's parser, or refuses with the accepted words. */
    private static <T> T choice(String key, String text, Function<String, String> name, String accepted,
            Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (InvalidInputException e) {
            throw InvalidInputException.notOneOf(key, text, accepted).renamed(key, name.apply(key));
        }
    }

    /**
     * A body measure: a number, optionally followed by one of {@code suffixes}; the message for text that is not a
     * number names the valid range too (the range itself is checked by {@link Patient}).
     *
     * @throws InvalidInputException "--weight must be a number between 0.5 and 350 kg but was 'heavy'"
     */
    static double number(String key, String text, Function<String, String> name, String unit, double lo, double hi,
            String... suffixes) {
        try {
            return number(key, text, name, unit, suffixes);
        } catch (InvalidInputException e) {
            throw about(key, name, text, "must be a number between " + Checks.fmt(lo) + " and " + Checks.fmt(hi) + " "
                    + unit + " but was '" + text + "'");
        }
    }

    /**
     * A number, optionally followed by one of {@code suffixes} (case ignored).
     *
     * @throws InvalidInputException "--inr must be a number but was 'high'"
     */
    static double number(String key, String text, Function<String, String> name, String unit, String... suffixes) {
        String v = text.trim().toLowerCase(Locale.ROOT).replace('μ', 'µ');
        for (String s : suffixes) {
            if (v.endsWith(s.toLowerCase(Locale.ROOT))) {
                v = v.substring(0, v.length() - s.length()).trim();
                break;
            }
        }
        if (!v.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw about(key, name, text, "must be a number" + (unit.isEmpty() ? "" : " in " + unit) + " but was '"
                    + text + "'");
        }
        return Double.parseDouble(v);
    }

    /**
     * A laboratory value as typed: the number and the text of its unit.
     *
     * @param value the number
     * @param unit the unit as typed ("mg/dL", "umol/L")
     */
    private record Measured(double value, String unit) {
    }

    /** Splits "1.2mg/dL" into the number and the unit text, which must be present. */
    private static Measured measured(String key, String text, Function<String, String> name, String units) {
        Matcher m = NUMBER_AND_UNIT.matcher(text.trim());
        // "1e400mg/dL" is a number in exponent notation, which no patient field takes, not 1 with the unit "e400mg/dL"
        if (!m.matches() || m.group(2).matches("(?i)e[+-]?\\d.*")) {
            throw about(key, name, text, "must be a number with its unit, " + units + ", but was '" + text + "'");
        }
        if (m.group(2).isBlank()) {
            throw about(key, name, text, "needs its unit, " + units + ", but was '" + text
                    + "' (laboratories report it in either)");
        }
        return new Measured(Double.parseDouble(m.group(1)), m.group(2).trim());
    }

    private static <T> T unit(String key, String text, Function<String, String> name, String accepted,
            java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            throw about(key, name, text, "unit must be one of " + accepted + " but was '" + text + "'");
        }
    }

    /**
     * Runs a library call and names its error as the user typed it: the library's "serum creatinine must be between
     * 0.1 and 25 mg/dL but was 0" is about the field {@code serum creatinine}, which the user typed as
     * {@code --creatinine}, so the same sentence is told about {@code --creatinine}.
     */
    private static <T> T apply(String key, Function<String, String> name, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw rename(e, key, name);
        }
    }

    /**
     * @return {@code e} told about the name the user typed for its field; an error about a field the user did not
     *         type (or one in the library's own words) is reported within {@code fallbackKey}
     */
    static InvalidInputException rename(InvalidInputException e, String fallbackKey, Function<String, String> name) {
        String field = e.field();
        String key = field == null ? null : KEY_OF_LIBRARY_FIELD.getOrDefault(field, KEYS.containsKey(field) ? field
                : null);
        if (key != null && e.kind() != InvalidInputException.Kind.TEXT) {
            return e.renamed(key, name.apply(key));
        }
        return e.within(fallbackKey, name.apply(fallbackKey));
    }

    /** @return "{name of key} {statement}" about the text typed for {@code key} */
    private static InvalidInputException about(String key, Function<String, String> name, String text,
            String statement) {
        return InvalidInputException.statement(key, text, statement).renamed(key, name.apply(key));
    }

    private static String one(Map<String, List<String>> given, String key) {
        List<String> v = given.get(key);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    private static String names(List<String> keys, Function<String, String> name) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.add(name.apply(k));
        }
        return String.join(", ", out);
    }
}
