package org.ketaminepk.adjust;

import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.patient.ChildPughClass;

/**
 * What a Child–Pugh class does to the determinants of ketamine clearance, as fractions of the healthy value.
 * Immutable; the three classes are {@link #of(ChildPughClass)}.
 *
 * <p>Sources of the physiological scalars:
 * <ul>
 * <li>portal and arterial hepatic blood flow and functional liver size: Li R, Barton HA, Maurer TS, "A mechanistic
 * pharmacokinetic model for liver transporter substrates under liver cirrhosis conditions", CPT Pharmacometrics Syst
 * Pharmacol 2015, doi:10.1002/psp4.39 (meta-analysis, fractions of healthy controls);</li>
 * <li>CYP2B6 and CYP3A4 activity per unit of liver and GFR: Open Systems Pharmacology hepatic-impairment populations
 * (PK-Sim), after Edginton AN, Willmann S, Clin Pharmacokinet 2008;47(11):743-52 and Johnson TN, Boussery K,
 * Rowland-Yeo K, Tucker GT, Rostami-Hodjegan A, Clin Pharmacokinet 2010;49(3):189-206;</li>
 * <li>unbound fraction unchanged: esketamine plasma-protein binding (43–45 %) does not depend on liver or kidney
 * function (Spravato summary of product characteristics, Switzerland, section Pharmacokinetics).</li>
 * </ul>
 * Two choices are this library's own, because no ketamine-specific number exists: total hepatic inflow is taken
 * as {@value #PORTAL_SHARE} portal and the rest arterial, and ketamine's intrinsic clearance as {@value
 * #CYP2B6_SHARE} CYP2B6 and the rest CYP3A4 (in-vitro work disagrees on which dominates). Neither combination has
 * been validated for ketamine; esketamine's label reports only that AUC and half-life were higher in moderate
 * impairment and that class C was not studied.
 *
 * @param childPughClass the class
 * @param portalFlowFactor portal venous blood flow, fraction of healthy
 * @param arterialFlowFactor hepatic arterial blood flow, fraction of healthy
 * @param functionalLiverSizeFactor functional liver size, fraction of healthy
 * @param cyp2b6ActivityFactor CYP2B6 activity per unit of liver, fraction of healthy
 * @param cyp3a4ActivityFactor CYP3A4 activity per unit of liver, fraction of healthy
 * @param gfrFactor GFR, fraction of healthy (reported, not applied: kidney function is the patient's own)
 */
public record ChildPughEffect(ChildPughClass childPughClass, double portalFlowFactor, double arterialFlowFactor,
        double functionalLiverSizeFactor, double cyp2b6ActivityFactor, double cyp3a4ActivityFactor,
        double gfrFactor) {

    /** Share of healthy hepatic inflow that is portal (assumption; the rest is arterial). */
    public static final double PORTAL_SHARE = 0.75;
    /** Share of ketamine's intrinsic clearance carried by CYP2B6 (assumption; the rest by CYP3A4). */
    public static final double CYP2B6_SHARE = 0.5;

    /** Where the scalars come from, for an Adjustment's source. */
    public static final String SOURCE = "assumption: well-stirred liver (Wilkinson & Shand 1975; Pang & Rowland "
            + "1977) with hepatic inflow = 0.75 × portal + 0.25 × arterial flow (split assumed), portal/arterial flow "
            + "and functional liver size from Li, Barton & Maurer 2015 (doi:10.1002/psp4.39), CYP2B6/CYP3A4 activity "
            + "from the Open Systems Pharmacology hepatic-impairment populations (Edginton & Willmann 2008; Johnson "
            + "et al. 2010) with a 50/50 CYP2B6/CYP3A4 split of intrinsic clearance (assumed); unbound fraction "
            + "unchanged (Spravato SmPC: binding independent of liver function)";

    /** Validates. */
    public ChildPughEffect {
        Checks.notNull("Child–Pugh class", childPughClass);
        for (double f : new double[] {portalFlowFactor, arterialFlowFactor, functionalLiverSizeFactor,
                cyp2b6ActivityFactor, cyp3a4ActivityFactor, gfrFactor}) {
            Checks.positive("Child–Pugh factor", f, 10, "");
        }
    }

    /** @return the effect of class {@code c} */
    public static ChildPughEffect of(ChildPughClass c) {
        Checks.notNull("Child–Pugh class", c);
        switch (c) {
            case A: return new ChildPughEffect(c, 0.72, 1.5, 0.91, 1.0, 1.0, 1.0);
            case B: return new ChildPughEffect(c, 0.60, 1.7, 0.81, 0.9, 0.4, 0.7);
            case C: return new ChildPughEffect(c, 0.13, 2.1, 0.64, 0.8, 0.4, 0.36);
            default: throw new IllegalStateException("unknown class " + c);
        }
    }

    /** @return total hepatic inflow, fraction of healthy: 0.75 × portal + 0.25 × arterial */
    public double hepaticFlowFactor() {
        return PORTAL_SHARE * portalFlowFactor + (1 - PORTAL_SHARE) * arterialFlowFactor;
    }

    /**
     * @return ketamine intrinsic clearance, fraction of healthy: (0.5 × CYP2B6 + 0.5 × CYP3A4 activity) × functional
     *         liver size
     */
    public double intrinsicClearanceFactor() {
        return (CYP2B6_SHARE * cyp2b6ActivityFactor + (1 - CYP2B6_SHARE) * cyp3a4ActivityFactor)
                * functionalLiverSizeFactor;
    }

    /** @return unbound fraction, fraction of healthy (1: binding independent of liver function) */
    public double unboundFractionFactor() {
        return 1.0;
    }

    /**
     * @return e.g. "hepatic flow ×0.875, intrinsic clearance ×0.527 (enzyme activity ×0.65 × functional liver size
     *         ×0.81), unbound fraction unchanged"
     */
    public String describe() {
        return String.format(Locale.ROOT, "hepatic flow ×%.3g, intrinsic clearance ×%.3g (enzyme activity ×%.3g × "
                + "functional liver size ×%.3g), unbound fraction unchanged", hepaticFlowFactor(),
                intrinsicClearanceFactor(), intrinsicClearanceFactor() / functionalLiverSizeFactor,
                functionalLiverSizeFactor);
    }
}
