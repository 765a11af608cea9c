package org.ketaminepk.cli;

import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.cli.options.PatientFields;
import org.ketaminepk.cli.options.PatientSpec;
import org.ketaminepk.cli.report.CsvOutput;
import org.ketaminepk.cli.report.Run;
import org.ketaminepk.cli.report.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/** The small helpers: patient specs, bands, number formats, warning collapsing. */
class SupportTest {

    @Test
    void patientSpecsApplyOverTheBase() {
        Map<String, List<String>> base = Map.of();
        assertEquals(new Patient(80, 60, 175, Sex.MALE), PatientSpec.apply(base, "age=80,weight=60"));
        assertEquals(new Patient(80, 60, 160, Sex.FEMALE),
                PatientSpec.apply(base, " AGE = 80y , weight=60kg, height=160 cm, sex=f "));
        assertEquals(new Patient(40, 70, 175, Sex.MALE), PatientSpec.apply(base, "age=40years"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age | --patient 'age': 'age' is not key=value (keys: KEYS)",
        "age= | --patient 'age=': 'age=' is not key=value (keys: KEYS)",
        "=3 | --patient '=3': '=3' is not key=value (keys: KEYS)",
        "age=old | --patient 'age=old': age must be a number in years but was 'old'",
        "weight=60lb | --patient 'weight=60lb': weight must be a number in kg but was '60lb'",
        "age=30,age=40 | --patient 'age=30,age=40': key 'age' is given twice",
        "childpugh=B | --patient 'childpugh=B': unknown key 'childpugh'; accepted keys: KEYS",
        "sex=x | --patient 'sex=x': sex must be one of male, female but was 'x'",
        "height=400 | --patient 'height=400': height must be between 30 and 250 cm but was 400"})
    void patientSpecErrors(String spec, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PatientSpec.apply(Map.of(), spec));
        assertEquals(message.replace("KEYS", PatientFields.keyList()), e.getMessage());
        assertEquals("patient", e.field());
    }

    @Test
    void bands() {
        OutputOptions.Band b = OutputOptions.Band.parse("100-250");
        assertEquals(100, b.lowNgPerMl());
        assertEquals(250, b.highNgPerMl());
        assertEquals("100–250 ng/mL", b.label());
        assertEquals(1.5, OutputOptions.Band.parse(" 1.5 .. 2 ").lowNgPerMl());
        assertThrows(InvalidInputException.class, () -> OutputOptions.Band.parse("0-10"));
        assertThrows(InvalidInputException.class, () -> OutputOptions.Band.parse("10"));
        assertThrows(InvalidInputException.class, () -> OutputOptions.Band.parse("-5-10"));
    }

    @Test
    void numbers() {
        assertEquals("123.5", Text.sig(123.456, 4));
        assertEquals("0.001235", Text.sig(0.00123456, 4));
        assertEquals("12350", Text.sig(12345.6, 4));
        assertEquals("0", Text.sig(0, 4));
        assertEquals("4.00", Text.hours(4));
        assertEquals("1 min", Text.step(1.0 / 60));
        assertEquals("30 s", Text.step(30.0 / 3600));
        assertEquals("2 h", Text.step(2));
        assertEquals("244 h (10.2 d)", Text.span(244));
        assertEquals("14,641", Text.count(14_641));
        assertEquals("0.3333333333", CsvOutput.number(1.0 / 3));
        assertEquals("1.234567890e-07", CsvOutput.number(1.23456789e-7));
        assertEquals("0", CsvOutput.number(0));
        assertEquals("\"a,b\"", CsvOutput.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvOutput.quote("say \"hi\""));
        assertEquals("plain", CsvOutput.quote("plain"));
        assertEquals(List.of("aaa bbb", "ccc"), Text.wrap("aaa bbb ccc", 7));
    }

    @Test
    void longRunsOfOneKindOfWarningAreCollapsed() {
        List<Warning> ws = List.of(capped(0), capped(24), Warning.of(Warning.Kind.AGE_OUTSIDE_RANGE, 90.0, 18.0, 60.0,
                "m"), capped(48), capped(72));
        String a = "infusion at 0 h: rate capped at 25 mg/h (uncapped 35 mg/h at 100 kg)";
        String x = "age 90 years is outside the 18–60 years that m was built from; results are extrapolated";
        assertEquals(List.of(a, "... and 3 more of the same kind (dose outside range; all are in --json)", x),
                Run.collapse(ws, 1));
        assertEquals(5, Run.collapse(ws, 3).size());
        assertEquals(x, Run.collapse(ws, 3).get(4));
    }

    private static Warning capped(double atH) {
        return Warning.of(Warning.Kind.RATE_CAPPED, atH, 25.0, 35.0, 100.0);
    }

    @Test
    void optionNamesComeFromTheFieldNotFromTheText() {
        assertEquals("--weight must be between 0.5 and 350 kg but was -3",
                Main.optionNames(InvalidInputException.outOfRange("weight", -3, 0.5, 350, "kg")));
        // a sentence in the thrower's own words is shown as it is, even if it happens to start with the field
        assertEquals("weight must be odd", Main.optionNames(new InvalidInputException("weight", "weight must be odd")));
        assertEquals("infusion weight is odd", Main.optionNames(new InvalidInputException("weight",
                "infusion weight is odd")));
        assertEquals("route must be one of iv but was 'x'", Main.optionNames(InvalidInputException.notOneOf("route",
                "x", "iv")));
        assertEquals("--model must be one of a, b but was 'x'",
                Main.optionNames(InvalidInputException.notOneOf("model", "x", "a, b")));
        assertTrue(Main.optionNames(InvalidInputException.statement("dose", "x", "\"x\": bad"))
                .startsWith("--dose \"x\""));
    }
}
