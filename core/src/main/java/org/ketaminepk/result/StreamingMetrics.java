package org.ketaminepk.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.BlockObserver;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.IndividualModel;

/**
 * Per-analyte metrics computed while a solver runs, so that the concentration path is never stored:
 * Cmax, Tmax, exact AUC and the time within each requested {@link Band}. Memory is a few numbers per analyte and
 * band, whatever the length of the grid — the way to simulate a population of thousands of patients on a
 * minute grid.
 * <pre>
 *   StreamingMetrics m = StreamingMetrics.of(system, List.of(Band.within(70, 160)));
 *   ExactSolver.instance().run(system, schedule, grid, false, m);   // or any other Solver
 *   double peakNgPerMl = m.metrics(Analyte.NORKETAMINE).cmaxNgPerMl();
 * </pre>
 *
 * <p><b>Same numbers as {@link Series}.</b> Concentrations are formed exactly as {@link Profile} forms them
 * (amount ÷ volume × molar mass), round-off negatives are reported as 0 under the same rule ({@link RoundOff},
 * checked when the metrics are read), and Cmax, Tmax and band times come from the same accumulator
 * ({@link CurveMetrics}), fed the same output points and the same values around each input change; AUC is the
 * solver's exact cumulative integral at the last grid point. On the same grid every value equals the {@code Series}
 * value bit for bit. (One difference in what is checked, not in what is reported: the cumulative AUC is checked for
 * round-off below zero where the solver hands it over — at the end of each block of points and at each input
 * change — rather than at every point; the concentrations it integrates are checked at every point.)
 *
 * <p>One instance observes one run on one thread (it accumulates); make a new one per patient. The static
 * {@link #compute} methods do that and are safe to call from many threads at once. Not for quantities that need
 * the path afterwards (troughs before each dose, terminal half-life, plots): use {@link Profile} for those.
 */
public final class StreamingMetrics implements BlockObserver {
    /** Points gathered before they are folded into the metrics: long enough for tight loops, small enough for L1. */
    private static final int BUFFER = 256;

    /** One analyte's running metrics; concentrations wait in {@code buffer} until the next fold. */
    private static final class Track {
        final Analyte analyte;
        final int compartment;
        final int observation;
        final double volumeL;
        final double molarMass;
        /** Concentrations, ng/mL, not yet folded. */
        final double[] buffer = new double[BUFFER];
        /** False once a concentration was not finite. */
        boolean finite = true;
        final CurveMetrics curve;
        double mostNegative;
        double aucLast;
        double aucMostNegative;

        Track(Analyte analyte, int compartment, int observation, double volumeL, double[] bandLow,
                double[] bandHigh) {
            this.analyte = analyte;
            this.compartment = compartment;
            this.observation = observation;
            this.volumeL = volumeL;
            this.molarMass = analyte.molarMassGPerMol();
            this.curve = new CurveMetrics(bandLow, bandHigh);
        }
    }

    private final Track[] tracks;
    private final List<Band> bands;
    private final double[] bandLow;
    private final double[] bandHigh;
    private final double[] times = new double[BUFFER];
    private int buffered;
    private int points;
    private double lastTimeH;
    /** Total amount the schedule gives, µmol: part of the round-off scale ({@link RoundOff}). */
    private double givenUmol;

    private StreamingMetrics(CompartmentSystem system, List<Band> bands) {
        this.bands = List.copyOf(bands);
        this.bandLow = new double[this.bands.size()];
        this.bandHigh = new double[this.bands.size()];
        for (int b = 0; b < bandLow.length; b++) {
            bandLow[b] = this.bands.get(b).lowNgPerMl();
            bandHigh[b] = this.bands.get(b).highNgPerMl();
        }
        Map<Analyte, CompartmentSystem.Observation> obs = system.observations();
        this.tracks = new Track[obs.size()];
        int o = 0;
        // the solver numbers its cumulative AUCs in the iteration order of observations() (analyte order)
        for (Map.Entry<Analyte, CompartmentSystem.Observation> e : obs.entrySet()) {
            tracks[o] = new Track(e.getKey(), e.getValue().compartment(), o, e.getValue().volumeL(), bandLow,
                    bandHigh);
            o++;
        }
    }

    /**
     * @param system the system that will be solved (its observations say which analytes are reported)
     * @param bands the bands whose time to measure (may be empty)
     * @return a fresh accumulator for one run
     */
    public static StreamingMetrics of(CompartmentSystem system, List<Band> bands) {
        Checks.notNull("system", system);
        Checks.notNull("bands", bands);
        for (Band b : bands) {
            Checks.notNull("band", b);
        }
        return new StreamingMetrics(system, bands);
    }

