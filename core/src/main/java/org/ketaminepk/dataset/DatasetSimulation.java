package org.ketaminepk.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.ketaminepk.Simulation;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * Simulates every individual of a {@link Dataset} with one published model (typical individual for each ID's
 * covariates, η = 0), in parallel, and returns the predictions in file order.
 * <pre>
 *   DatasetResult r = DatasetSimulation.of(Models.OTTO_2021).simulate(Dataset.read(reader, "study.csv"));
 *   r.write(writer);
 * </pre>
 *
 * <p>How records act (PREDPP conventions): a dose's AMT (mg of ketamine base) enters by the route its CMT names,
 * split by the model's route description (bioavailability, lag, first pass); RATE &gt; 0 gives an infusion of
 * AMT/RATE h, RATE −2 one of DUR h, RATE −1 the model's own zero-order input (refused for a route whose input the
 * model does not set). ADDL repeats the dose every II h. EVID 3 and 4 empty the body and cancel infusions and
 * additional doses still pending; a dose with SS 1 does the same and then sets the amounts to the periodic steady
 * state of that dose given every II h ({@link SteadyState}); SS 2 adds that steady state to the current amounts. A
 * steady-state infusion (AMT 0, RATE &gt; 0, II 0) starts at its steady state and runs until the individual's last
 * record or the next reset. Predictions at a record's time include every dose at that time, whatever the order of
 * the records. Covariates are read from each ID's first record (AGE years, WT kg, HT cm, SEX male/female or M/F,
 * CRCL mL/min, EGFR mL/min/1.73 m², CHILDPUGH A/B/C or score 5–15); a missing one takes the standard adult's value
 * ({@link Patient#standardAdult()}). Covariates that change within an ID (time-varying covariates) are refused, naming
 * the line and the column; a later record may leave a covariate missing.
 *
 * <p>Immutable and thread-safe. Not an estimation tool.
 */
public final class DatasetSimulation {
    /** How far, relative to II, a steady-state dose's input may end after II: rounding of AMT/RATE, not a choice. */
    static final double SS_END_TOLERANCE = 1e-12;
    private final PublishedModel model;
    private final Solver solver;
    private final PatientAdjuster adjuster;

    private DatasetSimulation(PublishedModel model, Solver solver, PatientAdjuster adjuster) {
        this.model = model;
        this.solver = solver;
        this.adjuster = adjuster;
    }

    /** @return a simulation of {@code model} with the exact solver and the standard patient adjustments */
    public static DatasetSimulation of(PublishedModel model) {
        return new DatasetSimulation(Checks.notNull("model", model), ExactSolver.instance(),
                StandardPatientAdjuster.instance());
    }

    /** @return a copy using {@code s} */
    public DatasetSimulation withSolver(Solver s) {
        return new DatasetSimulation(model, Checks.notNull("solver", s), adjuster);
    }

    /** @return a copy using {@code a} for organ function and interactions */
    public DatasetSimulation withAdjuster(PatientAdjuster a) {
        return new DatasetSimulation(model, solver, Checks.notNull("adjuster", a));
    }

    /** @return the model */
    public PublishedModel model() {
        return model;
    }

    /**
     * Checks every record against the model, then simulates every ID.
     *
     * @throws InvalidInputException naming the file, line and column of the first bad record; nothing is returned
     *         for a dataset with an error
     */
    public DatasetResult simulate(Dataset dataset) {
        return simulate(dataset, done -> { });
    }

    /**
     * As {@link #simulate(Dataset)}, telling {@code progress} how many IDs are finished after each one: from
     * whichever thread finished it, but one call at a time and in increasing order (1, 2, ... the number of IDs), so
     * that the last count seen is the total.
     *
     * @param progress called after each ID with the number finished so far; must be quick (the other threads wait
     *        for it to return before they report)
     */
    public DatasetResult simulate(Dataset dataset, IntConsumer progress) {
        Checks.notNull("dataset", dataset);
        Checks.notNull("progress", progress);
        CompartmentTable table = CompartmentTable.of(model);
        List<List<Dataset.Record>> ids = dataset.individuals();
        List<Plan> plans = new ArrayList<>(ids.size());
        for (List<Dataset.Record> recs : ids) {
            plans.add(plan(dataset, table, recs));
        }
        // IDs with the same covariates share one individual model: individualising is most of an ID's cost
        Map<Patient, IndividualModel> models = new ConcurrentHashMap<>();
        Object[] outcomes = new Object[plans.size()];
        AtomicInteger finished = new AtomicInteger();
        Object reporting = new Object();
        IntStream.range(0, plans.size()).parallel().forEach(i -> {
            try {
                Plan plan = plans.get(i);
                outcomes[i] = run(plan, models.computeIfAbsent(plan.patient(),
                        p -> model.individualize(p, adjuster)), dataset.source());
            } catch (InvalidInputException e) {
                outcomes[i] = e;
            }
            // counted and reported under one lock: counted outside it, a count could be reported after a larger one
            synchronized (reporting) {
                progress.accept(finished.incrementAndGet());
            }
        });
        double[][] predictions = new double[dataset.records().size()][];
        List<Warning> warnings = new ArrayList<>();
        int row = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof InvalidInputException e) {
                throw e;
            }
            Individual ind = (Individual) outcomes[i];
            for (double[] p : ind.predictions) {
                predictions[row++] = p;
            }
            for (Warning w : ind.warnings) {
                warnings.add(switch (w.code()) {
                    case ASSUMPTION, ADJUSTMENT, UNUSUAL_PATIENT_VALUE ->
                        Warning.text(w.code(), "ID " + plans.get(i).records.get(0).id() + ": " + w.message());
                    default -> w;
                });
            }
        }
        farAboveAnaestheticRange(dataset, predictions).ifPresent(warnings::add);
        return new DatasetResult(dataset, model, analytes(), predictions, warnings);
    }

    /**
     * @return the warning for the highest ketamine prediction of the dataset when it is far above the anaesthetic
     *         range ({@link Simulation#farAboveAnaestheticRange}), naming its line, ID and time; else empty
     */
    private Optional<Warning> farAboveAnaestheticRange(Dataset dataset, double[][] predictions) {
        int k = analytes().indexOf(Analyte.KETAMINE);
        if (k < 0) {
            return Optional.empty();
        }
        int top = -1;
        for (int r = 0; r < predictions.length; r++) {
            if (top < 0 || predictions[r][k] > predictions[top][k]) {
                top = r;
            }
        }
        Dataset.Record rec = dataset.records().get(top);
        // a solver's round-off may leave a peak of zero a hair below it
        return Simulation.farAboveAnaestheticRange(Math.max(0, predictions[top][k]), "on line " + rec.line() + " (ID "
                + rec.id() + ", " + Checks.fmt(rec.timeH()) + " h)");
    }

    private List<Analyte> analytes() {
        List<Analyte> out = new ArrayList<>();
        for (Analyte a : Analyte.values()) {
            if (model.analytes().contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** One ID, checked: its patient and the route of each dose record. */
    private record Plan(List<Dataset.Record> records, Patient patient, Route[] routes) {
    }

    /** One ID, simulated. */
    private record Individual(List<double[]> predictions, List<Warning> warnings) {
    }

    /** How each covariate column sets the patient, in the order {@link #patient} reads them. */
    private static final Map<String, BiFunction<Patient, String, Patient>> COVARIATE_READERS = covariateReaders();

    /** The covariate columns, as {@link #patient} reads them. */
    static final List<String> COVARIATES = List.copyOf(COVARIATE_READERS.keySet());

    private static Map<String, BiFunction<Patient, String, Patient>> covariateReaders() {
        Map<String, BiFunction<Patient, String, Patient>> m = new LinkedHashMap<>();
        m.put("AGE", (p, v) -> p.withAgeYears(number("AGE", v)));
        m.put("WT", (p, v) -> p.withWeightKg(number("WT", v)));
        m.put("HT", (p, v) -> p.withHeightCm(number("HT", v)));
        m.put("SEX", (p, v) -> p.withSex(Sex.parse(v)));
        m.put("CRCL", (p, v) -> p.withCreatinineClearanceMlPerMin(number("CRCL", v)));
        m.put("EGFR", (p, v) -> {
            // CRCL is read first: a patient that already has a clearance had both columns
            if (p.kidney() instanceof KidneyFunction.CreatinineClearance) {
                throw new InvalidInputException("EGFR", "give CRCL or EGFR for an ID, not both");
            }
            return p.withEgfrMlPerMinPer173m2(number("EGFR", v));
        });
        m.put("CHILDPUGH", (p, v) -> {
            if (!v.matches("\\d+")) {
                return p.withChildPugh(ChildPughClass.parse(v));
            }
            if (v.length() > 3) {
                // too many digits for an int, and far outside the score's range anyway
                throw new InvalidInputException("Child–Pugh score", "Child–Pugh score must be between 5 and 15 "
                        + "points but was " + v);
            }
            return p.withChildPughScore(Integer.parseInt(v));
        });
        return Collections.unmodifiableMap(m);
    }

    private Plan plan(Dataset d, CompartmentTable table, List<Dataset.Record> recs) {
        Patient patient = patient(d, recs.get(0));
        checkConstantCovariates(d, recs);
        Route[] routes = new Route[recs.size()];
        for (int i = 0; i < recs.size(); i++) {
            Dataset.Record r = recs.get(i);
            if (r.dose()) {
                if (r.cmt().isEmpty()) {
                    throw Dataset.error(d.source(), r.line(), "CMT", "a dose (AMT " + Checks.fmt(r.amountMg())
                            + " mg) needs a CMT naming a route of " + model.id() + ": " + table.describe());
                }
                Optional<CompartmentTable.Entry> e = table.find(r.cmt().get());
                if (e.isEmpty() || !e.get().dosing()) {
                    throw Dataset.error(d.source(), r.line(), "CMT", "CMT '" + r.cmt().get() + "' is not a dosing "
                            + "compartment of " + model.id() + ": " + table.describe());
                }
                routes[i] = e.get().route().orElseThrow();
            } else if (r.evid() == 0 && r.cmt().isPresent()) {
                Optional<CompartmentTable.Entry> e = table.find(r.cmt().get());
                if (e.isEmpty() || e.get().dosing()) {
                    throw Dataset.error(d.source(), r.line(), "CMT", "CMT '" + r.cmt().get() + "' is not an "
                            + "observation compartment of " + model.id() + ": " + table.describe());
                }
            }
        }
        return new Plan(recs, patient, routes);
    }

    /**
     * Refuses a covariate that changes within an ID: parameters are computed once per ID, from its first record, so
     * a later value that differs would be silently ignored. A missing cell (empty or {@code .}) on a later record
     * keeps the first record's value.
     */
    private static void checkConstantCovariates(Dataset d, List<Dataset.Record> recs) {
        Dataset.Record first = recs.get(0);
        for (String column : COVARIATES) {
            String v0 = d.cell(first, column).orElse(null);
            for (int i = 1; i < recs.size(); i++) {
                Dataset.Record r = recs.get(i);
                String v = d.cell(r, column).orElse(null);
                if (v == null || sameValue(v0, v)) {
                    continue;
                }
                throw Dataset.error(d.source(), r.line(), column, column + " changes within ID " + r.id() + " ("
                        + (v0 == null ? "missing" : "'" + v0 + "'") + " on its first record, line " + first.line()
                        + ", '" + v + "' here); time-varying covariates are not supported: covariates are read "
                        + "from each ID's first record, so give one value per ID (or split the ID where the "
                        + "covariate changes)");
            }
        }
    }

    private static boolean sameValue(String a, String b) {
        if (a == null) {
            return false;
        }
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Patient patient(Dataset d, Dataset.Record first) {
        Patient p = Patient.standardAdult();
        for (Map.Entry<String, BiFunction<Patient, String, Patient>> c : COVARIATE_READERS.entrySet()) {
            String v = d.cell(first, c.getKey()).orElse(null);
            if (v == null) {
                continue;
            }
            try {
                p = c.getValue().apply(p, v);
            } catch (InvalidInputException e) {
                // the value as the cell writes it: "1e400", not the "Infinity" read from it
                throw Dataset.error(d.source(), first.line(), c.getKey(), e.writtenAs(v).getMessage());
            }
        }
        return p;
    }

    private static double number(String column, String v) {
        try {
            return Checks.parseDecimal(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, column + " must be a number but was '" + v + "'");
        }
    }

    private Individual run(Plan plan, IndividualModel ind, String source) {
        CompartmentSystem sys = ind.system();
        List<Dataset.Record> recs = plan.records();
        List<double[]> predictions = new ArrayList<>(recs.size());
        Map<Double, double[][]> propagators = new HashMap<>();
        int start = 0;
        for (int i = 1; i <= recs.size(); i++) {
            if (i == recs.size() || recs.get(i).reset()) {
                predictions.addAll(segment(sys, recs.subList(start, i), Arrays.copyOfRange(plan.routes(), start, i),
                        source, propagators));
                start = i;
            }
        }
        return new Individual(predictions, ind.warnings());
    }

    /** Solves the records between two resets, in time relative to the first of them. */
    private List<double[]> segment(CompartmentSystem sys, List<Dataset.Record> recs, Route[] routes, String source,
            Map<Double, double[][]> propagators) {
        double t0 = recs.get(0).timeH();
        double endRel = recs.get(recs.size() - 1).timeH() - t0;
        Schedule.Builder b = Schedule.builder();
        for (int i = 0; i < recs.size(); i++) {
            Dataset.Record r = recs.get(i);
            if (!r.dose()) {
                continue;
            }
            double t = r.timeH() - t0;
            if (r.steadyStateInfusion()) {
                double[] rate = new double[sys.size()];
                double umolPerH = Analyte.KETAMINE.mgToUmol(r.rate());
                for (InputChannel c : sys.route(routes[i]).channels(r.rate())) {
                    checkInstantaneous(c, r, source, routes[i]);
                    if (!c.toSink()) {
                        rate[c.target()] += umolPerH * c.fraction();
                    }
                    b.rate(t + c.lagH(), Math.max(endRel, t + c.lagH()), c.target(), c.toSink(),
                            umolPerH * c.fraction());
                }
                addState(b, t, steadyState(() -> SteadyState.constantInputUmol(sys, rate), source, r));
                continue;
            }
            if (r.steadyState() > 0) {
                Schedule.Builder one = Schedule.builder();
                double ends = addDose(one, sys, r, routes[i], 0, source);
                // an infusion written to fill the interval (RATE = AMT/II) may end a rounding error after it; the
                // dose that would enter after II is then below round-off of the amounts
                if (ends > r.intervalH() * (1 + SS_END_TOLERANCE)) {
                    throw Dataset.error(source, r.line(), "II", "the input of this steady-state dose lasts until "
                            + Checks.fmt(ends) + " h after it is given (lag and infusion), longer than II "
                            + Checks.fmt(r.intervalH()) + " h; give a longer II or a shorter infusion");
                }
                double[] x = steadyState(() -> SteadyState.beforeDoseUmol(sys, solver, one.build(), r.intervalH()),
                        source, r);
                addState(b, t, x);
            }
            for (int k = 0; k <= r.additional(); k++) {
                double tk = t + k * r.intervalH();
                if (tk > endRel && k > 0) {
                    break; // after the last record of the segment: changes no prediction
                }
                addDose(b, sys, r, routes[i], tk, source);
            }
        }
        double[] times = new double[recs.size()];
        int[] at = new int[recs.size()];
        int n = 0;
        for (int i = 0; i < recs.size(); i++) {
            double t = recs.get(i).timeH() - t0;
            if (n == 0 || t > times[n - 1]) {
                times[n++] = t;
            }
            at[i] = n - 1;
        }
        Solution sol = solver.solve(sys, b.build(), TimeGrid.of(Arrays.copyOf(times, n)));
        List<Analyte> analytes = analytes();
        List<double[]> out = new ArrayList<>(recs.size());
        for (int i = 0; i < recs.size(); i++) {
            double[] p = new double[analytes.size()];
            for (int a = 0; a < p.length; a++) {
                CompartmentSystem.Observation o = sys.observations().get(analytes.get(a));
                p[a] = o == null ? Double.NaN : analytes.get(a).umolPerLToNgPerMl(
                        sol.amount(at[i], o.compartment()) / o.volumeL());
            }
            out.add(p);
        }
        return out;
    }

    private static double[] steadyState(java.util.function.Supplier<double[]> f, String source, Dataset.Record r) {
        try {
            return f.get();
        } catch (InvalidInputException e) {
            throw Dataset.error(source, r.line(), "SS", e.getMessage());
        }
    }

    private static void addState(Schedule.Builder b, double t, double[] x) {
        for (int j = 0; j < x.length; j++) {
            b.bolus(t, j, false, x[j]);
        }
    }

    /**
     * Adds one dose at relative time {@code t}.
     *
     * @return the time after {@code t} by which all of it has entered, h
     */
    private double addDose(Schedule.Builder b, CompartmentSystem sys, Dataset.Record r, Route route, double t,
            String source) {
        double umol = Analyte.KETAMINE.mgToUmol(r.amountMg());
        double infusionH = r.rate() > 0 ? r.amountMg() / r.rate() : r.rate() == -2 ? r.durationH().getAsDouble() : 0;
        List<InputChannel> channels = sys.route(route).channels(r.amountMg());
        if (r.rate() == -1 && channels.stream().noneMatch(c -> c.durationH() > 0)) {
            throw Dataset.error(source, r.line(), "RATE", "RATE -1 asks for an input rate set by the model, but "
                    + model.id() + " sets none for the " + route.longName() + " route; give RATE > 0 (mg/h), "
                    + "RATE -2 with DUR (h), or RATE 0");
        }
        double ends = 0;
        for (InputChannel c : channels) {
            double s = t + c.lagH();
            double part = umol * c.fraction();
            if (infusionH > 0) {
                checkInstantaneous(c, r, source, route);
                b.rate(s, s + infusionH, c.target(), c.toSink(), part / infusionH);
                ends = Math.max(ends, c.lagH() + infusionH);
            } else if (c.durationH() > 0) {
                b.rate(s, s + c.durationH(), c.target(), c.toSink(), part / c.durationH());
                ends = Math.max(ends, c.lagH() + c.durationH());
            } else {
                b.bolus(s, c.target(), c.toSink(), part);
                ends = Math.max(ends, c.lagH());
            }
        }
        return ends;
    }

    private void checkInstantaneous(InputChannel c, Dataset.Record r, String source, Route route) {
        if (c.durationH() > 0) {
            throw Dataset.error(source, r.line(), "RATE", "RATE " + Checks.fmt(r.rate()) + " sets an infusion, "
                    + "but " + model.id() + " sets its own zero-order input for the " + route.longName()
                    + " route; give RATE 0 or -1");
        }
    }
}
