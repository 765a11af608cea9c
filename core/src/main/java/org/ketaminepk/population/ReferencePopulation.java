package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * A reference adult population: US adults by sex and ten-year age band, from the National Health and Nutrition
 * Examination Survey 2015–2018 as reported by {@link #SOURCE}. Stateless.
 *
 * <p><b>What is and is not verified.</b> The band means below are as recalled from the report's weight and height
 * tables and were <em>not</em> re-read against the printed report for this library; they agree with the report's
 * all-adult means (men 90.6 kg and 175.4 cm, women 77.5 kg and 161.7 cm) within 1 kg and 1 cm. The spread is an
 * assumption, not a transcription: weight log-normal with CV 22 % (men) and 26 % (women), height normal with SD
 * 7.5 cm (men) and 7.0 cm (women), chosen to match the report's 5th–95th percentile spans approximately; weight and
 * height are drawn independently (each redrawn in the far tail beyond the patient's valid range), and ages
 * uniformly within the range asked for (the survey's age distribution is not used). Every patient drawn here therefore carries these labels in {@link #provenance()}.
 *
 * <p>Not for children: the bands start at 20 years.
 */
public final class ReferencePopulation {
    /** The survey report. */
    public static final String SOURCE = "Fryar CD, Carroll MD, Gu Q, Afful J, Ogden CL. Anthropometric reference "
            + "data for children and adults: United States, 2015–2018. National Center for Health Statistics. Vital "
            + "Health Stat 3(46). 2021 (NHANES 2015–2018)";
    /** Youngest age covered, years. */
    public static final double MIN_AGE_YEARS = 20;
    /** Oldest age drawn, years (the report's last band is "80 and over"; 90 closes it here, an assumption). */
    public static final double MAX_AGE_YEARS = 90;

    private static final double CV_WEIGHT_MEN = 0.22;
    private static final double CV_WEIGHT_WOMEN = 0.26;
    private static final double SD_HEIGHT_MEN_CM = 7.5;
    private static final double SD_HEIGHT_WOMEN_CM = 7.0;
    private static final long REFERENCE_STREAM = 0x4E48414E45533135L;

    /**
     * One sex and age band.
     *
     * @param sex sex
     * @param ageFromYears first age of the band, years
     * @param ageToYears first age of the next band, years
     * @param meanWeightKg mean weight, kg (recalled, not verified: see the class description)
     * @param meanHeightCm mean height, cm (recalled, not verified)
     */
    public record AgeBand(Sex sex, double ageFromYears, double ageToYears, double meanWeightKg, double meanHeightCm) {
    }

    private static final List<AgeBand> BANDS = List.of(
            new AgeBand(Sex.MALE, 20, 30, 85.6, 176.3), new AgeBand(Sex.MALE, 30, 40, 92.6, 176.1),
            new AgeBand(Sex.MALE, 40, 50, 93.9, 176.1), new AgeBand(Sex.MALE, 50, 60, 92.3, 175.1),
            new AgeBand(Sex.MALE, 60, 70, 91.1, 174.4), new AgeBand(Sex.MALE, 70, 80, 87.1, 173.0),
            new AgeBand(Sex.MALE, 80, 90, 79.6, 170.3),
            new AgeBand(Sex.FEMALE, 20, 30, 75.1, 162.8), new AgeBand(Sex.FEMALE, 30, 40, 79.4, 162.9),
            new AgeBand(Sex.FEMALE, 40, 50, 79.5, 162.6), new AgeBand(Sex.FEMALE, 50, 60, 80.2, 161.8),
            new AgeBand(Sex.FEMALE, 60, 70, 78.7, 160.6), new AgeBand(Sex.FEMALE, 70, 80, 74.9, 159.3),
            new AgeBand(Sex.FEMALE, 80, 90, 66.9, 156.6));

    private ReferencePopulation() {
    }

    /** @return the bands, men then women, youngest first */
    public static List<AgeBand> bands() {
        return BANDS;
    }

    /** @return the source and the labels every patient drawn here carries */
    public static List<String> provenance() {
        return List.of("weights and heights: " + SOURCE + "; band means recalled, not verified against the printed "
                + "tables", "assumption: weight log-normal (CV 22 % men, 26 % women), height normal (SD 7.5 cm men, "
                + "7.0 cm women), independent; age uniform within the range asked for");
    }

    /**
     * @param n 1..{@value PatientCsv#MAX_PATIENTS} patients
     * @param seed the seed (patient i has its own stream)
     * @param ageMinYears youngest, 20–90 years
     * @param ageMaxYears oldest, above {@code ageMinYears}, at most 90 years
     * @param fractionMale fraction of men, 0–1
     * @return US-like adults
     */
    public static List<Patient> usAdults(int n, long seed, double ageMinYears, double ageMaxYears,
            double fractionMale) {
        Checks.inRange("patients", n, 1, PatientCsv.MAX_PATIENTS, "");
        Checks.inRange("reference age min", ageMinYears, MIN_AGE_YEARS, MAX_AGE_YEARS, "years");
        Checks.inRange("reference age max", ageMaxYears, MIN_AGE_YEARS, MAX_AGE_YEARS, "years");
        if (!(ageMaxYears > ageMinYears)) {
            throw new InvalidInputException("reference age max", "reference age max must exceed the minimum ("
                    + Checks.fmt(ageMinYears) + " years) but was " + Checks.fmt(ageMaxYears) + " years");
        }
        Checks.fraction("fraction male", fractionMale);
        List<Patient> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UniformRandomProvider rng = PatientStreams.forPatient(seed ^ REFERENCE_STREAM, i);
            ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            Sex sex = rng.nextDouble() < fractionMale ? Sex.MALE : Sex.FEMALE;
            double age = ageMinYears + (ageMaxYears - ageMinYears) * rng.nextDouble();
            AgeBand b = band(sex, age);
            double cv = sex == Sex.MALE ? CV_WEIGHT_MEN : CV_WEIGHT_WOMEN;
            double s2 = Math.log1p(cv * cv);
            double weight;
            do {
                // log-normal with the band's mean: median = mean / √(1 + CV²); redrawn beyond the valid 350 kg
                weight = b.meanWeightKg() * Math.exp(-s2 / 2 + Math.sqrt(s2) * normal.sample());
            } while (weight > 350);
            double height;
            do {
                height = b.meanHeightCm() + (sex == Sex.MALE ? SD_HEIGHT_MEN_CM : SD_HEIGHT_WOMEN_CM)
                        * normal.sample();
            } while (height < 30 || height > 250);
            out.add(new Patient(age, weight, height, sex));
        }
        return out;
    }

    static AgeBand band(Sex sex, double age) {
        for (AgeBand b : BANDS) {
            if (b.sex() == sex && age >= b.ageFromYears() && (age < b.ageToYears() || b.ageToYears()
                    == MAX_AGE_YEARS)) {
                return b;
            }
        }
        throw new IllegalStateException("no band for age " + age);
    }
}
