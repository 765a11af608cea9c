package org.ketaminepk;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Chunks;
import org.ketaminepk.base.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.ExactMetrics;
import org.ketaminepk.result.StreamingMetrics;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Schedule;

/**
 * One regimen given to many patients, keeping only each patient's metrics (Cmax, Tmax, exact AUC, time within
 * bands) — never the concentration paths.
 * <pre>
 *   PopulationResult r = PopulationRun.of(model, patients, regimen, TimeGrid.uniform(264, 1.0 / 60))
 *           .withBands(Band.within(70, 160))
 *           .run(executor);
 *   Quantiles peak = r.summary(Analyte.NORKETAMINE, AnalyteMetrics::cmaxNgPerMl);
 * </pre>
 * Each patient goes through the pipeline of {@link Simulation#simulate(PublishedModel, Patient, Regimen, TimeGrid)}
 * (same individualisation, same solver, same warnings), and its metrics are those of
 * {@link SimulationResult#metrics}: exact ({@link ExactMetrics}: found on the continuous curve between input changes
 * over the grid's span, at a cost that grows with the number of doses, not of grid points) with the exact solver,
 * read on the grid otherwise. {@link AnalyteMetrics#exact()} says which.
 *
 * <p><b>Memory.</b> What is kept per patient is a {@link PatientMetrics}: a reference to the caller's
 * {@code Patient}, per analyte four numbers plus one per band, and the warnings, kept as data and never written
 * out unless asked for (a model's assumptions are one shared object per assumption). It does not grow with the
 * grid. Measured for two analytes and one band on a 10-day capped protocol: about 0.9 kB per patient, most of it
 * the warnings — 9 MB for 10,000 patients. Each patient being simulated also needs its
 * compartment system and the solver's work arrays (about 30 kB, released when it finishes); the grid is shared.
 * A full {@link org.ketaminepk.result.Profile} of the same run on a one-minute grid over 11 days holds about
 * 1.7 MB.
 *
 * <p>Immutable and thread-safe: {@link #simulate(Patient)} and every {@code run} method may be called from many
 * threads at once. The threads are the caller's: {@link #run()} uses the calling thread, {@link #run(Executor)} the
 * executor passed in, {@link #runParallel()} the common fork-join pool. Not a population-PK tool: there is no
 * interindividual variability beyond the covariates of the patients given.
 */
public final class PopulationRun {
    /** Most patients one run accepts. */
    public static final int MAX_PATIENTS = 10_000_000;
    /** Patients simulated per task handed to an executor: large enough to amortise a task, small enough to balance. */
    static final int CHUNK = Chunks.SIZE;

    private final PublishedModel model;
    private final List<Patient> patients;
    private final Regimen regimen;
    private final TimeGrid grid;
    private final List<Band> bands;
    private final Simulation simulation;
    /** The regimen's warnings that hold for every patient, found once for the run. */
    private final Simulation.RegimenReview review;

    private PopulationRun(PublishedModel model, List<Patient> patients, Regimen regimen, TimeGrid grid,
            List<Band> bands, Simulation simulation, Simulation.RegimenReview review) {
        this.model = model;
        this.patients = patients;
        this.regimen = regimen;
        this.grid = grid;
        this.bands = bands;
        this.simulation = simulation;
        this.review = review;
    }

    /**
     * @param model the model
     * @param patients 1..{@value #MAX_PATIENTS} patients (copied)
     * @param regimen the regimen every patient receives (weight-based doses resolved per patient)
     * @param grid the span, first to last time, over which Cmax, Tmax and band times are found (exactly, or read on
     *        the grid where exact metrics are not available); AUC runs from 0 to its end
     * @return a run with no bands and the standard patient adjustments, as {@link Simulation#standard()}
     */
    public static PopulationRun of(PublishedModel model, List<Patient> patients, Regimen regimen, TimeGrid grid) {
        Checks.notNull("model", model);
        Checks.notNull("patients", patients);
        Checks.notNull("regimen", regimen);
        Checks.notNull("grid", grid);
        if (patients.isEmpty() || patients.size() > MAX_PATIENTS) {
            throw new InvalidInputException("patients", "patients must hold between 1 and " + MAX_PATIENTS
                    + " patients but held " + patients.size());
        }
        for (int i = 0; i < patients.size(); i++) {
            Checks.notNull("patients", i, patients.get(i));
        }
        return new PopulationRun(model, List.copyOf(patients), regimen, grid, List.of(), Simulation.standard(),
                Simulation.RegimenReview.of(model, regimen, grid));
    }

