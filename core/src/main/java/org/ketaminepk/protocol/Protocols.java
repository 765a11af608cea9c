package org.ketaminepk.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.protocol.Protocol.Basis;

/**
 * The built-in protocols: ketamine regimens from trials, a consensus guideline and a product label, one constant
 * each, with the source and with what was chosen here where the source leaves a detail open (weekdays, titration
 * steps). Look them up by id with {@link #get(String)}.
 *
 * <p>Sources were read as abstracts, registry entries, guideline summaries or label summaries unless a note says
 * otherwise. A protocol describes what a study or label did; it is not a recommendation.
 *
 * <p>The protocols are immutable constants and the look-ups keep no state: thread-safe.
 */
public final class Protocols {
    private Protocols() {
    }

    // ------------------------------------------------------------------------------------------ citations

    private static final Citation ZARATE_2006 = Citation.of("Zarate CA Jr, Singh JB, Carlson PJ, et al.", 2006,
            "A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression",
            "Arch Gen Psychiatry 2006;63(8):856-864").withDoi("10.1001/archpsyc.63.8.856");
    private static final Citation ANDRADE_2017 = Citation.of("Andrade C.", 2017,
            "Ketamine for depression, 4: in what dose, at what rate, by what route, for how long, and at what "
                    + "frequency?", "J Clin Psychiatry 2017;78(7):e852")
            .withUrl("https://dev2.psychiatrist.com/jcp/ketamine-for-depression-dosing-administration-and-duration");
    private static final Citation PHILLIPS_2019 = Citation.of("Phillips JL, Norris S, Talbot J, et al.", 2019,
            "Single, repeated, and maintenance ketamine infusions for treatment-resistant depression: a randomized "
                    + "controlled trial", "Am J Psychiatry 2019;176(5):401-409")
            .withUrl("https://pubmed.ncbi.nlm.nih.gov/30922101/");
    private static final Citation KHEIRABADI_2023 = Citation.of("KheirAbadi G, Golkar S.", 2023,
            "High-dose versus low-dose oral ketamine on control and relapse of treatment-resistant depression: a "
                    + "randomized, double-blinded clinical trial", "Iran J Psychiatry Behav Sci 2023;17(4):e137879")
            .withDoi("10.5812/ijpbs-137879");
    private static final Citation SCHWARTZMAN_2009 = Citation.of(
            "Schwartzman RJ, Alexander GM, Grothusen JR, Paylor T, Reichenberger E, Perreault M.", 2009,
            "Outpatient intravenous ketamine for the treatment of complex regional pain syndrome: a double-blind "
                    + "placebo controlled study", "Pain 2009;147(1-3):107-115")
            .withDoi("10.1016/j.pain.2009.08.015")
            .withUrl("https://clinicaltrials.gov/ct2/show/NCT00579085");
    private static final Citation COHEN_2018 = Citation.of("Cohen SP, Bhatia A, Buvanendran A, et al.", 2018,
            "Consensus guidelines on the use of intravenous ketamine infusions for chronic pain from the American "
                    + "Society of Regional Anesthesia and Pain Medicine, the American Academy of Pain Medicine, and "
                    + "the American Society of Anesthesiologists", "Reg Anesth Pain Med 2018;43(5):521-546")
            .withDoi("10.1097/AAP.0000000000000808");
    private static final Citation CASA_2021 = Citation.of("CASA Bulletin", 2021,
            "Review quoting the 2018 consensus guideline's starting-dose recommendation (secondary source)",
            "CASA Bulletin 2021, p. 44")
            .withUrl("http://online.flipbuilder.com/nufg/omtx/files/basic-html/page44.html");
    private static final Citation DAHAN_2011 = Citation.of("Dahan A, Olofsen E, Sigtermans M, et al.", 2011,
            "Population pharmacokinetic-pharmacodynamic modeling of ketamine-induced pain relief of chronic pain",
            "Eur J Pain 2011;15(3):258-267").withDoi("10.1016/j.ejpain.2010.06.016");
    private static final Citation SIGTERMANS_2009 = Citation.of("Sigtermans MJ, van Hilten JJ, Bauer MCR, et al.",
            2009, "Ketamine produces effective and long-term pain relief in patients with Complex Regional Pain "
                    + "Syndrome Type 1", "Pain 2009;145(3):304-311")
            .withUrl("https://journals.lww.com/pain/pages/articleviewer.aspx?year=2009&issue=10000&article=00010&type=abstract");
    private static final Citation GOLDBERG_2010 = Citation.of("Goldberg ME, Torjman MC, Schwartzman RJ, et al.",
            2010, "Pharmacodynamic profiles of ketamine (R)- and (S)- with 5-day inpatient infusion for the "
                    + "treatment of complex regional pain syndrome", "Pain Physician 2010;13(4):379-387")
            .withUrl("https://pmc.ncbi.nlm.nih.gov/articles/PMC2950807");
    /** Title, authors and journal as printed on the abstract page below (a conference abstract, Royal Perth). */
    private static final Citation CHONG_2006 = Citation.of("Chong C, Schug S, Page-Sharp M, Ilett K.", 2006,
            "Bioavailability of ketamine after oral or sublingual administration (conference abstract)",
            "Pain Med 2006;7(5):469")
            .withUrl("https://www.ketamine.com/bioavailability.html");
    private static final Citation ROLAN_2014 = Citation.of("Rolan P, et al.", 2014,
            "The absolute bioavailability of racemic ketamine from a novel sublingual formulation",
            "Br J Clin Pharmacol 2014;77(6):1011-1016")
            .withDoi("10.1111/bcp.12264")
            .withUrl("https://pmc.ncbi.nlm.nih.gov/articles/PMC4093926");
    private static final Citation SPRAVATO_LABEL = Citation.of("Janssen Pharmaceuticals", 2019,
            "SPRAVATO (esketamine) nasal spray, prescribing information, section 2: dosage and administration",
            "US prescribing information, NDA 211243")
            .withUrl("https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/211243lbl.pdf");

