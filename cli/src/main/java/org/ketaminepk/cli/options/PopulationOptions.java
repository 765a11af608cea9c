package org.ketaminepk.cli.options;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PatientCsv;
import org.ketaminepk.population.PatientDistributions;
import org.ketaminepk.population.ReferencePopulation;
import org.ketaminepk.population.VariabilitySpec;
import org.ketaminepk.result.Band;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of a population run of {@code simulate} (and of {@code compare} and {@code target}): how many virtual
 * patients, the seed, where their covariates come from (one patient repeated, distributions, a file or a cited
 * reference population), assumed variability for a model without published variability, and the population outputs.
 * Without {@code --population} or {@code --patients} none of them applies and {@code simulate} shows the typical
 * curve.
 */
public final class PopulationOptions {
    /** Option group heading in the help. */
    public static final String HEADING = "%nPopulation (between-patient variability):%n";
    /** Largest population the command line accepts, from --population or from a --patients file. */
    public static final int MAX_PATIENTS = 100_000;
    /** Seed when none is given, so that a population run is reproducible by default. */
    public static final long DEFAULT_SEED = 2026L;

    /** The reference populations {@code --reference-population} accepts. */
    public enum Reference {
        /** US adults by sex and age (NHANES 2015–2018, {@link ReferencePopulation}). */
        US_ADULTS("us-adults");

        private final String id;

        Reference(String id) {
            this.id = id;
        }

        /** @return the name typed on the command line */
        public String id() {
            return id;
        }
    }

