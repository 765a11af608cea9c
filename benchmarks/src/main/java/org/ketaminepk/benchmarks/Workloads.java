package org.ketaminepk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/** The protocol, output grid and cohort that the benchmarks share. */
public final class Workloads {
    /** Seed of the benchmark cohort, so every run simulates the same patients. */
    public static final long COHORT_SEED = 20_260_101L;

    private Workloads() {
    }

    /**
     * The outpatient CRPS protocol of Schwartzman et al. (Pain 2009;147:107-115): 0.35 mg/kg/h, at most 25 mg/h, for
     * 4 h once a day for 10 days.
     */
    public static Regimen crpsTenDays() {
        Dose.Infusion daily = Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25);
        return Regimen.daily(Regimen.of(daily), 10);
    }

    /** @return a one-minute grid from 0 to the end of day 11 (15,841 points) */
    public static TimeGrid minuteGridTo11Days() {
        return TimeGrid.uniform(11 * 24, 1.0 / 60);
    }

    /**
     * A deterministic cohort: weights uniform in 50–110 kg, ages uniform in 20–80 years, heights uniform in
     * 150–195 cm, sexes alternating. The same seed always gives the same patients.
     *
     * @param size number of patients
     * @param seed the random seed
     */
    public static List<Patient> cohort(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Patient> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double weightKg = 50 + 60 * random.nextDouble();
            double ageYears = 20 + 60 * random.nextDouble();
            double heightCm = 150 + 45 * random.nextDouble();
            out.add(new Patient(ageYears, weightKg, heightCm, i % 2 == 0 ? Sex.FEMALE : Sex.MALE));
        }
        return out;
    }
}
