package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.EffectPanel;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoint;

/**
 * The effect endpoint of {@code compare --population}: for every series the typical patient's effect, and over the
 * series' virtual population (the same patients in every series) the percentile bands of the effect-site
 * concentration and of the effect, each computed as {@code simulate --population --effect} computes them for that
 * series alone ({@link PopulationEffect}).
 *
 * <p>The bands are percentiles at each time, not patients' curves: no patient's effect is kept, so the effect is not
 * compared patient by patient (the paired comparison is of the concentration metrics). Immutable. Not a dosing
 * device.
 *
 * @param typical the typical patient's effect of every series, in the series' order
 * @param series the population's effect of every series, in the same order
 */
public record PopulationEffectComparison(EffectRuns typical, List<PopulationEffect> series) {
    /** What the effect comparison shows, and what it does not, in every output. */
    static final String NOT_PAIRED = "these bands are percentiles over the patients at each time, not the "
            + "patients' curves, so the effect is compared between series by its bands, not patient by patient";

    /** Widest line of the text, characters. */
    private static final int WIDTH = 100;

    /** Copies the list; needs one population effect per typical effect. */
    public PopulationEffectComparison {
        series = List.copyOf(series);
        if (series.size() != typical.results().size()) {
            throw new InvalidInputException("series", "every series needs its population effect: "
                    + typical.results().size() + " series but " + series.size() + " population effects");
        }
    }

    /**
     * Simulates the endpoint for the typical patient of every series, naming the series that cannot drive it. Run it
     * before the populations, so that a refusal comes before the long work.
     *
     * @param runs the typical patient's run of every series
     * @param grid the runs' common grid
     * @param endpoint the endpoint
     * @param options the ke0 guess, its permission and the S-ketamine share
     * @param level an effect level, or null
     * @return the effects, one per run
     * @throws InvalidInputException as {@link EffectRuns#simulate} does, prefixed with the series' label
     */
    public static EffectRuns typical(List<Run> runs, TimeGrid grid, Endpoint endpoint,
            EffectSimulation.Options options, Double level) {
        List<EffectResult> results = new ArrayList<>();
        for (Run r : runs) {
            try {
                results.addAll(EffectRuns.simulate(List.of(r), grid, endpoint, options, level).results());
            } catch (InvalidInputException e) {
                throw e.within(e.field(), "series '" + r.label() + "'");
            }
        }
        return new EffectRuns(endpoint, level, options.sKetamineShare(), results);
    }

    /**
     * Simulates the effect sites of every series' virtual population.
     *
     * @param c the population comparison (its patients, seed and variability per series)
     * @param typical from {@link #typical}, for the same series in the same order
     * @return the effects
     */
    public static PopulationEffectComparison simulate(PopulationComparison c, EffectRuns typical) {
        List<PopulationEffect> out = new ArrayList<>();
        for (int i = 0; i < c.series().size(); i++) {
            EffectRuns one = new EffectRuns(typical.endpoint(), typical.level(), typical.sKetamineShare(),
                    List.of(typical.results().get(i)));
            out.add(PopulationEffect.simulate(c.series().get(i), one));
        }
        return new PopulationEffectComparison(typical, out);
    }

    /** @return whether the endpoint computes an effect, not an effect-site concentration only */
    public boolean hasEffect() {
        return typical.hasEffect();
    }

    /**
     * @param i a series
     * @return its bands of the quantity the chart's effect panel shows: the effect's, or for an endpoint with an
     *         effect site only, the effect-site concentration's (ng/mL)
     */
    public double[][] shown(int i) {
        PopulationEffect p = series.get(i);
        return p.effect() != null ? p.effect() : p.effectSite();
    }

    /** @return the baseline of the shown quantity: the effect without drug, or 0 ng/mL at the effect site */
    public double shownBaseline() {
        return hasEffect() ? typical.results().get(0).baseline().getAsDouble() : 0;
    }

    /**
     * @param bands a series' bands of the shown quantity (5th, 25th, 50th, 75th, 95th percentiles)
     * @param baseline the quantity without drug
     * @return the display point of the median's largest change from {@code baseline} (the first, when tied)
     */
    static int medianPeak(double[][] bands, double baseline) {
        double[] median = bands[2];
        int peak = 0;
        for (int i = 1; i < median.length; i++) {
            if (Math.abs(median[i] - baseline) > Math.abs(median[peak] - baseline)) {
                peak = i;
            }
        }
        return peak;
    }

