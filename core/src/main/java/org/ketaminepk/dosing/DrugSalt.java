package org.ketaminepk.dosing;

/**
 * Whether a stated amount is ketamine base or ketamine hydrochloride. Models work in base; a hydrochloride
 * amount is multiplied by M(base)/M(HCl) = 237.727/274.185 = 0.8670, the factor the esketamine label uses
 * (28 mg base = 32.3 mg hydrochloride; Spravato US prescribing information §11). Both molar masses come from the
 * formulas with the IUPAC 2013 atomic weights {@link org.ketaminepk.base.Analyte} uses: C13H16ClNO 237.727 and
 * C13H16ClNO·HCl 237.727 + 1.008 + 35.45 = 274.185 g/mol (the label's 274.2).
 */
public enum DrugSalt {
    /** Amount stated as ketamine base (the usual convention in pharmacokinetic papers). */
    BASE(1.0),
    /** Amount stated as ketamine hydrochloride (as on many vials). */
    HYDROCHLORIDE(237.727 / 274.185);

    private final double baseFraction;

    DrugSalt(double baseFraction) {
        this.baseFraction = baseFraction;
    }

    /** @return mg of base per mg of this form */
    public double baseFraction() {
        return baseFraction;
    }
}
