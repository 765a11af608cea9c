package org.ketaminepk.engine;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;

/**
 * The engine tests' one generator of random cases, as jqwik arbitraries (so that a failure shrinks to a small
 * case): a parent (1–3 compartments) → metabolite (0–2 compartments) system with an oral depot and a lost fraction,
 * boluses (to compartments and to a sink) and possibly overlapping infusions, and a uniform or irregular grid.
 */
final class RandomSystems {
    private RandomSystems() {
    }

    /**
     * A system's shape and constants: rates (1/h, in the order they are used) and the two observed volumes (L).
     */
    record SystemSpec(int parents, int metabolites, List<Double> rates, double parentVolumeL,
            double metaboliteVolumeL) {

        CompartmentSystem build() {
            int r = 0;
            CompartmentSystem.Builder b = CompartmentSystem.builder();
            int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
            for (int i = 1; i < parents; i++) {
                int p = b.compartment("peripheral" + i, Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
                b.flow(c, p, rates.get(r++));
                b.flow(p, c, rates.get(r++));
            }
            int depot = b.compartment("depot", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
            b.flow(depot, c, rates.get(r++));
            int lost = b.sink("unabsorbed", Analyte.KETAMINE);
            b.eliminate(c, b.sink("eliminated", Analyte.KETAMINE), rates.get(r++));
            b.observe(Analyte.KETAMINE, c, parentVolumeL);
            if (metabolites > 0) {
                int n1 = b.compartment("metabolite central", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
                b.flow(c, n1, rates.get(r++));
                if (metabolites > 1) {
                    int n2 = b.compartment("metabolite peripheral", Analyte.NORKETAMINE,
                            CompartmentSystem.Kind.PERIPHERAL);
                    b.flow(n1, n2, rates.get(r++));
                    b.flow(n2, n1, rates.get(r++));
                }
                b.eliminate(n1, b.sink("metabolite eliminated", Analyte.NORKETAMINE), rates.get(r++));
                b.observe(Analyte.NORKETAMINE, n1, metaboliteVolumeL);
            }
            b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
            b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(depot, 0.7),
                    InputChannel.lost(lost, 0.3))));
            return b.build();
        }
    }

    /** A bolus: time (h), into the depot rather than the central compartment, amount (µmol). */
    record BolusSpec(double timeH, boolean depot, double umol) {
    }

    /** An infusion: start (h), duration (h), into the depot, rate (µmol/h). */
    record RateSpec(double startH, double durationH, boolean depot, double umolPerH) {
    }

    /** Inputs in the first 30 h, with an optional bolus straight into the unabsorbed sink at {@code sinkBolusH}. */
    record ScheduleSpec(List<BolusSpec> boluses, List<RateSpec> rates, double sinkBolusH) {
        Schedule build(CompartmentSystem sys) {
            int depot = sys.indexOf("depot");
            Schedule.Builder b = Schedule.builder();
            for (BolusSpec x : boluses) {
                b.bolus(x.timeH(), x.depot() ? depot : 0, false, x.umol());
            }
            if (sinkBolusH >= 0) {
                b.bolus(sinkBolusH, 0, true, 20);
            }
            for (RateSpec x : rates) {
                b.rate(x.startH(), x.startH() + x.durationH(), x.depot() ? depot : 0, false, x.umolPerH());
            }
            return b.build();
        }
    }

    /** One case: a system, its inputs, the output grid. */
    record Case(CompartmentSystem system, Schedule schedule, TimeGrid grid) {
        @Override
        public String toString() {
            return system.compartments().size() + " compartments, " + schedule.boluses() + ", " + schedule.rates()
                    + ", " + grid;
        }
    }

    /** Log-uniform doubles in [lo, hi]. */
    static Arbitrary<Double> logUniform(double lo, double hi) {
        return Arbitraries.doubles().between(0, 1).map(u -> Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))));
    }

    /** Rates log-uniform in 0.05–20 /h, volumes 5–205 L. */
    static Arbitrary<SystemSpec> systemSpecs() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2),
                logUniform(0.05, 20).list().ofSize(10), Arbitraries.doubles().between(5, 205),
                Arbitraries.doubles().between(5, 205)).as(SystemSpec::new);
    }

    static Arbitrary<ScheduleSpec> scheduleSpecs() {
        // a third of the boluses at 0, the others on quarter hours (so that some fall on grid points)
        Arbitrary<Double> bolusTime = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 120).map(q -> q / 4.0)));
        Arbitrary<BolusSpec> bolus = Combinators.combine(bolusTime, Arbitraries.of(true, false),
                Arbitraries.doubles().between(10, 110)).as(BolusSpec::new);
        Arbitrary<RateSpec> rate = Combinators.combine(Arbitraries.doubles().between(0, 30),
                Arbitraries.doubles().between(0.1, 8.1), Arbitraries.integers().between(0, 3).map(i -> i == 0),
                Arbitraries.doubles().between(5, 55)).as(RateSpec::new);
        Arbitrary<Double> sinkBolus = Arbitraries.oneOf(Arbitraries.just(-1.0), Arbitraries.doubles().between(0, 10));
        return Combinators.combine(bolus.list().ofMaxSize(3), rate.list().ofMinSize(1).ofMaxSize(3), sinkBolus)
                .as(ScheduleSpec::new);
    }

    /** A uniform grid (often longer than one block), or irregular times some of which fall on round hours. */
    static Arbitrary<TimeGrid> grids() {
        Arbitrary<TimeGrid> uniform = Combinators.combine(Arbitraries.integers().between(36, 59),
                Arbitraries.of(1.0 / 60, 0.05, 0.1, 0.25, 1.0 / 3)).as(TimeGrid::uniform);
        Arbitrary<Double> gap = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(0.25)),
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(0.01, 0.31)));
        // a negative gap means: land on the next whole hour (an event time now and then)
        Arbitrary<Double> step = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, gap),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(-1.0)));
        Arbitrary<TimeGrid> irregular = Combinators.combine(Arbitraries.oneOf(Arbitraries.just(0.0),
                Arbitraries.doubles().between(0, 1)), step.list().ofMinSize(49).ofMaxSize(449)).as((start, gaps) -> {
                    double[] t = new double[gaps.size() + 1];
                    double now = start;
                    t[0] = now;
                    for (int i = 0; i < gaps.size(); i++) {
                        double g = gaps.get(i);
                        double next = g < 0 ? Math.ceil(now + 0.01) : now + g;
                        t[i + 1] = next;
                        now = next;
                    }
                    return TimeGrid.of(t);
                });
        return Arbitraries.oneOf(uniform, irregular);
    }

    /** @return random cases */
    static Arbitrary<Case> cases() {
        return Combinators.combine(systemSpecs(), scheduleSpecs(), grids()).as((s, d, g) -> {
            CompartmentSystem sys = s.build();
            return new Case(sys, d.build(sys), g);
        });
    }
}
