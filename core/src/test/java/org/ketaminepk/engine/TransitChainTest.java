package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Transit chains of equal rate constants: their rate matrix has one eigenvalue of full multiplicity, so the exact
 * solver takes the dense scheme, and with doses between the output points almost every step has a length of its
 * own (the dyadic ladder of {@link DenseScheme}). Checked against the closed-form Erlang solution and against Padé
 * operators computed afresh for every step.
 */
class TransitChainTest {
    private static final double RELATIVE = 1e-8;

    /** A chain 0 → 1 → … → n−1 → sink, every rate k; the last compartment is observed in {@code volumeL}. */
    static CompartmentSystem chain(int n, double k, double volumeL) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        for (int i = 0; i < n; i++) {
            b.compartment("transit " + i, Analyte.KETAMINE, i == 0 ? CompartmentSystem.Kind.CENTRAL
                    : CompartmentSystem.Kind.PERIPHERAL);
        }
        for (int i = 0; i + 1 < n; i++) {
            b.flow(i, i + 1, k);
        }
        b.eliminate(n - 1, b.sink("out", Analyte.KETAMINE), k);
        b.observe(Analyte.KETAMINE, n - 1, volumeL);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(0, 1))));
        return b.build();
    }

    /** The regularised lower incomplete gamma function P(a, x) for a whole a >= 1: the Erlang(a) distribution. */
    static double erlangCdf(int a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x <= a) {
            // e^{−x} Σ_{i>=a} x^i/i!: positive terms, no cancellation
            double term = Math.exp(-x);
            for (int i = 1; i <= a; i++) {
                term *= x / i;
            }
            double sum = 0;
            for (int i = a + 1; term > 1e-20 * sum; i++) {
                sum += term;
                term *= x / i;
            }
            return sum;
        }
        double term = Math.exp(-x);
        double sum = 0;
        for (int i = 0; i < a; i++) {
            sum += term;
            term *= x / (i + 1);
        }
        return 1 - sum;
    }

    /** Amount in compartment j (0-based) of the chain, u hours after a unit bolus into compartment 0. */
    static double bolusAmount(int j, double k, double u) {
        if (u < 0) {
            return 0;
        }
        double term = Math.exp(-k * u);
        for (int i = 1; i <= j; i++) {
            term *= k * u / i;
        }
        return term;
    }

    /** ∫₀ᵘ of {@link #bolusAmount}: P(j+1, ku)/k. */
    static double bolusIntegral(int j, double k, double u) {
        return erlangCdf(j + 1, k * u) / k;
    }

    /** Amount in compartment j, u hours after a unit rate into compartment 0 began: P(j+1, ku)/k. */
    static double rateAmount(int j, double k, double u) {
        return bolusIntegral(j, k, u);
    }

    /** ∫₀ᵘ of {@link #rateAmount}: (x·P(j+1, x) − (j+1)·P(j+2, x))/k², x = ku. */
    static double rateIntegral(int j, double k, double u) {
        if (u <= 0) {
            return 0;
        }
        double x = k * u;
        return (x * erlangCdf(j + 1, x) - (j + 1) * erlangCdf(j + 2, x)) / (k * k);
    }

    /** Irregular doses (boluses and two infusions) read on an irregular grid or on a regular one. */
    private record Case(CompartmentSystem system, Schedule schedule, TimeGrid grid, int n, double k,
            double[][] boluses, double[][] rates) {
        static Case of(int n, double k, boolean regularGrid, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<double[]> boluses = new ArrayList<>();
            Schedule.Builder b = Schedule.builder();
            double t = 0;
            for (int i = 0; i < 40; i++) {
                double amount = 1 + 99 * random.nextDouble();
                b.bolus(t, 0, false, amount);
                boluses.add(new double[] {t, amount});
                t += 0.1 + 1.9 * random.nextDouble();
            }
            double[][] rates = {{3.3, 7.9, 12.5}, {21.17, 40.03, 4.25}};
            for (double[] r : rates) {
                b.rate(r[0], r[1], 0, false, r[2]);
            }
            double endH = t + 10;
            TimeGrid grid;
            if (regularGrid) {
                grid = TimeGrid.uniform(endH, 0.25);
            } else {
                List<Double> times = new ArrayList<>();
                for (double g = 0; g < endH; g += 0.01 + 1.5 * random.nextDouble()) {
                    times.add(g);
                }
                grid = TimeGrid.of(times.stream().mapToDouble(Double::doubleValue).toArray());
            }
            return new Case(chain(n, k, 2.5), b.build(), grid, n, k, boluses.toArray(double[][]::new), rates);
        }

        double amount(int j, double time) {
            double sum = 0;
            for (double[] bolus : boluses) {
                sum += bolus[1] * bolusAmount(j, k, time - bolus[0]);
            }
            for (double[] r : rates) {
                sum += r[2] * (rateAmount(j, k, time - r[0]) - rateAmount(j, k, time - r[1]));
            }
            return sum;
        }

        double integral(int j, double time) {
            double sum = 0;
            for (double[] bolus : boluses) {
                sum += bolus[1] * bolusIntegral(j, k, time - bolus[0]);
            }
            for (double[] r : rates) {
                sum += r[2] * (rateIntegral(j, k, time - r[0]) - rateIntegral(j, k, time - r[1]));
            }
            return sum;
        }
    }

    @ParameterizedTest(name = "regular grid: {0}")
    @ValueSource(booleans = {false, true})
    void equalRateChainFollowsTheErlangSolution(boolean regularGrid) {
        Case c = Case.of(4, 1.7, regularGrid, 2026);
        assertFalse(MatrixExponential.analyse(c.system().k()).usesEigen(), "a chain of equal rates is not modal");
        Solution sol = ExactSolver.instance().solve(c.system(), c.schedule(), c.grid());
        TimeGrid grid = c.grid();
        double[] scale = new double[c.n()];
        for (int j = 0; j < c.n(); j++) {
            for (int i = 0; i < grid.size(); i++) {
                scale[j] = Math.max(scale[j], c.amount(j, grid.time(i)));
            }
        }
        double aucScale = c.integral(c.n() - 1, grid.endH()) / 2.5;
        for (int i = 0; i < grid.size(); i++) {
            double time = grid.time(i);
            for (int j = 0; j < c.n(); j++) {
                double want = c.amount(j, time);
                double got = sol.amount(i, j);
                assertTrue(Math.abs(got - want) <= RELATIVE * scale[j], "compartment " + j + " at " + time + " h: "
                        + got + " instead of " + want);
            }
            double wantAuc = c.integral(c.n() - 1, time) / 2.5;
            assertEquals(wantAuc, sol.cumulativeAuc(i, 0), RELATIVE * aucScale, "AUC at " + time + " h");
            double accounted = sol.sink(i, 0);
            for (int j = 0; j < c.n(); j++) {
                accounted += sol.amount(i, j);
            }
            assertEquals(c.schedule().inputUpTo(time), accounted, 1e-10 * c.schedule().inputUpTo(grid.endH()),
                    "mole balance at " + time + " h");
        }
    }

    @Property(tries = 40)
    void manyIrregularStepLengthsMatchFreshOperatorsForEveryStep(@ForAll @IntRange(min = 2, max = 6) int n,
            @ForAll @DoubleRange(min = 0.02, max = 60) double k, @ForAll boolean regularGrid,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Case c = Case.of(n, k, regularGrid, seed);
        ExactSolverSchemesTest.Recorder want = ExactSolverSchemesTest.reference(c.system(), c.schedule(), c.grid());
        ExactSolverSchemesTest.Recorder got = new ExactSolverSchemesTest.Recorder(false);
        ExactSolver.instance().run(c.system(), c.schedule(), c.grid(), true, got);
        for (int j = 0; j < n; j++) {
            double scale = 0;
            for (double[] row : want.amounts) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
            for (int i = 0; i < want.amounts.size(); i++) {
                double w = want.amounts.get(i)[j];
                double g = got.amounts.get(i)[j];
                assertTrue(Math.abs(w - g) <= 1e-9 * scale, "compartment " + j + " at point " + i + ": " + g
                        + " instead of " + w + " (scale " + scale + ")");
            }
        }
        double aucScale = Math.abs(want.auc.get(want.auc.size() - 1)[0]);
        double sinkScale = Math.abs(want.sinks.get(want.sinks.size() - 1)[0]);
        for (int i = 0; i < want.auc.size(); i++) {
            assertEquals(want.auc.get(i)[0], got.auc.get(i)[0], 1e-9 * aucScale, "AUC at point " + i);
            assertEquals(want.sinks.get(i)[0], got.sinks.get(i)[0], 1e-9 * sinkScale, "sink at point " + i);
        }
    }

    @Test
    void aLengthGetsItsOwnOperatorsOnlyOnTheUseAskedFor() {
        AtomicInteger built = new AtomicInteger();
        StepCache<double[]> cache = new StepCache<>(h -> {
            built.incrementAndGet();
            return new double[] {h};
        }, 3);
        assertNull(cache.get(0.5));
        assertNull(cache.get(0.25));
        assertNull(cache.get(0.5));
        double[] entry = cache.get(0.5);
        assertNotNull(entry);
        assertEquals(0.5, entry[0]);
        assertEquals(1, built.get());
        assertSame(entry, cache.get(0.5 + 1e-14), "a length within 1e-12 h shares the entry");
        assertNull(cache.get(0.75));
        assertSame(entry, cache.get(0.5));
        assertEquals(1, built.get());
    }
}
