package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.PUBLISHED;

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
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;

/**
 * Herd D and Anderson BJ (2007), racemic ketamine in children sedated in an emergency department: a
 * two-compartment model standardised to 70 kg with allometry. Typical values and between-subject variability are
 * read in the abstract; the exponents are the authors' usual allometric ones, not printed in the abstract.
 */
final class Herd2007 {
    private Herd2007() {
    }

    private static final String ABSTRACT = "Herd 2007 abstract (https://pubmed.ncbi.nlm.nih.gov/17564643/)";

    static final PublishedModel MODEL = PublishedModel.builder("herd-2007")
            .name("Herd 2007, racemic ketamine in children (emergency-department sedation), 2-compartment")
            .citation(Citation.of("Herd D, Anderson BJ", 2007,
                    "Ketamine disposition in children presenting for procedural sedation and analgesia in a "
                            + "children's emergency department",
                    "Paediatr Anaesth 2007;17(7):622-629").withDoi("10.1111/j.1460-9592.2006.02145.x"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("54 children given 1-1.5 mg/kg racemic ketamine IV for procedural sedation "
                    + "(188 serum samples, 3-6 per child over 14-152 min); age 8.3 (SD 3.5) years, weight 32.5 "
                    + "(SD 15.6) kg", OptionalInt.of(54), 1, 14, 10.8, 74.8,
                    "abstract for n, dose, age and weight (mean ± SD); the range 1-14 years and 10.8-74.8 kg is "
                            + "the one " + Sources.OPENTIVA + " uses, whose origin is not stated"))
            .samplingSite(SamplingSite.NOT_STATED)
            .studiedSpan(152.0 / 60, "serum samples 14-152 min after a single dose; " + ABSTRACT)
            .scaling("standardised to 70 kg with allometry (abstract); exponents 1 on volumes and 0.75 on CL and "
                    + "Q are the Anderson–Holford convention as implemented by opentiva, not printed in the "
                    + "abstract")
            .parameter("V1", "central volume", 38.7, Unit.L, Role.VOLUME, 1, PUBLISHED, ABSTRACT + " (L/70 kg)")
            .parameter("V2", "peripheral volume", 102, Unit.L, Role.VOLUME, 1, PUBLISHED, ABSTRACT + " (L/70 kg)")
            .parameter("CL", "elimination clearance", 90, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0.75, PUBLISHED,
                    ABSTRACT + " (L/h/70 kg)")
            .parameter("Q", "inter-compartmental clearance", 215, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0.75,
                    PUBLISHED, ABSTRACT + " (L/h/70 kg)")
            .variability(Variability.cv("V1", 64, PUBLISHED, ABSTRACT + ", between-subject variability"))
            .variability(Variability.cv("V2", 51.7, PUBLISHED, ABSTRACT + ", between-subject variability"))
            .variability(Variability.cv("CL", 38.1, PUBLISHED, ABSTRACT + ", between-subject variability"))
            .variability(Variability.cv("Q", 19, PUBLISHED, ABSTRACT + ", between-subject variability"))
            .assumption("weight exponents 1 (volumes) and 0.75 (clearances) are not printed in the abstract")
            .note("Authors are Herd D and Anderson BJ only (Holford co-authored the 2008 pharmacodynamic paper, not "
                    + "this one).")
            .note("Derived at 70 kg: k10 2.33 /h, k12 5.56 /h, k21 2.11 /h; half-lives 4.4 min and 80 min; "
                    + "Vss = 140.7 L. Samples were taken 14-152 min after the dose, so later times are "
                    + "extrapolation.")
            .note("Residual error and any age or maturation effect were not read (abstract truncated). Whether "
                    + "the serum samples were venous or capillary is not stated in the abstract. Norketamine was not "
                    + "reported. opentiva's ke0 (2.995 /min) is derived from an assumed time to peak and is not "
                    + "used.")
            .note("Between-subject variability is printed as percentages; it is stored as ω² = ln(1 + CV²), "
                    + "reading the percentages as coefficients of variation.")
            .analytes(Analyte.KETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data")
            .structure(Herd2007::structure)
            .build();

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        int c = Structures.mammillary(b, Analyte.KETAMINE, "ketamine ", p.get("V1"), p.get("CL"), p.get("V2"),
                p.get("Q"));
        b.observe(Analyte.KETAMINE, c, p.get("V1"));
        b.route(Route.INTRAVENOUS, Structures.intravenous(c));
    }
}
