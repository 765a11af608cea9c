package org.ketaminepk.base;

/**
 * The chemical species the library tracks. Compartments hold amounts in micromoles, so a conversion between
 * parent and metabolite is one-to-one in moles; concentrations in ng/mL follow from the molar mass
 * (1 µmol/L × M g/mol = M ng/mL).
 *
 * <p>Molar masses are computed from the molecular formulas with IUPAC 2013 standard atomic weights
 * (C 12.011, H 1.008, Cl 35.45, N 14.007, O 15.999): ketamine C13H16ClNO 237.727 g/mol (PubChem CID 3821 lists
 * 237.72); norketamine C12H14ClNO 223.700 g/mol; hydroxynorketamine C12H14ClNO2 239.699 g/mol. Enantiomers share
 * the molar mass of the racemate.
 */
public enum Analyte {
    /** Ketamine (racemic, or the S-enantiomer esketamine, as the model says). */
    KETAMINE("ketamine", 237.727),
    /** Norketamine, the N-demethylated metabolite. */
    NORKETAMINE("norketamine", 223.700),
    /** Hydroxynorketamine (the 6-hydroxy metabolites, as lumped by Simons 2022). */
    HYDROXYNORKETAMINE("hydroxynorketamine", 239.699);

    private final String label;
    private final double molarMassGPerMol;

    Analyte(String label, double molarMassGPerMol) {
        this.label = label;
        this.molarMassGPerMol = molarMassGPerMol;
    }

    /** @return the lower-case name used in tables and CSV headers */
    public String label() {
        return label;
    }

    /** @return molar mass in g/mol (= ng/mL per µmol/L) */
    public double molarMassGPerMol() {
        return molarMassGPerMol;
    }

    /** Converts a mass in mg of this analyte to µmol. */
    public double mgToUmol(double mg) {
        return mg * 1000.0 / molarMassGPerMol;
    }

    /** Converts µmol of this analyte to mg. */
    public double umolToMg(double umol) {
        return umol * molarMassGPerMol / 1000.0;
    }

    /** Converts a concentration in µmol/L to ng/mL. */
    public double umolPerLToNgPerMl(double umolPerL) {
        return umolPerL * molarMassGPerMol;
    }
}
