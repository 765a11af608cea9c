package org.ketaminepk.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;

/**
 * The result of a validation run: every comparison, the observations no model could be run on (with the reason),
 * and agreement per model and per model and route. Immutable.
 *
 * @param comparisons one per (observation, applicable model), in observation order then model order
 * @param unmatched observations no requested model applies to, with the reasons per model
 * @param modelIds the models run, in order
 */
public record ValidationReport(List<Comparison> comparisons, List<Unmatched> unmatched, List<String> modelIds) {

    /**
     * An observation that none of the requested models can simulate.
     *
     * @param observation the observation
     * @param reason why, summarised over the models (e.g. "no paediatric model has an intranasal route")
     */
    public record Unmatched(Observation observation, String reason) {
    }

    /** Copies the lists. */
    public ValidationReport {
        Checks.notNull("comparisons", comparisons);
        Checks.notNull("unmatched", unmatched);
        Checks.notNull("model ids", modelIds);
        comparisons = List.copyOf(comparisons);
        unmatched = List.copyOf(unmatched);
        modelIds = List.copyOf(modelIds);
    }

    /** @return the comparisons of one model */
    public List<Comparison> of(String modelId) {
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (c.model().id().equals(modelId)) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return agreement per model, in model order (models with no applicable observation included, count 0) */
    public Map<String, Agreement> byModel() {
        Map<String, Agreement> m = new LinkedHashMap<>();
        for (String id : modelIds) {
            m.put(id, Agreement.of(of(id)));
        }
        return m;
    }

    /** @return agreement per model and route (only routes with comparisons) */
    public Map<String, Map<Route, Agreement>> byModelAndRoute() {
        Map<String, Map<Route, Agreement>> m = new LinkedHashMap<>();
        for (String id : modelIds) {
            Map<Route, List<Comparison>> groups = new EnumMap<>(Route.class);
            for (Comparison c : of(id)) {
                groups.computeIfAbsent(c.observation().route(), r -> new ArrayList<>()).add(c);
            }
            Map<Route, Agreement> a = new EnumMap<>(Route.class);
            groups.forEach((r, l) -> a.put(r, Agreement.of(l)));
            m.put(id, a);
        }
        return m;
    }

    /** @return agreement per route over all models' comparisons */
    public Map<Route, Agreement> byRoute() {
        Map<Route, List<Comparison>> groups = new EnumMap<>(Route.class);
        for (Comparison c : comparisons) {
            groups.computeIfAbsent(c.observation().route(), r -> new ArrayList<>()).add(c);
        }
        Map<Route, Agreement> a = new EnumMap<>(Route.class);
        groups.forEach((r, l) -> a.put(r, Agreement.of(l)));
        return a;
    }
}
