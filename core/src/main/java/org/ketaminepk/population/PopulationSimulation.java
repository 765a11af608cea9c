package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.PopulationRun;
import org.ketaminepk.Simulation;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Chunks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.ResidualError;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Band;

/**
 * One regimen given to a virtual population whose parameters vary between patients as the model's published
 * variability says (or as the caller assumes, labelled so).
 * <pre>
 *   PopulationOutcome r = PopulationSimulation.of(Models.OTTO_2021, patients, regimen, grid, 2026L)
 *           .withBands(Band.within(70, 160))
 *           .withPercentileBands(TimeGrid.uniform(240, 0.25), 5, 50, 95)
 *           .run(executor);
 *   Probability p = r.probabilityCmaxAbove(Analyte.NORKETAMINE, 300);
 * </pre>
 * Patient i draws its random effects (η, then κ, then any residual errors) from its own stream, derived from
 * (seed, i), and is then simulated exactly as {@link PopulationRun} simulates a patient, with the random effects
 * applied after the model's weight and covariate scaling and before the organ-function adjustments. The same seed
 * therefore gives the same result bit for bit on any number of threads.
 *
 * <p>Memory: the per-patient metrics of {@link PopulationRun} (identical warnings, and identical lists of plain
 * warnings, shared), plus, when percentile bands are asked for, 4 bytes × display points × 2,084 bins per analyte
 * (about 17 MB per analyte for 2,000 display points), and per task running at once a stage of 2 bytes × display
 * points × 256 patients per analyte (at most 1 MiB per analyte).
 * No concentration path is kept.
 *
 * <p>Immutable and thread-safe. Not a dosing device; not a fitting tool.
 */
public final class PopulationSimulation {
    /** Most display points of percentile bands. */
    public static final int MAX_DISPLAY_POINTS = 5_000;
    /** Patients simulated per task handed to an executor. */
    static final int CHUNK = Chunks.SIZE;

    private final PublishedModel model;
    private final List<Patient> patients;
    private final Regimen regimen;
    private final TimeGrid grid;
    private final long seed;
    private final VariabilityModel variability;
    private final List<Band> bands;
    private final PatientAdjuster adjuster;
    private final TimeGrid display;
    private final double[] bandPercentiles;
    private final boolean observedLike;

    private PopulationSimulation(PublishedModel model, List<Patient> patients, Regimen regimen, TimeGrid grid,
            long seed, VariabilityModel variability, List<Band> bands, PatientAdjuster adjuster, TimeGrid display,
            double[] bandPercentiles, boolean observedLike) {
        this.model = model;
        this.patients = patients;
        this.regimen = regimen;
        this.grid = grid;
        this.seed = seed;
        this.variability = variability;
        this.bands = bands;
        this.adjuster = adjuster;
        this.display = display;
        this.bandPercentiles = bandPercentiles;
        this.observedLike = observedLike;
    }

    /**
     * @param model the model
     * @param patients 1..{@value PopulationRun#MAX_PATIENTS} virtual patients (copied)
     * @param regimen the regimen every patient receives
     * @param grid the span, first to last time, over which Cmax, Tmax and band times are found (exactly, or read on
     *        the grid where exact metrics are not available); AUC runs from 0 to its end
     * @param seed the seed of the population's random effects
     * @return a simulation with the model's published variability, no time-in-band metrics, no percentile bands and
     *         the standard patient adjustments
     * @throws InvalidInputException if an argument is missing, the patients are none or too many, or the model's
     *         published variability cannot be drawn ({@link VariabilityModel#published})
     */
    public static PopulationSimulation of(PublishedModel model, List<Patient> patients, Regimen regimen,
            TimeGrid grid, long seed) {
        Checks.notNull("model", model);
        Checks.notNull("patients", patients);
        Checks.notNull("regimen", regimen);
        Checks.notNull("grid", grid);
        if (patients.isEmpty() || patients.size() > PopulationRun.MAX_PATIENTS) {
            throw new InvalidInputException("patients", "patients must hold between 1 and "
                    + PopulationRun.MAX_PATIENTS + " patients but held " + patients.size());
        }
        for (int i = 0; i < patients.size(); i++) {
            Checks.notNull("patients", i, patients.get(i));
        }
        return new PopulationSimulation(model, List.copyOf(patients), regimen, grid, seed,
                VariabilityModel.published(model), List.of(), StandardPatientAdjuster.instance(), null,
                new double[0], false);
    }

