package org.ketaminepk.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;

class DatasetSimulationTest {

    private static DatasetResult run(PublishedModel m, String text) {
        return DatasetSimulation.of(m).simulate(Dataset.read(new StringReader(text), "t.csv"));
    }

    /** Concentration from the front door, for the same patient and regimen. */
    private static double frontDoor(PublishedModel m, Regimen reg, double t, Analyte a) {
        TimeGrid g = TimeGrid.of(0, t);
        double[] c = Simulation.run(m, Patient.standardAdult(), reg, g).profile().series(a).ngPerMl();
        return c[1];
    }

    @Test
    void infusionAndAdditionalDosesMatchTheFrontDoor() {
        // 20 mg over 1 h (RATE 20 mg/h) every 6 h, 3 additional; observed at 19.5 h
        DatasetResult r = run(Models.OTTO_2021, "ID,TIME,AMT,RATE,CMT,II,ADDL\n1,0,20,20,iv,6,3\n1,19.5,.,.,.,.,.\n");
        Regimen reg = Regimen.repeat(Dose.infusion(Amount.mg(20), 1, 0), 6, 4);
        for (Analyte a : Models.OTTO_2021.analytes()) {
            double expected = frontDoor(Models.OTTO_2021, reg, 19.5, a);
            assertEquals(expected, r.predictionNgPerMl(1, a), 1e-9 * expected, a.label());
        }
    }

    /** Progress hears of every ID once, whatever thread finishes it, and the results do not change. */
    @Test
    void progressCountsEveryIdOnce() {
        StringBuilder text = new StringBuilder("ID,TIME,AMT,CMT\n");
        int ids = 40;
        for (int id = 1; id <= ids; id++) {
            text.append(id).append(",0,").append(id).append(",iv\n").append(id).append(",2,,\n");
        }
        Dataset d = Dataset.read(new StringReader(text.toString()), "t.csv");
        List<Integer> heard = new CopyOnWriteArrayList<>();
        DatasetResult withProgress = DatasetSimulation.of(Models.OTTO_2021).simulate(d, heard::add);
        DatasetResult without = DatasetSimulation.of(Models.OTTO_2021).simulate(d);
        assertEquals(ids, heard.size());
        assertTrue(heard.stream().sorted().toList().equals(java.util.stream.IntStream.rangeClosed(1, ids).boxed()
                .toList()), heard.toString());
        for (int row = 1; row < 2 * ids; row += 2) {
            assertEquals(without.predictionNgPerMl(row, Analyte.KETAMINE),
                    withProgress.predictionNgPerMl(row, Analyte.KETAMINE), 0);
        }
    }

    @Test
    void durationColumnGivesTheSameInfusionAsARate() {
        DatasetResult a = run(Models.OTTO_2021, "ID,TIME,AMT,RATE,DUR,CMT\n1,0,20,-2,0.5,iv\n1,3,,,,\n");
        DatasetResult b = run(Models.OTTO_2021, "ID,TIME,AMT,RATE,CMT\n1,0,20,40,iv\n1,3,,,\n");
        assertEquals(b.predictionNgPerMl(1, Analyte.KETAMINE), a.predictionNgPerMl(1, Analyte.KETAMINE), 1e-12);
    }

    @Test
    void resetEmptiesTheBody() {
        DatasetResult r = run(Models.OTTO_2021, "ID,TIME,AMT,CMT,EVID\n1,0,20,iv,1\n1,2,0,,3\n1,3,0,,0\n");
        assertEquals(0, r.predictionNgPerMl(1, Analyte.KETAMINE));
        assertEquals(0, r.predictionNgPerMl(2, Analyte.NORKETAMINE));
    }

    /** SS=1 against 200 doses given one by one, to 1e-8 relative, for a bolus, an infusion and an oral dose. */
    @Test
    void steadyStateEqualsLongRepeatedDosing() {
        String[][] cases = {{"iv", "0"}, {"iv", "25"}, {"oral", "0"}};
        for (String[] c : cases) {
            double tau = 8;
            String ss = String.format(Locale.ROOT, "ID,TIME,AMT,RATE,CMT,II,SS\n1,0,50,%s,%s,8,1\n1,3,,,,,\n"
                    + "1,8,,,,,\n", c[1], c[0]);
            String longRun = String.format(Locale.ROOT, "ID,TIME,AMT,RATE,CMT,II,ADDL\n1,0,50,%s,%s,8,200\n"
                    + "1,%s,,,,,\n1,%s,,,,,\n", c[1], c[0], 200 * tau + 3, 200 * tau + 8);
            PublishedModel m = c[0].equals("oral") ? Models.DEFAULT : Models.OTTO_2021;
            DatasetResult a = run(m, ss);
            DatasetResult b = run(m, longRun);
            for (Analyte an : m.analytes()) {
                for (int i = 1; i <= 2; i++) {
                    double expected = b.predictionNgPerMl(i, an);
                    assertEquals(expected, a.predictionNgPerMl(i, an), 1e-8 * expected, c[0] + " " + c[1] + " "
                            + an.label() + " record " + i);
                }
            }
        }
    }

