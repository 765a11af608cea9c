package org.ketaminepk.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dataset.Dataset;
import org.ketaminepk.fit.Level;
import org.ketaminepk.fit.LevelsCsv;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PatientCsv;
import org.ketaminepk.population.PatientDistributions;
import org.ketaminepk.population.VariabilitySpec;

/**
 * Whatever a cell of a levels file, a patient file, a dataset or a population spec holds, the reader either returns
 * finite values or refuses the cell with an {@link InvalidInputException} naming its line and column (or item): no
 * {@link NumberFormatException}, and no number read from a notation nobody writes in a file of measurements
 * (hexadecimal, Java's type suffixes), which {@link Double#parseDouble} would accept silently.
 */
class ReaderProperties {

    /** Numbers as typed, half-typed and mistyped: what the characters of a number can spell. */
    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.eE+-").ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("1", "12.5", ".5", "5.", "1e2", "-0", "+3", "0x1p5", "70d", "170f", "1.2.3", "NaN",
                        "Infinity", "-Infinity", "1e400", "99999999999", "4.9e-324", " 7 ", "1_000", "٣"));
    }

    @Property(tries = 400)
    void levelTimesAndValues(@ForAll("cells") String cell) {
        for (String text : List.of("time,analyte,value\n" + cell + ",ketamine,100 ng/mL\n",
                "time,analyte,value\n1," + "ketamine," + cell + " ng/mL\n",
                "time,analyte,value\n" + cell + "min,ketamine,100 ng/mL\n")) {
            try {
                for (Level l : LevelsCsv.read(new StringReader(text), "levels.csv")) {
                    assertTrue(Double.isFinite(l.timeH()) && Double.isFinite(l.valueNgPerMl().getAsDouble()), () -> l + " from "
                            + text);
                }
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith("levels.csv line 2, column "), e::getMessage);
            }
        }
    }

    @Property(tries = 400)
    void patientCells(@ForAll("cells") String cell) {
        for (String text : List.of("age,weight,height,sex\n" + cell + ",70,170,male\n",
                "age,weight,height,sex,child_pugh\n50,70,170,male," + cell + "\n",
                "age,weight,height,sex,creatinine\n50,70,170,male," + cell + " mg/dL\n",
                "age,weight,height,sex,egfr\n50,70,170,male," + cell + "\n")) {
            try {
                for (Patient p : PatientCsv.read(new StringReader(text))) {
                    assertTrue(Double.isFinite(p.ageYears()), p::toString);
                }
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith("line 2: "), e::getMessage);
            }
        }
    }

    @Property(tries = 300)
    void datasetCells(@ForAll("cells") String cell) {
        String text = "ID,TIME,AMT,EVID,CMT,WT\n1," + cell + ",100,1,1,70\n1,24,.,0,2," + cell + "\n";
        try {
            for (Dataset.Record r : Dataset.read(new StringReader(text), "d.csv").records()) {
                assertTrue(Double.isFinite(r.timeH()), r::toString);
            }
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage().startsWith("d.csv line "), e::getMessage);
        }
    }

    @Property(tries = 300)
    void populationSpecs(@ForAll("cells") String cell) {
        try {
            VariabilitySpec.parse("CL=" + cell + "%");
        } catch (InvalidInputException e) {
            assertEquals("variability", e.field());
        }
        try {
            PatientDistributions.parse("weight=" + cell + "..120,age=" + cell);
        } catch (InvalidInputException e) {
            assertEquals("distributions", e.field());
        }
    }

    /** The cells first found: each crashed a reader or was read as something else. */
    @Example
    void foundCells() {
        String m = assertThrows(InvalidInputException.class, () -> LevelsCsv.read(new StringReader(
                "time,analyte,value\n1.2.3,ketamine,100 ng/mL\n"), "levels.csv")).getMessage();
        assertEquals("levels.csv line 2, column time: time must be a number of hours or a number with min, h or d "
                + "but was '1.2.3'", m);
        m = assertThrows(InvalidInputException.class, () -> PatientCsv.read(new StringReader(
                "age,weight,height,sex,child_pugh\n50,70,170,male,99999999999\n"))).getMessage();
        assertEquals("line 2: Child–Pugh score must be between 5 and 15 points but was 99999999999", m);
        m = assertThrows(InvalidInputException.class, () -> PatientCsv.read(new StringReader(
                "age,weight,height,sex\n0x1p5,70,170,male\n"))).getMessage();
        assertEquals("line 2: age must be a number but was '0x1p5'", m);
        m = assertThrows(InvalidInputException.class, () -> Dataset.read(new StringReader(
                "ID,TIME,AMT,EVID,CMT\n1,0,100d,1,1\n"), "d.csv")).getMessage();
        assertTrue(m.startsWith("d.csv line 2, column AMT: AMT must be a number but was '100d'"), m);
        // a CMT of '1d' was read as compartment 1
        m = assertThrows(InvalidInputException.class, () -> org.ketaminepk.dataset.DatasetSimulation.of(
                org.ketaminepk.library.Models.OTTO_2021).simulate(Dataset.read(new StringReader(
                        "ID,TIME,AMT,CMT\n1,0,100,1d\n1,1,.,2\n"), "d.csv"))).getMessage();
        assertTrue(m.startsWith("d.csv line 2, column CMT: CMT '1d' is not a dosing compartment"), m);
        // the second time column was read and the first ignored
        m = assertThrows(InvalidInputException.class, () -> LevelsCsv.read(new StringReader(
                "time,analyte,value,time\n1,ketamine,100 ng/mL,2\n"), "levels.csv")).getMessage();
        assertEquals("levels.csv line 1: column 'time' appears twice in the header", m);
    }
}
