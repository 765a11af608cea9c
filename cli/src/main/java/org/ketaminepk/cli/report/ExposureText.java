package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ketaminepk.base.Checks;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.result.AucRatio;

/**
 * The exposure lines of the summary beyond the metrics table: the exact AUC to infinity, the norketamine/ketamine
 * ratio, troughs and steady state of a repeated regimen, time above the band and the dosing weight.
 */
final class ExposureText {
    private ExposureText() {
    }

    /** @return the sentences for one run, each empty part left out */
    static String sentences(Run run) {
        List<String> out = new ArrayList<>();
        String inf = perAnalyte(run, m -> m.aucToInfinityNgHPerMl() == null ? null
                : Text.sig(m.aucToInfinityNgHPerMl(), 5) + " ng·h/mL");
        if (inf != null) {
            out.add("AUC 0–∞ (exact for the linear model, all doses): " + inf + ".");
        }
        String ratio = ratio(run.norketamineRatio());
        if (ratio != null) {
            out.add("Norketamine/ketamine AUC ratio (by mass): " + ratio + ".");
        }
        Run.Metrics first = run.metrics().values().iterator().next();
        if (first.dosingIntervalH() != null) {
            // the trough is missing when the last dose falls after the end of the run
            String trough = perAnalyte(run, m -> m.lastTroughNgPerMl() == null ? null
                    : Text.sig(m.lastTroughNgPerMl(), 4) + " ng/mL");
            String steady = perAnalyte(run, m -> m.steadyStateAverageNgPerMl() == null ? null
                    : Text.sig(m.steadyStateAverageNgPerMl(), 4) + " ng/mL");
            List<String> parts = new ArrayList<>();
            parts.add(trough != null ? "trough before the last dose " + trough
                    : "no trough before the last dose (the run ends before it)");
            if (steady != null) {
                parts.add("steady-state average " + steady);
            }
            // in the unit that reads best: rounded to 0.001 h, doses 0.36 s apart were "every 0 h"
            out.add("Repeated every " + Text.step(first.dosingIntervalH()) + ": "
                    + String.join("; ", parts) + ".");
        } else if (first.lastTroughNgPerMl() != null) {
            out.add("Trough before the last dose: " + perAnalyte(run, m -> m.lastTroughNgPerMl() == null ? null
                    : Text.sig(m.lastTroughNgPerMl(), 4) + " ng/mL") + ".");
        }
        Run.Metrics k = run.metrics().get(org.ketaminepk.base.Analyte.KETAMINE);
        if (k != null && k.timeAboveBandH() != null) {
            out.add(k.timeAboveBandH() > 0 ? "Above band: ketamine above " + Checks.fmt(run.band().highNgPerMl())
                    + " ng/mL for " + Text.hours(k.timeAboveBandH()) + " h." : "Above band: ketamine never exceeds "
                    + Checks.fmt(run.band().highNgPerMl()) + " ng/mL.");
        }
        String dosing = dosingWeight(run);
        if (dosing != null) {
            out.add("Dosing weight: mg/kg doses use " + dosing + ".");
        }
        return String.join(" ", out);
    }

    /** @return e.g. "ideal body weight (Devine 1974), 70.5 kg", or null for total body weight */
    static String dosingWeight(Run run) {
        if (run.dosingWeight() == DosingWeight.TOTAL) {
            return null;
        }
        return run.dosingWeight().label() + ", " + Text.sig(run.dosingWeightKg(), 3) + " kg";
    }

    /** @return e.g. "0.82 over 0–24 h, 1.31 to infinity", or null */
    static String ratio(AucRatio r) {
        if (r == null || r.overGrid().isEmpty()) {
            return null;
        }
        return Text.sig(r.overGrid().getAsDouble(), 3) + " over 0–" + Checks.fmt(r.gridEndH()) + " h"
                + (r.toInfinity().isPresent() ? ", " + Text.sig(r.toInfinity().getAsDouble(), 3) + " to infinity"
                        : "");
    }

    /** @return "ketamine X, norketamine Y" for the analytes with a value, or null when none has one */
    private static String perAnalyte(Run run, Function<Run.Metrics, String> f) {
        List<String> parts = new ArrayList<>();
        for (Run.Metrics m : run.metrics().values()) {
            String v = f.apply(m);
            if (v != null) {
                parts.add(m.analyte().label() + " " + v);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