    @Test
    void steadyStateInfusionEqualsALongInfusion() {
        DatasetResult a = run(Models.OTTO_2021, "ID,TIME,AMT,RATE,CMT,SS\n1,0,0,10,iv,1\n1,4,,,,\n");
        // 10 mg/h for 600 h reaches steady state to far below 1e-8 of the level for this model
        DatasetResult b = run(Models.OTTO_2021, "ID,TIME,AMT,RATE,CMT\n1,0,6000,10,iv\n1,599,,,\n");
        for (Analyte an : Models.OTTO_2021.analytes()) {
            double expected = b.predictionNgPerMl(1, an);
            assertEquals(expected, a.predictionNgPerMl(1, an), 1e-8 * expected, an.label());
        }
    }

    @Test
    void steadyStateTwoAddsToWhatIsThere() {
        DatasetResult sum = run(Models.OTTO_2021,
                "ID,TIME,AMT,CMT,II,SS\n1,0,20,iv,0,0\n1,1,50,iv,8,2\n1,5,,,,\n");
        DatasetResult first = run(Models.OTTO_2021, "ID,TIME,AMT,CMT\n1,0,20,iv\n1,5,,\n");
        DatasetResult ss = run(Models.OTTO_2021, "ID,TIME,AMT,CMT,II,SS\n1,1,50,iv,8,1\n1,5,,,,\n");
        double expected = first.predictionNgPerMl(1, Analyte.KETAMINE) + ss.predictionNgPerMl(1, Analyte.KETAMINE);
        assertEquals(expected, sum.predictionNgPerMl(2, Analyte.KETAMINE), 1e-9 * expected);
    }

    @Test
    void covariatesChangeTheIndividualAndOutputKeepsFileOrder() {
        StringBuilder text = new StringBuilder("ID,TIME,AMT,CMT,WT\n");
        for (int id = 1; id <= 40; id++) {
            text.append(id).append(",0,50,iv,").append(50 + id).append('\n');
            text.append(id).append(",2,,,").append(50 + id).append('\n');
        }
        DatasetResult r = run(Models.OTTO_2021, text.toString());
        for (int id = 1; id < 40; id++) {
            double heavier = r.predictionNgPerMl(2 * id + 1, Analyte.KETAMINE);
            double lighter = r.predictionNgPerMl(2 * id - 1, Analyte.KETAMINE);
            assertEquals(true, heavier < lighter, "ID " + (id + 1) + " is heavier than ID " + id);
        }
        double expected = Simulation.run(Models.OTTO_2021, Patient.standardAdult().withWeightKg(60),
                Regimen.of(Dose.bolus(Amount.mg(50), 0)), TimeGrid.of(0, 2)).profile().series(Analyte.KETAMINE)
                .ngPerMl()[1];
        assertEquals(expected, r.predictionNgPerMl(19, Analyte.KETAMINE), 1e-9 * expected);
    }

    @Test
    void oralDoseByRouteNumber() {
        int oral = CompartmentTable.of(Models.DEFAULT).find("oral").orElseThrow().number();
        DatasetResult r = run(Models.DEFAULT, "ID,TIME,AMT,CMT\n1,0,50," + oral + "\n1,2,,\n");
        double expected = frontDoor(Models.DEFAULT, Regimen.of(Dose.extravascular(Route.ORAL, Amount.mg(50), 0)),
                2, Analyte.NORKETAMINE);
        assertEquals(expected, r.predictionNgPerMl(1, Analyte.NORKETAMINE), 1e-9 * expected);
    }