    /**
     * Solves {@code system} under {@code schedule} with the exact solver, keeping only the metrics. Thread-safe.
     *
     * @return the metrics per analyte, in analyte order
     */
    public static Map<Analyte, AnalyteMetrics> compute(CompartmentSystem system, Schedule schedule, TimeGrid grid,
            List<Band> bands) {
        return compute(ExactSolver.instance(), system, schedule, grid, bands);
    }

    /**
     * Solves {@code system} under {@code schedule} with {@code solver}, keeping only the metrics. Thread-safe.
     *
     * @return the metrics per analyte, in analyte order
     */
    public static Map<Analyte, AnalyteMetrics> compute(Solver solver, CompartmentSystem system, Schedule schedule,
            TimeGrid grid, List<Band> bands) {
        Checks.notNull("solver", solver);
        Checks.notNull("schedule", schedule);
        Checks.notNull("grid", grid);
        StreamingMetrics m = of(system, bands);
        // sinks are not needed for concentrations; the solver then skips their integration
        solver.run(system, schedule, grid, false, m);
        return m.metrics();
    }

    /**
     * Solves an individualised model under {@code regimen}, keeping only the metrics. Thread-safe.
     *
     * @return the metrics per analyte, in analyte order
     */
    public static Map<Analyte, AnalyteMetrics> compute(IndividualModel individual, Regimen regimen, TimeGrid grid,
            List<Band> bands) {
        Checks.notNull("individual", individual);
        Checks.notNull("regimen", regimen);
        Schedule schedule = regimen.schedule(individual.system(), individual.patient().weightKg());
        return compute(individual.system(), schedule, grid, bands);
    }

    /** Notes the total amount given, for the round-off check. */
    @Override
    public void init(CompartmentSystem system, Schedule schedule, TimeGrid grid) {
        givenUmol = schedule.inputUpTo(grid.endH());
    }

    @Override
    public void accept(int index, double timeH, double[] amounts, double[] sinks, double[] cumulativeAuc) {
        if (index != points || (points > 0 && !(timeH > lastTimeH))) {
            throw new IllegalStateException("output points must arrive in order: expected point " + points
                    + " after " + lastTimeH + " h but got point " + index + " at " + timeH + " h");
        }
        int k = buffered;
        times[k] = timeH;
        for (Track tr : tracks) {
            // formed exactly as Profile forms it, so that the values agree to the last bit
            tr.buffer[k] = amounts[tr.compartment] / tr.volumeL * tr.molarMass;
            noteAuc(tr, cumulativeAuc[tr.observation]);
        }
        lastTimeH = timeH;
        points++;
        buffered = k + 1;
        if (buffered == BUFFER) {
            fold();
        }
    }

    @Override
    public void acceptBlock(int firstIndex, int count, double[] timesH, double[][] observedAmounts,
            double[] cumulativeAuc) {
        if (firstIndex != points || count < 1 || (points > 0 && !(timesH[0] > lastTimeH))) {
            throw new IllegalStateException("output points must arrive in order: expected point " + points
                    + " after " + lastTimeH + " h but got point " + firstIndex + " at " + timesH[0] + " h");
        }
        fold(); // anything that came one point at a time goes first
        for (int done = 0; done < count; done += BUFFER) {
            int part = Math.min(BUFFER, count - done);
            for (Track tr : tracks) {
                double[] amounts = observedAmounts[tr.observation];
                double[] c = tr.buffer;
                double volumeL = tr.volumeL;
                double molarMass = tr.molarMass;
                for (int j = 0; j < part; j++) {
                    c[j] = amounts[done + j] / volumeL * molarMass; // as Profile forms it, to the last bit
                }
            }
            System.arraycopy(timesH, done, times, 0, part);
            buffered = part;
            points += part;
            lastTimeH = timesH[done + part - 1];
            fold();
        }
        for (Track tr : tracks) {
            noteAuc(tr, cumulativeAuc[tr.observation]);
        }
    }

    /** The AUC so far, µmol·h/L: kept as the latest, and watched for round-off below zero. */
    private static void noteAuc(Track tr, double auc) {
        tr.aucLast = auc;
        if (auc < tr.aucMostNegative) {
            tr.aucMostNegative = auc;
        }
    }

