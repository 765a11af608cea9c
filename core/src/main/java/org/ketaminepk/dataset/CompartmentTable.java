package org.ketaminepk.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
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
     * One numbered entry.
     *
     * @param number the CMT number
     * @param route the dosing route, or null for an observation compartment
     * @param analyte the observed analyte, or null for a dosing compartment
     */
    public record Entry(int number, Route route, Analyte analyte) {
        /** @return the name accepted in a CMT cell ("iv", "ketamine", ...) */
        public String name() {
            return route != null ? route.shortName() : analyte.label();
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
            if (e.route() != null) {
                m.put(e.route().longName(), e);
            }
        }
        this.common = Map.copyOf(m);
    }

    /** @return the table of {@code model} */
    public static CompartmentTable of(PublishedModel model) {
        List<Entry> e = new ArrayList<>();
        int n = 1;
        for (Route r : Route.values()) {
            if (model.routes().containsKey(r)) {
                e.add(new Entry(n++, r, null));
            }
        }
        for (Analyte a : Analyte.values()) {
            if (model.analytes().contains(a)) {
                e.add(new Entry(n++, null, a));
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
            if (e.analyte() != null && e.analyte().label().equals(c)) {
                return Optional.of(e);
            }
        }
        try {
            Route r = Route.parse(c);
            return entries.stream().filter(e -> e.route() == r).findFirst();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** @return "1 = iv, 2 = oral, ..., 8 = ketamine, 9 = norketamine" */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Entry e : entries) {
            parts.add(e.number() + " = " + e.name() + (e.route() != null ? " (dose)" : " (observation)"));
        }
        return String.join(", ", parts);
    }
}
