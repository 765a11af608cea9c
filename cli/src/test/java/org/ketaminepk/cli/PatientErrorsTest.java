package org.ketaminepk.cli;

import org.ketaminepk.cli.options.PatientFields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Impossible patients: one line on standard error naming the option, the value, the unit and the valid range (or
 * the accepted words), exit 2 — the same for {@code patient}, {@code simulate} and, inside {@code --patient}, for
 * {@code compare}.
 */
class PatientErrorsTest {

    private static void usageError(Cli.Result r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, "one line only:\n" + r.err());
        assertEquals("error: " + expected, r.errLines()[0]);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out(), "nothing on standard output");
    }

    /** Option, value, the message after "error: --OPTION " (the part after the name). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age | -1 | must be between 0 and 120 years but was -1",
        "age | 121 | must be between 0 and 120 years but was 121",
        "age | old | must be a number between 0 and 120 years but was 'old'",
        "weight | 0 | must be between 0.5 and 350 kg but was 0",
        "weight | 60lb | must be a number between 0.5 and 350 kg but was '60lb'",
        "weight | 1e3 | must be a number between 0.5 and 350 kg but was '1e3'",
        "weight | NaN | must be a number between 0.5 and 350 kg but was 'NaN'",
        "height | tall | must be a number between 30 and 250 cm but was 'tall'",
        "height | 0cm | must be between 30 and 250 cm but was 0",
        "sex | x | must be one of male, female but was 'x'",
        "creatinine | 0mg/dL | must be between 0.1 and 25 mg/dL but was 0",
        "creatinine | 0 umol/L | must be between 8.84 and 2210 µmol/L but was 0",
        "creatinine | 30mg/dL | must be between 0.1 and 25 mg/dL but was 30",
        "creatinine | 1.2 | needs its unit, mg/dL or µmol/L (e.g. 1.2mg/dL or 106umol/L), but was '1.2' "
                + "(laboratories report it in either)",
        "creatinine | 1.2mmol/L | unit must be one of mg/dL, µmol/L but was '1.2mmol/L'",
        "creatinine | high | must be a number with its unit, mg/dL or µmol/L (e.g. 1.2mg/dL or 106umol/L), but "
                + "was 'high'",
        "egfr | 0 | must be between 1 and 250 mL/min/1.73 m² but was 0",
        "clcr | 300 | must be between 1 and 250 mL/min but was 300",
        "child-pugh | D | must be one of A, B, C (or a score 5-15 points) but was 'D'",
        "child-pugh | 4 | score must be between 5 and 15 points but was 4 (or give the class A, B or C)",
        "cyp2b6 | *2/*6 | must be one of *1/*1, *1/*6, *6/*6 but was '*2/*6'",
        "comed | aspirin | must be one of rifampicin, clarithromycin, ticlopidine, itraconazole (or none) but was "
                + "'aspirin'"})
    void impossibleValues(String key, String value, String message) {
        String option = "--" + key;
        usageError(Cli.run("patient", option, value), option + " " + message);
        usageError(Cli.run("simulate", "--dose", "bolus 20 mg", option, value), option + " " + message);
        usageError(Cli.run("compare", "--dose", "bolus 20 mg", "--patient", "age=30", "--patient", key + "=" + value),
                "--patient '" + key + "=" + value + "': " + key + " " + message);
    }

    /** The five Child–Pugh items, each out of range while the others are valid. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bilirubin | 0mg/dL | --bilirubin must be between 0.1 and 60 mg/dL but was 0",
        "bilirubin | 2000umol/L | --bilirubin must be between 1 and 1000 µmol/L but was 2000",
        "bilirubin | 2.5 | --bilirubin needs its unit, mg/dL or µmol/L (e.g. 2.5mg/dL or 43umol/L), but was '2.5' "
                + "(laboratories report it in either)",
        "albumin | 100g/L | --albumin must be between 5 and 70 g/L but was 100",
        "albumin | 3g | --albumin unit must be one of g/dL, g/L but was '3g'",
        "inr | 0 | --inr must be between 0.5 and 15 but was 0",
        "ascites | lots | --ascites must be one of none, mild (slight), moderate (or severe) but was 'lots'",
        "encephalopathy | grade5 | --encephalopathy must be one of none, grade1-2, grade3-4 but was 'grade5'"})
    void impossibleChildPughItems(String key, String value, String message) {
        List<String> args = new ArrayList<>(List.of("patient"));
        String[][] valid = {{"bilirubin", "2.5mg/dL"}, {"albumin", "31g/L"}, {"inr", "1.8"}, {"ascites", "none"},
            {"encephalopathy", "none"}};
        for (String[] kv : valid) {
            args.add("--" + kv[0]);
            args.add(kv[0].equals(key) ? value : kv[1]);
        }
        usageError(Cli.run(args.toArray(new String[0])), message);
    }

    @Test
    void twoStatementsAboutOneOrganAreRefused() {
        usageError(Cli.run("patient", "--creatinine", "1.2mg/dL", "--egfr", "40"), "--creatinine and --egfr both "
                + "describe kidney function; give one of --creatinine, --egfr, --clcr (a creatinine is turned into "
                + "eGFR by CKD-EPI 2021)");
        usageError(Cli.run("patient", "--child-pugh", "B", "--inr", "2"), "--child-pugh and --inr both describe the "
                + "liver; give the class (or score), or the five items from which it is scored");
        usageError(Cli.run("patient", "--bilirubin", "2.5mg/dL", "--albumin", "31g/L"), "the Child–Pugh score needs "
                + "all five items (--bilirubin, --albumin, --inr, --ascites, --encephalopathy); missing: --inr, "
                + "--ascites, --encephalopathy (or give --child-pugh A|B|C)");
        usageError(Cli.run("compare", "--dose", "bolus 20 mg", "--patient", "age=30", "--patient",
                "egfr=30,creatinine=1.4mg/dL"), "--patient 'egfr=30,creatinine=1.4mg/dL': creatinine and egfr both "
                        + "describe kidney function; give one of creatinine, egfr, clcr (a creatinine is turned into "
                        + "eGFR by CKD-EPI 2021)");
        usageError(Cli.run("compare", "--dose", "bolus 20 mg", "--patient", "age=30", "--patient", "inr=2"),
                "--patient 'inr=2': the Child–Pugh score needs all five items (bilirubin, albumin, inr, ascites, "
                        + "encephalopathy); missing: bilirubin, albumin, ascites, encephalopathy (or give child-pugh "
                        + "A|B|C)");
    }

    @Test
    void unknownPatientKeysListTheAcceptedOnes() {
        Cli.Result r = Cli.run("compare", "--dose", "bolus 20 mg", "--patient", "age=30", "--patient", "gfr=30");
        usageError(r, "Invalid value for option '--patient' (KEY=VALUE,...): 'gfr=30': unknown key 'gfr'; "
                + "accepted keys: " + PatientFields.keyList() + " (see 'ketamine-pk compare --help')");
        assertTrue(PatientFields.keyList().contains("creatinine, egfr, clcr, child-pugh"), PatientFields.keyList());
    }

    @Test
    void aChildNeedsMeasuredWeightAndHeightNotTheAdultDefaults() {
        Cli.Result noWeight = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--age", "0");
        assertEquals(2, noWeight.code(), noWeight.out());
        assertTrue(noWeight.err().contains("--weight is needed for a patient under 18 years (age 0 y)"),
                noWeight.err());
        Cli.Result noHeight = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--age", "6",
                "--weight", "20");
        assertEquals(2, noHeight.code(), noHeight.out());
        assertTrue(noHeight.err().contains("--height is needed for a patient under 18 years"), noHeight.err());
        assertTrue(noHeight.err().contains("175 cm are an adult's"), noHeight.err());
        Cli.Result inCompare = Cli.run("compare", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--patient",
                "age=8,weight=25", "--patient", "age=40");
        assertEquals(2, inCompare.code(), inCompare.out());
        assertTrue(inCompare.err().contains("height is needed"), inCompare.err());
        Cli.Result measured = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 5 mg", "--age", "6",
                "--weight", "20", "--height", "115", "--duration", "1h");
        assertEquals(0, measured.code(), measured.err());
    }
}
