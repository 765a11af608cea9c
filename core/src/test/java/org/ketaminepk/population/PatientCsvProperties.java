package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CreatinineUnit;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * Patients written to a patient file, each number as Java or C prints it (shortest form, or {@code %.17e}), read back
 * as the same patients. Before, a creatinine written with an exponent ("1.1E0 mg/dL") was refused as an unknown unit
 * 'E0 mg/dL' although every other cell reads exponents, and a file saved with a byte-order mark had an unknown
 * column 'age'.
 */
class PatientCsvProperties {

    @Provide
    Arbitrary<Patient> patients() {
        Arbitrary<Patient> base = Combinators.combine(Arbitraries.doubles().between(0, Patient.MAX_AGE_YEARS),
                Arbitraries.doubles().between(Patient.MIN_WEIGHT_KG, Patient.MAX_WEIGHT_KG),
                Arbitraries.doubles().between(Patient.MIN_HEIGHT_CM, Patient.MAX_HEIGHT_CM), Arbitraries.of(
                        Sex.class)).as(Patient::new);
        Arbitrary<CreatinineUnit> unit = Arbitraries.of(CreatinineUnit.class);
        return Combinators.combine(base, Arbitraries.integers().between(0, 3), unit, Arbitraries.doubles()
                .between(0, 1), Arbitraries.integers().between(0, 2), Arbitraries.of(ChildPughClass.class),
                Arbitraries.integers().between(5, 15)).as((p, kidney, u, f, liver, c, score) -> {
                    Patient q = switch (kidney) {
                        case 1 -> u == CreatinineUnit.MG_PER_DL
                                ? p.withSerumCreatinineMgPerDl(Math.min(u.max(), u.min() + f * (u.max() - u.min())))
                                : p.withSerumCreatinineUmolPerL(Math.min(u.max(), u.min() + f * (u.max() - u.min())));
                        case 2 -> p.withEgfrMlPerMinPer173m2(KidneyFunction.MIN_GFR + f * 200);
                        case 3 -> p.withCreatinineClearanceMlPerMin(KidneyFunction.MIN_GFR + f * 200);
                        default -> p;
                    };
                    return liver == 1 ? q.withChildPugh(c) : liver == 2 ? q.withChildPughScore(score) : q;
                });
    }

    @Provide
    Arbitrary<List<Patient>> files() {
        return patients().list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 300)
    void writtenPatientsReadBackTheSame(@ForAll("files") List<Patient> patients, @ForAll boolean exponents,
            @ForAll boolean byteOrderMark) {
        StringBuilder b = new StringBuilder(byteOrderMark ? "\uFEFF" : "").append(
                "age,weight,height,sex,creatinine,egfr,clcr,child_pugh\r\n");
        for (Patient p : patients) {
            b.append(n(p.ageYears(), exponents)).append(',').append(n(p.weightKg(), exponents)).append(',')
                    .append(n(p.heightCm(), exponents)).append(',').append(p.sex().name().toLowerCase(Locale.ROOT))
                    .append(',');
            KidneyFunction k = p.kidney();
            b.append(k instanceof KidneyFunction.SerumCreatinine s ? n(s.value(), exponents) + " "
                    + s.unit().symbol() : "").append(',');
            b.append(k instanceof KidneyFunction.EstimatedGfr g ? n(g.mlPerMinPer173m2(), exponents) : "").append(',');
            b.append(k instanceof KidneyFunction.CreatinineClearance c ? n(c.mlPerMin(), exponents) : "").append(',');
            LiverFunction l = p.liver();
            b.append(l instanceof LiverFunction.ClassGiven c ? c.childPughClassGiven().name()
                    : l instanceof LiverFunction.ScoreGiven s ? Integer.toString(s.score()) : "").append("\r\n");
        }
        assertEquals(patients, PatientCsv.read(new StringReader(b.toString())), b::toString);
    }

    /** A number as Java prints it, or with an exponent and every digit. */
    private static String n(double v, boolean exponent) {
        return exponent ? String.format(Locale.ROOT, "%.17e", v) : Double.toString(v);
    }

    @Example
    void aNegativeCreatinineIsRefusedWithItsRangeAndMinusZeroIsZero() {
        // refused before as "must be a value with its unit ... but was '-1 mg/dL'"
        // shown as the cell writes it, with its unit
        assertEquals("line 2: serum creatinine must be between 0.1 and 25 mg/dL but was -1 mg/dL",
                org.junit.jupiter.api.Assertions.assertThrows(org.ketaminepk.base.InvalidInputException.class, () -> PatientCsv.read(
                        new StringReader("age,weight,height,sex,creatinine\n40,70,175,male,-1 mg/dL\n")))
                .getMessage());
        // a patient of age −0 before, not equal to the same patient of age 0
        assertEquals(List.of(new Patient(0, 70, 175, Sex.MALE)), PatientCsv.read(new StringReader(
                "age,weight,height,sex\n-0,70,175,male\n")));
    }

    /**
     * A front end's own limit: the file is read up to it, and one patient more is refused with the number of rows
     * the file holds (blank lines and comments not counted) and the line of the first patient past it.
     */
    @Example
    void aLowerLimitIsEnforcedWithTheRowsTheFileHolds() {
        String text = "age,weight,height,sex\n40,70,175,male\n\n# next\n30,60,165,female\n50,80,175,male\n"
                + "60,90,180,male\n";
        assertEquals(4, PatientCsv.read(new StringReader(text), 4).size());
        assertEquals("the file holds 4 patients (rows after the header) but may hold at most 2; patient 3 is on "
                + "line 6", org.junit.jupiter.api.Assertions.assertThrows(org.ketaminepk.base.InvalidInputException
                        .class, () -> PatientCsv.read(new StringReader(text), 2)).getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(org.ketaminepk.base.InvalidInputException.class,
                () -> PatientCsv.read(new StringReader(text), 0));
    }

    /** A number too large for a double is shown as written, not as "Infinity", in the usual range message. */
    @Example
    void aNumberTooLargeToReadIsShownAsWritten() {
        for (String[] c : new String[][] {{"40,1e400,175,male", "weight must be between 0.5 and 350 kg but was 1e400"},
                {"40,70,-1e999,male", "height must be between 30 and 250 cm but was -1e999"}}) {
            String message = org.junit.jupiter.api.Assertions.assertThrows(org.ketaminepk.base.InvalidInputException
                    .class, () -> PatientCsv.read(new StringReader("age,weight,height,sex\n" + c[0] + "\n")))
                    .getMessage();
            assertEquals("line 2: " + c[1], message);
        }
    }

    @Example
    void theCellsFirstFound() {
        assertEquals(List.of(Patient.standardAdult().withSerumCreatinineMgPerDl(1.1)), PatientCsv.read(
                new StringReader("\uFEFFage,weight,height,sex,creatinine\n40,70,175,male,1.1E0 mg/dL\n")));
    }
}
