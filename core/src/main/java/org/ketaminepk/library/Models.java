package org.ketaminepk.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.model.PublishedModel;

/**
 * The library of ketamine models: one constant per published model, named after its first author and year, plus
 * one clearly labelled composite that is the default for racemic ketamine. Look models up by id with
 * {@link #get(String)}.
 *
 * <p>Every parameter records whether it was read in the paper, in a named third-party transcription (pinned to a
 * commit), derived by stated arithmetic, or assumed; every model carries its citation, population, sampling site,
 * drug form, validity range and notes on what could not be verified. Constants are immutable and thread-safe.
 *
 * <p>Not a dosing reference: these are typical-value population models for teaching and protocol review.
 */
public final class Models {
    private Models() {
    }

    /**
     * Composite racemic ketamine + norketamine model: ketamine from Kamp 2020, norketamine from Otto 2021, a
     * formation fraction set from long-infusion ICU data, and oral, sublingual, buccal, intranasal and
     * intramuscular routes from their own studies. Every choice is listed as an assumption.
     */
    public static final PublishedModel RACEMIC_COMPOSITE = RacemicComposite.MODEL;

    /** The default model for racemic ketamine: {@link #RACEMIC_COMPOSITE}. */
    public static final PublishedModel DEFAULT = RACEMIC_COMPOSITE;

    /**
     * Kamp J et al. (2020) Anesthesiology 133:1192, doi:10.1097/ALN.0000000000003577 — ketamine raw-data model
     * of 14 pooled data sets, arterial central compartment, clearances × (WT/70)^0.75.
     */
    public static final PublishedModel KAMP_2020 = Kamp2020.MODEL;

    /**
     * Kamp 2020 with clearances scaled linearly with weight, as opentiva implements it. Kept for comparison, since
     * the paper's scaling could not be read; not listed by {@link #all()} or found by {@link #get(String)}.
     */
    public static final PublishedModel KAMP_2020_LINEAR_CLEARANCE = Kamp2020.LINEAR_CLEARANCE;

    /** Domino EF et al. (1984) Clin Pharmacol Ther 36:645 — racemic, 3-compartment micro-constants (TCI set). */
    public static final PublishedModel DOMINO_1984 = Domino1984.MODEL;

    /**
     * Clements JA, Nimmo WS (1981) Br J Anaesth 53:27, doi:10.1093/bja/53.1.27 — racemic, 2-compartment; not for
     * the first ~15 min after a dose.
     */
    public static final PublishedModel CLEMENTS_1981 = Clements1981.MODEL;

    /**
     * Hijazi Y et al. (2003) Br J Anaesth 90:155, doi:10.1093/bja/aeg028 — racemic, ICU patients with brain or
     * spinal cord injury.
     */
    public static final PublishedModel HIJAZI_2003 = Hijazi2003.MODEL;

    /**
     * Herd D, Anderson BJ (2007) Paediatr Anaesth 17:622, doi:10.1111/j.1460-9592.2006.02145.x — racemic, children
     * (1-14 years), allometric.
     */
    public static final PublishedModel HERD_2007 = Herd2007.MODEL;

    /**
     * Otto ME et al. (2021) Eur J Clin Pharmacol 77:1181, doi:10.1007/s00228-021-03104-1 — S-ketamine and
     * S-norketamine, healthy volunteers, venous, IV only.
     */
    public static final PublishedModel OTTO_2021 = Otto2021.MODEL;

    /**
     * Simons P et al. (2022) Front Pain Res 3:946486, doi:10.3389/fpain.2022.946486 — S-ketamine oral thin film
     * (sublingual, buccal) and IV; S-ketamine, S-norketamine, S-hydroxynorketamine; arterial.
     */
    public static final PublishedModel SIMONS_2022 = Simons2022.MODEL;

    /**
     * Perez-Ruixo C et al. (2021) Clin Pharmacokinet 60:501, doi:10.1007/s40262-020-00953-4 — esketamine nasal
     * spray, IV and oral, noresketamine, hepato-portal first pass.
     */
    public static final PublishedModel PEREZ_RUIXO_2021 = PerezRuixo2021.MODEL;

    /**
     * Flint RB et al. (2017) Paediatr Anaesth 27:1098, doi:10.1111/pan.13239 — S-ketamine and apparent
     * S-norketamine by continuous infusion in children in intensive care.
     */
    public static final PublishedModel FLINT_2017 = Flint2017.MODEL;

    private static final Map<String, PublishedModel> BY_ID;

    static {
        Map<String, PublishedModel> m = new LinkedHashMap<>();
        for (PublishedModel pm : List.of(RACEMIC_COMPOSITE, KAMP_2020, DOMINO_1984, CLEMENTS_1981, HIJAZI_2003,
                HERD_2007, OTTO_2021, SIMONS_2022, PEREZ_RUIXO_2021, FLINT_2017)) {
            m.put(pm.id(), pm);
        }
        BY_ID = Collections.unmodifiableMap(m);
    }

    /** @return every catalogued model, default first */
    public static List<PublishedModel> all() {
        return new ArrayList<>(BY_ID.values());
    }

    /**
     * @param id a model id such as {@code kamp-2020} (case and surrounding spaces ignored)
     * @return the model with this id
     * @throws InvalidInputException naming the known ids
     */
    public static PublishedModel get(String id) {
        PublishedModel m = BY_ID.get(id == null ? "" : id.trim().toLowerCase(Locale.ROOT));
        if (m == null) {
            throw InvalidInputException.notOneOf("model", id, String.join(", ", BY_ID.keySet()));
        }
        return m;
    }
}
