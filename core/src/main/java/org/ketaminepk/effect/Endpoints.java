package org.ketaminepk.effect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.effect.ConcentrationEffect.Linear;
import org.ketaminepk.effect.ConcentrationEffect.SigmoidEmax;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.SamplingSite;

/**
 * The library's concentration–effect relationships, one constant per published endpoint, each traced to a fitted
 * human study. Values marked "abstract" were read in the paper's abstract; where a Hill coefficient, a model form
 * or an equilibration constant was not found, the endpoint says so and every result carries the label.
 *
 * <p>Not a dosing reference: the endpoints describe their study populations.
 *
 * <p>The endpoints are immutable constants and the look-ups keep no state: thread-safe.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /** ng/mL per nmol/mL of ketamine (either enantiomer or the racemate): its molar mass. */
    static final double KETAMINE_NG_PER_NMOL = Analyte.KETAMINE.molarMassGPerMol();

    private static final String GAMMA_NOT_FOUND = "Hill coefficient not in the abstract; γ = 1 used (a plain Emax "
            + "curve), an assumption";

    private static final Citation OLOFSEN_2022 = Citation.of(
            "Olofsen E, Kamp J, Henthorn TK, van Velzen M, Niesters M, Sarton E, Dahan A", 2022,
            "Ketamine psychedelic and antinociceptive effects are connected", "Anesthesiology 2022;136(5):792-801")
            .withDoi("10.1097/ALN.0000000000004176");

    private static final Population OLOFSEN_POPULATION = new Population("17 healthy male volunteers given "
            + "escalating S-ketamine and racemic ketamine infusions on separate occasions",
            OptionalInt.of(17), 18, 65, 40, 120,
            "Olofsen 2022 abstract; ages and weights are not in the abstract (adult default range)");

    private static final String OLOFSEN_SOURCE = "Olofsen 2022 abstract: C50 0.51 (95 % CI 0.38-0.66) nmol/mL "
            + "S-ketamine, the same for both endpoints and for racemic or S-ketamine dosing";

    private static final LinkEvidence OLOFSEN_LINK = LinkEvidence.fittedOutside(8.3 / 60,
            "Olofsen 2022 abstract: blood-effect-site equilibration half-life 8.3 (95 % CI 5.1-13.0) min, fitted "
                    + "with the enantiomer-resolved arterial PK of the same volunteers, which this library does not "
                    + "carry");

    private static Endpoint.Builder olofsen(String id, String name, String measure) {
        return Endpoint.builder(id).name(name).citation(OLOFSEN_2022).population(OLOFSEN_POPULATION)
                .samplingSite(SamplingSite.NOT_STATED)
                .measure(measure, "fraction of the maximal effect")
                .sKetamine(new SigmoidEmax(0, 1, 0.51 * KETAMINE_NG_PER_NMOL, 1, false), OLOFSEN_SOURCE)
                .link(OLOFSEN_LINK)
                .validity("escalating infusions in volunteers (doses not in the abstract); S-ketamine plasma "
                        + "concentrations of the order of the C50")
                .inference(GAMMA_NOT_FOUND + "; the effect is given as a fraction of a maximal effect the abstract "
                        + "does not quantify")
                .note("R-ketamine contributed nothing to either endpoint (abstract), so a racemic model drives the "
                        + "endpoint through its S-ketamine share only.")
                .note("S-norketamine had a small antagonistic effect (abstract); its size is not in the abstract "
                        + "and it is not modelled, so the effect after an infusion may be slightly overstated.");
    }

    /** Olofsen 2022: pressure-pain antinociception, S-ketamine C50 0.51 nmol/mL, t½ke0 8.3 min. */
    public static final Endpoint OLOFSEN_2022_ANTINOCICEPTION = olofsen("olofsen-2022-antinociception",
            "Olofsen 2022, antinociception (pressure pain threshold) in healthy volunteers",
            "antinociception: increase of the pressure pain threshold")
            .notFor("experimental pressure pain in healthy men, not clinical or chronic pain")
            .build();

    /** Olofsen 2022: external perception (dissociation), the same pharmacodynamics as antinociception. */
    public static final Endpoint OLOFSEN_2022_EXTERNAL_PERCEPTION = olofsen("olofsen-2022-external-perception",
            "Olofsen 2022, altered external perception (dissociation) in healthy volunteers",
            "altered external perception (a psychedelic, dissociative symptom)")
            .notFor("a questionnaire symptom in healthy men, not a measure of psychosis risk or of emergence "
                    + "phenomena after anaesthesia")
            .build();

    /** Simons 2022: drug high, S-ketamine C50 0.3 nmol/mL; no equilibration half-life found. */
    public static final Endpoint SIMONS_2022_DRUG_HIGH = Endpoint.builder("simons-2022-drug-high")
            .name("Simons 2022, drug high after S-ketamine oral thin film and IV")
            .citation(Citation.of("Simons P, Olofsen E, van Velzen M, et al.", 2022,
                    "S-Ketamine oral thin film—Part 2: Population pharmacodynamics of S-ketamine, S-norketamine and "
                            + "S-hydroxynorketamine", "Front Pain Res 2022;3:946487")
                    .withDoi("10.3389/fpain.2022.946487"))
            .population(new Population("20 healthy volunteers (10 men, 10 women), 19-32 years, 53-93 kg",
                    OptionalInt.of(20), 19,
                    32, 53, 93, "Simons thesis 2024, chapter 3 results (the published paper's population)"))
            .samplingSite(SamplingSite.ARTERIAL)
            .measure("drug high on an 11-point visual analogue scale", "fraction of the maximal effect")
            .sKetamine(new SigmoidEmax(0, 1, 0.3 * KETAMINE_NG_PER_NMOL, 1, false),
                    "Simons 2022 abstract: drug high C50 0.3 nmol/mL S-ketamine; no contribution of S-norketamine or "
                            + "S-hydroxynorketamine")
            .link(LinkEvidence.notFound("Simons 2022: the abstract sentence on the blood-effect-site equilibration "
                    + "half-time is cut off in every copy read; the value was not found"))
            .notFor("a subjective rating in healthy volunteers, not a measure of abuse liability or of "
                    + "dissociation")
            .validity("50 and 100 mg S-ketamine oral thin film and 20 mg IV over 20 min; effects followed for 6 h")
            .inference(GAMMA_NOT_FOUND)
            .build();

    /** Dahan 2024: the concentration that doubles the pressure pain threshold, for esketamine and racemic. */
    public static final Endpoint DAHAN_2024_PAIN_THRESHOLD = Endpoint.builder("dahan-2024-pain-threshold")
            .name("Dahan 2024, rise of the pressure pain threshold in healthy volunteers")
            .citation(Citation.of("Dahan A, Jansen S, van der Schrier R, et al.", 2024,
                    "Nitric oxide donor sodium nitroprusside reduces racemic ketamine- but not esketamine-induced "
                            + "pain relief", "ACS Pharmacol Transl Sci 2024;7(7):2044-2053")
                    .withDoi("10.1021/acsptsci.4c00133"))
            .population(new Population("17 healthy volunteers, placebo arm of a sodium nitroprusside crossover",
                    OptionalInt.of(17),
                    18, 65, 40, 120, "Dahan 2024 abstract; ages and weights are not in the abstract (adult default "
                            + "range)"))
            .samplingSite(SamplingSite.ARTERIAL)
            .measure("rise of the pressure pain threshold from baseline", "% of baseline threshold")
            .sKetamine(new Linear(0, 100, 0.47 * KETAMINE_NG_PER_NMOL), "Dahan 2024 abstract: threshold raised "
                    + "100 % at 0.47 ± 0.12 nmol/mL for esketamine")
            .racemic(new Linear(0, 100, 0.62 * KETAMINE_NG_PER_NMOL), "Dahan 2024 abstract: threshold raised 100 % "
                    + "at 0.62 ± 0.19 nmol/mL for racemic ketamine (R-ketamine 52 ± 27 % less potent than "
                    + "S-ketamine); read here as total ketamine, since 0.47 / (0.5 + 0.5 × 0.48) = 0.64 nmol/mL")
            .link(LinkEvidence.notFound("Dahan 2024: no equilibration half-time in the abstract"))
            .notFor("experimental pressure pain in healthy volunteers, not clinical pain")
            .validity("3-h escalating infusions, 140 mg racemic ketamine or 70 mg esketamine in total")
            .inference("a straight line through the origin (threshold rise proportional to concentration, 100 % at "
                    + "the reported potency) is implied by a potency given as the concentration that doubles the "
                    + "threshold; the paper's own model form was not read")
            .build();

    private static final double HERD_EC50_NG_PER_ML = 560;

    /** Herd 2008: sedation score in children, E0 5, fractional Emax 0.939, EC50 0.56 mg/L, γ 3.71, t½ke0 11 s. */
    public static final Endpoint HERD_2008_SEDATION = Endpoint.builder("herd-2008-sedation")
            .name("Herd 2008, sedation score in children given IV racemic ketamine")
            .citation(Citation.of("Herd DW, Anderson BJ, Keene NA, Holford NHG", 2008,
                    "Investigating the pharmacodynamics of ketamine in children", "Paediatr Anaesth 2008;18(1):36-42")
                    .withUrl("https://pubmed.ncbi.nlm.nih.gov/18095964/"))
            .population(new Population("43 children in an emergency department given 1-1.5 mg/kg racemic "
                    + "ketamine IV; age 8.15 (SD 3.5) years, weight 34.9 (SD 15.8) kg",
                    OptionalInt.of(43), 1, 14, 10.8, 74.8,
                    "Herd 2008 abstract for n, dose, age and weight (mean ± SD); ranges as for the herd-2007 model"))
            .samplingSite(SamplingSite.NOT_STATED)
            .measure("sedation level from 0 (unresponsive) to 5 (spontaneously awake without stimulus)",
                    "sedation score (0-5)")
            .racemic(new SigmoidEmax(5, -5 * 0.939, HERD_EC50_NG_PER_ML, 3.71, true), "Herd 2008 abstract: E0 5, "
                    + "fractional Emax 0.939 (CV 24 %), EC50 0.56 mg/L (CV 136 %), Hill coefficient 3.71; the "
                    + "score falls by 5 × 0.939 at most")
            .link(LinkEvidence.fittedWith("herd-2007", Math.log(2) / (11.0 / 60), "Herd 2008 abstract: "
                    + "equilibration half-time 11 s (95 % CI 0.07-20 s) with the Herd 2007 PK of the same children"))
            .notFor("children in an emergency department; not adult sedation, not anaesthesia depth")
            .validity("single IV doses of 1-1.5 mg/kg; serum sampled 14-152 min after the dose")
            .note("EC50 for arousal (logistic regression) 0.52 (90 % CI 0.22-1.17) mg/L; for recall memory 0.44 "
                    + "mg/L (abstract). Adult values quoted there: recovery at 0.74 (SD 0.24) mg/L, EC50 for "
                    + "anaesthesia 2 mg/L.")
            .build();

    /** Schüttler 1987: EEG median frequency, steady state only (no ke0 found). */
    public static final Endpoint SCHUTTLER_1987_EEG = Endpoint.builder("schuttler-1987-eeg")
            .name("Schüttler 1987, slowing of the EEG median frequency")
            .citation(Citation.of("Schüttler J, Stanski DR, White PF, et al.", 1987,
                    "Pharmacodynamic modeling of the EEG effects of ketamine and its enantiomers in man",
                    "J Pharmacokinet Biopharm 1987;15").withDoi("10.1007/BF01066320"))
            .population(new Population("5 volunteers given racemic, S- and R-ketamine",
                    OptionalInt.of(5), 18, 65, 40, 120,
                    "Schüttler 1987 abstract; ages and weights are not in the abstract (adult default range)"))
            .samplingSite(SamplingSite.NOT_STATED)
            .measure("change of the median frequency of the EEG power spectrum (negative: slowing)", "Hz")
            .sKetamine(new SigmoidEmax(0, -8.3, 800, 1, false), "Schüttler 1987 abstract: S(+)-ketamine Emax "
                    + "8.3 ± 1.9 Hz decrease, IC50 0.8 ± 0.4 µg/mL (serum)")
            .racemic(new SigmoidEmax(0, -7.6, 2000, 1, false), "Schüttler 1987 abstract: racemic Emax 7.6 ± 1.7 Hz "
                    + "decrease, IC50 2.0 ± 0.5 µg/mL (serum)")
            .link(LinkEvidence.notFound("Schüttler 1987: no equilibration constant in the abstract; steady-state "
                    + "values only"))
            .notFor("a measure of EEG slowing in five volunteers, not a depth-of-anaesthesia index or BIS")
            .validity("anaesthetic doses in volunteers (concentrations around the IC50, µg/mL)")
            .inference("inhibitory sigmoid Emax model (abstract); its Hill coefficient is not in the abstract: "
                    + GAMMA_NOT_FOUND.substring(GAMMA_NOT_FOUND.indexOf("γ")))
            .note("R(-)-ketamine: Emax 4.4 ± 0.5 Hz, IC50 1.8 ± 0.5 µg/mL (abstract); not used, since no library "
                    + "model resolves R-ketamine.")
            .build();

    private static final double DAHAN_2011_HALF_TIME_DAYS = 10.9;

    /** Dahan 2011: CRPS pain relief over weeks, C50 10.5 ng/mL S-ketamine, onset/offset t½ 10.9 days. */
    public static final Endpoint DAHAN_2011_CRPS_RELIEF = Endpoint.builder("dahan-2011-crps-relief")
            .name("Dahan 2011, relief of CRPS-1 pain over weeks after a 100-h S-ketamine infusion")
            .citation(Citation.of("Dahan A, Olofsen E, Sigtermans M, et al.", 2011,
                    "Population pharmacokinetic-pharmacodynamic modeling of ketamine-induced pain relief of "
                            + "chronic pain", "Eur J Pain 2011;15(3):258-267")
                    .withDoi("10.1016/j.ejpain.2010.06.016"))
            .population(new Population("60 patients with complex regional pain syndrome type 1, randomised to a "
                    + "100-h S-ketamine or placebo infusion (the Sigtermans 2009 trial)",
                    OptionalInt.of(60), 18, 65, 40, 120,
                    "Dahan 2011 abstract; ages and weights are not in the abstract (adult default range)"))
            .samplingSite(SamplingSite.NOT_STATED)
            .measure("pain relief in a responder, as a fraction of full relief", "fraction of full relief")
            .sKetamine(new SigmoidEmax(0, 1, 10.5, 1, false), "Dahan 2011 abstract: C50 10.5 ± 4.8 ng/mL "
                    + "(95 % CI 4.37-21.2) S-ketamine")
            .link(LinkEvidence.fittedOutside(DAHAN_2011_HALF_TIME_DAYS * 24, "Dahan 2011 abstract: t½ for "
                    + "onset/offset 10.9 ± 4.0 days (5.3-20.5 days), fitted with the trial's own S-ketamine PK; "
                    + "the half-time is so much longer than any PK half-life that the PK model hardly matters"))
            .responders(0.67, 0.23)
            .notFor("CRPS type 1 pain over weeks; not acute pain, not other chronic pain, and not a prediction for "
                    + "one patient (a third of treated patients did not respond)")
            .validity("100-h infusion rising from 5 to 20 mg/h S-ketamine per 70 kg; pain scored weekly for 11 "
                    + "weeks after it; relief outlasted the infusion by about 50 days")
            .inference("a slow first-order link driven by plasma S-ketamine (the abstract's \"t½ for "
                    + "onset/offset\"), not an effect site in the usual sense")
            .inference("Emax 1 (full relief) and γ 1: the abstract gives neither")
            .inference("a responder mixture: P(response) 0.67 on ketamine and 0.23 on placebo (abstract); the "
                    + "effect shown is that of a responder, the placebo model is not implemented")
            .inference("whether the C50 refers to S-ketamine alone or with S-norketamine is not in the abstract; "
                    + "S-ketamine alone is used")
            .build();

    /** Navarrete 2025: ke0 0.238 /min on the Domino PK set (analgesia nociception index); no C50 found. */
    public static final Endpoint NAVARRETE_2025_ANI = Endpoint.builder("navarrete-2025-ani")
            .name("Navarrete 2025, effect site for the analgesia nociception index under general anaesthesia")
            .citation(Citation.of("Navarrete V, Ibacache M, Contreras V, Cortínez I", 2025,
                    "Characterization of the temporal profile of the antinociceptive effects of an intravenous "
                            + "bolus of ketamine using the analgesia nociception index",
                    "J Clin Monit Comput 2025;39(2):349-354 (preprint doi:10.21203/rs.3.rs-5027055/v1)")
                    .withDoi("10.21203/rs.3.rs-5027055/v1"))
            .population(new Population("20 adults (registry: 40-80 years) under general anaesthesia given a 0.1 "
                    + "mg/kg racemic ketamine bolus",
                    OptionalInt.of(20), 40, 80, 40, 120, "preprint abstract and registry "
                            + "NCT06344858; weights not stated (adult default range)"))
            .samplingSite(SamplingSite.NOT_STATED)
            .measure("effect-site concentration for the analgesia nociception index (no concentration–effect "
                    + "numbers found)", "ng/mL")
            .effectSiteOnly(DrugForm.RACEMIC)
            .link(LinkEvidence.fittedWith("domino-1984", 0.238, "Navarrete 2025 abstract: ke0 0.238 (95 % CI "
                    + "0.20-0.28) /min with the Domino PK set; observed time to peak 1.83 ± 0.74 min after 0.1 "
                    + "mg/kg"))
            .notFor("an anaesthetised-patient monitor index; not pain relief in awake patients")
            .validity("a single 0.1 mg/kg bolus; ANI recorded for 5 min")
            .note("ANI rose from 38.5 ± 4.95 to 53.5 ± 4.95 (abstract); the Emax model's C50 and γ are not in the "
                    + "abstract, so no effect value is computed.")
            .build();

    private static final Map<String, Endpoint> BY_ID;

    static {
        Map<String, Endpoint> m = new LinkedHashMap<>();
        for (Endpoint e : List.of(OLOFSEN_2022_ANTINOCICEPTION, OLOFSEN_2022_EXTERNAL_PERCEPTION,
                SIMONS_2022_DRUG_HIGH, DAHAN_2024_PAIN_THRESHOLD, HERD_2008_SEDATION, SCHUTTLER_1987_EEG,
                DAHAN_2011_CRPS_RELIEF, NAVARRETE_2025_ANI)) {
            m.put(e.id(), e);
        }
        BY_ID = Collections.unmodifiableMap(m);
    }

    /** @return every endpoint, in catalogue order */
    public static List<Endpoint> all() {
        return new ArrayList<>(BY_ID.values());
    }

    /**
     * @param id an endpoint id, or the end of exactly one id after a hyphen ("antinociception", "crps-relief"); case
     *        and surrounding spaces ignored
     * @return the endpoint
     * @throws InvalidInputException naming the ids it could mean, or all ids
     */
    public static Endpoint get(String id) {
        return get("endpoint", id);
    }

    /**
     * As {@link #get(String)}, with the error naming {@code field} (an option or a parameter of the caller's).
     *
     * @param field the name the error gives the value
     * @param id an endpoint id or the end of exactly one id
     * @return the endpoint
     * @throws InvalidInputException naming {@code field}, the value and the ids it could mean, or all ids
     */
    public static Endpoint get(String field, String id) {
        Checks.notNull("field", field);
        List<Endpoint> matches = matching(id);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> ids = new ArrayList<>();
        for (Endpoint e : matches) {
            ids.add(e.id());
        }
        throw new InvalidInputException(field.replaceFirst("^-+", ""), field + " must be " + (matches.isEmpty() ? "one of "
                + String.join(", ", BY_ID.keySet()) : "one of the endpoints it could mean, " + String.join(", ", ids))
                + " but was '" + id + "'");
    }

    /**
     * @param name an endpoint id, or the end of ids after a hyphen; case and surrounding spaces ignored
     * @return the endpoint with that id; else every endpoint whose id ends with a hyphen and {@code name} (none, one
     *         or several), in catalogue order
     */
    public static List<Endpoint> matching(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Endpoint exact = BY_ID.get(key);
        if (exact != null) {
            return List.of(exact);
        }
        List<Endpoint> out = new ArrayList<>();
        if (!key.isEmpty()) {
            for (Endpoint e : BY_ID.values()) {
                if (e.id().endsWith("-" + key)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * @return the endpoints a model of {@code form} can drive
     * @throws InvalidInputException for a missing form (which listed the S-ketamine endpoints)
     */
    public static List<Endpoint> drivenBy(DrugForm form) {
        Checks.notNull("drug form", form);
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint e : BY_ID.values()) {
            if (e.drivenBy(form)) {
                out.add(e);
            }
        }
        return out;
    }
}
