package org.ketaminepk.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.Solution;

/**
 * The result of one simulation: a {@link Series} per analyte, the troughs before each dose, and the mole balance
 * (amount in the body and eliminated per analyte, against the amount given). Immutable and thread-safe.
 */
public final class Profile {
    private final double[] times;
    private final Map<Analyte, Series> series;
    private final Map<Analyte, double[]> bodyUmol;
    private final Map<Analyte, double[]> eliminatedUmol;
    private final double[] inputUmol;
    private final Regimen regimen;
    private final double weightKg;

    private Profile(double[] times, Map<Analyte, Series> series, Map<Analyte, double[]> body,
            Map<Analyte, double[]> eliminated, double[] input, Regimen regimen, double weightKg) {
        this.times = times;
        this.series = Collections.unmodifiableMap(series);
        this.bodyUmol = body;
        this.eliminatedUmol = eliminated;
        this.inputUmol = input;
        this.regimen = regimen;
        this.weightKg = weightKg;
    }

    /**
     * Builds a profile from a solver's amounts. Reads each column of the solution once, in order: the observed
     * compartments and their AUCs, the compartments and sinks of each analyte (summed), the input.
     */
    public static Profile of(CompartmentSystem system, Solution solution, Regimen regimen, double weightKg) {
        int n = solution.grid().size();
        double[] times = solution.grid().times();
        Map<Analyte, Series> series = new EnumMap<>(Analyte.class);
        Solution.InputChanges changes = solution.inputChanges();
        double givenUmol = n == 0 ? 0 : solution.input(n - 1);
        int o = 0;
        for (Map.Entry<Analyte, CompartmentSystem.Observation> e : system.observations().entrySet()) {
            Analyte a = e.getKey();
            int cmt = e.getValue().compartment();
            double v = e.getValue().volumeL();
            double mw = a.molarMassGPerMol();
            double[] c = solution.amountsUmol(cmt);
            double[] auc = solution.cumulativeAucs(o);
            double peak = 0;
            // whether every value is finite and not negative, so that the round-off check can be skipped
            boolean clean = true;
            for (int i = 0; i < n; i++) {
                double ci = c[i] / v * mw;
                double ai = auc[i] * mw;
                c[i] = ci;
                auc[i] = ai;
                peak = Math.max(peak, Math.abs(ci));
                clean &= ci >= 0 && ci < Double.POSITIVE_INFINITY && ai >= 0 && ai < Double.POSITIVE_INFINITY;
            }
            int k = changes.covers(o) ? changes.size() : 0;
            double[] before = new double[k];
            double[] after = new double[k];
            for (int j = 0; j < k; j++) {
                before[j] = changes.beforeUmol(o, j) / v * mw;
                after[j] = changes.afterUmol(o, j) / v * mw;
                clean &= before[j] >= 0 && after[j] >= 0;
            }
            if (!clean) {
                double scale = RoundOff.scale(peak, givenUmol, v, mw);
                for (int i = 0; i < n; i++) {
                    c[i] = nonNegative(c[i], scale, "concentration of " + a.label());
                    auc[i] = nonNegative(auc[i], Math.max(auc[n - 1], scale), "AUC of " + a.label());
                }
                for (int j = 0; j < k; j++) {
                    before[j] = nonNegative(before[j], scale, "concentration of " + a.label());
                    after[j] = nonNegative(after[j], scale, "concentration of " + a.label());
                }
            }
            series.put(a, new Series(a, times, c, auc, k == 0 ? new double[0] : changes.timesH(), before, after));
            o++;
        }
        Map<Analyte, double[]> body = new EnumMap<>(Analyte.class);
        Map<Analyte, double[]> elim = new EnumMap<>(Analyte.class);
        for (Analyte a : Analyte.values()) {
            int[] cmts = IntStream.range(0, system.size())
                    .filter(c -> system.compartments().get(c).analyte() == a).toArray();
            int[] sinks = IntStream.range(0, system.sinks().size())
                    .filter(q -> system.sinks().get(q).analyte() == a).toArray();
            if (cmts.length > 0 || sinks.length > 0) {
                body.put(a, solution.sumOfAmountsUmol(cmts));
                elim.put(a, solution.sumOfSinksUmol(sinks));
            }
        }
        return new Profile(times, series, body, elim, solution.inputsUmol(), regimen, weightKg);
    }

