package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.ResidualError;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;

/**
 * Otto ME et al. (2021), S-ketamine and S-norketamine in healthy volunteers: Fanta 2015's three-compartment
 * S-ketamine model (fixed) feeding a two-compartment S-norketamine model re-estimated on venous data, with every
 * molecule of S-ketamine cleared assumed to form S-norketamine (fm fixed to 1). Intravenous only.
 */
final class Otto2021 {
    private Otto2021() {
    }

    /** S-norketamine central volume at 70 kg, L (apparent: estimated with fm fixed to 1). */
    static final double VN_L = 98.6;
    /** S-norketamine clearance at 70 kg, L/h (apparent). */
    static final double CLN_L_PER_H = 57.7;
    /** S-norketamine peripheral volume, L (not weight-scaled). */
    static final double VPN_L = 160;
    /** S-norketamine inter-compartmental clearance, L/h (not weight-scaled). */
    static final double QN_L_PER_H = 42.8;

    static final String TABLE3 = "Otto 2021 Table 3 and supplementary NONMEM code, transcribed by " + Sources.NLX_OTTO;
    static final String FANTA = TABLE3 + "; fixed to Fanta 2015";

    static final Citation CITATION = Citation.of("Otto ME, Bergmann KR, Jacobs G, van Esdonk MJ", 2021,
            "Predictive performance of parent-metabolite population pharmacokinetic models of (S)-ketamine in "
                    + "healthy volunteers",
            "Eur J Clin Pharmacol 2021;77(8):1181-1192").withDoi("10.1007/s00228-021-03104-1");

