package org.ketaminepk.result;

import java.util.OptionalDouble;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * One analyte's concentration–time curve with its metrics. Concentrations in ng/mL, times in hours, AUC in
 * ng·h/mL (= µg·h/L). Immutable.
 *
 * <p><b>Rules.</b> AUC is the exact integral of the model's concentration (computed by the solver between grid
 * points, not a trapezoid); a window end that falls between grid points is linearly interpolated in the
 * cumulative AUC. Times above or within a level, and the time a level is first reached, are measured on the grid
 * with linear interpolation of the crossing inside a step, but never across an input change: the series also holds
 * the concentration just before and just after each input change, so a bolus is a vertical step at its own time and
 * no crossing precedes the input that causes it. Cmax is the largest grid value and Tmax the last grid time within
 * round-off of it ({@link PeakTime}), so a finer grid gives a peak closer to the true one. These rules are {@link CurveMetrics}', shared with
 * {@link StreamingMetrics}. Values below zero by round-off are reported as 0 (see {@link Profile}).
 */
public final class Series {
    private final Analyte analyte;
    private final double[] t;
    private final double[] c;
    private final double[] cumAuc;
    /** Times of the input changes, h, and the concentration just before and after each, ng/mL. */
    private final double[] changeT;
    private final double[] changeBefore;
    private final double[] changeAfter;

    Series(Analyte analyte, double[] timesH, double[] ngPerMl, double[] cumAucNgHPerMl) {
        this(analyte, timesH, ngPerMl, cumAucNgHPerMl, new double[0], new double[0], new double[0]);
    }

    Series(Analyte analyte, double[] timesH, double[] ngPerMl, double[] cumAucNgHPerMl, double[] changeTimesH,
            double[] beforeNgPerMl, double[] afterNgPerMl) {
        this.analyte = analyte;
        this.t = timesH;
        this.c = ngPerMl;
        this.cumAuc = cumAucNgHPerMl;
        this.changeT = changeTimesH;
        this.changeBefore = beforeNgPerMl;
        this.changeAfter = afterNgPerMl;
    }

    /** Feeds the whole curve to {@code m}: the output points, and each input change where it falls among them. */
    private CurveMetrics feed(CurveMetrics m) {
        int i = 0;
        for (int e = 0; e < changeT.length; e++) {
            double te = changeT[e];
            int from = i;
            while (i < t.length && t[i] < te) {
                i++;
            }
            m.points(t, c, from, i - from);
            m.inputChange(te, changeBefore[e], changeAfter[e]);
        }
        m.points(t, c, i, t.length - i);
        return m;
    }

    private CurveMetrics metrics() {
        return feed(new CurveMetrics(new double[0], new double[0]));
    }

    /** @return the analyte */
    public Analyte analyte() {
        return analyte;
    }

    /** @return number of points */
    public int size() {
        return t.length;
    }

    /**
     * @return time of point i, h
     * @throws InvalidInputException if {@code i} is not between 0 and {@code size() - 1}
     */
    public double timeH(int i) {
        return t[Checks.index("point index", i, t.length)];
    }

    /**
     * @return concentration at point i, ng/mL
     * @throws InvalidInputException if {@code i} is not between 0 and {@code size() - 1}
     */
    public double ngPerMl(int i) {
        return c[Checks.index("point index", i, c.length)];
    }

    /**
     * @return concentration at point i, µmol/L
     * @throws InvalidInputException if {@code i} is not between 0 and {@code size() - 1}
     */
    public double umolPerL(int i) {
        return c[Checks.index("point index", i, c.length)] / analyte.molarMassGPerMol();
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
        return Math.max(0, metrics().cmax());
    }

    /** @return the last time within round-off of the highest concentration ({@link PeakTime}), h */
    public double tmaxH() {
        return metrics().tmax();
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
        return feed(new CurveMetrics(new double[] {lowNgPerMl}, new double[] {highNgPerMl})).hours(0);
    }

    /**
     * The first time the concentration reaches {@code levelNgPerMl}: the first grid time if it is already there,
     * otherwise the crossing, linear between known values (never across an input change: a bolus that lifts the
     * curve past the level reaches it at the bolus time). Empty if the level is never reached on the grid.
     *
     * @return h from time 0
     */
    public OptionalDouble timeToReachH(double levelNgPerMl) {
        Checks.nonNegative("level", levelNgPerMl, 1e7, "ng/mL");
        if (c[0] >= levelNgPerMl) {
            return OptionalDouble.of(t[0]);
        }
        double prev = c[0];
        double prevT = t[0];
        int i = 1;
        int e = 0;
        while (e < changeT.length && changeT[e] <= t[0]) {
            e++; // the first point already includes these
        }
        while (i < t.length) {
            double at;
            double v;
            double next;
            if (e < changeT.length && changeT[e] <= t[i]) {
                at = changeT[e];
                v = changeBefore[e];
                next = changeAfter[e];
                e++;
            } else {
                at = t[i];
                v = c[i];
                next = v;
                i++;
            }
            if (v >= levelNgPerMl) {
                return OptionalDouble.of(prevT + (levelNgPerMl - prev) / (v - prev) * (at - prevT));
            }
            if (next >= levelNgPerMl) {
                return OptionalDouble.of(at);
            }
            prev = next;
            prevT = at;
        }
        return OptionalDouble.empty();
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
     * An observed-window half-life: log-linear least squares over the last points of the grid after {@code afterH}
     * (the last third of them, at least 3). It depends on the grid (a short grid still sees the distribution phase),
     * as a half-life read from sampled data does; the model's own terminal half-life, which does not, is
     * {@link Disposition#terminalHalfLifeH}. Empty if fewer than 3 positive points or if the curve is not falling
     * there.
     *
     * @param afterH start of the window, h, within the grid
     * @return the half-life, h
     * @throws InvalidInputException if {@code afterH} is outside the grid or not a number
     */
    public OptionalDouble terminalHalfLifeH(double afterH) {
        Checks.inRange("after", afterH, t[0], t[t.length - 1], "h");
        int first = index(afterH);
        int count = c.length - first;
        int use = Math.max(3, count / 3);
        if (count < 3) {
            return OptionalDouble.empty();
        }
        SimpleRegression fit = new SimpleRegression();
        for (int i = c.length - use; i < c.length; i++) {
            if (c[i] <= 0) {
                return OptionalDouble.empty();
            }
            fit.addData(t[i], Math.log(c[i]));
        }
        double slope = fit.getSlope();
        if (!(slope < 0) || !Double.isFinite(slope)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.log(2) / -slope);
    }
}
