package org.ketaminepk.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.PublishedModel;

/**
 * The CMT numbers of one model: dosing compartments are the model's routes, numbered from 1 in the order of
 * {@link Route} (iv, oral, sublingual, buccal, intranasal, im, sc, as far as the model takes them); observation
 * compartments follow, one per analyte the model reports, in the order of {@link Analyte}. A route may also be
 * named ({@code iv}, {@code oral}, {@code intranasal}, ...) and an analyte by its name ({@code ketamine},
 * {@code norketamine}), as mrgsolve accepts compartment names. Immutable.
 *
 * <pre>
 *   otto-2021:  1 iv   2 oral   3 sublingual ...   then ketamine, norketamine
 * </pre>
 */
public final class CompartmentTable {

    /**
     * One numbered entry: a dosing compartment (a route) or an observation compartment (an analyte), never both.
     *
     * @param number the CMT number
     * @param route the dosing route, empty for an observation compartment
     * @param analyte the observed analyte, empty for a dosing compartment
     */
    public record Entry(int number, Optional<Route> route, Optional<Analyte> analyte) {
        /**
         * @throws InvalidInputException for a route or analyte that is null rather than empty, or an entry with
         *         both or neither
         */
        public Entry {
            Checks.notNull("route", route);
            Checks.notNull("analyte", analyte);
            if (route.isPresent() == analyte.isPresent()) {
                throw new InvalidInputException("CMT", "a compartment entry names a route or an analyte, one of "
                        + "them, but entry " + number + " names " + (route.isPresent() ? "both" : "neither"));
            }
        }

        /** @return whether this is a dosing compartment */
        public boolean dosing() {
            return route.isPresent();
        }

        /** @return the name accepted in a CMT cell ("iv", "ketamine", ...) */
        public String name() {
            return route.map(Route::shortName).orElseGet(() -> analyte.orElseThrow().label());
        }
    }

    private final PublishedModel model;
    private final List<Entry> entries;
    /** Numbers and names as written most often, so that reading a large file parses no number twice. */
    private final Map<String, Entry> common;

    private CompartmentTable(PublishedModel model, List<Entry> entries) {
        this.model = model;
        this.entries = List.copyOf(entries);
        Map<String, Entry> m = new HashMap<>();
        for (Entry e : entries) {
            m.put(Integer.toString(e.number()), e);
            m.put(e.name(), e);
            e.route().ifPresent(r -> m.put(r.longName(), e));
        }
        this.common = Map.copyOf(m);
    }

    /** @return the table of {@code model} */
    public static CompartmentTable of(PublishedModel model) {
        List<Entry> e = new ArrayList<>();
        int n = 1;
        for (Route r : Route.values()) {
            if (model.routes().containsKey(r)) {
                e.add(new Entry(n++, Optional.of(r), Optional.empty()));
            }
        }
        for (Analyte a : Analyte.values()) {
            if (model.analytes().contains(a)) {
                e.add(new Entry(n++, Optional.empty(), Optional.of(a)));
            }
        }
        return new CompartmentTable(model, e);
    }

    /** @return the model */
    public PublishedModel model() {
        return model;
    }

    /** @return every entry, by number */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * @param cell a CMT cell: a number from the table, or a route or analyte name (any case)
     * @return the entry, or empty if the table has none such
     */
    public Optional<Entry> find(String cell) {
        String c = cell.trim().toLowerCase(Locale.ROOT);
        Entry known = common.get(c);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            double v = Checks.parseDecimal(c);
            for (Entry e : entries) {
                if (e.number() == v) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        } catch (NumberFormatException notANumber) {
            // a name
        }
        for (Entry e : entries) {
            if (e.analyte().isPresent() && e.analyte().get().label().equals(c)) {
                return Optional.of(e);
            }
        }
        try {
            Route r = Route.parse(c);
            return entries.stream().filter(e -> e.route().equals(Optional.of(r))).findFirst();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** @return "1 = iv, 2 = oral, ..., 8 = ketamine, 9 = norketamine" */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Entry e : entries) {
            parts.add(e.number() + " = " + e.name() + (e.dosing() ? " (dose)" : " (observation)"));
        }
        return String.join(", ", parts);
    }
}