    static final PublishedModel MODEL = PublishedModel.builder("otto-2021")
            .name("Otto 2021, S-ketamine (Fanta 2015) + S-norketamine, healthy volunteers, venous")
            .citation(CITATION)
            .drugForm(DrugForm.S_KETAMINE)
            .population(new Population("48 healthy volunteers (26 men) in two studies: 17 given 10 mg S-ketamine "
                    + "IV over 30 min, 31 given a 2-h stepped IV infusion on two occasions; ages 23.0 ± 3.6 and "
                    + "23.6 ± 5.1 years, weights 68.0 ± 7.2 and 71.3 ± 8.5 kg (mean ± SD)",
                    OptionalInt.of(48), 18, 39, 46, 97,
                    "Otto 2021 Table 1 as transcribed by " + Sources.NLX_OTTO_VIGNETTE + "; no ranges are "
                            + "printed, so the range here is mean ± 3 SD (adults only)"))
            .samplingSite(SamplingSite.VENOUS)
            .scaling("V1 and Vn × (WT/70); CL and CLn × (WT/70)^0.75; peripheral volumes and inter-compartmental "
                    + "clearances not scaled (Table 3 footnote and supplement $PK, as transcribed)")
            .parameter("V1", "S-ketamine central volume", 133, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, FANTA)
            .parameter("CL", "S-ketamine clearance (all forming S-norketamine)", 95.2, Unit.L_PER_H,
                    Role.PARENT_CLEARANCE, 0.75, TRANSCRIPTION, FANTA + "; Fanta 2015 abstract prints 95 L/h/70 kg")
            .parameter("Vp1", "S-ketamine peripheral volume 1", 187, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, FANTA)
            .parameter("Q1", "S-ketamine inter-compartmental clearance 1", 23.2, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, FANTA)
            .parameter("Vp2", "S-ketamine peripheral volume 2", 98.8, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, FANTA)
            .parameter("Q2", "S-ketamine inter-compartmental clearance 2", 157, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, FANTA)
            .parameter("Vn", "S-norketamine central volume (apparent, fm = 1, S-ketamine mass units)", VN_L, Unit.L,
                    Role.VOLUME, 1, TRANSCRIPTION, TABLE3 + " (98.638 in the supplement)")
            .parameter("CLn", "S-norketamine clearance (apparent)", CLN_L_PER_H, Unit.L_PER_H,
                    Role.METABOLITE_CLEARANCE, 0.75, TRANSCRIPTION, TABLE3 + " (57.72)")
            .parameter("Vpn", "S-norketamine peripheral volume (apparent)", VPN_L, Unit.L, Role.VOLUME, 0,
                    TRANSCRIPTION, TABLE3 + " (160.04)")
            .parameter("Qn", "S-norketamine inter-compartmental clearance (apparent)", QN_L_PER_H, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, TABLE3 + " (42.778)")
            .variability(Variability.variance("V1", 0.084177, TRANSCRIPTION, TABLE3 + ", OMEGA BLOCK(2)"))
            .variability(Variability.covariance("V1", "CL", 0.02261, TRANSCRIPTION, TABLE3 + ", OMEGA BLOCK(2)"))
            .variability(Variability.variance("CL", 0.026048, TRANSCRIPTION, TABLE3 + ", OMEGA BLOCK(2)"))
            .variability(Variability.variance("Vn", 0.040426, TRANSCRIPTION, TABLE3 + ", OMEGA BLOCK(2)"))
            .variability(Variability.covariance("Vn", "CLn", 0.04456, TRANSCRIPTION, TABLE3 + ", OMEGA BLOCK(2)"))
            .variability(Variability.variance("CLn", 0.10319, TRANSCRIPTION, TABLE3 + ", OMEGA BLOCK(2)"))
            .note("Otto Table 3 and the supplement were not read; parameters are nlmixr2lib's transcription, "
                    + "which cites both. The S-ketamine parameters are Fanta 2015's, fixed (only their variability "
                    + "was re-estimated); Fanta's abstract confirms CL 95 L/h/70 kg.")
            .note("S-norketamine units: Otto's code moves milligrams of S-ketamine into the S-norketamine "
                    + "compartments with no molar-mass factor, and its volumes were fitted to measured "
                    + "S-norketamine ng/mL. Compartments here hold moles, so S-norketamine is read through the "
                    + "volume Vn × 223.700/237.727 (0.941 Vn), which reproduces Otto's predictions exactly.")
            .note("Derived at 70 kg: AUC from 0 to infinity after 10 mg is 105.0 ng·h/mL for S-ketamine "
                    + "(dose/CL) and 173.3 ng·h/mL for S-norketamine (dose/CLn, S-ketamine mass units). For "
                    + "10 mg over 30 min at 68 kg the model gives S-norketamine Cmax 21.8 ng/mL at 1.35 h; "
                    + "nlmixr2lib's digitisation of the observed median is about 23 ng/mL. Otto printed no "
                    + "concentration table.")
            .note("Fanta 2015's oral route and presystemic S-norketamine formation are not part of Otto's final "
                    + "model and their parameters were not verified, so only the intravenous route is offered.")
            .residualError(ResidualError.proportional(Analyte.KETAMINE, 0.23609, TRANSCRIPTION, TABLE3
                    + ": σ² 0.055736 (Table 3 0.056), SD = √σ² = 0.23609"))
            .residualError(ResidualError.proportional(Analyte.NORKETAMINE, 0.14261, TRANSCRIPTION, TABLE3
                    + ": σ² 0.020338 (Table 3 0.020), SD = √σ² = 0.14261"))
            .note("Between-patient variability: exponential on V1, CL, Vn and CLn, each pair a full OMEGA BLOCK(2) "
                    + "(correlation 0.48 for S-ketamine, 0.69 for S-norketamine); none on the peripheral volumes or "
                    + "inter-compartmental clearances. Residual error (proportional SD 0.236 S-ketamine, 0.143 "
                    + "S-norketamine, as transcribed) is used only for observed-like concentrations.")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data (10 mg over 30 min; 2-h stepped infusion)")
            .structure(Otto2021::structure)
            .build();

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        double v1 = p.get("V1");
        int k = Structures.mammillary(b, Analyte.KETAMINE, "S-ketamine ", v1, 0, p.get("Vp1"), p.get("Q1"),
                p.get("Vp2"), p.get("Q2"));
        double vn = p.get("Vn");
        int n = Structures.mammillary(b, Analyte.NORKETAMINE, "S-norketamine ", vn, p.get("CLn"), p.get("Vpn"),
                p.get("Qn"));
        b.flow(k, n, p.get("CL") / v1);
        b.observe(Analyte.KETAMINE, k, v1);
        b.observe(Analyte.NORKETAMINE, n, Structures.parentMassUnitsVolume(vn));
        b.route(Route.INTRAVENOUS, Structures.intravenous(k));
    }
}
