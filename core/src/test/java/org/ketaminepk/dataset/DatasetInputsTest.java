package org.ketaminepk.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.library.Models;

/** Datasets an embedding program may write: an infusion that fills its interval, and one simulation shared. */
class DatasetInputsTest {
    private static DatasetResult simulate(String text) {
        return DatasetSimulation.of(Models.OTTO_2021).simulate(Dataset.read(new StringReader(text), "d.csv"));
    }

    @Test
    void aSteadyStateInfusionThatFillsItsIntervalIsAConstantInfusion() {
        // RATE = AMT/II written out: AMT/RATE comes back as 21.960000000000004 h, and the dose was refused as
        // lasting longer than its interval
        String rate = Double.toString(50 / 21.96);
        DatasetResult filled = simulate(String.format(Locale.ROOT, "ID,TIME,AMT,RATE,CMT,II,SS\n"
                + "1,0,50,%s,iv,21.96,1\n1,5,,,,,\n", rate));
        DatasetResult constant = simulate(String.format(Locale.ROOT, "ID,TIME,AMT,RATE,CMT,II,SS\n"
                + "1,0,0,%s,iv,0,1\n1,5,,,,,\n", rate));
        for (Analyte a : Models.OTTO_2021.analytes()) {
            double expected = constant.predictionNgPerMl(1, a);
            assertEquals(expected, filled.predictionNgPerMl(1, a), 1e-8 * expected, a.label());
        }
    }

    @Test
    void aWrittenResultReadsBackAndSimulatesToTheSameFile() {
        String text = "ID,TIME,AMT,RATE,CMT,WT,AGE\n1,0,50,100,iv,60,30\n1,1,,,ketamine,60,30\n"
                + "1,3,,,norketamine,60,30\n2,0,80,0,iv,90,70\n2,2,,,ketamine,90,70\n";
        java.io.StringWriter first = new java.io.StringWriter();
        simulate(text).write(first);
        // the file written, simulated again: its PRED_ columns were copied beside the new ones, twice in the header,
        // and the third round refused its own input ("the column appears twice in the header")
        java.io.StringWriter second = new java.io.StringWriter();
        simulate(first.toString()).write(second);
        assertEquals(first.toString(), second.toString());
    }

    @Test
    void progressCountsArriveInOrderEndingWithTheTotal() throws Exception {
        int ids = 48;
        StringBuilder text = new StringBuilder("ID,TIME,AMT,RATE,CMT,WT\n");
        for (int id = 1; id <= ids; id++) {
            text.append(String.format(Locale.ROOT, "%d,0,%d,0,iv,%d%n%d,2,,,ketamine,%n", id, 10 + id, 40 + id, id));
        }
        Dataset d = Dataset.read(new StringReader(text.toString()), "d.csv");
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch another = new java.util.concurrent.CountDownLatch(1);
        DatasetSimulation.of(Models.OTTO_2021).simulate(d, done -> {
            if (done == 1) {
                // hold the first report back: where counting and reporting were not one step, another thread
                // reported 2 meanwhile, and the counts arrived out of order (the last one seen was not the total)
                try {
                    another.await(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                another.countDown();
            }
            seen.add(done);
        });
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= ids; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void oneSimulationServesManyThreadsAlike() throws Exception {
        StringBuilder text = new StringBuilder("ID,TIME,AMT,RATE,CMT,WT\n");
        for (int id = 1; id <= 20; id++) {
            text.append(String.format(Locale.ROOT, "%d,0,%d,0,iv,%d%n%d,%d,,,ketamine,%n", id, 10 + id, 40 + 3 * id,
                    id, id % 7 + 1));
        }
        Dataset d = Dataset.read(new StringReader(text.toString()), "d.csv");
        DatasetSimulation shared = DatasetSimulation.of(Models.OTTO_2021);
        java.io.StringWriter expected = new java.io.StringWriter();
        shared.simulate(d).write(expected);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                runs.add(pool.submit(() -> {
                    java.io.StringWriter w = new java.io.StringWriter();
                    shared.simulate(d).write(w);
                    return w.toString();
                }));
            }
            for (Future<String> f : runs) {
                assertEquals(expected.toString(), f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
