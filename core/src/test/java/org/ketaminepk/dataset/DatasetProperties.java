package org.ketaminepk.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

class DatasetProperties {

    /** Any set of intravenous boluses and infusions gives, through a dataset, what the front door gives. */
    @Property(tries = 40)
    void datasetEqualsTheFrontDoor(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 48) Integer> hours,
            @ForAll @DoubleRange(min = 1, max = 200) double amountMg,
            @ForAll @DoubleRange(min = 0, max = 3) double infusionH,
            @ForAll @DoubleRange(min = 0.1, max = 30) double afterLastH) {
        List<Integer> times = new ArrayList<>(hours);
        times.sort(null);
        StringBuilder text = new StringBuilder("ID,TIME,AMT,RATE,CMT\n");
        List<Dose> doses = new ArrayList<>();
        boolean bolus = infusionH < 0.2; // keeps RATE within its 1000 mg/h limit
        for (int t : times) {
            text.append(String.format(Locale.ROOT, "1,%d,%s,%s,iv%n", t, amountMg, bolus ? 0 : amountMg / infusionH));
            doses.add(bolus ? Dose.bolus(Amount.mg(amountMg), t) : Dose.infusion(Amount.mg(amountMg), infusionH, t));
        }
        double obs = times.get(times.size() - 1) + afterLastH;
        text.append(String.format(Locale.ROOT, "1,%s,,,ketamine%n", obs));
        DatasetResult r = DatasetSimulation.of(Models.OTTO_2021).simulate(Dataset.read(new StringReader(
                text.toString()), "p.csv"));
        double first = times.get(0);
        double expected = Simulation.run(Models.OTTO_2021, Patient.standardAdult(), Regimen.of(doses).shifted(-first),
                TimeGrid.of(0, obs - first)).profile().series(Analyte.KETAMINE).ngPerMl(1);
        assertEquals(expected, r.predictionNgPerMl(times.size(), Analyte.KETAMINE), 1e-9 * expected + 1e-12);
    }

    /** SS 1 equals 150 doses given one by one, whatever the interval and infusion length within it. */
    @Property(tries = 25)
    void steadyStateEqualsRepeatedDosing(@ForAll @DoubleRange(min = 2, max = 24) double intervalH,
            @ForAll @DoubleRange(min = 0, max = 1) double infusionShare,
            @ForAll @DoubleRange(min = 0, max = 1) double sampleShare) {
        double dur = infusionShare * intervalH;
        String rate = dur < 0.05 ? "0" : Double.toString(50 / dur); // a bolus below 3 min keeps RATE <= 1000 mg/h
        double sample = sampleShare * intervalH;
        DatasetResult ss = DatasetSimulation.of(Models.OTTO_2021).simulate(Dataset.read(new StringReader(String.format(
                Locale.ROOT, "ID,TIME,AMT,RATE,CMT,II,SS\n1,0,50,%s,iv,%s,1\n1,%s,,,,,\n", rate, intervalH, sample)),
                "s.csv"));
        double last = 150 * intervalH;
        DatasetResult many = DatasetSimulation.of(Models.OTTO_2021).simulate(Dataset.read(new StringReader(
                String.format(Locale.ROOT, "ID,TIME,AMT,RATE,CMT,II,ADDL\n1,0,50,%s,iv,%s,150\n1,%s,,,,,\n", rate,
                        intervalH, last + sample)), "m.csv"));
        for (Analyte a : Models.OTTO_2021.analytes()) {
            double expected = many.predictionNgPerMl(1, a);
            assertEquals(expected, ss.predictionNgPerMl(1, a), 1e-8 * expected, a.label());
        }
    }
}
