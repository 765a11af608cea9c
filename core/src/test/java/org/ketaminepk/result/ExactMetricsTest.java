package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.ExponentialSegments;
import org.ketaminepk.engine.OdeReferenceSolver;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.TestModels;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Exact metrics against the same run read on a very fine grid (grid metrics, {@link StreamingMetrics}), with
 * tolerances derived from the grid step, and against the ODE reference solver.
 */
class ExactMetricsTest {
    private static final List<Band> BANDS = List.of(Band.within(70, 160), Band.above(160), Band.within(0, 5),
            Band.above(0), Band.within(20, 40));

    private record Run(CompartmentSystem system, Schedule schedule) {
    }

    private static Run prepare(PublishedModel model, Patient patient, Regimen regimen) {
        IndividualModel ind = Simulation.standard().individualize(model, patient);
        return new Run(ind.system(), regimen.schedule(ind.system(), patient.weightKg()));
    }

    /**
     * Exact values against the stored path on {@code fine}, solved by {@code reference}, with tolerances derived from
     * that path: Cmax is never below a grid value and above the grid's Cmax by at most the largest change between
     * neighbouring grid points; Tmax within one step of the grid's (the maximum is unique in these runs); AUC equal to
     * the reference's integral to {@code aucTolerance}; each band time within one step per grid step in which the path
     * crosses an edge of the band (the grid's linear reading errs only inside such a step).
     */
    private static void assertAgrees(PublishedModel model, Patient patient, Regimen regimen, TimeGrid fine,
            Solver reference, double aucTolerance) {
        Profile path = Simulation.standard().withSolver(reference).simulate(model, patient, regimen, fine).profile();
        assertAgrees(model, patient, regimen, fine, path, aucTolerance, BANDS);
    }

    /** As above, on a path solved already and with the bands given. */
    private static void assertAgrees(PublishedModel model, Patient patient, Regimen regimen, TimeGrid fine,
            Profile path, double aucTolerance, List<Band> bands) {
        Run run = prepare(model, patient, regimen);
        Map<Analyte, AnalyteMetrics> exact = ExactMetrics.compute(run.system(), run.schedule(), fine, bands)
                .orElseThrow();
        double[] times = path.timesH();
        double step = 0;
        for (int j = 1; j < times.length; j++) {
            step = Math.max(step, times[j] - times[j - 1]);
        }
        for (Analyte a : exact.keySet()) {
            AnalyteMetrics e = exact.get(a);
            Series g = path.series(a);
            double[] c = g.ngPerMl();
            double largestChange = 0;
            for (int j = 1; j < c.length; j++) {
                largestChange = Math.max(largestChange, Math.abs(c[j] - c[j - 1]));
            }
            assertTrue(e.exact());
            double solverSlack = 1e-8 * g.cmaxNgPerMl();
            assertTrue(e.cmaxNgPerMl() >= g.cmaxNgPerMl() - solverSlack, a + " exact Cmax " + e.cmaxNgPerMl()
                    + " below the grid's " + g.cmaxNgPerMl());
            assertTrue(e.cmaxNgPerMl() <= g.cmaxNgPerMl() + largestChange + solverSlack, a + " Cmax");
            assertEquals(g.tmaxH(), e.tmaxH(), step + 1e-9, a + " Tmax");
            assertEquals(g.aucNgHPerMl(), e.aucNgHPerMl(), aucTolerance * g.aucNgHPerMl() + 1e-12, a + " AUC");
            for (Band b : bands) {
                int crossingSteps = 0;
                for (int j = 1; j < c.length; j++) {
                    crossingSteps += crosses(c[j - 1], c[j], b.lowNgPerMl()) + crosses(c[j - 1], c[j],
                            b.highNgPerMl());
                }
                double expected = b.openAbove() ? g.timeAboveH(b.lowNgPerMl())
                        : g.timeWithinH(b.lowNgPerMl(), b.highNgPerMl());
                assertEquals(expected, e.timeInBandH(b), crossingSteps * step + 1e-9, a + " time in " + b);
            }
        }
    }

    /** @return 1 if the step from {@code p} to {@code q} reaches or passes {@code level}, else 0 */
    private static int crosses(double p, double q, double level) {
        return Math.min(p, q) <= level && Math.max(p, q) >= level && p != q ? 1 : 0;
    }

    @Test
    void tenDayCappedInfusionsAgainstATenSecondGrid() {
        Regimen crps = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
        assertAgrees(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult().withWeightKg(80), crps,
                TimeGrid.uniform(264, 10.0 / 3600), ExactSolver.instance(), 1e-9);
    }

