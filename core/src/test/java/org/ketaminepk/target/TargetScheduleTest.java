package org.ketaminepk.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.DrugSalt;

/** Target schedules as people write them, and pump settings, with their one-line errors. */
class TargetScheduleTest {

    @Test
    void readsStepsDurationsStartsUnitsAndAFinalStop() {
        TargetSchedule s = TargetSchedule.parse("100 ng/mL for 30 min, then 150 ng/mL for 3 h, then 0");
        assertEquals(List.of(new TargetSchedule.Step(0, 0.5, 100), new TargetSchedule.Step(0.5, 3.5, 150)),
                s.steps());
        assertEquals(3.5, s.endH());
        assertEquals(150, s.targetAt(0.5));
        assertEquals(0, s.targetAt(3.5));
        TargetSchedule at = TargetSchedule.parse("0.2 µg/mL at 0 h; 0.1 mg/L at 1 h for 2 h");
        assertEquals(List.of(new TargetSchedule.Step(0, 1, 200), new TargetSchedule.Step(1, 3, 100)), at.steps());
        TargetSchedule pause = TargetSchedule.parse("150 ng/mL for 1 h then 0 for 1 h then 150 ng/mL for 1 h");
        assertEquals(2, pause.steps().size());
        assertEquals(0, pause.targetAt(1.5));
        assertEquals(150, pause.targetAt(2));
        assertEquals(s, TargetSchedule.parse(s.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-5 ng/mL for 1 h|target must be 0 (stop) or between 1 and 5000 ng/mL but was -5 ng/mL",
        "0 ng/mL for 1 h|the first target must be above 0 ng/mL",
        "6 µg/mL for 1 h|between 1 and 5000 ng/mL but was 6000 ng/mL",
        "150 ng/dL for 1 h|target unit must be ng/mL, µg/L, µg/mL or mg/L but was 'ng/dL'",
        "150 for 1 h|target '150' needs a unit",
        "150 ng/mL for 1 h, 100 ng/mL at 30 min|targets must be in time order but step 2",
        "150 ng/mL at 1 h, 100 ng/mL at 1 h|targets must be in time order",
        "150 ng/mL for 1 h, 100 ng/mL|the last target (100 ng/mL) needs a duration",
        "150 ng/mL for 1 parsec|unknown time unit",
        "150 ng/mL for 1 h then then 0|has an empty step",
        // a schedule cut short after its separator was taken as complete
        "150 ng/mL for 1 h, then|has an empty step",
        "150 ng/mL for 1 h then|has an empty step",
        "150 ng/mL for 1 h;|has an empty step",
        "150 ng/mL for 800 h|must end by 720 h but ends at 800 h",
        "150 ng/mL during 1 h|expected 'for TIME' or 'at TIME'",
        "ng/mL|must start with a concentration"})
    void badSchedulesNameTheFieldAndTheProblem(String text, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TargetSchedule.parse(text));
        assertEquals("target", e.field());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void pumpSettingsRefuseImpossibleValues() {
        PumpSettings p = PumpSettings.standard();
        assertThrows(InvalidInputException.class, () -> p.withSyringe(0, DrugSalt.BASE));
        assertThrows(InvalidInputException.class, () -> p.withMaxRateMlPerH(0));
        assertThrows(InvalidInputException.class, () -> p.withMaxRateMlPerH(5000));
        assertThrows(InvalidInputException.class, () -> p.withUpdateIntervalH(0.5 / 3600));
        assertThrows(InvalidInputException.class, () -> p.withRateStepMlPerH(-1));
        assertEquals(8.67, p.withSyringe(10, DrugSalt.HYDROCHLORIDE).baseMgPerMl(), 0.005);
        assertEquals(4.2, p.withRateStepMlPerH(0.1).quantize(4.2999), 1e-12);
        assertEquals(4.3, p.withRateStepMlPerH(0.1).quantize(4.3), 1e-12);
    }

    /**
     * The record's own constructor, which an embedder may call: a NaN end was accepted, a wrong end threw a bare
     * IllegalArgumentException and a missing list a NullPointerException.
     */
    @Test
    void theConstructorRefusesAMissingListOrStepAndAnEndThatIsNotTheLastStepsInOneLine() {
        List<TargetSchedule.Step> one = List.of(new TargetSchedule.Step(0, 2, 100));
        assertEquals(2, new TargetSchedule(one, 2).endH());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TargetSchedule(one,
                Double.NaN));
        assertEquals("target end must be where the last target step ends, 2 h, but was NaN h", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> new TargetSchedule(one, 3));
        assertEquals("target end must be where the last target step ends, 2 h, but was 3 h", e.getMessage());
        assertThrows(InvalidInputException.class, () -> new TargetSchedule(null, 2));
        java.util.List<TargetSchedule.Step> holed = new java.util.ArrayList<>(one);
        holed.add(null);
        assertEquals("target steps[1] is required but was missing", assertThrows(InvalidInputException.class,
                () -> new TargetSchedule(holed, 2)).getMessage());
        assertEquals("target steps[1] is required but was missing", assertThrows(InvalidInputException.class,
                () -> TargetSchedule.of(holed)).getMessage());
    }
}
