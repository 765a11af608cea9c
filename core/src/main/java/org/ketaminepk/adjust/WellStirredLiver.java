package org.ketaminepk.adjust;

import org.ketaminepk.base.Checks;

/**
 * The well-stirred liver: hepatic clearance from hepatic flow Q, unbound fraction fu and intrinsic clearance CLint,
 * CL = Q·fu·CLint / (Q + fu·CLint); extraction E = CL / Q; hepatic availability F = 1 − E. Wilkinson GR, Shand DG,
 * "A physiological approach to hepatic drug clearance", Clin Pharmacol Ther 1975;18(4):377-90; Pang KS, Rowland M,
 * "Hepatic clearance of drugs. I.", J Pharmacokinet Biopharm 1977;5(6):625-53, doi:10.1007/BF01059688.
 *
 * <p>Here Q is an apparent plasma flow: the library's models predict plasma concentrations and ketamine's
 * blood:plasma ratio was not found, so flow and clearance are both referred to plasma. Immutable.
 *
 * @param hepaticFlowLPerH hepatic (plasma) flow, L/h, &gt; 0
 * @param unboundFraction unbound fraction in plasma, 0–1 (exclusive of 0)
 * @param intrinsicClearanceLPerH intrinsic clearance of unbound drug, L/h, ≥ 0
 */
public record WellStirredLiver(double hepaticFlowLPerH, double unboundFraction, double intrinsicClearanceLPerH) {

    /** Validates. */
    public WellStirredLiver {
        Checks.positive("hepatic flow", hepaticFlowLPerH, 1e6, "L/h");
        Checks.inRange("unbound fraction", unboundFraction, 1e-6, 1, "");
        Checks.nonNegative("intrinsic clearance", intrinsicClearanceLPerH, 1e9, "L/h");
    }

    /**
     * Back-calculates the intrinsic clearance that gives a known hepatic clearance.
     *
     * @param hepaticClearanceLPerH the hepatic clearance, L/h, below {@code hepaticFlowLPerH}
     * @param hepaticFlowLPerH hepatic flow, L/h
     * @param unboundFraction unbound fraction
     * @return the liver: CLint = CL·Q / (fu·(Q − CL))
     */
    public static WellStirredLiver fromClearance(double hepaticClearanceLPerH, double hepaticFlowLPerH,
            double unboundFraction) {
        Checks.nonNegative("hepatic clearance", hepaticClearanceLPerH, 1e6, "L/h");
        if (hepaticClearanceLPerH >= hepaticFlowLPerH) {
            throw new IllegalArgumentException("hepatic clearance " + Checks.fmt(hepaticClearanceLPerH)
                    + " L/h must be below hepatic flow " + Checks.fmt(hepaticFlowLPerH) + " L/h");
        }
        double clint = hepaticClearanceLPerH * hepaticFlowLPerH
                / (unboundFraction * (hepaticFlowLPerH - hepaticClearanceLPerH));
        return new WellStirredLiver(hepaticFlowLPerH, unboundFraction, clint);
    }

    /** @return hepatic clearance, L/h */
    public double clearanceLPerH() {
        double f = unboundFraction * intrinsicClearanceLPerH;
        return hepaticFlowLPerH * f / (hepaticFlowLPerH + f);
    }

    /** @return hepatic extraction ratio, 0–1 */
    public double extraction() {
        double f = unboundFraction * intrinsicClearanceLPerH;
        return f / (hepaticFlowLPerH + f);
    }

    /** @return hepatic availability of a dose absorbed into the portal vein, 1 − E */
    public double availability() {
        return hepaticFlowLPerH / (hepaticFlowLPerH + unboundFraction * intrinsicClearanceLPerH);
    }

    /** @return a copy with flow, unbound fraction and intrinsic clearance multiplied by these factors */
    public WellStirredLiver scaled(double flowFactor, double unboundFactor, double intrinsicFactor) {
        return new WellStirredLiver(hepaticFlowLPerH * flowFactor, Math.min(1, unboundFraction * unboundFactor),
                intrinsicClearanceLPerH * intrinsicFactor);
    }
}
