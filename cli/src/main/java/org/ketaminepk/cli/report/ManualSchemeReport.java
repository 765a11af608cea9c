package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.TargetChart;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;
import org.ketaminepk.target.ManualScheme;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetSchedule;

/**
 * A manual scheme as {@code target --manual} prints it (the rows and lines of its summary), draws it
 * ({@code --plot}) and writes it ({@code --csv}, {@code --json}, {@code --protocol-out}), and as the explorer shows
 * and exports it: one place for both, so the same inputs give the same words and the same bytes. Not for target-controlled schedules
 * ({@link TargetFiles}).
 */
public final class ManualSchemeReport {
    private ManualSchemeReport() {
    }

    /** @return a duration in the unit that suits it: minutes below 2 h ("30 min"), else hours ("4 h") */
    public static String duration(double h) {
        if (h < 2) {
            return Text.sig(Math.round(h * 60 * 10) / 10.0, 4) + " min";
        }
        return Text.sig(Math.round(h * 100) / 100.0, 5) + " h";
    }

    /** @return "mg", or "mg HCl" for a syringe of ketamine hydrochloride */
    public static String form(ManualScheme m) {
        return m.pump().salt() == DrugSalt.HYDROCHLORIDE ? "mg HCl" : "mg";
    }

    /** @return the chart's title, e.g. "Manual scheme for 150 ng/mL for 4 h" */
    public static String title(ManualScheme m) {
        return String.format(Locale.ROOT, "Manual scheme for %s ng/mL for %s", Checks.fmt(m.targetNgPerMl()),
                duration(m.durationH()));
    }

    /** @return the protocol file's name line, e.g. "Manual scheme, 150 ng/mL for 4 h" */
    public static String protocolName(ManualScheme m) {
        return String.format(Locale.ROOT, "Manual scheme, %s ng/mL for %s", Checks.fmt(m.targetNgPerMl()),
                duration(m.durationH()));
    }

    /** @return the file {@code target --manual --protocol-out} writes */
    public static String protocol(ManualScheme m) {
        return m.protocolText(protocolName(m));
    }

    /**
     * The chart of {@code target --manual --plot}: the concentrations the scheme gives with the exact solver, and
     * the target it was designed for while it is held, so that the reader sees how far the scheme strays from it.
     *
     * @param ind the individual model the scheme was designed for
     * @param m the scheme
     * @param endH the end of the chart, h
     * @return the chart
     */
    public static JFreeChart chart(IndividualModel ind, ManualScheme m, double endH) {
        JFreeChart chart = TargetFiles.chart(ind, m.regimen(), endH, title(m), m.warnings(),
                new TargetFiles.PlotTarget(TargetSchedule.constant(m.targetNgPerMl(), m.durationH()),
                        TargetController.Mode.PLASMA, null, null));
        TargetChart.addToleranceBand(chart, endH, m.durationH(), m.targetNgPerMl() * (1 - m.tolerance()),
                m.targetNgPerMl() * (1 + m.tolerance()), "Within ±" + Checks.fmt(m.tolerance() * 100)
                        + " % of the target");
        return chart;
    }

    /** @return the summary's "target" line, e.g. "150 ng/mL plasma for 4 h, within ±15 %" */
    public static String target(ManualScheme m) {
        return String.format(Locale.ROOT, "%s ng/mL plasma for %s, within ±%s %%", Checks.fmt(m.targetNgPerMl()),
                duration(m.durationH()), Checks.fmt(m.tolerance() * 100));
    }

    /** @return the summary's "syringe" line, e.g. "10 mg/mL base" */
    public static String syringe(ManualScheme m) {
        return Checks.fmt(m.pump().syringeMgPerMl()) + " mg/mL" + (m.pump().salt() == DrugSalt.HYDROCHLORIDE
                ? " ketamine hydrochloride" : " base");
    }

