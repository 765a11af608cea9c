package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

class ConcentrationBandsTest {

    @Test
    void bandsCarryTheRangesOfZanos2018Table1() {
        assertEquals(70, ConcentrationBands.ANALGESIC.lowNgPerMl());
        assertEquals(160, ConcentrationBands.ANALGESIC.highNgPerMl());
        assertEquals(100, ConcentrationBands.DISSOCIATIVE.lowNgPerMl());
        assertEquals(250, ConcentrationBands.DISSOCIATIVE.highNgPerMl());
        assertEquals(1200, ConcentrationBands.ANAESTHETIC.lowNgPerMl());
        assertEquals(2400, ConcentrationBands.ANAESTHETIC.highNgPerMl());
        assertEquals(List.of(ConcentrationBands.ANALGESIC, ConcentrationBands.DISSOCIATIVE,
                ConcentrationBands.ANAESTHETIC), ConcentrationBands.ALL);
        // the table's molar figures agree with the mass ones (ketamine 237.7 g/mol)
        assertEquals(0.29, 70 / 237.727, 0.005);
        assertEquals(1.05, 250 / 237.727, 0.06);
        assertEquals(10.1, 2400 / 237.727, 0.1);
    }

    @Test
    void captionNamesTheReviewAndTheDoseOfEachRange() {
        String c = ConcentrationBands.caption();
        for (String s : List.of("Zanos 2018, Pharmacol Rev 70:621, Table 1", "doi:10.1124/pr.117.015198",
                "analgesic after 0.15 mg/kg iv", "dissociative after 0.5 mg/kg over 40 min iv",
                "anaesthetic after 1–2 mg/kg iv", "not dosing targets")) {
            assertTrue(c.contains(s), s);
        }
        assertFalse(c.contains("\n"));
        assertTrue(ChartFooter.printedLines(c) <= 2, "two lines under the chart at most");
    }

    @Test
    void bandsValidate() {
        assertThrows(InvalidInputException.class, () -> new ConcentrationBands.Band("x", 10, 10, "", ""));
        assertThrows(InvalidInputException.class, () -> new ConcentrationBands.Band("x", -1, 10, "", ""));
        assertTrue(ConcentrationBands.ANALGESIC.contains(70));
        assertFalse(ConcentrationBands.ANALGESIC.contains(160.01));
        assertEquals("70–160 ng/mL", ConcentrationBands.ANALGESIC.rangeText());
    }

    /**
     * The warning for a ketamine peak far above the anaesthetic range names the range the charts shade as their
     * highest band: the library keeps its own copy of the edges, which must stay the same.
     */
    @Test
    void theLibrarysAnaestheticRangeIsTheHighestBand() {
        ConcentrationBands.Band top = ConcentrationBands.ALL.get(ConcentrationBands.ALL.size() - 1);
        assertEquals(ConcentrationBands.ANAESTHETIC, top);
        assertEquals(org.ketaminepk.Simulation.ANAESTHETIC_RANGE_LOW_NG_PER_ML, top.lowNgPerMl());
        assertEquals(org.ketaminepk.Simulation.ANAESTHETIC_RANGE_HIGH_NG_PER_ML, top.highNgPerMl());
        for (ConcentrationBands.Band b : ConcentrationBands.ALL) {
            assertTrue(b.highNgPerMl() <= top.highNgPerMl(), b.name());
        }
    }
}