    /** @return a copy drawing from {@code v} instead of the model's published variability */
    public PopulationSimulation withVariability(VariabilityModel v) {
        Checks.notNull("variability", v);
        if (v.model() != model) {
            throw new InvalidInputException("variability", "variability must belong to " + model.id() + " but "
                    + "belongs to " + v.model().id());
        }
        return new PopulationSimulation(model, patients, regimen, grid, seed, v, bands, adjuster, display,
                bandPercentiles, observedLike);
    }

    /** @return a copy that also measures the time within each band, per patient */
    public PopulationSimulation withBands(Band... measured) {
        Checks.notNull("bands", measured);
        for (Band b : measured) {
            Checks.notNull("band", b);
        }
        return new PopulationSimulation(model, patients, regimen, grid, seed, variability, List.of(measured),
                adjuster, display, bandPercentiles, observedLike);
    }

    /** @return a copy using {@code a} for organ function and interactions */
    public PopulationSimulation withAdjuster(PatientAdjuster a) {
        return new PopulationSimulation(model, patients, regimen, grid, seed, variability, bands,
                Checks.notNull("adjuster", a), display, bandPercentiles, observedLike);
    }

    /**
     * @param displayGrid the times of the bands, at most {@value #MAX_DISPLAY_POINTS}
     * @param percentiles the percentiles, each strictly between 0 and 100; none gives 5, 25, 50, 75, 95
     * @return a copy that also computes percentile bands of every analyte
     */
    public PopulationSimulation withPercentileBands(TimeGrid displayGrid, double... percentiles) {
        Checks.notNull("display grid", displayGrid);
        if (displayGrid.size() > MAX_DISPLAY_POINTS) {
            throw new InvalidInputException("display grid", "the display grid must have at most "
                    + MAX_DISPLAY_POINTS + " points but had " + displayGrid.size());
        }
        double[] ps = percentiles == null || percentiles.length == 0 ? Summary.defaultPercentiles()
                : percentiles.clone();
        for (double p : ps) {
            if (!(p > 0 && p < 100)) {
                throw new InvalidInputException("percentile", "band percentiles must be between 0 and 100 % "
                        + "(exclusive) but one was " + Checks.fmt(p));
            }
        }
        return new PopulationSimulation(model, patients, regimen, grid, seed, variability, bands, adjuster,
                displayGrid, ps, observedLike);
    }

    /**
     * @param on whether the percentile bands show observed-like concentrations: each prediction with the model's
     *        published residual error drawn independently at each display time
     * @return a copy
     */
    public PopulationSimulation withObservedLike(boolean on) {
        return new PopulationSimulation(model, patients, regimen, grid, seed, variability, bands, adjuster, display,
                bandPercentiles, on);
    }

    /** @return the variability drawn from */
    public VariabilityModel variability() {
        return variability;
    }

    /** Simulates every patient on the calling thread. */
    public PopulationOutcome run() {
        return run(Runnable::run);
    }