    @Option(names = "--population", paramLabel = "N", converter = PatientCount.class,
            description = "Simulate N virtual patients (1–100000) whose parameters vary as the model's publication "
                    + "says; prints distributions and probabilities, and draws the median with 50 %% and 90 %% bands. "
                    + "A percentile p needs 100/min(p, 100-p) patients to say more than the lowest or highest one: "
                    + "below 20 patients the 5th and 95th (the 90 %% band), below 4 the 25th and 75th (the 50 %% "
                    + "band) are left out of every output, and the outputs say so.")
    public Integer population;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.Seed.class, description = "Seed of the virtual population (default 2026); "
            + "the same seed gives the same patients.")
    public Long seed;

    @Option(names = "--iiv", paramLabel = "SPEC", converter = Iiv.class,
            description = "Assumed between-patient variability as CV per parameter, e.g. \"CL=30%%,V1=40%%\" (and "
                    + "r(CL,V1)=0.5); replaces published terms of those parameters; labelled a user assumption.")
    public VariabilitySpec iiv;

    @Option(names = "--vary", paramLabel = "SPEC", converter = Vary.class,
            description = "Draw covariates: weight=50..120 (uniform), age=normal(45,12), height=..., male=0.5; "
                    + "an unnamed age, weight or height stays the standard adult's (40 years, 70 kg, 175 cm), so "
                    + "ages under 18 need weight and height drawn too, and, without male=, half the patients are men "
                    + "(the patient options do not go with it).")
    public PatientDistributions vary;

    @Option(names = "--patients", paramLabel = "FILE.csv", description = "Virtual patients from a CSV file with "
            + "columns age,weight,height,sex (years, kg, cm, male|female) and optionally creatinine, egfr, clcr, "
            + "child_pugh; one patient per row, at most 100000 rows.")
    public Path patientsFile;

    @Option(names = "--reference-population", paramLabel = "NAME", converter = ReferenceName.class,
            description = "Draw covariates from a cited reference: us-adults (NHANES 2015–2018, ages 20–80).")
    public Reference reference;

    @Option(names = "--observed-like", description = "Bands of observed-like concentrations: add the model's "
            + "published residual error (assay and model error) to each patient's curve.")
    public boolean observedLike;

    @Option(names = "--probability", paramLabel = "EVENT", converter = AskConverter.class,
            description = "A probability to report instead of the defaults, repeatable: cmax>LEVEL (ketamine "
                    + "Cmax above LEVEL ng/mL), norketamine>LEVEL (its Cmax), hours>=H (hours in the band, "
                    + "H above 0 h and at most the simulated time), e.g. --probability \"cmax>300\" "
                    + "--probability \"hours>=4\".")
    public List<Ask> probabilities = new ArrayList<>();

    @Option(names = "--population-csv", paramLabel = "FILE|-", description = "Write one row per virtual patient: "
            + "covariates, sampled random effects and metrics.")
    public String populationCsv;

    /**
     * One probability asked for.
     *
     * @param analyte the analyte whose Cmax is counted, or null for the hours ketamine spends in the band
     * @param value the level, ng/mL, or the hours, h
     */
    public record Ask(Analyte analyte, double value) {
        /** @return whether it counts hours in the band rather than a Cmax */
        public boolean hoursInBand() {
            return analyte == null;
        }
    }

    /** @return whether a population run is asked for */
    public boolean asked() {
        return population != null || patientsFile != null;
    }

    /** @return the seed to use */
    public long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    /**
     * Refuses options that only make sense in a population run, and sources of patients given together.
     *
     * @throws InvalidInputException naming the options
     */
    public void checkBeforeRun() {
        if (!asked()) {
            String stray = seed != null ? "--seed" : iiv != null ? "--iiv" : vary != null ? "--vary"
                    : reference != null ? "--reference-population" : observedLike ? "--observed-like"
                    : populationCsv != null ? "--population-csv" : !probabilities.isEmpty() ? "--probability"
                    : null;
            if (stray != null) {
                throw new InvalidInputException("population", stray + " applies to a population run; add "
                        + "--population N (e.g. --population 1000)");
            }
            return;
        }
        int sources = (patientsFile != null ? 1 : 0) + (vary != null ? 1 : 0) + (reference != null ? 1 : 0);
        if (sources > 1) {
            throw new InvalidInputException("population", "--patients, --vary and --reference-population each "
                    + "give the patients; choose one");
        }
        if (patientsFile != null && population != null) {
            throw new InvalidInputException("population", "--patients gives the population (one patient per row); "
                    + "leave out --population");
        }
        for (int i = 0; i < probabilities.size(); i++) {
            if (probabilities.subList(0, i).contains(probabilities.get(i))) {
                // the same event twice would print the same row twice
                Ask a = probabilities.get(i);
                throw new InvalidInputException("probability", "--probability asks for the same event twice: "
                        + (a.hoursInBand() ? "hours>=" : a.analyte() == Analyte.KETAMINE ? "cmax>" : "norketamine>")
                        + Checks.fmt(a.value()) + "; give each event once");
            }
        }
    }

    /**
     * Refuses patient options beside a source of covariates. {@code --vary}, {@code --reference-population} and
     * {@code --patients} give every virtual patient (what they leave out is the standard adult's), so a
     * {@code --weight} or {@code --creatinine} given with them would change nothing but the printed dose of a
     * typical patient who is not simulated.
     *
     * @param given the patient options given, key → texts (see {@link PatientOptions#given()})
     * @throws InvalidInputException naming the first patient option and the source
     */
    public void refusePatientOptions(Map<String, List<String>> given) {
        String source = patientsFile != null ? "--patients" : vary != null ? "--vary"
                : reference != null ? "--reference-population" : null;
        if (source == null || given.isEmpty()) {
            return;
        }
        Map.Entry<String, List<String>> first = given.entrySet().iterator().next();
        String option = PatientOptions.optionName(first.getKey());
        throw new InvalidInputException(first.getKey(), option + " " + first.getValue().get(0) + " does not go with "
                + source + ", which gives every virtual patient (what it leaves out is the standard adult's); leave "
                + "out " + option + (source.equals("--patients") ? " or put it in the file"
                        : source.equals("--vary") ? " or draw it with --vary" : ""));
    }

    /**
     * @param typical the patient of the patient options, repeated when no other source is given
     * @return the virtual patients
     * @throws InvalidInputException for an unreadable or malformed patient file
     */
    public List<Patient> patients(Patient typical) {
        if (patientsFile != null) {
            return readPatients(patientsFile);
        }
        int n = population;
        long s = seedOrDefault();
        if (vary != null) {
            return vary.sample(n, s);
        }
        if (reference != null) {
            return ReferencePopulation.usAdults(n, s, ReferencePopulation.MIN_AGE_YEARS, 80, 0.5);
        }
        return Collections.nCopies(n, typical);
    }

    /** @return where the covariates come from, in words */
    public String covariateSource() {
        if (patientsFile != null) {
            return "patients from " + patientsFile.getFileName();
        }
        if (vary != null) {
            return "covariates drawn: " + String.join(", ", vary.describe());
        }
        if (reference != null) {
            return "covariates of US adults 20–80 years (NHANES 2015–2018, Fryar 2021)";
        }
        return null;
    }

    static List<Patient> readPatients(Path file) {
        try (Reader r = InputFiles.open(file)) {
            // the limit of --population: a file is a population given row by row, with the same cost per patient
            return PatientCsv.read(r, MAX_PATIENTS);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("patients", "--patients '" + file + "': no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("patients", "--patients '" + file + "' cannot be read: "
                    + e.getMessage());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("patients", "--patients '" + file + "': " + e.getMessage());
        }
    }

    /** A whole number of patients, 1–{@value #MAX_PATIENTS}. */
    static final class PatientCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            String t = text.strip();
            if (t.matches("\\d{1,9}")) {
                int n = Integer.parseInt(t);
                if (n >= 1 && n <= MAX_PATIENTS) {
                    return n;
                }
            }
            throw new TypeConversionException("expected a whole number of patients from 1 to " + MAX_PATIENTS
                    + ", e.g. 1000, but was '" + text + "'");
        }
    }

    /** A variability spec such as {@code CL=30%,V1=40%}. */
    static final class Iiv implements ITypeConverter<VariabilitySpec> {
        @Override
        public VariabilitySpec convert(String text) {
            try {
                return VariabilitySpec.parse(text);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage() + "; expected e.g. \"CL=30%,V1=40%\"");
            }
        }
    }

    /** Covariate distributions such as {@code weight=50..120,age=20..80,male=0.5}. */
    static final class Vary implements ITypeConverter<PatientDistributions> {
        @Override
        public PatientDistributions convert(String text) {
            try {
                return PatientDistributions.parse(text);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An event such as {@code cmax>300}, {@code norketamine>200} or {@code hours>=4}. */
    static final class AskConverter implements ITypeConverter<Ask> {
        // a level in the form the error message names its ceiling in (1e7) is read too
        private static final Pattern CMAX = Pattern.compile(
                "(cmax|ketamine|norketamine|hydroxynorketamine)\\s*>\\s*(\\d+(?:\\.\\d+)?(?:e\\+?\\d{1,3})?)\\s*(?:ng/ml)?");
        private static final Pattern HOURS = Pattern.compile("hours\\s*>=\\s*(\\d+(?:\\.\\d+)?)\\s*h?");

        @Override
        public Ask convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            Matcher m = CMAX.matcher(t);
            if (m.matches()) {
                double level = Double.parseDouble(m.group(2));
                if (level > 0 && level <= Band.MAX_LEVEL_NG_PER_ML) {
                    Analyte a = switch (m.group(1)) {
                        case "norketamine" -> Analyte.NORKETAMINE;
                        case "hydroxynorketamine" -> Analyte.HYDROXYNORKETAMINE;
                        default -> Analyte.KETAMINE;
                    };
                    return new Ask(a, level);
                }
            }
            m = HOURS.matcher(t);
            if (m.matches()) {
                double h = Double.parseDouble(m.group(1));
                // hours>=0 holds for every patient by construction
                if (h > 0 && h <= MAX_HOURS) {
                    return new Ask(null, h);
                }
            }
            throw new TypeConversionException("expected cmax>LEVEL or norketamine>LEVEL (LEVEL in ng/mL, above 0 "
                    + "and at most 1e7) or hours>=H (H in h, above 0 and at most the simulated time), e.g. cmax>300, "
                    + "but was '" + text + "'");
        }
    }

    /** Longest span a grid may have, h ({@link TimeGrid#MAX_TIME_H}). */
    static final double MAX_HOURS = TimeGrid.MAX_TIME_H;

    /** A reference population's name. */
    static final class ReferenceName implements ITypeConverter<Reference> {
        @Override
        public Reference convert(String text) {
            for (Reference r : Reference.values()) {
                if (r.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
            throw new TypeConversionException("expected us-adults but was '" + text + "'");
        }
    }
}