    private static double nonNegative(double v, double scale, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("the solver produced a non-finite " + what);
        }
        if (v < 0) {
            RoundOff.check(v, scale, what);
            return 0;
        }
        return v;
    }

    /** @return the analytes this profile holds */
    public Set<Analyte> analytes() {
        return series.keySet();
    }

    /** @return whether the model predicts this analyte */
    public boolean has(Analyte a) {
        return series.containsKey(a);
    }

    /**
     * @return the curve of analyte {@code a}
     * @throws InvalidInputException if {@code a} is missing or the model does not predict it
     */
    public Series series(Analyte a) {
        Series s = series.get(Checks.notNull("analyte", a));
        if (s == null) {
            throw InvalidInputException.statement("analyte", a.label(), "must be one of " + series.keySet()
                    + " for this model but was " + a.label());
        }
        return s;
    }

    /** @return number of output points */
    public int size() {
        return times.length;
    }

    /** @return a copy of the output times, h */
    public double[] timesH() {
        return times.clone();
    }

    /** @return the regimen simulated */
    public Regimen regimen() {
        return regimen;
    }

    /** @return the body weight used to resolve weight-based doses, kg */
    public double weightKg() {
        return weightKg;
    }

    /**
     * Concentration just before each dose: at the latest grid point before the dose time (at the dose time itself
     * for doses that do not jump the plasma level, i.e. all but intravenous boluses). ng/mL, one per dose.
     *
     * @throws InvalidInputException if {@code a} is missing or the model does not predict it
     */
    public List<Double> troughsBeforeDosesNgPerMl(Analyte a) {
        Series s = series(a);
        List<Double> out = new ArrayList<>();
        for (Dose d : regimen.doses()) {
            double td = d.timeH();
            if (td > times[times.length - 1]) {
                break;
            }
            int idx = lastBefore(td, d instanceof Dose.Bolus);
            out.add(idx < 0 ? 0.0 : s.ngPerMl(idx));
        }
        return out;
    }

    /**
     * The last grid index whose time is before {@code t} (strictly, or at {@code t} too), or −1; a binary search, so
     * that the troughs of a regimen of thousands of doses on a grid of a million points cost no more than the
     * simulation (a linear scan per dose took 40 s for 10,000 hourly boluses on a one-minute grid).
     */
    private int lastBefore(double t, boolean strictly) {
        int lo = 0;
        int hi = times.length; // first index not before t
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean before = strictly ? times[mid] < t : times[mid] <= t;
            if (before) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * @return µmol of analyte {@code a} in the body at point i (all compartments holding it); 0 for an analyte the
     *         model does not predict
     * @throws InvalidInputException if {@code a} is missing or {@code i} is not between 0 and {@code size() - 1}
     */
    public double bodyUmol(Analyte a, int i) {
        double[] b = bodyUmol.get(Checks.notNull("analyte", a));
        Checks.index("point index", i, times.length);
        return b == null ? 0 : b[i];
    }

    /**
     * @return µmol of analyte {@code a} that has left the body by point i (eliminated, converted onward, or
     *         unabsorbed); 0 for an analyte the model does not predict
     * @throws InvalidInputException if {@code a} is missing or {@code i} is not between 0 and {@code size() - 1}
     */
    public double eliminatedUmol(Analyte a, int i) {
        double[] e = eliminatedUmol.get(Checks.notNull("analyte", a));
        Checks.index("point index", i, times.length);
        return e == null ? 0 : e[i];
    }

    /**
     * @return µmol of ketamine given up to point i
     * @throws InvalidInputException if {@code i} is not between 0 and {@code size() - 1}
     */
    public double inputUmol(int i) {
        return inputUmol[Checks.index("point index", i, inputUmol.length)];
    }

    /**
     * The mole balance at point i: given − (in body + eliminated), summed over all analytes, µmol. Zero up to
     * round-off for a correct solver.
     *
     * @throws InvalidInputException if {@code i} is not between 0 and {@code size() - 1}
     */
    public double massBalanceErrorUmol(int i) {
        Checks.index("point index", i, times.length);
        double accounted = 0;
        for (double[] b : bodyUmol.values()) {
            accounted += b[i];
        }
        for (double[] e : eliminatedUmol.values()) {
            accounted += e[i];
        }
        return inputUmol[i] - accounted;
    }
}
