package org.ketaminepk.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.ExponentialSegments;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.ExactMetrics;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where one virtual patient's time goes in the {@code metrics} workload of {@link VariabilityBenchmark}: the same
 * cohort, protocol, grid, band and seed, 1,000 patients per operation, on one thread, phase by phase. Divide a score
 * (µs per operation) by 1,000 for microseconds per patient. The 100,000-patient target of under 1 s on two cores
 * leaves about 20 µs per patient on each core.
 * <ul>
 *   <li>{@code individualize}: the patient's random effects drawn from its own stream, covariates and adjustments
 *       applied, the individual compartment system built ({@link PopulationSimulation#individual}).</li>
 *   <li>{@code schedule}: the regimen resolved for the patient's weight into the engine's inputs.</li>
 *   <li>{@code segments}: the solution written out as exponential segments (the reachable compartments, their
 *       eigen-decomposition and the walk from input change to input change), read by a consumer that does nothing
 *       else: the floor under any exact metric.</li>
 *   <li>{@code exactMetrics}: the segments and, on them, Cmax, Tmax, AUC and the hours in 70–160 ng/mL of both
 *       analytes ({@link ExactMetrics}).</li>
 *   <li>{@code population}: the whole of it as a population run does it, warnings and per-patient records included.</li>
 * </ul>
 * Ten warm-up iterations: on two busy cores the compiler threads lag, and the segments still ran three times slower
 * after four iterations of 2 s than after five.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class PatientPhasesBenchmark {
    /** Patients per operation. */
    private static final int PATIENTS = 1_000;
    private static final List<Band> BANDS = List.of(Band.within(70, 160));

    private final TimeGrid grid = Workloads.minuteGridTo11Days();
    private final Regimen regimen = Workloads.crpsTenDays();
    private List<Patient> cohort;
    private PopulationSimulation population;
    private IndividualModel[] individuals;
    private Schedule[] schedules;

    /** Builds the cohort and, for the later phases, each patient's individual model and inputs, once per fork. */
    @Setup
    public void setUp() {
        cohort = Workloads.cohort(PATIENTS, Workloads.COHORT_SEED);
        population = PopulationSimulation.of(Models.DEFAULT, cohort, regimen, grid, VariabilityBenchmark.SEED)
                .withBands(BANDS.get(0));
        individuals = new IndividualModel[PATIENTS];
        schedules = new Schedule[PATIENTS];
        for (int i = 0; i < PATIENTS; i++) {
            individuals[i] = population.individual(i);
            schedules[i] = regimen.schedule(individuals[i].system(), cohort.get(i).weightKg());
        }
    }

    /** Random effects, covariates and adjustments of 1,000 patients. */
    @Benchmark
    public void individualize(Blackhole bh) {
        for (int i = 0; i < PATIENTS; i++) {
            bh.consume(population.individual(i));
        }
    }

    /** The regimen of 1,000 patients resolved into inputs. */
    @Benchmark
    public void schedule(Blackhole bh) {
        for (int i = 0; i < PATIENTS; i++) {
            bh.consume(regimen.schedule(individuals[i].system(), cohort.get(i).weightKg()));
        }
    }

    /** The exponential segments of 1,000 patients, read and dropped. */
    @Benchmark
    public void segments(Blackhole bh) {
        Drop drop = new Drop(bh);
        for (int i = 0; i < PATIENTS; i++) {
            bh.consume(ExponentialSegments.run(individuals[i].system(), schedules[i], grid.endH(), drop));
        }
    }

    /** The exact metrics of 1,000 patients (empty for the few whose eigen-decomposition is not trusted). */
    @Benchmark
    public void exactMetrics(Blackhole bh) {
        for (int i = 0; i < PATIENTS; i++) {
            Optional<Map<Analyte, AnalyteMetrics>> m = ExactMetrics.compute(individuals[i].system(), schedules[i],
                    grid, BANDS);
            bh.consume(m);
        }
    }

    /** @return 1,000 patients as a population run on one thread simulates them */
    @Benchmark
    public PopulationOutcome population() {
        return population.run();
    }

    /** A consumer of segments that only hands their first coefficient to the blackhole. */
    private static final class Drop implements ExponentialSegments.Consumer {
        private final Blackhole bh;

        Drop(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void start(double[] lambdaPerH) {
            bh.consume(lambdaPerH[0]);
        }

        @Override
        public void segment(double startH, double endH, boolean last, double[][] u, double[][] w, double[] expm1) {
            bh.consume(u[0][0]);
        }
    }
}
