package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.TestModels;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Streamed metrics must be the {@link Series} metrics of the same run, to the last bit. */
class StreamingMetricsTest {

    private static final List<Band> BANDS = List.of(Band.within(70, 160), Band.above(160), Band.within(0, 5),
            Band.above(0), Band.within(40, 40));

    /** Every streamed metric against the stored profile of the same simulation. */
    private static void assertSameAsProfile(PublishedModel model, Patient patient, Regimen regimen, TimeGrid grid) {
        SimulationResult stored = Simulation.run(model, patient, regimen, grid);
        Map<Analyte, AnalyteMetrics> streamed = StreamingMetrics.compute(stored.individual(), regimen, grid, BANDS);
        assertEquals(stored.profile().analytes(), streamed.keySet());
        for (Analyte a : streamed.keySet()) {
            Series s = stored.profile().series(a);
            AnalyteMetrics m = streamed.get(a);
            assertEquals(s.cmaxNgPerMl(), m.cmaxNgPerMl(), a + " Cmax");
            assertEquals(s.tmaxH(), m.tmaxH(), a + " Tmax");
            assertEquals(s.aucNgHPerMl(), m.aucNgHPerMl(), a + " AUC");
            for (Band b : BANDS) {
                double expected = b.openAbove() ? s.timeAboveH(b.lowNgPerMl())
                        : s.timeWithinH(b.lowNgPerMl(), b.highNgPerMl());
                assertEquals(expected, m.timeInBandH(b), a + " time in " + b);
            }
        }
    }

    @Test
    void tenDayInfusionProtocolOnAMinuteGrid() {
        // 80 kg: 0.35 mg/kg/h would be 28 mg/h, so the 25 mg/h cap applies
        Regimen crps = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
        assertSameAsProfile(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult().withWeightKg(80), crps,
                TimeGrid.uniform(264, 1.0 / 60));
    }

    @Test
    void bolusesOnAnIrregularGridThatMeetsTheDoseTimes() {
        Regimen boluses = Regimen.repeat(Dose.bolus(Amount.mgPerKg(0.5), 0), 6, 4)
                .and(Regimen.of(Dose.infusion(Amount.mg(40), 0.75, 2.5)));
        double[] t = new double[300];
        Random rnd = new Random(11);
        for (int i = 1; i < t.length; i++) {
            t[i] = t[i - 1] + (i % 17 == 0 ? 6 - t[i - 1] % 6 : 0.02 + 0.2 * rnd.nextDouble());
        }
        TimeGrid grid = TimeGrid.of(t);
        assertSameAsProfile(Models.DOMINO_1984, Patient.standardAdult(), boluses, grid);
        assertSameAsProfile(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult(), boluses, grid);
    }