    /**
     * Folds the buffered points into the metrics, one analyte at a time; round-off below zero is reported as 0, as
     * {@link Profile} does, its size checked when the metrics are read.
     */
    private void fold() {
        int count = buffered;
        if (count == 0) {
            return;
        }
        for (Track tr : tracks) {
            double[] c = tr.buffer;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            boolean finite = true;
            for (int j = 0; j < count; j++) {
                double v = c[j];
                if (v > high) {
                    high = v;
                }
                if (v < low) {
                    low = v;
                }
                finite &= Math.abs(v) <= Double.MAX_VALUE; // false for NaN and infinities
            }
            if (!finite) {
                tr.finite = false;
            }
            if (low < 0) {
                for (int j = 0; j < count; j++) {
                    c[j] = clip(tr, c[j]);
                }
                low = 0;
                high = Math.max(high, 0);
            }
            tr.curve.points(times, c, 0, count, low, high);
        }
        buffered = 0;
    }

    /** @return {@code v}, or 0 if it is below zero (noted for the round-off check) */
    private static double clip(Track tr, double v) {
        if (v < 0) {
            tr.mostNegative = Math.min(tr.mostNegative, v);
            return 0;
        }
        if (!(Math.abs(v) <= Double.MAX_VALUE)) {
            tr.finite = false;
        }
        return v;
    }

    /** The observed concentrations around an input change: the curve is not interpolated across it. */
    @Override
    public void inputChange(double timeH, double[] before, double[] after) {
        fold();
        for (Track tr : tracks) {
            // formed exactly as Profile forms them
            double b = clip(tr, before[tr.compartment] / tr.volumeL * tr.molarMass);
            double a = clip(tr, after[tr.compartment] / tr.volumeL * tr.molarMass);
            tr.curve.inputChange(timeH, b, a);
        }
    }

    /** Reads only the observed compartments, so the solver may skip the others. */
    @Override
    public boolean observedCompartmentsOnly() {
        return true;
    }

    /** @return how many output points have been observed */
    public int points() {
        return points;
    }

    /**
     * @return the metrics per analyte, in analyte order
     * @throws IllegalStateException if no point was observed, or the solver produced a non-finite value or a
     *         negative value beyond round-off (the checks {@link Profile} makes)
     */
    public Map<Analyte, AnalyteMetrics> metrics() {
        Map<Analyte, AnalyteMetrics> out = new EnumMap<>(Analyte.class);
        for (Track tr : tracks) {
            out.put(tr.analyte, build(tr));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * @return the metrics of analyte {@code a}
     * @throws InvalidInputException if the system does not report {@code a}
     */
    public AnalyteMetrics metrics(Analyte a) {
        for (Track tr : tracks) {
            if (tr.analyte == a) {
                return build(tr);
            }
        }
        List<Analyte> known = new ArrayList<>();
        for (Track tr : tracks) {
            known.add(tr.analyte);
        }
        String words = "must be one of " + known + " for this model but was " + (a == null ? "missing" : a.label());
        throw a == null ? InvalidInputException.statement("analyte", words)
                : InvalidInputException.statement("analyte", a.label(), words);
    }

    private AnalyteMetrics build(Track tr) {
        if (points == 0) {
            throw new IllegalStateException("no output point has been observed yet");
        }
        fold();
        String what = tr.analyte.label();
        if (!tr.finite) {
            throw new IllegalStateException("the solver produced a non-finite concentration of " + what);
        }
        double aucNgHPerMl = tr.aucLast * tr.molarMass;
        if (!Double.isFinite(aucNgHPerMl)) {
            throw new IllegalStateException("the solver produced a non-finite AUC of " + what);
        }
        CurveMetrics curve = tr.curve;
        // the largest |concentration|, as Profile measures it
        double peak = Math.max(curve.cmax(), -tr.mostNegative);
        double scale = RoundOff.scale(peak, givenUmol, tr.volumeL, tr.molarMass);
        RoundOff.check(tr.mostNegative, scale, "concentration of " + what);
        RoundOff.check(tr.aucMostNegative * tr.molarMass, Math.max(aucNgHPerMl, scale), "AUC of " + what);
        List<Double> hours = new ArrayList<>(bandLow.length);
        for (int b = 0; b < bandLow.length; b++) {
            hours.add(curve.hours(b));
        }
        return new AnalyteMetrics(tr.analyte, Math.max(0, curve.cmax()), curve.tmax(),
                aucNgHPerMl < 0 ? 0 : aucNgHPerMl, bands, hours);
    }
}
