package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.GridAgreement;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Series;

/**
 * What happens at an input change: a bolus at the grid's last point (or its first) is a valid run for every model,
 * and no crossing of a level is placed before the input that causes it, on any grid.
 */
class InputChangeProperties {

    @Provide
    Arbitrary<PublishedModel> models() {
        return Arbitraries.of(Models.all());
    }

    /** A bolus at the last output time: the metabolites are still exactly zero there, not round-off below it. */
    @Property(tries = 60)
    void aBolusAtTheLastOutputTimeIsAValidRun(@ForAll("models") PublishedModel model,
            @ForAll @DoubleRange(min = 0, max = 48) double atH, @ForAll @IntRange(min = 1, max = 400) int points) {
        TimeGrid grid = points == 1 || atH == 0 ? TimeGrid.of(atH) : TimeGrid.uniform(atH, atH / (points - 1));
        Regimen regimen = Regimen.of(Dose.bolus(Amount.mg(20), atH));
        SimulationResult r = Simulation.run(model, Patient.standardAdult(), regimen, grid);
        PatientMetrics streamed = PopulationRun.of(model, List.of(Patient.standardAdult()), regimen, grid)
                .withBands(Band.above(1)).simulate(Patient.standardAdult());
        for (Analyte a : r.profile().analytes()) {
            Series s = r.profile().series(a);
            for (int i = 0; i < s.size(); i++) {
                assertTrue(s.ngPerMl(i) >= 0, a + " at " + s.timeH(i));
            }
            GridAgreement.assertAgrees(s, streamed.get(a), a.label());
        }
    }

    /** The command line's case: 20 mg at 2 h read on a one-minute and a 30-minute grid to 4 h. */
    @Test
    void theBandIsReachedAtTheBolusNotBefore() {
        Regimen regimen = Regimen.of(Dose.bolus(Amount.mg(20), 2));
        for (double step : new double[] {1.0 / 60, 0.5}) {
            SimulationResult r = Simulation.run(Models.DEFAULT, Patient.standardAdult(), regimen,
                    TimeGrid.uniform(4, step));
            Series k = r.profile().series(Analyte.KETAMINE);
            assertEquals(2.0, k.timeToReachH(70).getAsDouble(), "step " + step);
            assertTrue(k.timeWithinH(70, Double.POSITIVE_INFINITY) <= 2.0, "step " + step);
        }
    }

    /**
     * Whatever the grid and wherever the dose falls on it, the level is reached no earlier than the dose, and no
     * time before the dose counts as time within a band (on a grid that starts before it).
     */
    @Property(tries = 200)
    void noCrossingPrecedesTheInput(@ForAll("models") PublishedModel model,
            @ForAll @DoubleRange(min = 0.01, max = 10) double doseH,
            @ForAll @DoubleRange(min = 0.01, max = 3) double stepH, @ForAll boolean infusion,
            @ForAll @DoubleRange(min = 0.1, max = 500) double levelNgPerMl) {
        Dose dose = infusion ? Dose.infusion(Rate.mgPerH(60), 0.5, doseH) : Dose.bolus(Amount.mg(35), doseH);
        Regimen regimen = Regimen.of(dose);
        TimeGrid grid = TimeGrid.uniform(doseH + 12, stepH);
        SimulationResult r = Simulation.run(model, Patient.standardAdult(), regimen, grid);
        PatientMetrics streamed = PopulationRun.of(model, List.of(Patient.standardAdult()), regimen, grid)
                .withBands(Band.above(levelNgPerMl)).simulate(Patient.standardAdult());
        for (Analyte a : r.profile().analytes()) {
            Series s = r.profile().series(a);
            OptionalDouble reach = s.timeToReachH(levelNgPerMl);
            if (reach.isPresent()) {
                assertTrue(reach.getAsDouble() >= doseH, a + " reaches " + levelNgPerMl + " at "
                        + reach.getAsDouble() + " h, before the dose at " + doseH + " h");
            }
            double above = s.timeAboveH(levelNgPerMl);
            assertTrue(above <= grid.endH() - doseH + 1e-12, a + " above for " + above + " h");
            AnalyteMetrics m = streamed.get(a);
            assertTrue(m.timeInBandH(0) <= grid.endH() - doseH + 1e-9, a + " above for " + m.timeInBandH(0)
                    + " h by the population's metrics");
            assertTrue(m.tmaxH() >= doseH, a + " peaks at " + m.tmaxH() + " h, before the dose");
            // the dose (and an infusion's end) may fall between grid points
            GridAgreement.assertAgrees(s, m, infusion ? 2 : 1, a.label());
        }
    }
}
