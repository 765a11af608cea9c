package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The dense scheme, forced onto systems whose eigen-decomposition is trusted, against the modal scheme: the same
 * exact solution, each compartment within 1e-8 of its own largest amount. The grids are those the dense scheme takes
 * in blocks (long uniform ones), those whose steps differ in their last bits (times perturbed by a few ulps), and
 * irregular ones; the inputs change between output points. Also: the blocks carry exactly what single points carry,
 * and what is observed does not depend on what else is computed.
 */
class DenseSchemeProperties {
    /** The solver's accuracy bar: each compartment relative to its own largest amount. */
    private static final double RELATIVE = 1e-8;

    /** How a case's output times are laid out. */
    enum Layout {
        /** Every minute for 48–120 h: blocks of the full length between the input changes. */
        MINUTES,
        /** Every 0.05 h, each time moved up by 0–4 ulps: steps of one length that differ in their last bits. */
        PERTURBED,
        /** The irregular grids of {@link RandomSystems#grids()}, or its uniform ones. */
        RANDOM
    }

    /** A modal system, inputs between the output points, and a grid. */
    record Case(RandomSystems.SystemSpec spec, RandomSystems.ScheduleSpec inputs, Layout layout, TimeGrid grid) {
        CompartmentSystem system() {
            return spec.build();
        }

        Schedule schedule(CompartmentSystem system) {
            return inputs.build(system);
        }

        @Override
        public String toString() {
            return spec + ", " + inputs + ", " + layout + " " + grid;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Layout> layouts = Arbitraries.of(Layout.class);
        Arbitrary<Double> endH = Arbitraries.doubles().between(48, 120);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(RandomSystems.systemSpecs(), RandomSystems.scheduleSpecs(), layouts, endH, seeds,
                RandomSystems.grids()).as((spec, inputs, layout, end, seed, random) -> new Case(spec, inputs, layout,
                        switch (layout) {
                            case MINUTES -> TimeGrid.uniform(end, 1.0 / 60);
                            case PERTURBED -> perturbed(end, 0.05, seed);
                            case RANDOM -> random;
                        }));
    }

    /** Times i·step up to {@code endH}, each moved up by 0–4 ulps (chosen by {@code seed}). */
    static TimeGrid perturbed(double endH, double stepH, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int n = (int) Math.floor(endH / stepH) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double v = i * stepH;
            for (int u = random.nextInt(5); u > 0; u--) {
                v = Math.nextUp(v);
            }
            t[i] = v;
        }
        return TimeGrid.of(t);
    }

    private static ExactSolverSchemesTest.Recorder run(Case c, boolean dense, boolean trackSinks,
            boolean observedOnly) {
        CompartmentSystem sys = c.system();
        ExactSolverSchemesTest.Recorder out = new ExactSolverSchemesTest.Recorder(observedOnly);
        ExactSolver.instance().run(sys, c.schedule(sys), c.grid(), trackSinks, out, dense);
        return out;
    }

    /** Asserts that column c of {@code got} is within {@link #RELATIVE} of column c's largest value in {@code want}. */
    private static void assertClosePerColumn(List<double[]> want, List<double[]> got, String what, Object c) {
        assertEquals(want.size(), got.size());
        int columns = want.get(0).length;
        for (int col = 0; col < columns; col++) {
            double scale = 0;
            for (double[] row : want) {
                scale = Math.max(scale, Math.abs(row[col]));
            }
            for (int i = 0; i < want.size(); i++) {
                double w = want.get(i)[col];
                double g = got.get(i)[col];
                int point = i;
                int column = col;
                double s = scale;
                assertTrue(Math.abs(w - g) <= RELATIVE * s, () -> what + " " + column + " at point " + point + ": "
                        + g + " instead of " + w + " (largest " + s + "); " + c);
            }
        }
    }

    @Property(tries = 60)
    void denseAndModalSchemesAgreeOnEveryCompartment(@ForAll("cases") Case c) {
        CompartmentSystem sys = c.system();
        Assume.that(MatrixExponential.analyse(ReachableSubsystem.of(sys, c.schedule(sys)).k).usesEigen());
        ExactSolverSchemesTest.Recorder modal = run(c, false, true, false);
        ExactSolverSchemesTest.Recorder dense = run(c, true, true, false);
        assertClosePerColumn(modal.amounts, dense.amounts, "compartment", c);
        assertClosePerColumn(modal.auc, dense.auc, "AUC of observation", c);
        assertClosePerColumn(modal.sinks, dense.sinks, "sink", c);
    }

