package org.ketaminepk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;

/** Missing arguments and list entries are named (each threw a NullPointerException before). */
class ValidationInputsTest {
    @Test
    void missingEntriesAreNamed() {
        assertEquals("observations[0] is required but was missing", assertThrows(InvalidInputException.class,
                () -> Validation.run(List.of(Models.OTTO_2021), Arrays.asList((Observation) null))).getMessage());
        assertEquals("models[0] is required but was missing", assertThrows(InvalidInputException.class,
                () -> Validation.run(Arrays.asList((PublishedModel) null), List.of())).getMessage());
        assertEquals("comparisons is required but was missing", assertThrows(InvalidInputException.class,
                () -> Agreement.of(null)).getMessage());
        assertEquals("comparisons[0] is required but was missing", assertThrows(InvalidInputException.class,
                () -> Agreement.of(Arrays.asList((Comparison) null))).getMessage());
        assertEquals("comparisons is required but was missing", assertThrows(InvalidInputException.class,
                () -> new ValidationReport(null, List.of(), List.of())).getMessage());
        assertEquals("observations is required but was missing", assertThrows(InvalidInputException.class,
                () -> ObservationTable.read(null, "x")).getMessage());
    }
}
