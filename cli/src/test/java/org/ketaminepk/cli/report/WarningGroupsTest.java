package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.model.Warning;

class WarningGroupsTest {
    private static String weight(double kg, String model) {
        return Warning.of(Warning.Kind.WEIGHT_OUTSIDE_RANGE, kg, 46.0, 97.0, model).message();
    }

    private static List<WarningGroups.Line<String>> group(String... messages) {
        return WarningGroups.of(List.of(messages), m -> m, m -> 1);
    }

    private static List<String> lines(List<WarningGroups.Line<String>> groups) {
        return groups.stream().map(l -> l.message() + " ×" + l.count() + (l.merged() ? " merged" : "")).toList();
    }

    @Test
    void numbersThatVaryBecomeRangesAndOtherSentencesStayDistinct() {
        String note = "a labelled assumption";
        assertEquals(List.of(
                "weight 98.5–110 kg is outside the 46–97 kg that a was built from; results are extrapolated ×3 merged",
                "a labelled assumption ×2",
                "weight 120 kg is outside the 46–97 kg that b was built from; results are extrapolated ×1"),
                lines(group(weight(105, "a"), note, weight(98.5, "a"), weight(120, "b"), note, weight(110, "a"))));
    }

    @Test
    void severalNumbersOfOneSentenceRangeEachOnTheirOwn() {
        assertEquals(List.of("age 60.41–79.9 years: hepatic flow ×0.776–0.99 (−2.19/151 per year above 60) ×3 merged"),
                lines(group("age 79.9 years: hepatic flow ×0.776 (−2.19/151 per year above 60)",
                        "age 60.412997 years: hepatic flow ×0.99 (−2.19/151 per year above 60)",
                        "age 70 years: hepatic flow ×0.86 (−2.19/151 per year above 60)")));
    }

    @Test
    void numbersWrittenOntoWordsArePartOfTheWord() {
        // two models whose ids differ only in their year are two lines, not one with a range of years
        assertEquals(2, group(weight(100, "domino-1984"), weight(100, "domino-2010")).size());
        assertEquals(2, group("CYP2B6 *6/*6: clearance ×0.7", "CYP2B6 *1/*6: clearance ×0.7").size());
    }

    @Test
    void oneValueRepeatedKeepsTheSentenceAsItIs() {
        assertEquals(List.of(weight(105.25, "a") + " ×2"), lines(group(weight(105.25, "a"), weight(105.25, "a"))));
    }

    @Test
    void countsAddUp() {
        List<WarningGroups.Line<String>> g = WarningGroups.of(List.of(weight(100, "a"), weight(101, "a")), m -> m,
                m -> 250);
        assertEquals(500, g.get(0).count());
        assertEquals(List.of(), group());
    }
}
