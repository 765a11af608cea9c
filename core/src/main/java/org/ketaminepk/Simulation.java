package org.ketaminepk;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Profile;

/**
 * The library's front door: one model, one patient, one regimen, one output grid → a {@link SimulationResult}.
 * <pre>
 *   SimulationResult r = Simulation.run(Models.DEFAULT, Patient.standardAdult(),
 *           Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10), TimeGrid.uniform(11 * 24, 1.0 / 60));
 *   double peak = r.metrics(Analyte.NORKETAMINE).cmaxNgPerMl();
 *   OptionalDouble tHalf = r.metrics(Analyte.KETAMINE).terminalHalfLifeH();   // the model's, not the grid's
 * </pre>
 * mg/kg doses are resolved with total body weight unless {@link #withDosingWeight} says otherwise.
 * Stateless and thread-safe. A teaching and review tool, not a dosing device.
 */
public final class Simulation {
    private final Solver solver;
    private final PatientAdjuster adjuster;
    private final DosingWeight dosingWeight;

    private Simulation(Solver solver, PatientAdjuster adjuster, DosingWeight dosingWeight) {
        this.solver = solver;
        this.adjuster = adjuster;
        this.dosingWeight = dosingWeight;
    }

    /**
     * @return a simulation with the exact solver, the standard patient adjustments and doses per kg of total body
     *         weight
     */
    public static Simulation standard() {
        return new Simulation(ExactSolver.instance(), StandardAdjustments.get(), DosingWeight.TOTAL);
    }

    /** @return a copy using {@code s} */
    public Simulation withSolver(Solver s) {
        return new Simulation(Checks.notNull("solver", s), adjuster, dosingWeight);
    }

    /** @return a copy using {@code a} for organ function and interactions */
    public Simulation withAdjuster(PatientAdjuster a) {
        return new Simulation(solver, Checks.notNull("adjuster", a), dosingWeight);
    }

    /**
     * @return a copy that resolves mg/kg doses with {@code w} (the models still scale with total body weight); the
     *         weight used is {@link Profile#weightKg()} of each result
     */
    public Simulation withDosingWeight(DosingWeight w) {
        return new Simulation(solver, adjuster, Checks.notNull("dosing weight", w));
    }

