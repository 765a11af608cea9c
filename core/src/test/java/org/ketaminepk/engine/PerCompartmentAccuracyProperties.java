package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import org.ketaminepk.base.TimeGrid;

/**
 * Accuracy is per compartment: what a compartment holds depends only on the inputs that can reach it, so a huge
 * input downstream must not disturb a tiny amount upstream (it used to, by 1e-16 of the large amount: an upstream
 * value of 1e-24 µmol read 1e-10). Checked by superposition: the parent compartments with and without a large
 * constant-rate input into the metabolite are the same to 1e-12 of their own largest amount.
 */
class PerCompartmentAccuracyProperties {

    @Provide
    Arbitrary<RandomSystems.SystemSpec> withMetabolite() {
        return RandomSystems.systemSpecs().filter(s -> s.metabolites() > 0);
    }

    @Property(tries = 150)
    void aLargeDownstreamInputLeavesUpstreamAmountsAlone(@ForAll("withMetabolite") RandomSystems.SystemSpec spec,
            @ForAll @DoubleRange(min = -12, max = 0) double log10Bolus,
            @ForAll @DoubleRange(min = 0, max = 7) double log10Rate) {
        CompartmentSystem sys = spec.build();
        int metabolite = sys.indexOf("metabolite central");
        double bolus = Math.pow(10, log10Bolus);
        Schedule alone = Schedule.builder().bolus(0, 0, false, bolus).build();
        Schedule both = Schedule.builder().bolus(0, 0, false, bolus)
                .rate(0.5, 20, metabolite, false, Math.pow(10, log10Rate)).build();
        TimeGrid grid = TimeGrid.uniform(36, 0.25);
        Solution a = ExactSolver.instance().solve(sys, alone, grid);
        Solution b = ExactSolver.instance().solve(sys, both, grid);
        for (int c = 0; c < sys.size(); c++) {
            if (sys.compartments().get(c).analyte() != org.ketaminepk.base.Analyte.KETAMINE) {
                continue;
            }
            double scale = 0;
            for (int i = 0; i < grid.size(); i++) {
                scale = Math.max(scale, Math.abs(a.amount(i, c)));
            }
            for (int i = 0; i < grid.size(); i++) {
                assertEquals(a.amount(i, c), b.amount(i, c), 1e-12 * scale,
                        sys.compartments().get(c).name() + " at " + grid.time(i) + " h");
            }
        }
    }
}