    /**
     * The scheme's table: the bolus, then one row per rate, each as from, to, mL/h and mg/h cells (the bolus row
     * with "bolus", its mL and its mg).
     *
     * @return the rows
     */
    public static List<List<String>> rows(ManualScheme m) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(Text.clock(0), "bolus", Text.sig(m.bolusMl(), 3) + " mL", Text.sig(m.bolusMg(), 4) + " "
                + form(m)));
        for (ManualScheme.RateStep r : m.steps()) {
            rows.add(List.of(Text.clock(r.startH()), Text.clock(r.endH()), Text.sig(r.rateMlPerH(), 4),
                    Text.sig(r.rateMgPerH(), 4)));
        }
        return rows;
    }

    /** @return the summary's "achieved" line: the plasma range, as % of the target, and the time within tolerance */
    public static String achieved(ManualScheme m) {
        return String.format(Locale.ROOT, "plasma %s to %s ng/mL (%s to %s %% of the target); within ±%s %% for %s "
                + "of %s%s", Text.sig(m.minNgPerMl(), 4), Text.sig(m.maxNgPerMl(), 4),
                Text.sig(m.minNgPerMl() / m.targetNgPerMl() * 100, 3), Text.sig(m.maxNgPerMl() / m.targetNgPerMl()
                        * 100, 3), Checks.fmt(m.tolerance() * 100), duration(m.timeWithinH()),
                duration(m.durationH()), m.withinTolerance() ? "" : " - the tolerance is NOT met; widen it or use a "
                        + "target-controlled pump");
    }

    /** @return the summary's "total" line, e.g. "84.8 mg" */
    public static String total(ManualScheme m) {
        return Text.sig(m.totalMg(), 4) + " " + form(m);
    }

    /** @return the summary's "norketamine" line, or empty when the model does not predict norketamine */
    public static Optional<String> norketamine(ManualScheme m) {
        if (!m.hasNorketamine()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s ng/mL at the end, at most %s ng/mL (predicted)",
                Text.sig(m.norketamineEndNgPerMl().getAsDouble(), 4),
                Text.sig(m.norketamineMaxNgPerMl().getAsDouble(), 4)));
    }

    /**
     * The concentrations the scheme gives with the exact solver, on the grid its chart draws (every
     * {@link PumpSettings#DEFAULT_UPDATE_INTERVAL_H pump update} from 0 to {@code endH}).
     *
     * @param ind the individual model the scheme was designed for
     * @param m the scheme
     * @param endH the end of the curve, h
     * @return the profile
     */
    public static Profile profile(IndividualModel ind, ManualScheme m, double endH) {
        return Simulation.standard().simulate(ind, m.regimen(), TimeGrid.uniform(endH,
                PumpSettings.DEFAULT_UPDATE_INTERVAL_H)).profile();
    }

    /** @return the plasma target at a time: the scheme's target while it is held, 0 after, as a schedule says */
    public static double targetAt(ManualScheme m, double timeH) {
        return timeH < m.durationH() - 1e-12 ? m.targetNgPerMl() : 0;
    }

    /** @return the rate running at a time, mL/h: the step that holds it, 0 after the last */
    private static double rateMlPerHAt(ManualScheme m, double timeH) {
        for (ManualScheme.RateStep r : m.steps()) {
            if (timeH >= r.startH() - 1e-12 && timeH < r.endH() - 1e-12) {
                return r.rateMlPerH();
            }
        }
        return 0;
    }

    /** @return the amount given up to a time, mg of the stated form: the bolus at 0, then the rates */
    private static double cumulativeMg(ManualScheme m, double timeH) {
        double s = m.bolusMg();
        for (ManualScheme.RateStep r : m.steps()) {
            // in the order totalMg() adds, so the last row is the total to the bit
            s += r.rateMgPerH() * (Math.min(Math.max(timeH, r.startH()), r.endH()) - r.startH());
        }
        return s;
    }

    /**
     * Writes {@code target --manual --csv}: one row per time of the chart's grid, in the columns of
     * {@code target --csv} (the bolus counted in the cumulative amount from time 0), then the tolerance band
     * ({@code low_ng_per_ml,high_ng_per_ml}, empty once the target is no longer held).
     *
     * @param w where to write
     * @param ind the individual model the scheme was designed for
     * @param m the scheme
     * @param endH the end of the rows, h
     * @throws IOException if writing fails
     */
    public static void csv(Writer w, IndividualModel ind, ManualScheme m, double endH) throws IOException {
        Profile p = profile(ind, m, endH);
        String form = m.pump().salt() == DrugSalt.HYDROCHLORIDE ? "mg_hcl" : "mg";
        boolean nk = p.has(Analyte.NORKETAMINE);
        w.write("time_h,target_ng_per_ml,rate_ml_per_h,rate_" + form + "_per_h,cumulative_" + form
                + ",plasma_ng_per_ml" + (nk ? ",norketamine_ng_per_ml" : "") + ",low_ng_per_ml,high_ng_per_ml\n");
        double[] t = p.timesH();
        double[] cp = p.series(Analyte.KETAMINE).ngPerMl();
        double[] cn = nk ? p.series(Analyte.NORKETAMINE).ngPerMl() : null;
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < t.length; k++) {
            double rate = rateMlPerHAt(m, t[k]);
            double target = targetAt(m, t[k]);
            b.setLength(0);
            b.append(Text.sig(t[k], 10)).append(',').append(Text.sig(target, 6)).append(',')
                    .append(Text.sig(rate, 6)).append(',').append(Text.sig(rate * m.pump().syringeMgPerMl(), 6))
                    .append(',')
                    .append(Text.sig(cumulativeMg(m, t[k]), 8)).append(',').append(Text.sig(cp[k], 6));
            if (cn != null) {
                b.append(',').append(Text.sig(cn[k], 6));
            }
            b.append(',');
            if (target > 0) {
                b.append(Text.sig(target * (1 - m.tolerance()), 6)).append(',')
                        .append(Text.sig(target * (1 + m.tolerance()), 6));
            } else {
                b.append(',');
            }
            w.write(b.append('\n').toString());
        }
        w.flush();
    }

    /**
     * Writes {@code target --manual --json}: the command, model and patient, {@code scheme} "manual", the fields of
     * {@link #fields}, and the curves of the chart's grid ({@code time_h}, {@code plasma_ng_per_ml},
     * {@code norketamine_ng_per_ml} when the model has it, {@code target_ng_per_ml}).
     *
     * @param w where to write
     * @param ind the individual model the scheme was designed for
     * @param m the scheme
     * @param endH the end of the curves, h
     * @throws IOException if writing fails
     */
    public static void json(Writer w, IndividualModel ind, ManualScheme m, double endH) throws IOException {
        Profile p = profile(ind, m, endH);
        Patient patient = ind.patient();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("command", "target");
            g.writeStringField("model", m.modelId());
            g.writeStringField("patient", Text.patient(patient));
            g.writeStringField("scheme", "manual");
            fields(g, m);
            double[] t = p.timesH();
            JsonOutput.array(g, "time_h", t);
            JsonOutput.array(g, "plasma_ng_per_ml", p.series(Analyte.KETAMINE).ngPerMl());
            if (p.has(Analyte.NORKETAMINE)) {
                JsonOutput.array(g, "norketamine_ng_per_ml", p.series(Analyte.NORKETAMINE).ngPerMl());
            }
            double[] targets = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                targets[i] = targetAt(m, t[i]);
            }
            JsonOutput.array(g, "target_ng_per_ml", targets);
            g.writeEndObject();
        }
        w.flush();
    }

    /**
     * Writes the scheme into the object {@code g} is in, as {@code target --manual --json} and the explorer's answer
     * both carry it: {@code manual} (the scheme's numbers, then its table and lines as {@code target --manual}
     * prints them), {@code pump} and {@code warnings}.
     *
     * @param g the generator, inside an object
     * @param m the scheme
     * @throws IOException if writing fails
     */
    public static void fields(JsonGenerator g, ManualScheme m) throws IOException {
        g.writeObjectFieldStart("manual");
        g.writeNumberField("target_ng_per_ml", m.targetNgPerMl());
        g.writeNumberField("duration_h", m.durationH());
        g.writeNumberField("tolerance_percent", m.tolerance() * 100);
        g.writeStringField("form", form(m));
        g.writeNumberField("bolus_ml", m.bolusMl());
        g.writeNumberField("bolus_mg", m.bolusMg());
        g.writeArrayFieldStart("rates");
        for (ManualScheme.RateStep r : m.steps()) {
            g.writeStartObject();
            g.writeNumberField("start_h", r.startH());
            g.writeNumberField("end_h", r.endH());
            g.writeNumberField("rate_ml_per_h", r.rateMlPerH());
            g.writeNumberField("rate_mg_per_h", r.rateMgPerH());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("min_ng_per_ml", m.minNgPerMl());
        g.writeNumberField("max_ng_per_ml", m.maxNgPerMl());
        g.writeNumberField("time_within_h", m.timeWithinH());
        g.writeBooleanField("within_tolerance", m.withinTolerance());
        g.writeNumberField("total_mg", m.totalMg());
        if (m.hasNorketamine()) {
            g.writeNumberField("norketamine_end_ng_per_ml", m.norketamineEndNgPerMl().getAsDouble());
            g.writeNumberField("norketamine_max_ng_per_ml", m.norketamineMaxNgPerMl().getAsDouble());
        }
        g.writeArrayFieldStart("table");
        for (List<String> row : rows(m)) {
            g.writeStartArray();
            for (String cell : row) {
                g.writeString(cell);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("lines");
        g.writeStringField("target", target(m));
        g.writeStringField("syringe", syringe(m));
        g.writeStringField("achieved", achieved(m));
        g.writeStringField("total", total(m));
        if (norketamine(m).isPresent()) {
            g.writeStringField("norketamine", norketamine(m).get());
        }
        g.writeEndObject();
        g.writeEndObject();
        PumpSettings pump = m.pump();
        g.writeObjectFieldStart("pump");
        g.writeNumberField("syringe_mg_per_ml", pump.syringeMgPerMl());
        g.writeStringField("salt", pump.salt() == DrugSalt.HYDROCHLORIDE ? "hydrochloride" : "base");
        g.writeNumberField("max_rate_ml_per_h", pump.maxRateMlPerH());
        g.writeNumberField("rate_step_ml_per_h", pump.rateStepMlPerH().orElse(0));
        g.writeEndObject();
        g.writeArrayFieldStart("warnings");
        for (Warning x : m.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", x.code().name());
            g.writeStringField("message", x.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
