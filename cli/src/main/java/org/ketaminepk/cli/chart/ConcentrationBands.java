package org.ketaminepk.cli.chart;

import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Plasma ketamine concentration ranges that the charts shade behind the curves, so that a reader can place a
 * simulated profile against the levels reported in clinical use.
 *
 * <p>All three come from one secondary source, the review table of Zanos P, Moaddel R, Morris PJ, et al.
 * "Ketamine and ketamine metabolite pharmacology: insights into therapeutic mechanisms", Pharmacol Rev
 * 2018;70(3):621–660, Table 1, doi:<a href="https://doi.org/10.1124/pr.117.015198">10.1124/pr.117.015198</a>
 * (read at <a href="https://pmc.ncbi.nlm.nih.gov/articles/PMC6020109/table/T1">PMC6020109, Table 1</a>). That table
 * lists the plasma Cmax reported after typical doses of racemic ketamine, with the primary studies it relies on;
 * the primary papers were not read here (provenance: third-party transcription). The ranges are therefore peak
 * levels seen after a dose, not therapeutic windows or targets, and they describe racemic ketamine; S-ketamine is
 * roughly twice as potent, so the same effect comes at lower concentrations.
 *
 * <p>Not for norketamine or hydroxynorketamine: the bands concern the parent drug only.
 */
public final class ConcentrationBands {
    private ConcentrationBands() {
    }

    /**
     * One shaded range: a {@link org.ketaminepk.result.Band} of ketamine concentrations with a name and the
     * circumstances in which it was reported.
     *
     * @param name lower-case name used in legends ("analgesic")
     * @param range the concentrations, ng/mL of ketamine; finite, with the upper edge above the lower
     * @param doseContext the dose after which the range was reported, in words
     * @param primarySources the primary studies the review cites for the range
     */
    public record Band(String name, org.ketaminepk.result.Band range, String doseContext, String primarySources) {
        /** Validates. */
        public Band {
            Checks.notNull("band name", name);
            Checks.notNull("band range", range);
            if (!(range.highNgPerMl() > range.lowNgPerMl()) || range.openAbove()) {
                throw new InvalidInputException("band high", String.format(Locale.ROOT,
                        "band high must be finite and above band low (%s ng/mL) but was %s",
                        Checks.fmt(range.lowNgPerMl()), Checks.fmt(range.highNgPerMl())));
            }
            Checks.notNull("band dose context", doseContext);
            Checks.notNull("band sources", primarySources);
        }

        Band(String name, double lowNgPerMl, double highNgPerMl, String doseContext, String primarySources) {
            this(name, org.ketaminepk.result.Band.within(lowNgPerMl, highNgPerMl), doseContext, primarySources);
        }

        /** @return the lower edge, ng/mL */
        public double lowNgPerMl() {
            return range.lowNgPerMl();
        }

        /** @return the upper edge, ng/mL */
        public double highNgPerMl() {
            return range.highNgPerMl();
        }

        /** @return the range as printed in legends, e.g. "70–160 ng/mL" */
        public String rangeText() {
            return range.label();
        }

        /**
         * @param ngPerMl a ketamine concentration, ng/mL
         * @return whether it lies within the band, edges included
         */
        public boolean contains(double ngPerMl) {
            return ngPerMl >= lowNgPerMl() && ngPerMl <= highNgPerMl();
        }
    }

    /**
     * Analgesia: 70–160 ng/mL (0.29–0.67 µM) after 0.15 mg/kg intravenously. Zanos 2018 Table 1, row
     * "Analgesia", citing Grant et al. (1981), Clements et al. (1982) and eleven later studies.
     */
    public static final Band ANALGESIC = new Band("analgesic", 70, 160, "0.15 mg/kg iv",
            "Grant 1981, Clements 1982 and others");

    /**
     * Dissociation (a side effect): 100–250 ng/mL (0.42–1.1 µM) after 0.5 mg/kg over 40 min intravenously.
     * Zanos 2018 Table 1, row "Dissociation", citing Krystal et al. (1994).
     */
    static final Band DISSOCIATIVE = new Band("dissociative", 100, 250, "0.5 mg/kg over 40 min iv",
            "Krystal 1994");

    /**
     * General anaesthesia: 1200–2400 ng/mL (5–10 µM) after 1–2 mg/kg intravenously. Zanos 2018 Table 1, row
     * "General anesthesia", citing Sussman (1974), Clements et al. (1982), Idvall et al. (1983) and later studies.
     * Anaesthesia persists above the upper edge; the edge is where the table's range ends.
     */
    static final Band ANAESTHETIC = new Band("anaesthetic", 1200, 2400, "1–2 mg/kg iv",
            "Sussman 1974, Clements 1982, Idvall 1983 and others");

    /** The shaded bands, from lowest to highest. */
    public static final List<Band> ALL = List.of(ANALGESIC, DISSOCIATIVE, ANAESTHETIC);

    /** Short form of the review, as printed under every chart that shows the bands. */
    public static final String SOURCE = "Zanos P et al. Pharmacol Rev 2018;70:621–660, Table 1, "
            + "doi:10.1124/pr.117.015198";

    /**
     * @return the caption line that names the source of the shaded ranges and what they mean, short enough for two
     *         lines under a chart (the ranges themselves are in the legend)
     */
    static String caption() {
        StringBuilder b = new StringBuilder("Shaded: plasma ketamine peaks reported after racemic ketamine — ");
        for (int i = 0; i < ALL.size(); i++) {
            Band band = ALL.get(i);
            b.append(i > 0 ? ", " : "").append(band.name()).append(" after ").append(band.doseContext());
        }
        return b.append(" (").append(SOURCE_SHORT).append("). A guide for the eye, not dosing targets.").toString();
    }

    /** The review in the fewest words that still find it. */
    private static final String SOURCE_SHORT = "Zanos 2018, Pharmacol Rev 70:621, Table 1, doi:10.1124/pr.117.015198";
}
