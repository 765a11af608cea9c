package org.ketaminepk.examples;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.ReferencePopulation;
import org.ketaminepk.population.Summary;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Series;

/**
 * The two snippets of the top-level README's "Using the library" section, word for word, made runnable: the
 * default racemic model, an 82-kg adult with Child–Pugh B cirrhosis, the 10-day CRPS protocol, and norketamine's
 * peak and first-day exposure, followed by the result's warnings and adjustments; then the same protocol given to
 * 1,000 virtual US adults with Otto 2021's published between-patient variability. {@code ExamplesTest} checks that
 * the code between the markers below is the README's, line for line, so the README cannot silently stop compiling.
 *
 * <p>Run (see examples/README.md):
 * {@code ./mvnw -q -pl examples compile exec:java -Dexec.mainClass=org.ketaminepk.examples.QuickStart}.
 * A teaching example, not dosing advice.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /** Runs the README snippets and prints the numbers they compute. */
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

        // the same with named steps instead of bare hours (java.time.Duration)
        Dose day1 = Dose.infusion(Rate.mgPerKgPerH(0.35)).lasting(Duration.ofHours(4)).at(Duration.ZERO);
        TimeGrid grid = TimeGrid.every(Duration.ofMinutes(1)).until(Duration.ofHours(264));
        // --- end of the snippet ---

        // the named steps mean what the bare hours do
        if (!day1.equals(((Dose.Infusion) crps.doses().get(0)).withoutCap()) || grid.size() != 264 * 60 + 1) {
            throw new IllegalStateException("named steps: " + day1 + ", " + grid);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            population(crps, grid, pool);
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "norketamine Cmax %.1f ng/mL, AUC 0-24 h %.0f ng·h/mL%n",
                peakNgPerMl, aucNgHPerMl);
    }

    /** Runs the README's population snippet on {@code executor} and prints what it computes. */
    static void population(Regimen crps, TimeGrid grid, Executor executor) {
        // --- README "Between-patient variability", unchanged ---
        List<Patient> people = ReferencePopulation.usAdults(1_000, 7, 20, 80, 0.5);   // or PatientCsv.read(reader),
                                                                                      // PatientDistributions.parse("weight=50..120")
        PopulationOutcome out = PopulationSimulation.of(Models.OTTO_2021, people, crps, grid, 2026L)   // seed
                .withBands(Band.within(70, 160))
                .withPercentileBands(TimeGrid.uniform(264, 0.25))                    // 5, 25, 50, 75, 95 %
                .run(executor);
        Summary peak = out.summary(Analyte.NORKETAMINE, AnalyteMetrics::cmaxNgPerMl);  // percentiles, mean, GM, CV
        Probability p = out.probabilityCmaxAbove(Analyte.KETAMINE, 300);
        out.variability().provenance().forEach(System.out::println);                  // where every term comes from
        // --- end of the snippet ---

        System.out.printf(Locale.ROOT, "1,000 virtual adults, Otto 2021: norketamine Cmax median %.0f ng/mL "
                + "(5-95 %%: %.0f-%.0f ng/mL); ketamine Cmax above 300 ng/mL in %.1f %%%n", peak.median(),
                peak.percentile(5), peak.percentile(95), 100 * p.fraction());
    }
}
