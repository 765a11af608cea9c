package org.ketaminepk.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload (d): long courses on a one-minute grid, one 70 kg adult, the default model, metrics read on the grid
 * ({@link StreamingMetrics}: Cmax, Tmax, AUC, time in 70–160 ng/mL), nothing stored. The cost should grow with the
 * number of output points and no faster: a grid's late times are rounded more coarsely than its early ones, and
 * that round-off must not turn one step length into many.
 * <ul>
 *   <li>{@code oral}: 50 mg by mouth every 8 h; the solver does not trust the eigen-decomposition of the system
 *       the swallowed doses reach and takes dense operators (as a population of this course does for every
 *       patient);</li>
 *   <li>{@code infusion}: the CRPS protocol's daily 4-h infusion (0.35 mg/kg/h, at most 25 mg/h) every day; the
 *       solver works in the eigenbasis.</li>
 * </ul>
 * Each for {@code days} days, read to one day after the last dose: 40 days (59,041 points) and 160 days (231,841).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class LongCourseBenchmark {
    /** Days of dosing. */
    @Param({"40", "160"})
    public int days;

    private IndividualModel individual;
    private Regimen oral;
    private Regimen infusion;
    private TimeGrid grid;
    private List<Band> bands;

    /** Builds the inputs once. */
    @Setup
    public void setUp() {
        individual = Models.DEFAULT.individualize(Patient.standardAdult(), PatientAdjuster.NONE);
        oral = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(50), 0), 8, 3 * days);
        infusion = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), days);
        grid = TimeGrid.uniform((days + 1) * 24, 1.0 / 60);
        bands = List.of(Band.within(70, 160));
    }

    /** @return the metrics of the oral course */
    @Benchmark
    public Map<Analyte, AnalyteMetrics> oral() {
        return StreamingMetrics.compute(individual, oral, grid, bands);
    }

    /** @return the metrics of the infusion course */
    @Benchmark
    public Map<Analyte, AnalyteMetrics> infusion() {
        return StreamingMetrics.compute(individual, infusion, grid, bands);
    }
}
