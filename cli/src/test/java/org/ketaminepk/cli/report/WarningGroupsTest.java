package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.model.Warning;

class WarningGroupsTest {
    private static Warning weight(double kg, String model) {
        return Warning.of(Warning.Kind.WEIGHT_OUTSIDE_RANGE, kg, 46.0, 97.0, model);
    }

    @Test
    void ownValuesBecomeARangeAndOtherWarningsStayDistinct() {
        Warning note = Warning.text(Warning.Code.ASSUMPTION, "a labelled assumption");
        List<WarningGroups.Line> lines = WarningGroups.of(List.of(weight(105, "a"), note, weight(98.5, "a"),
                weight(120, "b"), note, weight(110, "a")));
        assertEquals(List.of(
                new WarningGroups.Line("weight 98.5–110 kg is outside the 46–97 kg that a was built from; results are "
                        + "extrapolated", 3, true),
                new WarningGroups.Line("a labelled assumption", 2, false),
                new WarningGroups.Line("weight 120 kg is outside the 46–97 kg that b was built from; results are "
                        + "extrapolated", 1, true)), lines);
    }

    @Test
    void oneValueRepeatedKeepsTheSentenceAsItIs() {
        List<WarningGroups.Line> lines = WarningGroups.of(List.of(weight(105, "a"), weight(105, "a")));
        assertEquals(List.of(new WarningGroups.Line(weight(105, "a").message(), 2, true)), lines);
    }

    @Test
    void nothingGivesNoLines() {
        assertEquals(List.of(), WarningGroups.of(List.of()));
    }
}
