package org.ketaminepk.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

import picocli.CommandLine.TypeConversionException;

/** {@code --patient key=value,...}: the pairs are read when the command line is parsed, the values when used. */
class PatientSpecTest {
    @Test
    void patientSpecsApplyOverTheBase() {
        Map<String, List<String>> base = Map.of();
        assertEquals(new Patient(80, 60, 175, Sex.MALE), PatientSpec.parse("age=80,weight=60").apply(base));
        assertEquals(new Patient(80, 60, 160, Sex.FEMALE),
                PatientSpec.parse(" AGE = 80y , weight=60kg, height=160 cm, sex=f ").apply(base));
        assertEquals(new Patient(40, 70, 175, Sex.MALE), PatientSpec.parse("age=40years").apply(base));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age | 'age': 'age' is not key=value (keys: KEYS)",
        "age= | 'age=': 'age=' is not key=value (keys: KEYS)",
        "=3 | '=3': '=3' is not key=value (keys: KEYS)",
        "age=30,age=40 | 'age=30,age=40': key 'age' is given twice",
        "childpugh=B | 'childpugh=B': unknown key 'childpugh'; accepted keys: KEYS"})
    void pairsThatAreNotKeyAndValueAreRefusedWhenParsed(String spec, String message) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> PatientSpec.parse(spec));
        assertEquals(message.replace("KEYS", PatientFields.keyList()), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age=old | --patient 'age=old': age must be a number between 0 and 120 years but was 'old'",
        "weight=60lb | --patient 'weight=60lb': weight must be a number between 0.5 and 350 kg but was '60lb'",
        "sex=x | --patient 'sex=x': sex must be one of male, female but was 'x'",
        "height=400 | --patient 'height=400': height must be between 30 and 250 cm but was 400"})
    void badValuesAreRefusedWhenThePatientIsBuilt(String spec, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PatientSpec.parse(spec).apply(Map.of()));
        assertEquals(message, e.getMessage());
        assertEquals("patient", e.field());
    }

    @Test
    void aPatientSpecOverridesTheOptionsOrganByOrgan() {
        Map<String, List<String>> options = Map.of("creatinine", List.of("1.4mg/dL"), "child-pugh", List.of("B"),
                "comed", List.of("rifampicin"), "age", List.of("70"));
        Patient p = PatientSpec.parse("egfr=45,bilirubin=1mg/dL,albumin=40g/L,inr=1,ascites=none,"
                + "encephalopathy=none,comed=none").apply(options);
        assertEquals(70, p.ageYears());
        assertEquals("eGFR 45 mL/min/1.73 m² (as given)", p.kidney().describe());
        assertEquals(5, p.childPughScore().getAsInt());
        assertTrue(p.coMedications().isEmpty());
        Patient two = PatientSpec.parse("comed=rifampicin+clarithromycin,comed=itraconazole").apply(Map.of());
        assertEquals(3, two.coMedications().size());
        Patient kept = PatientSpec.parse("weight=80").apply(options);
        assertEquals("serum creatinine 1.4 mg/dL", kept.kidney().describe());
        assertEquals(ChildPughClass.B, kept.childPughClass().orElseThrow());
    }
}
