package org.ketaminepk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.engine.Schedule;

import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.ExactMetrics;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * What a simulation returns: the concentration profile, the individual model it came from (parameters used and
 * their adjustments), and every warning. Immutable.
 *
 * @param individual the individualised model
 * @param profile the concentrations and metrics
 * @param warnings extrapolations, assumptions, routes not studied, grid notes
 * @param solver name of the solver used
 */
public record SimulationResult(IndividualModel individual, Profile profile, List<Warning> warnings, String solver) {
    /** Copies the list. */
    public SimulationResult {
        warnings = List.copyOf(warnings);
    }

    /**
     * Cmax, Tmax, AUC and the time within each band, exact where the run allows it: found on the continuous curve
     * between input changes ({@link ExactMetrics}), over the profile's span, when the exact solver was used and the
     * system's eigen-decomposition is trusted; otherwise read on the profile's grid as its {@code Series} reads them.
     * {@link AnalyteMetrics#exact()} says which. Thread-safe.
     *
     * @param bands the bands whose time to measure (may be empty)
     * @return the metrics per analyte, in analyte order
     */
    public Map<Analyte, AnalyteMetrics> metrics(List<Band> bands) {
        Checks.notNull("bands", bands);
        double[] times = null;
        for (Analyte a : profile.analytes()) {
            times = profile.series(a).timesH();
            break;
        }
        TimeGrid grid = TimeGrid.of(times);
        Schedule schedule = profile.regimen().schedule(individual.system(), individual.patient().weightKg());
        if ("exact".equals(solver)) {
            Map<Analyte, AnalyteMetrics> exact = ExactMetrics.compute(individual.system(), schedule, grid, bands);
            if (exact != null) {
                return exact;
            }
        }
        Map<Analyte, AnalyteMetrics> out = new EnumMap<>(Analyte.class);
        for (Analyte a : profile.analytes()) {
            Series s = profile.series(a);
            List<Double> hours = new ArrayList<>();
            for (Band b : bands) {
                hours.add(b.openAbove() ? s.timeAboveH(b.lowNgPerMl()) : s.timeWithinH(b.lowNgPerMl(),
                        b.highNgPerMl()));
            }
            out.put(a, new AnalyteMetrics(a, s.cmaxNgPerMl(), s.tmaxH(), s.aucNgHPerMl(), bands, hours));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return what was adjusted for this patient */
    public List<Adjustment> adjustments() {
        return individual.adjustments();
    }
}
