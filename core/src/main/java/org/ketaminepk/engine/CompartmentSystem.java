package org.ketaminepk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Grids;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;

/**
 * A linear compartment system with constant coefficients: {@code dx/dt = K x + r(t)} for the compartments in the
 * body, and {@code ds/dt = E x} for the sinks that collect what leaves it. Amounts are in µmol, time in hours,
 * volumes in litres, so concentrations are in µmol/L.
 *
 * <p>The model describes structure; solvers ({@link Solver}) solve it. Instances are immutable and safe to share
 * between threads. Not for nonlinear (saturable) kinetics.
 */
public final class CompartmentSystem {

    /** What a compartment stands for; used for labels and for mass-balance reports. */
    public enum Kind {
        /** Central (sampled) compartment. */
        CENTRAL,
        /** Peripheral distribution compartment. */
        PERIPHERAL,
        /** Absorption depot (gut, nasal mucosa, muscle, film). */
        DEPOT,
        /** One compartment of a transit chain. */
        TRANSIT,
        /** Liver / hepato-portal compartment. */
        HEPATIC
    }

    /**
     * A compartment in the body.
     *
     * @param name short name, unique within the system
     * @param analyte the species it holds
     * @param kind what it stands for
     */
    public record Compartment(String name, Analyte analyte, Kind kind) {
    }

    /**
     * A sink: where eliminated or unabsorbed drug is counted.
     *
     * @param name short name
     * @param analyte the species as it left the body (e.g. ketamine metabolised to other products is booked as
     *                ketamine, in moles)
     */
    public record Sink(String name, Analyte analyte) {
    }

    /**
     * Where an analyte's concentration is read.
     *
     * @param compartment index of the sampled compartment
     * @param volumeL its volume, L (an apparent volume where the model says so)
     */
    public record Observation(int compartment, double volumeL) {
    }

    /**
     * The parts of a system that do not depend on a patient's numbers: its compartments, its sinks and which
     * compartment or sink each flow joins, in the order the structure added them. A model adds the same parts for
     * every patient, so a builder given the layout of an earlier system ({@link #builder(Layout)}) takes these
     * parts over instead of making, copying and checking them again; only the rate constants, the observation
     * volumes and the route inputs are the patient's own. Immutable and safe to share between threads.
     */
    public static final class Layout {
        private final List<Compartment> compartments;
        private final List<Sink> sinks;
        private final int[] flowFrom;
        private final int[] flowTo;
        private final boolean[] flowIntoSink;

        private Layout(List<Compartment> compartments, List<Sink> sinks, Builder b) {
            this.compartments = compartments;
            this.sinks = sinks;
            this.flowFrom = Arrays.copyOf(b.flowFrom, b.flowCount);
            this.flowTo = Arrays.copyOf(b.flowTo, b.flowCount);
            this.flowIntoSink = Arrays.copyOf(b.flowIntoSink, b.flowCount);
        }