    @Property(tries = 60)
    void denseBlocksCarryExactlyWhatItsSinglePointsCarry(@ForAll("cases") Case c) {
        CompartmentSystem sys = c.system();
        Schedule sch = c.schedule(sys);
        TimeGrid grid = c.grid();
        ExactSolverSchemesTest.Recorder full = run(c, true, true, false);
        ExactSolverSchemesTest.Recorder lean = run(c, true, false, true);
        ExactSolverSchemesTest.BlockRecorder blocks = new ExactSolverSchemesTest.BlockRecorder();
        ExactSolver.instance().run(sys, sch, grid, false, blocks, true);
        int[] observed = sys.observations().values().stream().mapToInt(CompartmentSystem.Observation::compartment)
                .toArray();
        assertEquals(grid.size(), blocks.amounts.size());
        int singles = 0;
        for (int i = 0; i < grid.size(); i++) {
            double[] got = blocks.amounts.get(i);
            singles += got.length == observed.length ? 0 : 1;
            for (int o = 0; o < observed.length; o++) {
                double want = full.amounts.get(i)[observed[o]];
                // points taken one at a time arrive with every compartment
                double block = got.length == observed.length ? got[o] : got[observed[o]];
                double single = lean.amounts.get(i)[observed[o]];
                int point = i;
                int obs = o;
                assertEquals(want, single, () -> "observation " + obs + " at point " + point + " with sinks or not");
                assertEquals(want, block, () -> "observation " + obs + " at point " + point + " in a block");
            }
            int point = i;
            assertTrue(Arrays.equals(full.auc.get(i), lean.auc.get(i)), () -> "AUC at point " + point);
            double[] auc = blocks.aucAt.get(i);
            if (auc != null) {
                assertTrue(Arrays.equals(full.auc.get(i), auc), () -> "AUC at the block ending at point " + point);
            }
        }
        if (c.layout() != Layout.RANDOM) {
            // blocks of up to 128 points, split at the input changes (at most ten), whose points and the first step
            // after them (of a length of its own) are taken one at a time
            int taken = singles;
            assertTrue(blocks.blocks <= grid.size() / 128 + 30, () -> blocks.blocks + " blocks for " + grid);
            assertTrue(singles <= 30, () -> taken + " points taken one at a time on " + grid);
        }
    }

    /**
     * A patient of the library's default model (Models.DEFAULT, CRPS infusion, from the benchmark cohort) whose
     * ketamine and norketamine rates nearly coincide: the modal coefficients would lose about 8e-7 to rounding, so
     * the system is refused the eigen route without a second, general decomposition, which would refuse it too.
     */
    static CompartmentSystem resonantParentAndMetabolite() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int central = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int fast = b.compartment("fast peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        int slow = b.compartment("slow peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        int metabolite = b.compartment("metabolite central", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
        int peripheral = b.compartment("metabolite peripheral", Analyte.NORKETAMINE,
                CompartmentSystem.Kind.PERIPHERAL);
        b.flow(central, fast, 6.2786880372657970);
        b.flow(fast, central, 2.8029857309222312);
        b.flow(central, slow, 3.0808469251180006);
        b.flow(slow, central, 0.49058072056019120);
        b.flow(central, metabolite, 1.9927376305963904);
        b.eliminate(central, b.sink("eliminated", Analyte.KETAMINE), 1.2830996062379392);
        b.flow(metabolite, peripheral, 0.46492789691348360);
        b.flow(peripheral, metabolite, 0.26079954192059020);
        b.eliminate(metabolite, b.sink("metabolite eliminated", Analyte.NORKETAMINE), 0.8611278889198687);
        b.observe(Analyte.KETAMINE, central, 27.669917044568066);
        b.observe(Analyte.NORKETAMINE, metabolite, 99.33654470706104);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(central, 1))));
        return b.build();
    }

    @Test
    void aResonantSystemIsRefusedAsTheGeneralDecompositionRefusesIt() {
        double[][] k = resonantParentAndMetabolite().k();
        BlockEigen block = BlockEigen.of(k);
        assertTrue(block != null && MatrixExponential.accurate(k, block.lambda, block.v, block.vinv),
                "the structured decomposition is accurate");
        assertTrue(MatrixExponential.resonanceError(MatrixExponential.norm1(k), block.lambda, block.v, block.vinv)
                > 10 * MatrixExponential.MAX_RESONANCE_ERROR, "and the resonance is well past the bar");
        assertFalse(MatrixExponential.analyse(k).usesEigen());
        assertFalse(MatrixExponential.analyseGeneral(k).usesEigen());
    }

    @Test
    void aResonantPatientOnAMinuteGridMatchesFreshOperatorsForEveryStep() {
        // two days of the CRPS infusion (4 h a day), read every minute: the blocks of the dense scheme against
        // Padé operators computed for every distinct step
        CompartmentSystem sys = resonantParentAndMetabolite();
        Schedule sch = Schedule.builder().rate(0, 4, 0, false, 105.16264454605492)
                .rate(24, 28, 0, false, 105.16264454605492).build();
        TimeGrid grid = TimeGrid.uniform(48, 1.0 / 60);
        ExactSolverSchemesTest.Recorder want = ExactSolverSchemesTest.reference(sys, sch, grid);
        ExactSolverSchemesTest.Recorder got = new ExactSolverSchemesTest.Recorder(false);
        ExactSolver.instance().run(sys, sch, grid, true, got);
        assertClosePerColumn(want.amounts, got.amounts, "compartment", grid);
        assertClosePerColumn(want.auc, got.auc, "AUC of observation", grid);
        assertClosePerColumn(want.sinks, got.sinks, "sink", grid);
    }
}
