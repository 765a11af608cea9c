package org.ketaminepk.adjust;

/**
 * The published numbers and assumptions behind the standard patient adjustments, each with its source, in one
 * place: the effect records ({@link AgeEffect}, {@link KidneyEffect}, ...) and the adjuster read them from here.
 * Only constants (immutable, so thread-safe); not for use as clinical reference values.
 */
public final class AdjustmentSources {
    private AdjustmentSources() {
    }

    /**
     * Hepatic plasma flow of the 70-kg reference adult, L/h: the typical value estimated for esketamine by Perez-Ruixo
     * C, Rossenu S, Zannikos P, et al., Clin Pharmacokinet 2021;60(4):501-16, doi:10.1007/s40262-020-00953-4, Table 3
     * (read in the nlmixr2lib transcription). Used for every model because it is referred to plasma, like the
     * models' clearances; a physiological liver blood flow (about 90 L/h) would need ketamine's blood:plasma ratio,
     * which was not found, and would lie below some models' clearances.
     */
    public static final double REFERENCE_HEPATIC_FLOW_L_PER_H = 151;
    /**
     * Unbound fraction of ketamine in plasma: esketamine is 43–45 % bound (Spravato summary of product
     * characteristics, Switzerland), so fu ≈ 0.56. Racemic ketamine is assumed to be the same.
     */
    public static final double UNBOUND_FRACTION = 0.56;
    /** Highest hepatic extraction accepted when back-calculating intrinsic clearance (a bound chosen here). */
    public static final double MAX_EXTRACTION = 0.95;
    /**
     * Renal share of ketamine clearance: about 2 % of a racemic dose is excreted unchanged in urine (secondary
     * sources; the esketamine label gives less than 1 %).
     */
    public static final double PARENT_RENAL_FRACTION = 0.02;
    /**
     * Renal share of norketamine clearance. Derived here: after 28 mg esketamine nasal spray, noresketamine AUC was
     * 39 % higher with creatinine clearance 30–47 mL/min and 55 % higher with 5–28 mL/min than with normal kidneys
     * (Spravato renal-impairment study NCT02606084, as summarised by J&amp;J Medical Information). With AUC ∝
     * 1/clearance, kidney function at the group mid-points (38.5 and 16.5 of {@value #NORMAL_KIDNEY_FUNCTION}) gives
     * renal shares of 0.456 and 0.425; their mean is used. The mild group (58–77 mL/min), whose noresketamine AUC was
     * slightly <em>lower</em>, is not reproduced.
     */
    public static final double NORKETAMINE_RENAL_FRACTION = 0.44;
    /**
     * Renal share of hydroxynorketamine clearance: an assumption (no number found; hydroxynorketamines are cleared by
     * glucuronidation and urinary excretion).
     */
    public static final double HYDROXYNORKETAMINE_RENAL_FRACTION = 0.5;
    /** Normal kidney function, mL/min or mL/min/1.73 m² (an assumption; young adults measure 100–130). */
    public static final double NORMAL_KIDNEY_FUNCTION = 100;
    /**
     * Kidney function below which the kidneys are failing, mL/min(/1.73 m²): GFR category G5 of KDIGO 2012 Clinical
     * Practice Guideline for the Evaluation and Management of Chronic Kidney Disease, Kidney Int Suppl 2013;3(1):1-150.
     */
    public static final double KIDNEY_FAILURE = 15;
    /** Age above which hepatic flow declines, years (Perez-Ruixo 2021, esketamine). */
    public static final double AGE_FLOW_ONSET_YEARS = 60;
    /**
     * Fractional decline of hepatic flow per year above {@value #AGE_FLOW_ONSET_YEARS}: 2.19 L/h per year of 151 L/h
     * (Perez-Ruixo 2021, esketamine), transferred to other models as an assumption.
     */
    public static final double AGE_FLOW_DECLINE_PER_YEAR = 2.19 / 151;

    /** The well-stirred liver model. */
    static final String WELL_STIRRED = "Wilkinson GR, Shand DG. Clin Pharmacol Ther 1975;18(4):377-90; Pang KS, "
            + "Rowland M. J Pharmacokinet Biopharm 1977;5(6):625-53, doi:10.1007/BF01059688";
    /** The esketamine population model with hepatic flow and its age decline. */
    static final String PEREZ_RUIXO_2021 = "Perez-Ruixo C et al. Clin Pharmacokinet 2021;60(4):501-16, "
            + "doi:10.1007/s40262-020-00953-4";
    /** Renal elimination linear in creatinine clearance. */
    static final String DETTLI_1974 = "Dettli L. Clin Pharmacol Ther 1974;16:274 (elimination linear in creatinine "
            + "clearance)";
    /** For an Adjustment's source: the age effect on hepatic flow. */
    static final String AGE_SOURCE = "assumption: hepatic flow −2.19 L/h per year above 60 of 151 L/h, estimated for "
            + "esketamine by " + PEREZ_RUIXO_2021 + ", transferred to this model; well-stirred liver (" + WELL_STIRRED
            + ")";
    /** For an Adjustment's source: kidney function on ketamine's renal share. */
    static final String PARENT_RENAL_SOURCE = "assumption: renal share 0.02 of ketamine clearance (about 2 % of a "
            + "dose excreted unchanged; secondary sources), scaled linearly with kidney function (" + DETTLI_1974
            + "), normal = 100 mL/min (assumed)";
    /** For an Adjustment's source: kidney function on norketamine's renal share. */
    static final String NK_RENAL_SOURCE = "assumption: renal share 0.44 of norketamine clearance, derived from "
            + "noresketamine AUC +39 % (CLcr 30–47 mL/min) and +55 % (CLcr 5–28 mL/min) after 28 mg esketamine nasal "
            + "spray (Spravato renal-impairment study NCT02606084, J&J Medical Information) with AUC ∝ 1/clearance; "
            + "scaled linearly with kidney function (" + DETTLI_1974 + "), normal = 100 mL/min (assumed)";
    /** For an Adjustment's source: kidney function on hydroxynorketamine's renal share. */
    static final String HNK_RENAL_SOURCE = "assumption: renal share 0.5 of hydroxynorketamine clearance (no number "
            + "found), scaled linearly with kidney function (" + DETTLI_1974 + "), normal = 100 mL/min (assumed)";
    /** For an Adjustment's source: liver disease on norketamine's hepatic share. */
    static final String NK_LIVER_SOURCE = "assumption: norketamine's hepatic share (0.56 of its clearance) treated as "
            + "low-extraction, so it scales with intrinsic clearance; intrinsic-clearance factor from "
            + ChildPughEffect.SOURCE.substring("assumption: ".length());
    /** For an Adjustment's source: liver disease on hydroxynorketamine's hepatic share. */
    static final String HNK_LIVER_SOURCE = "assumption: hydroxynorketamine's hepatic share (0.5 of its clearance, "
            + "glucuronidation) scales with functional liver size (Li, Barton & Maurer 2015, doi:10.1002/psp4.39)";
}
