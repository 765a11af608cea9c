package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;

/** A number of subjects the source does not state is empty, not 0. */
class PopulationTest {

    @Test
    void aNumberNotStatedIsEmpty() {
        // Kamp 2020 pooled studies whose subjects were not counted here; subjects() was 0
        assertEquals(OptionalInt.empty(), Models.KAMP_2020.population().subjects());
        assertEquals(OptionalInt.of(48), Models.OTTO_2021.population().subjects());
    }

    @Test
    void zeroOrNullIsRefused() {
        assertEquals("subjects must be 1 or more, or not stated, but was 0", assertThrows(InvalidInputException.class,
                () -> new Population("x", OptionalInt.of(0), 18, 65, 40, 120, "y")).getMessage());
        assertEquals("subjects is required but was missing", assertThrows(InvalidInputException.class,
                () -> new Population("x", null, 18, 65, 40, 120, "y")).getMessage());
    }
}