    // ------------------------------------------------------------------------------------------ depression

    /** Racemic ketamine 0.5 mg/kg over 40 min, once: the standard research dose for depression. */
    public static final Protocol DEPRESSION_ZARATE_2006 = new Protocol("depression-zarate-2006",
            "Depression: single infusion of 0.5 mg/kg over 40 min",
            "treatment-resistant major depression", Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("0.5 mg/kg over 40 min"),
            List.of(ZARATE_2006, ANDRADE_2017), Basis.TRIAL,
            "0.5 mg/kg racemic ketamine over 40 min, the dose of Zarate 2006 and the standard in later trials; "
                    + "Andrade 2017 reviews the range studied (0.1-0.75 mg/kg, sessions of 2-100 min).",
            List.of("Zanos 2018 (Pharmacol Rev, Table 1) quotes a ketamine Cmax of about 185 ng/mL for this "
                    + "regimen (Zarate 2006) and 100-250 ng/mL with dissociative effects (Krystal 1994)."),
            Optional.empty());

    /** Six infusions of 0.5 mg/kg over 40 min, three a week for two weeks (Phillips 2019). */
    public static final Protocol DEPRESSION_PHILLIPS_2019 = new Protocol("depression-phillips-2019",
            "Depression: six infusions of 0.5 mg/kg over 40 min, three a week for two weeks",
            "treatment-resistant major depression", Optional.of(DrugForm.RACEMIC),
            onDays("0.5 mg/kg over 40 min", 0, 2, 4, 7, 9, 11),
            List.of(PHILLIPS_2019, ANDRADE_2017), Basis.TRIAL,
            "Phillips 2019: six open-label infusions thrice weekly over two weeks after a first randomised "
                    + "infusion; responders then had four once-weekly infusions (not included). Each infusion is "
                    + "modelled as the standard 0.5 mg/kg over 40 min; the weekdays (Mon, Wed, Fri: days 0, 2, 4, "
                    + "7, 9, 11) were chosen here.",
            List.of("Median number of infusions to response was 3; 59 % responded (Phillips 2019 abstract)."),
            Optional.empty());

    /** Oral racemic ketamine 1 mg/kg twice a week for six weeks (KheirAbadi 2023, low-dose arm). */
    public static final Protocol DEPRESSION_ORAL_KHEIRABADI_2023 = new Protocol("depression-oral-kheirabadi-2023",
            "Depression: oral 1 mg/kg twice a week for six weeks",
            "treatment-resistant depression (randomised trial of 1 versus 2 mg/kg)", Optional.of(DrugForm.RACEMIC),
            onDays("oral 1 mg/kg", 0, 3, 7, 10, 14, 17, 21, 24, 28, 31, 35, 38),
            List.of(KHEIRABADI_2023), Basis.TRIAL,
            "KheirAbadi 2023 abstract: oral ketamine 1 mg/kg (n = 17) or 2 mg/kg (n = 12) twice a week for six "
                    + "weeks; the 1 mg/kg arm is modelled (the authors preferred it for its side effects). "
                    + "Days 0 and 3 of each week were chosen here.",
            List.of("Oral bioavailability of racemic ketamine is about 20 % (Chong 2006: 23 +/- 9 %), so most of "
                    + "the dose reaches the blood as norketamine formed in gut wall and liver."),
            Optional.empty());

