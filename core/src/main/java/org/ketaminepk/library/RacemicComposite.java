package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.DERIVED;
import static org.ketaminepk.model.Provenance.PUBLISHED;
import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Analyte;
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
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;

/**
 * The library's default model for racemic ketamine: a clearly labelled <em>composite</em>, because no single
 * published study gives racemic ketamine and norketamine together with the routes people use. Ketamine
 * disposition is Kamp 2020's (arterial), norketamine disposition is Otto 2021's S-norketamine, the fraction of
 * ketamine clearance forming norketamine is set by an explicit rule from long-infusion data, and each
 * non-intravenous route takes its bioavailability and absorption from its own study. Every choice is an
 * assumption that appears as a warning on every result.
 *
 * <p>Not for subcutaneous dosing: no human bioavailability was found, so the route is absent.
 */
final class RacemicComposite {
    private RacemicComposite() {
    }

    /** Köppel 1990, group 1 (normal liver and kidney function), day 3 steady state: ketamine, µg/mL. */
    static final double KOPPEL_KETAMINE_UG_PER_ML = 1.2;
    /** Köppel 1990, group 1, day 3 steady state: norketamine, µg/mL. */
    static final double KOPPEL_NORKETAMINE_UG_PER_ML = 1.0;
    /** Target steady-state norketamine/ketamine mass-concentration ratio (1.0/1.2 = 0.83). */
    static final double STEADY_STATE_RATIO = KOPPEL_NORKETAMINE_UG_PER_ML / KOPPEL_KETAMINE_UG_PER_ML;

    /**
     * Fraction of ketamine clearance forming norketamine, chosen so that at steady state (and for the AUC from 0
     * to infinity after any intravenous dose) norketamine/ketamine in ng/mL equals {@link #STEADY_STATE_RATIO}:
     * ratio = fm · (CL/CLn) · M(norketamine)/M(ketamine). Weight-independent, since CL and CLn both scale with
     * (WT/70)^0.75.
     */
    static final double FM = STEADY_STATE_RATIO / ((Kamp2020.CL_L_PER_H / Otto2021.CLN_L_PER_H)
            * Analyte.NORKETAMINE.molarMassGPerMol() / Analyte.KETAMINE.molarMassGPerMol());

    /** Oral bioavailability (Yanagihara 2003 ≈ 20 %; Chong 2006 23 ± 9 %; Clements 1982 17 %). */
    static final double F_ORAL = 0.20;
    /** Where the norketamine variability comes from: another model's, labelled as such. */
    static final String BORROWED = "borrowed from Otto 2021 (S-norketamine, healthy volunteers, OMEGA BLOCK(2)): "
            + Otto2021.TABLE3;
    /** Chong 2006 oral norketamine/ketamine AUC ratio (12.1/3.1 per mg). */
    static final double CHONG_ORAL_RATIO = 3.9;
    /** Sublingual bioavailability (Rolan 2014: 29 %, 90 % CI 27-31 %). */
    static final double F_SUBLINGUAL = 0.29;
    /** Chong 2006 sublingual norketamine/ketamine AUC ratio (9.9/4.0 per mg). */
    static final double CHONG_SUBLINGUAL_RATIO = 2.5;
    /** Intranasal bioavailability (Yanagihara 2003, ≈ 45 % after a 25 mg spray). */
    static final double F_NASAL = 0.45;
    /** Intramuscular bioavailability (Clements 1982, secondary source). */
    static final double F_INTRAMUSCULAR = 0.93;

    /**
     * The fraction of a dose metabolised at first pass that makes the route's norketamine/ketamine AUC ratio
     * (0 to infinity) equal {@code observedRatio}: with bioavailability F and first-pass fraction P, norketamine
     * formed is fm·(F + P) of the dose against fm·F after the same systemic exposure given intravenously, so the
     * route's ratio is the intravenous one times (F + P)/F.
     */
    static double firstPassFraction(double bioavailability, double observedRatio) {
        return bioavailability * (observedRatio / STEADY_STATE_RATIO - 1);
    }

    static final double P_ORAL = firstPassFraction(F_ORAL, CHONG_ORAL_RATIO);
    static final double P_SUBLINGUAL = firstPassFraction(F_SUBLINGUAL, CHONG_SUBLINGUAL_RATIO);

