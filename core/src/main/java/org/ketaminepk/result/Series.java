package org.ketaminepk.result;

import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * One analyte's concentration–time curve with its metrics. Concentrations in ng/mL, times in hours, AUC in
 * ng·h/mL (= µg·h/L). Immutable.
 *
 * <p><b>Rules.</b> AUC is the exact integral of the model's concentration (computed by the solver between grid
 * points, not a trapezoid); a window end that falls between grid points is linearly interpolated in the
 * cumulative AUC. Times above or within a level are measured on the grid, with linear interpolation of the crossing
 * inside a step. Cmax and Tmax are the largest grid value and its first time, so a finer grid gives a peak closer to
 * the true one. Values below zero by round-off (never more than 1e-9 of the peak) are reported as 0.
 */
public final class Series {
    private final Analyte analyte;
    private final double[] t;
    private final double[] c;
    private final double[] cumAuc;

    Series(Analyte analyte, double[] timesH, double[] ngPerMl, double[] cumAucNgHPerMl) {
        this.analyte = analyte;
        this.t = timesH;
        this.c = ngPerMl;
        this.cumAuc = cumAucNgHPerMl;
    }

    /** @return the analyte */
    public Analyte analyte() {
        return analyte;
    }

    /** @return number of points */
    public int size() {
        return t.length;
    }

    /** @return time of point i, h */
    public double timeH(int i) {
        return t[i];
    }

    /** @return concentration at point i, ng/mL */
    public double ngPerMl(int i) {
        return c[i];
    }

    /** @return concentration at point i, µmol/L */
    public double umolPerL(int i) {
        return c[i] / analyte.molarMassGPerMol();
    }

    /** @return a copy of all concentrations, ng/mL */
    public double[] ngPerMl() {
        return c.clone();
    }

    /** @return a copy of all times, h */
    public double[] timesH() {
        return t.clone();
    }

    /** @return the highest concentration on the grid, ng/mL */
    public double cmaxNgPerMl() {
        double m = 0;
        for (double v : c) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** @return the first time of the highest concentration, h */
    public double tmaxH() {
        double m = -1;
        double at = t[0];
        for (int i = 0; i < c.length; i++) {
            if (c[i] > m) {
                m = c[i];
                at = t[i];
            }
        }
        return at;
    }

    /** @return the highest concentration within [fromH, toH] on the grid, ng/mL */
    public double cmaxNgPerMl(double fromH, double toH) {
        checkWindow(fromH, toH);
        double m = 0;
        for (int i = 0; i < c.length; i++) {
            if (t[i] >= fromH && t[i] <= toH) {
                m = Math.max(m, c[i]);
            }
        }
        return m;
    }

    /** @return exact AUC from time 0 to the end of the grid, ng·h/mL */
    public double aucNgHPerMl() {
        return cumAuc[cumAuc.length - 1];
    }

    /** @return exact AUC over [fromH, toH] (ends between grid points interpolated), ng·h/mL */
    public double aucNgHPerMl(double fromH, double toH) {
        checkWindow(fromH, toH);
        return cumulativeAt(toH) - cumulativeAt(fromH);
    }

    private void checkWindow(double fromH, double toH) {
        Checks.inRange("window start", fromH, t[0], t[t.length - 1], "h");
        Checks.inRange("window end", toH, fromH, t[t.length - 1], "h");
    }

    private double cumulativeAt(double time) {
        int i = index(time);
        if (t[i] == time || i == t.length - 1) {
            return cumAuc[i];
        }
        double f = (time - t[i]) / (t[i + 1] - t[i]);
        return cumAuc[i] + f * (cumAuc[i + 1] - cumAuc[i]);
    }

    /** @return index of the last grid point at or before {@code time} */
    private int index(double time) {
        int lo = 0;
        int hi = t.length - 1;
        if (time <= t[0]) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (t[mid] <= time) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** @return concentration at {@code time}, linearly interpolated between grid points, ng/mL */
    public double ngPerMlAt(double time) {
        Checks.inRange("time", time, t[0], t[t.length - 1], "h");
        int i = index(time);
        if (i == t.length - 1 || t[i] == time) {
            return c[i];
        }
        double f = (time - t[i]) / (t[i + 1] - t[i]);
        return c[i] + f * (c[i + 1] - c[i]);
    }

    /** @return hours with concentration strictly above {@code levelNgPerMl} */
    public double timeAboveH(double levelNgPerMl) {
        Checks.nonNegative("level", levelNgPerMl, 1e7, "ng/mL");
        return timeWithinH(levelNgPerMl, Double.POSITIVE_INFINITY);
    }

    /** @return hours with concentration within [low, high] ng/mL */
    public double timeWithinH(double lowNgPerMl, double highNgPerMl) {
        Checks.nonNegative("band low", lowNgPerMl, 1e7, "ng/mL");
        if (!(highNgPerMl >= lowNgPerMl)) {
            throw InvalidInputException.statement("band high", highNgPerMl, "must be at least band low ("
                    + Checks.fmt(lowNgPerMl) + " ng/mL) but was " + Checks.fmt(highNgPerMl));
        }
        double total = 0;
        for (int i = 0; i + 1 < t.length; i++) {
            total += BandCrossing.fractionInside(c[i], c[i + 1], lowNgPerMl, highNgPerMl) * (t[i + 1] - t[i]);
        }
        return total;
    }

    /**
     * Time from {@code afterH} until the concentration falls below {@code levelNgPerMl} and stays below it to the
     * end of the grid; empty if it is still above at the end of the grid. Zero if it is already below.
     */
    public OptionalDouble timeToFallBelowH(double levelNgPerMl, double afterH) {
        Checks.positive("level", levelNgPerMl, 1e7, "ng/mL");
        Checks.inRange("after", afterH, t[0], t[t.length - 1], "h");
        if (c[c.length - 1] >= levelNgPerMl) {
            return OptionalDouble.empty();
        }
        int last = -1;
        for (int i = c.length - 1; i >= 0 && t[i] >= afterH; i--) {
            if (c[i] >= levelNgPerMl) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            double at = ngPerMlAt(afterH);
            if (at >= levelNgPerMl) {
                int i = index(afterH);
                double f = (at - levelNgPerMl) / (at - c[i + 1]);
                return OptionalDouble.of(f * (t[i + 1] - afterH));
            }
            return OptionalDouble.of(0);
        }
        double f = (c[last] - levelNgPerMl) / (c[last] - c[last + 1]);
        double cross = t[last] + f * (t[last + 1] - t[last]);
        return OptionalDouble.of(Math.max(0, cross - afterH));
    }

    /**
     * Terminal half-life by log-linear least squares over the last points of the grid after {@code afterH}
     * (the last third of them, at least 3). Empty if fewer than 3 positive points or if the curve is not
     * falling there.
     */
    public OptionalDouble terminalHalfLifeH(double afterH) {
        int first = index(afterH);
        int count = c.length - first;
        int use = Math.max(3, count / 3);
        if (count < 3) {
            return OptionalDouble.empty();
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int k = 0;
        for (int i = c.length - use; i < c.length; i++) {
            if (c[i] <= 0) {
                return OptionalDouble.empty();
            }
            double y = Math.log(c[i]);
            sx += t[i];
            sy += y;
            sxx += t[i] * t[i];
            sxy += t[i] * y;
            k++;
        }
        double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
        if (!(slope < 0) || !Double.isFinite(slope)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.log(2) / -slope);
    }
}