    /** @return a copy that also measures the time within each of {@code bandsToMeasure} */
    public PopulationRun withBands(List<Band> bandsToMeasure) {
        Checks.notNull("bands", bandsToMeasure);
        for (Band b : bandsToMeasure) {
            Checks.notNull("band", b);
        }
        return new PopulationRun(model, patients, regimen, grid, List.copyOf(bandsToMeasure), simulation, review);
    }

    /** @return a copy that also measures the time within each of {@code bandsToMeasure} */
    public PopulationRun withBands(Band... bandsToMeasure) {
        Checks.notNull("bands", bandsToMeasure);
        return withBands(Arrays.asList(bandsToMeasure));
    }

    /** @return a copy using {@code a} for organ function and interactions (as {@link Simulation#withAdjuster}) */
    public PopulationRun withAdjuster(PatientAdjuster a) {
        return new PopulationRun(model, patients, regimen, grid, bands, simulation.withAdjuster(a), review);
    }

    /** @return a copy using {@code s} (as {@link Simulation#withSolver}); the exact solver unless changed */
    public PopulationRun withSolver(Solver s) {
        return new PopulationRun(model, patients, regimen, grid, bands, simulation.withSolver(s), review);
    }

    /** @return the patients, in order */
    public List<Patient> patients() {
        return patients;
    }

    /** @return the bands measured */
    public List<Band> bands() {
        return bands;
    }

    /**
     * Simulates one patient (who need not be in the list). Thread-safe.
     *
     * @return the patient's metrics and warnings
     */
    public PatientMetrics simulate(Patient patient) {
        Checks.notNull("patient", patient);
        IndividualModel ind = simulation.individualize(model, patient);
        Simulation.Prepared run = Simulation.prepare(ind, review, DosingWeight.TOTAL);
        Map<Analyte, AnalyteMetrics> metrics = metrics(simulation.solver(), ind.system(), run.schedule(), grid,
                bands);
        return new PatientMetrics(patient, metrics, Simulation.withFarAboveAnaestheticRange(run.warnings(), metrics));
    }

    /**
     * Simulates one patient as {@link #simulate(Patient)} does and, in the same pass, writes each analyte's
     * concentration at {@code display}'s times into {@code concentrations} (ng/mL; the value at an input change
     * includes that input): what percentile bands need, without solving the patient a second time. Thread-safe as
     * long as each thread passes its own arrays.
     *
     * @param display the times to record, h
     * @param concentrations per analyte of the model, an array at least as long as {@code display} (overwritten)
     * @return the patient's metrics and warnings
     * @throws InvalidInputException if an analyte of the model has no array or one shorter than {@code display}
     */
    public PatientMetrics simulate(Patient patient, TimeGrid display, Map<Analyte, double[]> concentrations) {
        Checks.notNull("patient", patient);
        Checks.notNull("display", display);
        Checks.notNull("concentrations", concentrations);
        IndividualModel ind = simulation.individualize(model, patient);
        Simulation.Prepared run = Simulation.prepare(ind, review, DosingWeight.TOTAL);
        CompartmentSystem system = ind.system();
        double[][] out = new double[system.observations().size()][];
        int o = 0;
        for (Analyte a : system.observations().keySet()) {
            out[o] = concentrations.get(a);
            if (out[o] == null || out[o].length < display.size()) {
                String words = "must hold an array of at least " + display.size() + " values (one per display "
                        + "time) for " + a.label() + " but held " + (out[o] == null ? "none" : out[o].length
                        + " values");
                throw out[o] == null ? InvalidInputException.statement("concentrations", words)
                        : InvalidInputException.statement("concentrations", out[o].length, words);
            }
            o++;
        }
        Map<Analyte, AnalyteMetrics> metrics = null;
        if (simulation.solver() instanceof ExactSolver) {
            ExactMetrics exact = ExactMetrics.of(system, bands, grid).recording(display.times(), out);
            if (exact.run(system, run.schedule())) {
                metrics = exact.metrics();
            }
        }
        if (metrics == null) {
            metrics = StreamingMetrics.compute(simulation.solver(), system, run.schedule(), grid, bands);
            simulation.solver().run(system, run.schedule(), display, false, new Concentrations(system, out));
        }
        return new PatientMetrics(patient, metrics, Simulation.withFarAboveAnaestheticRange(run.warnings(), metrics));
    }

