package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.PatientMetrics;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.EffectPanel;
import org.ketaminepk.cli.chart.PercentileSupport;
import org.ketaminepk.effect.ConcentrationEffect;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.EffectSiteBands;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;

/**
 * The effect endpoint of a population run of {@code simulate}: the typical patient's effect (its link, metrics and
 * warnings), and over the virtual population the percentile bands of the driving effect-site concentration and of
 * the effect. Every patient has the typical patient's ke0 (no between-patient variability of the link is
 * published for these endpoints, so none is drawn). The effect's bands are the concentration–effect function of
 * the effect-site bands, which is exact because the function is monotone. Immutable.
 *
 * @param typical the typical patient's effect
 * @param effectSite percentile bands of the driving effect-site concentration, ng/mL (the S-ketamine share
 *        applied), by band percentile as in {@link PopulationReport#BAND_PERCENTILES}
 * @param effect the effect's 5th, 25th, 50th, 75th and 95th percentiles over time, or null for an endpoint with an
 *        effect site only
 * @param timesH the bands' times, h
 */
public record PopulationEffect(EffectRuns typical, double[][] effectSite, double[][] effect, double[] timesH) {

    /** Note on every output: the link does not vary between patients. */
    public static final String SAME_KE0 = "the effect site's ke0 is the typical patient's for every virtual patient: "
            + "no between-patient variability of it is drawn";

