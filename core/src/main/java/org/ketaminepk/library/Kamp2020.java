package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.Locale;
import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.patient.Patient;

/**
 * Kamp J et al. (2020), the raw-data population model of the Ketamine Pharmacokinetic Study Group: one arterial
 * central compartment and two peripherals, without the paper's two venous delay compartments. Typical values are
 * the ones two public implementations share; the paper's table was not read, and the two implementations scale
 * the clearances differently with weight (0.75 here, 1 in the {@link #LINEAR_CLEARANCE} variant).
 */
final class Kamp2020 {
    private Kamp2020() {
    }

    /** Central (arterial) volume at 70 kg, L. */
    static final double V1_L = 25;
    /** Peripheral volume 1 at 70 kg, L. */
    static final double V2_L = 56;
    /** Peripheral volume 2 at 70 kg, L. */
    static final double V3_L = 157;
    /** Elimination clearance at 70 kg, L/h. */
    static final double CL_L_PER_H = 84;
    /** Inter-compartmental clearance 1 at 70 kg, L/h. */
    static final double Q2_L_PER_H = 161;
    /** Inter-compartmental clearance 2 at 70 kg, L/h. */
    static final double Q3_L_PER_H = 79;

    /** Exponent of (WT/70) on CL, Q2 and Q3 used by default (SimTIVA's reading). */
    static final double CLEARANCE_EXPONENT = 0.75;
    /** Exponent of (WT/70) on CL, Q2 and Q3 in opentiva's reading. */
    static final double LINEAR_CLEARANCE_EXPONENT = 1.0;

    static final String SOURCE = "typical values identical in " + Sources.OPENTIVA_KAMP + " and "
            + Sources.SIMTIVA_KAMP + "; the paper's table was not read";

    static final Citation CITATION = Citation.of(
            "Kamp J, Olofsen E, Henthorn TK, van Velzen M, Niesters M, Dahan A, for the Ketamine Pharmacokinetic "
                    + "Study Group", 2020,
            "Ketamine Pharmacokinetics: A Systematic Review of the Literature, Meta-analysis, and Population "
                    + "Analysis",
            "Anesthesiology 2020;133(6):1192-1213").withDoi("10.1097/ALN.0000000000003577");

    /** The default reading: clearances scale with (WT/70)^0.75. */
    static final PublishedModel MODEL = build("kamp-2020", CLEARANCE_EXPONENT);

    /** opentiva's reading, kept for comparison: clearances scale linearly with weight. Not in the catalogue. */
    static final PublishedModel LINEAR_CLEARANCE = build("kamp-2020-linear", LINEAR_CLEARANCE_EXPONENT);

