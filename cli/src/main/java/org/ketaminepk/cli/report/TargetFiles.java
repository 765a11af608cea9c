package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ConcentrationChart;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.cli.chart.TargetChart;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;
import org.ketaminepk.target.TargetSchedule;

/**
 * The files of a pump schedule, as {@code ketamine-pk target} writes them with {@code --csv}, {@code --json} and
 * {@code --plot} and the explorer's target mode exports them: one writer for both, so the same inputs give the same
 * bytes. Not for the summary text, which only the command prints.
 */
public final class TargetFiles {
    private TargetFiles() {
    }

    /**
     * What the target plot adds to the concentrations.
     *
     * @param schedule the target schedule
     * @param mode plasma or effect site
     * @param link the effect link whose effect site is drawn, or null
     * @param population the population on the schedule, or null
     */
    public record PlotTarget(TargetSchedule schedule, TargetController.Mode mode, EffectLink link,
            TargetPopulation population) {
    }

    /** @return the chart title of a target-controlled plan, e.g. "Target-controlled infusion, plasma target ..." */
    public static String title(TargetPlan plan) {
        return "Target-controlled infusion, " + plan.controller().mode().label() + " target " + plan.schedule();
    }

    /** @return the file {@code target --protocol-out} writes for a target-controlled plan */
    public static String protocol(TargetPlan plan) {
        return plan.protocolText("Target-controlled infusion, " + plan.schedule());
    }

    /**
     * The chart of {@code target --plot} for a target-controlled plan.
     *
     * @param ind the individual model the plan was computed for
     * @param plan the plan
     * @param pop the population given the plan's schedule, or null
     * @return the chart
     */
    public static JFreeChart chart(IndividualModel ind, TargetPlan plan, TargetPopulation pop) {
        TargetController c = plan.controller();
        return chart(ind, plan.regimen(), plan.timesH()[plan.timesH().length - 1], title(plan), plan.warnings(),
                new PlotTarget(plan.schedule(), c.mode(), c.link().orElse(null), pop));
    }

    /**
     * The concentrations that a regimen from a pump schedule or a manual scheme gives with the exact solver, drawn
     * as {@code simulate} draws them, with the target, the effect site and the population's bands when given.
     *
     * @param ind the individual model
     * @param regimen the regimen the pump gives
     * @param endH the end of the chart, h
     * @param title the title: what the pump does (the subtitle names the model and the patient)
     * @param warnings the plan's warnings, shown in the caption
     * @param target the target and what goes with it, or null for none
     * @return the chart
     */
    public static JFreeChart chart(IndividualModel ind, Regimen regimen, double endH, String title,
            List<Warning> warnings, PlotTarget target) {
        TimeGrid grid = TimeGrid.uniform(endH, PumpSettings.DEFAULT_UPDATE_INTERVAL_H);
        SimulationResult sim = Simulation.standard().simulate(ind, regimen, grid);
        List<String> caption = new ArrayList<>();
        caption.add("pump schedule simulated with the " + sim.solver() + " solver; a teaching and review tool, not a "
                + "dosing device");
        TargetPopulation pop = target == null ? null : target.population();
        if (pop != null) {
            caption.add("bands: the typical patient's pump schedule given to each virtual patient; "
                    + (target.mode() == TargetController.Mode.EFFECT_SITE ? "the target is an effect-site "
                    + "concentration, the bands are plasma" : "plasma concentrations"));
            caption.addAll(pop.population().notes());
            // the subtitle says which band is not drawn
            caption.remove(pop.population().fewPatientsNote());
        }
        for (Warning w : warnings) {
            caption.add(w.message());
        }
        // what was done on top, then the model and the patient, as simulate's charts have them
        String modelAndPatient = "model " + ind.model().id() + " · " + Text.patient(ind.patient());
        ChartRequest r = new ChartRequest(title, pop == null ? modelAndPatient : modelAndPatient + " · "
                + pop.population().patientsLabel() + ", seed " + pop.population().outcome().seed() + " · "
                + pop.population().variabilityLabel(), List.of(new PlotSeries("", sim.profile())), false,
                caption.subList(0, Math.min(caption.size(), ConcentrationChart.MAX_CAPTION_LINES)));
        if (target == null) {
            return ConcentrationChart.create(r);
        }
        String targetLabel = "Target (" + target.mode().label() + ")";
        if (pop != null) {
            return TargetChart.population(r, pop.bands(), pop.population().outcome().size(),
                    target.schedule(), targetLabel);
        }
        TargetChart.EffectSiteCurve curve = null;
        if (target.link() != null) {
            EffectLink l = target.link();
            curve = new TargetChart.EffectSiteCurve(EffectSites.concentrations(ind, regimen, grid, l.ke0PerH())
                    .series(Analyte.KETAMINE), "Ketamine, effect site (" + l.describe() + ", " + l.basis().label()
                    + ")");
        }
        return TargetChart.typical(r, target.schedule(), targetLabel, curve);
    }

