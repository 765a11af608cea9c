package org.ketaminepk.cli.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ketaminepk.patient.Patient;

import picocli.CommandLine.Option;

/**
 * The patient options of {@code simulate}, {@code compare} and {@code patient}: body size and sex, kidney function,
 * liver function (Child–Pugh class or its five items), CYP2B6 genotype and interacting co-medication. Values are
 * kept as typed and read by {@link PatientFields}, which also reads {@code --patient key=value}, so both accept the
 * same words and units.
 */
public final class PatientOptions {
    @Option(names = "--age", paramLabel = "YEARS", description = "Age, years (default 40).")
    String age;

    @Option(names = "--weight", paramLabel = "KG", description = "Body weight, kg (default 70).")
    String weight;

    @Option(names = "--height", paramLabel = "CM", description = "Height, cm (default 175).")
    String height;

    @Option(names = "--sex", paramLabel = "male|female", completionCandidates = Sexes.class,
            description = "Sex (default male).")
    String sex;

    @Option(names = "--creatinine", paramLabel = "VALUE+UNIT",
            description = "Serum creatinine with its unit, e.g. 1.2mg/dL or 106umol/L; turned into eGFR by "
                    + "CKD-EPI 2021 (adults) and creatinine clearance by Cockcroft-Gault.")
    String creatinine;

    @Option(names = "--egfr", paramLabel = "VALUE",
            description = "eGFR as reported, mL/min/1.73 m² (instead of --creatinine).")
    String egfr;

    @Option(names = "--clcr", paramLabel = "VALUE",
            description = "Creatinine clearance, mL/min (instead of --creatinine).")
    String clcr;

    @Option(names = "--child-pugh", paramLabel = "A|B|C", completionCandidates = ChildPughClasses.class,
            description = "Child-Pugh class (or score 5-15) of liver disease; or give the five items below.")
    String childPugh;

    @Option(names = "--bilirubin", paramLabel = "VALUE+UNIT",
            description = "Child-Pugh item: total bilirubin, e.g. 2.5mg/dL or 43umol/L.")
    String bilirubin;

    @Option(names = "--albumin", paramLabel = "VALUE+UNIT",
            description = "Child-Pugh item: serum albumin, e.g. 3.1g/dL or 31g/L.")
    String albumin;

    @Option(names = "--inr", paramLabel = "RATIO", description = "Child-Pugh item: INR, e.g. 1.8.")
    String inr;

    @Option(names = "--ascites", paramLabel = "none|mild|moderate",
            description = "Child-Pugh item: ascites.")
    String ascites;

    @Option(names = "--encephalopathy", paramLabel = "none|grade1-2|grade3-4",
            description = "Child-Pugh item: hepatic encephalopathy.")
    String encephalopathy;

    @Option(names = "--cyp2b6", paramLabel = "GENOTYPE", completionCandidates = Genotypes.class,
            description = "CYP2B6 genotype: *1/*1, *1/*6 or *6/*6 (quote it in a shell: '*6/*6').")
    String cyp2b6;

    @Option(names = "--comed", paramLabel = "DRUG", completionCandidates = CoMedications.class,
            description = "Interacting co-medication: rifampicin, clarithromycin, ticlopidine or itraconazole. "
                    + "Repeat for more.")
    List<String> comeds = new ArrayList<>();

    /** @return the options given, key → texts, in {@link PatientFields#KEYS} order */
    public Map<String, List<String>> given() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        put(g, "age", age);
        put(g, "weight", weight);
        put(g, "height", height);
        put(g, "sex", sex);
        put(g, "creatinine", creatinine);
        put(g, "egfr", egfr);
        put(g, "clcr", clcr);
        put(g, "child-pugh", childPugh);
        put(g, "bilirubin", bilirubin);
        put(g, "albumin", albumin);
        put(g, "inr", inr);
        put(g, "ascites", ascites);
        put(g, "encephalopathy", encephalopathy);
        put(g, "cyp2b6", cyp2b6);
        if (!comeds.isEmpty()) {
            g.put("comed", List.copyOf(comeds));
        }
        return g;
    }

    private static void put(Map<String, List<String>> g, String key, String value) {
        if (value != null) {
            g.put(key, List.of(value));
        }
    }

    /** @return the patient these options describe (the standard adult where they are silent) */
    public Patient patient() {
        return PatientFields.build(given(), PatientOptions::optionName);
    }

    /** The heading of the patient options in every command's help. */
    public static final String HEADING = "%nPatient (default: 40 years, 70 kg, 175 cm, male; organ function as in the "
            + "model's source):%n";

    /** @return {@code options}, or empty options when picocli left the group unset (none of them given) */
    public static PatientOptions orEmpty(PatientOptions options) {
        return options == null ? new PatientOptions() : options;
    }

    /** @return "--creatinine" for "creatinine" */
    public static String optionName(String key) {
        return "--" + key;
    }

    /** Sexes for shell completion. */
    static final class Sexes extends FixedCandidates {
        Sexes() {
            super("male", "female");
        }
    }

    /** Child–Pugh classes for shell completion. */
    static final class ChildPughClasses extends FixedCandidates {
        ChildPughClasses() {
            super("A", "B", "C");
        }
    }

    /** CYP2B6 genotypes for shell completion. */
    static final class Genotypes extends FixedCandidates {
        Genotypes() {
            super("*1/*1", "*1/*6", "*6/*6");
        }
    }

    /** Co-medications for shell completion. */
    static final class CoMedications extends FixedCandidates {
        CoMedications() {
            super("rifampicin", "clarithromycin", "ticlopidine", "itraconazole");
        }
    }
}
