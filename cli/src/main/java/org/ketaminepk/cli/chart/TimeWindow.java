package org.ketaminepk.cli.chart;

import java.util.List;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * What part of the simulated curves a concentration chart shows: the time span, when the user chose none, and the
 * lowest concentration worth a logarithmic axis. Both are read from the curves, so that a 40-min infusion is not
 * squeezed into the left edge of a day-long axis and a log axis does not cut off the terminal decline.
 *
 * <p><b>Time.</b> A curve stays of interest while it is at least {@value #LINEAR_OWN_FRACTION} of its own peak and
 * at least {@value #LINEAR_TOP_FRACTION} of the highest curve (below that it lies flat on a linear axis); on a log
 * axis, where the decline stays visible, while it is at least {@value #LOG_OWN_FRACTION} of its own peak (two
 * decades). Ketamine stays of interest on a linear axis until it falls below the lowest shaded range it reaches,
 * since crossing that edge is what the bands are drawn for. The chart ends a little after the last such time and
 * never before the last input ends, rounded up to a whole tick of the time axis, and never after the simulation.
 *
 * <p><b>Log floor.</b> The lowest value a curve takes between first reaching {@value #LOG_OWN_FRACTION} of its
 * peak and the end of the chart, but not less than {@value #LOG_DEEPEST_FRACTION} of its peak; the axis starts at
 * the power of ten at or below half the lowest of these.
 *
 * <p>Not a statement about the drug: the thresholds decide what is drawn, and every metric is computed over the
 * whole simulation.
 */
final class TimeWindow {
    private TimeWindow() {
    }

    /** On a linear axis a curve is of interest while at least this fraction of its own peak. */
    static final double LINEAR_OWN_FRACTION = 0.05;

    /** ... and at least this fraction of the highest curve drawn. */
    static final double LINEAR_TOP_FRACTION = 0.05;

    /** On a log axis a curve is of interest while at least this fraction of its own peak. */
    static final double LOG_OWN_FRACTION = 0.01;

    /** The log axis reaches no deeper than this fraction of a curve's peak. */
    static final double LOG_DEEPEST_FRACTION = 1e-4;

    /** Room after the last time of interest, as a fraction of it. */
    static final double MARGIN_FRACTION = 0.1;

    /**
     * @param all the profiles drawn
     * @param log whether the concentration axis is logarithmic
     * @return the end of the time axis, h: from the curves, within the simulated span
     */
    static double fittedEndH(List<PlotSeries> all, boolean log) {
        double dataMax = 0;
        double spanH = 0;
        double lastInputEndH = 0;
        for (PlotSeries s : all) {
            Profile p = s.profile();
            double[] t = p.timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
            lastInputEndH = Math.max(lastInputEndH, p.regimen().endH());
            for (Analyte a : p.analytes()) {
                dataMax = Math.max(dataMax, p.series(a).cmaxNgPerMl());
            }
        }
        double end = lastInputEndH;
        for (PlotSeries s : all) {
            for (Analyte a : s.profile().analytes()) {
                Series c = s.profile().series(a);
                double peak = c.cmaxNgPerMl();
                double level;
                if (log) {
                    level = LOG_OWN_FRACTION * peak;
                } else {
                    level = Math.max(LINEAR_OWN_FRACTION * peak, LINEAR_TOP_FRACTION * dataMax);
                    if (a == Analyte.KETAMINE) {
                        level = Math.min(level, lowestBandReached(peak));
                    }
                }
                end = Math.max(end, lastTimeAtOrAbove(c, level));
            }
        }
        return rounded(end, spanH);
    }

    /**
     * @param end the last time of interest, h
     * @param spanH the simulated span, h
     * @return a little after {@code end}, rounded up to a whole tick of the time axis, never after {@code spanH}
     */
    static double rounded(double end, double spanH) {
        if (!(end > 0)) {
            return spanH;
        }
        end *= 1 + MARGIN_FRACTION;
        TimeScale scale = TimeScale.forSpanH(end);
        double tick = scale.tickUnitFor(scale.fromHours(end)).getSize();
        double rounded = Math.ceil(scale.fromHours(end) / tick - 1e-9) * tick / scale.fromHours(1);
        return Math.min(spanH, rounded);
    }

    /**
     * @param all the profiles drawn
     * @param endH the end of the time axis, h
     * @return the lowest concentration of interest up to {@code endH}, ng/mL (positive), or NaN when no curve rises
     *         above zero
     */
    static double lowestOfInterestNgPerMl(List<PlotSeries> all, double endH) {
        double lowest = Double.NaN;
        for (PlotSeries s : all) {
            for (Analyte a : s.profile().analytes()) {
                Series c = s.profile().series(a);
                double peak = c.cmaxNgPerMl();
                if (!(peak > 0)) {
                    continue;
                }
                double[] t = c.timesH();
                double[] y = c.ngPerMl();
                double min = peak;
                boolean started = false;
                for (int i = 0; i < t.length && t[i] <= endH + 1e-9; i++) {
                    started |= y[i] >= LOG_OWN_FRACTION * peak;
                    if (started) {
                        min = Math.min(min, y[i]);
                    }
                }
                min = Math.max(min, LOG_DEEPEST_FRACTION * peak);
                lowest = Double.isNaN(lowest) ? min : Math.min(lowest, min);
            }
        }
        return lowest;
    }

    /**
     * The end of the time axis of a chart with an effect panel: where the concentrations stop being of interest
     * ({@link #fittedEndH}) or, if later, where every effect and effect-site curve has come back to within
     * {@value #EFFECT_FRACTION} of its largest change from baseline (its own peak, for an effect-site concentration).
     *
     * @param all the profiles drawn
     * @param log whether the concentration axis is logarithmic
     * @param p the effect panel's curves
     * @return the end of the time axis, h, within the simulated span
     */
    static double fittedEndH(List<PlotSeries> all, boolean log, EffectPanel p) {
        double spanH = 0;
        for (PlotSeries s : all) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        double end = 0;
        for (EffectPanel.Curve c : p.curves()) {
            end = Math.max(end, lastTimeBeyond(c.timesH(), c.effect(), p.baseline()));
            end = Math.max(end, lastTimeBeyond(c.timesH(), c.effectSiteNgPerMl(), 0));
        }
        return Math.max(fittedEndH(all, log), rounded(end, spanH));
    }

    /**
     * The end of the time axis of a population chart with an effect panel: as {@link #fittedEndH(List, boolean,
     * EffectPanel)} for the typical patient, or later where the patients are still of interest
     * ({@link #fittedEndH(List, boolean, List, List, double, int)}).
     *
     * @param all the typical patient's profile
     * @param log whether the concentration axis is logarithmic
     * @param p the effect panel, with its bands
     * @param bands the concentration bands
     * @param patients how many patients the bands are of (a band of too few is not drawn, so not waited for)
     * @return the end of the time axis, h, within the simulated span
     */
    static double fittedEndH(List<PlotSeries> all, boolean log, EffectPanel p, PercentileBands bands, int patients) {
        List<EffectPanel.Bands> effect = p.bands() == null ? List.of() : List.of(p.bands());
        return Math.max(fittedEndH(all, log, p), fittedEndH(all, log, List.of(bands), effect,
                p.hasEffect() ? p.baseline() : 0, patients));
    }

    /**
     * The end of the time axis of a chart of populations with an effect panel: as {@link #fittedEndH(List, boolean)}
     * for the typical patients, or later where the middle 90 % of patients are still of interest: an analyte's 95th
     * percentile at or above the level {@link #fittedEndH(List, boolean)} applies to a curve with its peak, and the
     * effect's 5th, 50th or 95th percentile at least {@value #EFFECT_FRACTION} of its largest change from baseline
     * away from it.
     *
     * @param all the typical patients' profiles
     * @param log whether the concentration axis is logarithmic
     * @param bands each population's concentration bands
     * @param effectBands each population's effect bands (of the effect-site concentration, ng/mL, for an endpoint
     *        without an effect)
     * @param baseline the effect without drug (0 for effect-site concentrations)
     * @param patients how many patients the bands are of (a band of too few is not drawn, so not waited for)
     * @return the end of the time axis, h, within the simulated span
     */
    static double fittedEndH(List<PlotSeries> all, boolean log, List<PercentileBands> bands,
            List<EffectPanel.Bands> effectBands, double baseline, int patients) {
        double spanH = 0;
        for (PlotSeries s : all) {
            double[] t = s.profile().timesH();
            spanH = Math.max(spanH, t[t.length - 1]);
        }
        boolean outer = PercentileSupport.shown(5, patients);
        double top = 0;
        for (PercentileBands b : bands) {
            for (Analyte a : b.analytes()) {
                for (double v : b.ngPerMl(a, outer ? 95 : 50)) {
                    top = Math.max(top, v);
                }
            }
        }
        double end = 0;
        for (PercentileBands b : bands) {
            for (Analyte a : b.analytes()) {
                double[] y = b.ngPerMl(a, outer ? 95 : 50);
                double peak = 0;
                for (double v : y) {
                    peak = Math.max(peak, v);
                }
                double level = log ? LOG_OWN_FRACTION * peak
                        : Math.max(LINEAR_OWN_FRACTION * peak, LINEAR_TOP_FRACTION * top);
                if (!log && a == Analyte.KETAMINE) {
                    level = Math.min(level, lowestBandReached(peak));
                }
                end = Math.max(end, lastTimeAtOrAbove(b.timesH(), y, level));
            }
        }
        for (EffectPanel.Bands e : effectBands) {
            for (double[] y : outer ? List.of(e.p5(), e.p50(), e.p95()) : List.of(e.p50())) {
                end = Math.max(end, lastTimeBeyond(e.timesH(), y, baseline));
            }
        }
        return Math.max(fittedEndH(all, log), rounded(end, spanH));
    }

    /** An effect is of interest while its change from baseline is at least this fraction of its largest change. */
    static final double EFFECT_FRACTION = 0.05;

    /**
     * @return the first time after the last one at which {@code y} is at least {@value #EFFECT_FRACTION} of its
     *         largest change from {@code baseline} away from it, h; 0 when it never moves
     */
    static double lastTimeBeyond(double[] t, double[] y, double baseline) {
        double largest = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v - baseline));
            }
        }
        if (!(largest > 0)) {
            return 0;
        }
        for (int i = y.length - 1; i >= 0; i--) {
            if (Math.abs(y[i] - baseline) >= EFFECT_FRACTION * largest) {
                return t[Math.min(i + 1, t.length - 1)];
            }
        }
        return 0;
    }

    /** @return the lower edge of the lowest shaded range the peak reaches, or infinity when it reaches none */
    private static double lowestBandReached(double peakNgPerMl) {
        double low = Double.POSITIVE_INFINITY;
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            if (peakNgPerMl >= b.lowNgPerMl()) {
                low = Math.min(low, b.lowNgPerMl());
            }
        }
        return low;
    }

    /** @return the first grid time after the last point at or above {@code level}, h; 0 when there is none */
    private static double lastTimeAtOrAbove(Series c, double level) {
        return lastTimeAtOrAbove(c.timesH(), c.ngPerMl(), level);
    }

    /** @return the first time after the last point at or above {@code level}, h; 0 when there is none */
    private static double lastTimeAtOrAbove(double[] t, double[] y, double level) {
        for (int i = y.length - 1; i >= 0; i--) {
            if (y[i] >= level) {
                return t[Math.min(i + 1, t.length - 1)];
            }
        }
        return 0;
    }
}