        /**
         * @return whether {@code b}, whose compartments and sinks so far are this layout's, built all of them and the
         *         same flows
         */
        private boolean sameAs(Builder b) {
            if (b.compartments.size() != compartments.size() || b.sinks.size() != sinks.size()
                    || b.flowCount != flowFrom.length) {
                return false;
            }
            for (int i = 0; i < flowFrom.length; i++) {
                if (b.flowFrom[i] != flowFrom[i] || b.flowTo[i] != flowTo[i] || b.flowIntoSink[i] != flowIntoSink[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Layout layout;
    private final List<Compartment> compartments;
    private final List<Sink> sinks;
    /**
     * Each flow's rate constant, 1/h, in the layout's flow order. The rate and elimination matrices are made from
     * these when asked for rather than kept: a solver carries only the compartments a regimen reaches
     * ({@link ReachableSubsystem}), usually a few of a model's many, and takes their rates from the flows.
     */
    private final double[] flowRates;
    private final Map<Analyte, Observation> observations;
    private final Map<Route, RouteInput> routes;

    private CompartmentSystem(Builder b, Layout known) {
        this.layout = known != null ? known : new Layout(List.copyOf(b.compartments), List.copyOf(b.sinks), b);
        this.compartments = layout.compartments;
        this.sinks = layout.sinks;
        int n = compartments.size();
        int m = sinks.size();
        this.flowRates = Arrays.copyOf(b.flowRate, b.flowCount);
        this.observations = Collections.unmodifiableMap(new EnumMap<>(b.observations));
        Map<Route, RouteInput> checked = new EnumMap<>(b.routes);
        checked.replaceAll((route, input) -> new CheckedRoute(route, input, n, m));
        this.routes = Collections.unmodifiableMap(checked);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * A builder for a system expected to have the compartments, sinks and flows of {@code expected} (a model's
     * structure for another patient). Where the structure adds exactly those parts, in the same order, the system
     * shares them with {@code expected}; where it does not, the builder works as {@link #builder()} does. Either
     * way the system built is the same.
     *
     * @param expected the layout of an earlier system, e.g. {@link #layout()}
     * @return a new builder
     */
    public static Builder builder(Layout expected) {
        return new Builder(Checks.notNull("expected layout", expected));
    }

    /** @return the compartments, sinks and flow topology of this system, for {@link #builder(Layout)} */
    public Layout layout() {
        return layout;
    }

    /** @return number of compartments in the body */
    public int size() {
        return compartments.size();
    }

    /** @return the compartments, in index order */
    public List<Compartment> compartments() {
        return compartments;
    }

    /** @return the sinks, in index order */
    public List<Sink> sinks() {
        return sinks;
    }

    /** @return a new rate matrix K, 1/h ({@code K[i][j]} is the rate from j into i) */
    public double[][] rateMatrix() {
        return k();
    }

    /** @return a new elimination matrix E, 1/h ({@code E[s][j]} is the rate from j into sink s) */
    public double[][] eliminationMatrix() {
        return e();
    }

    /** @return a new rate matrix: each flow's rate added in flow order, so every entry is the same sum each time */
    double[][] k() {
        int n = compartments.size();
        double[][] k = Grids.doubles(n, n);
        for (int i = 0; i < flowRates.length; i++) {
            int from = layout.flowFrom[i];
            k[from][from] -= flowRates[i];
            if (!layout.flowIntoSink[i]) {
                k[layout.flowTo[i]][from] += flowRates[i];
            }
        }
        return k;
    }

    /** @return a new elimination matrix, made as {@link #k()} is */
    double[][] e() {
        double[][] e = Grids.doubles(sinks.size(), compartments.size());
        for (int i = 0; i < flowRates.length; i++) {
            if (layout.flowIntoSink[i]) {
                e[layout.flowTo[i]][layout.flowFrom[i]] += flowRates[i];
            }
        }
        return e;
    }

    /** @return the number of flows, including those into sinks */
    int flowCount() {
        return flowRates.length;
    }

    /** @return the compartment flow {@code i} leaves */
    int flowFrom(int i) {
        return layout.flowFrom[i];
    }

    /** @return the compartment, or the sink, flow {@code i} enters */
    int flowTo(int i) {
        return layout.flowTo[i];
    }

    /** @return whether flow {@code i} enters a sink */
    boolean flowIntoSink(int i) {
        return layout.flowIntoSink[i];
    }

    /** @return the rate constant of flow {@code i}, 1/h */
    double flowRate(int i) {
        return flowRates[i];
    }

    /** @return the analytes this system reports, with where they are sampled */
    public Map<Analyte, Observation> observations() {
        return observations;
    }

    /** @return the routes this system accepts */
    public Set<Route> routes() {
        return routes.keySet();
    }

    /**
     * @return how a dose by {@code route} enters the system
     * @throws InvalidInputException if the model has no such route
     */
    public RouteInput route(Route route) {
        RouteInput in = routes.get(route);
        if (in == null) {
            throw InvalidInputException.statement("route", route.shortName(), "must be one of " + routeNames()
                    + " for this model but was " + route.shortName());
        }
        return in;
    }

    private String routeNames() {
        List<String> names = new ArrayList<>();
        for (Route r : routes.keySet()) {
            names.add(r.shortName());
        }
        return String.join(", ", names);
    }

    /**
     * @param name a compartment's name, e.g. "depot"
     * @return the index of the compartment with this name, or empty when the system has none
     * @throws InvalidInputException if the name is missing
     */
    public OptionalInt find(String name) {
        Checks.notNull("compartment", name);
        for (int i = 0; i < compartments.size(); i++) {
            if (compartments.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * @param name the name of a compartment of this system (use {@link #find(String)} when it may have none)
     * @return its index
     * @throws InvalidInputException naming the compartments there are, if the system has none of that name
     */
    public int indexOf(String name) {
        OptionalInt i = find(name);
        if (i.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Compartment c : compartments) {
                names.add(c.name());
            }
            throw InvalidInputException.notOneOf("compartment", name, String.join(", ", names));
        }
        return i.getAsInt();
    }

    private static void checkIndex(String field, int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw InvalidInputException.statement(field, index, size == 0 ? "must be a " + what + " index but the "
                    + "system has no " + what + "s" : "must be a " + what + " index between 0 and " + (size - 1)
                    + " but was " + index);
        }
    }

    /** A route's input, checked for each dose: fractions adding up to 1, targets that exist. */
    private static final class CheckedRoute implements RouteInput {
        /** How far the fractions of one dose may add up from 1 (rounding in computed splits). */
        private static final double FRACTION_SUM_TOLERANCE = 1e-9;

        private final Route route;
        private final RouteInput input;
        private final int compartments;
        private final int sinks;

        CheckedRoute(Route route, RouteInput input, int compartments, int sinks) {
            this.route = route;
            this.input = input;
            this.compartments = compartments;
            this.sinks = sinks;
        }

        @Override
        public List<InputChannel> channels(double amountMg) {
            List<InputChannel> channels = input.channels(amountMg);
            if (channels == null || channels.isEmpty()) {
                throw InvalidInputException.statement("channels", 0, "of the " + route.longName() + " route must "
                        + "hold at least one input but held none");
            }
            double sum = 0;
            for (InputChannel c : channels) {
                sum += c.fraction();
                int size = c.toSink() ? sinks : compartments;
                if (c.target() < 0 || c.target() >= size) {
                    // the field name is written out only for the error: this runs for every dose of every patient
                    checkIndex("channel target of the " + route.longName() + " route", c.target(), size,
                            c.toSink() ? "sink" : "compartment");
                }
            }
            if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
                throw InvalidInputException.statement("channel fractions", sum, "of the " + route.longName()
                        + " route must add up to 1 (every micromole of the dose accounted for) but added up to "
                        + Checks.fmt(sum));
            }
            return channels;
        }
    }

    /** Builds a {@link CompartmentSystem}; not thread-safe, used once. */
    public static final class Builder {
        // sized for the library's structures, or for the expected layout, so that building one (once per patient
        // in a population) does not grow them step by step
        private final List<Compartment> compartments;
        private final List<Sink> sinks;
        /** The flows in the order added: source, target (a compartment, or a sink), rate (1/h), into a sink. */
        private int[] flowFrom;
        private int[] flowTo;
        private double[] flowRate;
        private boolean[] flowIntoSink;
        private int flowCount;
        private final Map<Analyte, Observation> observations = new EnumMap<>(Analyte.class);
        private final Map<Route, RouteInput> routes = new EnumMap<>(Route.class);
        /** The layout this structure is expected to repeat, or null. */
        private final Layout expected;
        /** Whether every compartment and sink added so far is the expected layout's one at the same index. */
        private boolean matching;

        private Builder(Layout expected) {
            this.expected = expected;
            this.matching = expected != null;
            compartments = new ArrayList<>(expected == null ? 16 : expected.compartments.size());
            sinks = new ArrayList<>(expected == null ? 4 : expected.sinks.size());
            // at least one, so that doubling the arrays when they are full makes room
            int flows = expected == null ? 24 : Math.max(1, expected.flowFrom.length);
            flowFrom = new int[flows];
            flowTo = new int[flows];
            flowRate = new double[flows];
            flowIntoSink = new boolean[flows];
        }

        /** Adds a compartment; @return its index. */
        public int compartment(String name, Analyte analyte, Kind kind) {
            int index = compartments.size();
            if (matching && index < expected.compartments.size()) {
                Compartment known = expected.compartments.get(index);
                if (known.name().equals(name) && known.analyte() == analyte && known.kind() == kind) {
                    // the layout's names are distinct and every earlier one was repeated, so this one is new
                    compartments.add(known);
                    return index;
                }
            }
            matching = false;
            for (Compartment c : compartments) {
                if (c.name().equals(name)) {
                    throw InvalidInputException.statement("compartment name", name, "must be unique but '" + name
                            + "' is already used");
                }
            }
            compartments.add(new Compartment(name, analyte, kind));
            return compartments.size() - 1;
        }

        /** Adds a sink; @return its index. */
        public int sink(String name, Analyte analyte) {
            int index = sinks.size();
            if (matching && index < expected.sinks.size()) {
                Sink known = expected.sinks.get(index);
                if (known.name().equals(name) && known.analyte() == analyte) {
                    sinks.add(known);
                    return index;
                }
            }
            matching = false;
            sinks.add(new Sink(name, analyte));
            return index;
        }

        /**
         * A first-order transfer between compartments, in moles (a conversion to a metabolite is a transfer
         * between compartments of different analytes).
         *
         * @param ratePerH rate constant, 1/h, finite and {@code >= 0}
         */
        public Builder flow(int from, int to, double ratePerH) {
            checkRate(ratePerH, from, to);
            addFlow(from, to, ratePerH, false);
            return this;
        }

        /** A first-order transfer from a compartment into a sink, 1/h. */
        public Builder eliminate(int from, int sink, double ratePerH) {
            checkRate(ratePerH, from, sink);
            addFlow(from, sink, ratePerH, true);
            return this;
        }

        private void addFlow(int from, int to, double ratePerH, boolean intoSink) {
            if (flowCount == flowRate.length) {
                int more = 2 * flowCount;
                flowFrom = Arrays.copyOf(flowFrom, more);
                flowTo = Arrays.copyOf(flowTo, more);
                flowRate = Arrays.copyOf(flowRate, more);
                flowIntoSink = Arrays.copyOf(flowIntoSink, more);
            }
            flowFrom[flowCount] = from;
            flowTo[flowCount] = to;
            flowRate[flowCount] = ratePerH;
            flowIntoSink[flowCount] = intoSink;
            flowCount++;
        }

        /** A pair of transfers between two compartments described by an inter-compartmental clearance. */
        public Builder exchange(int a, double volumeAL, int b, double volumeBL, double clearanceLPerH) {
            flow(a, b, clearanceLPerH / volumeAL);
            flow(b, a, clearanceLPerH / volumeBL);
            return this;
        }

        private void checkRate(double rate, int from, int to) {
            if (!Double.isFinite(rate) || rate < 0) {
                throw InvalidInputException.statement("rate constant", rate, "from " + from + " to " + to
                        + " must be finite and 0 1/h or more but was " + Checks.fmt(rate));
            }
        }

        /** Declares where an analyte is sampled. */
        public Builder observe(Analyte analyte, int compartment, double volumeL) {
            if (!Double.isFinite(volumeL) || volumeL <= 0) {
                throw InvalidInputException.statement("volume", volumeL, "of " + analyte.label()
                        + " must be finite and greater than 0 L but was " + Checks.fmt(volumeL));
            }
            observations.put(analyte, new Observation(compartment, volumeL));
            return this;
        }

        /**
         * Declares a route of administration. Each dose's channels are checked when it is given: their fractions must
         * add up to 1 and their targets must exist.
         */
        public Builder route(Route route, RouteInput input) {
            routes.put(Checks.notNull("route", route), Checks.notNull("route input", input));
            return this;
        }

        /** @return the immutable system */
        public CompartmentSystem build() {
            int n = compartments.size();
            if (n == 0) {
                throw InvalidInputException.statement("compartments", 0, "must hold at least one compartment but "
                        + "held none");
            }
            if (routes.isEmpty()) {
                throw InvalidInputException.statement("routes", 0, "must hold at least one route of administration "
                        + "but held none; declare one with route(..)");
            }
            if (matching && expected.sameAs(this)) {
                // the expected layout's flows passed the index checks below when it was built
                checkObservations(n);
                return new CompartmentSystem(this, expected);
            }
            for (int i = 0; i < flowCount; i++) {
                int from = flowFrom[i];
                int to = flowTo[i];
                boolean intoSink = flowIntoSink[i];
                checkIndex("flow source", from, n, "compartment");
                checkIndex(intoSink ? "elimination sink" : "flow target", to, intoSink ? sinks.size() : n,
                        intoSink ? "sink" : "compartment");
            }
            checkObservations(n);
            return new CompartmentSystem(this, null);
        }

        private void checkObservations(int n) {
            for (Map.Entry<Analyte, Observation> o : observations.entrySet()) {
                int c = o.getValue().compartment();
                if (c < 0 || c >= n) {
                    // the field name is written out only for the error: this runs for every patient
                    checkIndex("observed compartment of " + o.getKey().label(), c, n, "compartment");
                }
            }
        }
    }
}