    @Test
    void bolusesAndAnInfusionAgainstTheOdeReference() {
        Regimen boluses = Regimen.repeat(Dose.bolus(Amount.mgPerKg(0.5), 0), 3, 4)
                .and(Regimen.of(Dose.infusion(Amount.mg(40), 0.75, 2.5)));
        // the reference integrates to a relative 1e-12 per step; its AUC is held to 1e-8
        assertAgrees(Models.DOMINO_1984, Patient.standardAdult(), boluses, TimeGrid.uniform(16, 1.0 / 600),
                new OdeReferenceSolver(), 1e-8);
    }

    @Test
    void theMaximumBetweenGridPointsIsFound() {
        // norketamine peaks after the infusion ends, between the points of a coarse grid
        Regimen one = Regimen.of(Dose.infusion(Amount.mg(50), 0.5, 0));
        Run run = prepare(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult(), one);
        TimeGrid coarse = TimeGrid.uniform(12, 1);
        AnalyteMetrics onCoarse = ExactMetrics.compute(run.system(), run.schedule(), coarse, List.of())
                .orElseThrow().get(Analyte.NORKETAMINE);
        AnalyteMetrics onFine = StreamingMetrics.compute(ExactSolver.instance(), run.system(),
                run.schedule(), TimeGrid.uniform(12, 1.0 / 3600), List.of()).get(Analyte.NORKETAMINE);
        assertEquals(onFine.tmaxH(), onCoarse.tmaxH(), 1.0 / 3600);
        assertEquals(onFine.cmaxNgPerMl(), onCoarse.cmaxNgPerMl(), 1e-6 * onFine.cmaxNgPerMl());
        assertTrue(onCoarse.tmaxH() != Math.rint(onCoarse.tmaxH()), "the peak lies between whole hours");
    }

