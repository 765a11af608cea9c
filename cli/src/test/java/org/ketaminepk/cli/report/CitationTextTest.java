package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.PublishedModel;

/** Model headers read as references: one short line for a model, the sources of a composite one by one. */
class CitationTextTest {

    @Test
    void aCompositeIsTakenApartIntoItsSources() {
        Citation c = Citation.of("Alpha A, Beta B, et al. (ketamine); Gamma G (norketamine); route studies named "
                + "per route", 2020, "Composite", "J One 2020;1:2-3; J Two 2021;4(5):6-7").withDoi("10.1/x");
        List<CitationText.Part> parts = CitationText.parts(c);
        assertEquals(3, parts.size());
        assertEquals(new CitationText.Part("Alpha A, Beta B, et al.", "ketamine", "J One 2020;1:2-3", "2020"),
                parts.get(0));
        assertEquals("Gamma 2021 (norketamine)", parts.get(1).brief());
        assertEquals("norketamine: Gamma G. J Two 2021;4(5):6-7", parts.get(1).full());
        assertEquals("route studies named per route", parts.get(2).brief());
    }

    @Test
    void theLibraryCompositeReadsAsItsSources() {
        PublishedModel m = Models.RACEMIC_COMPOSITE;
        assertEquals("sources: Kamp 2020 (ketamine) · Otto 2021 (norketamine) · route studies named per route",
                CitationText.brief(m));
    }

    @Test
    void anOrdinaryModelGetsFirstAuthorYearJournalAndLink() {
        for (PublishedModel m : Models.all()) {
            if (m.composite()) {
                continue;
            }
            String brief = CitationText.brief(m);
            Citation c = m.citation();
            assertTrue(brief.startsWith(c.authors().split(",")[0].replace(" et al.", "")), brief);
            assertTrue(brief.contains("(" + c.year() + ") " + c.journal()), brief);
            String link = c.doi().map(d -> "doi:" + d).orElseGet(() -> c.url().orElseThrow());
            assertTrue(brief.endsWith(link), brief);
        }
        assertEquals("Domino EF et al. (1984) Clin Pharmacol Ther 1984;36(5):645-653, "
                + "https://pubmed.ncbi.nlm.nih.gov/6488686/", CitationText.brief(Models.DOMINO_1984));
    }
}
