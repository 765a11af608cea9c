package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.PUBLISHED;
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
 * Flint RB et al. (2017), S-ketamine by continuous infusion in ventilated children in intensive care: two
 * compartments for S-ketamine and one apparent compartment for S-norketamine. The paper lets S-norketamine
 * clearance grow with time since the first dose; a constant-coefficient system cannot, so its value at the start
 * of the infusion is used (see the notes for how far that is off later).
 */
final class Flint2017 {
    private Flint2017() {
    }

    private static final String ABSTRACT = "Flint 2017 abstract (https://discovery.researcher.life/article/"
            + "pharmacokinetics-of-s-ketamine-during-prolonged-sedation-at-the-pediatric-intensive-care-unit/"
            + "0bbb8b155d9f3641a31cedda4735e50b)";
    private static final String TABLE3 = "Flint 2017 Table 3, transcribed by " + Sources.NLX_FLINT;

    static final PublishedModel MODEL = PublishedModel.builder("flint-2017")
            .name("Flint 2017, S-ketamine + apparent S-norketamine, children in intensive care (continuous IV)")
            .citation(Citation.of("Flint RB, Brouwer CNM, Kränzlin ASC, Lie-A-Huen L, Bos AP, Mathôt RAA", 2017,
                    "Pharmacokinetics of S-ketamine during prolonged sedation at the pediatric intensive care unit",
                    "Paediatr Anaesth 2017;27(11):1098-1107").withDoi("10.1111/pan.13239"))
            .drugForm(DrugForm.S_KETAMINE)
            .population(new Population("25 mechanically ventilated children in a paediatric ICU, median age "
                    + "0.42 (0.02-12.5) years, weight 3.4-35 kg (median 7.0), 19 under 2 years; continuous IV "
                    + "S-ketamine 0.3-3.6 mg/kg/h for 9.6-140.7 h; 86 samples", OptionalInt.of(25), 0.02, 12.5, 3.4, 35,
                    ABSTRACT + " (n, ages, dose range, samples); weights and durations from Table 2 as "
                            + "transcribed by " + Sources.NLX_FLINT))
            .samplingSite(SamplingSite.NOT_STATED)
            .studiedSpan(140.7 + 4, "infusions of 9.6-140.7 h as transcribed by " + Sources.NLX_FLINT
                    + ", sampled daily and 1 and 4 h after they stopped (" + ABSTRACT + ")")
            .scaling("allometric, (WT/70)^0.75 on CL, Q and CLsnk (abstract: \"the ¾ power model\"); (WT/70)^1 on "
                    + "volumes (Methods 2.4 as transcribed); no maturation function")
            .parameter("CL", "S-ketamine clearance (all forming apparent S-norketamine)", 112, Unit.L_PER_H,
                    Role.PARENT_CLEARANCE, 0.75, PUBLISHED, ABSTRACT + " (L/h/70 kg)")
            .parameter("V1", "S-ketamine central volume", 7.73, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    TABLE3 + "; abstract prints 7.7 L/70 kg")
            .parameter("Q", "S-ketamine inter-compartmental clearance", 196, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0.75, PUBLISHED, ABSTRACT + " (L/h/70 kg)")
            .parameter("V2", "S-ketamine peripheral volume", 545, Unit.L, Role.VOLUME, 1, PUBLISHED,
                    ABSTRACT + " (L/70 kg)")
            .parameter("CLsnk", "S-norketamine clearance / Fm at the start of the infusion (apparent)", 53.2,
                    Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0.75, TRANSCRIPTION,
                    TABLE3 + "; abstract prints 53 L/h/70 kg")
            .parameter("Vsnk", "S-norketamine volume / Fm (fixed: not estimable)", 1, Unit.L, Role.VOLUME, 1,
                    TRANSCRIPTION, TABLE3 + " (fixed; Results 3.3: values 0.1-10 did not change the fit)")
            .parameter("CLsnk_time", "fractional increase of CLsnk per hour since the first dose (0.870 %/h; not "
                    + "applied, see notes)", 0.0087, Unit.PER_H, Role.OTHER, 0, TRANSCRIPTION, TABLE3)
            .variability(Variability.cv("CL", 40.2, TRANSCRIPTION, TABLE3 + "; abstract: 40 %"))
            .variability(Variability.cv("CLsnk", 104, TRANSCRIPTION, TABLE3 + "; abstract: 104 %"))
            .variability(Variability.covariance("CL", "CLsnk", 0.506 * Math.sqrt(Math.log(1 + 0.402 * 0.402)
                    * Math.log(1 + 1.04 * 1.04)), TRANSCRIPTION, TABLE3 + ": correlation 0.506, converted with the "
                            + "two variances above"))
            .residualError(ResidualError.proportional(Analyte.KETAMINE, 0.419, TRANSCRIPTION, TABLE3
                    + ": proportional 41.9 %"))
            .residualError(ResidualError.proportional(Analyte.NORKETAMINE, 0.475, TRANSCRIPTION, TABLE3
                    + ": proportional 47.5 %"))
            .assumption("S-norketamine clearance is held at its value at the start of the infusion; the paper "
                    + "lets it rise by 0.87 % per hour, so S-norketamine is overestimated by 21 % after 24 h, 42 % "
                    + "after 48 h and 104 % after 120 h of infusion")
            .note("The paper's S-norketamine clearance grows linearly with time since the first dose: CLsnk(t) = "
                    + "53.2·(WT/70)^0.75·(1 + 0.0087·t). A linear system with constant coefficients cannot represent "
                    + "a time-varying clearance, so the t = 0 value is used. Because S-norketamine equilibrates "
                    + "within minutes (rate constant about 53·(WT/70)^-0.25 /h), its concentration is nearly "
                    + "proportional to 1/CLsnk: the paper's model would give values 1/(1 + 0.0087·t) times these, "
                    + "i.e. 0.83× at 24 h, 0.70× at 48 h, 0.49× at 120 h. S-ketamine is unaffected.")
            .note("S-norketamine is apparent: Fm and the molar-mass ratio are absorbed in CLsnk/Fm and Vsnk/Fm "
                    + "(fixed at 1 L), and the model's output is used directly as measured S-norketamine ng/mL. "
                    + "Compartments hold moles here, so S-norketamine is read through Vsnk × 223.700/237.727.")
            .note("Abstract: CL 112, V1 7.7, Q 196, V2 545 (per 70 kg), CLsnk/Fm 53 L/h/70 kg, IIV 40 % (CL) and "
                    + "104 % (CLsnk). Only weight and time were retained as covariates. Reproduced: at steady state "
                    + "CL = infusion rate / concentration = 112·(WT/70)^0.75 L/h, and S-norketamine/S-ketamine = "
                    + "CL/CLsnk = 2.11 (t = 0 clearance). For 7 kg at 2.4 mg/kg/h S-ketamine settles at 844 ng/mL.")
            .note("Whether the printed CV % means √ω² or √(exp(ω²) − 1) is not verified; ω² = ln(1 + CV²) is "
                    + "used (0.150 and 0.733; the other reading gives 0.162 and 1.08). Residual error "
                    + "(proportional 41.9 % and 47.5 %) is used only for observed-like concentrations. The sampling "
                    + "site is not stated in the sources read. The \"effective\" concentration C_K + 0.33·C_NK of the paper's Figure 2 "
                    + "is not computed.")
            .note("Outside 3.4-35 kg, 0-12.5 years or beyond 144.7 h after the first dose (the longest infusion, "
                    + "140.7 h, and its last sample 4 h after it stopped) the model is extrapolated; neonates have no "
                    + "maturation function.")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data (continuous infusion)")
            .structure(Flint2017::structure)
            .build();

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        double v1 = p.get("V1");
        int k = Structures.mammillary(b, Analyte.KETAMINE, "S-ketamine ", v1, 0, p.get("V2"), p.get("Q"));
        double vn = p.get("Vsnk");
        int n = Structures.mammillary(b, Analyte.NORKETAMINE, "S-norketamine ", vn, p.get("CLsnk"));
        b.flow(k, n, p.get("CL") / v1);
        b.observe(Analyte.KETAMINE, k, v1);
        b.observe(Analyte.NORKETAMINE, n, Structures.parentMassUnitsVolume(vn));
        b.route(Route.INTRAVENOUS, Structures.intravenous(k));
    }
}
