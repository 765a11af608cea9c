package org.ketaminepk.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.Probability;
import org.ketaminepk.population.ReferencePopulation;
import org.ketaminepk.population.Summary;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;

/**
 * Between-patient variability: 1,000 virtual adults on Dahan's 100-h S-ketamine infusion for CRPS, simulated with
 * Otto 2021's S-ketamine model, which publishes its variability (log-normal random effects with their correlations).
 * The adults are drawn from the library's US reference population (weight and height by sex and age band, NHANES
 * 2015–2018); each also gets random effects from the model's published ω. Prints the spread of peak, time of peak,
 * exposure and hours above Dahan 2011's pain-relief C50, one probability, and the 5th, 50th and 95th percentile of
 * the concentration at a few times.
 *
 * <p>What an embedder needs to know: a population is one immutable {@link PopulationSimulation}; every patient draws
 * from a random stream of its own, derived from the seed and the patient's index, so the same seed gives the same
 * numbers bit for bit on any number of threads (the example checks it). Metrics are exact (no grid); the percentile
 * bands are kept in bounded memory, within 1 % of the exact percentiles of the same patients.
 *
 * <p>Run (see examples/README.md):
 * {@code ./mvnw -q -pl examples compile exec:java -Dexec.mainClass=org.ketaminepk.examples.VirtualPopulation}.
 * A teaching example, not dosing advice.
 */
public final class VirtualPopulation {
    /** The seed of the patients' covariates and random effects. */
    static final long SEED = 2026;
    /** Dahan 2011's C50 of S-ketamine for relief of CRPS pain, 10.5 ng/mL (as the protocol's notes quote it). */
    static final Band ABOVE_C50 = Band.above(10.5);
    /** End of the simulated time: the 100-h infusion and two days after it, h. */
    static final double END_H = 148;
    /** Times at which the percentile bands are printed, h. */
    static final double[] SHOWN_H = {6, 24, 60, 100, 106, 124, 148};

    private VirtualPopulation() {
    }

    /** The population of {@code n} adults aged 20–80 years, half of them men, with percentile bands every 30 min. */
    static PopulationSimulation population(int n) {
        PublishedModel model = Models.OTTO_2021;
        Protocol protocol = Protocols.CRPS_DAHAN_2011;
        List<Patient> adults = ReferencePopulation.usAdults(n, SEED, 20, 80, 0.5);
        return PopulationSimulation.of(model, adults, protocol.regimen(), TimeGrid.uniform(END_H, 1.0 / 60), SEED)
                .withBands(ABOVE_C50)
                .withPercentileBands(TimeGrid.uniform(END_H, 0.5));
    }

