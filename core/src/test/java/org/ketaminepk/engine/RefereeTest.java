package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;

/**
 * The exact solver refereed by values computed outside the project: {@code referee.txt} holds dosing scenarios
 * (bolus, infusion, repeated and overlapping doses, a lag, first- and zero-order absorption, doses on and between
 * grid points, events at the grid's end, rate constants 1e6 apart, equal and nearly equal rate constants, a transit
 * chain, ten years of weekly doses) and the exact amounts in every compartment at every output time, computed by
 * {@code referee.py} with mpmath at 50 digits (see its header for how). Each compartment is held to 1e-8 of its own
 * largest amount in the scenario, so that a small compartment is not judged against a large one; a compartment that
 * is exactly empty must read exactly 0.
 */
class RefereeTest {
    private static final double RELATIVE = 1e-8;

    /** One scenario as read from the file. */
    record Scenario(String name, String note, int n, List<double[]> flows, List<double[]> elims,
            List<double[]> boluses, List<double[]> rates, double[] grid, List<double[]> expected) {
        @Override
        public String toString() {
            return name + ": " + note;
        }

        CompartmentSystem system() {
            CompartmentSystem.Builder b = CompartmentSystem.builder();
            for (int i = 0; i < n; i++) {
                b.compartment("c" + i, Analyte.KETAMINE, i == 0 ? CompartmentSystem.Kind.CENTRAL
                        : CompartmentSystem.Kind.PERIPHERAL);
            }
            for (double[] f : flows) {
                b.flow((int) f[0], (int) f[1], f[2]);
            }
            for (double[] e : elims) {
                b.eliminate((int) e[0], b.sink("out" + (int) e[0], Analyte.KETAMINE), e[1]);
            }
            b.observe(Analyte.KETAMINE, 0, 1);
            b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(0, 1))));
            return b.build();
        }

        Schedule schedule() {
            Schedule.Builder b = Schedule.builder();
            for (double[] x : boluses) {
                b.bolus(x[0], (int) x[1], false, x[2]);
            }
            for (double[] x : rates) {
                b.rate(x[0], x[1], (int) x[2], false, x[3]);
            }
            return b.build();
        }
    }

    static Stream<Scenario> scenarios() throws IOException {
        List<Scenario> out = new ArrayList<>();
        try (InputStream in = RefereeTest.class.getResourceAsStream("referee.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            String note = null;
            int n = 0;
            List<double[]> flows = new ArrayList<>();
            List<double[]> elims = new ArrayList<>();
            List<double[]> boluses = new ArrayList<>();
            List<double[]> rates = new ArrayList<>();
            List<double[]> expected = new ArrayList<>();
            double[] grid = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                String word = space < 0 ? line : line.substring(0, space);
                String rest = space < 0 ? "" : line.substring(space + 1);
                switch (word) {
                    case "scenario" -> {
                        name = rest;
                        flows = new ArrayList<>();
                        elims = new ArrayList<>();
                        boluses = new ArrayList<>();
                        rates = new ArrayList<>();
                        expected = new ArrayList<>();
                    }
                    case "note" -> note = rest;
                    case "compartments" -> n = Integer.parseInt(rest);
                    case "flow" -> flows.add(numbers(rest));
                    case "elim" -> elims.add(numbers(rest));
                    case "bolus" -> boluses.add(numbers(rest));
                    case "rate" -> rates.add(numbers(rest));
                    case "grid" -> grid = numbers(rest);
                    case "expect" -> expected.add(numbers(rest));
                    case "end" -> out.add(new Scenario(name, note, n, flows, elims, boluses, rates, grid, expected));
                    default -> throw new IllegalStateException("unknown line in referee.txt: " + line);
                }
            }
        }
        return out.stream();
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyCompartmentWithinOneInAHundredMillionOfItsOwnScale(Scenario sc) {
        TimeGrid grid = TimeGrid.of(sc.grid());
        assertEquals(sc.grid().length, sc.expected().size(), "one expected row per output time");
        Solution sol = ExactSolver.instance().solve(sc.system(), sc.schedule(), grid);
        for (int c = 0; c < sc.n(); c++) {
            double scale = 0;
            for (double[] row : sc.expected()) {
                scale = Math.max(scale, Math.abs(row[1 + c]));
            }
            for (int i = 0; i < grid.size(); i++) {
                double[] row = sc.expected().get(i);
                assertEquals(row[0], grid.time(i), "time of point " + i);
                double want = row[1 + c];
                double got = sol.amount(i, c);
                if (scale == 0) {
                    assertEquals(0.0, got, "compartment " + c + " is empty at " + row[0] + " h");
                } else {
                    assertTrue(Math.abs(got - want) <= RELATIVE * scale, "compartment " + c + " at " + row[0]
                            + " h: " + got + " instead of " + want + " (scale " + scale + ")");
                }
            }
        }
    }
}
