package org.ketaminepk.model;

import java.util.Collections;
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

    /**
     * Parameter names in order and the index of each: one table per model, shared by all its values. Immutable.
     *
     * <p>The index is an open-addressed table of the names rather than a map of boxed indices: a model's structure
     * reads every parameter by name for every patient, and here such a read is one hash, usually one comparison of
     * the very same string (a model reads its parameters with the literals it declared them with), and no boxing.
     */
    static final class Names {
        private final String[] order;
        /** The names, each at its hash's slot or the next free one after it; at most half full. */
        private final String[] slots;
        /** The index in {@link #order} of the name in the same slot. */
        private final int[] slotIndex;

        /** @param order the names, distinct, in their order (copied) */
        Names(String[] order) {
            this.order = order.clone();
            int size = Integer.highestOneBit(Math.max(1, order.length) * 2) * 2;
            this.slots = new String[size];
            this.slotIndex = new int[size];
            for (int i = 0; i < order.length; i++) {
                int s = slot(order[i]);
                if (slots[s] != null) {
                    throw new IllegalStateException("parameter " + order[i] + " is named twice");
                }
                slots[s] = order[i];
                slotIndex[s] = i;
            }
        }

        /** @return the slot holding {@code name}, or the free slot where it would go */
        private int slot(String name) {
            int mask = slots.length - 1;
            int h = name.hashCode();
            int s = (h ^ (h >>> 16)) & mask;
            while (slots[s] != null && slots[s] != name && !slots[s].equals(name)) {
                s = (s + 1) & mask;
            }
            return s;
        }

        /** @return the index of {@code name}, or -1 */
        int indexOf(String name) {
            if (name == null) {
                return -1;
            }
            int s = slot(name);
            return slots[s] == null ? -1 : slotIndex[s];
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
