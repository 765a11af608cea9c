package org.ketaminepk.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.Summary;

/**
 * How far real patients may be from the target when they receive a pump schedule computed for the typical patient:
 * for every target step above zero, the targeted concentration (plasma, or the effect site with the plan's ke0) of
 * each virtual patient at the end of the step, relative to the target.
 * <pre>
 *   PopulationSimulation population = PopulationSimulation.of(model, patients, plan.regimen(), grid, 2026L);
 *   TargetAttainment a = TargetAttainment.of(plan, population, executor);
 *   Probability near = a.steps().get(0).within();   // share within ±20 % of the target
 * </pre>
 * Each patient is the one {@link PopulationSimulation#run} simulates (same seed, same random effects), receiving the
 * same pump schedule in mg. The concentrations are predictions without residual error. The ±20 % band and the
 * {@value #HIGH_FACTOR} × overshoot are reporting conventions of this library, chosen to be easy to read and named in
 * every output, not clinical limits; the performance of a target-controlled pump against measured levels is
 * usually described by the median (absolute) performance error of Varvel et al. 1992 (J Pharmacokinet Biopharm
 * 20:63, doi:10.1007/BF01143186), which needs measurements this library does not have.
 *
 * <p>Immutable. Not a dosing device and not a measure of any pump's accuracy: it shows the spread a published
 * model's variability gives.
 */
public final class TargetAttainment {
    /** Half-width of the band around the target counted as "near", as a fraction of the target. */
    public static final double NEAR_FRACTION = 0.2;
    /** Factor of the target above which a concentration counts as an overshoot. */
    public static final double HIGH_FACTOR = 1.5;
    /** Percentiles of the ratio to the target that are reported. */
    static final double[] PERCENTILES = {5, 25, 50, 75, 95};

    /**
     * The spread at the end of one target step.
     *
     * @param step the target step
     * @param atH when the concentration is read: the end of the step, h
     * @param ratio the targeted concentration divided by the target, over the patients (5th to 95th percentiles)
     * @param within the share of patients within ±{@link #NEAR_FRACTION} of the target
     * @param above the share of patients above {@link #HIGH_FACTOR} × the target
     */
    public record Step(TargetSchedule.Step step, double atH, Summary ratio, Probability within, Probability above) {
    }

    private final TargetController.Mode mode;
    private final List<Step> steps;

    private TargetAttainment(TargetController.Mode mode, List<Step> steps) {
        this.mode = mode;
        this.steps = List.copyOf(steps);
    }

    /**
     * @param plan the typical patient's plan
     * @param population the virtual population of the plan's model (its patients, seed and variability); each patient
     *        receives {@code plan.regimen()}, whatever regimen the population was made with
     * @param executor where the patients are simulated (not shut down)
     * @return the attainment of every target step above zero
     * @throws InvalidInputException if the schedule has no target above zero, or the population is of another model
     *         than the plan
     */
    public static TargetAttainment of(TargetPlan plan, PopulationSimulation population, Executor executor) {
        Checks.notNull("plan", plan);
        Checks.notNull("population", population);
        Checks.notNull("executor", executor);
        String planModel = plan.controller().modelId();
        String populationModel = population.variability().model().id();
        if (plan.controller().drivesPublishedModel() && !planModel.equals(populationModel)) {
            // the plan's schedule was silently given to patients of another model, and reported as its spread
            throw InvalidInputException.statement("population", populationModel, "must be of the plan's model, "
                    + planModel + ", but is of " + populationModel);
        }
        List<TargetSchedule.Step> measured = new ArrayList<>();
        for (TargetSchedule.Step s : plan.schedule().steps()) {
            if (s.targetNgPerMl() > 0) {
                measured.add(s);
            }
        }
        if (measured.isEmpty()) {
            throw new InvalidInputException("target", "the target schedule '" + plan.schedule() + "' has no target "
                    + "above 0 ng/mL, so there is nothing to attain");
        }
        double[] at = new double[measured.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = measured.get(k).endH();
        }
        TimeGrid grid = TimeGrid.of(at);
        Regimen regimen = plan.regimen();
        TargetController c = plan.controller();
        double ke0PerH = c.mode() == TargetController.Mode.EFFECT_SITE ? c.link().orElseThrow().ke0PerH()
                : Double.NaN;
        int n = population.size();
        double[][] values = new double[at.length][n];
        PopulationSimulation.forEachPatient(n, executor, () -> null, (i, none) -> {
            double[] c0 = concentrations(population.individual(i), regimen, grid, ke0PerH);
            for (int k = 0; k < at.length; k++) {
                values[k][i] = c0[k];
            }
        });
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < at.length; k++) {
            out.add(step(measured.get(k), at[k], values[k]));
        }
        return new TargetAttainment(c.mode(), out);
    }

    private static double[] concentrations(IndividualModel ind, Regimen regimen, TimeGrid grid, double ke0PerH) {
        if (Double.isNaN(ke0PerH)) {
            return Simulation.standard().simulate(ind, regimen, grid).profile().series(Analyte.KETAMINE).ngPerMl();
        }
        return EffectSites.concentrations(ind, regimen, grid, ke0PerH).series(Analyte.KETAMINE).ngPerMl();
    }

    /** The summary of one step from the patients' concentrations at its end. */
    static Step step(TargetSchedule.Step s, double atH, double[] ngPerMl) {
        double target = s.targetNgPerMl();
        double[] ratio = new double[ngPerMl.length];
        int within = 0;
        int above = 0;
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = ngPerMl[i] / target;
            if (Math.abs(ratio[i] - 1) <= NEAR_FRACTION) {
                within++;
            }
            if (ratio[i] > HIGH_FACTOR) {
                above++;
            }
        }
        String level = Checks.fmt(target) + " ng/mL";
        return new Step(s, atH, Summary.of(ratio, PERCENTILES),
                new Probability(within, ratio.length, String.format(Locale.ROOT, "within ±%s %% of %s",
                        Checks.fmt(NEAR_FRACTION * 100), level)),
                new Probability(above, ratio.length, String.format(Locale.ROOT, "above %s × %s",
                        Checks.fmt(HIGH_FACTOR), level)));
    }

    /** @return whether the plasma or the effect-site concentration was measured */
    public TargetController.Mode mode() {
        return mode;
    }

    /** @return one entry per target step above zero, in time order */
    public List<Step> steps() {
        return steps;
    }
}