    /**
     * Prints the typical patients' effects side by side, then for every series where its population's median
     * effect peaks and the ranges of the middle 90 % and 50 % of patients at that time, and what is not compared.
     *
     * @param runs the typical patient's run of every series, in order
     * @param patients how many patients each series' bands are of: a range of too few is "–"
     *        ({@link PercentileSupport})
     */
    public void text(PrintWriter w, List<Run> runs, int patients) {
        EffectSummaryText.compare(w, runs, typical);
        w.println();
        String what = hasEffect() ? "effect" : "effect-site concentration";
        String unit = hasEffect() ? typical.endpoint().effectUnit() : "ng/mL";
        for (String line : Text.wrap("Population " + what + " per series (" + unit + "):", WIDTH)) {
            w.println(line);
        }
        Text.Table t = new Text.Table(true, "series", "median peak", "at", "middle 90 % there",
                "middle 50 % there");
        for (int i = 0; i < series.size(); i++) {
            double[][] b = shown(i);
            int k = medianPeak(b, shownBaseline());
            t.row(runs.get(i).label(), Text.sig(b[2][k], 4), EffectText.time(series.get(i).timesH()[k]),
                    PercentileSupport.shown(5, patients) ? Text.sig(b[0][k], 4) + "–" + Text.sig(b[4][k], 4) : "–",
                    PercentileSupport.shown(25, patients) ? Text.sig(b[1][k], 4) + "–" + Text.sig(b[3][k], 4) : "–");
        }
        for (String line : t.render(2, 100)) {
            w.println(line);
        }
        EffectText.line(w, "link", PopulationEffect.SAME_KE0);
        EffectText.line(w, "not paired", NOT_PAIRED);
        w.flush();
    }

    /** @return the columns of the effect-site bands, then of the effect's bands: as {@code simulate} names them */
    List<String> csvColumns() {
        return PopulationEffect.csvColumns(typical, hasEffect());
    }

    /**
     * Appends series {@code i}'s values of {@link #csvColumns} at display point {@code k}.
     *
     * @param patients how many patients each series' bands are of
     */
    void csvRow(StringBuilder b, int i, int k, int patients) {
        series.get(i).csvRow(b, k, patients);
    }

    /** Appends an empty cell for each of {@link #csvColumns}: a row of an analyte that does not drive the effect. */
    void csvEmpty(StringBuilder b) {
        for (int j = 0; j < csvColumns().size(); j++) {
            b.append(',');
        }
    }

    /**
     * Writes the {@code effect} object of series {@code i}: its typical patient's effect and its bands.
     *
     * @param patients how many patients each series' bands are of
     */
    void json(JsonGenerator g, int i, int patients) throws IOException {
        series.get(i).json(g, patients);
    }

    /** Writes the top-level {@code effect} object: the endpoint, the level, and what is and is not compared. */
    void jsonSummary(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("effect");
        g.writeStringField("endpoint", typical.endpoint().id());
        if (typical.level() != null) {
            g.writeNumberField("level", typical.level());
        }
        g.writeStringField("between_patients", PopulationEffect.SAME_KE0);
        g.writeStringField("paired", NOT_PAIRED);
        g.writeEndObject();
    }

    /**
     * @return the chart's effect panel: the endpoint's title, source, unit, baseline, level and notes (the link of
     *         each model, the driver, the inferred parts, the same ke0 for every patient), with one curve per series
     *         (its effect-site median)
     */
    public EffectPanel panel() {
        List<String> names = new ArrayList<>();
        for (EffectResult r : typical.results()) {
            names.add(typical.effectSiteName(r));
        }
        EffectPanel p = EffectPanel.of(typical.results(), names, typical.level());
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(Character.toUpperCase(PopulationEffect.SAME_KE0.charAt(0)) + PopulationEffect.SAME_KE0.substring(1)
                + ".");
        List<EffectPanel.Curve> curves = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            PopulationEffect s = series.get(i);
            double[][] e = s.effect();
            curves.add(new EffectPanel.Curve(names.get(i) + ", median", s.timesH(), s.effectSite()[2],
                    e == null ? null : e[2]));
        }
        return new EffectPanel(p.title(), p.source(), p.effectUnit(), p.baseline(), p.level(), notes, curves, null);
    }

    /** @return every series' bands of the shown quantity ({@link #shown}) for the chart */
    public List<EffectPanel.Bands> bands() {
        List<EffectPanel.Bands> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            double[][] b = shown(i);
            out.add(new EffectPanel.Bands(series.get(i).timesH(), b[0], b[1], b[2], b[3], b[4]));
        }
        return out;
    }
}