    /** @return the body-size descriptor mg/kg doses are resolved with */
    public DosingWeight dosingWeight() {
        return dosingWeight;
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
        return simulate(individualize(model, patient), regimen, grid);
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

    /**
     * Solves an already individualised model (reuse it across regimens).
     *
     * @throws InvalidInputException if an argument is missing or the regimen does not suit the model
     */
    public SimulationResult simulate(IndividualModel ind, Regimen regimen, TimeGrid grid) {
        Checks.notNull("individual model", ind);
        Checks.notNull("regimen", regimen);
        Checks.notNull("grid", grid);
        Prepared run = prepare(ind, regimen, grid, dosingWeight);
        Solution sol = solver.solve(ind.system(), run.schedule(), grid);
        Profile profile = Profile.of(ind.system(), sol, regimen, run.doseWeightKg());
        SimulationResult result = new SimulationResult(ind, profile, run.warnings(), solver.name());
        // the grid's peak is at most the curve's: only a run whose grid already passes the limit pays for the exact
        // peak, which is the number the result's metrics report
        if (profile.analytes().contains(Analyte.KETAMINE)
                && farAbove(profile.series(Analyte.KETAMINE).cmaxNgPerMl())) {
            result = new SimulationResult(ind, profile, withFarAboveAnaestheticRange(run.warnings(),
                    result.metrics(List.of())), solver.name());
        }
        return result;
    }

    /**
     * One run before it is solved, the pipeline that {@link #simulate} and {@link PopulationRun} share: the
     * individual model, the inputs its regimen expands into and every warning.
     *
     * @param individual the individualised model
     * @param schedule the regimen's inputs, µmol and hours
     * @param warnings the model's warnings for this patient, then the regimen's
     * @param doseWeightKg the weight mg/kg doses were resolved with, kg
     */
    record Prepared(IndividualModel individual, Schedule schedule, List<Warning> warnings, double doseWeightKg) {
    }

    /** @return the schedule and the warnings of {@code regimen} given to {@code ind} and read on {@code grid} */
    static Prepared prepare(IndividualModel ind, Regimen regimen, TimeGrid grid) {
        return prepare(ind, RegimenReview.of(ind.model(), regimen, grid), DosingWeight.TOTAL);
    }

    /** As {@link #prepare(IndividualModel, Regimen, TimeGrid)}, with mg/kg doses resolved by {@code dosing}. */
    static Prepared prepare(IndividualModel ind, Regimen regimen, TimeGrid grid, DosingWeight dosing) {
        return prepare(ind, RegimenReview.of(ind.model(), regimen, grid), dosing);
    }

    /**
     * As {@link #prepare(IndividualModel, Regimen, TimeGrid, DosingWeight)}, with the regimen already reviewed
     * (once for all the patients of a population).
     *
     * @param review the review of the regimen for {@code ind}'s model and the grid
     */
    static Prepared prepare(IndividualModel ind, RegimenReview review, DosingWeight dosing) {
        if (review.model != ind.model()) {
            throw new IllegalArgumentException("the regimen was reviewed for " + review.model.id() + ", not for "
                    + ind.model().id());
        }
        Regimen regimen = review.regimen;
        Patient patient = ind.patient();
        double weightKg = dosing.kg(patient);
        List<Warning> warnings = new ArrayList<>(ind.warnings().size() + 4);
        warnings.addAll(ind.warnings());
        if (dosing != DosingWeight.TOTAL && weightBased(regimen)) {
            warnings.add(Warning.text(Warning.Code.ASSUMPTION, String.format(java.util.Locale.ROOT,
                    "mg/kg doses use %s: %s kg instead of the total %s kg%s", dosing.label(),
                    Checks.fmt(Math.round(weightKg * 10) / 10.0), Checks.fmt(patient.weightKg()),
                    patient.adult() || dosing == DosingWeight.LEAN ? ""
                            : "; the formula was derived in adults and is extrapolated here")));
        }
        review.addWarnings(weightKg, warnings);
        Schedule schedule = regimen.schedule(ind.system(), weightKg);
        return new Prepared(ind, schedule, warnings, weightKg);
    }

    /** @return whether any dose of {@code regimen} is stated per kg */
    private static boolean weightBased(Regimen regimen) {
        for (Dose d : regimen.doses()) {
            if (d.amountMg(1) != d.amountMg(2)) {
                return true;
            }
        }
        return false;
    }

    /** @return the solver */
    Solver solver() {
        return solver;
    }

    /**
     * The warnings of one regimen given with one model and read on one grid, split into what holds for every patient
     * (routes not studied, overlapping infusions, a coarse grid, a grid ending before the last dose, a run beyond the
     * span the model's samples cover), found once, and
     * what depends on the dosing weight (rate caps, doses above the label), found per patient. A population reviews
     * its regimen once instead of once per patient. Immutable.
     */
    static final class RegimenReview {
        final PublishedModel model;
        final Regimen regimen;
        /** Routes of the regimen that the model's sources did not study, once each, in the order first given. */
        private final List<Warning> routes;
        /** Infusions by a route the model has, in the regimen's order: the ones a cap may lower. */
        private final List<Dose.Infusion> cappable;
        /** Boluses and intramuscular doses, in the regimen's order: the ones compared with the label. */
        private final List<Dose> labelled;
        /** Overlapping infusions, a grid step longer than the shortest input, a grid ending before the last dose. */
        private final List<Warning> tail;

        private RegimenReview(PublishedModel model, Regimen regimen, TimeGrid grid) {
            this.model = model;
            this.regimen = regimen;
            List<Warning> r = new ArrayList<>();
            java.util.Set<Route> seen = java.util.EnumSet.noneOf(Route.class);
            double shortest = Double.POSITIVE_INFINITY;
            List<Dose.Infusion> c = new ArrayList<>();
            for (Dose d : regimen.doses()) {
                Route route = d.route();
                PublishedModel.RouteSource src = model.routes().get(route);
                if (src == null) {
                    // the schedule will refuse it with a clear message
                    continue;
                }
                if (!src.studied() && seen.add(route)) {
                    r.add(Warning.of(Warning.Kind.ROUTE_NOT_STUDIED, route.longName(), model.id(), src.source()));
                }
                if (d instanceof Dose.Infusion inf) {
                    shortest = Math.min(shortest, inf.durationH());
                    c.add(inf);
                } else {
                    shortest = 0;
                }
            }
            List<Dose> l = new ArrayList<>();
            for (Dose d : regimen.doses()) {
                if (d instanceof Dose.Bolus || d instanceof Dose.Extravascular && d.route() == Route.INTRAMUSCULAR) {
                    l.add(d);
                }
            }
            List<Warning> t = new ArrayList<>();
            overlapWarnings(regimen, t);
            OptionalDouble step = grid.stepH();
            if (step.isPresent() && step.getAsDouble() > 5.0 / 60 && shortest < step.getAsDouble()) {
                t.add(Warning.of(Warning.Kind.STEP_LONGER_THAN_INPUT, step.getAsDouble() * 60));
            }
            if (regimen.endH() > grid.endH()) {
                t.add(Warning.of(Warning.Kind.ENDS_BEFORE_LAST_DOSE, grid.endH(), regimen.endH()));
            }
            OptionalDouble span = model.studiedSpanH();
            if (span.isPresent() && !regimen.doses().isEmpty()) {
                double first = Double.POSITIVE_INFINITY;
                for (Dose d : regimen.doses()) {
                    first = Math.min(first, d.timeH());
                }
                double after = grid.endH() - first;
                // a minute's grace: a run to the last sample's time, rounded to whole minutes, is not beyond it
                if (after > span.getAsDouble() + 1.0 / 60) {
                    t.add(Warning.of(Warning.Kind.BEYOND_STUDIED_SPAN, model.id(),
                            Checks.minutesOrHours(span.getAsDouble()), model.studiedSpanSource().orElseThrow(),
                            Checks.minutesOrHours(after)));
                }
            }
            this.routes = List.copyOf(r);
            this.cappable = List.copyOf(c);
            this.labelled = List.copyOf(l);
            this.tail = List.copyOf(t);
        }

        /** @return the review of {@code regimen} given with {@code model} and read on {@code grid} */
        static RegimenReview of(PublishedModel model, Regimen regimen, TimeGrid grid) {
            return new RegimenReview(model, regimen, grid);
        }

        /** Adds the regimen's warnings for mg/kg doses resolved with {@code weightKg} to {@code out}, in order. */
        void addWarnings(double weightKg, List<Warning> out) {
            out.addAll(routes);
            List<Dose.Infusion> capped = new ArrayList<>();
            for (Dose.Infusion inf : cappable) {
                if (inf.capped(weightKg)) {
                    capped.add(inf);
                }
            }
            capWarnings(capped, weightKg, out);
            labelWarning(labelled, weightKg, out);
            out.addAll(tail);
        }
    }

    /**
     * Largest initial intravenous dose of the Ketalar label, mg/kg: "The initial dose of KETALAR administered
     * intravenously may range from 1 mg/kg to 4.5 mg/kg" (KETALAR (ketamine hydrochloride) injection, US
     * prescribing information, Par Pharmaceutical, section 2.2 "Recommended Dosage and Administration", Induction of
     * Anesthesia, Intravenous Route; DailyMed set id 14e8f864-8b8a-4e7e-8439-e510d3107063; read in the label text
     * as reproduced on drugs.com, updated March 2022). The label's strengths are stated as ketamine base.
     */
    static final double KETALAR_2022_MAX_INITIAL_IV_MG_PER_KG = 4.5;

    /**
     * Largest initial intramuscular dose of the same label and section, mg/kg: "The initial dose of KETALAR
     * administered intramuscularly may range from 6.5 to 13 mg/kg" (Intramuscular Route).
     */
    static final double KETALAR_2022_MAX_INITIAL_IM_MG_PER_KG = 13;

    /**
     * Lower edge of the anaesthetic range of racemic ketamine, ng/mL: 1200–2400 ng/mL (5–10 µM) after 1–2 mg/kg
     * intravenously (Zanos P et al. "Ketamine and ketamine metabolite pharmacology", Pharmacol Rev 2018;70:621–660,
     * Table 1, row "General anesthesia", doi:10.1124/pr.117.015198). It is the highest of the concentration bands the
     * charts shade, and the range that {@code TargetSchedule}'s largest target is set from.
     */
    public static final double ANAESTHETIC_RANGE_LOW_NG_PER_ML = 1200;

    /** Upper edge of the same range, ng/mL. */
    public static final double ANAESTHETIC_RANGE_HIGH_NG_PER_ML = 2400;

    /**
     * A ketamine concentration more than this many times {@link #ANAESTHETIC_RANGE_HIGH_NG_PER_ML} is warned about
     * ({@link #farAboveAnaestheticRange}). The dose check above sees one dose at a time; this sees what the doses add
     * up to (many doses close together, a steady state with a very short interval). Far enough above the range not
     * to fire for doses within the label: one bolus of the label's largest initial dose, 4.5 mg/kg at 70 kg, peaks
     * at the instant it is given at up to 71,430 ng/mL (about 30 times the edge) in the model with the smallest
     * central volume (domino-1984), and no built-in protocol comes near it.
     */
    public static final double FAR_ABOVE_ANAESTHETIC_FACTOR = 100;

    /**
     * @return whether {@code ketamineNgPerMl} is more than {@link #FAR_ABOVE_ANAESTHETIC_FACTOR} times the upper edge
     *         of the anaesthetic range
     */
    private static boolean farAbove(double ketamineNgPerMl) {
        return ketamineNgPerMl > FAR_ABOVE_ANAESTHETIC_FACTOR * ANAESTHETIC_RANGE_HIGH_NG_PER_ML;
    }

    /**
     * @param ketamineNgPerMl a predicted ketamine concentration, ng/mL
     * @param where where it is reached, in words ("at 1 h", "on line 12 (ID 3)")
     * @return a warning when the concentration is more than {@link #FAR_ABOVE_ANAESTHETIC_FACTOR} times the upper
     *         edge of the anaesthetic range, naming it, the range and its source; else empty
     * @throws InvalidInputException if {@code where} is missing or the concentration is not a finite number of
     *         0 ng/mL or more
     */
    public static Optional<Warning> farAboveAnaestheticRange(double ketamineNgPerMl, String where) {
        Checks.notNull("where", where);
        // NaN compared false and passed without a warning; infinity reached the rounding below and threw there
        if (!(ketamineNgPerMl >= 0 && ketamineNgPerMl < Double.POSITIVE_INFINITY)) {
            throw InvalidInputException.statement("ketamine concentration", ketamineNgPerMl,
                    "must be a finite number of ng/mL, 0 or more, but was " + Checks.fmt(ketamineNgPerMl));
        }
        if (!farAbove(ketamineNgPerMl)) {
            return Optional.empty();
        }
        // four significant digits: the comparison is with a range of reported peaks, not a measurement
        double shown = new java.math.BigDecimal(ketamineNgPerMl).round(new java.math.MathContext(4)).doubleValue();
        return Optional.of(Warning.of(Warning.Kind.FAR_ABOVE_ANAESTHETIC_RANGE, shown, where,
                (double) Math.round(ketamineNgPerMl / ANAESTHETIC_RANGE_HIGH_NG_PER_ML),
                ANAESTHETIC_RANGE_LOW_NG_PER_ML, ANAESTHETIC_RANGE_HIGH_NG_PER_ML));
    }

    /**
     * @param warnings a run's warnings
     * @param metrics its metrics
     * @return the warnings, with {@link #farAboveAnaestheticRange}'s at the end when the run's ketamine Cmax calls for
     *         it (the list itself when it does not)
     */
    static List<Warning> withFarAboveAnaestheticRange(List<Warning> warnings, Map<Analyte, AnalyteMetrics> metrics) {
        AnalyteMetrics k = metrics.get(Analyte.KETAMINE);
        // every virtual patient of a population passes here: the words of the place are written only for a warning
        if (k == null || !farAbove(k.cmaxNgPerMl())) {
            return warnings;
        }
        Optional<Warning> far = farAboveAnaestheticRange(k.cmaxNgPerMl(), "at "
                + Checks.fmt(Math.round(k.tmaxH() * 100) / 100.0) + " h");
        List<Warning> out = new ArrayList<>(warnings.size() + 1);
        out.addAll(warnings);
        out.add(far.get());
        return out;
    }

    /**
     * A dose no model was built from: the first single dose above the label's largest initial dose, among
     * {@code doses} (the regimen's boluses and intramuscular doses, in order).
     */
    private static void labelWarning(List<Dose> doses, double weightKg, List<Warning> out) {
        for (Dose d : doses) {
            double limit = d instanceof Dose.Bolus ? KETALAR_2022_MAX_INITIAL_IV_MG_PER_KG
                    : KETALAR_2022_MAX_INITIAL_IM_MG_PER_KG;
            double mg = d.amountMg(weightKg);
            if (mg / weightKg > limit) {
                // mg/kg to one decimal: the comparison is with a label range, not a measurement
                out.add(Warning.of(Warning.Kind.DOSE_ABOVE_LABEL, d.route().longName(), mg,
                        Math.round(mg / weightKg * 10) / 10.0, weightKg, d.timeH(), limit));
                break;
            }
        }
    }

    /** Infusions that run at once, which a typing slip ("over 40 min every 10 min") produces more often than intent. */
    private static void overlapWarnings(Regimen regimen, List<Warning> out) {
        List<Dose.Infusion> infusions = new ArrayList<>();
        for (Dose d : regimen.doses()) {
            if (d instanceof Dose.Infusion inf) {
                infusions.add(inf);
            }
        }
        infusions.sort(java.util.Comparator.comparingDouble(Dose.Infusion::timeH));
        int overlaps = 0;
        Dose.Infusion firstLater = null;
        Dose.Infusion firstEarlier = null;
        Dose.Infusion running = null;
        for (Dose.Infusion inf : infusions) {
            if (running != null && inf.timeH() < running.endH() - 1e-9) {
                if (overlaps++ == 0) {
                    firstLater = inf;
                    firstEarlier = running;
                }
            }
            if (running == null || inf.endH() > running.endH()) {
                running = inf;
            }
        }
        if (overlaps > 0) {
            out.add(Warning.of(Warning.Kind.INFUSIONS_OVERLAP, overlaps, firstLater.timeH(), firstEarlier.timeH(),
                    firstEarlier.endH()));
        }
    }

    /**
     * One warning per distinct cap and uncapped rate: a ten-day course of identical capped sessions reads as one line
     * naming the first and last session rather than ten repetitions.
     */
    private static void capWarnings(List<Dose.Infusion> capped, double weightKg, List<Warning> out) {
        boolean[] done = new boolean[capped.size()];
        for (int i = 0; i < capped.size(); i++) {
            if (done[i]) {
                continue;
            }
            Dose.Infusion first = capped.get(i);
            double cap = first.capMgPerH().getAsDouble();
            double uncapped = uncappedShown(first, weightKg);
            Dose.Infusion last = first;
            int count = 0;
            for (int j = i; j < capped.size(); j++) {
                Dose.Infusion inf = capped.get(j);
                if (!done[j] && inf.capMgPerH().getAsDouble() == cap && uncappedShown(inf, weightKg) == uncapped) {
                    done[j] = true;
                    last = inf;
                    count++;
                }
            }
            // a dosing weight from a formula is shown to 0.1 kg, as the patient's own weight is given
            double shownKg = Math.round(weightKg * 10) / 10.0;
            out.add(count == 1
                    ? Warning.of(Warning.Kind.RATE_CAPPED, first.timeH(), cap, uncapped, shownKg)
                    : Warning.of(Warning.Kind.RATES_CAPPED, count, first.timeH(), last.timeH(), cap, uncapped, shownKg));
        }
    }

    /** The uncapped rate as the warning shows it, mg/h to three decimals. */
    private static double uncappedShown(Dose.Infusion inf, double weightKg) {
        return Math.round(inf.uncappedMgPerH(weightKg) * 1000) / 1000.0;
    }
}
