package org.ketaminepk.effect;

import java.util.Locale;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.result.Profile;

/**
 * Effect-site concentrations of an individual model, the time to peak effect after an intravenous bolus, and the
 * ke0 that reproduces a given time to peak on another model (how SimTIVA carries Navarrete's Domino-based ke0 onto
 * the Kamp model). Stateless and thread-safe.
 */
public final class EffectSites {
    /** Largest ke0 accepted, 1/h (an equilibration half-time of about 0.25 s). */
    public static final double MAX_KE0_PER_H = 10_000;
    /**
     * Smallest ke0 whose time to peak is found, and searched over, 1/h (a half-time of about 29 days). Below it the
     * peak moves to times where the plasma concentration has fallen to the round-off of the solution (for the Kamp
     * model a ke0 of 1e-30 /h would peak near 300 h but reads as 175 h), so a time found there would be wrong.
     */
    public static final double MIN_SEARCH_KE0_PER_H = 1e-3;
    /** Relative tolerance on a time to peak and on a transferred ke0. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int SCAN_POINTS = 2000;
    /**
     * Largest fall after the highest point of a scan, relative to it, that is still round-off: a curve that falls
     * less has not peaked (a model without elimination, whose effect site levels off at the plasma concentration).
     */
    private static final double PLATEAU = 1e-12;

    private EffectSites() {
    }

    /**
     * Effect-site concentrations of every analyte the model observes, on {@code grid}, with the exact solver.
     *
     * @param ind the individual model
     * @param regimen the doses
     * @param grid output times
     * @param ke0PerH equilibration rate constant, 1/h
     * @return a profile whose series are effect-site concentrations (ng/mL) and whose AUCs are theirs
     */
    public static Profile concentrations(IndividualModel ind, Regimen regimen, TimeGrid grid, double ke0PerH) {
        return concentrations(ind, regimen, grid, ke0PerH, ExactSolver.instance());
    }

    /** As {@link #concentrations(IndividualModel, Regimen, TimeGrid, double)}, with the given solver. */
    public static Profile concentrations(IndividualModel ind, Regimen regimen, TimeGrid grid, double ke0PerH,
            Solver solver) {
        Checks.notNull("individual model", ind);
        Checks.notNull("regimen", regimen);
        Checks.notNull("grid", grid);
        Checks.notNull("solver", solver);
        Checks.positive("ke0", ke0PerH, MAX_KE0_PER_H, "1/h");
        double w = ind.patient().weightKg();
        Schedule inputs = regimen.schedule(ind.system(), w);
        LinkedSystem linked = LinkedSystem.of(ind.system(), inputs, ke0PerH);
        return Profile.of(linked.system(), linked.solve(solver, grid), regimen, w);
    }

    /**
     * Time from an intravenous bolus to the peak of the ketamine effect-site concentration (the same for any dose,
     * since the model is linear).
     *
     * @param ind the individual model; it must accept intravenous doses
     * @param ke0PerH equilibration rate constant, {@value #MIN_SEARCH_KE0_PER_H} to {@value #MAX_KE0_PER_H} 1/h
     * @return time to peak effect, h
     * @throws InvalidInputException if the model has no intravenous route, for a ke0 outside that range, or if the
     *         effect-site concentration has no peak (it levels off, as in a model without elimination, or still
     *         rises at the longest time simulated); a time where it met a level plateau in round-off was returned
     */
    public static double timeToPeakH(IndividualModel ind, double ke0PerH) {
        Checks.notNull("individual model", ind);
        Checks.inRange("ke0", ke0PerH, MIN_SEARCH_KE0_PER_H, MAX_KE0_PER_H, "1/h");
        requireIntravenous(ind);
        Schedule bolus = Regimen.of(Dose.bolus(Amount.mg(1), 0)).schedule(ind.system(), ind.patient().weightKg());
        LinkedSystem linked = LinkedSystem.of(ind.system(), bolus, ke0PerH);
        double horizon = Math.min(20 / ke0PerH, TimeGrid.MAX_TIME_H);
        while (true) {
            TimeGrid scan = TimeGrid.uniform(horizon, horizon / SCAN_POINTS);
            double[] ce = linked.effectSiteUmolPerL(linked.solve(ExactSolver.instance(), scan), Analyte.KETAMINE);
            int best = 0;
            for (int i = 1; i < ce.length; i++) {
                if (ce[i] > ce[best]) {
                    best = i;
                }
            }
            if (best < ce.length - 1) {
                if (ce[best] - ce[ce.length - 1] <= PLATEAU * ce[best]) {
                    // Ce rose to a plasma level that does not fall: the "peak" was where Ce met it in round-off
                    throw noPeak(ind, ke0PerH, "rises to the plasma concentration and stays level with it (does the "
                            + "model eliminate ketamine?)");
                }
                double lo = scan.time(Math.max(best - 1, 0));
                double hi = scan.time(best + 1);
                return refinePeak(linked, lo, hi, scan.time(best));
            }
            if (horizon >= TimeGrid.MAX_TIME_H) {
                throw noPeak(ind, ke0PerH, "is still rising after " + Checks.fmt(horizon) + " h");
            }
            horizon = Math.min(horizon * 10, TimeGrid.MAX_TIME_H);
        }
    }