    private static PublishedModel build(String id, double clearanceExponent) {
        String exp = clearanceExponent == CLEARANCE_EXPONENT ? "0.75" : "1";
        String expSource = clearanceExponent == CLEARANCE_EXPONENT
                ? "exponent 0.75 as in " + Sources.SIMTIVA_KAMP + "; opentiva uses 1"
                : "exponent 1 as in " + Sources.OPENTIVA_KAMP + "; SimTIVA uses 0.75";
        PublishedModel.Builder b = PublishedModel.builder(id)
                .name(String.format(Locale.ROOT, "Kamp 2020, ketamine raw-data population model, 3-compartment, "
                        + "arterial (clearances × (WT/70)^%s)", exp))
                .citation(CITATION)
                .drugForm(DrugForm.RACEMIC)
                .population(new Population("14 raw data sets pooled by the Ketamine Pharmacokinetic Study Group "
                        + "(racemic and S-ketamine studies; numbers of subjects, ages, weights and the "
                        + "racemic/S split not verified)", OptionalInt.empty(), 18, 65, 40, 120,
                        "abstract; the age and weight range is this library's adult default, not a published "
                                + "range"))
                .samplingSite(SamplingSite.ARTERIAL)
                .scaling(String.format(Locale.ROOT, "volumes × (WT/70); CL, Q2 and Q3 × (WT/70)^%s (the paper's "
                        + "scaling was not read; the two public implementations disagree)", exp))
                .parameter("V1", "central (arterial) volume", V1_L, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, SOURCE)
                .parameter("V2", "peripheral volume 1", V2_L, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, SOURCE)
                .parameter("V3", "peripheral volume 2", V3_L, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, SOURCE)
                .parameter("CL", "elimination clearance", CL_L_PER_H, Unit.L_PER_H, Role.PARENT_CLEARANCE,
                        clearanceExponent, TRANSCRIPTION, SOURCE + "; " + expSource)
                .parameter("Q2", "inter-compartmental clearance 1", Q2_L_PER_H, Unit.L_PER_H,
                        Role.DISTRIBUTION_CLEARANCE, clearanceExponent, TRANSCRIPTION, SOURCE + "; " + expSource)
                .parameter("Q3", "inter-compartmental clearance 2", Q3_L_PER_H, Unit.L_PER_H,
                        Role.DISTRIBUTION_CLEARANCE, clearanceExponent, TRANSCRIPTION, SOURCE + "; " + expSource)
                .assumption(String.format(Locale.ROOT, "clearances scale with (WT/70)^%s; the paper's table was "
                        + "not read and public implementations use 0.75 (SimTIVA) or 1 (opentiva)", exp))
                .note("The paper's parameter table, supplement and NONMEM code were not reachable; only the "
                        + "abstract was read. The typical values are the ones opentiva (class Klamp) and SimTIVA "
                        + "share. Neither implementation cites a table for its weight scaling.")
                .note("Weight exponent on CL, Q2 and Q3: opentiva uses 1, SimTIVA 0.75. The default here is 0.75 "
                        + "because it is the usual allometric form of the models Kamp compared, and because the "
                        + "abstract standardises volume as \"l/70 kg\" but clearance as \"l/h (at 70 kg)\", wording "
                        + "typical of allometric clearance standardisation (an inference, not a verification). The "
                        + "alternative is kept as kamp-2020-linear. Both agree at 70 kg; at other weights the "
                        + "0.75 clearances are (WT/70)^-0.25 times the linear ones (1.19× at 35 kg, 0.84× at "
                        + "140 kg).")
                .note("The published model has two venous delay compartments linked to the peripherals; both "
                        + "public implementations omit them, and so does this one. Concentrations are therefore "
                        + "arterial: higher than venous during an infusion and lower shortly after it.")
                .note("Abstract (meta-analysis of 18 studies): weighted mean volume 252 L/70 kg (95 % CI "
                        + "200-304), clearance 79 L/h at 70 kg (95 % CI 69-90), no covariate effect. Derived from "
                        + "the raw-data typical values: Vss = 25 + 56 + 157 = 238 L and CL = 84 L/h, both inside "
                        + "the meta-analysis confidence intervals. Micro-constants at 70 kg: k10 3.36, k12 6.44, "
                        + "k13 3.16, k21 2.875, k31 0.503 /h.")
                .note("No interindividual variability was verified. No effect-site constant is used: opentiva's "
                        + "2.791 /min comes from an assumed time to peak of 1 min and SimTIVA's weight-dependent "
                        + "ke0 from a study that used the Domino model.")
                .note("Restricted to adults until the raw-data population is verified; the meta-analysis included "
                        + "5 paediatric studies.")
                .analytes(Analyte.KETAMINE)
                .route(Route.INTRAVENOUS, true, "the model's own data")
                .structure(Kamp2020::structure);
        return b.build();
    }

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        int c = Structures.mammillary(b, Analyte.KETAMINE, "ketamine ", p.get("V1"), p.get("CL"), p.get("V2"),
                p.get("Q2"), p.get("V3"), p.get("Q3"));
        b.observe(Analyte.KETAMINE, c, p.get("V1"));
        b.route(Route.INTRAVENOUS, Structures.intravenous(c));
    }
}
