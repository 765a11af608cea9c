package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.model.Citation;
import org.ketaminepk.model.PublishedModel;

/**
 * Citations as the terminal shows them: one short line for a model header, and a composite model's citation taken
 * apart into its sources. A composite keeps its parts in one {@link Citation} — authors and journals joined by
 * "; ", each author group ending in its role, "(ketamine)" — and printed as one reference that reads as nonsense.
 */
public final class CitationText {
    private static final Pattern ROLE = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");

    private CitationText() {
    }

    /**
     * One source of a composite.
     *
     * @param authors the author group ("Kamp J, Olofsen E, Henthorn TK, et al."), or the text of a part without a
     *        journal ("route studies named per route")
     * @param role what the source provides ("ketamine"), or null
     * @param journal journal, volume and pages, or null
     * @param year the year read in the journal text, or null
     */
    public record Part(String authors, String role, String journal, String year) {
        /** @return "Kamp 2020 (ketamine)", or the text of a part without a journal */
        public String brief() {
            if (journal == null) {
                return role == null ? authors : authors + " (" + role + ")";
            }
            String surname = authors.split("[ ,]", 2)[0];
            return surname + (year == null ? "" : " " + year) + (role == null ? "" : " (" + role + ")");
        }

        /** @return "ketamine: Kamp J, Olofsen E, ... Anesthesiology 2020;133(6):1192-1213" */
        public String full() {
            String who = role == null ? "" : role + ": ";
            return journal == null ? who + authors : who + authors + (authors.endsWith(".") ? " " : ". ") + journal;
        }
    }

    /**
     * @param c a composite's citation
     * @return its parts, pairing the i-th author group with the i-th journal; author groups beyond the journals
     *         (route studies) have none
     */
    public static List<Part> parts(Citation c) {
        String[] authors = c.authors().split(";\\s*");
        String[] journals = c.journal().split(";\\s*(?=[A-Z])");
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < authors.length; i++) {
            String a = authors[i].trim();
            String role = null;
            Matcher m = ROLE.matcher(a);
            if (m.matches()) {
                a = m.group(1);
                role = m.group(2);
            }
            String journal = i < journals.length ? journals[i].trim() : null;
            String year = null;
            if (journal != null) {
                Matcher y = YEAR.matcher(journal);
                year = y.find() ? y.group(1) : null;
            }
            out.add(new Part(a, role, journal, year));
        }
        return out;
    }

    /**
     * @return the line under a model's name: "Kamp J et al. (2020) Anesthesiology 2020;133(6):1192-1213,
     *         doi:10.1097/ALN.0000000000003577", or for a composite "sources: Kamp 2020 (ketamine) · Otto 2021
     *         (norketamine) · route studies named per route"
     */
    static String brief(PublishedModel m) {
        Citation c = m.citation();
        if (m.composite()) {
            List<String> briefs = new ArrayList<>();
            for (Part p : parts(c)) {
                briefs.add(p.brief());
            }
            return "sources: " + String.join(" · ", briefs);
        }
        String[] authors = c.authors().split(",\\s*");
        String first = authors[0].replaceFirst("\\s+et al\\.?$", "");
        String who = authors.length > 1 ? first + " et al." : first;
        String link = c.doi().map(d -> ", doi:" + d).or(() -> c.url().map(u -> ", " + u)).orElse("");
        return who + " (" + c.year() + ") " + c.journal() + link;
    }
}
