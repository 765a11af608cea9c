package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compartments a schedule reaches, and their rate and elimination matrices, taken from a system's flows are
 * exactly what the full matrices give: the same compartments as a walk of the full rate matrix, and every entry the
 * same double, also where some flows have a rate of zero.
 */
class ReductionProperties {

    @Provide
    Arbitrary<RandomSystems.Case> casesWithZeroRates() {
        Arbitrary<Double> rate = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, RandomSystems.logUniform(0.05, 20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)));
        Arbitrary<RandomSystems.SystemSpec> systems = Combinators.combine(Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2), rate.list().ofSize(10), Arbitraries.doubles().between(5, 205),
                Arbitraries.doubles().between(5, 205)).as(RandomSystems.SystemSpec::new);
        return Combinators.combine(systems, RandomSystems.scheduleSpecs()).as((s, d) -> {
            CompartmentSystem sys = s.build();
            return new RandomSystems.Case(sys, d.build(sys), org.ketaminepk.base.TimeGrid.uniform(1, 1));
        });
    }

    @Property(tries = 300)
    void theReducedSystemIsTheFullMatricesRestrictedToTheReachedCompartments(
            @ForAll("casesWithZeroRates") RandomSystems.Case c) {
        CompartmentSystem sys = c.system();
        ReachableSubsystem r = ReachableSubsystem.of(sys, c.schedule());
        double[][] k = sys.rateMatrix();
        double[][] e = sys.eliminationMatrix();
        List<Integer> starts = new ArrayList<>();
        for (CompartmentSystem.Observation o : sys.observations().values()) {
            starts.add(o.compartment());
        }
        for (Schedule.Bolus b : c.schedule().boluses()) {
            if (!b.toSink()) {
                starts.add(b.target());
            }
        }
        for (Schedule.RateInput x : c.schedule().rates()) {
            if (!x.toSink()) {
                starts.add(x.target());
            }
        }
        int[] expected = ReachableSubsystem.downstream(k, starts.stream().mapToInt(Integer::intValue).toArray(),
                i -> true);
        assertArrayEquals(expected, r.full, "the reached compartments");
        for (int i = 0; i < expected.length; i++) {
            int at = i;
            double[] row = new double[expected.length];
            for (int j = 0; j < expected.length; j++) {
                row[j] = k[expected[i]][expected[j]];
            }
            // without a tolerance, doubles must be equal exactly
            assertArrayEquals(row, r.k[i], () -> "rate matrix row " + at);
        }
        for (int q = 0; q < e.length; q++) {
            int at = q;
            double[] row = new double[expected.length];
            for (int j = 0; j < expected.length; j++) {
                row[j] = e[q][expected[j]];
            }
            assertArrayEquals(row, r.e[q], () -> "elimination matrix row " + at);
        }
    }
}
