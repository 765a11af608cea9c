package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.ketaminepk.PopulationRun;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Chunks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * Percentile bands of the effect-site concentrations of the virtual population that {@link PopulationSimulation}
 * simulates with the same model, patients, regimen, seed and variability: patient i's individual model is the one
 * {@link PopulationSimulation#individual} rebuilds, and the effect site {@code dCe/dt = ke0·(Cp − Ce)} is solved
 * exactly on it ({@link EffectSites#concentrations}). One ke0 for every patient: no between-patient variability
 * of the link is drawn.
 *
 * <p>An effect that rises with the effect-site concentration (a sigmoid Emax, or a linear model with a positive
 * slope) has as its order statistics the function of these order statistics, so these bands give the population's
 * effect bands without keeping any patient's curve: exactly up to the bands' bin width where a percentile falls on
 * one patient, and up to the curvature of the function between the two patients it interpolates otherwise. For an
 * effect that falls as the concentration rises, the p-th percentile of the effect is the function of the
 * (100 − p)-th band.
 *
 * <p>Stateless and thread-safe. Not a dosing device.
 */
public final class EffectSiteBands {
    private EffectSiteBands() {
    }

    /**
     * Simulates every patient's effect site on {@code executor}, in tasks of {@value PopulationSimulation#CHUNK}
     * patients, and waits for them. The first failure is rethrown.
     *
     * @param model the model
     * @param patients the virtual patients (1..{@value PopulationRun#MAX_PATIENTS}), as given to
     *        {@link PopulationSimulation#of}
     * @param regimen the regimen every patient receives
     * @param seed the population's seed
     * @param variability the variability drawn from ({@link PopulationSimulation#variability()})
     * @param display the times of the bands, at most {@value PopulationSimulation#MAX_DISPLAY_POINTS}
     * @param ke0PerH the equilibration rate constant of every patient, 1/h
     * @param percentiles the percentiles, at least one, each strictly between 0 and 100
     * @param executor where the patients are simulated (not shut down)
     * @return per analyte of the model, the percentiles of its effect-site concentration, ng/mL
     */
    public static PercentileBands simulate(PublishedModel model, List<Patient> patients, Regimen regimen, long seed,
            VariabilityModel variability, TimeGrid display, double ke0PerH, double[] percentiles,
            Executor executor) {
        Checks.notNull("model", model);
        Checks.notNull("regimen", regimen);
        Checks.notNull("display grid", display);
        Checks.notNull("executor", executor);
        Checks.positive("ke0", ke0PerH, EffectSites.MAX_KE0_PER_H, "1/h");
        Checks.notNull("patients", patients);
        if (patients.isEmpty() || patients.size() > PopulationRun.MAX_PATIENTS) {
            throw new InvalidInputException("patients", "patients must hold between 1 and "
                    + PopulationRun.MAX_PATIENTS + " patients but held " + patients.size());
        }
        if (display.size() > PopulationSimulation.MAX_DISPLAY_POINTS) {
            throw new InvalidInputException("display grid", "the display grid must have at most "
                    + PopulationSimulation.MAX_DISPLAY_POINTS + " points but had " + display.size());
        }
        if (variability == null || variability.model() != model || variability.isEmpty()) {
            throw new InvalidInputException("variability", "variability must be the non-empty variability of "
                    + model.id());
        }
        Checks.notNull("percentiles", percentiles);
        if (percentiles.length == 0) {
            throw InvalidInputException.statement("percentiles", 0, "must name at least one percentile (e.g. 5, 50, "
                    + "95) but named none");
        }
        for (double p : percentiles) {
            if (!(p > 0 && p < 100)) {
                throw new InvalidInputException("percentile", "band percentiles must be between 0 and 100 % "
                        + "(exclusive) but one was " + Checks.fmt(p));
            }
        }
        List<Analyte> analytes = new ArrayList<>(model.analytes());
        Map<Analyte, BandHistogram> hist = new EnumMap<>(Analyte.class);
        for (Analyte a : analytes) {
            hist.put(a, new BandHistogram(a, display.times()));
        }
        // the same individual models as the population run: its seed, streams and random effects
        PopulationSimulation population = PopulationSimulation.of(model, patients, regimen, display, seed)
                .withVariability(variability);
        Chunks.<Map<Analyte, BandHistogram.Stage>>forEach(patients.size(), executor, () -> stages(hist),
                (i, stages) -> {
                    Profile ce = EffectSites.concentrations(population.individual(i), regimen, display, ke0PerH);
                    for (Analyte a : analytes) {
                        stages.get(a).add(ce.series(a).ngPerMl());
                    }
                }, stages -> stages.values().forEach(BandHistogram.Stage::release));
        Map<Analyte, double[][]> values = new EnumMap<>(Analyte.class);
        for (Analyte a : analytes) {
            values.put(a, hist.get(a).percentiles(percentiles.clone(), patients.size()));
        }
        return new PercentileBands(display.times(), percentiles.clone(), values, false);
    }

    /** @return one task's stage of each histogram */
    private static Map<Analyte, BandHistogram.Stage> stages(Map<Analyte, BandHistogram> hist) {
        Map<Analyte, BandHistogram.Stage> stages = new EnumMap<>(Analyte.class);
        hist.forEach((a, h) -> stages.put(a, h.stage()));
        return stages;
    }
}
