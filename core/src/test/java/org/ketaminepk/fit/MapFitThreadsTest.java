package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/**
 * One {@link MapFit} shared by many threads gives every caller the fit a lone caller gets, bit for bit, and the
 * individual's predictions are those of a fresh simulation of the fitted individual.
 */
class MapFitThreadsTest {
    @Test
    void sharedFitGivesEveryThreadTheSameAnswer() throws Exception {
        MapFit fit = MapFit.of(Models.OTTO_2021);
        Patient p = Patient.standardAdult();
        Regimen hour = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.5), 1, 0));
        List<Level> levels = List.of(Level.of(1, Analyte.KETAMINE, 150), Level.of(3, Analyte.KETAMINE, 40),
                Level.of(3, Analyte.KETAMINE, 45));
        IndividualFit alone = fit.fit(p, hour, levels);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<IndividualFit>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                runs.add(pool.submit(() -> fit.fit(p, hour, levels)));
            }
            for (Future<IndividualFit> f : runs) {
                assertEquals(alone.estimates(), f.get().estimates());
                assertEquals(alone.predictions(), f.get().predictions());
            }
        } finally {
            pool.shutdown();
        }
        LevelCheck fresh = LevelCheck.of(alone.individual(), hour, levels);
        for (int i = 0; i < levels.size(); i++) {
            assertEquals(fresh.rows().get(i).predictedNgPerMl(), alone.predictions().get(i).individualNgPerMl(),
                    1e-12 * fresh.rows().get(i).predictedNgPerMl());
        }
    }
}