    /** Writes the observed concentrations at each output point, formed as {@code Profile} forms them. */
    private static final class Concentrations implements org.ketaminepk.engine.Observer {
        private final int[] compartment;
        private final double[] scale;
        private final double[][] out;

        Concentrations(CompartmentSystem system, double[][] out) {
            this.out = out;
            int size = system.observations().size();
            compartment = new int[size];
            scale = new double[size];
            int o = 0;
            for (Map.Entry<Analyte, CompartmentSystem.Observation> e : system.observations().entrySet()) {
                compartment[o] = e.getValue().compartment();
                scale[o] = e.getKey().molarMassGPerMol() / e.getValue().volumeL();
                o++;
            }
        }

        @Override
        public void accept(int index, double timeH, double[] amounts, double[] sinks, double[] cumulativeAuc) {
            for (int o = 0; o < out.length; o++) {
                out[o][index] = Math.max(0, amounts[compartment[o]] * scale[o]);
            }
        }

        @Override
        public boolean observedCompartmentsOnly() {
            return true;
        }
    }

    /**
     * The metrics of one run: exact ({@link ExactMetrics}) when the solver is the exact one and the system's
     * eigen-decomposition is trusted; otherwise read on the grid ({@link StreamingMetrics}), as another solver or
     * the dense scheme's systems (coincident eigenvalues) give them. {@link AnalyteMetrics#exact()} says which.
     */
    static Map<Analyte, AnalyteMetrics> metrics(Solver solver, CompartmentSystem system, Schedule schedule,
            TimeGrid grid, List<Band> bands) {
        if (solver instanceof ExactSolver) {
            Optional<Map<Analyte, AnalyteMetrics>> exact = ExactMetrics.compute(system, schedule, grid, bands);
            if (exact.isPresent()) {
                return exact.get();
            }
        }
        return StreamingMetrics.compute(solver, system, schedule, grid, bands);
    }

    /** Simulates every patient on the calling thread. */
    public PopulationResult run() {
        PatientMetrics[] out = new PatientMetrics[patients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = simulate(patients.get(i));
        }
        return result(out);
    }

    /**
     * Simulates the patients on {@code executor}, in tasks of {@value #CHUNK} patients, and waits for all of them.
     * The executor is neither shut down nor otherwise changed. If a patient fails, the remaining tasks stop early
     * and the first failure is rethrown.
     */
    public PopulationResult run(Executor executor) {
        Checks.notNull("executor", executor);
        PatientMetrics[] out = new PatientMetrics[patients.size()];
        // Chunks.forEach orders every task's writes to `out` before the reads below
        Chunks.forEach(out.length, executor, () -> null, (i, unused) -> out[i] = simulate(patients.get(i)));
        return result(out);
    }

    /** Simulates the patients on the common fork-join pool (a parallel stream). */
    public PopulationResult runParallel() {
        List<PatientMetrics> out = IntStream.range(0, patients.size()).parallel()
                .mapToObj(i -> simulate(patients.get(i))).toList();
        return new PopulationResult(model, regimen, bands, out);
    }

    private PopulationResult result(PatientMetrics[] out) {
        return new PopulationResult(model, regimen, bands, Arrays.asList(out));
    }
}