    /** One observed compartment of {@code volumeL} litres, so any amount path can be fed to both sides. */
    private static CompartmentSystem oneCompartment(double volumeL) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        b.eliminate(c, b.sink("eliminated", Analyte.KETAMINE), 1);
        b.observe(Analyte.KETAMINE, c, volumeL);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        return b.build();
    }

    /**
     * Arbitrary paths — plateaus, zeros, round-off negatives, values exactly on band edges, repeated times steps —
     * through {@link Profile#of} and through {@link StreamingMetrics#accept}.
     */
    @Property(tries = 300)
    void theBandRuleAndClippingAreSeriesRules(@ForAll long seed) {
        Random rnd = new Random(seed);
        double volumeL = 1 + 100 * rnd.nextDouble();
        CompartmentSystem sys = oneCompartment(volumeL);
        int n = 2 + rnd.nextInt(60);
        double[] times = new double[n];
        double[][] amounts = new double[n][1];
        double[][] auc = new double[n][1];
        double peak = 1 + 1000 * rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            times[i] = i == 0 ? rnd.nextInt(3) : times[i - 1] + (rnd.nextBoolean() ? 0.25 : 0.01 + rnd.nextDouble());
            double a;
            switch (rnd.nextInt(6)) {
                case 0 -> a = 0;
                case 1 -> a = i > 0 ? amounts[i - 1][0] : 0; // plateau
                case 2 -> a = -1e-12 * peak * rnd.nextDouble(); // round-off below zero
                default -> a = peak * rnd.nextDouble();
            }
            amounts[i][0] = i == n / 2 ? peak : a;
            double before = i == 0 ? 0 : auc[i - 1][0];
            // now and then a cumulative AUC a hair below the previous one, or below zero, as round-off can leave it
            auc[i][0] = before + Math.max(a, 0) * 0.1 - (rnd.nextInt(8) == 0 ? 1e-13 : 0);
        }
        Solution sol = new Solution(TimeGrid.of(times), amounts, new double[n][1], auc, new double[n]);
        Series s = Profile.of(sys, sol, Regimen.of(Dose.bolus(Amount.mg(1), 0)), 70).series(Analyte.KETAMINE);
        // band edges taken from the curve itself, so that steps touch and sit on the edges
        List<Band> bands = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            double lo = s.ngPerMl(rnd.nextInt(n));
            double hi = s.ngPerMl(rnd.nextInt(n));
            bands.add(Band.within(Math.min(lo, hi), Math.max(lo, hi)));
            bands.add(Band.above(s.ngPerMl(rnd.nextInt(n))));
        }
        bands.add(Band.within(0, 0));
        bands.add(Band.within(0, 1e7));
        bands.add(Band.within(-0.0, peak * 1e-9));
        bands.add(Band.above(1e7));
        StreamingMetrics m = StreamingMetrics.of(sys, bands);
        for (int i = 0; i < n; i++) {
            m.accept(i, times[i], amounts[i], new double[1], auc[i]);
        }
        AnalyteMetrics got = m.metrics(Analyte.KETAMINE);
        assertEquals(s.cmaxNgPerMl(), got.cmaxNgPerMl(), "Cmax");
        assertEquals(s.tmaxH(), got.tmaxH(), "Tmax");
        assertEquals(s.aucNgHPerMl(), got.aucNgHPerMl(), "AUC");
        for (Band b : bands) {
            double expected = b.openAbove() ? s.timeAboveH(b.lowNgPerMl())
                    : s.timeWithinH(b.lowNgPerMl(), b.highNgPerMl());
            assertEquals(expected, got.timeInBandH(b), "time in " + b);
        }
    }

    @Property(tries = 500)
    void theShortcutsGiveTheGeneralAnswer(@ForAll long seed) {
        Random rnd = new Random(seed);
        double[] pool = {0, 1, 2, 70, 70, 160, 1e-300, 159.99999999999997, 70.00000000000001, rnd.nextDouble() * 200};
        double a = pool[rnd.nextInt(pool.length)];
        double b = rnd.nextBoolean() ? a : pool[rnd.nextInt(pool.length)];
        double lo = pool[rnd.nextInt(pool.length)];
        double hi = rnd.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : Math.max(lo, pool[rnd.nextInt(pool.length)]);
        assertEquals(BandCrossing.general(a, b, lo, hi), BandCrossing.fractionInside(a, b, lo, hi),
                a + " → " + b + " in [" + lo + ", " + hi + "]");
    }

    @Test
    void aNegativeBeyondRoundOffIsRefusedLikeProfileDoes() {
        CompartmentSystem sys = oneCompartment(10);
        double[][] amounts = {{5}, {-1e-3}, {1}};
        double[][] auc = {{0}, {1}, {2}};
        Solution sol = new Solution(TimeGrid.of(0, 1, 2), amounts, new double[3][1], auc, new double[3]);
        assertThrows(IllegalStateException.class,
                () -> Profile.of(sys, sol, Regimen.of(Dose.bolus(Amount.mg(1), 0)), 70));
        StreamingMetrics m = StreamingMetrics.of(sys, List.of());
        for (int i = 0; i < 3; i++) {
            m.accept(i, i, amounts[i], new double[1], auc[i]);
        }
        assertThrows(IllegalStateException.class, m::metrics);
    }

    @Test
    void aNonFiniteValueIsRefused() {
        StreamingMetrics m = StreamingMetrics.of(oneCompartment(10), List.of(Band.within(1, 2)));
        m.accept(0, 0, new double[] {1}, new double[1], new double[] {0});
        m.accept(1, 1, new double[] {Double.NaN}, new double[1], new double[] {1});
        m.accept(2, 2, new double[] {1}, new double[1], new double[] {2});
        IllegalStateException e = assertThrows(IllegalStateException.class, m::metrics);
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }

    @Test
    void pointsMustArriveInOrderAndBeforeTheMetricsAreRead() {
        StreamingMetrics m = StreamingMetrics.of(oneCompartment(10), List.of());
        assertThrows(IllegalStateException.class, m::metrics);
        m.accept(0, 0, new double[] {1}, new double[1], new double[] {0});
        assertThrows(IllegalStateException.class, () -> m.accept(2, 1, new double[] {1}, new double[1],
                new double[] {0}));
        assertThrows(IllegalStateException.class, () -> m.accept(1, 0, new double[] {1}, new double[1],
                new double[] {0}));
        assertEquals(1, m.points());
    }

    @Test
    void askingForWhatWasNotMeasuredNamesWhatWas() {
        StreamingMetrics m = StreamingMetrics.of(oneCompartment(10), List.of(Band.within(1, 2)));
        m.accept(0, 0, new double[] {1}, new double[1], new double[] {0});
        InvalidInputException analyte = assertThrows(InvalidInputException.class,
                () -> m.metrics(Analyte.NORKETAMINE));
        assertEquals("analyte", analyte.field());
        assertTrue(analyte.getMessage().contains("norketamine"), analyte.getMessage());
        InvalidInputException band = assertThrows(InvalidInputException.class,
                () -> m.metrics(Analyte.KETAMINE).timeInBandH(Band.within(1, 3)));
        assertTrue(band.getMessage().contains("1–2 ng/mL"), band.getMessage());
    }

    @Test
    void bandsAreValidatedLikeSeriesArguments() {
        assertEquals("band low", assertThrows(InvalidInputException.class, () -> Band.within(-1, 5)).field());
        assertEquals("band high", assertThrows(InvalidInputException.class, () -> Band.within(5, 4)).field());
        assertEquals("band high", assertThrows(InvalidInputException.class, () -> Band.within(5, Double.NaN)).field());
        assertEquals("level", assertThrows(InvalidInputException.class, () -> Band.above(Double.NaN)).field());
        assertEquals("above 160 ng/mL", Band.above(160).label());
        assertEquals("70–160 ng/mL", Band.within(70, 160).label());
    }
}