    /** Maintenance boosters every 30 days: a practice described by clinics, without a primary source. */
    public static final Protocol DEPRESSION_BOOSTER_MONTHLY = new Protocol("depression-booster-monthly",
            "Maintenance: 0.5 mg/kg over 40 min every 30 days (unsourced practice)",
            "maintenance after a response to an induction course", Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("0.5 mg/kg over 40 min every 30 d x3"),
            List.of(ANDRADE_2017), Basis.UNSOURCED,
            "Clinic materials describe booster infusions every 30-90 days. No primary source with a fixed "
                    + "interval was found; Andrade 2017 describes maintenance as individualised, dosed before the "
                    + "previous effect wears off. The 30-day end of that range is modelled, three boosters.",
            List.of("Say so when you show this: the interval is a convention, not a finding."),
            Optional.empty());

    // ------------------------------------------------------------------------------------------ pain

    /** 0.35 mg/kg/h for 4 h a day on 10 days, not more than 25 mg/h (Schwartzman 2009). */
    public static final Protocol CRPS_SCHWARTZMAN_2009 = new Protocol("crps-schwartzman-2009",
            "CRPS: 0.35 mg/kg/h for 4 h a day on 10 days, not more than 25 mg/h",
            "complex regional pain syndrome, outpatients (double-blind placebo-controlled trial)",
            Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("0.35 mg/kg/h for 4 h daily x10 max 25 mg/h"),
            List.of(SCHWARTZMAN_2009, COHEN_2018), Basis.TRIAL,
            "Schwartzman 2009 abstract and NCT00579085: infusions for 4 h (25 mL/h) daily for 10 days; maximum "
                    + "0.35 mg/kg/h, not more than 25 mg/h (so at most 100 mg a session). The full rate is "
                    + "modelled from the first minute of every session, on 10 consecutive days.",
            List.of("Both arms also received clonidine 0.1 mg by mouth and midazolam 2 mg iv twice (not modelled).",
                    "The cap binds above 71.4 kg (0.35 mg/kg/h x 71.4 kg = 25 mg/h)."),
            Optional.empty());

    /** 22 mg/h for 4 days, as the 2018 consensus guideline summarises the CRPS evidence. */
    public static final Protocol CRPS_COHEN_2018 = new Protocol("crps-cohen-2018",
            "CRPS: 22 mg/h continuously for 4 days",
            "complex regional pain syndrome (consensus guideline's evidence summary)", Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("22 mg/h for 4 d"),
            List.of(COHEN_2018, SIGTERMANS_2009), Basis.GUIDELINE,
            "Cohen 2018 (summary of conclusions): moderate evidence for CRPS relief up to 12 weeks with 22 mg/h "
                    + "for 4 days or 0.35 mg/kg/h over 4 h daily for 10 days.",
            List.of("The figure matches the end dose of Sigtermans 2009 (22.2 +/- 2.0 mg/h per 70 kg of "
                    + "S-ketamine, titrated over a 4.2-day infusion); that link is inferred here, not stated in "
                    + "the summary read. Modelled as racemic ketamine at a fixed rate."),
            Optional.empty());

    /** Steps of 5 mg/h per 70 kg from 5 to 20 mg/h over a 100-h S-ketamine infusion (Dahan 2011). */
    public static final Protocol CRPS_DAHAN_2011 = new Protocol("crps-dahan-2011",
            "CRPS: S-ketamine 100-h infusion stepped from 5 to 20 mg/h per 70 kg",
            "complex regional pain syndrome type 1 (randomised placebo-controlled trial)",
            Optional.of(DrugForm.S_KETAMINE),
            steps(new double[] {5, 10, 15, 20}, new double[] {12, 12, 12, 64}),
            List.of(DAHAN_2011, SIGTERMANS_2009), Basis.APPROXIMATION,
            "Dahan 2011: a 100-h S(+)-ketamine infusion, slowly increased from 5 mg/h (per 70 kg) to 20 mg/h "
                    + "according to effect and side effects; Sigtermans 2009 reports an end dose of 22.2 +/- 2.0 "
                    + "mg/h/70 kg. Step schedule chosen here: 5, 10 and 15 mg/h per 70 kg for 12 h each, then "
                    + "20 mg/h per 70 kg to 100 h. This approximates individual titration; no patient had exactly "
                    + "these steps.",
            List.of("Drug: S-ketamine. Simulate it with an S-ketamine model; a racemic model gives racemic "
                    + "concentrations for the same mg.",
                    "Dahan 2011: pain relief C50 10.5 +/- 4.8 ng/mL with an onset/offset half-time of 10.9 days."),
            Optional.empty());

