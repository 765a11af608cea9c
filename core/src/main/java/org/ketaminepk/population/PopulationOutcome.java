package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;

/**
 * What a {@link PopulationSimulation} returns: every virtual patient's metrics (in input order), where the
 * variability came from, distribution summaries, probabilities and, if asked for, percentile bands over time.
 * Immutable and thread-safe.
 */
public final class PopulationOutcome {
    private final PublishedModel model;
    private final Regimen regimen;
    private final List<Band> bands;
    private final List<PatientMetrics> patients;
    private final VariabilityModel variability;
    private final long seed;
    private final PercentileBands percentileBands;

    PopulationOutcome(PublishedModel model, Regimen regimen, List<Band> bands, List<PatientMetrics> patients,
            VariabilityModel variability, long seed, PercentileBands percentileBands) {
        this.model = model;
        this.regimen = regimen;
        this.bands = List.copyOf(bands);
        this.patients = Collections.unmodifiableList(new ArrayList<>(patients));
        this.variability = variability;
        this.seed = seed;
        this.percentileBands = percentileBands;
    }

    /**
     * The random effects patient {@code index} drew, drawn again from the population's seed: the values the run
     * applied, bit for bit, without the run having kept them.
     *
     * @param index the patient's index, 0-based, in the order of {@link #patients()}
     * @return η in the order of {@link VariabilityModel#terms()}, κ in the order of
     *         {@link VariabilityModel#occasionTerms()}, each on its term's scale (log or logit)
     * @throws InvalidInputException if the index is outside the population
     */
    public VariabilityModel.Draw randomEffects(int index) {
        if (index < 0 || index >= patients.size()) {
            throw InvalidInputException.statement("patient", index, "must be between 0 and " + (patients.size() - 1)
                    + " but was " + index);
        }
        // the first draws of the patient's stream, exactly as PopulationSimulation makes them
        return variability.sample(ZigguratSampler.NormalizedGaussian.of(PatientStreams.forPatient(seed, index)));
    }

    /** @return the model */
    public PublishedModel model() {
        return model;
    }

    /** @return the regimen */
    public Regimen regimen() {
        return regimen;
    }

    /** @return the bands measured per patient */
    public List<Band> bands() {
        return bands;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return number of patients */
    public int size() {
        return patients.size();
    }

    /** @return every patient's metrics, in input order */
    public List<PatientMetrics> patients() {
        return patients;
    }

    /** @return the variability drawn from */
    public VariabilityModel variability() {
        return variability;
    }

    /** @return whether any random effect was a user assumption (say so beside every number shown) */
    public boolean userAssumption() {
        return variability.hasUserAssumptions();
    }

    /** @return the percentile bands, if asked for */
    public Optional<PercentileBands> percentileBands() {
        return Optional.ofNullable(percentileBands);
    }

    /** @return one metric of analyte {@code a} for every patient, in input order, in the metric's unit */
    public double[] values(Analyte a, ToDoubleFunction<AnalyteMetrics> metric) {
        Checks.notNull("metric", metric);
        double[] out = new double[patients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = metric.applyAsDouble(patients.get(i).get(a));
        }
        return out;
    }

    /** @return the distribution of one metric over the patients, at {@code percentiles} (default 5, 25, 50, 75, 95) */
    public Summary summary(Analyte a, ToDoubleFunction<AnalyteMetrics> metric, double... percentiles) {
        return Summary.of(values(a, metric), percentiles);
    }

    /** @return P(Cmax of {@code a} &gt; {@code levelNgPerMl}) */
    public Probability probabilityCmaxAbove(Analyte a, double levelNgPerMl) {
        requirePredicted(a);
        Checks.nonNegative("level", levelNgPerMl, Band.MAX_LEVEL_NG_PER_ML, "ng/mL");
        return count(a, m -> m.cmaxNgPerMl() > levelNgPerMl, String.format(Locale.ROOT, "%s Cmax above %s ng/mL",
                a.label(), Checks.fmt(levelNgPerMl)));
    }

    /** @return P(hours of {@code a} within {@code band} ≥ {@code hours}); the band must be one measured */
    public Probability probabilityTimeInBandAtLeast(Analyte a, Band band, double hours) {
        requirePredicted(a);
        Checks.notNull("band", band);
        Checks.nonNegative("hours", hours, 87_660, "h");
        return count(a, m -> m.timeInBandH(band) >= hours, String.format(Locale.ROOT, "%s within %s for at least "
                + "%s h", a.label(), band.label(), Checks.fmt(hours)));
    }

    /** Refuses an analyte the model does not predict (or none) before any words are built from it. */
    private void requirePredicted(Analyte a) {
        patients.get(0).get(a);
    }

    private Probability count(Analyte a, java.util.function.Predicate<AnalyteMetrics> p, String what) {
        int n = 0;
        for (PatientMetrics m : patients) {
            if (p.test(m.get(a))) {
                n++;
            }
        }
        return new Probability(n, patients.size(), what);
    }

    /**
     * How often a log-normal random effect drew a fraction above 1 for one parameter, which was then held at 1
     * (each such patient carries a {@link Warning.Kind#FRACTION_CAPPED} warning). A published variability of a
     * fraction is on the logit scale and is never capped; a CV assumed for a fraction is log-normal and can be.
     *
     * @param parameter the parameter
     * @param patients how many patients had it capped, at least 1
     * @param of how many patients the population holds
     */
    public record CappedFraction(String parameter, int patients, int of) {
        /** Requires a parameter name and a count from 1 to {@code of}. */
        public CappedFraction {
            Checks.notNull("parameter", parameter);
            if (patients < 1 || patients > of) {
                throw InvalidInputException.statement("patients", patients, "must be between 1 and " + of
                        + " (the population) but was " + patients);
            }
        }

        /** @return e.g. "FRn capped at 1 in 12 of 1000 patients (its log-normal random effect drew it above 1)" */
        public String message() {
            return String.format(Locale.ROOT, "%s capped at 1 in %d of %d patients (its log-normal random effect "
                    + "drew it above 1)", parameter, patients, of);
        }
    }

    /**
     * @return each parameter that was capped at 1 in at least one patient, with how many, in order of first
     *         appearance: one line for the population instead of one warning per patient
     */
    public List<CappedFraction> cappedFractions() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PatientMetrics p : patients) {
            Set<String> seen = new HashSet<>();
            for (Warning w : p.warnings()) {
                if (w.kind() == Warning.Kind.FRACTION_CAPPED) {
                    String name = (String) w.args()[0];
                    if (seen.add(name)) {
                        counts.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        List<CappedFraction> out = new ArrayList<>();
        counts.forEach((name, n) -> out.add(new CappedFraction(name, n, patients.size())));
        return List.copyOf(out);
    }

    /** @return for each kind of warning, how many patients received at least one of that kind */
    public Map<Warning.Code, Integer> warningCounts() {
        Map<Warning.Code, Integer> out = new EnumMap<>(Warning.Code.class);
        for (PatientMetrics p : patients) {
            Set<Warning.Code> seen = EnumSet.noneOf(Warning.Code.class);
            for (Warning w : p.warnings()) {
                if (seen.add(w.code())) {
                    out.merge(w.code(), 1, Integer::sum);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
