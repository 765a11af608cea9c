package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketaminepk.PopulationRun;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * Percentile bands of the effect-site concentrations of the virtual population that {@link PopulationSimulation}
 * simulates with the same model, patients, regimen, seed and variability: patient i draws the same random effects
 * (the same stream, in the same order) and the effect site {@code dCe/dt = ke0·(Cp − Ce)} is solved exactly on its
 * individual model ({@link EffectSites#concentrations}). One ke0 for every patient: no between-patient variability
 * of the link is drawn.
 *
 * <p>An effect that is a monotone function of the effect-site concentration (a sigmoid Emax or a linear model) has
 * as its percentiles the function of these percentiles, so these bands give the population's effect bands exactly
 * (up to the bands' bin width) without keeping any patient's curve.
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
     * @param percentiles the percentiles, each strictly between 0 and 100
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
        if (patients == null || patients.isEmpty() || patients.size() > PopulationRun.MAX_PATIENTS) {
            throw new InvalidInputException("patients", "patients must hold between 1 and "
                    + PopulationRun.MAX_PATIENTS + " patients");
        }
        if (display.size() > PopulationSimulation.MAX_DISPLAY_POINTS) {
            throw new InvalidInputException("display grid", "the display grid must have at most "
                    + PopulationSimulation.MAX_DISPLAY_POINTS + " points but had " + display.size());
        }
        if (variability == null || variability.model() != model || variability.isEmpty()) {
            throw new InvalidInputException("variability", "variability must be the non-empty variability of "
                    + model.id());
        }
        for (double p : percentiles) {
            if (!(p > 0 && p < 100)) {
                throw new InvalidInputException("percentile", "band percentiles must be between 0 and 100 "
                        + "(exclusive) but one was " + Checks.fmt(p));
            }
        }
        List<Analyte> analytes = new ArrayList<>(model.analytes());
        Map<Analyte, BandHistogram> hist = new EnumMap<>(Analyte.class);
        for (Analyte a : analytes) {
            hist.put(a, new BandHistogram(a, display.times()));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int start = 0; start < patients.size(); start += PopulationSimulation.CHUNK) {
            int from = start;
            int to = Math.min(patients.size(), start + PopulationSimulation.CHUNK);
            tasks.add(CompletableFuture.runAsync(() -> {
                int[] scratch = new int[display.size()];
                for (int i = from; i < to && failure.get() == null; i++) {
                    try {
                        Profile ce = EffectSites.concentrations(individual(model, patients.get(i), seed, i,
                                variability), regimen, display, ke0PerH);
                        for (Analyte a : analytes) {
                            hist.get(a).add(ce.series(a).ngPerMl(), scratch);
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                }
            }, executor));
        }
        try {
            CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])).join();
        } catch (CompletionException e) {
            Throwable t = failure.get() != null ? failure.get() : e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("an effect-site task failed", t);
        }
        Map<Analyte, double[][]> values = new EnumMap<>(Analyte.class);
        for (Analyte a : analytes) {
            values.put(a, hist.get(a).percentiles(percentiles.clone(), patients.size()));
        }
        return new PercentileBands(display.times(), percentiles.clone(), values, false);
    }

    /**
     * Patient {@code index}'s individual model with the random effects {@link PopulationSimulation} draws for it:
     * the same stream and the same first draws (the between-patient and between-occasion terms), applied after
     * the model's own scaling and before the standard organ-function adjustments.
     */
    static IndividualModel individual(PublishedModel model, Patient p, long seed, int index,
            VariabilityModel variability) {
        ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(PatientStreams.forPatient(seed, index));
        VariabilityModel.Draw draw = variability.sample(normal);
        RandomEffects effects = new RandomEffects(variability, draw, StandardPatientAdjuster.instance());
        return model.individualize(p, effects);
    }
}
