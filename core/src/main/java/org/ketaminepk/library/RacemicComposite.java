package org.ketaminepk.library;

import static org.ketaminepk.model.Provenance.DERIVED;
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
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;

/**
 * The library's default model for racemic ketamine: a clearly labelled <em>composite</em>, because no single
 * published study gives racemic ketamine and norketamine together with the routes people use. Ketamine
 * disposition is Kamp 2020's (arterial), norketamine disposition is Otto 2021's S-norketamine, the fraction of
 * ketamine clearance forming norketamine is set by an explicit rule from long-infusion data, each non-intravenous
 * route takes its bioavailability from its own study, and a swallowed dose (and the mucosal part of a sublingual
 * one) is timed by Simons 2022's published absorption. Every choice is an assumption that appears as a warning on
 * every result.
 *
 * <p>Not for subcutaneous dosing: no human subcutaneous bioavailability could be read, so the route is absent.
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
    /**
     * Chong 2006 oral norketamine/ketamine AUC ratio, 12.1/3.1 (AUC/dose, µg·h/L per mg). Both areas are
     * AUC(0–8 h): the abstract's methods measure "AUC(0-8 h)" over an 8-hour sampling period.
     */
    static final double CHONG_ORAL_RATIO = 3.9;
    /** Sublingual bioavailability (Rolan 2014: 29 %, 90 % CI 27-31 %). */
    static final double F_SUBLINGUAL = 0.29;
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

    /**
     * Share of a sublingual dose absorbed through the oral mucosa; the rest is swallowed and behaves as an oral dose
     * (F_sl = a + (1 − a)·F_oral).
     */
    static final double MUCOSAL_SHARE = swallowedShare(F_SUBLINGUAL, F_ORAL);

    /** Where the swallowed-dose and mucosal timing come from. */
    private static final String SIMONS_TABLE4 = "Simons 2022 Table 4 (S-ketamine oral thin film, 20 healthy "
            + "volunteers, arterial), transcribed by " + Sources.NLX_SIMONS;

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

    /** The names of the ketamine and norketamine disposition compartments, made once. */
    private static final Structures.MammillaryNames KETAMINE = Structures.MammillaryNames.of("ketamine ", 2);
    private static final Structures.MammillaryNames NORKETAMINE = Structures.MammillaryNames.of("norketamine ", 1);

    static final PublishedModel MODEL = PublishedModel.builder("racemic-composite")
            .name("Racemic ketamine + norketamine composite (Kamp 2020 ketamine, Otto 2021 norketamine, route "
                    + "studies) — the library default")
            .composite()
            .citation(Citation.of("Kamp J, Olofsen E, Henthorn TK, et al. (ketamine); Otto ME, Bergmann KR, "
                    + "Jacobs G, van Esdonk MJ (norketamine); route studies named per route", 2020,
                    "Composite of this library: ketamine disposition from Kamp 2020, norketamine disposition from "
                            + "Otto 2021 (doi:10.1007/s00228-021-03104-1), formation fraction and routes from the "
                            + "sources in its notes",
                    "Anesthesiology 2020;133(6):1192-1213; Eur J Clin Pharmacol 2021;77(8):1181-1192")
                    .withDoi("10.1097/ALN.0000000000003577"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("adults: the ketamine part comes from 14 pooled raw data sets (Kamp 2020), "
                    + "the norketamine part from 48 healthy volunteers (Otto 2021)",
                    OptionalInt.empty(), 18, 65, 40, 120,
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
            .parameter("D_po", "duration of zero-order uptake of a swallowed dose into the gut depot", 29.9,
                    Unit.MIN, Role.ABSORPTION, 0, TRANSCRIPTION, SIMONS_TABLE4 + ": D2, the swallowed part of a "
                            + "sublingual film; used here for any swallowed dose (assumption)")
            .parameter("ka_po", "gut depot → gut-to-liver rate constant", 0.049, Unit.PER_MIN, Role.ABSORPTION, 0,
                    TRANSCRIPTION, SIMONS_TABLE4 + ": KA2")
            .parameter("MTT_gut", "mean transit time gut → liver (one compartment)", 10.7, Unit.MIN,
                    Role.ABSORPTION, 0, TRANSCRIPTION, SIMONS_TABLE4 + ": MTT GUT")
            .parameter("P_oral", "fraction of an oral dose metabolised at first pass", P_ORAL, Unit.FRACTION,
                    Role.OTHER, 0, DERIVED, String.format(Locale.ROOT, "F·(ratio/%.4f − 1) = 0.20 × (3.9/%.4f − 1) "
                            + "= %.4f, with the oral norketamine/ketamine AUC ratio 3.9 (12.1/3.1 per mg) of %s; Chong's "
                            + "areas are AUC(0-8 h) while this rule matches the ratio from 0 to infinity (see "
                            + "notes)",
                            STEADY_STATE_RATIO, STEADY_STATE_RATIO, P_ORAL, Sources.CHONG_2006))
            .parameter("F_sl", "sublingual (and buccal) bioavailability", F_SUBLINGUAL, Unit.FRACTION,
                    Role.BIOAVAILABILITY, 0, PUBLISHED, Sources.ROLAN_2014 + " (29 %, 90 % CI 27-31, 8 volunteers); "
                            + Sources.CHONG_2006 + " gives 32 ± 17 %")
            .parameter("D_sl", "duration of zero-order uptake into the oral mucosa", 13.1, Unit.MIN,
                    Role.ABSORPTION, 0, TRANSCRIPTION, SIMONS_TABLE4 + ": D1 (thesis: \"took on average 13 min\")")
            .parameter("ka_sl", "oral mucosa → ketamine central rate constant", 0.04, Unit.PER_MIN,
                    Role.ABSORPTION, 0, TRANSCRIPTION, SIMONS_TABLE4 + ": KA1")
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
            .assumption("oral first-pass norketamine set so that the norketamine/ketamine AUC ratio from 0 to "
                    + "infinity is 3.9, the ratio Chong 2006 measured over 0-8 h (the model's 0-8 h ratio is 3.35); "
                    + "the swallowed part of a sublingual or nasal dose is treated as oral")
            .assumption("a swallowed racemic dose is timed like the swallowed part of Simons 2022's S-ketamine film "
                    + "(zero order over 29.9 min, then 0.049 /min and one gut-to-liver compartment of 10.7 min), "
                    + "and the mucosal part of a sublingual dose like the film's mucosal part (zero order over "
                    + "13.1 min, then 0.04 /min); intranasal and intramuscular rate constants are chosen to "
                    + "reproduce their studies' Tmax")
            .assumption("buccal dosing uses the sublingual numbers (no racemic buccal data found)")
            .assumption("intranasal bioavailability 45 % from 3 volunteers (Yanagihara 2003), preferred to the "
                    + "11-17 % of Pharmacotherapy 2022 whose own peak concentrations it reproduces better")
            .assumption("intramuscular bioavailability 93 % read only in a secondary source")
            .note("Why a composite: no racemic ketamine model with norketamine and a fraction metabolised could be "
                    + "verified (Kamp 2020 BJA 125:750, Hijazi 2003, Brunette 2011 and Goldberg 2011 measured "
                    + "norketamine, but their norketamine parameters were not readable). The parts are the best "
                    + "verified pieces: Kamp 2020 for ketamine, Otto 2021 for norketamine. The two sources that "
                    + "would give racemic norketamine disposition could not be read: Abuhelwa 2022 (Clin Pharmacol "
                    + "Ther, PMC9540482; racemic ketamine and norketamine, two compartments each, IV, SC and IM in "
                    + "21 patients with depression) only as a truncated abstract without parameter values, and "
                    + "Zhao 2012 (Br J Clin Pharmacol 74:304; ketamine, norketamine, dehydronorketamine and "
                    + "hydroxynorketamine after 0.5 mg/kg over 40 min) not at all. Fanta 2015's presystemic "
                    + "norketamine fraction is not in its abstract. Racemic norketamine therefore keeps Otto's "
                    + "borrowed S-norketamine disposition.")
            .note(String.format(Locale.ROOT, "Formation fraction: %s. With Otto's apparent volumes fm is a scale "
                    + "factor, not a measured fraction. At steady state ketamine is rate/CL = 1.0 µg/mL for "
                    + "1.2 mg/kg/h against Köppel's 1.2 ± 0.3 µg/mL.", KOPPEL_RULE))
            .note("Ketamine is arterial (Kamp's central compartment without its venous delay compartments): during "
                    + "and just after an infusion it runs above the venous concentrations most clinical studies "
                    + "report. Norketamine parameters come from venous data.")
            .note("Routes. Oral: F 0.20 and first-pass norketamine; the swallowed dose is taken up at a constant "
                    + "rate over D_po 29.9 min into a gut depot, which empties at ka_po 0.049 /min into one "
                    + "gut-to-liver compartment (mean transit time 10.7 min), from which ketamine and first-pass "
                    + "norketamine reach the circulation: the absorption Simons 2022 estimated for the swallowed "
                    + "part of an S-ketamine film (arterial data, the same Leiden group as Kamp 2020). No Tmax is "
                    + "fitted: the oral Tmax is a prediction. In Simons' study the film was held 10 min before "
                    + "swallowing (thesis, chapter 2), so D_po includes that hold; for a dose swallowed at once "
                    + "this timing may run up to about 10 min late. Sublingual: F 0.29 (Rolan 2014) = a + (1 − a)·F_oral, "
                    + "so a = (0.29 − 0.20)/0.80 = 0.1125 of the dose crosses the oral mucosa (zero order over "
                    + "13.1 min, then 0.04 /min, Simons 2022's mucosal absorption) and the rest is swallowed and "
                    + "behaves as an oral dose. Buccal: the sublingual numbers (no racemic buccal data; S-ketamine "
                    + "film data show no sublingual/buccal difference). Intranasal and intramuscular: first-order "
                    + "absorption without lag, its rate set to reproduce the route study's Tmax. Intramuscular: "
                    + "F 0.93 (Clements 1982, read only in a secondary source), no first pass.")
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
                    + "rest goes to other products, and 1 − F − P is not absorbed. Oral P makes the "
                    + "norketamine/ketamine AUC ratio from 0 to infinity equal Chong 2006's 3.9: P = "
                    + "F·(ratio/0.83 − 1) = 0.74. Chong's ratio is of AUC(0-8 h), however (12.1/3.1 per mg, both "
                    + "over the 8-h sampling), and over 0-8 h the model gives 3.35, 0.86 of it: norketamine is still "
                    + "rising relative to ketamine at 8 h. Matching 3.9 over 0-8 h would need P = 0.88, more than the "
                    + "1 − F = 0.80 of the dose that does not reach the circulation, so with Otto's norketamine "
                    + "disposition and this fm the window cannot be matched; even P = 0.80 gives 3.59. Sublingual: "
                    + "the swallowed 0.8875 of the dose carries the oral P, giving 2.28 over 0-8 h (2.71 to "
                    + "infinity) against Chong's 2.5 over 0-8 h (a prediction; it was calibrated before the "
                    + "swallowed part was modelled). Intranasal: the part not absorbed nasally is swallowed and behaves as an oral "
                    + "dose for first pass (P = 0.51, ratio 1.77; Pharmacotherapy 2022 reports 3.95 and 4.54, but "
                    + "with the ketamine AUC discussed above), but is absorbed at the nasal rate.")
            .note("Compared with observed racemic data (all numbers from this model's simulations, 70 kg). 10 mg IV "
                    + "bolus vs Pharmacotherapy 2022 (n = 9): ketamine at 2 min 263 vs 296 ng/mL (−11 %, inside "
                    + "the geometric SD 1.71), AUC 119 vs 113 µg·h/L (+5 %); norketamine peak 15.0 ng/mL at 32 min "
                    + "vs ≈ 27 at 30 min (−44 %); norketamine/ketamine AUC 0.61 over 0-8 h and 0.83 to infinity, "
                    + "between that study's 0.19 and Chong 2006's ≈ 1.0 (derived, over 0-8 h: the abstract's IV "
                    + "norketamine AUC/dose 13.0 over the IV ketamine AUC/dose its oral 3.1 and F 23 % imply, "
                    + "3.1/0.23 = 13.5 per mg; the IV ketamine mean itself is illegible in the copy read). "
                    + "0.5 mg/kg over 40 min: peak 253 ng/mL vs "
                    + "185 (Zanos 2018 citing Zarate 2006), +37 %: the model is arterial and arterial ketamine runs "
                    + "above venous during an infusion. Köppel's 1.2 mg/kg/h: ketamine 1.00 vs 1.2 ± 0.3 µg/mL.")
            .note("Compared with observed data, continued. 25 mg oral vs Chong 2006 (6 patients): ketamine peak "
                    + "24.4 vs 22.8 ± 12.8 ng/mL at 0.76 vs 0.96 ± 0.8 h, norketamine peak 62 vs 82 ± 34 at 1.1 "
                    + "vs 1.6 h, ketamine AUC(0-8 h) 52 vs 78 ng·h/mL. 25 mg sublingual: ketamine 33.7 vs 28.6 "
                    + "± 6.6 at 0.69 vs 0.76 h (Rolan 2014: median 0.75 h), norketamine 59 vs 66 ± 29 at 1.1 vs 1.9 h. "
                    + "Norketamine peaks early and low because Otto's S-norketamine volume (98.6 L central, 160 L "
                    + "peripheral) spreads it; Yanagihara's approximate oral norketamine AUC (3 volunteers) is "
                    + "three times the model's. Before the swallowed dose was timed by Simons 2022, a first-order "
                    + "rate fitted to Chong's mean Tmax gave peaks of 10.7 (ketamine) and 33 (norketamine) ng/mL: "
                    + "a typical curve fitted to a mean Tmax is flatter than the mean of individual curves when "
                    + "Tmax varies as widely as here. Intramuscular vs 20 trauma patients: 116 vs 147 ng/mL after "
                    + "0.5 mg/kg, 233 vs 474 after 1 mg/kg (the observed peaks rise 3.2-fold for a 2-fold dose). "
                    + "2 mg/kg + 41 µg/kg/min vs Idvall 1979: steady state 8.6 vs 9.3 ± 0.8 µmol/L, but only 6.5 "
                    + "after 3 h.")
            .note("Typical against population-mean values, 25 mg, 4000 virtual 70-kg patients, with Simons "
                    + "2022's interoccasion variances of the absorption terms drawn once per patient as CVs (D_po "
                    + "92 %, ka_po 68 %, MTT_gut 125 %, D_sl 41 %, ka_sl 25 %: ketamine-pk simulate --dose \"oral 25 "
                    + "mg\" --population 4000 --iiv \"D_po=92%,ka_po=68%,MTT_gut=125%\") and Otto's norketamine "
                    + "terms. Oral: mean of individual ketamine peaks 22.1 ng/mL against the typical curve's 24.4 "
                    + "(observed 22.8), mean Tmax 1.03 h against 0.76 (observed 0.96), norketamine 57 against 62 "
                    + "(observed 82). Sublingual: 30.5 against 33.7 (observed 28.6), Tmax 0.75 against 0.69 h, "
                    + "norketamine 54 against 59 (observed 66). Variable delays lower and spread the individual "
                    + "peaks, so here the mean peak is below the typical one while the mean Tmax is above it; with "
                    + "the former first-order absorption (a 100 % CV on its rate) the mean peak was above the "
                    + "typical one (12.5 against 10.7 ng/mL). The validation compares typical values.")
            .note("Subcutaneous dosing is not offered: Abuhelwa 2022 estimated a subcutaneous bioavailability in "
                    + "patients, but only its truncated abstract could be read and the value was not in it; no "
                    + "other human value was found (only analgesic dosing schemes, and a rat study reporting "
                    + "exposure similar to IM and IV).")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "Kamp 2020 (ketamine) and Otto 2021 (norketamine)")
            .route(Route.ORAL, false, "F 0.20 (" + Sources.YANAGIHARA_2003 + "; " + Sources.CHONG_2006
                    + "), first-pass norketamine from " + Sources.CHONG_2006 + ", absorption timed as the swallowed "
                    + "part of Simons 2022's S-ketamine film")
            .route(Route.SUBLINGUAL, false, "F 0.29 from " + Sources.ROLAN_2014 + "; mucosal absorption from "
                    + "Simons 2022's S-ketamine film; the swallowed rest as an oral dose")
            .route(Route.BUCCAL, false, "the sublingual numbers (" + Sources.ROLAN_2014 + "; Simons "
                    + "2022); no racemic buccal data")
            .route(Route.INTRANASAL, false, "F 0.45 from " + Sources.YANAGIHARA_2003 + "; Tmax from "
                    + Sources.PHT22 + "; first pass as for the oral route")
            .route(Route.INTRAMUSCULAR, false, "F 0.93 from " + Sources.CLEMENTS_1982_SECONDARY + "; Tmax from "
                    + Sources.HIRLINGER_1984)
            .structure(RacemicComposite::structure)
            .build();

    private static void structure(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        double v1 = p.get("V1");
        double fm = p.get("fm");
        int k = Structures.mammillary(b, Analyte.KETAMINE, KETAMINE, v1, 0, p.get("V2"), p.get("Q2"), p.get("V3"),
                p.get("Q3"));
        double vn = p.get("Vn");
        int n = Structures.mammillary(b, Analyte.NORKETAMINE, NORKETAMINE, vn, p.get("CLn"), p.get("Vpn"),
                p.get("Qn"));
        int other = b.sink("ketamine metabolised to other products", Analyte.KETAMINE);
        int notAbsorbed = b.sink("ketamine not absorbed", Analyte.KETAMINE);
        Structures.metabolise(b, k, p.get("CL") / v1, fm, n, other);
        b.observe(Analyte.KETAMINE, k, v1);
        b.observe(Analyte.NORKETAMINE, n, vn);

        b.route(Route.INTRAVENOUS, Structures.intravenous(k));

        Swallowed gut = new Swallowed(b, k, n, p);
        double fOral = p.get("F_oral");
        double pOral = p.get("P_oral");
        InputChannel[] swallowed = gut.channels(1, fOral, pOral, fm, other);
        b.route(Route.ORAL, RouteInput.fixed(List.of(swallowed[0], swallowed[1], swallowed[2],
                InputChannel.lost(notAbsorbed, unabsorbed(fOral, pOral)))));

        // sublingual: a fraction crosses the oral mucosa, the rest is swallowed and behaves as an oral dose
        double mucosal = swallowedShare(p.get("F_sl"), fOral);
        int mucosa = b.compartment("oral mucosa", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(mucosa, k, p.get("ka_sl"));
        InputChannel film = new InputChannel(mucosa, false, mucosal, 0, p.get("D_sl"));
        InputChannel[] rest = gut.channels(1 - mucosal, fOral, pOral, fm, other);
        RouteInput sublingual = RouteInput.fixed(List.of(film, rest[0], rest[1], rest[2],
                InputChannel.lost(notAbsorbed, (1 - mucosal) * unabsorbed(fOral, pOral))));
        b.route(Route.SUBLINGUAL, sublingual);
        b.route(Route.BUCCAL, sublingual);

        Depots nasal = new Depots(b, "nasal mucosa", "norketamine formed at intranasal first pass", k, n,
                p.get("ka_in"));
        b.route(Route.INTRANASAL, nasal.input(p.get("F_in"), p.get("P_in"), fm, other, notAbsorbed));

        int muscle = b.compartment("muscle (injection site)", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(muscle, k, p.get("ka_im"));
        b.route(Route.INTRAMUSCULAR, Structures.firstOrder(muscle, p.get("F_im"), notAbsorbed));
    }

    /**
     * The fraction of a transmucosal dose absorbed through the mucosa when the rest is swallowed and behaves as an
     * oral dose: F_route = a + (1 − a)·F_oral, so a = (F_route − F_oral)/(1 − F_oral).
     */
    static double swallowedShare(double routeBioavailability, double oralBioavailability) {
        if (routeBioavailability < oralBioavailability || oralBioavailability >= 1) {
            throw new InvalidInputException("F_sl", String.format(Locale.ROOT, "sublingual bioavailability F_sl "
                    + "%.4f is below the oral F_oral %.4f for this patient, but racemic-composite takes the "
                    + "swallowed part of a sublingual dose as oral, so F_sl must be at least F_oral (vary both or "
                    + "neither)", routeBioavailability, oralBioavailability));
        }
        return (routeBioavailability - oralBioavailability) / (1 - oralBioavailability);
    }

    private static double unabsorbed(double f, double firstPass) {
        double rest = 1 - f - firstPass;
        if (rest < -1e-12) {
            throw new InvalidInputException("bioavailability", String.format(Locale.ROOT, "bioavailability %.4f "
                    + "plus first-pass fraction %.4f exceed 1 for this patient; racemic-composite keeps its "
                    + "first-pass fractions fixed, so a bioavailability varied upwards must stay at or below %.4f",
                    f, firstPass, 1 - firstPass));
        }
        return Math.max(0, rest);
    }

    /**
     * A swallowed dose, timed as the swallowed part of Simons 2022's film: taken up at a constant rate over D_po into
     * a gut depot, which empties at ka_po into one gut-to-liver compartment (mean transit time MTT_gut); from there
     * the bioavailable part reaches ketamine and the part metabolised at first pass reaches norketamine. Ketamine
     * and first-pass norketamine travel in parallel chains with the same rates.
     */
    private static final class Swallowed {
        final int ketamine;
        final int norketamine;
        final double durationH;

        Swallowed(CompartmentSystem.Builder b, int ketamineCentral, int norketamineCentral, ParameterValues p) {
            durationH = p.get("D_po");
            double ka = p.get("ka_po");
            double ktr = 1 / p.get("MTT_gut");
            ketamine = b.compartment("gut", Analyte.KETAMINE, Kind.DEPOT);
            int kTransit = b.compartment("gut to liver", Analyte.KETAMINE, Kind.TRANSIT);
            b.flow(ketamine, kTransit, ka);
            b.flow(kTransit, ketamineCentral, ktr);
            norketamine = b.compartment("norketamine formed at first pass (gut)", Analyte.NORKETAMINE, Kind.DEPOT);
            int nTransit = b.compartment("norketamine formed at first pass (gut to liver)", Analyte.NORKETAMINE,
                    Kind.TRANSIT);
            b.flow(norketamine, nTransit, ka);
            b.flow(nTransit, norketamineCentral, ktr);
        }

        /**
         * Channels for {@code share} of the dose swallowed, bioavailability f and first-pass fraction P: ketamine,
         * first-pass norketamine, and first-pass ketamine metabolised to other products.
         */
        InputChannel[] channels(double share, double f, double firstPass, double fm, int otherSink) {
            return new InputChannel[] {new InputChannel(ketamine, false, share * f, 0, durationH),
                    new InputChannel(norketamine, false, share * firstPass * fm, 0, durationH),
                    InputChannel.lost(otherSink, share * firstPass * (1 - fm))};
        }
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
            List<InputChannel> c = List.of(InputChannel.into(ketamine, f), InputChannel.into(norketamine,
                    firstPass * fm), InputChannel.lost(otherSink, firstPass * (1 - fm)),
                    InputChannel.lost(notAbsorbedSink, unabsorbed(f, firstPass)));
            return amountMg -> c;
        }
    }
}
