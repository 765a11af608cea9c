package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Profile;

/**
 * One {@link Simulation} shared by eight threads that start together and run every catalogued model for several
 * patients, each thread in its own order: every result is the same, bit for bit, as a run on one thread. A memo or
 * scratch array shared without care (the reference livers, a model's layout, the exact metrics' workspaces) would
 * show here as a differing number or a failure.
 */
class SimulationThreadsTest {
    private static final int THREADS = 8;
    /** Passes of each thread over the cases, each in a new order. */
    private static final int PASSES = 4;
    /** A bolus and an infusion every day for five days: many segments, so that threads meet inside one run. */
    private static final Regimen REGIMEN = Regimen.daily(Regimen.of(Dose.bolus(Amount.mgPerKg(0.5), 0),
            Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 1)), 5);
    private static final TimeGrid GRID = TimeGrid.uniform(144, 0.25);
    private static final List<Band> BANDS = List.of(Band.within(70, 160));

    private record Case(PublishedModel model, Patient patient) {
    }

    private static List<Case> cases() {
        List<Patient> patients = List.of(Patient.standardAdult(),
                new Patient(6, 20, 115, Sex.FEMALE),
                Patient.standardAdult().withWeightKg(82).withChildPugh(ChildPughClass.B),
                Patient.standardAdult().withAgeYears(80).withEgfrMlPerMinPer173m2(30));
        List<Case> out = new ArrayList<>();
        for (PublishedModel m : Models.all()) {
            for (Patient p : patients) {
                out.add(new Case(m, p));
            }
        }
        return out;
    }

    /** Everything a caller reads from one run, written out exactly (hexadecimal doubles), or the refusal. */
    private static String outcome(Simulation sim, Case c) {
        StringBuilder s = new StringBuilder(c.model().id()).append(' ').append(c.patient()).append('\n');
        try {
            SimulationResult r = sim.simulate(c.model(), c.patient(), REGIMEN, GRID);
            Profile p = r.profile();
            for (Analyte a : p.analytes()) {
                s.append(a).append(':');
                for (double v : p.series(a).ngPerMl()) {
                    s.append(Double.toHexString(v)).append(',');
                }
                s.append('\n');
            }
            for (int i = 0; i < p.size(); i += 48) {
                s.append(Double.toHexString(p.massBalanceErrorUmol(i))).append(',');
            }
            s.append('\n').append(r.metrics(BANDS)).append('\n');
            for (Analyte a : p.analytes()) {
                s.append(r.disposition().terminalHalfLifeH(a)).append(' ')
                        .append(r.disposition().aucToInfinityNgHPerMl(a)).append('\n');
            }
            r.warnings().forEach(w -> s.append(w.message()).append('\n'));
            r.adjustments().forEach(a -> s.append(a).append('\n'));
        } catch (RuntimeException e) {
            s.append(e.getClass().getName()).append(": ").append(e.getMessage());
        }
        return s.toString();
    }

    @Test
    void oneSimulationOnEightThreadsAtOnceGivesTheSingleThreadResultsBitForBit() throws Exception {
        Simulation shared = Simulation.standard();
        List<Case> cases = cases();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<List<String>>>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                runs.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        order.add(i);
                    }
                    Random random = new Random(seed);
                    List<List<String>> passes = new ArrayList<>();
                    start.await(1, TimeUnit.MINUTES);
                    for (int pass = 0; pass < PASSES; pass++) {
                        Collections.shuffle(order, random);
                        String[] got = new String[cases.size()];
                        for (int i : order) {
                            got[i] = outcome(shared, cases.get(i));
                        }
                        passes.add(List.of(got));
                    }
                    return passes;
                }));
            }
            List<List<List<String>>> concurrent = new ArrayList<>();
            for (Future<List<List<String>>> f : runs) {
                concurrent.add(f.get(5, TimeUnit.MINUTES));
            }
            for (int i = 0; i < cases.size(); i++) {
                String alone = outcome(Simulation.standard(), cases.get(i));
                for (int t = 0; t < THREADS; t++) {
                    for (int pass = 0; pass < PASSES; pass++) {
                        assertEquals(alone, concurrent.get(t).get(pass).get(i), "thread " + t + ", pass " + pass
                                + ", " + cases.get(i));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
