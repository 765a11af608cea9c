package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.Summary;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;

/**
 * Several series, each given to the same virtual patients, as {@code compare --population} reports them: one
 * {@link PopulationReport} per series, and the paired comparison of each series with the first, patient by
 * patient. Every series is simulated with the same seed and patient indices, so patient i of one series has the
 * covariates of patient i of every other; series of the same model also share patient i's random effects (drawn
 * from the stream of (seed, i)). Series of different models draw from the same stream, but their terms differ, so
 * their random effects are not the same quantities.
 *
 * <p>Immutable. Not a dosing device: the numbers describe model populations, not persons.
 *
 * @param series one report per series, in the order given; the first is the reference of the paired comparison
 */
public record PopulationComparison(List<PopulationReport> series) {
    /** The percentiles of the per-patient ratios reported. */
    static final double[] RATIO_PERCENTILES = {5, 50, 95};
    /**
     * Relative difference below which two values of one patient count as equal, not higher: Tmax and the time in a
     * band are found by root finding, and a metric that the series do not change (norketamine's Tmax when only the
     * dose differs) still differs by about 1e-9 between two runs.
     */
    static final double SAME_RELATIVE = 1e-6;

    /** Copies the list; needs at least two series of equally many patients. */
    public PopulationComparison {
        series = List.copyOf(series);
        if (series.size() < 2) {
            throw new InvalidInputException("series", "a comparison needs at least two series but got "
                    + series.size());
        }
        for (PopulationReport r : series) {
            if (r.outcome().size() != series.get(0).outcome().size()) {
                throw new InvalidInputException("series", "every series must have the same patients but one had "
                        + r.outcome().size() + " and the first " + series.get(0).outcome().size());
            }
        }
    }

    /**
     * Simulates every series for the same virtual patients, one after another, each on all processors.
     *
     * @param typicals the typical patient's run of each series (label, model, regimen, band)
     * @param patients the virtual patients of each series, equally many (the same list, unless the series differ
     *        in their patient)
     * @param grid the metrics grid
     * @param options the population options (seed, residual error, probabilities, covariate source)
     * @param iiv the user's variability, or null for each model's published variability
     * @param progress from {@link PopulationRunner#progress}, for {@code typicals.size()} populations
     * @return the comparison
     * @throws InvalidInputException when a series' model has no variability to draw from, or as
     *         {@link PopulationReport#simulate} throws
     */
    public static PopulationComparison simulate(List<Run> typicals, List<List<Patient>> patients, TimeGrid grid,
            PopulationOptions options, VariabilitySpec iiv, PopulationReport.Progress progress) {
        // every model's variability is checked before any population runs
        List<VariabilityModel> variability = new ArrayList<>();
        for (Run r : typicals) {
            variability.add(PopulationReport.variability(r.model(), iiv));
        }
        List<PopulationReport> reports = new ArrayList<>();
        for (int i = 0; i < typicals.size(); i++) {
            reports.add(PopulationRunner.simulate(typicals.get(i), patients.get(i), grid, options,
                    variability.get(i), progress));
        }
        return new PopulationComparison(reports);
    }

    /** @return the first series, against which the others are set */
    public PopulationReport reference() {
        return series.get(0);
    }

    /** @return the number of virtual patients in each series */
    public int patients() {
        return reference().outcome().size();
    }

    /** @return whether every series uses one model, so that patient i has the same random effects in all */
    public boolean sameRandomEffects() {
        for (PopulationReport r : series) {
            if (r.typical().model() != reference().typical().model()) {
                return false;
            }
        }
        return true;
    }

    /** @return the ids of the series' models, each once, in order */
    public List<String> modelIds() {
        Set<String> out = new LinkedHashSet<>();
        for (PopulationReport r : series) {
            out.add(r.typical().model().id());
        }
        return List.copyOf(out);
    }

    /**
     * One metric of one series set against the reference, patient by patient.
     *
     * @param analyte the analyte
     * @param name the metric as printed ("Cmax")
     * @param key the metric's key in files ("cmax")
     * @param unit the metric's unit (cancelled in the ratio)
     * @param ratio the distribution of the per-patient ratio series/reference (5th, 50th, 95th percentiles) over
     *        the patients whose reference value is above 0, or null when there are none
     * @param compared how many patients the ratio covers (the reference value above 0)
     * @param higher how many patients have a higher value in the series than in the reference, by more than
     *        {@value #SAME_RELATIVE} of the larger value
     * @param total the number of patients
     */
    public record PairedMetric(Analyte analyte, String name, String key, String unit, Summary ratio, int compared,
            int higher, int total) {
        /** @return the share of patients with a higher value in the series, 0–1 */
        public double higherShare() {
            return higher / (double) total;
        }
    }

    /**
     * @param index a series after the first, 1 to {@code series().size() - 1}
     * @return each metric the series and the reference both report, set against the reference patient by patient
     */
    public List<PairedMetric> paired(int index) {
        if (index < 1 || index >= series.size()) {
            throw new InvalidInputException("series", "the series compared with the first must be from 1 to "
                    + (series.size() - 1) + " but was " + index);
        }
        PopulationReport ref = reference();
        PopulationReport other = series.get(index);
        List<PairedMetric> out = new ArrayList<>();
        for (PopulationReport.MetricRow m : ref.metricRows()) {
            if (!other.typical().model().analytes().contains(m.analyte())) {
                continue;
            }
            double[] a = ref.outcome().values(m.analyte(), m.metric());
            double[] b = other.outcome().values(m.analyte(), m.metric());
            double[] r = ratios(a, b);
            int higher = 0;
            for (int i = 0; i < a.length; i++) {
                if (higher(a[i], b[i])) {
                    higher++;
                }
            }
            out.add(new PairedMetric(m.analyte(), m.name(), m.key(), m.unit(),
                    r.length == 0 ? null : Summary.of(r, RATIO_PERCENTILES), r.length, higher, a.length));
        }
        return out;
    }

    /** @return whether {@code other} exceeds {@code reference} by more than {@value #SAME_RELATIVE} of the larger */
    static boolean higher(double reference, double other) {
        return other - reference > SAME_RELATIVE * Math.max(Math.abs(reference), Math.abs(other));
    }

    /**
     * @param reference each patient's value in the reference series
     * @param other the same patients' values in another series
     * @return other[i] / reference[i] for each patient whose reference value is above 0, in patient order
     */
    static double[] ratios(double[] reference, double[] other) {
        double[] out = new double[reference.length];
        int n = 0;
        for (int i = 0; i < reference.length; i++) {
            double q = other[i] / reference[i];
            if (reference[i] > 0 && Double.isFinite(q)) {
                out[n++] = q;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