    /**
     * Norketamine still falls for a few seconds after the second day's infusion starts, so that window holds a shallow
     * minimum. It is found only where a band edge lies between the least value the window's terms allow and the lower
     * of its end values (an edge there is crossed twice); elsewhere the window is taken whole. On a grid of 0.09-s
     * steps over the first 3 min of the infusion (the metrics' span), one edge is put half way between the trough
     * read there and the value at the start, so that the minimum must be found (else both crossings, about 10 s
     * apart, are missed), and another between the start and end values, crossed once, where it need not.
     */
    @Property(tries = 12)
    void bandEdgesAroundAShallowNorketamineTrough(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Random rnd = new Random(seed);
        double hours = 2 + 3 * rnd.nextDouble();
        Regimen daily = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.1 + 0.4 * rnd.nextDouble()), hours,
                0)), 2);
        Patient patient = Patient.standardAdult().withWeightKg(50 + 60 * rnd.nextDouble());
        double[] times = new double[2001];
        for (int j = 0; j < times.length; j++) {
            times[j] = 24 + j * (0.05 / 2000);
        }
        TimeGrid fine = TimeGrid.of(times);
        Profile path = Simulation.standard().simulate(TestModels.RACEMIC_COMPOSITE, patient, daily, fine).profile();
        double[] c = path.series(Analyte.NORKETAMINE).ngPerMl();
        double trough = Double.POSITIVE_INFINITY;
        for (double v : c) {
            trough = Math.min(trough, v);
        }
        double first = c[0];
        double last = c[c.length - 1];
        assertTrue(trough < first * (1 - 1e-6) && last > first, "a trough inside: " + first + ", " + trough + ", "
                + last);
        double twice = 0.5 * (trough + first);
        double once = first + (0.2 + 0.6 * rnd.nextDouble()) * (last - first);
        List<Band> bands = List.of(Band.above(twice), Band.within(twice, once), Band.above(once),
                Band.within(0, twice));
        assertAgrees(TestModels.RACEMIC_COMPOSITE, patient, daily, fine, path, 1e-9, bands);
    }

    /**
     * Runs keep their work arrays per thread between runs: a run started inside another's on the same thread (here,
     * from the first one's segments) must not take the arrays the first is still using. Each run's metrics equal those
     * of the same run alone.
     */
    @Test
    void aRunInsideAnotherOnTheSameThreadSharesNoWorkArrays() {
        Regimen crps = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 3);
        Regimen bolus = Regimen.of(Dose.bolus(Amount.mg(30), 1));
        Run outer = prepare(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult(), crps);
        Run inner = prepare(TestModels.RACEMIC_COMPOSITE, Patient.standardAdult().withWeightKg(95), bolus);
        TimeGrid grid = TimeGrid.uniform(72, 0.5);
        Map<Analyte, AnalyteMetrics> outerAlone = ExactMetrics.compute(outer.system(), outer.schedule(), grid, BANDS)
                .orElseThrow();
        Map<Analyte, AnalyteMetrics> innerAlone = ExactMetrics.compute(inner.system(), inner.schedule(), grid, BANDS)
                .orElseThrow();
        ExactMetrics accumulator = ExactMetrics.of(outer.system(), BANDS, grid);
        List<Map<Analyte, AnalyteMetrics>> innerRuns = new java.util.ArrayList<>();
        ExponentialSegments.run(outer.system(), outer.schedule(), grid.endH(), new ExponentialSegments.Consumer() {
            @Override
            public void start(double[] lambdaPerH) {
                accumulator.start(lambdaPerH);
            }

            @Override
            public void segment(double startH, double endH, boolean last, double[][] u, double[][] w,
                    double[] expm1) {
                accumulator.segment(startH, endH, last, u, w, expm1);
                if (innerRuns.size() < 3) {
                    innerRuns.add(ExactMetrics.compute(inner.system(), inner.schedule(), grid, BANDS).orElseThrow());
                }
            }
        });
        assertEquals(outerAlone, accumulator.metrics());
        for (Map<Analyte, AnalyteMetrics> m : innerRuns) {
            assertEquals(innerAlone, m);
        }
    }

    @Test
    void aTransitChainOfEqualRatesIsLeftToTheGrid() {
        // equal rate constants give coincident eigenvalues: not written as exponential segments
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c1 = b.compartment("a", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int c2 = b.compartment("b", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        b.flow(c1, c2, 1);
        b.eliminate(c2, b.sink("out", Analyte.KETAMINE), 1);
        b.observe(Analyte.KETAMINE, c2, 10);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c1, 1))));
        CompartmentSystem sys = b.build();
        Schedule s = Schedule.builder().bolus(0, c1, false, 100).build();
        assertEquals(Optional.empty(), ExactMetrics.compute(sys, s, TimeGrid.uniform(10, 1), List.of()));
    }

    /**
     * Random boluses and infusions, one analyte path: the exact Cmax is at least every value on a grid, and nothing
     * happens before the first input (Tmax and every band entry come at or after it).
     */
    @Property(tries = 60)
    void cmaxBoundsTheGridAndNothingPrecedesTheFirstInput(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Random rnd = new Random(seed);
        double first = 0.25 + 5 * rnd.nextDouble();
        Regimen regimen = Regimen.of(rnd.nextBoolean() ? Dose.bolus(Amount.mg(5 + 50 * rnd.nextDouble()), first)
                : Dose.infusion(Amount.mg(5 + 80 * rnd.nextDouble()), 0.05 + 3 * rnd.nextDouble(), first));
        for (int k = rnd.nextInt(4); k > 0; k--) {
            double t = first + 12 * rnd.nextDouble();
            regimen = regimen.and(Regimen.of(rnd.nextBoolean() ? Dose.bolus(Amount.mg(1 + 30 * rnd.nextDouble()), t)
                    : Dose.infusion(Amount.mg(1 + 40 * rnd.nextDouble()), 0.05 + 2 * rnd.nextDouble(), t)));
        }
        PublishedModel model = rnd.nextBoolean() ? TestModels.RACEMIC_COMPOSITE : Models.DOMINO_1984;
        Run run = prepare(model, Patient.standardAdult().withWeightKg(45 + 60 * rnd.nextDouble()), regimen);
        TimeGrid grid = TimeGrid.uniform(24, 0.05 + 0.5 * rnd.nextDouble());
        double end = grid.endH();
        double level = 1 + 200 * rnd.nextDouble();
        List<Band> bands = List.of(Band.above(level), Band.within(level / 2, level));
        Map<Analyte, AnalyteMetrics> exact = ExactMetrics.compute(run.system(), run.schedule(), grid, bands)
                .orElseThrow();
        Map<Analyte, AnalyteMetrics> onGrid = StreamingMetrics.compute(run.system(), run.schedule(), grid, bands);
        for (Analyte a : exact.keySet()) {
            AnalyteMetrics e = exact.get(a);
            assertTrue(e.cmaxNgPerMl() >= onGrid.get(a).cmaxNgPerMl() * (1 - 1e-12),
                    a + " exact Cmax " + e.cmaxNgPerMl() + " < grid " + onGrid.get(a).cmaxNgPerMl());
            assertTrue(e.tmaxH() >= first, a + " Tmax " + e.tmaxH() + " before the first input at " + first);
            for (Band b : bands) {
                // the time in a band is a sum of piece lengths, exact but for a few units in the last place
                assertTrue(e.timeInBandH(b) <= end - first + 1e-12 * end,
                        () -> a + " " + e.timeInBandH(b) + " h in " + b + " but only " + (end - first)
                                + " h follow the first input");
            }
        }
    }
}
