package org.ketaminepk.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter values for one individual, by name, in internal units (L, L/h, 1/h, h, fraction). Immutable.
 *
 * <p>The values sit in an array beside a table of names that one model shares with every patient it
 * individualises, so that setting one value (as each random effect and organ-function factor does) copies a few
 * doubles rather than a map.
 */
public final class ParameterValues {
    private final Names names;
    private final double[] values;

    /** Parameter names in order and the index of each: one table per model, shared by all its values. Immutable. */
    static final class Names {
        private final String[] order;
        private final Map<String, Integer> index;

        /** @param order the names, distinct, in their order (copied) */
        Names(String[] order) {
            this.order = order.clone();
            Map<String, Integer> m = new HashMap<>(order.length * 2);
            for (int i = 0; i < order.length; i++) {
                if (m.put(order[i], i) != null) {
                    throw new IllegalStateException("parameter " + order[i] + " is named twice");
                }
            }
            this.index = m;
        }

        /** @return the index of {@code name}, or -1 */
        int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        int size() {
            return order.length;
        }
    }

    private ParameterValues(Names names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** @return values from a map (copied), in the map's order */
    public static ParameterValues of(Map<String, Double> values) {
        String[] order = new String[values.size()];
        double[] v = new double[values.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            order[i] = e.getKey();
            v[i] = e.getValue();
            i++;
        }
        return new ParameterValues(new Names(order), v);
    }

    /**
     * @param names the model's name table
     * @param values one value per name, in its order (taken over, not copied: the caller lets go of it)
     */
    static ParameterValues of(Names names, double[] values) {
        if (values.length != names.size()) {
            throw new IllegalStateException(names.size() + " parameters but " + values.length + " values");
        }
        return new ParameterValues(names, values);
    }

    /**
     * @return the value of {@code name}
     * @throws IllegalStateException if the model has no such parameter (a programming error in a model)
     */
    public double get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("model has no parameter " + name);
        }
        return values[i];
    }

    /** @return whether the parameter exists */
    public boolean has(String name) {
        return names.indexOf(name) >= 0;
    }

    /** @return a copy with {@code name} set to {@code value} */
    public ParameterValues with(String name, double value) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("model has no parameter " + name);
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalStateException("parameter " + name + " must be finite and >= 0 but was " + value);
        }
        double[] v = values.clone();
        v[i] = value;
        return new ParameterValues(names, v);
    }

    /** @return all values, by name, in the model's order (a new unmodifiable map on each call) */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.order[i], values[i]);
        }
        return Collections.unmodifiableMap(m);
    }
}