    /**
     * Simulates the patients on {@code executor}, in tasks of {@value #CHUNK} patients, and waits for all of them.
     * The executor is not shut down. The first failure is rethrown.
     *
     * @throws InvalidInputException if there is no variability to draw from, or observed-like values are asked
     *         for without bands or without a published residual error for every analyte
     */
    public PopulationOutcome run(Executor executor) {
        Checks.notNull("executor", executor);
        check();
        List<Analyte> analytes = new ArrayList<>(model.analytes());
        Map<Analyte, BandHistogram> hist = new EnumMap<>(Analyte.class);
        if (display != null) {
            for (Analyte a : analytes) {
                hist.put(a, new BandHistogram(a, display.times()));
            }
        }
        Map<Warning, Warning> shared = new ConcurrentHashMap<>();
        Map<List<Warning>, List<Warning>> sharedLists = new ConcurrentHashMap<>();
        Warning occasion = variability.occasionTerms().isEmpty() ? null : Warning.text(Warning.Code.ASSUMPTION,
                model.id() + ": between-occasion variability is drawn once per patient: the whole regimen is one "
                        + "occasion, as one study visit was in the source");
        PatientMetrics[] out = new PatientMetrics[patients.size()];
        PopulationRun base = PopulationRun.of(model, patients, regimen, grid).withBands(bands);
        RandomEffects.Plan plan = RandomEffects.Plan.of(variability);
        Chunks.forEach(out.length, executor, () -> new Scratch(hist, display),
                (i, t) -> {
                    try {
                        out[i] = simulate(base, plan, i, analytes, t.stages(), t.paths(), shared, sharedLists,
                                occasion);
                    } catch (InvalidInputException e) {
                        throw named(i, e);
                    }
                },
                Scratch::release);
        PercentileBands pb = null;
        if (display != null) {
            Map<Analyte, double[][]> values = new EnumMap<>(Analyte.class);
            for (Analyte a : analytes) {
                values.put(a, hist.get(a).percentiles(bandPercentiles, out.length));
            }
            pb = new PercentileBands(display.times(), bandPercentiles, values, observedLike);
        }
        return new PopulationOutcome(model, regimen, bands, Arrays.asList(out), variability, seed, pb);
    }

    /**
     * @return the refusal {@code e} of virtual patient {@code i}, naming the patient (its number and covariates) first,
     *         since a population's patients differ and the message alone does not say which one failed
     */
    private InvalidInputException named(int i, InvalidInputException e) {
        Patient p = patients.get(i);
        return e.within(e.field(), String.format(Locale.ROOT, "virtual patient %d of %d (%s years, %s kg, %s cm, %s)",
                i + 1, patients.size(), Checks.fmt(p.ageYears()), Checks.fmt(p.weightKg()), Checks.fmt(p.heightCm()),
                p.sex().name().toLowerCase(Locale.ROOT)));
    }

    /** One task's scratch: a histogram stage and a display path per analyte (none without bands). */
    private record Scratch(Map<Analyte, BandHistogram.Stage> stages, Map<Analyte, double[]> paths) {
        Scratch(Map<Analyte, BandHistogram> hist, TimeGrid display) {
            this(new EnumMap<>(Analyte.class), new EnumMap<>(Analyte.class));
            for (Map.Entry<Analyte, BandHistogram> e : hist.entrySet()) {
                stages.put(e.getKey(), e.getValue().stage());
                paths.put(e.getKey(), new double[display.size()]);
            }
        }

        /** Hands the stages, with the task's staged patients, back to the histograms. */
        void release() {
            for (BandHistogram.Stage s : stages.values()) {
                s.release();
            }
        }
    }

