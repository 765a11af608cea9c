package org.ketaminepk.result;

/**
 * The one rule for values a solver returns slightly below zero: they are round-off, reported as 0, as long as they
 * stay within {@value #RELATIVE} of the curve's scale; anything further below is a solver fault. The scale is the
 * larger of the curve's own largest magnitude and the concentration that the whole amount given would make in the
 * observed compartment's volume. The second term matters where the true value is exactly zero everywhere on the
 * grid (a metabolite at the instant of the first dose): the round-off of a sum of modes is relative to the amounts
 * in the system, not to the compartment's own (zero) peak. {@link Profile} and {@link StreamingMetrics} both apply
 * it.
 */
final class RoundOff {
    /** Largest accepted negative value, relative to the scale. */
    static final double RELATIVE = 1e-9;

    private RoundOff() {
    }

    /**
     * @param peak largest magnitude of the values, in their unit
     * @param inputUmol total amount given, µmol
     * @param volumeL volume of the observed compartment, L
     * @param molarMass molar mass of the analyte, g/mol (µmol/L × g/mol = ng/mL)
     * @return the scale against which round-off is judged, in the unit of {@code peak}
     */
    static double scale(double peak, double inputUmol, double volumeL, double molarMass) {
        return Math.max(peak, inputUmol / volumeL * molarMass);
    }

    /**
     * @param mostNegative the most negative value seen (0 or more if none)
     * @param scale from {@link #scale}
     * @param what e.g. "concentration of norketamine"
     * @throws IllegalStateException if {@code mostNegative} is below round-off
     */
    static void check(double mostNegative, double scale, String what) {
        if (mostNegative < -RELATIVE * Math.max(scale, 1e-300)) {
            throw new IllegalStateException("the solver produced a negative " + what + ": " + mostNegative);
        }
    }
}
