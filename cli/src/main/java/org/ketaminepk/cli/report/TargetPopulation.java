package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.result.Band;
import org.ketaminepk.target.TargetAttainment;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;

/**
 * A typical patient's pump schedule given to a virtual population, as {@code target --population} reports it: the
 * population run of {@code simulate --population} on that schedule (bands, distributions, probabilities) and how far
 * each patient ends up from the target at the end of every target step ({@link TargetAttainment}). The bands are read
 * at the pump updates (every k-th update when there are more than {@value PopulationReport#DISPLAY_POINTS}), so they
 * line up with the rows of the target CSV. Immutable.
 *
 * @param population the population run
 * @param attainment the distance from the target at the end of each step
 * @param rows the indices of the plan's update times the bands are read at
 */
public record TargetPopulation(PopulationReport population, TargetAttainment attainment, int[] rows) {
    /** Copies the rows. */
    public TargetPopulation {
        rows = rows.clone();
    }

    /** @return the indices of the plan's update times the bands are read at (a copy) */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /**
     * Simulates the population on the plan's schedule, on all processors.
     *
     * @param plan the typical patient's plan
     * @param model the model
     * @param typical the typical patient (whose plan it is)
     * @param patients the virtual patients, from {@link PopulationOptions#patients}
     * @param o the population options (already checked)
     * @param variability from {@link PopulationReport#variability}
     * @param progress told of the tasks as they finish
     * @return the report
     */
    public static TargetPopulation simulate(TargetPlan plan, PublishedModel model, Patient typical,
            List<Patient> patients, PopulationOptions o, VariabilityModel variability,
            PopulationReport.Progress progress) {
        int[] rows = rows(plan.timesH().length);
        double[] t = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = plan.timesH()[rows[i]];
        }
        TimeGrid grid = TimeGrid.of(t);
        double top = plan.schedule().maxTargetNgPerMl();
        Band band = Band.within(top * (1 - TargetAttainment.NEAR_FRACTION), top * (1 + TargetAttainment.NEAR_FRACTION));
        String bandSource = String.format(Locale.ROOT, "±%s %% of the highest target, %s ng/mL",
                Checks.fmt(TargetAttainment.NEAR_FRACTION * 100), Checks.fmt(top));
        Run run = Run.simulate("", model, typical, null, plan.regimen(), grid, band, bandSource, null);
        PopulationReport report = PopulationReport.simulate(run, patients, grid, o.seedOrDefault(), variability,
                o.observedLike, o.probabilities, o.covariateSource(), progress);
        PopulationSimulation sim = PopulationSimulation.of(model, patients, plan.regimen(), grid, o.seedOrDefault())
                .withVariability(variability);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread th = new Thread(r, "target-population");
                    th.setDaemon(true);
                    return th;
                });
        try {
            return new TargetPopulation(report, TargetAttainment.of(plan, sim, pool), rows);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return indices 0, k, 2k, ... and the last, with k the smallest stride that keeps within the display points */
    static int[] rows(int n) {
        int k = Math.max(1, (int) Math.ceil((n - 1) / (double) (PopulationReport.DISPLAY_POINTS - 1)));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i += k) {
            out.add(i);
        }
        if (out.get(out.size() - 1) != n - 1) {
            out.add(n - 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Writes one row per virtual patient, as {@code simulate --population-csv} does. */
    public void writePatientsCsv(Writer out) throws IOException {
        PopulationFiles.patientsCsv(out, population);
    }

    /** @return the percentile bands */
    public PercentileBands bands() {
        return population.bands();
    }

    /** @return what was measured against the target, e.g. "plasma ketamine" */
    public String measured() {
        return attainment.mode() == TargetController.Mode.EFFECT_SITE ? "effect-site ketamine" : "plasma ketamine";
    }

    /** Prints the distance from the target, then the population's distributions, probabilities and notes. */
    public void writeText(PrintWriter w) {
        w.println();
        Text.hanging(w, "", headline(), 100);
        w.println();
        for (String line : attainmentLines()) {
            w.println(line);
        }
        SummaryText.wrapped(w, "  ", "median in % of the target; shares of patients with the 95 % interval of the "
                + "Monte-Carlo estimate in brackets; the ±" + Checks.fmt(TargetAttainment.NEAR_FRACTION * 100) + " % band and the "
                + Checks.fmt(TargetAttainment.HIGH_FACTOR) + " × overshoot are reporting conventions, not clinical "
                + "limits; the spread is the model's between-patient variability on a schedule computed for the "
                + "typical patient");
        w.println();
        PopulationText.body(w, population);
    }

    /** @return who was given the schedule, e.g. "The same pump schedule given to 200 virtual patients (seed 1; ...):" */
    public String headline() {
        PopulationReport r = population;
        return "The same pump schedule given to " + r.patientsLabel() + " (seed " + r.outcome().seed() + "; "
                + (r.covariates() != null ? r.covariates() : "each " + Text.patient(r.typical().patient())) + "):";
    }

    /** @return the distance from the target at the end of each step: a title line, then the table's lines */
    public List<String> attainmentLines() {
        List<String> lines = new ArrayList<>();
        // one line of at most 100 columns, in the terminal and in the explorer alike
        lines.add(String.format(Locale.ROOT, "Distance from the target at the end of each step (%s, no residual "
                + "error):", measured()));
        Text.Table t = new Text.Table(true, "target", "at", "median, ng/mL", "5th–95th, ng/mL", "within ±"
                + Checks.fmt(TargetAttainment.NEAR_FRACTION * 100) + " %", "above " + Checks.fmt(
                        TargetAttainment.HIGH_FACTOR) + " ×");
        for (TargetAttainment.Step s : attainment.steps()) {
            double target = s.step().targetNgPerMl();
            t.row(Checks.fmt(target) + " ng/mL", Text.clock(s.atH()), Text.sig(s.ratio().median() * target, 4) + " ("
                    + Text.sig(s.ratio().median() * 100, 3) + " %)", !PercentileSupport.shown(5, patients()) ? "–"
                    : Text.sig(s.ratio().percentile(5) * target, 4) + "–" + Text.sig(s.ratio().percentile(95) * target,
                    4), share(s.within()), share(s.above()));
        }
        lines.addAll(t.render(2));
        return lines;
    }

    private static String share(Probability p) {
        return String.format(Locale.ROOT, "%.1f %% (%.1f–%.1f)", 100 * p.fraction(), 100 * p.lower95(),
                100 * p.upper95());
    }

    /** @return the number of virtual patients */
    private int patients() {
        return population.outcome().size();
    }

    /** @return the CSV header of the band columns, each preceded by a comma */
    public String csvHeader() {
        StringBuilder b = new StringBuilder();
        PercentileBands bands = bands();
        for (Analyte a : population.typical().model().analytes()) {
            for (double p : bands.percentiles()) {
                b.append(',').append(PopulationFiles.bandColumn(a, p));
            }
        }
        return b.toString();
    }

    /** @return the band values of the {@code i}-th band time, each preceded by a comma */
    public String csvCells(int i) {
        StringBuilder b = new StringBuilder();
        PercentileBands bands = bands();
        for (Analyte a : population.typical().model().analytes()) {
            for (double p : bands.percentiles()) {
                // a percentile of too few patients is left out (PercentileSupport)
                b.append(',').append(PercentileSupport.shown(p, patients()) ? CsvOutput.number(bands.ngPerMl(a, p)[i])
                        : "");
            }
        }
        return b.toString();
    }

    /** Writes the {@code population} and {@code attainment} fields into the object {@code g} is in. */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("population");
        PopulationFiles.fields(g, population);
        g.writeEndObject();
        g.writeObjectFieldStart("attainment");
        g.writeStringField("measured", measured());
        g.writeNumberField("near_fraction", TargetAttainment.NEAR_FRACTION);
        g.writeNumberField("high_factor", TargetAttainment.HIGH_FACTOR);
        g.writeArrayFieldStart("steps");
        for (TargetAttainment.Step s : attainment.steps()) {
            g.writeStartObject();
            g.writeNumberField("target_ng_per_ml", s.step().targetNgPerMl());
            g.writeNumberField("start_h", s.step().startH());
            g.writeNumberField("at_h", s.atH());
            g.writeObjectFieldStart("ratio_to_target");
            for (double p : new double[] {5, 25, 50, 75, 95}) {
                PopulationFiles.writeNumberOrNull(g, String.format(Locale.ROOT, "p%02d", Math.round(p)),
                        PercentileSupport.shown(p, patients()), s.ratio().percentile(p));
            }
            g.writeEndObject();
            probability(g, "within", s.within());
            probability(g, "above", s.above());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void probability(JsonGenerator g, String name, Probability p) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("event", p.what());
        g.writeNumberField("count", p.count());
        g.writeNumberField("total", p.total());
        g.writeNumberField("probability", p.fraction());
        g.writeNumberField("lower_95", p.lower95());
        g.writeNumberField("upper_95", p.upper95());
        g.writeEndObject();
    }
}