    private void check() {
        if (variability.isEmpty()) {
            throw new InvalidInputException("variability", model.id() + " publishes no between-patient "
                    + "variability, so a population of it would be identical patients; supply variability "
                    + "explicitly (e.g. CL=30%,V1=40%), which is then labelled a user assumption");
        }
        if (observedLike) {
            if (display == null) {
                throw new InvalidInputException("observed-like", "observed-like concentrations apply to percentile "
                        + "bands; ask for percentile bands too");
            }
            List<String> missing = new ArrayList<>();
            for (Analyte a : model.analytes()) {
                if (!variability.residualErrors().containsKey(a)) {
                    missing.add(a.label());
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException("observed-like", String.format(Locale.ROOT, "observed-like "
                        + "concentrations need a published residual error for every analyte, but %s publishes none "
                        + "for %s", model.id(), String.join(", ", missing)));
            }
        }
    }

    private PatientMetrics simulate(PopulationRun base, RandomEffects.Plan plan, int i, List<Analyte> analytes,
            Map<Analyte, BandHistogram.Stage> stages, Map<Analyte, double[]> paths,
            Map<Warning, Warning> shared, Map<List<Warning>, List<Warning>> sharedLists, Warning occasion) {
        Patient p = patients.get(i);
        ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(PatientStreams.forPatient(seed, i));
        VariabilityModel.Draw draw = variability.sample(normal);
        RandomEffects effects = new RandomEffects(plan, draw, adjuster);
        PopulationRun run = base.withAdjuster(effects);
        // with bands, the display times are recorded in the same pass as the metrics
        PatientMetrics m = display == null ? run.simulate(p) : run.simulate(p, display, paths);
        List<Warning> warnings = new ArrayList<>(m.warnings().size() + 1);
        boolean plain = true;
        for (Warning w : m.warnings()) {
            // only warnings filled with plain values are shared: hashing one worded on demand (an adjustment's
            // reason, which names the patient's own age or clearance factor) would write out its text for every
            // patient, and such a text is rarely shared by two patients anyway
            if (w.plainValues()) {
                warnings.add(sharedCopy(shared, w));
            } else {
                warnings.add(w);
                plain = false;
            }
        }
        if (occasion != null) {
            warnings.add(occasion);
        }
        List<Warning> kept = List.copyOf(warnings);
        if (plain) {
            // many patients have the very same warnings (the model's assumptions, nothing of their own): they
            // share one list too
            kept = sharedCopy(sharedLists, kept);
        }
        if (display != null) {
            for (Analyte a : analytes) {
                double[] c = paths.get(a);
                if (observedLike) {
                    ResidualError e = variability.residualErrors().get(a);
                    for (int t = 0; t < c.length; t++) {
                        c[t] = e.observe(c[t], normal.sample(), normal.sample());
                    }
                }
                stages.get(a).add(c);
            }
        }
        return new PatientMetrics(p, m.analytes(), kept);
    }

    /**
     * @return the copy of {@code value} already in {@code shared}, or {@code value}, now shared: looked up first
     *         without a lock, since most values are there already (computeIfAbsent locks the bin whenever the key
     *         is not its first entry)
     */
    private static <T> T sharedCopy(Map<T, T> shared, T value) {
        T found = shared.get(value);
        return found != null ? found : shared.computeIfAbsent(value, x -> x);
    }

    /**
     * The individual model of virtual patient {@code i} as {@link #run} simulates it: the patient's covariates, the
     * random effects drawn from the patient's own stream, and the adjustments. Lets a caller follow one patient
     * further (other output times, an effect site) without keeping every path. Thread-safe.
     *
     * @param i the patient's index, 0 to the number of patients - 1
     * @return the individual model
     * @throws InvalidInputException if {@code i} is out of range or there is no variability to draw from
     */
    public IndividualModel individual(int i) {
        if (i < 0 || i >= patients.size()) {
            throw new InvalidInputException("patient", "patient index must be from 0 to " + (patients.size() - 1)
                    + " but was " + i);
        }
        check();
        ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(PatientStreams.forPatient(seed, i));
        RandomEffects effects = new RandomEffects(variability, variability.sample(normal), adjuster);
        return Simulation.standard().withAdjuster(effects).individualize(model, patients.get(i));
    }

    /** @return the number of virtual patients */
    public int size() {
        return patients.size();
    }

    /** Work on one patient, with state that one task keeps for all of its patients. */
    @FunctionalInterface
    public interface PatientTask<S> {
        /**
         * @param i the patient's index
         * @param state the task's own state
         */
        void run(int i, S state);
    }

    /**
     * Runs {@code body} for patients 0 to {@code n - 1} on {@code executor}, in tasks of {@value #CHUNK} patients,
     * each task with its own state from {@code perTask}, and waits for all of them. After a failure no task starts
     * another patient, and the first failure is rethrown.
     *
     * @param n the number of patients
     * @param executor where the tasks run (not shut down)
     * @param perTask makes one task's state (scratch arrays), called once per task
     * @param body the work on one patient
     */
    public static <S> void forEachPatient(int n, Executor executor, Supplier<S> perTask, PatientTask<S> body) {
        Chunks.forEach(n, executor, perTask, body::run);
    }
}