    private static InvalidInputException noPeak(IndividualModel ind, double ke0PerH, String why) {
        return new InvalidInputException("model", String.format(Locale.ROOT, "the ketamine effect-site concentration "
                + "of %s after an intravenous bolus has no peak with %s: it %s", ind.model().id(),
                EffectLink.describe(ke0PerH), why));
    }

    private static double refinePeak(LinkedSystem linked, double lo, double hi, double start) {
        if (start <= lo) {
            start = (lo + hi) / 2;
        }
        BrentOptimizer opt = new BrentOptimizer(RELATIVE_TOLERANCE, 1e-14 * hi);
        return opt.optimize(new MaxEval(500), GoalType.MAXIMIZE, new SearchInterval(lo, hi, start),
                new UnivariateObjectiveFunction(t -> t <= 0 ? 0 : linked.effectSiteUmolPerL(
                        linked.solve(ExactSolver.instance(), TimeGrid.of(t)), Analyte.KETAMINE)[0])).getPoint();
    }

    /**
     * The ke0 that gives {@code ind} a time to peak effect of {@code timeToPeakH} after an intravenous bolus.
     *
     * @param ind the individual model the ke0 is for
     * @param timeToPeakH the time to peak to reproduce, h
     * @return ke0, 1/h
     * @throws InvalidInputException if no ke0 between 0.001 and 10 000 /h gives that time to peak
     */
    public static double ke0ForTimeToPeakPerH(IndividualModel ind, double timeToPeakH) {
        Checks.notNull("individual model", ind);
        Checks.positive("time to peak effect", timeToPeakH, TimeGrid.MAX_TIME_H, "h");
        requireIntravenous(ind);
        double lnLo = Math.log(MIN_SEARCH_KE0_PER_H);
        double lnHi = Math.log(MAX_KE0_PER_H);
        double shortest = timeToPeakH(ind, MAX_KE0_PER_H);
        double longest = timeToPeakH(ind, MIN_SEARCH_KE0_PER_H);
        if (timeToPeakH < shortest || timeToPeakH > longest) {
            throw new InvalidInputException("time to peak effect", String.format(Locale.ROOT,
                    "time to peak effect must be between %s and %s min for model %s but was %s min",
                    Checks.fmt(round(shortest * 60)), Checks.fmt(round(longest * 60)), ind.model().id(),
                    Checks.fmt(timeToPeakH * 60)));
        }
        // the time to peak falls as ke0 rises; solve on ln ke0, where it is smooth over eight decades
        BrentSolver solver = new BrentSolver(RELATIVE_TOLERANCE * 1e-3, 1e-12);
        double u = solver.solve(500, x -> timeToPeakH(ind, ke0(x)) - timeToPeakH, lnLo, lnHi);
        return ke0(u);
    }

    /** e^u kept inside the search range, which round-off at its ends could leave. */
    private static double ke0(double lnKe0) {
        return Math.max(MIN_SEARCH_KE0_PER_H, Math.min(MAX_KE0_PER_H, Math.exp(lnKe0)));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void requireIntravenous(IndividualModel ind) {
        if (!ind.system().routes().contains(Route.INTRAVENOUS)) {
            throw new InvalidInputException("model", "model must accept intravenous doses to define a time to peak "
                    + "effect after a bolus, but " + ind.model().id() + " does not");
        }
    }
}
