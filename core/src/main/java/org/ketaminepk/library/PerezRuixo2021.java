package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.PUBLISHED;
import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.model.Adjustment;
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
 * Perez-Ruixo C et al. (2021), esketamine nasal spray, intravenous and oral esketamine with noresketamine, from
 * 820 healthy subjects and patients with treatment-resistant depression. Three-compartment esketamine with a
 * hepato-portal compartment (well-stirred first pass) and a two-compartment apparent noresketamine. A nasal dose is
 * given as 28-mg devices 5 minutes apart; the first absorbs FRn through the nasal mucosa, later ones 0.62·FRn.
 */
final class PerezRuixo2021 {
    private PerezRuixo2021() {
    }

    /** Esketamine per nasal spray device, mg. */
    static final double DEVICE_MG = 28;
    /** Interval between devices, h (the label's 5-minute rest). */
    static final double DEVICE_INTERVAL_H = 5.0 / 60;

    private static final String TABLE3 = "Perez-Ruixo 2021 Table 3, transcribed by " + Sources.NLX_PEREZ_RUIXO;
    private static final String ABSTRACT = "Perez-Ruixo 2021 abstract";

    static final PublishedModel MODEL = PublishedModel.builder("perez-ruixo-2021")
            .name("Perez-Ruixo 2021, esketamine nasal spray / IV / oral with noresketamine, hepato-portal first "
                    + "pass")
            .citation(Citation.of("Perez-Ruixo C, Rossenu S, Zannikos P, Nandy P, Singh J, Drevets WC, "
                    + "Perez-Ruixo JJ", 2021,
                    "Population Pharmacokinetics of Esketamine Nasal Spray and its Metabolite Noresketamine in "
                            + "Healthy Subjects and Patients with Treatment-Resistant Depression",
                    "Clin Pharmacokinet 2021;60(4):501-516").withDoi("10.1007/s40262-020-00953-4"))
            .drugForm(DrugForm.ESKETAMINE)
            .population(new Population("820 subjects in 13 studies: 256 healthy (phase I) and 564 patients with "
                    + "treatment-resistant depression; 58.4 % women, 13.7 % Asian (72 Japanese); intranasal "
                    + "14-112 mg, IV 28 mg over 40 min and oral 84 mg in 18 subjects of one study",
                    OptionalInt.of(820), 18, 86, 39,
                    170, "abstract (n, design); ranges and splits from Table 2 as transcribed by "
                            + Sources.NLX_PEREZ_RUIXO))
            .samplingSite(SamplingSite.NOT_STATED)
            .scaling("no weight or sex effect was retained (weight 39-170 kg studied); hepatic blood flow falls by "
                    + "2.19 L/h per year of age above 60")
            .parameter("FRn", "fraction of the first 28-mg device absorbed through the nasal mucosa", 0.54,
                    Unit.FRACTION, Role.BIOAVAILABILITY, 0, TRANSCRIPTION, TABLE3 + "; abstract: 54 %")
            .parameter("FRn_next", "factor on FRn for the second and later devices of one dose", 0.62,
                    Unit.FRACTION, Role.BIOAVAILABILITY, 0, TRANSCRIPTION, TABLE3 + " (\"dose effect on FRn\")")
            .parameter("ka_n", "nasal absorption rate constant", 2.93, Unit.PER_H, Role.ABSORPTION, 0,
                    TRANSCRIPTION, TABLE3 + " (printed \"L/h\", a unit typo)")
            .parameter("Dsw", "zero-order duration of the swallowed part of a nasal dose", 0.53, Unit.H,
                    Role.ABSORPTION, 0, TRANSCRIPTION, TABLE3)
            .parameter("ka_sw", "absorption rate constant of the swallowed part (into the liver)", 1.45,
                    Unit.PER_H, Role.ABSORPTION, 0, TRANSCRIPTION, TABLE3)
            .parameter("Dpo", "zero-order duration of an oral solution dose", 0.32, Unit.H, Role.ABSORPTION, 0,
                    TRANSCRIPTION, TABLE3)
            .parameter("ka_po", "absorption rate constant of an oral solution (into the liver)", 0.97, Unit.PER_H,
                    Role.ABSORPTION, 0, TRANSCRIPTION, TABLE3)
            .parameter("Fgut", "fraction of a swallowed dose escaping gut-wall metabolism", 0.64, Unit.FRACTION,
                    Role.BIOAVAILABILITY, 0, TRANSCRIPTION, TABLE3)
            .parameter("Vc", "esketamine central volume", 192, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, TABLE3)
            .parameter("Q1", "inter-compartmental clearance 1", 84.3, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0,
                    TRANSCRIPTION, TABLE3)
            .parameter("Vp1", "peripheral volume 1", 143, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, TABLE3)
            .parameter("Q2", "inter-compartmental clearance 2", 37.6, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0,
                    TRANSCRIPTION, TABLE3)
            .parameter("Vp2", "peripheral volume 2", 417, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, TABLE3)
            .parameter("Qh", "hepatic (plasma) flow between central and hepato-portal compartments", 151,
                    Unit.L_PER_H, Role.HEPATIC_BLOOD_FLOW, 0, TRANSCRIPTION, TABLE3)
            .parameter("Qh_age", "change of Qh per year of age above 60", -2.19, Unit.L_PER_H_PER_YEAR, Role.OTHER,
                    0, TRANSCRIPTION, TABLE3 + " (\"Age on Qh = -2.19\")")
            .parameter("Vh", "hepato-portal volume", 101, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, TABLE3)
            .parameter("kel", "hepatic metabolism to products other than noresketamine", 1.11, Unit.PER_H,
                    Role.PARENT_OTHER_METABOLISM_RATE, 0, TRANSCRIPTION, TABLE3)
            .parameter("kmet", "hepatic metabolism to noresketamine", 2.77, Unit.PER_H, Role.PARENT_METABOLISM_RATE,
                    0, TRANSCRIPTION, TABLE3)
            .parameter("Vcn", "noresketamine central volume (apparent, Vcn/F, esketamine mass units)", 70.0, Unit.L,
                    Role.VOLUME, 0, TRANSCRIPTION, TABLE3)
            .parameter("CLn", "noresketamine clearance (apparent, CLn/F)", 38.0, Unit.L_PER_H,
                    Role.METABOLITE_CLEARANCE, 0, TRANSCRIPTION, TABLE3 + "; abstract: 38 L/h")
            .parameter("Vpn", "noresketamine peripheral volume (apparent)", 115, Unit.L, Role.VOLUME, 0,
                    TRANSCRIPTION, TABLE3)
            .parameter("Q3", "noresketamine inter-compartmental clearance (apparent)", 26.1, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, TABLE3)
            .parameter("FRn_japanese", "factor on FRn in Japanese subjects (not applied: no ethnicity input)",
                    1.34, Unit.NONE, Role.OTHER, 0, TRANSCRIPTION, TABLE3)
            .parameter("kel_asian", "factor on kel in Asian subjects (not applied: no ethnicity input)", 0.36,
                    Unit.NONE, Role.OTHER, 0, TRANSCRIPTION, TABLE3)
            .parameter("CLn_asian", "factor on CLn/F in Asian subjects (not applied: no ethnicity input)", 0.81,
                    Unit.NONE, Role.OTHER, 0, TRANSCRIPTION, TABLE3)
            .variability(Variability.logitVariance("FRn", 0.708 * 0.708, TRANSCRIPTION, TABLE3 + ": 70.8, read as the "
                    + "SD of an additive effect on the logit of FRn (variance on the logit scale, not the log "
                    + "scale)"))
            .variability(Variability.cv("ka_n", 61.5, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("ka_sw", 132, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("ka_po", 132, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("Vc", 27.5, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("Vp1", 49.3, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("Qh", 23.2, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("Vh", 34.6, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("kel", 120, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("Vcn", 31.6, TRANSCRIPTION, TABLE3))
            .variability(Variability.cv("CLn", 25.4, TRANSCRIPTION, TABLE3))
            .residualError(ResidualError.exponential(Analyte.KETAMINE, 0.276, TRANSCRIPTION, TABLE3
                    + ": log-additive, phase I/II, 27.6 % read as the SD on the log scale"))
            .residualError(ResidualError.exponential(Analyte.NORKETAMINE, 0.422, TRANSCRIPTION, TABLE3
                    + ": log-additive, phase I/II, 42.2 % read as the SD on the log scale"))
            .assumption("nasal devices of one dose are given 5 min apart (label practice; the paper's simulation "
                    + "spacing was not read); a dose that is not a multiple of 28 mg puts the remainder in a last, "
                    + "partly filled device")
            .note("Table 3, Table 4 and Section 2.3 were not read; parameters are nlmixr2lib's transcription, "
                    + "which cites them. The abstract confirms FRn 54 % for 28 mg, absolute nasal bioavailability "
                    + "54 % (56 mg) and 51 % (84 mg), esketamine Vss 752 L and CL 114 L/h, noresketamine Vss 185 L "
                    + "and CL/F 38 L/h.")
            .note("Structure: nasal depot → central (ka_n); the swallowed part of each device ((1 − FRn)·Fgut, "
                    + "the rest lost in the gut wall) enters a gut depot over Dsw and drains (ka_sw) into the "
                    + "hepato-portal compartment, as does an oral solution (Fgut over Dpo, then ka_po). Central "
                    + "and hepato-portal compartments exchange with flow Qh; the hepato-portal compartment "
                    + "metabolises at kel (other products) and kmet (noresketamine). Implied well-stirred liver: "
                    + "E = Vh(kel + kmet)/(Qh + Vh(kel + kmet)) = 0.722, systemic CL = Qh·E = 109.0 L/h, oral "
                    + "F = Fgut(1 − E) = 0.178, fraction of hepatic metabolism forming noresketamine 2.77/3.88 = "
                    + "0.714.")
            .note("Reproduced here: nasal bioavailability 0.538 (56 mg) and 0.509 (84 mg) against the abstract's "
                    + "54 % and 51 %; Vss 752 L. Unreconciled gaps to the abstract: CL 109.0 vs 114 L/h, and the "
                    + "swallowed fraction reaching the circulation 17.8 % vs 18.6 % (rounding of Table 3, or "
                    + "medians of individual values).")
            .note("Table 4 (typical exposures by dose, age and ethnicity, as transcribed): esketamine Cmax and "
                    + "AUC0-24 and noresketamine Cmax are reproduced within 0.5 %; noresketamine AUC0-24 is not "
                    + "(the model gives 1.38-1.56 times the table, e.g. 387 vs 274 ng·h/mL for 28 mg). No single "
                    + "re-reading of Table 3 reproduces both noresketamine Cmax and AUC, and the table's AUC would "
                    + "need CLn/F ≈ 54 L/h, contradicting the abstract's 38 L/h: this is treated as an "
                    + "inconsistency in the publication, and Table 3 is used as printed.")
            .note("Noresketamine units: the model moves milligrams of esketamine into noresketamine with no "
                    + "molar-mass factor and its apparent volumes were fitted to measured ng/mL, so noresketamine "
                    + "is read through Vcn × 223.700/237.727 here (compartments hold moles).")
            .note("Ethnicity effects (Japanese FRn × 1.34; Asian kel × 0.36 and CLn/F × 0.81) are listed but not "
                    + "applied: the patient description has no ethnicity. The model therefore describes non-Asian "
                    + "subjects.")
            .note("FRn varies on the logit scale, as published: the transcription (" + Sources.NLX_PEREZ_RUIXO
                    + ") cites Section 2.4 for an interindividual effect added to logit(FRn) and reads Table 3's "
                    + "70.8 as that effect's SD, so logit(FRn) = logit(0.54) + η with ω² = 0.708² (Section 2.4 was "
                    + "not read here). Every sampled FRn therefore lies "
                    + "strictly between 0 and 1 and none is capped at 1. A CV assumed for FRn instead is log-normal "
                    + "and can draw it above 1; such a draw is held at 1 and a population counts how often.")
            .note("Interindividual variability is as transcribed. The IIV of kmet is named in Section 2.4 but its "
                    + "value is blank in Table 3; none is carried. Residual error (log-additive, esketamine 27.6 %, "
                    + "noresketamine 42.2 % in phase I/II) is used only for observed-like concentrations.")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "the model's own data (28 mg over 40 min, 18 subjects)")
            .route(Route.INTRANASAL, true, "the model's own data (esketamine nasal spray, 28-mg devices)")
            .route(Route.ORAL, true, "the model's own data (84 mg oral solution, 18 subjects)")
            .covariates(PerezRuixo2021::age)
            .structure(PerezRuixo2021::structure)
            .build();

    /** Qh falls by 2.19 L/h per year above 60 (additive, Table 3). */
    private static ParameterValues age(ParameterValues p, Patient patient, List<Adjustment> adjustments) {
        double yearsAbove60 = Math.max(0, patient.ageYears() - 60);
        if (yearsAbove60 == 0) {
            return p;
        }
        double qh = p.get("Qh");
        // at the oldest accepted age (120 y) Qh is still 151 − 2.19·60 = 19.6 L/h, so it never reaches zero
        double v = qh + p.get("Qh_age") * yearsAbove60;
        adjustments.add(new Adjustment("Qh", "L/h", qh, v, String.format(Locale.ROOT,
                "age %s years: %s L/h per year above 60", Checks.fmt(patient.ageYears()),
                Checks.fmt(p.get("Qh_age"))), TABLE3));
        return p.with("Qh", v);
    }

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        double vc = p.get("Vc");
        double vh = p.get("Vh");
        int c = Structures.mammillary(b, Analyte.KETAMINE, "esketamine ", vc, 0, p.get("Vp1"), p.get("Q1"),
                p.get("Vp2"), p.get("Q2"));
        int liver = b.compartment("esketamine hepato-portal", Analyte.KETAMINE, Kind.HEPATIC);
        b.exchange(c, vc, liver, vh, p.get("Qh"));
        int other = b.sink("esketamine metabolised to other products", Analyte.KETAMINE);
        b.eliminate(liver, other, p.get("kel"));
        double vcn = p.get("Vcn");
        int n = Structures.mammillary(b, Analyte.NORKETAMINE, "noresketamine ", vcn, p.get("CLn"), p.get("Vpn"),
                p.get("Q3"));
        b.flow(liver, n, p.get("kmet"));

        int nasal = b.compartment("nasal mucosa", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(nasal, c, p.get("ka_n"));
        int swallowed = b.compartment("gut (swallowed spray)", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(swallowed, liver, p.get("ka_sw"));
        int oral = b.compartment("gut (oral solution)", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(oral, liver, p.get("ka_po"));
        int gutWall = b.sink("esketamine metabolised in the gut wall", Analyte.KETAMINE);

        b.observe(Analyte.KETAMINE, c, vc);
        b.observe(Analyte.NORKETAMINE, n, Structures.parentMassUnitsVolume(vcn));

        double fgut = p.get("Fgut");
        b.route(Route.INTRAVENOUS, Structures.intravenous(c));
        b.route(Route.ORAL, RouteInput.fixed(List.of(new InputChannel(oral, false, fgut, 0, p.get("Dpo")),
                InputChannel.lost(gutWall, 1 - fgut))));
        double frn = p.get("FRn");
        double frnNext = Math.min(1, frn * p.get("FRn_next"));
        double dsw = p.get("Dsw");
        b.route(Route.INTRANASAL, amountMg -> nasalChannels(amountMg, frn, frnNext, fgut, dsw, nasal, swallowed,
                gutWall));
    }

    /** One set of channels per 28-mg device, each device 5 min after the previous one. */
    static List<InputChannel> nasalChannels(double amountMg, double frnFirst, double frnNext, double fgut,
            double dswH, int nasal, int swallowed, int gutWall) {
        int devices = Math.max(1, (int) Math.ceil(amountMg / DEVICE_MG - 1e-9));
        List<InputChannel> out = new ArrayList<>(3 * devices);
        for (int i = 0; i < devices; i++) {
            double share = devices == 1 ? 1 : Math.min(DEVICE_MG, amountMg - i * DEVICE_MG) / amountMg;
            double frn = i == 0 ? frnFirst : frnNext;
            double lag = i * DEVICE_INTERVAL_H;
            out.add(new InputChannel(nasal, false, share * frn, lag, 0));
            out.add(new InputChannel(swallowed, false, share * (1 - frn) * fgut, lag, dswH));
            out.add(new InputChannel(gutWall, true, share * (1 - frn) * (1 - fgut), lag, 0));
        }
        return out;
    }
}
