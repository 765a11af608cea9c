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
 * Examination Survey 2015–2018 as tabulated by {@link #SOURCE}. Stateless.
 *
 * <p><b>What was read, and from where.</b> Each band's mean and 5th and 95th percentiles of weight (the report's
 * Tables 3 and 5, kilograms) and of standing height (Tables 9 and 11, centimetres), row "All race and Hispanic-origin
 * groups", ages 20–29 to 80 and over, as given in {@value #TRANSCRIPTION}, a machine-readable copy of those tables
 * that cites the report's PDF; the printed PDF itself was not read for this library. The copy was checked four ways.
 * (1) Recomputed from the survey's own 2015–2016 and 2017–2018 demographic and body-measure files (as combined in
 * the R package mpower, data set nhanes1518, github.com/phuchonguyen/mpower @ 70df11690f26), weighted by the
 * examination weights, every band's number of examined persons and mean comes out as copied, to the 0.1 printed, and
 * its 5th and 95th percentiles, interpolated linearly between the weighted order statistics, within 0.1 kg or cm;
 * the exception is the weight of women 20–49, where those files cannot set aside pregnant women as the report does
 * (means 75.1, 79.7 and 80.9 kg with them, against 74.9, 79.3 and 80.8 kg printed). (2) The 20-and-over percentiles,
 * the men's mean weight (90.6 kg) and both sexes' mean heights (175.3 and 161.3 cm) agree with other, independent
 * transcriptions of the same tables. (3) In each table the bands' examined persons add up to the 20-and-over row.
 * (4) In every band the mean weight over the squared mean height lies within 0.12 kg/m² of the mean BMI that the
 * copy gives from the report's BMI tables (a check the tests repeat), so a mistyped weight or height would show.
 *
 * <p><b>What is derived, and what is assumed.</b> The spread is derived from the printed percentiles, band by band:
 * weight log-normal with the band's mean and σ<sub>ln</sub> = ln(P95 / P5) / (2 × 1.6449), height normal with the
 * band's mean and SD = (P95 − P5) / (2 × 1.6449), so the drawn 95th-to-5th ratio of weight and 5th-to-95th span of
 * height are the printed ones. The survey's weights are more right-skewed than a log-normal in young adults: with
 * the mean held, the drawn median lies up to 3 kg above the printed median (women 30–39: 76.2 against 73.3 kg).
 * Assumed, not read: weight and height are drawn independently (each redrawn in the far tail beyond the patient's
 * valid range), ages uniformly within the range asked for (the survey's age distribution is not used), and the "80
 * and over" band closes at 90 years. Every patient drawn here carries these labels in {@link #provenance()}.
 *
 * <p>Not for children: the bands start at 20 years. Not a sample of the survey's people: no covariate beyond sex,
 * age, weight and height is drawn.
 */
public final class ReferencePopulation {
    /** The survey report. */
    public static final String SOURCE = "Fryar CD, Carroll MD, Gu Q, Afful J, Ogden CL. Anthropometric reference "
            + "data for children and adults: United States, 2015–2018. National Center for Health Statistics. Vital "
            + "Health Stat 3(46). 2021 (NHANES 2015–2018), www.cdc.gov/nchs/data/series/sr_03/sr03-046-508.pdf";
    /** The machine-readable copy of the report's adult tables the band values were read from. */
    public static final String TRANSCRIPTION = "growthviz-data/ext/vdsmeasures.csv, github.com/mitre/GrowthViz @ "
            + "5168cb9b9170";
    /** Youngest age covered, years. */
    public static final double MIN_AGE_YEARS = 20;
    /** Oldest age drawn, years (the report's last band is "80 and over"; 90 closes it here, an assumption). */
    public static final double MAX_AGE_YEARS = 90;

    /** The standard normal's 95th percentile: a 5th–95th span is 2 × 1.6449 standard deviations. */
    static final double Z_95 = 1.6448536269514722;
    private static final long REFERENCE_STREAM = 0x4E48414E45533135L;

    /**
     * One sex and age band, as tabulated by {@link #SOURCE}: the mean and the 5th and 95th percentiles of weight and
     * of standing height.
     *
     * @param sex sex
     * @param ageFromYears first age of the band, years
     * @param ageToYears first age of the next band, years (90 closes "80 and over", an assumption)
     * @param meanWeightKg mean weight, kg (Tables 3 and 5)
     * @param weightP5Kg 5th percentile of weight, kg
     * @param weightP95Kg 95th percentile of weight, kg
     * @param meanHeightCm mean standing height, cm (Tables 9 and 11)
     * @param heightP5Cm 5th percentile of height, cm
     * @param heightP95Cm 95th percentile of height, cm
     */
    public record AgeBand(Sex sex, double ageFromYears, double ageToYears, double meanWeightKg, double weightP5Kg,
            double weightP95Kg, double meanHeightCm, double heightP5Cm, double heightP95Cm) {
        /** Refuses a band whose mean does not lie strictly between its 5th and 95th percentiles. */
        public AgeBand {
            if (!(0 < weightP5Kg && weightP5Kg < meanWeightKg && meanWeightKg < weightP95Kg
                    && 0 < heightP5Cm && heightP5Cm < meanHeightCm && meanHeightCm < heightP95Cm)) {
                throw new InvalidInputException("age band", "an age band's mean must lie between its 5th and 95th "
                        + "percentiles, above 0, but weight was " + Checks.fmt(weightP5Kg) + " < "
                        + Checks.fmt(meanWeightKg) + " < " + Checks.fmt(weightP95Kg) + " kg and height "
                        + Checks.fmt(heightP5Cm) + " < " + Checks.fmt(meanHeightCm) + " < "
                        + Checks.fmt(heightP95Cm) + " cm");
            }
        }

        /** @return σ of ln(weight) for a log-normal whose 5th and 95th percentiles are the printed ones */
        public double weightSdLog() {
            return Math.log(weightP95Kg / weightP5Kg) / (2 * Z_95);
        }

        /** @return SD of height, cm, for a normal whose 5th and 95th percentiles are the printed ones */
        public double heightSdCm() {
            return (heightP95Cm - heightP5Cm) / (2 * Z_95);
        }
    }

    private static AgeBand men(double from, double to, double w, double w5, double w95, double h, double h5,
            double h95) {
        return new AgeBand(Sex.MALE, from, to, w, w5, w95, h, h5, h95);
    }

    private static AgeBand women(double from, double to, double w, double w5, double w95, double h, double h5,
            double h95) {
        return new AgeBand(Sex.FEMALE, from, to, w, w5, w95, h, h5, h95);
    }

    // weight kg: mean, P5, P95; height cm: mean, P5, P95
    private static final List<AgeBand> BANDS = List.of(
            men(20, 30, 85.5, 58.3, 128.1, 175.8, 164.5, 187.1),
            men(30, 40, 94.4, 65.0, 139.9, 176.3, 163.5, 188.7),
            men(40, 50, 93.9, 66.3, 133.3, 176.3, 163.6, 188.4),
            men(50, 60, 91.9, 63.2, 130.6, 175.4, 162.8, 187.7),
            men(60, 70, 91.2, 62.3, 128.1, 174.4, 162.5, 185.0),
            men(70, 80, 87.7, 60.5, 119.0, 173.0, 161.5, 184.7),
            men(80, 90, 80.5, 56.2, 107.9, 170.4, 157.4, 182.3),
            women(20, 30, 74.9, 48.5, 118.4, 162.6, 151.0, 172.8),
            women(30, 40, 79.3, 50.3, 127.6, 162.7, 151.2, 173.4),
            women(40, 50, 80.8, 53.3, 123.8, 162.3, 150.7, 174.2),
            women(50, 60, 78.7, 49.2, 121.1, 161.3, 150.7, 171.4),
            women(60, 70, 78.2, 50.8, 112.7, 160.7, 149.3, 171.7),
            women(70, 80, 74.7, 50.7, 107.3, 158.2, 147.5, 168.1),
            women(80, 90, 67.9, 46.4, 96.8, 155.6, 145.3, 166.7));

    private ReferencePopulation() {
    }

    /** @return the bands, men then women, youngest first */
    public static List<AgeBand> bands() {
        return BANDS;
    }

    /** @return the source and the labels every patient drawn here carries */
    public static List<String> provenance() {
        return List.of("weights and heights: " + SOURCE + ", Tables 3 and 5 (weight) and 9 and 11 (height), all "
                + "race and Hispanic-origin groups: band means and 5th and 95th percentiles as tabulated, read from "
                + "the third-party transcription " + TRANSCRIPTION + ", checked against the report's mean BMI and "
                + "recomputed from the survey's 2015–2018 files",
                "derived from those percentiles: weight log-normal with the band's mean and σ(ln) = ln(P95/P5)/3.29, "
                + "height normal with the band's mean and SD = (P95 − P5)/3.29",
                "assumption: weight and height independent; age uniform within the range asked for; 80 and over "
                + "closed at 90 years");
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
            double sdLog = b.weightSdLog();
            double weight;
            do {
                // log-normal with the band's mean: median = mean × exp(−σ²/2); redrawn beyond the valid 350 kg
                weight = b.meanWeightKg() * Math.exp(-sdLog * sdLog / 2 + sdLog * normal.sample());
            } while (weight > 350);
            double height;
            do {
                height = b.meanHeightCm() + b.heightSdCm() * normal.sample();
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