    /** Inpatient racemic infusion titrated from 10 to 40 mg/h and kept for 5 days (Goldberg 2010). */
    public static final Protocol CRPS_GOLDBERG_2010 = new Protocol("crps-goldberg-2010",
            "CRPS: 5-day inpatient infusion titrated from 10 to 40 mg/h",
            "complex regional pain syndrome, inpatients (observational study)", Optional.of(DrugForm.RACEMIC),
            Regimen.of(List.of(
                    Dose.infusion(Rate.mgPerH(10), 1.5, 0), Dose.infusion(Rate.mgPerH(20), 1.5, 1.5),
                    Dose.infusion(Rate.mgPerH(30), 1.5, 3), Dose.infusion(Rate.mgPerH(40), 115.5, 4.5))),
            List.of(GOLDBERG_2010), Basis.APPROXIMATION,
            "Goldberg 2010 abstract: racemic ketamine titrated from 10 to 40 mg/h in 16 patients and maintained "
                    + "for 5 days; rates were stable 5 h after the start. Step schedule chosen here: 10, 20 and "
                    + "30 mg/h for 1.5 h each, then 40 mg/h until 120 h.",
            List.of("Ketamine concentrations peaked at 240-300 min, norketamine on day 2 (Goldberg 2010 abstract)."),
            Optional.empty());

    /** A single 80 mg infusion over 2 h: the guideline's suggested first outpatient infusion. */
    public static final Protocol PAIN_START_COHEN_2018 = new Protocol("pain-start-cohen-2018",
            "Chronic pain: first outpatient infusion of 80 mg over 2 h",
            "chronic pain, first infusion before further treatment", Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("80 mg over 2 h"),
            List.of(COHEN_2018, CASA_2021), Basis.SECONDARY,
            "Read in a secondary source (CASA Bulletin 2021) quoting the 2018 guideline: a single outpatient "
                    + "infusion of at least 80 mg over more than 2 h, then reassessment (grade C). The minimum "
                    + "(80 mg over exactly 2 h) is modelled; the guideline text itself was not read.",
            List.of(),
            Optional.empty());

    /** Oral racemic ketamine 25 mg once: the dose of a bioavailability study in neuropathic pain. */
    public static final Protocol ORAL_CHONG_2006 = new Protocol("oral-chong-2006",
            "Oral 25 mg once (bioavailability study dose)",
            "pharmacokinetic study in neuropathic-pain inpatients; not a treatment regimen",
            Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("oral 25 mg"),
            List.of(CHONG_2006), Basis.TRIAL,
            "Chong 2006 abstract: 25 mg racemic ketamine by mouth, crossover against 10 mg iv, 6 patients, "
                    + "sampling to 8 h.",
            List.of("Measured: ketamine Cmax 22.8 +/- 12.8 ng/mL, norketamine Cmax 82 +/- 34 ng/mL, ketamine "
                    + "Tmax 0.96 +/- 0.8 h, bioavailability 23 +/- 9 % (Chong 2006)."),
            Optional.empty());

    /** Sublingual racemic ketamine 25 mg once (wafer): the dose of a bioavailability study. */
    public static final Protocol SUBLINGUAL_ROLAN_2014 = new Protocol("sublingual-rolan-2014",
            "Sublingual 25 mg once (bioavailability study dose)",
            "pharmacokinetic study in healthy men; not a treatment regimen", Optional.of(DrugForm.RACEMIC),
            DoseParser.parse("sublingual 25 mg"),
            List.of(ROLAN_2014, CHONG_2006), Basis.TRIAL,
            "Rolan 2014 abstract: a 25 mg sublingual wafer, crossover against 10 mg iv over 30 min, 8 healthy men, "
                    + "sampling to 24 h. Chong 2006 gave the same 25 mg sublingually.",
            List.of("Measured: bioavailability 29 % (90 % CI 27-31), Tmax 0.75 h (0.25-1.0) (Rolan 2014); "
                    + "Chong 2006: 32 +/- 17 %, ketamine Cmax 28.6 +/- 6.6 ng/mL, norketamine 66 +/- 29 ng/mL."),
            Optional.empty());

    // ------------------------------------------------------------------------------------------ esketamine