    /**
     * Intranasal first pass: the part of a spray not absorbed through the nasal mucosa is swallowed and treated as
     * an oral dose. With a nasal fraction a and oral F and P, F_in = a + (1 − a)·F_oral, so a = (F_in − F_oral) /
     * (1 − F_oral) and the first-pass fraction is (1 − a)·P_oral.
     */
    static final double P_NASAL = (1 - (F_NASAL - F_ORAL) / (1 - F_ORAL)) * P_ORAL;

    private static final String KOPPEL_RULE = String.format(Locale.ROOT,
            "chosen so that steady-state norketamine/ketamine = %.1f/%.1f µg/mL (%s, 9 ICU patients with normal "
                    + "liver and kidney function, day 3 of 1.1-1.3 mg/kg/h): fm = %.4f / ((84/57.7) × 223.700/237.727)"
                    + " = %.4f", KOPPEL_NORKETAMINE_UG_PER_ML, KOPPEL_KETAMINE_UG_PER_ML, Sources.KOPPEL_1990,
            STEADY_STATE_RATIO, FM);

    static final PublishedModel MODEL = PublishedModel.builder("racemic-composite")
            .name("Racemic ketamine + norketamine composite (Kamp 2020 ketamine, Otto 2021 norketamine, route "
                    + "studies) — the library default")
            .composite()
            .citation(new Citation("Kamp J, Olofsen E, Henthorn TK, et al. (ketamine); Otto ME, Bergmann KR, "
                    + "Jacobs G, van Esdonk MJ (norketamine); route studies named per route", 2020,
                    "Composite of this library: ketamine disposition from Kamp 2020, norketamine disposition from "
                            + "Otto 2021 (doi:10.1007/s00228-021-03104-1), formation fraction and routes from the "
                            + "sources in its notes",
                    "Anesthesiology 2020;133(6):1192-1213; Eur J Clin Pharmacol 2021;77(8):1181-1192",
                    "10.1097/ALN.0000000000003577", null))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("adults: the ketamine part comes from 14 pooled raw data sets (Kamp 2020), "
                    + "the norketamine part from 48 healthy volunteers (Otto 2021)", 0, 18, 65, 40, 120,
                    "sources as named; the age and weight range is this library's adult default, since the Kamp "
                            + "raw-data population was not verified"))
            .samplingSite(SamplingSite.ARTERIAL)
            .scaling("ketamine volumes × (WT/70), CL, Q2, Q3 × (WT/70)^0.75 (Kamp, exponent not verified); "
                    + "norketamine Vn and Vpn × (WT/70), CLn and Qn × (WT/70)^0.75 (Otto scales Vn and CLn only; Vpn and Qn "
                    + "are scaled here by the same allometric rule, so that a child's norketamine half-life is not "
                    + "set by an adult-sized peripheral compartment)")
            .parameter("V1", "ketamine central (arterial) volume", Kamp2020.V1_L, Unit.L, Role.VOLUME, 1,
                    TRANSCRIPTION, "Kamp 2020: " + Kamp2020.SOURCE)
            .parameter("V2", "ketamine peripheral volume 1", Kamp2020.V2_L, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    "Kamp 2020: " + Kamp2020.SOURCE)
            .parameter("V3", "ketamine peripheral volume 2", Kamp2020.V3_L, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    "Kamp 2020: " + Kamp2020.SOURCE)
            .parameter("CL", "ketamine clearance", Kamp2020.CL_L_PER_H, Unit.L_PER_H, Role.PARENT_CLEARANCE,
                    Kamp2020.CLEARANCE_EXPONENT, TRANSCRIPTION, "Kamp 2020: " + Kamp2020.SOURCE)
            .parameter("Q2", "ketamine inter-compartmental clearance 1", Kamp2020.Q2_L_PER_H, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, Kamp2020.CLEARANCE_EXPONENT, TRANSCRIPTION,
                    "Kamp 2020: " + Kamp2020.SOURCE)
            .parameter("Q3", "ketamine inter-compartmental clearance 2", Kamp2020.Q3_L_PER_H, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, Kamp2020.CLEARANCE_EXPONENT, TRANSCRIPTION,
                    "Kamp 2020: " + Kamp2020.SOURCE)
            .parameter("Vn", "norketamine central volume (Otto's apparent S-norketamine value)", Otto2021.VN_L,
                    Unit.L, Role.VOLUME, 1, TRANSCRIPTION, "Otto 2021: " + Otto2021.TABLE3)
            .parameter("CLn", "norketamine clearance (Otto's apparent S-norketamine value)", Otto2021.CLN_L_PER_H,
                    Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0.75, TRANSCRIPTION, "Otto 2021: " + Otto2021.TABLE3)
            .parameter("Vpn", "norketamine peripheral volume", Otto2021.VPN_L, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    "Otto 2021: " + Otto2021.TABLE3 + "; × (WT/70) here (allometry), Otto leaves it unscaled")
            .parameter("Qn", "norketamine inter-compartmental clearance", Otto2021.QN_L_PER_H, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0.75, TRANSCRIPTION, "Otto 2021: " + Otto2021.TABLE3
                            + "; × (WT/70)^0.75 here (allometry), Otto leaves it unscaled")
            .parameter("fm", "fraction of ketamine clearance forming norketamine", FM, Unit.FRACTION,
                    Role.FORMATION_FRACTION, 0, DERIVED, KOPPEL_RULE)
            .parameter("F_oral", "oral bioavailability", F_ORAL, Unit.FRACTION, Role.BIOAVAILABILITY, 0, PUBLISHED,
                    Sources.YANAGIHARA_2003 + " (≈ 20 %, 3 volunteers); " + Sources.CHONG_2006 + " gives 23 ± 9 % "
                            + "(6 patients); 17 % in " + Sources.CLEMENTS_1982_SECONDARY)
            .parameter("ka_oral", "oral absorption rate constant", 0.566, Unit.PER_H, Role.ABSORPTION, 0, DERIVED,
                    "chosen so that the simulated ketamine Tmax after an oral dose is 0.96 h, the mean in "
                            + Sources.CHONG_2006)
            .parameter("P_oral", "fraction of an oral dose metabolised at first pass", P_ORAL, Unit.FRACTION,
                    Role.OTHER, 0, DERIVED, String.format(Locale.ROOT, "F·(ratio/%.4f − 1) = 0.20 × (3.9/%.4f − 1) "
                            + "= %.4f, with the oral norketamine/ketamine AUC ratio 3.9 (12.1/3.1 per mg) of %s",
                            STEADY_STATE_RATIO, STEADY_STATE_RATIO, P_ORAL, Sources.CHONG_2006))
            .parameter("F_sl", "sublingual (and buccal) bioavailability", F_SUBLINGUAL, Unit.FRACTION,
                    Role.BIOAVAILABILITY, 0, PUBLISHED, Sources.ROLAN_2014 + " (29 %, 90 % CI 27-31, 8 volunteers); "
                            + Sources.CHONG_2006 + " gives 32 ± 17 %")
            .parameter("ka_sl", "sublingual (and buccal) absorption rate constant", 0.725, Unit.PER_H,
                    Role.ABSORPTION, 0, DERIVED, "chosen so that the simulated ketamine Tmax is 0.75 h, the median "
                            + "in " + Sources.ROLAN_2014 + " (0.76 h in " + Sources.CHONG_2006 + ")")
            .parameter("P_sl", "fraction of a sublingual (or buccal) dose metabolised at first pass", P_SUBLINGUAL,
                    Unit.FRACTION, Role.OTHER, 0, DERIVED, String.format(Locale.ROOT, "0.29 × (2.5/%.4f − 1) = %.4f, "
                            + "with the sublingual norketamine/ketamine AUC ratio 2.5 (9.9/4.0 per mg) of %s",
                            STEADY_STATE_RATIO, P_SUBLINGUAL, Sources.CHONG_2006))
            .parameter("F_in", "intranasal bioavailability", F_NASAL, Unit.FRACTION, Role.BIOAVAILABILITY, 0,
                    PUBLISHED, Sources.YANAGIHARA_2003 + " (≈ 45 % after a 25 mg spray, 3 volunteers); chosen over "
                            + "the 17/13/11 % at 10/30/50 mg of " + Sources.PHT22 + ", see notes")
            .parameter("ka_in", "intranasal absorption rate constant", 1.54, Unit.PER_H, Role.ABSORPTION, 0,
                    DERIVED, "chosen so that the simulated ketamine Tmax is 0.30 h, the mean (17.7 min) of the "
                            + "median Tmax 23, 14 and 16 min at 10, 30 and 50 mg in " + Sources.PHT22)
            .parameter("P_in", "fraction of an intranasal dose metabolised at first pass", P_NASAL, Unit.FRACTION,
                    Role.OTHER, 0, DERIVED, String.format(Locale.ROOT, "the part not absorbed nasally is swallowed "
                            + "and behaves as an oral dose: nasal fraction a = (0.45 − 0.20)/(1 − 0.20) = %.4f, "
                            + "P = (1 − a) × P_oral = %.4f", (F_NASAL - F_ORAL) / (1 - F_ORAL), P_NASAL))
            .parameter("F_im", "intramuscular bioavailability", F_INTRAMUSCULAR, Unit.FRACTION,
                    Role.BIOAVAILABILITY, 0, TRANSCRIPTION, Sources.CLEMENTS_1982_SECONDARY)
            .parameter("ka_im", "intramuscular absorption rate constant", 1.26, Unit.PER_H, Role.ABSORPTION, 0,
                    DERIVED, "chosen so that the simulated ketamine Tmax is 22.5 min, between the median peaks at "
                            + "15 min (1 mg/kg) and 30 min (0.5 mg/kg) in " + Sources.HIRLINGER_1984)
            .variability(Variability.variance("Vn", 0.040426, TRANSCRIPTION, BORROWED))
            .variability(Variability.covariance("Vn", "CLn", 0.04456, TRANSCRIPTION, BORROWED))
            .variability(Variability.variance("CLn", 0.10319, TRANSCRIPTION, BORROWED))
            .note("Between-patient variability: none was published for Kamp 2020's ketamine model (its table was "
                    + "not read), so the ketamine parameters do not vary in population simulation unless the "
                    + "caller supplies variability. The norketamine terms (Vn 0.040, CLn 0.103, covariance 0.044) "
                    + "are borrowed from Otto 2021's S-norketamine model, like the parameters they go with. No "
                    + "residual error is carried.")
            .assumption("composite of several sources, not one study's model: ketamine from Kamp 2020 (arterial), "
                    + "norketamine from Otto 2021")
            .assumption("Kamp 2020 clearances scale with (WT/70)^0.75; the paper's table was not read (opentiva "
                    + "uses 1)")
            .assumption("racemic norketamine is given the disposition of S-norketamine (Otto 2021, apparent values "
                    + "estimated with fm = 1)")
            .assumption(String.format(Locale.ROOT, "fraction of ketamine clearance forming norketamine fm = %.3f, "
                    + "chosen so that steady-state norketamine/ketamine is 0.83 as observed on day 3 of "
                    + "1.1-1.3 mg/kg/h in 9 ICU patients (Köppel 1990)", FM))
            .assumption("oral and sublingual first-pass norketamine calibrated to the norketamine/ketamine AUC "
                    + "ratios of Chong 2006 (3.9 and 2.5); the swallowed part of a nasal dose is treated as oral")
            .assumption("absorption rate constants chosen to reproduce each route study's Tmax; no lag times")
            .assumption("buccal dosing uses the sublingual numbers (no racemic buccal data found)")
            .assumption("intranasal bioavailability 45 % from 3 volunteers (Yanagihara 2003), preferred to the "
                    + "11-17 % of Pharmacotherapy 2022 whose own peak concentrations it reproduces better")
            .assumption("intramuscular bioavailability 93 % read only in a secondary source")
            .note("Why a composite: no racemic ketamine model with norketamine and a fraction metabolised could be "
                    + "verified (Kamp 2020 BJA 125:750, Hijazi 2003, Brunette 2011 and Goldberg 2011 measured "
                    + "norketamine, but their norketamine parameters were not readable). The parts are the best "
                    + "verified pieces: Kamp 2020 for ketamine, Otto 2021 for norketamine.")
            .note(String.format(Locale.ROOT, "Formation fraction: %s. With Otto's apparent volumes fm is a scale "
                    + "factor, not a measured fraction. At steady state ketamine is rate/CL = 1.0 µg/mL for "
                    + "1.2 mg/kg/h against Köppel's 1.2 ± 0.3 µg/mL.", KOPPEL_RULE))
            .note("Ketamine is arterial (Kamp's central compartment without its venous delay compartments): during "
                    + "and just after an infusion it runs above the venous concentrations most clinical studies "
                    + "report. Norketamine parameters come from venous data.")
            .note("Routes. Oral: F 0.20, first-order absorption, first-pass norketamine. Sublingual: F 0.29 "
                    + "(Rolan 2014). Buccal: the sublingual numbers (no racemic buccal data; S-ketamine film data "
                    + "show no sublingual/buccal difference). Intramuscular: F 0.93 (Clements 1982, read only in a "
                    + "secondary source), no first pass. Absorption is first order without lag, its rate set to "
                    + "reproduce each route study's Tmax.")
            .note("Intranasal: F 0.45 (Yanagihara 2003, 25 mg spray, 3 volunteers; 0.50 in children, Malinovsky "
                    + "1996) was chosen over the 17/13/11 % at 10/30/50 mg of Pharmacotherapy 2022. That study's F is "
                    + "a ratio of geometric-mean AUC/dose between dose groups, and its own intranasal peaks cannot "
                    + "follow from it: with F 0.17/0.13/0.11 and its Tmax this model peaks at 7/16/23 ng/mL against "
                    + "the observed 22.9/60.8/77.6, while F 0.45 gives 18.5/55.4/92.4 (0.81/0.91/1.19 of observed) "
                    + "and norketamine peaks 18.1/54.2/90.4 against 17.8/68.1/105. The price: ketamine AUC is "
                    + "2.8-4.2 times the study's. Nasal bioavailability depends strongly on device and volume.")
            .note("First-pass norketamine: of an oral, sublingual or intranasal dose, F reaches the circulation, a "
                    + "fraction P is metabolised in gut wall and liver before reaching it, of which fm forms "
                    + "norketamine (entering through a depot that empties at the route's absorption rate) and the "
                    + "rest goes to other products, and 1 − F − P is not absorbed. Oral and sublingual P make the "
                    + "norketamine/ketamine AUC ratio (0 to infinity) equal Chong 2006's: P = F·(ratio/0.83 − 1) = "
                    + "0.74 oral (ratio 3.9) and 0.58 sublingual (2.5). Intranasal: the part not absorbed nasally "
                    + "is swallowed and behaves as an oral dose, P = 0.51, giving a ratio of 1.77 (Pharmacotherapy "
                    + "2022 reports 3.95 and 4.54, but with the ketamine AUC discussed above).")
            .note("Compared with observed racemic data (all numbers from this model's simulations, 70 kg). 10 mg IV "
                    + "bolus vs Pharmacotherapy 2022 (n = 9): ketamine at 2 min 263 vs 296 ng/mL (−11 %, inside "
                    + "the geometric SD 1.71), AUC 119 vs 113 µg·h/L (+5 %); norketamine peak 15.0 ng/mL at 32 min "
                    + "vs ≈ 27 at 30 min (−44 %); norketamine/ketamine AUC 0.61 over 0-8 h and 0.83 to infinity, "
                    + "between that study's 0.19 and Chong 2006's ≈ 1.0. 0.5 mg/kg over 40 min: peak 253 ng/mL vs "
                    + "185 (Zanos 2018 citing Zarate 2006), +37 %: the model is arterial and arterial ketamine runs "
                    + "above venous during an infusion. Köppel's 1.2 mg/kg/h: ketamine 1.00 vs 1.2 ± 0.3 µg/mL.")
            .note("Compared with observed data, continued. 25 mg oral vs Chong 2006 (6 patients): Tmax 0.97 vs "
                    + "0.96 h, ketamine peak 10.7 vs 22.8 ± 12.8 ng/mL, norketamine peak 33 vs 82 ± 34 at 1.5 vs "
                    + "1.6 h, ketamine AUC 60 vs 78 ng·h/mL. 25 mg sublingual: peak 18.1 vs 28.6 ± 6.6, "
                    + "norketamine 33 vs 66 ± 29. The peaks are low because one typical curve fitted to the mean "
                    + "Tmax is flatter than the mean of individual peaks when Tmax varies as widely as here (0.96 ± "
                    + "0.8 h), and because Otto's large norketamine volume (98.6 L) flattens norketamine peaks. "
                    + "Intramuscular vs 20 trauma patients: 116 vs 147 ng/mL after 0.5 mg/kg, 233 vs 474 after "
                    + "1 mg/kg (the observed peaks rise 3.2-fold for a 2-fold dose). 2 mg/kg + 41 µg/kg/min vs "
                    + "Idvall 1979: steady state 8.6 vs 9.3 ± 0.8 µmol/L, but only 6.5 after 3 h.")
            .note("Subcutaneous dosing is not offered: no human subcutaneous bioavailability was found (only "
                    + "analgesic dosing schemes, and a rat study reporting exposure similar to IM and IV).")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "Kamp 2020 (ketamine) and Otto 2021 (norketamine)")
            .route(Route.ORAL, false, "F 0.20 (" + Sources.YANAGIHARA_2003 + "; " + Sources.CHONG_2006
                    + "), Tmax and first-pass norketamine from " + Sources.CHONG_2006)
            .route(Route.SUBLINGUAL, false, "F 0.29 and Tmax from " + Sources.ROLAN_2014
                    + "; first-pass norketamine from " + Sources.CHONG_2006)
            .route(Route.BUCCAL, false, "the sublingual numbers (" + Sources.ROLAN_2014 + "; "
                    + Sources.CHONG_2006 + "); no racemic buccal data")
            .route(Route.INTRANASAL, false, "F 0.45 from " + Sources.YANAGIHARA_2003 + "; Tmax from "
                    + Sources.PHT22 + "; first pass as for the oral route")
            .route(Route.INTRAMUSCULAR, false, "F 0.93 from " + Sources.CLEMENTS_1982_SECONDARY + "; Tmax from "
                    + Sources.HIRLINGER_1984)
            .structure(RacemicComposite::structure)
            .build();

    private static CompartmentSystem structure(ParameterValues p, Patient patient) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        double v1 = p.get("V1");
        double fm = p.get("fm");
        int k = Structures.mammillary(b, Analyte.KETAMINE, "ketamine ", v1, 0, p.get("V2"), p.get("Q2"),
                p.get("V3"), p.get("Q3"));
        double vn = p.get("Vn");
        int n = Structures.mammillary(b, Analyte.NORKETAMINE, "norketamine ", vn, p.get("CLn"), p.get("Vpn"),
                p.get("Qn"));
        int other = b.sink("ketamine metabolised to other products", Analyte.KETAMINE);
        int notAbsorbed = b.sink("ketamine not absorbed", Analyte.KETAMINE);
        Structures.metabolise(b, k, p.get("CL") / v1, fm, n, other);
        b.observe(Analyte.KETAMINE, k, v1);
        b.observe(Analyte.NORKETAMINE, n, vn);

        b.route(Route.INTRAVENOUS, Structures.intravenous(k));

        Depots oral = new Depots(b, "gut", "norketamine formed at oral first pass", k, n, p.get("ka_oral"));
        b.route(Route.ORAL, oral.input(p.get("F_oral"), p.get("P_oral"), fm, other, notAbsorbed));

        Depots sublingual = new Depots(b, "oral mucosa", "norketamine formed at sublingual first pass", k, n,
                p.get("ka_sl"));
        RouteInput sl = sublingual.input(p.get("F_sl"), p.get("P_sl"), fm, other, notAbsorbed);
        b.route(Route.SUBLINGUAL, sl);
        b.route(Route.BUCCAL, sl);

        Depots nasal = new Depots(b, "nasal mucosa", "norketamine formed at intranasal first pass", k, n,
                p.get("ka_in"));
        b.route(Route.INTRANASAL, nasal.input(p.get("F_in"), p.get("P_in"), fm, other, notAbsorbed));

        int muscle = b.compartment("muscle (injection site)", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(muscle, k, p.get("ka_im"));
        b.route(Route.INTRAMUSCULAR, Structures.firstOrder(muscle, p.get("F_im"), notAbsorbed));
        return b.build();
    }

    /** A route's ketamine depot and its first-pass norketamine depot, both emptying at the route's rate. */
    private static final class Depots {
        final int ketamine;
        final int norketamine;

        Depots(CompartmentSystem.Builder b, String site, String firstPass, int ketamineCentral,
                int norketamineCentral, double kaPerH) {
            ketamine = b.compartment(site, Analyte.KETAMINE, Kind.DEPOT);
            b.flow(ketamine, ketamineCentral, kaPerH);
            norketamine = b.compartment(firstPass, Analyte.NORKETAMINE, Kind.DEPOT);
            b.flow(norketamine, norketamineCentral, kaPerH);
        }

        RouteInput input(double f, double firstPass, double fm, int otherSink, int notAbsorbedSink) {
            List<InputChannel> c = channels(f, firstPass, fm, otherSink, notAbsorbedSink);
            return amountMg -> c;
        }

        List<InputChannel> channels(double f, double firstPass, double fm, int otherSink, int notAbsorbedSink) {
            double unabsorbed = 1 - f - firstPass;
            if (unabsorbed < -1e-12) {
                throw new IllegalStateException(String.format(Locale.ROOT, "bioavailability %.4f plus first-pass "
                        + "fraction %.4f exceed 1 after patient adjustment", f, firstPass));
            }
            return List.of(InputChannel.into(ketamine, f), InputChannel.into(norketamine, firstPass * fm),
                    InputChannel.lost(otherSink, firstPass * (1 - fm)),
                    InputChannel.lost(notAbsorbedSink, Math.max(0, unabsorbed)));
        }
    }
}
