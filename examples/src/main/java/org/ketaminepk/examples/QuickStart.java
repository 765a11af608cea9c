package org.ketaminepk.examples;

import java.util.Locale;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Series;

/**
 * The snippet of the top-level README's "Using the library" section, word for word, made runnable: the default
 * racemic model, an 82-kg adult with Child–Pugh B cirrhosis, the 10-day CRPS protocol, and norketamine's peak and
 * first-day exposure, followed by the result's warnings and adjustments. If this stops compiling, the README is out
 * of date.
 *
 * <p>Run (see examples/README.md):
 * {@code ./mvnw -q -pl examples compile exec:java -Dexec.mainClass=org.ketaminepk.examples.QuickStart}.
 * A teaching example, not dosing advice.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /** Runs the README snippet and prints the two numbers it computes. */
    public static void main(String[] args) {
        // --- README "Using the library", unchanged ---
        PublishedModel model = Models.DEFAULT;                       // racemic-composite
        Patient patient = Patient.standardAdult().withWeightKg(82).withChildPugh(ChildPughClass.B);
        Regimen crps = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
        SimulationResult r = Simulation.run(model, patient, crps, TimeGrid.uniform(11 * 24, 1.0 / 60));

        Series nk = r.profile().series(Analyte.NORKETAMINE);
        double peakNgPerMl = nk.cmaxNgPerMl();
        double aucNgHPerMl = nk.aucNgHPerMl(0, 24);                  // exact integral, not a trapezoid
        r.warnings().forEach(w -> System.out.println(w.message()));   // extrapolation, assumptions
        r.adjustments().forEach(a -> System.out.println(a));          // what changed for this patient
        // --- end of the snippet ---

        System.out.printf(Locale.ROOT, "norketamine Cmax %.1f ng/mL, AUC 0-24 h %.0f ng·h/mL%n",
                peakNgPerMl, aucNgHPerMl);
    }
}
