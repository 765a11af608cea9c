package org.ketaminepk.cli.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.model.Warning;
import org.ketaminepk.target.PumpSettings;
import org.ketaminepk.target.TargetController;
import org.ketaminepk.target.TargetPlan;

/**
 * The JSON fields of a pump schedule, written alike by {@code target --json} and the explorer's {@code /api/target}:
 * the mode, the targets, the effect link, the pump, the schedule, when each target was reached, the totals and the
 * warnings. Keys carry their units.
 */
public final class TargetJson {
    private TargetJson() {
    }

    /** Writes the plan's fields into the object {@code g} is in. */
    public static void plan(JsonGenerator g, TargetPlan plan) throws IOException {
        TargetController c = plan.controller();
        PumpSettings p = c.pump();
        g.writeStringField("mode", c.mode().label());
        g.writeStringField("targets", plan.schedule().toString());
        if (c.link().isPresent()) {
            EffectLink l = c.link().get();
            g.writeObjectFieldStart("effect_site");
            g.writeNumberField("ke0_per_min", l.ke0PerMin());
            g.writeNumberField("half_time_min", l.halfTimeH() * 60);
            g.writeStringField("basis", l.basis().label());
            g.writeStringField("how", l.how());
            g.writeEndObject();
        }
        if (c.plasmaLimitFactor().isPresent()) {
            g.writeNumberField("plasma_limit_factor", c.plasmaLimitFactor().getAsDouble());
        }
        g.writeObjectFieldStart("pump");
        g.writeNumberField("syringe_mg_per_ml", p.syringeMgPerMl());
        g.writeStringField("salt", p.salt() == DrugSalt.HYDROCHLORIDE ? "hydrochloride" : "base");
        g.writeNumberField("max_rate_ml_per_h", p.maxRateMlPerH());
        g.writeNumberField("update_interval_s", p.updateIntervalH() * 3600);
        g.writeNumberField("rate_step_ml_per_h", p.rateStepMlPerH().orElse(0));
        g.writeEndObject();
        g.writeArrayFieldStart("pump_schedule");
        for (TargetPlan.Segment s : plan.segments()) {
            g.writeStartObject();
            g.writeNumberField("start_h", s.startH());
            g.writeNumberField("end_h", s.endH());
            g.writeNumberField("rate_ml_per_h", s.rateMlPerH());
            g.writeNumberField("rate_mg_per_h", s.rateMgPerH());
            g.writeNumberField("cumulative_mg", s.cumulativeMg());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("targets_reached");
        for (TargetPlan.StepOutcome o : plan.outcomes()) {
            g.writeStartObject();
            g.writeNumberField("target_ng_per_ml", o.step().targetNgPerMl());
            g.writeNumberField("start_h", o.step().startH());
            g.writeNumberField("end_h", o.step().endH());
            if (o.reached()) {
                g.writeNumberField("reached_h", o.reachedH().getAsDouble());
            } else {
                g.writeNullField("reached_h");
            }
            g.writeBooleanField("limited_by_max_rate", o.limitedByMaxRate());
            if (o.predictedPeakH().isPresent()) {
                g.writeNumberField("predicted_effect_site_peak_h", o.predictedPeakH().getAsDouble());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("total_mg", plan.totalMg());
        g.writeNumberField("total_base_mg", plan.totalBaseMg());
        g.writeNumberField("total_ml", plan.totalMl());
        g.writeArrayFieldStart("warnings");
        for (Warning x : plan.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", x.code().name());
            g.writeStringField("message", x.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
