package org.ketaminepk.effect;

import java.util.OptionalDouble;

/**
 * Summary of an effect time course. The drug effect is the change from baseline, whichever its sign (the sedation
 * score and the EEG median frequency fall; pain thresholds rise). Crossing times are interpolated linearly between
 * output points. Immutable.
 *
 * @param peakEffect the effect at its largest change from baseline, in the endpoint's unit
 * @param peakTimeH when it occurs, h from time 0
 * @param onsetH time from the first dose until the change first reaches half its peak, h; empty if never
 * @param offsetH time from the end of the last input (or from the peak, if later) until the change falls below half
 *                its peak for the last time, counted from the end of the last input, h; empty if it is still above at
 *                the end of the simulation
 * @param peakEffectSiteNgPerMl peak effect-site concentration of the driving analyte, ng/mL
 * @param peakEffectSiteTimeH when it occurs, h from time 0
 */
public record EffectMetrics(double peakEffect, double peakTimeH, OptionalDouble onsetH, OptionalDouble offsetH,
        double peakEffectSiteNgPerMl, double peakEffectSiteTimeH) {

    /**
     * @param t output times, h
     * @param response effect (or effect-site concentration for an endpoint without an effect model) at each time
     * @param baseline the response without drug
     * @param ce effect-site concentration of the driving analyte, ng/mL
     * @param firstDoseH when the first dose starts, h
     * @param lastInputEndH when the last input ends, h
     */
    static EffectMetrics of(double[] t, double[] response, double baseline, double[] ce, double firstDoseH,
            double lastInputEndH) {
        int n = t.length;
        double[] m = new double[n];
        int peak = 0;
        for (int i = 0; i < n; i++) {
            m[i] = Math.abs(response[i] - baseline);
            if (m[i] > m[peak]) {
                peak = i;
            }
        }
        int cePeak = 0;
        for (int i = 1; i < n; i++) {
            if (ce[i] > ce[cePeak]) {
                cePeak = i;
            }
        }
        double half = m[peak] / 2;
        OptionalDouble onset = OptionalDouble.empty();
        OptionalDouble offset = OptionalDouble.empty();
        if (half > 0) {
            for (int i = 0; i < n; i++) {
                if (m[i] >= half) {
                    double at = i == 0 ? t[0] : crossing(t, m, i - 1, half);
                    onset = OptionalDouble.of(Math.max(0, at - firstDoseH));
                    break;
                }
            }
            // the last fall below half: after the last input the change may rise again (a swallowed dose still
            // being absorbed, or a course whose last dose comes at a trough), and it has ended only if it stays below
            int lastAbove = peak;
            for (int i = peak + 1; i < n; i++) {
                if (m[i] >= half) {
                    lastAbove = i;
                }
            }
            if (lastAbove < n - 1) {
                double from = Math.max(t[peak], lastInputEndH);
                double at = Math.max(crossing(t, m, lastAbove, half), from);
                offset = OptionalDouble.of(at - lastInputEndH);
            }
        }
        return new EffectMetrics(response[peak], t[peak], onset, offset, ce[cePeak], t[cePeak]);
    }

    /** Time at which {@code m} passes {@code level} between points i and i + 1. */
    private static double crossing(double[] t, double[] m, int i, double level) {
        double f = (level - m[i]) / (m[i + 1] - m[i]);
        return t[i] + f * (t[i + 1] - t[i]);
    }
}