    @Test
    void aCovariateChangingWithinAnIdIsRefusedNamingLineAndColumn() {
        org.ketaminepk.base.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.ketaminepk.base.InvalidInputException.class, () -> run(Models.OTTO_2021,
                        "ID,TIME,AMT,CMT,WT,SEX\n1,0,20,iv,70,M\n2,0,20,iv,80,F\n2,2,.,ketamine,80,f\n"
                                + "2,4,.,ketamine,85,F\n"));
        assertEquals("WT", e.field());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("t.csv line 5, column WT: WT changes "
                + "within ID 2 ('80' on its first record, line 3, '85' here); time-varying covariates are not "
                + "supported"), e.getMessage());
    }

    @Test
    void aCovariateRepeatedOrLeftMissingOnLaterRecordsIsAccepted() {
        DatasetResult repeated = run(Models.OTTO_2021, "ID,TIME,AMT,CMT,WT\n1,0,20,iv,90\n1,2,.,ketamine,90.0\n"
                + "1,3,.,ketamine,.\n");
        DatasetResult once = run(Models.OTTO_2021, "ID,TIME,AMT,CMT,WT\n1,0,20,iv,90\n1,2,.,ketamine,\n"
                + "1,3,.,ketamine,\n");
        assertEquals(once.predictionNgPerMl(2, Analyte.KETAMINE), repeated.predictionNgPerMl(2, Analyte.KETAMINE));
    }

    @Test
    void idsWithEqualCovariatesGetTheSamePredictionsAsEachAlone() {
        String twoIds = "ID,TIME,AMT,CMT,WT\n1,0,20,iv,60\n1,2,.,ketamine,60\n2,0,30,iv,60\n2,2,.,ketamine,60\n";
        DatasetResult both = run(Models.OTTO_2021, twoIds);
        DatasetResult second = run(Models.OTTO_2021, "ID,TIME,AMT,CMT,WT\n2,0,30,iv,60\n2,2,.,ketamine,60\n");
        assertEquals(second.predictionNgPerMl(1, Analyte.KETAMINE), both.predictionNgPerMl(3, Analyte.KETAMINE));
        assertEquals(1.5 * both.predictionNgPerMl(1, Analyte.KETAMINE), both.predictionNgPerMl(3, Analyte.KETAMINE),
                1e-9);
    }

    /** Every covariate column reaches the patient, as the front door's patient with the same values. */
    @Test
    void eachCovariateColumnSetsThePatient() {
        String text = "ID,TIME,AMT,CMT,AGE,WT,HT,SEX,EGFR,CHILDPUGH\n1,0,20,iv,72,58,160,F,35,B\n1,3,.,ketamine,,,,,,\n";
        Patient p = Patient.standardAdult().withAgeYears(72).withWeightKg(58).withHeightCm(160)
                .withSex(org.ketaminepk.patient.Sex.FEMALE).withEgfrMlPerMinPer173m2(35)
                .withChildPugh(org.ketaminepk.patient.ChildPughClass.B);
        TimeGrid g = TimeGrid.of(0, 3);
        Regimen reg = Regimen.of(Dose.bolus(Amount.mg(20), 0));
        double expected = Simulation.run(Models.DEFAULT, p, reg, g).profile().series(Analyte.KETAMINE).ngPerMl()[1];
        assertEquals(expected, run(Models.DEFAULT, text).predictionNgPerMl(1, Analyte.KETAMINE), 1e-9 * expected);
        double score = run(Models.DEFAULT, text.replace(",B\n", ",8\n")).predictionNgPerMl(1, Analyte.KETAMINE);
        assertEquals(expected, score, 1e-9 * expected, "Child-Pugh score 8 is class B");
    }

    @Test
    void creatinineClearanceAndEgfrTogetherAreRefusedOnTheEgfrColumn() {
        org.ketaminepk.base.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.ketaminepk.base.InvalidInputException.class, () -> run(Models.OTTO_2021,
                        "ID,TIME,AMT,CMT,CRCL,EGFR\n1,0,20,iv,60,55\n"));
        assertEquals("EGFR", e.field());
        assertEquals("t.csv line 2, column EGFR: give CRCL or EGFR for an ID, not both", e.getMessage());
    }

    @Test
    void aBadCovariateIsRefusedNamingItsColumn() {
        org.ketaminepk.base.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.ketaminepk.base.InvalidInputException.class, () -> run(Models.OTTO_2021,
                        "ID,TIME,AMT,CMT,AGE,HT\n1,0,20,iv,40,tall\n"));
        assertEquals("HT", e.field());
        assertEquals("t.csv line 2, column HT: HT must be a number but was 'tall'", e.getMessage());
    }

    /** A score of more digits than an int holds is refused like any other score outside 5–15, not crashed on. */
    @Test
    void aChildPughScoreOfManyDigitsIsRefusedOnItsColumn() {
        for (String score : new String[] {"16", "9999", "99999999999999999999"}) {
            org.ketaminepk.base.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.ketaminepk.base.InvalidInputException.class, () -> run(Models.OTTO_2021,
                            "ID,TIME,AMT,CMT,CHILDPUGH\n1,0,20,iv," + score + "\n"));
            assertEquals("CHILDPUGH", e.field(), score);
            assertTrue(e.getMessage().startsWith("t.csv line 2, column CHILDPUGH: Child–Pugh score must be between 5 "
                    + "and 15 points but was " + score), e.getMessage());
        }
    }
}
