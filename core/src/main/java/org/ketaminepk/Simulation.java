package org.ketaminepk;

import org.ketaminepk.base.Route;
import org.ketaminepk.base.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * The library's front door: one model, one patient, one regimen, one output grid → a {@link SimulationResult}.
 * <pre>
 *   SimulationResult r = Simulation.run(Models.DEFAULT, Patient.standardAdult(),
 *           Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10), TimeGrid.uniform(11 * 24, 1.0 / 60));
 *   double peak = r.profile().series(Analyte.NORKETAMINE).cmaxNgPerMl();
 * </pre>
 * Stateless and thread-safe. A teaching and review tool, not a dosing device.
 */
public final class Simulation {
    private final Solver solver;
    private final PatientAdjuster adjuster;

    private Simulation(Solver solver, PatientAdjuster adjuster) {
        this.solver = solver;
        this.adjuster = adjuster;
    }

    /** @return a simulation with the exact solver and the standard patient adjustments */
    public static Simulation standard() {
        return new Simulation(ExactSolver.instance(), StandardAdjustments.get());
    }

    /** @return a copy using {@code s} */
    public Simulation withSolver(Solver s) {
        return new Simulation(Checks.notNull("solver", s), adjuster);
    }

    /** @return a copy using {@code a} for organ function and interactions */
    public Simulation withAdjuster(PatientAdjuster a) {
        return new Simulation(solver, Checks.notNull("adjuster", a));
    }

    /** Shorthand for {@code standard().simulate(...)}. */
    public static SimulationResult run(PublishedModel model, Patient patient, Regimen regimen, TimeGrid grid) {
        return standard().simulate(model, patient, regimen, grid);
    }

    /** Individualises the model and solves it. */
    public SimulationResult simulate(PublishedModel model, Patient patient, Regimen regimen, TimeGrid grid) {
        Checks.notNull("model", model);
        Checks.notNull("patient", patient);
        Checks.notNull("regimen", regimen);
        Checks.notNull("grid", grid);
        IndividualModel ind = model.individualize(patient, adjuster);
        return simulate(ind, regimen, grid);
    }

    /**
     * Individualises the model with this simulation's adjustments, without solving it (for callers that drive the
     * model themselves, such as a target-controlled infusion).
     *
     * @return the individual model
     */
    public IndividualModel individualize(PublishedModel model, Patient patient) {
        Checks.notNull("model", model);
        Checks.notNull("patient", patient);
        return model.individualize(patient, adjuster);
    }

    /** Solves an already individualised model (reuse it across regimens). */
    public SimulationResult simulate(IndividualModel ind, Regimen regimen, TimeGrid grid) {
        List<Warning> warnings = new ArrayList<>(ind.warnings());
        warnings.addAll(regimenWarnings(ind.model(), regimen, grid, ind.patient().weightKg()));
        Schedule schedule = regimen.schedule(ind.system(), ind.patient().weightKg());
        Solution sol = solver.solve(ind.system(), schedule, grid);
        Profile profile = Profile.of(ind.system(), sol, regimen, ind.patient().weightKg());
        return new SimulationResult(ind, profile, warnings, solver.name());
    }

    static List<Warning> regimenWarnings(PublishedModel model, Regimen regimen, TimeGrid grid, double weightKg) {
        List<Warning> out = new ArrayList<>();
        java.util.Set<Route> seen = java.util.EnumSet.noneOf(Route.class);
        double shortest = Double.POSITIVE_INFINITY;
        List<Dose.Infusion> capped = new ArrayList<>();
        for (Dose d : regimen.doses()) {
            Route r = d.route();
            PublishedModel.RouteSource src = model.routes().get(r);
            if (src == null) {
                // the schedule will refuse it with a clear message
                continue;
            }
            if (!src.studied() && seen.add(r)) {
                out.add(new Warning(Warning.Code.ROUTE_NOT_STUDIED, String.format(Locale.ROOT,
                        "%s route: %s's source did not study it; its absorption comes from %s", r.longName(),
                        model.id(), src.source())));
            }
            if (d instanceof Dose.Infusion inf) {
                shortest = Math.min(shortest, inf.durationH());
                if (inf.capped(weightKg)) {
                    capped.add(inf);
                }
            } else {
                shortest = 0;
            }
        }
        out.addAll(capWarnings(capped, weightKg));
        double step = grid.stepH();
        if (Double.isFinite(step) && step > 5.0 / 60 && shortest < step) {
            out.add(new Warning(Warning.Code.COARSE_GRID, String.format(Locale.ROOT,
                    "the output step (%s min) is longer than the shortest input; Cmax and Tmax may miss the peak",
                    Checks.fmt(step * 60))));
        }
        if (regimen.endH() > grid.endH()) {
            out.add(new Warning(Warning.Code.COARSE_GRID, String.format(Locale.ROOT,
                    "the simulation ends at %s h, before the last dose ends at %s h", Checks.fmt(grid.endH()),
                    Checks.fmt(regimen.endH()))));
        }
        return out;
    }

    /**
     * One warning per distinct cap and uncapped rate: a ten-day course of identical capped sessions reads as one line
     * naming the first and last session rather than ten repetitions.
     */
    private static List<Warning> capWarnings(List<Dose.Infusion> capped, double weightKg) {
        List<Warning> out = new ArrayList<>();
        java.util.Map<String, List<Dose.Infusion>> groups = new java.util.LinkedHashMap<>();
        for (Dose.Infusion inf : capped) {
            String what = String.format(Locale.ROOT, "rate capped at %s mg/h (uncapped %s mg/h at %s kg)",
                    Checks.fmt(inf.capMgPerH()), Checks.fmt(Math.round(inf.uncappedMgPerH(weightKg) * 1000) / 1000.0),
                    Checks.fmt(weightKg));
            groups.computeIfAbsent(what, k -> new ArrayList<>()).add(inf);
        }
        for (java.util.Map.Entry<String, List<Dose.Infusion>> g : groups.entrySet()) {
            List<Dose.Infusion> l = g.getValue();
            String when = l.size() == 1 ? "infusion at " + Checks.fmt(l.get(0).timeH()) + " h"
                    : l.size() + " infusions from " + Checks.fmt(l.get(0).timeH()) + " h to "
                            + Checks.fmt(l.get(l.size() - 1).timeH()) + " h";
            out.add(new Warning(Warning.Code.DOSE_OUTSIDE_RANGE, when + ": " + g.getKey()));
        }
        return out;
    }
}
