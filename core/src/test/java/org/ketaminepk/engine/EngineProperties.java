package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;

/**
 * Properties every correct linear compartment solver has, checked on random parent–metabolite systems: moles are
 * conserved, solutions superpose and scale with the dose, amounts never go negative, more clearance never raises the
 * parent's AUC, and the exact solver agrees with the ODE reference.
 */
class EngineProperties {

    /** A random system: parent 1–3 compartments, metabolite 0–2 compartments, an oral depot. */
    record Spec(int parentCmts, int metCmts, double cl, double v1, double[] periph, double fm, double clm, double vm,
            double[] metPeriph, double ka, double fOral) {

        CompartmentSystem build() {
            return build(cl);
        }

        CompartmentSystem build(double clearance) {
            CompartmentSystem.Builder b = CompartmentSystem.builder();
            int c = b.compartment("k central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
            for (int i = 1; i < parentCmts; i++) {
                int p = b.compartment("k p" + i, Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
                b.exchange(c, v1, p, periph[2 * i - 2], periph[2 * i - 1]);
            }
            int other = b.sink("k other", Analyte.KETAMINE);
            int d = b.compartment("depot", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
            b.flow(d, c, ka);
            int lost = b.sink("unabsorbed", Analyte.KETAMINE);
            if (metCmts > 0) {
                int m = b.compartment("nk central", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
                b.flow(c, m, fm * clearance / v1);
                b.eliminate(c, other, (1 - fm) * clearance / v1);
                for (int i = 1; i < metCmts; i++) {
                    int p = b.compartment("nk p" + i, Analyte.NORKETAMINE, CompartmentSystem.Kind.PERIPHERAL);
                    b.exchange(m, vm, p, metPeriph[0], metPeriph[1]);
                }
                int ms = b.sink("nk eliminated", Analyte.NORKETAMINE);
                b.eliminate(m, ms, clm / vm);
                b.observe(Analyte.NORKETAMINE, m, vm);
            } else {
                b.eliminate(c, other, clearance / v1);
            }
            b.observe(Analyte.KETAMINE, c, v1);
            b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
            b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(d, fOral).withLagH(0.25),
                    InputChannel.lost(lost, 1 - fOral))));
            return b.build();
        }
    }

    /** Log-uniform doubles in [lo, hi]. */
    static Arbitrary<Double> logUniform(double lo, double hi) {
        return Arbitraries.doubles().between(0, 1).map(u -> Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))));
    }

    @Provide
    Arbitrary<Spec> systems() {
        Arbitrary<Double> rate = logUniform(0.5, 300);
        Arbitrary<Double> vol = logUniform(2, 500);
        Arbitrary<double[]> periph = Combinators.combine(vol, rate, vol, rate).as((a, b, c, d) -> new double[] {a, b, c, d});
        Arbitrary<double[]> metPeriph = Combinators.combine(vol, rate).as((a, b) -> new double[] {a, b});
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2), rate,
                vol, periph, Arbitraries.doubles().between(0, 1), rate, vol)
                .flatAs((pc, mc, cl, v1, pp, fm, clm, vm) -> Combinators.combine(metPeriph,
                        logUniform(0.05, 20),
                        Arbitraries.doubles().between(0.05, 1))
                        .as((mp, ka, f) -> new Spec(pc, mc, cl, v1, pp, fm, clm, vm, mp, ka, f)));
    }

    static Schedule doses(CompartmentSystem sys, double scale) {
        // IV bolus at 0, an infusion 2–6 h, an oral dose at 8 h (split by the route's channels)
        Schedule.Builder b = Schedule.builder();
        int central = 0;
        b.bolus(0, central, false, 100 * scale);
        b.rate(2, 6, central, false, 30 * scale);
        for (InputChannel ch : sys.route(Route.ORAL).channels(50)) {
            b.bolus(8 + ch.lagH(), ch.target(), ch.toSink(), 200 * scale * ch.fraction());
        }
        return b.build();
    }

    static final TimeGrid GRID = TimeGrid.of(0, 0.1, 0.5, 1, 2, 3, 5.5, 6, 7, 8, 8.25, 8.5, 9, 12, 18, 24, 36, 48);

    @Property(tries = 200)
    void molesAreConserved(@ForAll("systems") Spec spec) {
        CompartmentSystem sys = spec.build();
        Schedule sch = doses(sys, 1);
        Solution s = ExactSolver.instance().solve(sys, sch, GRID);
        for (int i = 0; i < GRID.size(); i++) {
            double total = 0;
            for (int c = 0; c < s.compartments(); c++) {
                total += s.amount(i, c);
            }
            for (int q = 0; q < s.sinkCount(); q++) {
                total += s.sink(i, q);
            }
            assertEquals(s.input(i), total, 1e-9 * Math.max(1, s.input(i)), "t=" + GRID.time(i));
        }
    }

    @Property(tries = 100)
    void solutionsSuperposeAndScale(@ForAll("systems") Spec spec, @ForAll @DoubleRange(min = 0.01, max = 50) double k) {
        CompartmentSystem sys = spec.build();
        Schedule a = Schedule.builder().bolus(0, 0, false, 70).bolus(5, 0, false, 20).build();
        Schedule b = Schedule.builder().rate(1, 4, 0, false, 15).build();
        Schedule both = Schedule.builder().bolus(0, 0, false, 70).bolus(5, 0, false, 20).rate(1, 4, 0, false, 15).build();
        Schedule scaled = Schedule.builder().bolus(0, 0, false, 70 * k).bolus(5, 0, false, 20 * k).build();
        Solution sa = ExactSolver.instance().solve(sys, a, GRID);
        Solution sb = ExactSolver.instance().solve(sys, b, GRID);
        Solution sab = ExactSolver.instance().solve(sys, both, GRID);
        Solution sk = ExactSolver.instance().solve(sys, scaled, GRID);
        for (int i = 0; i < GRID.size(); i++) {
            for (int c = 0; c < sys.size(); c++) {
                double sum = sa.amount(i, c) + sb.amount(i, c);
                assertEquals(sum, sab.amount(i, c), 1e-9 * Math.max(1, Math.abs(sum)));
                assertEquals(k * sa.amount(i, c), sk.amount(i, c), 1e-9 * Math.max(1, k * Math.abs(sa.amount(i, c))));
            }
        }
    }

    @Property(tries = 200)
    void amountsNeverNegative(@ForAll("systems") Spec spec) {
        CompartmentSystem sys = spec.build();
        Solution s = ExactSolver.instance().solve(sys, doses(sys, 1), TimeGrid.uniform(72, 0.5));
        for (int i = 0; i < s.grid().size(); i++) {
            for (int c = 0; c < s.compartments(); c++) {
                assertTrue(s.amount(i, c) >= -1e-9, "amount " + s.amount(i, c) + " at " + s.grid().time(i));
            }
        }
    }

    @Property(tries = 100)
    void moreClearanceNeverRaisesParentAuc(@ForAll("systems") Spec spec,
            @ForAll @DoubleRange(min = 1.01, max = 5) double factor) {
        CompartmentSystem low = spec.build(spec.cl());
        CompartmentSystem high = spec.build(spec.cl() * factor);
        Solution a = ExactSolver.instance().solve(low, doses(low, 1), GRID);
        Solution b = ExactSolver.instance().solve(high, doses(high, 1), GRID);
        for (int i = 0; i < GRID.size(); i++) {
            assertTrue(b.cumulativeAuc(i, 0) <= a.cumulativeAuc(i, 0) * (1 + 1e-12) + 1e-15,
                    "AUC rose with clearance at t=" + GRID.time(i));
        }
    }

    @Property(tries = 25)
    void exactAgreesWithOdeReference(@ForAll("systems") Spec spec) {
        CompartmentSystem sys = spec.build();
        Schedule sch = doses(sys, 1);
        Solution a = ExactSolver.instance().solve(sys, sch, GRID);
        Solution b = new OdeReferenceSolver().solve(sys, sch, GRID);
        double scale = 0;
        for (int i = 0; i < GRID.size(); i++) {
            for (int c = 0; c < sys.size(); c++) {
                scale = Math.max(scale, Math.abs(b.amount(i, c)));
            }
        }
        for (int i = 0; i < GRID.size(); i++) {
            for (int c = 0; c < sys.size(); c++) {
                double y = b.amount(i, c);
                assertEquals(y, a.amount(i, c), 1e-8 * Math.abs(y) + 1e-10 * scale,
                        "compartment " + c + " at t=" + GRID.time(i));
            }
            for (int o = 0; o < sys.observations().size(); o++) {
                double y = b.cumulativeAuc(i, o);
                assertEquals(y, a.cumulativeAuc(i, o), 1e-8 * Math.abs(y) + 1e-12 * scale);
            }
        }
    }

    @Property(tries = 50)
    void nearlyEqualRatesStayAccurate(@ForAll @DoubleRange(min = 0.05, max = 20) double k,
            @ForAll @IntRange(min = 4, max = 15) int digits) {
        // ka = k·(1 + 10^-digits): eigenvalues nearly coincide; the Bateman closed form loses digits here, so compare
        // with the analytic limit D·k·t·e^{-kt}, which the true solution approaches to O(Δk).
        double ka = k * (1 + Math.pow(10, -digits));
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int d = b.compartment("depot", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
        b.eliminate(c, b.sink("out", Analyte.KETAMINE), k);
        b.flow(d, c, ka);
        b.observe(Analyte.KETAMINE, c, 10);
        b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(d, 1))));
        CompartmentSystem sys = b.build();
        Solution s = ExactSolver.instance().solve(sys, Schedule.builder().bolus(0, d, false, 1).build(),
                TimeGrid.of(0.5 / k, 1 / k, 3 / k));
        for (int i = 0; i < 3; i++) {
            double t = s.grid().time(i);
            double limit = k * t * Math.exp(-k * t);
            assertEquals(limit, s.amount(i, c), 1e-8 * limit + 10 * Math.pow(10, -digits) * limit);
        }
    }
}