    /**
     * Simulates the population's effect sites on all processors.
     *
     * @param report the population run (its patients, seed and variability)
     * @param typical the typical patient's effect, from {@link EffectRuns#simulate}
     * @return the population's effect
     */
    public static PopulationEffect simulate(PopulationReport report, EffectRuns typical) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread th = new Thread(r, "population-effect");
                    th.setDaemon(true);
                    return th;
                });
        try {
            return simulate(report.outcome(), PopulationReport.displayGrid(report.grid(),
                    report.typical().result().profile()), typical, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Simulates the effect sites of a population already run, on {@code executor}: every patient of {@code o} with
     * its own random effects and the typical patient's ke0, read at {@code display} for the percentiles of
     * {@link PopulationReport#BAND_PERCENTILES}, and the effect's bands from them.
     *
     * @param o the population's outcome (its model, patients, regimen, seed and variability)
     * @param display the times of the bands, at most {@value PopulationSimulation#MAX_DISPLAY_POINTS}
     * @param typical the typical patient's effect on the same model and regimen
     * @param executor where the patients are simulated (not shut down; {@code Runnable::run} for the calling thread)
     * @return the population's effect
     */
    public static PopulationEffect simulate(PopulationOutcome o, TimeGrid display, EffectRuns typical,
            Executor executor) {
        EffectResult t = typical.results().get(0);
        List<Patient> patients = new ArrayList<>();
        for (PatientMetrics m : o.patients()) {
            patients.add(m.patient());
        }
        PercentileBands ce = EffectSiteBands.simulate(o.model(), patients, o.regimen(), o.seed(), o.variability(),
                display, t.link().ke0PerH(), PopulationReport.BAND_PERCENTILES, executor);
        Endpoint e = typical.endpoint();
        Analyte a = e.analyte();
        double share = EffectRuns.sharedOut(t) ? typical.sKetamineShare() : 1;
        double[] ps = PopulationReport.BAND_PERCENTILES;
        double[][] site = new double[ps.length][];
        for (int k = 0; k < ps.length; k++) {
            site[k] = ce.ngPerMl(a, ps[k]);
            for (int i = 0; i < site[k].length; i++) {
                site[k][i] *= share;
            }
        }
        double[][] effect = null;
        if (e.hasEffectModel()) {
            ConcentrationEffect f = e.relationshipFor(o.model().drugForm()).orElseThrow().model();
            effect = new double[ps.length][site[0].length];
            for (int i = 0; i < site[0].length; i++) {
                for (int k = 0; k < ps.length; k++) {
                    // a falling effect maps the top concentrations to the bottom effects
                    int from = f.effect(1e6) < f.baseline() ? ps.length - 1 - k : k;
                    effect[k][i] = f.effect(site[from][i]);
                }
            }
        }
        return new PopulationEffect(typical, site, effect, ce.timesH());
    }

    /** @return the percentiles of the bands, in the order of {@link #effectSite()} and {@link #effect()} */
    public static double[] percentiles() {
        return PopulationReport.BAND_PERCENTILES.clone();
    }

    /** @return the chart's effect panel: the median effect site and the effect's median and bands */
    public EffectPanel panel() {
        EffectResult t = typical.results().get(0);
        EffectPanel.Curve median = new EffectPanel.Curve(typical.effectSiteName(t) + ", median", timesH,
                effectSite[2], effect == null ? null : effect[2]);
        EffectPanel p = EffectPanel.of(List.of(t), List.of("typical"), typical.level());
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(capitalised(SAME_KE0) + ".");
        EffectPanel withMedian = new EffectPanel(p.title(), p.source(), p.effectUnit(), p.baseline(), p.level(),
                notes, List.of(median), null);
        return effect == null ? withMedian : withMedian.withBands(new EffectPanel.Bands(timesH, effect[0],
                effect[1], effect[2], effect[3], effect[4]));
    }

    /**
     * Prints the typical patient's effect, then where the population's median peaks and its 90 % and 50 % ranges
     * there (those of too few patients left out, {@link PercentileSupport}).
     *
     * @param patients how many patients the bands are of
     */
    public void text(PrintWriter w, int patients) {
        EffectSummaryText.simulate(w, typical);
        if (effect != null) {
            int peak = 0;
            double base = typical.results().get(0).baseline().getAsDouble();
            for (int i = 1; i < timesH.length; i++) {
                if (Math.abs(effect[2][i] - base) > Math.abs(effect[2][peak] - base)) {
                    peak = i;
                }
            }
            String unit = typical.endpoint().effectUnit();
            String spread = "";
            boolean same = Text.sig(effect[0][peak], 4).equals(Text.sig(effect[4][peak], 4));
            if (same && PercentileSupport.shown(5, patients)) {
                // a range from a value to itself reads as a misprint: say what it means
                spread = "; every virtual patient's effect there is the same to the digits shown (no between-patient "
                        + "variability reaches " + typical.endpoint().analyte().label() + ")";
            } else if (PercentileSupport.shown(5, patients)) {
                spread = String.format(Locale.ROOT, "; then the middle 90 %% of patients lie between %s and %s, the "
                        + "middle 50 %% between %s and %s", Text.sig(effect[0][peak], 4), Text.sig(effect[4][peak], 4),
                        Text.sig(effect[1][peak], 4), Text.sig(effect[3][peak], 4));
            } else if (PercentileSupport.shown(25, patients)) {
                spread = String.format(Locale.ROOT, "; then the middle 50 %% of patients lie between %s and %s",
                        Text.sig(effect[1][peak], 4), Text.sig(effect[3][peak], 4));
            }
            EffectText.line(w, "population", String.format(Locale.ROOT, "the median effect peaks at %s %s at %s%s",
                    Text.sig(effect[2][peak], 4), unit, EffectText.time(timesH[peak]), spread));
        }
        EffectText.line(w, "", SAME_KE0);
        w.flush();
    }

    /** @return the CSV columns added to the bands' CSV, in the order of {@link #csvRow} */
    List<String> csvColumns() {
        return csvColumns(typical, effect != null);
    }

    /**
     * The band columns of an endpoint's effect site and, with {@code withEffect}, of its effect: one per percentile,
     * named after the typical patient's columns. One population and a comparison of several share them.
     */
    static List<String> csvColumns(EffectRuns typical, boolean withEffect) {
        List<String> out = new ArrayList<>();
        String site = typical.effectSiteColumn().replace("_ng_per_mL", "");
        for (double p : PopulationReport.BAND_PERCENTILES) {
            out.add(String.format(Locale.ROOT, "%s_p%02d_ng_per_mL", site, Math.round(p)));
        }
        if (withEffect) {
            for (double p : PopulationReport.BAND_PERCENTILES) {
                out.add(String.format(Locale.ROOT, "%s_p%02d", typical.effectColumn(), Math.round(p)));
            }
        }
        return out;
    }

    /**
     * Appends the values of {@link #csvColumns} at display point {@code i}; a percentile of too few patients
     * ({@link PercentileSupport}) is an empty cell.
     *
     * @param patients how many patients the bands are of
     */
    void csvRow(StringBuilder b, int i, int patients) {
        double[] ps = PopulationReport.BAND_PERCENTILES;
        for (int k = 0; k < ps.length; k++) {
            b.append(',').append(PercentileSupport.shown(ps[k], patients) ? CsvOutput.number(effectSite[k][i]) : "");
        }
        if (effect != null) {
            for (int k = 0; k < ps.length; k++) {
                b.append(',').append(PercentileSupport.shown(ps[k], patients) ? CsvOutput.number(effect[k][i]) : "");
            }
        }
    }

    /**
     * Writes the {@code effect} object of the population JSON: the typical patient's effect and the bands (a
     * percentile of too few patients is {@code null}, see {@link PercentileSupport}).
     *
     * @param patients how many patients the bands are of
     */
    void json(JsonGenerator g, int patients) throws IOException {
        g.writeObjectFieldStart("effect");
        g.writeObjectFieldStart("typical_patient");
        EffectText.fields(g, typical.results().get(0), typical.level(), true);
        g.writeEndObject();
        g.writeStringField("between_patients", SAME_KE0);
        g.writeObjectFieldStart("percentile_bands");
        g.writeFieldName("time_h");
        g.writeArray(timesH, 0, timesH.length);
        double[] ps = PopulationReport.BAND_PERCENTILES;
        for (int k = 0; k < ps.length; k++) {
            g.writeFieldName(String.format(Locale.ROOT, "effect_site_p%02d_ng_per_ml", Math.round(ps[k])));
            PopulationFiles.writeBand(g, effectSite[k], PercentileSupport.shown(ps[k], patients));
        }
        if (effect != null) {
            for (int k = 0; k < ps.length; k++) {
                g.writeFieldName(String.format(Locale.ROOT, "effect_p%02d", Math.round(ps[k])));
                PopulationFiles.writeBand(g, effect[k], PercentileSupport.shown(ps[k], patients));
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
