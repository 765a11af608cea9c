package org.ketaminepk.benchmarks;

import java.io.StringReader;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.dataset.Dataset;
import org.ketaminepk.dataset.DatasetSimulation;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.fit.IndividualFit;
import org.ketaminepk.fit.Level;
import org.ketaminepk.fit.MapFit;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
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
 * Data in and out ({@code org.ketaminepk.dataset}, {@code org.ketaminepk.fit}).
 * <ul>
 *   <li>{@code dataset}: a 1,000-ID event file (weights 50–109 kg, ten 1-h infusions of 20 mg every 12 h and
 *       twenty observations per ID, 30,000 records) read from text, simulated with the default model on the common
 *       fork-join pool, and written back as text. Target: under 1 s on 2 cores.</li>
 *   <li>{@code mapFit}: one maximum a posteriori fit with Otto 2021 (four random effects) to four levels after a
 *       40-min infusion of 35 mg. Target: under 50 ms.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class DatasetBenchmark {
    private String text;
    private MapFit fit;
    private Regimen regimen;
    private List<Level> levels;

    /** Builds the event file and the fit inputs once per fork. */
    @Setup
    public void setUp() {
        StringBuilder b = new StringBuilder("ID,TIME,AMT,RATE,CMT,EVID,WT,AGE,DV\n");
        for (int id = 1; id <= 1000; id++) {
            int wt = 50 + id % 60;
            int age = 20 + id % 60;
            for (int d = 0; d < 10; d++) {
                b.append(String.format(Locale.ROOT, "%d,%d,20,20,iv,1,%d,%d,.%n", id, 12 * d, wt, age));
                for (int o = 1; o <= 2; o++) {
                    b.append(String.format(Locale.ROOT, "%d,%s,.,.,ketamine,0,%d,%d,.%n", id, 12 * d + 4 * o + 0.5,
                            wt, age));
                }
            }
        }
        text = b.toString();
        fit = MapFit.of(Models.OTTO_2021);
        regimen = Regimen.of(Dose.infusion(Amount.mg(35), 40.0 / 60, 0));
        levels = List.of(Level.of(0.5, Analyte.KETAMINE, 140), Level.of(2, Analyte.KETAMINE, 45),
                Level.of(2, Analyte.NORKETAMINE, 40), Level.of(6, Analyte.NORKETAMINE, 18));
    }

    /** @return the written length, so that nothing is optimised away */
    @Benchmark
    public long dataset() {
        Dataset d = Dataset.read(new StringReader(text), "bench.csv");
        CountingWriter w = new CountingWriter();
        DatasetSimulation.of(Models.DEFAULT).simulate(d).write(w);
        return w.count;
    }

    /** @return the fit */
    @Benchmark
    public IndividualFit mapFit() {
        return fit.fit(Patient.standardAdult(), regimen, levels);
    }

    /** Counts characters instead of storing them. */
    private static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] cbuf, int off, int len) {
            count += len;
        }

        @Override
        public void write(String str) {
            count += str.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
