package org.ketaminepk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.DrugForm;

/** The observation table: every row is complete and simulable, and bad files fail with the line and column. */
class ObservationTableTest {
    private static final List<Observation> ALL = ObservationTable.standard();

    private static final String ROW = "x1,Test 2000,a source,adults,40,70,175,racemic,iv,bolus 10 mg,ketamine,"
            + "venous,mean,CMAX,0,6,100,ng/mL,SD 10,5,table,,";

    private static List<Observation> read(String... rows) {
        return ObservationTable.read(new StringReader("# comment\n" + ObservationTable.HEADER + "\n"
                + String.join("\n", rows)), "t.csv");
    }

    @Test
    void aSpreadOrSubjectCountNotPublishedIsEmpty() {
        // spread() was "" and n() 0 for what the source does not state
        Observation stated = read(ROW).get(0);
        assertEquals(Optional.of("SD 10"), stated.spread());
        assertEquals(OptionalInt.of(5), stated.n());
        Observation bare = read(ROW.replace(",SD 10,5,", ",,,")).get(0);
        assertEquals(Optional.empty(), bare.spread());
        assertEquals(OptionalInt.empty(), bare.n());
        assertEquals("t.csv:3: n must be between 1 and 100000 (or not stated) but was 0", assertThrows(
                InvalidInputException.class, () -> read(ROW.replace(",SD 10,5,", ",SD 10,0,"))).getMessage());
    }

    @Test
    void everyRowHasItsSourceAndHowItWasRead() {
        assertTrue(ALL.size() >= 40, "rows: " + ALL.size());
        for (Observation o : ALL) {
            assertFalse(o.source().isBlank(), o.id());
            assertFalse(o.read().isBlank(), o.id());
            assertFalse(o.statistic().isBlank(), o.id());
            assertTrue(o.internalValue() > 0, o.id());
        }
    }

    @Test
    void coversEveryRouteTheDefaultModelOffersExceptBuccalAndBothDrugsAndChildren() {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        ALL.forEach(o -> routes.add(o.route()));
        Set<Route> offered = EnumSet.copyOf(Models.DEFAULT.routes().keySet());
        // no published buccal value could be separated: Simons 2022 pooled 5 buccal with 15 sublingual subjects
        offered.remove(Route.BUCCAL);
        assertTrue(routes.containsAll(offered), routes.toString());
        assertTrue(ALL.stream().anyMatch(o -> o.drug() == DrugForm.S_KETAMINE));
        assertTrue(ALL.stream().anyMatch(Observation::children));
        assertTrue(ALL.stream().anyMatch(o -> o.analyte() == Analyte.NORKETAMINE));
    }

    @Test
    void derivedAndDigitisedValuesSayHow() {
        for (Observation o : ALL) {
            if (o.read().startsWith("derived")) {
                // the arithmetic is written out
                assertTrue(o.read().matches("(?s).*\\d.*") && (o.read().contains("+") || o.read().contains("÷")
                        || o.read().contains("summed")), o.id());
            }
        }
        Observation kamp = ALL.stream().filter(o -> o.id().equals("kamp20bja-rac-k-cmax")).findFirst().orElseThrow();
        assertEquals(1.088 + 1.192, kamp.value(), 1e-12);
        assertTrue(kamp.source().contains("0988109679b9"));
    }

    @Test
    void molarUnitsConvertWithTheAnalytesMolarMass() {
        Observation o = read(ROW.replace("100,ng/mL", "2,nmol/mL").replace(",ketamine,", ",norketamine,")).get(0);
        assertEquals(2 * 223.700, o.internalValue(), 1e-9);
        assertEquals(2, o.toPublishedUnit(o.internalValue()), 1e-12);
        Observation auc = read(ROW.replace("CMAX,0,6,100,ng/mL", "AUC,0,inf,600,ng.min/mL")).get(0);
        assertEquals(10, auc.internalValue(), 1e-12);
        assertTrue(Double.isInfinite(auc.toH()));
    }

    @Test
    void severalDosesAreJoinedWithABar() {
        Observation o = read(ROW.replace("bolus 10 mg", "bolus 2 mg/kg | 41 ug/kg/min for 3 h")).get(0);
        assertEquals(2, o.regimen().doses().size());
    }

    @Test
    void gapsAndFittedModelsAreReadPerModel() {
        Observation o = read(ROW.replace("table,,", "table,kamp-2020 otto-2021,\"kamp-2020, domino-1984: why\""))
                .get(0);
        assertTrue(o.fittedBy("kamp-2020") && o.fittedBy("otto-2021") && !o.fittedBy("domino-1984"));
        assertEquals("why", o.gapFor("domino-1984").orElseThrow());
        assertTrue(o.gapFor("otto-2021").isEmpty());
        Observation two = read(ROW.replace("table,,", "table,,\"kamp-2020: one || otto-2021, simons-2022: two\""))
                .get(0);
        assertEquals("one", two.gapFor("kamp-2020").orElseThrow());
        assertEquals("two", two.gapFor("simons-2022").orElseThrow());
        assertTrue(assertThrows(InvalidInputException.class, () -> read(ROW.replace("table,,",
                "table,,\"kamp-2020: one || kamp-2020: two\""))).getMessage().contains("names model 'kamp-2020' twice"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
        "100,ng/mL;100,kg;t.csv:3: unit for Cmax must be ng/mL",
        "CMAX;CMIN;t.csv:3: metric must be one of CMAX, TMAX, AUC, C_AT but was 'CMIN'",
        "bolus 10 mg;bolus 10 mq;t.csv:3: ",
        ",40,70,;,forty,70,;t.csv:3: column age_years must be a finite number but was 'forty'",
        "CMAX,0,6;CMAX,6,6;t.csv:3: window end must be after the start",
        "CMAX,0,6;TMAX,0,inf;infinite only for an AUC",
        "100,ng/mL;-3,ng/mL;t.csv:3: value must be greater than 0",
        ",racemic,;,R-ketamine,;t.csv:3: drug must be racemic or S-ketamine but was 'R-ketamine'"})
    void badRowsNameTheLineTheFieldAndTheValue(String from, String to, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(ROW.replace(from, to)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void duplicateIdsWrongColumnCountsAndOpenQuotesAreRefused() {
        assertTrue(assertThrows(InvalidInputException.class, () -> read(ROW, ROW)).getMessage()
                .contains("t.csv:4: id 'x1' appears twice"));
        assertTrue(assertThrows(InvalidInputException.class, () -> read(ROW + ",extra")).getMessage()
                .contains("must have 23 columns but had 24"));
        assertTrue(assertThrows(InvalidInputException.class, () -> read(ROW.replace("a source", "\"a source")))
                .getMessage().contains("quoted cell is not closed"));
        assertTrue(assertThrows(InvalidInputException.class, () -> ObservationTable.read(new StringReader(ROW),
                "t.csv")).getMessage().startsWith("t.csv:1: header must be"));
    }
}
