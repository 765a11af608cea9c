package org.ketaminepk.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.PatientMetrics;
import org.ketaminepk.PopulationResult;
import org.ketaminepk.PopulationRun;
import org.ketaminepk.Simulation;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.AnalyteMetrics;

/**
 * Kidney function swept over its range, everything else fixed: how do the peak and exposure of ketamine and
 * norketamine after one 4-h infusion of 0.35 mg/kg/h follow the eGFR? Norketamine leaves the body partly through the
 * kidney, ketamine hardly at all, so the answer differs between the two.
 *
 * <p>Each patient is the standard adult with the eGFR set by {@link Patient#withEgfrMlPerMinPer173m2}; the library's
 * standard adjustments scale the renal share of each clearance with kidney function. The patients are simulated as
 * a small {@link PopulationRun} that keeps only their metrics; one of them is then simulated alone to list what was
 * adjusted and why.
 *
 * <p>Run (see examples/README.md):
 * {@code ./mvnw -q -pl examples compile exec:java -Dexec.mainClass=org.ketaminepk.examples.KidneySweep}.
 * A teaching example, not dosing advice.
 */
public final class KidneySweep {
    /** The eGFRs swept, mL/min/1.73 m²: normal, then the bounds of the KDIGO stages G2 to G5. */
    static final List<Double> EGFRS = List.of(120.0, 90.0, 60.0, 45.0, 30.0, 15.0);
    /** The patient whose adjustments are listed, eGFR in mL/min/1.73 m². */
    static final double LISTED_EGFR = 30;
    /** How long after the start of the infusion the metrics are read, h (norketamine's half-life is several hours). */
    static final double END_H = 72;

    private KidneySweep() {
    }

    /** One step of the sweep: the eGFR (mL/min/1.73 m²) and the metrics. */
    record Step(double egfrMlPerMinPer173m2, Map<Analyte, AnalyteMetrics> metrics) {
    }

    /** @return one 4-h infusion of 0.35 mg/kg/h at time 0 */
    static Regimen infusion() {
        return Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0));
    }

    /** @return a one-minute grid from 0 to {@link #END_H} */
    static TimeGrid grid() {
        return TimeGrid.uniform(END_H, 1.0 / 60);
    }

    /** @return the standard adult with the given eGFR, mL/min/1.73 m² */
    static Patient patient(double egfrMlPerMinPer173m2) {
        return Patient.standardAdult().withEgfrMlPerMinPer173m2(egfrMlPerMinPer173m2);
    }

    /** Simulates the standard adult at each eGFR, in the order given. */
    static List<Step> sweep(PublishedModel model, Regimen regimen, TimeGrid grid, List<Double> egfrs) {
        List<Patient> patients = new ArrayList<>();
        for (double e : egfrs) {
            patients.add(patient(e));
        }
        // a sweep is a small population: each patient simulated as Simulation would, keeping only the metrics
        PopulationResult result = PopulationRun.of(model, patients, regimen, grid).run();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < egfrs.size(); i++) {
            PatientMetrics p = result.patients().get(i);
            steps.add(new Step(egfrs.get(i), p.analytes()));
        }
        return steps;
    }

    /** @return what the standard adjustments change for the standard adult with this eGFR */
    static List<Adjustment> adjustments(PublishedModel model, double egfrMlPerMinPer173m2) {
        return Simulation.run(model, patient(egfrMlPerMinPer173m2), infusion(), TimeGrid.uniform(1, 1))
                .adjustments();
    }

    /** Prints the sweep. */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        PublishedModel model = Models.DEFAULT;
        List<Step> steps = sweep(model, infusion(), grid(), EGFRS);
        out.println("Kidney-function sweep: one 4-h infusion of 0.35 mg/kg/h (24.5 mg/h at 70 kg)");
        out.println("Model " + model.id() + "; adult of 40 years, 70 kg, 175 cm; read every minute to "
                + f(END_H, 0) + " h.");
        out.println();
        String format = "%-18s | %-11s %-13s %-7s | %-11s %-13s %-7s";
        out.println(String.format(Locale.ROOT, format, "eGFR", "K Cmax", "K AUC", "K AUC", "NK Cmax", "NK AUC",
                "NK AUC"));
        Step normal = steps.get(0);
        for (Step s : steps) {
            AnalyteMetrics k = s.metrics().get(Analyte.KETAMINE);
            AnalyteMetrics nk = s.metrics().get(Analyte.NORKETAMINE);
            out.println(String.format(Locale.ROOT, format, f(s.egfrMlPerMinPer173m2(), 0) + " mL/min/1.73m²",
                    f(k.cmaxNgPerMl(), 1) + " ng/mL", f(k.aucNgHPerMl(), 0) + " ng·h/mL",
                    "×" + f(k.aucNgHPerMl() / normal.metrics().get(Analyte.KETAMINE).aucNgHPerMl(), 2),
                    f(nk.cmaxNgPerMl(), 1) + " ng/mL", f(nk.aucNgHPerMl(), 0) + " ng·h/mL",
                    "×" + f(nk.aucNgHPerMl() / normal.metrics().get(Analyte.NORKETAMINE).aucNgHPerMl(), 2)));
        }
        out.println();
        out.println("K = ketamine, NK = norketamine; AUC from 0 to " + f(END_H, 0) + " h, exact integral; × = AUC as a"
                + " multiple of the first row's (eGFR " + f(normal.egfrMlPerMinPer173m2(), 0) + ").");
        out.println("How to read it: only the renal share of each clearance follows the eGFR, so ketamine barely");
        out.println("moves while norketamine, which the kidney clears in part, accumulates as kidney function falls.");
        out.println();
        out.println("What the standard adjustments change at eGFR " + f(LISTED_EGFR, 0) + " mL/min/1.73m²:");
        for (Adjustment a : adjustments(model, LISTED_EGFR)) {
            out.println(String.format(Locale.ROOT, "  %s: %s -> %s %s (x%s), %s; source: %s", a.parameter(),
                    f(a.typicalValue(), 3), f(a.patientValue(), 3), a.unit(), f(a.factor(), 3), a.reason(),
                    a.source()));
        }
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
