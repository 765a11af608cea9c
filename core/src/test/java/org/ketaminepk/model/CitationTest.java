package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;

/** A citation says a missing DOI or URL as empty; a null or blank one is refused instead of stored. */
class CitationTest {

    private static final Citation BARE = Citation.of("Domino EF, et al.", 1984,
            "Ketamine kinetics in unmedicated and diazepam-premedicated subjects", "Clin Pharmacol Ther 1984");

    @Test
    void whatASourceLacksIsEmpty() {
        // doi() and url() returned null, and link() null for a reference with neither
        assertEquals(Optional.empty(), BARE.doi());
        assertEquals(Optional.empty(), BARE.url());
        assertEquals(Optional.empty(), BARE.link());
        assertEquals(Optional.empty(), Models.DOMINO_1984.citation().doi());
        assertEquals(Optional.of("https://pubmed.ncbi.nlm.nih.gov/6488686/"), Models.DOMINO_1984.citation().link());
    }

    @Test
    void theDoiIsTheLinkWhenThereIsOne() {
        Citation both = BARE.withUrl("https://example.org/a").withDoi("10.1/x");
        assertEquals(Optional.of("https://doi.org/10.1/x"), both.link());
        assertEquals("Domino EF, et al. (1984) Ketamine kinetics in unmedicated and diazepam-premedicated subjects. "
                + "Clin Pharmacol Ther 1984. doi:10.1/x https://example.org/a", both.format());
        assertEquals("Domino EF, et al. (1984) Ketamine kinetics in unmedicated and diazepam-premedicated subjects. "
                + "Clin Pharmacol Ther 1984.", BARE.format());
    }

    @Test
    void aNullOrBlankLinkIsRefused() {
        assertEquals("DOI is required but was missing", assertThrows(InvalidInputException.class,
                () -> BARE.withDoi(null)).getMessage());
        assertEquals("URL must not be blank; leave it out if there is none", assertThrows(InvalidInputException.class,
                () -> BARE.withUrl(" ")).getMessage());
        assertEquals("DOI is required but was missing", assertThrows(InvalidInputException.class,
                () -> new Citation("a", 2000, "t", "j", null, Optional.empty())).getMessage());
    }
}