    /**
     * Writes {@code target --csv}: one row per pump update (with a population: per band time, every k-th update),
     * with the population's band columns after the typical patient's.
     *
     * @param w where to write
     * @param plan the plan
     * @param pop the population given the plan's schedule, or null
     * @throws IOException if writing fails
     */
    public static void csv(Writer w, TargetPlan plan, TargetPopulation pop) throws IOException {
        String form = plan.controller().pump().salt() == DrugSalt.HYDROCHLORIDE ? "mg_hcl" : "mg";
        w.write("time_h,target_ng_per_ml,rate_ml_per_h,rate_" + form + "_per_h,cumulative_" + form
                + ",plasma_ng_per_ml" + (plan.hasEffectSite() ? ",effect_site_ng_per_ml" : "")
                + (plan.hasNorketamine() ? ",norketamine_ng_per_ml" : "") + (pop == null ? "" : pop.csvHeader())
                + "\n");
        double[] t = plan.timesH();
        double[] r = plan.ratesMlPerH();
        double[] tg = plan.targetsNgPerMl();
        double[] cp = plan.plasmaNgPerMl();
        double[] ce = plan.effectSiteNgPerMl().orElse(null);
        double[] nk = plan.norketamineNgPerMl().orElse(null);
        double mgPerMl = plan.controller().pump().syringeMgPerMl();
        int[] rows = pop == null ? null : pop.rows();
        int next = 0;
        double cumulative = 0;
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < t.length; k++) {
            double rate = k < r.length ? r[k] : 0;
            if (rows == null || (next < rows.length && rows[next] == k)) {
                b.setLength(0);
                b.append(Text.sig(t[k], 10)).append(',').append(Text.sig(k < tg.length ? tg[k] : 0, 6)).append(',')
                        .append(Text.sig(rate, 6)).append(',').append(Text.sig(rate * mgPerMl, 6)).append(',')
                        .append(Text.sig(cumulative, 8)).append(',').append(Text.sig(cp[k], 6));
                if (ce != null) {
                    b.append(',').append(Text.sig(ce[k], 6));
                }
                if (nk != null) {
                    b.append(',').append(Text.sig(nk[k], 6));
                }
                if (rows != null) {
                    b.append(pop.csvCells(next++));
                }
                w.write(b.append('\n').toString());
            }
            if (k < r.length) {
                cumulative += rate * mgPerMl * (t[k + 1] - t[k]);
            }
        }
        w.flush();
    }

    /**
     * Writes {@code target --json}: the settings, pump schedule, outcomes, warnings and predicted concentrations,
     * and the population's bands and attainment when given.
     *
     * @param w where to write
     * @param plan the plan
     * @param patient the patient the plan was computed for
     * @param pop the population given the plan's schedule, or null
     * @throws IOException if writing fails
     */
    public static void json(Writer w, TargetPlan plan, Patient patient, TargetPopulation pop) throws IOException {
        TargetController c = plan.controller();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("command", "target");
            g.writeStringField("model", c.modelId());
            g.writeStringField("patient", Text.patient(patient));
            TargetJson.plan(g, plan);
            JsonOutput.array(g, "time_h", plan.timesH());
            JsonOutput.array(g, "rate_ml_per_h", plan.ratesMlPerH());
            JsonOutput.array(g, "plasma_ng_per_ml", plan.plasmaNgPerMl());
            if (plan.hasEffectSite()) {
                JsonOutput.array(g, "effect_site_ng_per_ml", plan.effectSiteNgPerMl().orElseThrow());
            }
            if (plan.hasNorketamine()) {
                JsonOutput.array(g, "norketamine_ng_per_ml", plan.norketamineNgPerMl().orElseThrow());
            }
            if (pop != null) {
                pop.writeJson(g);
            }
            g.writeEndObject();
        }
        w.flush();
    }
}
