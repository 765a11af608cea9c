package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;

/**
 * The engine's own API refuses what it cannot solve with an {@link InvalidInputException} naming the field, the
 * value and what is valid, rather than dropping the input, returning Infinity or failing inside the solver.
 */
class EngineInputErrorsTest {
    private static final TimeGrid GRID = TimeGrid.uniform(4, 1);

    private static InvalidInputException refused(Executable call, String field, Object value) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(Optional.ofNullable(value), e.value(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        return e;
    }

    @Test
    void aSystemWithoutARoute() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        b.observe(Analyte.KETAMINE, c, 20);
        InvalidInputException e = refused(b::build, "routes", 0);
        assertTrue(e.getMessage().contains("at least one route"), e.getMessage());
    }

    @Test
    void aBolusAtNoTimeIsRefusedNotDropped() {
        InvalidInputException e = refused(() -> Schedule.builder().bolus(Double.NaN, 0, false, 100), "bolus time",
                Double.NaN);
        assertEquals("bolus time must be finite and 0 h or more but was NaN", e.getMessage());
    }

    @Test
    void anInfusionWithoutAnEndIsRefusedNotDropped() {
        InvalidInputException e = refused(() -> Schedule.builder().rate(0, Double.NaN, 0, false, 10), "input end",
                Double.NaN);
        assertTrue(e.getMessage().endsWith("but was NaN"), e.getMessage());
        refused(() -> Schedule.builder().rate(2, 1, 0, false, 10), "input end", 1.0);
    }

    @Test
    void anInfiniteAmount() {
        InvalidInputException e = refused(() -> Schedule.builder().bolus(0, 0, false, Double.POSITIVE_INFINITY),
                "bolus amount", Double.POSITIVE_INFINITY);
        assertEquals("bolus amount must be finite and 0 µmol or more but was Infinity", e.getMessage());
        refused(() -> Schedule.builder().rate(0, 1, 0, false, Double.POSITIVE_INFINITY), "input rate",
                Double.POSITIVE_INFINITY);
    }

    @Test
    void aTargetTheSystemDoesNotHave() {
        CompartmentSystem sys = SolverContract.oneCompartment(0.5, 2);
        Schedule sch = Schedule.builder().bolus(0, 7, false, 100).build();
        for (Solver solver : List.of(ExactSolver.instance(), new OdeReferenceSolver())) {
            InvalidInputException e = refused(() -> solver.solve(sys, sch, GRID), "target", 7);
            assertEquals("target of the bolus at 0 h must be a compartment index between 0 and 1 but was 7",
                    e.getMessage());
        }
        Schedule toSink = Schedule.builder().rate(0, 1, 3, true, 10).build();
        assertTrue(assertThrows(InvalidInputException.class, () -> ExactSolver.instance().solve(sys, toSink, GRID))
                .getMessage().contains("sink index between 0 and 0 but was 3"));
        refused(() -> Schedule.builder().bolus(0, -1, false, 100), "target", -1);
    }

    @Test
    void aCompartmentTheSystemDoesNotHaveIsRefusedOrFoundEmpty() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        b.compartment("peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        b.observe(Analyte.KETAMINE, c, 20);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        CompartmentSystem sys = b.build();
        assertEquals(1, sys.indexOf("peripheral"));
        assertEquals(OptionalInt.of(1), sys.find("peripheral"));
        assertEquals(OptionalInt.empty(), sys.find("depot"));
        // returned -1 before, which a caller could pass on as a compartment index
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> sys.indexOf("depot"));
        assertEquals("compartment", e.field());
        assertTrue(e.getMessage().contains("central, peripheral") && e.getMessage().contains("'depot'"),
                e::getMessage);
    }

    @Test
    void aRouteChannelTheSystemDoesNotHave() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        b.observe(Analyte.KETAMINE, c, 20);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(7, 1))));
        CompartmentSystem sys = b.build();
        InvalidInputException e = refused(() -> sys.route(Route.INTRAVENOUS).channels(10),
                "channel target of the intravenous route", 7);
        assertTrue(e.getMessage().endsWith("must be a compartment index between 0 and 0 but was 7"), e.getMessage());
    }

    @Test
    void routeFractionsThatLoseHalfTheDose() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int d = b.compartment("depot", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
        b.flow(d, c, 1);
        b.observe(Analyte.KETAMINE, c, 20);
        b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(d, 0.2), InputChannel.into(c, 0.1))));
        CompartmentSystem sys = b.build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> sys.route(Route.ORAL).channels(50));
        assertEquals("channel fractions", e.field());
        assertEquals(0.3, (Double) e.value().orElseThrow(), 1e-15);
        assertEquals("channel fractions of the oral route must add up to 1 (every micromole of the dose accounted "
                + "for) but added up to 0.3", e.getMessage());
        // a split that accounts for every micromole is accepted
        CompartmentSystem.Builder ok = CompartmentSystem.builder();
        int oc = ok.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int lost = ok.sink("not absorbed", Analyte.KETAMINE);
        ok.observe(Analyte.KETAMINE, oc, 20);
        ok.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(oc, 0.3), InputChannel.lost(lost, 0.7))));
        assertEquals(2, ok.build().route(Route.ORAL).channels(50).size());
    }

    @Test
    void badStructureIsNamed() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        refused(() -> b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL),
                "compartment name", "central");
        refused(() -> b.flow(c, c, Double.NaN), "rate constant", Double.NaN);
        refused(() -> b.observe(Analyte.KETAMINE, c, 0), "volume", 0.0);
        b.flow(c, 4, 1);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        InvalidInputException e = refused(b::build, "flow target", 4);
        assertTrue(e.getMessage().endsWith("between 0 and 0 but was 4"), e.getMessage());
    }
}
