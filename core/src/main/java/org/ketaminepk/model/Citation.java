package org.ketaminepk.model;

import java.util.Optional;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * A bibliographic reference. Immutable. A DOI or URL that a source lacks is empty, never null: build one with
 * {@link #of} and add what it has with {@link #withDoi} and {@link #withUrl}.
 *
 * @param authors first authors, e.g. "Kamp J, Olofsen E, Henthorn TK, et al."
 * @param year publication year
 * @param title article title
 * @param journal journal, volume and pages, e.g. "Anesthesiology 2020;133:1192-1213"
 * @param doi DOI without the resolver prefix, empty if the source has none
 * @param url a URL where the DOI is missing or for open-access full text, empty if none is given
 */
public record Citation(String authors, int year, String title, String journal, Optional<String> doi,
        Optional<String> url) {

    /**
     * @throws InvalidInputException for a missing author, title or journal, a DOI or URL that is null rather than
     *         empty, or a blank DOI or URL
     */
    public Citation {
        Checks.notNull("authors", authors);
        Checks.notNull("title", title);
        Checks.notNull("journal", journal);
        Checks.notNull("DOI", doi);
        Checks.notNull("URL", url);
        doi.ifPresent(d -> notBlank("DOI", d));
        url.ifPresent(u -> notBlank("URL", u));
    }

    /**
     * A reference without DOI or URL yet.
     *
     * @return the citation
     * @throws InvalidInputException for a missing author, title or journal
     */
    public static Citation of(String authors, int year, String title, String journal) {
        return new Citation(authors, year, title, journal, Optional.empty(), Optional.empty());
    }

    /**
     * @param doi the DOI without the resolver prefix, e.g. "10.1097/ALN.0000000000003577"
     * @return a copy with this DOI
     * @throws InvalidInputException for a missing or blank DOI
     */
    public Citation withDoi(String doi) {
        return new Citation(authors, year, title, journal, Optional.of(notBlank("DOI", doi)), url);
    }

    /**
     * @param url the address, e.g. "https://pubmed.ncbi.nlm.nih.gov/6488686/"
     * @return a copy with this URL
     * @throws InvalidInputException for a missing or blank URL
     */
    public Citation withUrl(String url) {
        return new Citation(authors, year, title, journal, doi, Optional.of(notBlank("URL", url)));
    }

    /** @return "Authors (year) Title. Journal. doi:... url" (the DOI and URL where present) */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(authors).append(" (").append(year).append(") ").append(title);
        if (!title.endsWith(".")) {
            b.append('.');
        }
        b.append(' ').append(journal).append('.');
        doi.ifPresent(d -> b.append(" doi:").append(d));
        url.ifPresent(u -> b.append(' ').append(u));
        return b.toString();
    }

    /** @return a link: https://doi.org/... or else the URL, empty if the reference has neither */
    public Optional<String> link() {
        return doi.map(d -> "https://doi.org/" + d).or(() -> url);
    }

    private static String notBlank(String field, String text) {
        Checks.notNull(field, text);
        if (text.isBlank()) {
            throw InvalidInputException.statement(field, text, "must not be blank; leave it out if there is none");
        }
        return text;
    }
}
