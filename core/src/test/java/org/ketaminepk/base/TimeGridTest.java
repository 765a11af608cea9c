package org.ketaminepk.base;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

class TimeGridTest {
    @Test
    void gridsOfTheSameTimesAreEqualHoweverWritten() {
        TimeGrid minutes = TimeGrid.uniform(264, 1.0 / 60);
        TimeGrid named = TimeGrid.every(java.time.Duration.ofMinutes(1)).until(java.time.Duration.ofHours(264));
        assertEquals(minutes, named);
        assertEquals(minutes.hashCode(), named.hashCode());
        assertEquals(TimeGrid.of(0, 1.5, 2), TimeGrid.of(0, 1.5, 2));
        assertNotEquals(TimeGrid.uniform(2, 1), TimeGrid.uniform(2, 0.5));
        // the same times, one uniform and one explicit: a solver may step through them differently
        assertNotEquals(TimeGrid.uniform(2, 1), TimeGrid.of(0, 1, 2));
    }

    @Test
    void uniformGridIncludesBothEnds() {
        TimeGrid g = TimeGrid.uniform(1, 0.3);
        assertEquals(5, g.size());
        assertEquals(0.9, g.time(3), 1e-15);
        assertEquals(1, g.endH(), 0);
        assertEquals(11 * 24 * 60 + 1, TimeGrid.uniform(11 * 24, 1.0 / 60).size());
    }

    @Test
    void oversizedGridIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TimeGrid.uniform(10_000, 1e-4));
        assertEquals("step", e.field());
        assertEquals("the output grid must have at most 10000000 points but duration 10000 h with step 0.0001 h "
                + "gives 100000001; use a longer step", e.getMessage());
    }

    @Test
    void explicitTimesMustIncrease() {
        assertThrows(InvalidInputException.class, () -> TimeGrid.of(0, 2, 1));
        assertThrows(InvalidInputException.class, () -> TimeGrid.of(-1));
        assertThrows(InvalidInputException.class, () -> TimeGrid.of(Double.NaN));
        assertThrows(InvalidInputException.class, TimeGrid::of);
    }

    @Test
    void namedStepsGiveTheSameGridAsBareHours() {
        TimeGrid named = TimeGrid.every(java.time.Duration.ofMinutes(1)).until(java.time.Duration.ofHours(264));
        TimeGrid bare = TimeGrid.uniform(264, 1.0 / 60);
        assertEquals(bare.size(), named.size());
        assertEquals(bare.endH(), named.endH());
        assertEquals(bare.time(61), named.time(61), 0);
        assertEquals(0.5, TimeGrid.hours(java.time.Duration.ofSeconds(1800)), 0);
        assertThrows(InvalidInputException.class,
                () -> TimeGrid.every(java.time.Duration.ofMinutes(-1)).until(java.time.Duration.ofHours(1)));
    }

    @Test
    void onlyAUniformGridHasAStep() {
        assertEquals(OptionalDouble.of(0.25), TimeGrid.uniform(1, 0.25).stepH());
        assertEquals(OptionalDouble.empty(), TimeGrid.of(0, 0.5, 2).stepH());
    }
}
