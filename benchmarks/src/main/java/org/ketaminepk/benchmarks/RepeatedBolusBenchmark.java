package org.ketaminepk.benchmarks;

import java.util.concurrent.TimeUnit;

import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every library model on one regimen whose doses fall between the output points: an intravenous bolus of 10 mg every
 * 0.712 h, 3,849 times, read to one interval after the last dose (2,740.5 h) on a grid of 2,001 points (a step of
 * 1.37 h) or of one minute (164,431 points). {@code Simulation.run} end to end for one 70 kg adult.
 *
 * <p>The dose interval and the grid step are incommensurate, so the step from an output point to a dose and from a
 * dose to the next output point has a new length almost every time: this is what a model whose rate matrix has
 * coincident eigenvalues (simons-2022, equal transit rate constants) pays for in the dense scheme, and what must not
 * make it much slower than the others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class RepeatedBolusBenchmark {
    /** Dose interval, h. */
    static final double INTERVAL_H = 0.712;
    /** Number of doses. */
    static final int DOSES = 3849;

    /** The library model, by id (every model of {@code Models.all()}). */
    @Param({"racemic-composite", "kamp-2020", "domino-1984", "clements-1981", "hijazi-2003", "herd-2007",
        "otto-2021", "simons-2022", "perez-ruixo-2021", "flint-2017"})
    public String model;

    /** The output grid: 2,001 points or one point a minute. */
    @Param({"2001-points", "one-minute"})
    public String grid;

    private PublishedModel published;
    private Patient patient;
    private Regimen regimen;
    private TimeGrid times;

    /** Builds the inputs once; they are immutable and shared by every invocation. */
    @Setup
    public void setUp() {
        published = Models.get(model);
        patient = Patient.standardAdult();
        regimen = Regimen.repeat(Dose.bolus(Amount.mg(10), 0), INTERVAL_H, DOSES);
        double endH = INTERVAL_H * DOSES;
        times = switch (grid) {
            case "2001-points" -> TimeGrid.uniform(endH, endH / 2000);
            case "one-minute" -> TimeGrid.uniform(endH, 1.0 / 60);
            default -> throw new IllegalArgumentException("grid must be 2001-points or one-minute but was " + grid);
        };
    }

    /** @return the full simulation result (returned so that the JIT cannot drop the work) */
    @Benchmark
    public SimulationResult simulate() {
        return Simulation.run(published, patient, regimen, times);
    }
}
