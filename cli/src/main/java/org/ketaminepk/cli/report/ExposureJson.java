package org.ketaminepk.cli.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.result.AucRatio;

/**
 * The exposure fields of the JSON report: per analyte the exact AUC to infinity, the basis of the terminal
 * half-life, time above the band, trough and steady state; per run the norketamine/ketamine ratio and the dosing
 * weight.
 */
final class ExposureJson {
    private ExposureJson() {
    }

    /** Writes the fields of one analyte's metrics object. */
    static void metrics(JsonGenerator g, Run.Metrics m) throws IOException {
        if (m.terminalHalfLifeH() != null) {
            g.writeStringField("terminal_half_life_basis", "model's slowest rate constant reaching this analyte");
        }
        number(g, "auc_0_inf_ng_h_per_mL", m.aucToInfinityNgHPerMl());
        number(g, "time_above_band_h", m.timeAboveBandH());
        number(g, "last_trough_ng_per_mL", m.lastTroughNgPerMl());
        number(g, "dosing_interval_h", m.dosingIntervalH());
        number(g, "steady_state_average_ng_per_mL", m.steadyStateAverageNgPerMl());
    }

    /** Writes the run's ratio and dosing weight fields. */
    static void run(JsonGenerator g, Run r) throws IOException {
        AucRatio ratio = r.norketamineRatio();
        if (ratio != null) {
            g.writeObjectFieldStart("auc_ratio_norketamine_to_ketamine");
            g.writeStringField("basis", "by mass, ng·h/mL over ng·h/mL");
            number(g, "over_grid", ratio.overGrid().isPresent() ? ratio.overGrid().getAsDouble() : null);
            number(g, "to_infinity", ratio.toInfinity().isPresent() ? ratio.toInfinity().getAsDouble() : null);
            g.writeEndObject();
        }
        g.writeObjectFieldStart("dosing_weight");
        g.writeStringField("basis", r.dosingWeight().key());
        g.writeStringField("description", r.dosingWeight().label());
        g.writeNumberField("kg", r.dosingWeightKg());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Double v) throws IOException {
        if (v != null) {
            g.writeNumberField(name, v);
        }
    }
}
