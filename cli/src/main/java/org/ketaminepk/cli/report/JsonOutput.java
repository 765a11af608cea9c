package org.ketaminepk.cli.report;

import org.ketaminepk.cli.Main;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.adjust.PatientReport;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.adjust.WellStirredLiver;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Profile;

/**
 * Results as JSON: the inputs, the grid, per series the metrics, warnings, notes, parameter adjustments and the
 * concentrations (the CSV columns as arrays). Keys carry their units ({@code cmax_ng_per_mL}, {@code tmax_h}).
 * Written with Jackson's streaming generator, so a long profile never sits in memory twice.
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    /**
     * Writes one document.
     *
     * @param out where to
     * @param command "simulate" or "compare"
     * @param runs the series (one for simulate)
     * @param grid the common grid
     */
    public static void write(Writer out, String command, List<Run> runs, TimeGrid grid) throws IOException {
        write(out, command, runs, grid, null, null);
    }

    /** Fields a command adds at the end of the document (measured levels, say). */
    interface Section {
        /** @param g the generator, inside the document's top-level object */
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Writes one document with {@code extra} fields after the series.
     *
     * @param extra the added fields, or null for none
     */
    static void write(Writer out, String command, List<Run> runs, TimeGrid grid, Section extra) throws IOException {
        write(out, command, runs, grid, null, extra);
    }

    /**
     * Writes one document in which each series also holds an {@code effect} object: the endpoint, link, metrics,
     * warnings, and the driving plasma and effect-site concentrations and the effect on the series' times (the
     * fields of {@code effects --json}, whose {@code time_h} is the profile's).
     *
     * @param effects the endpoint's results, one per run, or null for none
     */
    public static void write(Writer out, String command, List<Run> runs, TimeGrid grid, EffectRuns effects)
            throws IOException {
        write(out, command, runs, grid, effects, null);
    }

    /**
     * Writes one document with the effect objects of {@code effects} (or none when null) and the {@code extra} fields
     * after the series (or none when null).
     */
    static void write(Writer out, String command, List<Run> runs, TimeGrid grid, EffectRuns effects, Section extra)
            throws IOException {
        JsonGenerator g = document(out, command);
        g.writeObjectFieldStart("grid");
        g.writeNumberField("end_h", grid.endH());
        if (grid.stepH().isPresent()) {
            g.writeNumberField("step_h", grid.stepH().getAsDouble());
        }
        g.writeNumberField("points", grid.size());
        g.writeEndObject();
        Band band = runs.get(0).band();
        g.writeObjectFieldStart("band");
        g.writeStringField("analyte", "ketamine");
        g.writeNumberField("low_ng_per_mL", band.lowNgPerMl());
        g.writeNumberField("high_ng_per_mL", band.highNgPerMl());
        g.writeStringField("source", runs.get(0).bandSource());
        g.writeEndObject();
        g.writeArrayFieldStart("series");
        for (int i = 0; i < runs.size(); i++) {
            run(g, runs.get(i));
            if (effects != null) {
                g.writeObjectFieldStart("effect");
                EffectText.fields(g, effects.results().get(i), effects.level(), false);
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (extra != null) {
            extra.write(g);
        }
        end(g, out);
    }

    /** Writes a series object's fields; the caller closes it. */
    private static void run(JsonGenerator g, Run r) throws IOException {
        double kg = r.dosingWeightKg();
        g.writeStartObject();
        g.writeStringField("label", r.label());

        g.writeObjectFieldStart("model");
        g.writeStringField("id", r.model().id());
        g.writeStringField("name", r.model().name());
        g.writeStringField("drug_form", r.model().drugForm().label());
        citation(g, "citation", r.model().citation());
        g.writeStringField("solver", r.result().solver());
        g.writeEndObject();

        patient(g, r.patient());

        Protocol p = r.protocol();
        if (p == null) {
            g.writeNullField("protocol");
        } else {
            g.writeObjectFieldStart("protocol");
            g.writeStringField("id", p.id());
            g.writeStringField("name", p.name());
            g.writeStringField("basis", p.basis().label());
            g.writeStringField("source_note", p.sourceNote());
            g.writeArrayFieldStart("citations");
            for (Citation c : p.citations()) {
                g.writeStartObject();
                g.writeStringField("text", c.format());
                g.writeStringField("link", c.link().orElse(null));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        g.writeObjectFieldStart("regimen");
        g.writeNumberField("total_mg", r.regimen().totalMg(kg));
        g.writeNumberField("last_input_end_h", r.regimen().endH());
        g.writeArrayFieldStart("doses");
        for (Dose d : r.regimen().doses()) {
            g.writeStartObject();
            g.writeNumberField("time_h", d.timeH());
            g.writeStringField("route", d.route().shortName());
            g.writeStringField("description", d.describe());
            g.writeNumberField("amount_mg", d.amountMg(kg));
            if (d instanceof Dose.Infusion i) {
                g.writeNumberField("duration_h", i.durationH());
                g.writeNumberField("rate_mg_per_h", i.rateMgPerH(kg));
                g.writeBooleanField("capped", i.capped(kg));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeObjectFieldStart("metrics");
        for (Run.Metrics m : r.metrics().values()) {
            g.writeObjectFieldStart(m.analyte().label());
            g.writeNumberField("cmax_ng_per_mL", m.cmaxNgPerMl());
            if (m.hasPeak()) {
                g.writeNumberField("tmax_h", m.tmaxH());
            } else {
                // no peak: the curve stays at 0 (every dose after the end)
                g.writeNullField("tmax_h");
            }
            g.writeNumberField("auc_ng_h_per_mL", m.aucNgHPerMl());
            if (m.timeInBandH() != null) {
                g.writeNumberField("time_in_band_h", m.timeInBandH());
                if (m.timeToBelowBandH() != null) {
                    g.writeNumberField("time_to_below_band_after_last_input_h", m.timeToBelowBandH());
                } else {
                    g.writeNullField("time_to_below_band_after_last_input_h");
                }
                g.writeBooleanField("above_band_low_at_end", m.stillAboveAtEnd());
                if (m.timeToReachBandH() != null) {
                    g.writeNumberField("time_to_reach_band_h", m.timeToReachBandH());
                } else {
                    g.writeNullField("time_to_reach_band_h");
                }
            }
            if (m.terminalHalfLifeH() != null) {
                g.writeNumberField("terminal_half_life_h", m.terminalHalfLifeH());
            }
            ExposureJson.metrics(g, m);
            g.writeEndObject();
        }
        g.writeEndObject();
        ExposureJson.run(g, r);

        warnings(g, "warnings", r.warnings());
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        adjustments(g, r.result().adjustments());

        Profile prof = r.result().profile();
        g.writeObjectFieldStart("profile");
        g.writeFieldName("time_h");
        array(g, prof.timesH());
        for (Analyte a : Analyte.values()) {
            if (prof.has(a)) {
                g.writeFieldName(a.label() + "_ng_per_mL");
                array(g, prof.series(a).ngPerMl());
            }
        }
        g.writeEndObject();
    }

    /**
     * Starts a pretty-printed JSON document of the command line's: the open top-level object with the tool block
     * (name, version, command) and the disclaimer. The caller writes the rest and closes the object.
     */
    static JsonGenerator document(Writer out, String command) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "ketamine-pk");
        g.writeStringField("version", Main.version());
        g.writeStringField("command", command);
        g.writeEndObject();
        g.writeStringField("disclaimer", "A teaching and review tool, not a dosing device.");
        return g;
    }

    /** Closes a document {@link #document} started: the top-level object, then a final newline; flushes both. */
    static void end(JsonGenerator g, Writer out) throws IOException {
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    /**
     * Writes the report of the {@code patient} command: the patient, the derived values with their methods, unusual
     * values, and per model the parameters that change, every step with reason and source, the warnings and the
     * well-stirred liver behind ketamine's clearance.
     */
    public static void writePatientReport(Writer out, PatientReport report) throws IOException {
        JsonGenerator g = document(out, "patient");
        patient(g, report.patient());
        g.writeArrayFieldStart("derived");
        for (PatientReport.Quantity q : report.derived()) {
            g.writeStartObject();
            g.writeStringField("name", q.name());
            g.writeNumberField("value", q.value());
            g.writeStringField("unit", q.unit());
            g.writeStringField("method", q.method());
            g.writeEndObject();
        }
        g.writeEndArray();
        warnings(g, "patient_warnings", report.patientWarnings());
        g.writeArrayFieldStart("models");
        for (PatientReport.ModelSection m : report.models()) {
            g.writeStartObject();
            g.writeStringField("id", m.modelId());
            g.writeStringField("name", m.modelName());
            g.writeArrayFieldStart("parameters");
            for (PatientReport.ParameterChange c : m.parameters()) {
                g.writeStartObject();
                g.writeStringField("parameter", c.name());
                g.writeStringField("description", c.description());
                g.writeStringField("role", c.role().name());
                g.writeStringField("unit", c.unit());
                g.writeNumberField("typical_value", c.typicalValue());
                g.writeNumberField("patient_value", c.patientValue());
                g.writeNumberField("factor", c.factor());
                g.writeEndObject();
            }
            g.writeEndArray();
            adjustments(g, m.adjustments());
            warnings(g, "warnings", m.warnings());
            if (m.liver().isPresent()) {
                StandardPatientAdjuster.LiverModel l = m.liver().get();
                g.writeObjectFieldStart("ketamine_liver_70kg_reference");
                g.writeBooleanField("liver_compartment_in_model", l.physiological());
                g.writeNumberField("unbound_fraction", l.typical().unboundFraction());
                liver(g, "typical", l.typical(), l.renalClearanceTypicalLPerH(), l.clearanceTypicalLPerH());
                liver(g, "patient", l.patient(), l.renalClearancePatientLPerH(), l.clearancePatientLPerH());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        end(g, out);
    }

    private static void liver(JsonGenerator g, String field, WellStirredLiver l, double renalLPerH,
            double totalLPerH) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("hepatic_plasma_flow_L_per_h", l.hepaticFlowLPerH());
        g.writeNumberField("intrinsic_clearance_L_per_h", l.intrinsicClearanceLPerH());
        g.writeNumberField("extraction", l.extraction());
        g.writeNumberField("hepatic_clearance_L_per_h", l.clearanceLPerH());
        g.writeNumberField("renal_clearance_L_per_h", renalLPerH);
        g.writeNumberField("clearance_L_per_h", totalLPerH);
        g.writeEndObject();
    }

    /** The patient as given: body size, and organ function, genotype and co-medication when stated. */
    static void patient(JsonGenerator g, Patient p) throws IOException {
        g.writeObjectFieldStart("patient");
        g.writeNumberField("age_years", p.ageYears());
        g.writeNumberField("weight_kg", p.weightKg());
        g.writeNumberField("height_cm", p.heightCm());
        g.writeStringField("sex", p.sex().name().toLowerCase(Locale.ROOT));
        if (p.kidney() instanceof KidneyFunction.NotStated) {
            g.writeNullField("kidney");
        } else {
            g.writeStringField("kidney", p.kidney().describe());
        }
        if (p.liver() instanceof LiverFunction.NotStated) {
            g.writeNullField("liver");
        } else {
            g.writeStringField("liver", p.liver().describe());
        }
        if (p.childPughScore().isPresent()) {
            g.writeNumberField("child_pugh_score", p.childPughScore().getAsInt());
        }
        if (p.childPughClass().isPresent()) {
            g.writeStringField("child_pugh_class", p.childPughClass().get().name());
        }
        g.writeStringField("cyp2b6", p.cyp2b6().label());
        g.writeArrayFieldStart("co_medications");
        for (CoMedication c : p.coMedications()) {
            g.writeString(c.label());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void adjustments(JsonGenerator g, List<Adjustment> adjustments) throws IOException {
        g.writeArrayFieldStart("adjustments");
        for (Adjustment a : adjustments) {
            g.writeStartObject();
            g.writeStringField("parameter", a.parameter());
            g.writeStringField("unit", a.unit());
            g.writeNumberField("typical_value", a.typicalValue());
            g.writeNumberField("patient_value", a.patientValue());
            g.writeNumberField("factor", a.factor());
            g.writeStringField("reason", a.reason());
            g.writeStringField("source", a.source());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void warnings(JsonGenerator g, String field, List<Warning> warnings) throws IOException {
        g.writeArrayFieldStart(field);
        for (Warning w : warnings) {
            g.writeStartObject();
            g.writeStringField("code", w.code().name());
            g.writeStringField("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void citation(JsonGenerator g, String field, Citation c) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", c.format());
        g.writeStringField("link", c.link().orElse(null));
        g.writeEndObject();
    }

    private static void array(JsonGenerator g, double[] v) throws IOException {
        g.writeArray(v, 0, v.length);
    }

    /**
     * Writes {@code "name": [ ... ]}, one number per element as the generator writes a double: the arrays of the
     * target, manual-scheme and effect files.
     */
    static void array(JsonGenerator g, String name, double[] v) throws IOException {
        g.writeArrayFieldStart(name);
        for (double x : v) {
            g.writeNumber(x);
        }
        g.writeEndArray();
    }
}
