package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.PUBLISHED;
import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
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
 * Simons P et al. (2022), S-ketamine oral thin film (sublingual or buccal) and intravenous S-ketamine in healthy
 * volunteers, arterial sampling: S-ketamine, S-norketamine and S-hydroxynorketamine, linked by two-compartment
 * transit chains; the swallowed part of the film goes straight to hepatic metabolism and never reaches systemic
 * S-ketamine.
 */
final class Simons2022 {
    private Simons2022() {
    }

    /**
     * F1's between-occasion variance on the logit scale: Table 4's ν² = 0.060 (read as the log scale) carried over by
     * the delta method at the typical F1 of 0.263, 0.060 / (1 − 0.263)²; the scale is this library's choice (notes).
     */
    static final double F1_LOGIT_NU_SQUARED = 0.060 / ((1 - 0.263) * (1 - 0.263));

    private static final String TABLE4 = "Simons 2022 Table 4, transcribed by " + Sources.NLX_SIMONS;
    private static final String ABSTRACT = "Simons 2022 abstract (https://doi.org/10.3389/fpain.2022.946486) and "
            + Sources.SIMONS_THESIS;

    static final PublishedModel MODEL = PublishedModel.builder("simons-2022")
            .name("Simons 2022, S-ketamine oral thin film and IV: S-ketamine, S-norketamine, "
                    + "S-hydroxynorketamine, arterial")
            .citation(Citation.of("Simons P, Olofsen E, van Velzen M, van Lemmen M, Mooren R, van Dasselaar T, "
                    + "Mohr P, Hammes F, van der Schrier R, Niesters M, Dahan A", 2022,
                    "S-Ketamine Oral Thin Film—Part 1: Population Pharmacokinetics of S-Ketamine, S-Norketamine and "
                            + "S-Hydroxynorketamine",
                    "Front Pain Res 2022;3:946486").withDoi("10.3389/fpain.2022.946486"))
            .drugForm(DrugForm.S_KETAMINE)
            .population(new Population("20 healthy volunteers (10 men, 10 women); age 24 (19-32) years, weight 73 "
                    + "(53-93) kg; 50 mg or 100 mg S-ketamine film (15 sublingual, 5 buccal), then 20 mg IV over "
                    + "20 min 6 h later",
                    OptionalInt.of(20), 19, 32, 53, 93, Sources.SIMONS_THESIS + ", chapters 2 and 3"))
            .samplingSite(SamplingSite.ARTERIAL)
            .scaling("typical values are printed at 70 kg; the weight exponents (1 on volumes, 0.75 on clearances) "
                    + "are not printed and are nlmixr2lib's assumption")
            .parameter("F1", "fraction of the film dose absorbed through the oral mucosa", 26.3, Unit.PERCENT,
                    Role.BIOAVAILABILITY, 0, TRANSCRIPTION, TABLE4 + "; abstract: 26 ± 1 %")
            .parameter("D1", "duration of zero-order uptake into the mucosal depot", 13.1, Unit.MIN,
                    Role.ABSORPTION, 0, TRANSCRIPTION, TABLE4 + "; thesis: \"took on average 13 min\"")
            .parameter("KA1", "mucosal depot → S-ketamine central", 0.04, Unit.PER_MIN, Role.ABSORPTION, 0,
                    TRANSCRIPTION, TABLE4)
            .parameter("F2", "swallowed input to hepatic metabolism, as a fraction of the full film dose (not a "
                    + "physical fraction)", 116, Unit.PERCENT, Role.BIOAVAILABILITY, 0, TRANSCRIPTION, TABLE4)
            .parameter("D2", "duration of zero-order uptake into the gut depot", 29.9, Unit.MIN, Role.ABSORPTION, 0,
                    TRANSCRIPTION, TABLE4)
            .parameter("KA2", "gut depot → gut-to-liver delay", 0.049, Unit.PER_MIN, Role.ABSORPTION, 0,
                    TRANSCRIPTION, TABLE4)
            .parameter("MTTG", "mean transit time gut → liver (one compartment)", 10.7, Unit.MIN, Role.ABSORPTION, 0,
                    TRANSCRIPTION, TABLE4)
            .parameter("VK1", "S-ketamine central volume (also the S-norketamine central volume)", 11.6, Unit.L,
                    Role.VOLUME, 1, TRANSCRIPTION, TABLE4)
            .parameter("VK2", "S-ketamine peripheral volume 1", 39.0, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, TABLE4)
            .parameter("VK3", "S-ketamine peripheral volume 2", 174, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, TABLE4)
            .parameter("CLK1", "S-ketamine clearance (into the metabolism chain)", 1.48, Unit.L_PER_MIN,
                    Role.PARENT_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .parameter("CLK2", "S-ketamine inter-compartmental clearance 1", 2.43, Unit.L_PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .parameter("CLK3", "S-ketamine inter-compartmental clearance 2", 1.21, Unit.L_PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .parameter("MTTK", "mean transit time of the S-ketamine → S-norketamine chain (2 compartments, each "
                    + "at 2/MTT)", 20.1, Unit.MIN, Role.OTHER, 0, TRANSCRIPTION, TABLE4)
            .parameter("FMK", "fraction of the chain output entering S-norketamine", 0.8, Unit.FRACTION,
                    Role.FORMATION_FRACTION, 0, PUBLISHED, ABSTRACT + " (\"80 %\", fixed)")
            .parameter("VN2", "S-norketamine peripheral volume", 221, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, TABLE4)
            .parameter("CLN1", "S-norketamine clearance (into the hydroxylation chain)", 1.00, Unit.L_PER_MIN,
                    Role.METABOLITE_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .parameter("CLN2", "S-norketamine inter-compartmental clearance", 2.63, Unit.L_PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .parameter("MTTN", "mean transit time of the S-norketamine → S-hydroxynorketamine chain (2 "
                    + "compartments, each at 2/MTT)", 1.12, Unit.MIN, Role.OTHER, 0, TRANSCRIPTION, TABLE4)
            .parameter("FMN", "fraction of the chain output entering S-hydroxynorketamine", 0.7, Unit.FRACTION,
                    Role.FORMATION_FRACTION, 0, PUBLISHED,
                    ABSTRACT + " (fixed; 0.8 × 0.7 = the abstract's \"56 %\")")
            .parameter("VH1", "S-hydroxynorketamine central volume", 4.4, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    TABLE4)
            .parameter("VH2", "S-hydroxynorketamine peripheral volume", 87.5, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    TABLE4)
            .parameter("CLH1", "S-hydroxynorketamine clearance", 0.933, Unit.L_PER_MIN,
                    Role.SECONDARY_METABOLITE_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .parameter("CLH2", "S-hydroxynorketamine inter-compartmental clearance", 1.70, Unit.L_PER_MIN,
                    Role.DISTRIBUTION_CLEARANCE, 0.75, TRANSCRIPTION, TABLE4)
            .variability(Variability.variance("VK1", 0.057, TRANSCRIPTION, TABLE4 + " (also on the S-norketamine "
                    + "central volume)"))
            .variability(Variability.variance("CLK1", 0.029, TRANSCRIPTION, TABLE4))
            .variability(Variability.variance("CLK3", 0.026, TRANSCRIPTION, TABLE4))
            .variability(Variability.variance("CLN1", 0.050, TRANSCRIPTION, TABLE4))
            .variability(Variability.variance("MTTK", 0.021, TRANSCRIPTION, TABLE4))
            .variability(Variability.variance("VH1", 1.22, TRANSCRIPTION, TABLE4))
            .variability(Variability.variance("CLH1", 0.103, TRANSCRIPTION, TABLE4))
            .variability(Variability.variance("CLH2", 0.287, TRANSCRIPTION, TABLE4))
            .occasionVariability(Variability.logitVariance("F1", F1_LOGIT_NU_SQUARED, TRANSCRIPTION, TABLE4
                    + ", ν² 0.060, carried to the logit scale (see the notes)"))
            .occasionVariability(Variability.variance("D1", 0.154, TRANSCRIPTION, TABLE4 + ", ν²"))
            .occasionVariability(Variability.variance("KA1", 0.062, TRANSCRIPTION, TABLE4 + ", ν²"))
            .occasionVariability(Variability.variance("F2", 0.057, TRANSCRIPTION, TABLE4 + ", ν²"))
            .occasionVariability(Variability.variance("D2", 0.611, TRANSCRIPTION, TABLE4 + ", ν²"))
            .occasionVariability(Variability.variance("KA2", 0.376, TRANSCRIPTION, TABLE4 + ", ν²"))
            .occasionVariability(Variability.variance("MTTG", 0.937, TRANSCRIPTION, TABLE4 + ", ν² (MTT GUT)"))
            .occasionVariability(Variability.variance("MTTK", 0.751, TRANSCRIPTION, TABLE4 + ", ν² printed on the "
                    + "S-norketamine additive-error row; nlmixr2lib assigns it to MTT K→NK (ambiguous row)"))
            .occasionVariability(Variability.variance("VH2", 0.152, TRANSCRIPTION, TABLE4 + ", ν²"))
            .occasionVariability(Variability.variance("CLH1", 0.008, TRANSCRIPTION, TABLE4 + ", ν²"))
            .residualError(ResidualError.proportional(Analyte.KETAMINE, 0.1095, TRANSCRIPTION, TABLE4
                    + ": σ Relative printed 0.012, read by nlmixr2lib as a variance (SD √0.012 = 0.1095)"))
            .residualError(ResidualError.combined(Analyte.NORKETAMINE, 0.102, 0.058 * 223.700, TRANSCRIPTION,
                    TABLE4 + ": proportional 0.102, additive 0.058 nmol/mL × 223.700 g/mol = 12.97 ng/mL"))
            .residualError(ResidualError.combined(Analyte.HYDROXYNORKETAMINE, 0.079, 0.020 * 239.699,
                    TRANSCRIPTION, TABLE4 + ": proportional 0.079, additive 0.020 nmol/mL × 239.699 g/mol = "
                            + "4.79 ng/mL"))
            .assumption("weight exponents (1 on volumes, 0.75 on clearances) are not printed in the paper")
            .assumption("transit chains run at 2/MTT per compartment (two compartments per chain), the reading that "
                    + "reproduces the 50-mg S-norketamine Tmax of 61 min")
            .note("Parameters are nlmixr2lib's transcription of Table 4 (the Methods and Table 4 were not read). The "
                    + "abstract and the author's thesis confirm F1 26 %, D1 13 min, fm 80 % and 56 %, arterial "
                    + "sampling, the population and the pooling of sublingual and buccal placement (no difference "
                    + "found). The buccal route uses the same parameters as the sublingual one.")
            .note("Structure (Figure 2 as read by nlmixr2lib): F1 of the film enters a mucosal depot over D1 and "
                    + "reaches S-ketamine at KA1; the swallowed input enters a gut depot over D2, passes KA2 and one "
                    + "gut-to-liver compartment (1/MTTG) and goes straight into the S-ketamine → S-norketamine "
                    + "chain, never into systemic S-ketamine. S-ketamine clearance CLK1 feeds the same chain; 80 % "
                    + "of the chain output becomes S-norketamine, whose central volume is VK1; S-norketamine "
                    + "clearance CLN1 feeds a second chain of which 70 % becomes S-hydroxynorketamine. The lost "
                    + "20 % and 30 % leave the system (the authors \"remain uninformed\" about them).")
            .note("F2 = 116 % of the full dose is not a physical fraction: with fm fixed at 0.8 and 0.7 it absorbs "
                    + "the scale of the metabolite volumes, and the published model forms more S-norketamine "
                    + "than the dose holds. To keep every micromole accounted for, this implementation divides the "
                    + "metabolite amounts by c = 0.8·F2/(1 − F1) = 1.259: the swallowed 73.7 % of the film all "
                    + "forms S-norketamine, 0.8/c = 63.5 % of the systemic chain output does, and S-norketamine "
                    + "and S-hydroxynorketamine are read through volumes VK1/c and VH1/c. Concentrations equal the "
                    + "published model's exactly; only the metabolite amounts are rescaled.")
            .note("Reproduction: after a 50-mg film and 20 mg IV over 20 min starting at 6 h, the S-ketamine peak "
                    + "is 272.7 ng/mL at 380 min; the paper reports 273 (95 % CI 259-287) ng/mL. The 50-mg film "
                    + "gives S-norketamine AUC0-6h ≈ 36 300 ng·min/mL against 38 497 in Table 2 (means of "
                    + "observed data, as transcribed).")
            .note("Molar units throughout (the paper models nmol/mL). The thesis's nmol/mL values for "
                    + "S-hydroxynorketamine imply inconsistent molar masses (278 and 400 g/mol); ng/mL values are "
                    + "converted here with the true molar mass 239.70 g/mol. Doses are S-ketamine base (one film = "
                    + "57.7 mg S-ketamine hydrochloride = 50 mg base).")
            .note("Interindividual variability is as transcribed (θ·exp(η)), no correlations. Interoccasion "
                    + "variability (ν², θ·exp(η + κ)) is carried for the ten terms of Table 4; an occasion in the "
                    + "study is a visit (a film, then 20 mg IV 6 h later), so population simulation draws κ once "
                    + "per patient for the whole regimen. The 0.751 assigned to MTT K→NK is printed on another row "
                    + "and its assignment is nlmixr2lib's. The 100-mg film gave about 20 % lower F (not "
                    + "significant); a linear model cannot show it.")
            .note("F1 is a fraction, and Table 4 gives its ν² (0.060) without saying on which scale; applied as "
                    + "θ·exp(κ) like the other terms, a sampled F1 would exceed 1 in about 2.5 patients in 10⁸. This "
                    + "library therefore draws F1's κ on the logit scale, logit(F1) = logit(θ) + κ, with the variance "
                    + "carried over by the delta method at the typical value, 0.060 / (1 − 0.263)² = 0.110, so that "
                    + "the spread near the typical F1 is the source's and every sampled F1 lies between 0 and 1. The "
                    + "scale is this library's choice, not the source's.")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE, Analyte.HYDROXYNORKETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data (20 mg over 20 min)")
            .route(Route.SUBLINGUAL, true, "the model's own data (film, 15 subjects)")
            .route(Route.BUCCAL, true, "the model's own data (film, 5 subjects, pooled with sublingual)")
            .structure(Simons2022::structure)
            .build();

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        double vk1 = p.get("VK1");
        double f1 = p.get("F1");
        if (!(f1 < 1)) {
            // a varied F1 capped at 1 would leave no swallowed part to divide by below
            throw new InvalidInputException("F1", String.format(Locale.ROOT, "F1, the fraction of the film taken up "
                    + "through the mucosa, is %.4g for this patient; simons-2022 needs it below 1 (the rest is "
                    + "swallowed, and the metabolite yield divides by 1 − F1)", f1));
        }
        double fmK = p.get("FMK");
        // metabolite amounts are divided by c so that no route forms more moles than it receives (see notes)
        double c = Math.max(fmK, fmK * p.get("F2") / (1 - f1));
        double yieldSystemic = fmK / c;
        double yieldSwallowed = fmK * p.get("F2") / ((1 - f1) * c);

        int k = Structures.mammillary(b, Analyte.KETAMINE, "S-ketamine ", vk1, 0, p.get("VK2"), p.get("CLK2"),
                p.get("VK3"), p.get("CLK3"));
        int otherK = b.sink("S-ketamine metabolised to other products", Analyte.KETAMINE);
        int n1 = b.compartment("S-norketamine central", Analyte.NORKETAMINE, Kind.CENTRAL);
        int n2 = b.compartment("S-norketamine peripheral", Analyte.NORKETAMINE, Kind.PERIPHERAL);
        b.exchange(n1, vk1, n2, p.get("VN2"), p.get("CLN2"));
        int otherN = b.sink("S-norketamine metabolised to other products", Analyte.NORKETAMINE);
        int h1 = Structures.mammillary(b, Analyte.HYDROXYNORKETAMINE, "S-hydroxynorketamine ", p.get("VH1"),
                p.get("CLH1"), p.get("VH2"), p.get("CLH2"));

        double ktrK = 2 / p.get("MTTK");
        int chainSystemic = Structures.transitChain(b, Analyte.KETAMINE, "S-ketamine metabolism delay ", 2, ktrK,
                n1, yieldSystemic, otherK);
        b.flow(k, chainSystemic, p.get("CLK1") / vk1);
        int chainSwallowed = Structures.transitChain(b, Analyte.KETAMINE, "swallowed S-ketamine metabolism delay ",
                2, ktrK, n1, yieldSwallowed, otherK);
        int chainN = Structures.transitChain(b, Analyte.NORKETAMINE, "S-norketamine metabolism delay ", 2,
                2 / p.get("MTTN"), h1, p.get("FMN"), otherN);
        b.flow(n1, chainN, p.get("CLN1") / vk1);

        int mucosa = b.compartment("oral mucosa", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(mucosa, k, p.get("KA1"));
        int gut = b.compartment("gut (swallowed film)", Analyte.KETAMINE, Kind.DEPOT);
        int gutToLiver = b.compartment("gut to liver", Analyte.KETAMINE, Kind.TRANSIT);
        b.flow(gut, gutToLiver, p.get("KA2"));
        b.flow(gutToLiver, chainSwallowed, 1 / p.get("MTTG"));

        b.observe(Analyte.KETAMINE, k, vk1);
        b.observe(Analyte.NORKETAMINE, n1, vk1 / c);
        b.observe(Analyte.HYDROXYNORKETAMINE, h1, p.get("VH1") / c);

        b.route(Route.INTRAVENOUS, Structures.intravenous(k));
        RouteInput film = RouteInput.fixed(List.of(new InputChannel(mucosa, false, f1, 0, p.get("D1")),
                new InputChannel(gut, false, 1 - f1, 0, p.get("D2"))));
        b.route(Route.SUBLINGUAL, film);
        b.route(Route.BUCCAL, film);
    }
}
