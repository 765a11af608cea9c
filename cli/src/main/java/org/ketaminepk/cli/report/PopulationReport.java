package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.PatientMetrics;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.Summary;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * A population run of {@code simulate} as the command line reports it: the typical patient's run (its regimen, notes
 * and dose marks), the virtual population's outcome, where the covariates and the variability come from, and the
 * probabilities reported. Immutable. Not a dosing device: the numbers describe a model's population, not a person.
 *
 * @param typical the run of the typical patient of the patient options
 * @param outcome the population's metrics and percentile bands
 * @param grid the grid the metrics are read on
 * @param covariates where the covariates come from, in words, or null when every patient is the typical one
 * @param probabilities the probabilities reported, in order
 */
public record PopulationReport(Run typical, PopulationOutcome outcome, TimeGrid grid, String covariates,
        List<Probability> probabilities) {

    /** The percentiles of the bands: the chart's 90 % and 50 % ranges and the median. */
    static final double[] BAND_PERCENTILES = {5, 25, 50, 75, 95};
    /** Most display points of the bands; finer grids are thinned to at most this many. */
    static final int DISPLAY_POINTS = 2001;
    /** Round steps of the bands' grid, finest first, h: 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7 d. */
    static final double[] DISPLAY_STEPS_H = {1.0 / 60, 2.0 / 60, 5.0 / 60, 10.0 / 60, 0.25, 0.5, 1, 2, 3, 6, 12, 24,
        48, 168};
    /**
     * Largest miss of a peak or trough of the typical patient's curve by the bands' round grid, as a fraction of the
     * analyte's highest concentration, before its time is added to that grid ({@link #displayGrid(TimeGrid, Profile)}).
     */
    static final double MISSED_FRACTION = 0.01;
    /** Most passes of {@link #displayGrid(TimeGrid, Profile)} over the typical patient's curves. */
    private static final int REFINE_ROUNDS = 4;
    /** Default threshold of "hours in the band at least", h. */
    public static final double DEFAULT_HOURS_IN_BAND = 1;

    /**
     * One distribution reported: a metric of one analyte over the patients.
     *
     * @param metric reads the metric from one patient's metrics, in {@code unit}
     */
    record MetricRow(Analyte analyte, String name, String key, String unit, ToDoubleFunction<AnalyteMetrics> metric,
            Summary summary) {
    }

    /**
     * Checks, before anything is simulated, that the model has variability to draw from, and applies the user's.
     *
     * @param model the model
     * @param iiv the user's variability, or null
     * @return the variability to draw from
     * @throws InvalidInputException when there is none, naming {@code --iiv}
     */
    public static VariabilityModel variability(PublishedModel model, VariabilitySpec iiv) {
        VariabilityModel published = VariabilityModel.published(model);
        if (iiv == null) {
            if (published.isEmpty()) {
                throw new InvalidInputException("iiv", "model " + model.id() + " publishes no between-patient "
                        + "variability; give one with --iiv (e.g. --iiv \"CL=30%,V1=40%\"), which is then labelled a "
                        + "user assumption, or choose a model that publishes it (see 'ketamine-pk models')");
            }
            return published;
        }
        try {
            // the library refuses a CV on a parameter that is not above 0, or whose occasion effect is on the logit
            // scale, before anything is drawn
            return published.withAssumed(iiv);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("iiv", "--iiv: " + e.getMessage());
        }
    }

    /**
     * Simulates the population on all processors.
     *
     * @param typical the typical patient's run
     * @param patients the virtual patients
     * @param grid the metrics grid
     * @param seed the seed
     * @param variability from {@link #variability}
     * @param observedLike whether the bands carry the published residual error
     * @param asks the probabilities asked for; none gives the defaults
     * @param covariates where the covariates come from, or null
     * @param progress told of the tasks as they finish
     * @return the report
     */
    public static PopulationReport simulate(Run typical, List<Patient> patients, TimeGrid grid, long seed,
            VariabilityModel variability, boolean observedLike, List<PopulationOptions.Ask> asks, String covariates,
            Progress progress) {
        refuseUnanswerable(asks, grid.endH(), typical.model());
        PopulationSimulation sim = PopulationSimulation.of(typical.model(), patients, typical.regimen(), grid, seed)
                .withVariability(variability).withBands(typical.band())
                .withPercentileBands(displayGrid(grid, typical.result().profile()), BAND_PERCENTILES)
                .withObservedLike(observedLike);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "population");
                    t.setDaemon(true);
                    return t;
                });
        PopulationOutcome outcome = null;
        try {
            outcome = sim.run(progress.wrap(pool));
        } catch (InvalidInputException e) {
            if ("observed-like".equals(e.field())) {
                throw new InvalidInputException("observed-like", "--observed-like: " + e.getMessage());
            }
            throw assumedTooWide(variability, e);
        } finally {
            pool.shutdownNow();
            progress.finish(outcome == null);
        }
        return new PopulationReport(typical, outcome, grid, covariates, probabilities(typical, outcome, asks));
    }

    /**
     * A model that refuses a parameter value drawn for one virtual patient names the parameter, not the option that
     * made it vary: when the user's --iiv did, the error says so and what to change.
     */
    private static InvalidInputException assumedTooWide(VariabilityModel variability, InvalidInputException e) {
        // "fraction": a dose's share the model routes to one place, as the engine checks it
        boolean drawnParameter = "bioavailability".equals(e.field()) || "fraction".equals(e.field())
                || variability.model().parameters().stream().anyMatch(p -> p.name().equals(e.field()));
        if (!variability.hasUserAssumptions() || !drawnParameter) {
            return e;
        }
        String assumed = String.join(", ", variability.terms().stream()
                .filter(t -> t.origin() == VariabilityModel.Origin.USER_ASSUMPTION)
                .map(t -> t.parameter() + " CV " + Text.sig(t.cvPercent(), 3) + " %").toList());
        return new InvalidInputException("iiv", "--iiv " + assumed + ": a virtual patient drawn with it is outside "
                + "what " + variability.model().id() + " allows: " + e.getMessage() + "; give a smaller CV");
    }

    /**
     * The grid of the bands: {@link #displayGrid(TimeGrid)}, and where that thins the metrics grid, also the times of
     * the typical patient's peaks and troughs that its round step misses by more than {@value #MISSED_FRACTION} of
     * the analyte's highest concentration. A round step catches an infusion's end, but not the peak an hour after a
     * swallowed dose: 2-h steps over a 160-day course of oral doses every 8 h showed ketamine's median band at 22
     * ng/mL where every patient peaks at 52. The bands then meet the curves where the typical patient turns, which
     * the other patients do at about the same times. At most {@value PopulationSimulation#MAX_DISPLAY_POINTS} times
     * in all: when more are missed, those missed by most are kept. The same inputs give the same grid.
     *
     * @param grid the metrics grid
     * @param typical the typical patient's profile on it
     * @return the grid of the bands
     */
    static TimeGrid displayGrid(TimeGrid grid, Profile typical) {
        TimeGrid base = displayGrid(grid);
        return base == grid ? grid : withTurns(base, typical);
    }

    /**
     * {@code base} and the times of the peaks and troughs of {@code typical} that it misses by more than
     * {@value #MISSED_FRACTION} of the analyte's highest concentration, at most
     * {@value PopulationSimulation#MAX_DISPLAY_POINTS} times in all ({@link #displayGrid(TimeGrid, Profile)}).
     *
     * @param base the times the bands are read at anyway
     * @param typical the typical patient's profile, over the same span on a grid at least as fine
     * @return {@code base} itself when it misses none
     */
    public static TimeGrid withTurns(TimeGrid base, Profile typical) {
        Checks.notNull("base", base);
        Checks.notNull("typical", typical);
        double[] times = base.times();
        if (times.length < 2) {
            // no line to miss a turn by
            return base;
        }
        // a time added between two others moves the line that the extrema next to it are measured against: again
        // until none is missed (twice for regular doses: a peak, then the trough beside it)
        for (int round = 0; round < REFINE_ROUNDS; round++) {
            List<double[]> missed = missed(times, typical);
            int room = PopulationSimulation.MAX_DISPLAY_POINTS - times.length;
            if (missed.isEmpty() || room <= 0) {
                break;
            }
            if (missed.size() > room) {
                missed.sort((u, v) -> Double.compare(v[1], u[1]));
                missed = missed.subList(0, room);
            }
            double[] all = Arrays.copyOf(times, times.length + missed.size());
            for (int i = 0; i < missed.size(); i++) {
                all[times.length + i] = missed.get(i)[0];
            }
            Arrays.sort(all);
            times = all;
        }
        return times.length == base.size() ? base : TimeGrid.of(times);
    }

    /**
     * @return the times of the peaks and troughs of {@code typical} that the line through its values at
     *         {@code times} misses by more than {@value #MISSED_FRACTION} of the analyte's highest concentration,
     *         each with the miss, ng/mL; none that is one of {@code times}
     */
    private static List<double[]> missed(double[] times, Profile typical) {
        List<double[]> missed = new ArrayList<>();
        for (Analyte a : typical.analytes()) {
            Series s = typical.series(a);
            double[] t = s.timesH();
            double[] y = s.ngPerMl();
            double top = s.cmaxNgPerMl();
            // the grids share their span: the line's ends are read within the series
            int k = 0;
            for (int i = 1; i + 1 < t.length; i++) {
                boolean peak = y[i] > y[i - 1] && y[i] >= y[i + 1];
                boolean trough = y[i] < y[i - 1] && y[i] <= y[i + 1];
                if (!peak && !trough) {
                    continue;
                }
                while (k + 2 < times.length && times[k + 1] <= t[i]) {
                    k++;
                }
                if (times[k] == t[i] || times[k + 1] == t[i]) {
                    continue;
                }
                double left = s.ngPerMlAt(times[k]);
                double right = s.ngPerMlAt(times[k + 1]);
                double shown = left + (right - left) * (t[i] - times[k]) / (times[k + 1] - times[k]);
                double miss = Math.abs(y[i] - shown);
                if (miss > MISSED_FRACTION * top && (missed.isEmpty() || missed.get(missed.size() - 1)[0] != t[i])) {
                    missed.add(new double[] {t[i], miss});
                }
            }
        }
        // a time both analytes turn at counts once
        missed.sort((u, v) -> Double.compare(u[0], v[0]));
        List<double[]> distinct = new ArrayList<>();
        for (double[] m : missed) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1)[0] != m[0]) {
                distinct.add(m);
            } else if (m[1] > distinct.get(distinct.size() - 1)[1]) {
                distinct.set(distinct.size() - 1, m);
            }
        }
        return distinct;
    }

    /**
     * @return the round grid of the bands: the metrics grid when it has at most {@value #DISPLAY_POINTS} points, else
     *         a uniform grid with the finest round step ({@link #DISPLAY_STEPS_H}) that keeps within that many points,
     *         so that doses given on the minute, the hour or the day fall on it and the bands reach each
     *         infusion's peak (a uniform grid also lets the solver reuse one step operator)
     */
    static TimeGrid displayGrid(TimeGrid grid) {
        if (grid.size() <= DISPLAY_POINTS) {
            return grid;
        }
        for (double step : DISPLAY_STEPS_H) {
            if (grid.endH() / step + 1 <= DISPLAY_POINTS) {
                return TimeGrid.uniform(grid.endH(), step);
            }
        }
        return TimeGrid.uniform(grid.endH(), grid.endH() / (DISPLAY_POINTS - 1));
    }

    /**
     * Refuses, before anything is simulated, a probability the run cannot answer: hours in the band beyond the
     * simulated time (no patient can spend them there, so it would print 0 %), or the Cmax of an analyte the model
     * does not predict.
     *
     * @param asks the probabilities asked for
     * @param runEndH the simulated time, h
     * @param model the run's model
     * @throws InvalidInputException naming {@code --probability}, the value, its unit and the valid range
     */
    static void refuseUnanswerable(List<PopulationOptions.Ask> asks, double runEndH, PublishedModel model) {
        for (PopulationOptions.Ask a : asks) {
            if (a.hoursInBand() && a.value() > runEndH) {
                throw new InvalidInputException("probability", "--probability hours>=" + Checks.fmt(a.value())
                        + ": " + Checks.fmt(a.value()) + " h is longer than the simulated " + Checks.fmt(runEndH)
                        + " h; give H above 0 and at most " + Checks.fmt(runEndH) + " h (or a longer --duration)");
            }
            if (!a.hoursInBand() && !model.analytes().contains(a.analyte())) {
                throw new InvalidInputException("probability", "--probability asks for " + a.analyte().label()
                        + ", which model " + model.id() + " does not predict");
            }
        }
    }

    private static List<Probability> probabilities(Run typical, PopulationOutcome o,
            List<PopulationOptions.Ask> asks) {
        List<PopulationOptions.Ask> all = new ArrayList<>(asks);
        double high = typical.band().highNgPerMl();
        if (all.isEmpty()) {
            all.add(new PopulationOptions.Ask(Analyte.KETAMINE, high));
            all.add(new PopulationOptions.Ask(null, DEFAULT_HOURS_IN_BAND));
            all.add(new PopulationOptions.Ask(Analyte.NORKETAMINE, high));
        }
        List<Probability> out = new ArrayList<>();
        for (PopulationOptions.Ask a : all) {
            if (a.hoursInBand()) {
                out.add(o.probabilityTimeInBandAtLeast(Analyte.KETAMINE, typical.band(), a.value()));
            } else if (typical.model().analytes().contains(a.analyte())) {
                // a default the model does not predict is left out; one asked for was refused before the run
                out.add(o.probabilityCmaxAbove(a.analyte(), a.value()));
            }
        }
        return out;
    }

    /** @return the distributions reported: Cmax, Tmax and AUC of each analyte, and ketamine's hours in the band */
    List<MetricRow> metricRows() {
        List<MetricRow> rows = new ArrayList<>();
        String auc = "AUC 0–" + Checks.fmt(grid.endH()) + " h";
        for (Analyte a : typical.model().analytes()) {
            rows.add(row(a, "Cmax", "cmax", "ng/mL", AnalyteMetrics::cmaxNgPerMl));
            if (anyPeak(a)) {
                // without a peak (every dose after the end) Tmax would be the end of the run for everyone
                rows.add(row(a, "Tmax", "tmax", "h", AnalyteMetrics::tmaxH));
            }
            rows.add(row(a, auc, "auc", "ng·h/mL", AnalyteMetrics::aucNgHPerMl));
            if (a == Analyte.KETAMINE) {
                rows.add(row(a, "hours in " + typical.band().label(), "hours_in_band", "h",
                        m -> m.timeInBandH(typical.band())));
            }
        }
        return rows;
    }

    /** @return whether any patient's curve of {@code a} rises above 0 ({@link AnalyteMetrics#hasPeak()}) */
    private boolean anyPeak(Analyte a) {
        for (PatientMetrics p : outcome.patients()) {
            AnalyteMetrics m = p.analytes().get(a);
            if (m != null && m.hasPeak()) {
                return true;
            }
        }
        return false;
    }

    private MetricRow row(Analyte a, String name, String key, String unit, ToDoubleFunction<AnalyteMetrics> f) {
        return new MetricRow(a, name, key, unit, f, outcome.summary(a, f, 5, 50, 95));
    }

    /** One distinct warning and how many patients drew it. */
    record WarningCount(Warning warning, int patients) {
    }

    /**
     * @return each distinct warning with the number of patients who drew it, in order of first appearance; a
     *         fraction capped at 1 is one warning per parameter, not one per sampled value
     */
    List<WarningCount> warnings() {
        Map<Warning, Integer> counts = new LinkedHashMap<>();
        for (PatientMetrics p : outcome.patients()) {
            for (Warning w : new LinkedHashSet<>(p.warnings())) {
                if (w.kind() != Warning.Kind.FRACTION_CAPPED) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<WarningCount> out = new ArrayList<>();
        for (PopulationOutcome.CappedFraction c : outcome.cappedFractions()) {
            out.add(new WarningCount(Warning.text(Warning.Code.ASSUMPTION, c.parameter() + " capped at 1: its "
                    + "log-normal random effect drew it above 1"), c.patients()));
        }
        counts.forEach((w, n) -> out.add(new WarningCount(w, n)));
        return out;
    }

    /** @return the percentile bands (always asked for) */
    PercentileBands bands() {
        return outcome.percentileBands().orElseThrow();
    }

    /** @return how many patients' metrics were all found exactly between input changes, not read on the grid */
    public int exactPatients() {
        int n = 0;
        for (org.ketaminepk.PatientMetrics m : outcome.patients()) {
            boolean exact = true;
            for (org.ketaminepk.result.AnalyteMetrics a : m.analytes().values()) {
                exact &= a.exact();
            }
            n += exact ? 1 : 0;
        }
        return n;
    }

    /**
     * @return how the metrics were found: exactly for every patient, on the grid for every one, or which share; the
     *         grid is used where the solution needs the dense scheme (equal-rate chains, nearly equal rates)
     */
    public String metricsMethod() {
        int exact = exactPatients();
        int all = outcome.size();
        String grid = this.grid.stepH().isEmpty() ? "read on the output grid"
                : "read on the output grid (" + Text.step(this.grid.stepH().getAsDouble()) + " steps)";
        if (exact == all) {
            return "Cmax, Tmax and hours in a band are exact for every patient: found on the continuous curve "
                    + "between inputs, not read on the output grid.";
        }
        if (exact == 0) {
            return "Cmax, Tmax and hours in a band are " + grid + " for every patient: this model's solution needs "
                    + "the dense solver (rates that are equal, as in a transit chain, or nearly so), for which exact "
                    + "metrics are not built. AUC is exact.";
        }
        return "Cmax, Tmax and hours in a band are exact for " + Text.count(exact) + " of " + Text.count(all)
                + " patients; for the other " + Text.count(all - exact) + " they are " + grid + ", because their "
                + "rates nearly coincide and the dense solver is used. AUC is exact.";
    }

    /** @return "1,000 virtual patients" */
    public String patientsLabel() {
        return Text.count(outcome.size()) + (outcome.size() == 1 ? " virtual patient" : " virtual patients");
    }

    /**
     * @return which parameters vary and whose variability it is, e.g. "variability: CL, V1 published by Flint et
     *         al. 2017", "variability: Vn, CLn borrowed from Otto 2021" or "variability: user assumption CL CV 30 %"
     */
    public String variabilityLabel() {
        return variabilityLabel(outcome.variability());
    }

    /**
     * @param v the variability a population was drawn from
     * @return which parameters vary and whose variability it is ({@link #variabilityLabel()})
     */
    public static String variabilityLabel(VariabilityModel v) {
        List<String> published = new ArrayList<>();
        Map<String, List<String>> borrowed = new LinkedHashMap<>();
        List<String> assumed = new ArrayList<>();
        List<VariabilityModel.Term> all = new ArrayList<>(v.terms());
        all.addAll(v.occasionTerms());
        for (VariabilityModel.Term t : all) {
            switch (t.origin()) {
                case USER_ASSUMPTION -> assumed.add(t.parameter() + " CV " + Text.sig(t.cvPercent(), 3) + " %");
                case BORROWED -> {
                    Matcher m = BORROWED_FROM.matcher(t.source());
                    String from = m.find() ? m.group(1) : "another published model";
                    List<String> ps = borrowed.computeIfAbsent(from, k -> new ArrayList<>());
                    if (!ps.contains(t.parameter())) {
                        ps.add(t.parameter());
                    }
                }
                default -> {
                    if (!published.contains(t.parameter())) {
                        published.add(t.parameter());
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (!published.isEmpty()) {
            parts.add(names(published) + " published by " + shortCitation(v.model().citation()));
        }
        for (Map.Entry<String, List<String>> e : borrowed.entrySet()) {
            parts.add(names(e.getValue()) + " borrowed from " + e.getKey());
        }
        if (!assumed.isEmpty()) {
            parts.add("user assumption " + String.join(", ", assumed));
        }
        return "variability: " + String.join("; ", parts);
    }

    /** @return up to four parameter names, or how many there are */
    private static String names(List<String> parameters) {
        return parameters.size() <= 4 ? String.join(", ", parameters) : parameters.size() + " parameters";
    }

    /** The source model named in a borrowed term's source ("borrowed from Otto 2021 (...)"). */
    private static final Pattern BORROWED_FROM = Pattern.compile("borrowed from (\\p{Lu}[\\p{L}-]+ \\d{4})");

    /** @return "Flint et al. 2017" */
    static String shortCitation(Citation c) {
        String[] authors = c.authors().split(",\\s*");
        String first = authors[0].replaceFirst("\\s+et al\\.?$", "").replaceFirst("\\s+[A-Z]{1,3}$", "");
        return first + (authors.length > 1 ? " et al. " : " ") + c.year();
    }

    /** @return the chart's subtitle: model, patients, seed, whose variability, and whether values are observed-like */
    public String subtitle() {
        return String.format(Locale.ROOT, "%s · %s, seed %d · %s%s", typical.model().id(), patientsLabel(),
                outcome.seed(), variabilityLabel(), bands().observedLike() ? " · with residual error (observed-like)"
                        : "");
    }

    /** @return the notes beside every output: the assumption, the covariates, the typical run's notes */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        if (outcome.userAssumption()) {
            out.add("between-patient variability is partly or wholly a user assumption (--iiv), not published for "
                    + "model " + typical.model().id());
        }
        String thin = fewPatientsNote();
        if (!thin.isEmpty()) {
            out.add(thin);
        }
        String refined = refinedBandsNote();
        if (!refined.isEmpty()) {
            out.add(refined);
        }
        if (bands().observedLike()) {
            out.add("observed-like: the percentile bands carry each analyte's published residual error; the "
                    + "distributions, probabilities and per-patient values are of the predictions");
        }
        for (Analyte a : flatAnalytes()) {
            out.add(noVariabilityNote(a, outcome.variability()) + " and its band has no width");
        }
        out.add(covariates != null ? covariates : "every virtual patient has the covariates of " + Text.patient(
                typical.patient()) + "; only the model's random effects differ");
        for (String n : typical.notes()) {
            // the typical patient's "exact" holds for the population only when every patient's metrics were exact
            // (a patient whose rates nearly coincide is read on the grid): otherwise the population's own account
            out.add(n.equals(Run.EXACT_NOTE) && exactPatients() < outcome.size() ? metricsMethod() : n);
        }
        return out;
    }

    /**
     * @return where the bands were read beyond their round grid ({@link #displayGrid(TimeGrid, Profile)}), e.g.
     *         "percentile bands read every 2 h and at 960 times between, where the typical patient's curves peak or
     *         fall lowest", or an empty string when at the round grid's times alone
     */
    String refinedBandsNote() {
        TimeGrid round = displayGrid(grid);
        int added = bands().timesH().length - round.size();
        if (added <= 0) {
            return "";
        }
        return "percentile bands read every " + Text.step(round.stepH().orElseThrow()) + " and at " + Text.count(added)
                + " times between, where the typical patient's curves peak or fall lowest (another patient's own "
                + "peak may fall elsewhere)";
    }

    /**
     * @return which percentiles are left out for too few patients ({@link PercentileSupport}) and where, e.g. "90 %
     *         band not drawn: 12 patients, at least 20 needed; the 5th and 95th percentiles are left out of the
     *         distributions and of --csv and --json (empty cells, null)", or an empty string when none is
     */
    public String fewPatientsNote() {
        int n = outcome.size();
        String bands = PercentileSupport.bandsNotDrawn(n);
        if (bands.isEmpty()) {
            return "";
        }
        return bands + "; the 5th" + (PercentileSupport.shown(25, n) ? " and 95th" : ", 25th, 75th and 95th")
                + " percentiles are left out of the distributions and of --csv and --json (empty cells, null)";
    }

    /**
     * @param a an analyte no between-patient variability reaches ({@link #flatAnalytes(PopulationOutcome)})
     * @param v the variability the population was drawn from
     * @return e.g. "ketamine: no between-patient variability reaches it (variability: Vn, CLn borrowed from Otto
     *         2021), so every virtual patient has the same ketamine curve", for the caller to finish
     */
    public static String noVariabilityNote(Analyte a, VariabilityModel v) {
        return a.label() + ": no between-patient variability reaches it (" + variabilityLabel(v) + "), so every "
                + "virtual patient has the same " + a.label() + " curve";
    }

    /** @return the analytes whose outermost percentile bands coincide at every time: no variability reaches them */
    List<Analyte> flatAnalytes() {
        return flatAnalytes(outcome);
    }

    /**
     * @param outcome a population run with percentile bands
     * @return the analytes of its model whose outermost percentile bands coincide at every time, within the bands'
     *         accuracy: no between-patient variability reaches them; none without bands or with one patient
     */
    public static List<Analyte> flatAnalytes(PopulationOutcome outcome) {
        List<Analyte> out = new ArrayList<>();
        PercentileBands b = outcome.percentileBands().orElse(null);
        if (b == null || outcome.size() < 2) {
            return out;
        }
        double[] p = b.percentiles();
        double lo = Arrays.stream(p).min().orElse(0);
        double hi = Arrays.stream(p).max().orElse(0);
        for (Analyte a : outcome.model().analytes()) {
            double[] low = b.ngPerMl(a, lo);
            double[] high = b.ngPerMl(a, hi);
            boolean flat = true;
            for (int t = 0; t < low.length && flat; t++) {
                // within the bands' own stated accuracy of each other
                flat = Math.abs(high[t] - low[t]) <= 2 * b.relativeAccuracy() * Math.abs(high[t]);
            }
            if (flat) {
                out.add(a);
            }
        }
        return out;
    }

    /** Reports progress of the population's tasks; on a terminal it writes a line to standard error. */
    public static final class Progress {
        private final CountedProgress shown;
        private final AtomicInteger submitted = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final int series;
        /** Populations wrapped so far: the one running is the last. */
        private final AtomicInteger started = new AtomicInteger();

        /**
         * @param err where to write, or null for silence (not a terminal)
         * @param patients the population's size, for the message
         * @param clockNanos the clock
         */
        Progress(PrintWriter err, int patients, LongSupplier clockNanos) {
            this(err, patients, 1, clockNanos);
        }

        /**
         * @param series how many populations of {@code patients} run one after another, each through its own
         *        {@link #wrap}
         */
        Progress(PrintWriter err, int patients, int series, LongSupplier clockNanos) {
            this.series = Math.max(1, series);
            this.shown = new CountedProgress(err, "simulating " + Text.count(patients) + " virtual patients"
                    + (this.series > 1 ? " × " + this.series + " series" : ""), clockNanos);
        }

        /**
         * @param err standard error
         * @param terminal whether standard error is a terminal ({@link Terminal#stderr()})
         * @param patients the population's size
         * @return progress that writes only on a terminal
         */
        public static Progress on(PrintWriter err, boolean terminal, int patients) {
            return new Progress(terminal ? err : null, patients, System::nanoTime);
        }

        /**
         * @param err standard error
         * @param terminal whether standard error is a terminal ({@link Terminal#stderr()})
         * @param patients the size of each population
         * @param series how many populations run one after another (one per compared series)
         * @return progress over all of them that writes only on a terminal
         */
        public static Progress on(PrintWriter err, boolean terminal, int patients, int series) {
            return new Progress(terminal ? err : null, patients, series, System::nanoTime);
        }

        /** Starts the next population: the tasks of the one before have all finished. */
        Executor wrap(Executor e) {
            if (started.incrementAndGet() > 1) {
                submitted.set(0);
                done.set(0);
            }
            return task -> {
                submitted.incrementAndGet();
                e.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        tick(done.incrementAndGet());
                    }
                });
            };
        }

        private void tick(int finished) {
            // the populations before the running one are complete
            long before = Math.min(series, started.get()) - 1;
            long tasks = Math.max(1, submitted.get());
            shown.update((int) (before * tasks + Math.min(finished, tasks)), (int) (series * tasks));
        }

        /** Clears the line once the last population has finished. */
        void finish() {
            finish(false);
        }

        /** @param failed whether the run stopped on a failure: the line is cleared before the message */
        void finish(boolean failed) {
            if (failed || started.get() >= series) {
                shown.finish();
            }
        }
    }
}