    /** Esketamine nasal spray 56 mg twice a week for four weeks (label induction, 56 mg arm). */
    public static final Protocol ESKETAMINE_56MG_SPRAVATO = new Protocol("esketamine-56mg-spravato",
            "Esketamine nasal spray: 56 mg twice a week for 4 weeks (induction)",
            "treatment-resistant depression, induction phase", Optional.of(DrugForm.ESKETAMINE),
            onDays("intranasal 56 mg", 0, 3, 7, 10, 14, 17, 21, 24),
            List.of(SPRAVATO_LABEL), Basis.LABEL,
            "Label, induction weeks 1-4: twice a week, 56 mg on day 1, then 56 mg or 84 mg (the 56 mg choice "
                    + "is modelled). Read in summaries of the label. Days 0 and 3 of each week were chosen here.",
            List.of("Each 28 mg device delivers two sprays (32.3 mg esketamine hydrochloride = 28 mg base); "
                    + "56 mg uses two devices a few minutes apart. How a dose divides between nasal absorption and "
                    + "swallowing belongs to the model.",
                    "The label asks for at least 2 h of monitoring after each dose."),
            Optional.of("perez-ruixo-2021"));

    /** Esketamine nasal spray 56 mg on day 1, then 84 mg twice a week (label induction, 84 mg arm). */
    public static final Protocol ESKETAMINE_84MG_SPRAVATO = new Protocol("esketamine-84mg-spravato",
            "Esketamine nasal spray: 56 mg on day 1, then 84 mg twice a week to week 4 (induction)",
            "treatment-resistant depression, induction phase", Optional.of(DrugForm.ESKETAMINE),
            onDays("intranasal 56 mg", 0).and(onDays("intranasal 84 mg", 3, 7, 10, 14, 17, 21, 24)),
            List.of(SPRAVATO_LABEL), Basis.LABEL,
            "Label, induction weeks 1-4: twice a week, 56 mg on day 1, then 56 mg or 84 mg (the 84 mg choice "
                    + "is modelled). Read in summaries of the label. Days 0 and 3 of each week were chosen here.",
            List.of("84 mg uses three 28 mg devices a few minutes apart.",
                    "The label asks for at least 2 h of monitoring after each dose."),
            Optional.of("perez-ruixo-2021"));

    // ------------------------------------------------------------------------------------------ lookup

    private static final Map<String, Protocol> BY_ID;

    static {
        Map<String, Protocol> m = new LinkedHashMap<>();
        for (Protocol p : List.of(DEPRESSION_ZARATE_2006, DEPRESSION_PHILLIPS_2019, DEPRESSION_ORAL_KHEIRABADI_2023,
                DEPRESSION_BOOSTER_MONTHLY, CRPS_SCHWARTZMAN_2009, CRPS_COHEN_2018, CRPS_DAHAN_2011,
                CRPS_GOLDBERG_2010, PAIN_START_COHEN_2018, ORAL_CHONG_2006, SUBLINGUAL_ROLAN_2014,
                ESKETAMINE_56MG_SPRAVATO, ESKETAMINE_84MG_SPRAVATO)) {
            if (m.put(p.id(), p) != null) {
                throw new IllegalStateException("duplicate protocol id " + p.id());
            }
        }
        BY_ID = Collections.unmodifiableMap(m);
    }

    /** @return every built-in protocol, in library order */
    public static List<Protocol> all() {
        return new ArrayList<>(BY_ID.values());
    }

    /** @return the ids of the built-in protocols, in library order */
    public static List<String> ids() {
        return new ArrayList<>(BY_ID.keySet());
    }

    /** @return whether a built-in protocol has this id (case-insensitive) */
    public static boolean exists(String id) {
        return id != null && BY_ID.containsKey(id.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * @return the built-in protocol with this id (case-insensitive)
     * @throws InvalidInputException naming the known ids
     */
    public static Protocol get(String id) {
        Protocol p = id == null ? null : BY_ID.get(id.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw InvalidInputException.notOneOf("protocol", id, String.join(", ", BY_ID.keySet()));
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The dose of {@code spec} on each of {@code days} (day 0 = time 0). */
    private static Regimen onDays(String spec, double... days) {
        Regimen one = DoseParser.parse(spec);
        Regimen out = null;
        for (double d : days) {
            Regimen r = one.shifted(d * 24);
            out = out == null ? r : out.and(r);
        }
        return out;
    }

    /** Consecutive infusions at {@code mgPerHPer70Kg[i]} mg/h per 70 kg for {@code hours[i]} h each. */
    private static Regimen steps(double[] mgPerHPer70Kg, double[] hours) {
        List<Dose> doses = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < hours.length; i++) {
            doses.add(Dose.infusion(Rate.mgPerKgPerH(mgPerHPer70Kg[i] / 70.0), hours[i], t));
            t += hours[i];
        }
        return Regimen.of(doses);
    }
}