    /** Runs {@code population} on a pool of {@code threads} threads, which it shuts down afterwards. */
    static PopulationOutcome run(PopulationSimulation population, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return population.run(pool);
        } finally {
            pool.shutdown();
        }
    }

    /** Prints the summary. */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        PopulationSimulation population = population(1000);
        PopulationOutcome result = run(population, 2);
        out.println("1,000 US adults (20-80 years) on " + Protocols.CRPS_DAHAN_2011.id() + " (S-ketamine 5 to 20 mg/h "
                + "per 70 kg over 100 h),");
        out.println("model " + result.model().id() + ", seed " + result.seed() + ". Variability drawn:");
        VariabilityModel v = result.variability();
        double[][] omega = v.omega();
        for (int i = 0; i < v.terms().size(); i++) {
            VariabilityModel.Term t = v.terms().get(i);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-4s CV %.1f %%, %s scale",
                    t.parameter(), t.cvPercent(), t.scale().label()));
            for (int j = 0; j < i; j++) {
                if (omega[i][j] != 0) {
                    line.append(String.format(Locale.ROOT, "; correlation with %s %.2f", v.terms().get(j).parameter(),
                            omega[i][j] / Math.sqrt(omega[i][i] * omega[j][j])));
                }
            }
            out.println(line);
        }
        wrap(out, "from " + v.terms().get(0).source(), "  ", "    ");
        out.println();
        out.println(String.format(Locale.ROOT, "%-14s %-22s %14s %14s %14s %6s", "analyte", "metric", "5th pct",
                "median", "95th pct", "CV"));
        for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            String name = "S-" + a.label();
            row(out, result, name, a, "Cmax", "ng/mL", AnalyteMetrics::cmaxNgPerMl, 1);
            row(out, result, name, a, "Tmax", "h", AnalyteMetrics::tmaxH, 1);
            row(out, result, name, a, "AUC 0-148 h", "ng·h/mL", AnalyteMetrics::aucNgHPerMl, 0);
            row(out, result, name, a, "time " + ABOVE_C50.label(), "h", m -> m.timeInBandH(ABOVE_C50), 1);
        }
        out.println();
        Probability p = result.probabilityTimeInBandAtLeast(Analyte.KETAMINE, ABOVE_C50, 120);
        out.println(String.format(Locale.ROOT, "S-ketamine %s for at least 120 h: %.1f %% of patients (%d of %d),%n"
                + "95 %% interval of that estimate %.1f-%.1f %%", ABOVE_C50.label(), 100 * p.fraction(), p.count(), p.total(),
                100 * p.lower95(), 100 * p.upper95()));
        out.println();
        PercentileBands bands = result.percentileBands().orElseThrow();
        out.println(String.format(Locale.ROOT, "%-14s %8s %14s %14s %14s", "S-ketamine at", "time", "5th pct", "median",
                "95th pct"));
        for (double t : SHOWN_H) {
            int i = Arrays.binarySearch(bands.timesH(), t);
            out.println(String.format(Locale.ROOT, "%-14s %6.0f h %14s %14s %14s", "", t,
                    cell(bands.ngPerMl(Analyte.KETAMINE, 5)[i], "ng/mL", 1),
                    cell(bands.ngPerMl(Analyte.KETAMINE, 50)[i], "ng/mL", 1),
                    cell(bands.ngPerMl(Analyte.KETAMINE, 95)[i], "ng/mL", 1)));
        }
        out.println();
        PopulationOutcome again = run(population, 1);
        out.println("The same seed on one thread gives the same patients' metrics bit for bit: "
                + (sameMetrics(result, again) ? "yes" : "NO"));
        out.println();
        out.println("How to read it: each metric row is the distribution over the patients; the spread comes from");
        out.println("body size (the protocol's rates are per 70 kg, the model's parameters scale with weight) and from");
        out.println("the model's published random effects. The percentile bands are percentiles at each time, not");
        out.println("the curves of particular patients. Both analytes peak when the infusion stops at 100 h; the time");
        out.println("above the C50 is a question about the curve, not a prediction of relief.");
    }

    /**
     * Prints {@code text} in lines of at most 100 characters, breaking at spaces: the first line starts with
     * {@code first}, the others with {@code indent}.
     */
    static void wrap(PrintStream out, String text, String first, String indent) {
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > 100) {
                out.println(line);
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    /** @return whether both runs gave every patient the same Cmax, Tmax and AUC of every analyte, bit for bit */
    static boolean sameMetrics(PopulationOutcome a, PopulationOutcome b) {
        for (Analyte an : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            for (ToDoubleFunction<AnalyteMetrics> m : List.<ToDoubleFunction<AnalyteMetrics>>of(
                    AnalyteMetrics::cmaxNgPerMl, AnalyteMetrics::tmaxH, AnalyteMetrics::aucNgHPerMl)) {
                if (!Arrays.equals(a.values(an, m), b.values(an, m))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void row(PrintStream out, PopulationOutcome result, String name, Analyte analyte, String metric,
            String unit, ToDoubleFunction<AnalyteMetrics> value, int decimals) {
        Summary s = result.summary(analyte, value, 5, 50, 95);
        String cv = s.cvPercent().isPresent() ? String.format(Locale.ROOT, "%.0f %%", s.cvPercent().getAsDouble())
                : "-";
        out.println(String.format(Locale.ROOT, "%-14s %-22s %14s %14s %14s %6s", name, metric,
                cell(s.percentile(5), unit, decimals), cell(s.percentile(50), unit, decimals),
                cell(s.percentile(95), unit, decimals), cv));
    }

    private static String cell(double v, String unit, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %s", v, unit);
    }
}
