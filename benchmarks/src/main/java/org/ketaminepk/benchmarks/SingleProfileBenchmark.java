package org.ketaminepk.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.StreamingMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload (a): one 70 kg patient, the 10-day CRPS protocol, a one-minute grid to the end of day 11 (15,841 points),
 * ketamine and norketamine. Target: a full {@link org.ketaminepk.result.Profile} in under 1 ms.
 *
 * <ul>
 *   <li>{@link #fullProfile} — what {@code Simulation.run} costs end to end: individualisation, eigen-analysis,
 *       solving, the stored path and the profile with its mole balance;</li>
 *   <li>{@link #solveOnly} — the solver alone on an individualised model, storing the path;</li>
 *   <li>{@link #streamingMetrics} — the solver with {@link StreamingMetrics}, nothing stored: the per-patient cost of
 *       a population run.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class SingleProfileBenchmark {
    private PublishedModel model;
    private Patient patient;
    private Regimen regimen;
    private TimeGrid grid;
    private CompartmentSystem system;
    private Schedule schedule;
    private IndividualModel individual;
    private List<Band> bands;

    /** Builds the inputs once; they are immutable and shared by every invocation. */
    @Setup
    public void setUp() {
        model = Models.DEFAULT;
        patient = Patient.standardAdult();
        regimen = Workloads.crpsTenDays();
        grid = Workloads.minuteGridTo11Days();
        individual = model.individualize(patient, PatientAdjuster.NONE);
        system = individual.system();
        schedule = regimen.schedule(system, patient.weightKg());
        bands = List.of(Band.within(70, 160));
    }

    /** @return the full simulation result (returned so that the JIT cannot drop the work) */
    @Benchmark
    public SimulationResult fullProfile() {
        return Simulation.run(model, patient, regimen, grid);
    }

    /** @return the stored path */
    @Benchmark
    public Solution solveOnly() {
        return ExactSolver.instance().solve(system, schedule, grid);
    }

    /** @return ketamine and norketamine metrics */
    @Benchmark
    public Map<Analyte, AnalyteMetrics> streamingMetrics() {
        return StreamingMetrics.compute(individual, regimen, grid, bands);
    }
}
