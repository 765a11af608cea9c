package org.ketaminepk.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.result.Band;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload (c): populations with between-patient variability ({@code org.ketaminepk.population}) on the 10-day CRPS
 * protocol, one-minute grid to day 11, the default model (its norketamine terms, borrowed from Otto 2021), on a pool
 * of 2 threads with a 256 MB heap.
 * <ul>
 *   <li>{@code metrics}: 100,000 patients, per-patient metrics only (Cmax, Tmax, AUC, time in 70–160 ng/mL). Target:
 *       under 1 s.</li>
 *   <li>{@code bands}: 10,000 patients, metrics plus 5/25/50/75/95th percentile bands of both analytes at 2,000
 *       display times. Target: under 2 s.</li>
 * </ul>
 * Each operation is one whole population, so the mode is single-shot time. Five warm-up operations: on 2 vCPUs the
 * compiler threads compete with the pool's two threads, and after two operations the band workload still ran about a
 * third slower than once compilation had settled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class VariabilityBenchmark {
    /** Seed of the random effects. */
    static final long SEED = 2026;

    private PopulationSimulation metrics;
    private PopulationSimulation bands;
    private ExecutorService executor;

    /** Builds the cohorts and the pool once per fork. */
    @Setup
    public void setUp() {
        List<Patient> large = Workloads.cohort(100_000, Workloads.COHORT_SEED);
        List<Patient> small = large.subList(0, 10_000);
        metrics = PopulationSimulation.of(Models.DEFAULT, large, Workloads.crpsTenDays(),
                Workloads.minuteGridTo11Days(), SEED).withBands(Band.within(70, 160));
        // 2,000 display points from 0 to 264 h
        bands = PopulationSimulation.of(Models.DEFAULT, small, Workloads.crpsTenDays(),
                Workloads.minuteGridTo11Days(), SEED).withBands(Band.within(70, 160))
                .withPercentileBands(TimeGrid.uniform(11 * 24, 11 * 24 / 1999.0));
        executor = Executors.newFixedThreadPool(2);
    }

    /** Stops the pool. */
    @TearDown
    public void tearDown() {
        executor.shutdownNow();
    }

    /** @return 100,000 patients' metrics */
    @Benchmark
    public PopulationOutcome metrics() {
        return metrics.run(executor);
    }

    /** @return 10,000 patients' metrics and percentile bands */
    @Benchmark
    public PopulationOutcome bands() {
        return bands.run(executor);
    }
}
