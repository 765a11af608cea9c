package org.ketaminepk.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.library.Models;

/** An entry names a route or an analyte; the other is empty, not null. */
class CompartmentTableTest {

    @Test
    void anEntryHoldsWhatItIsNotAsEmpty() {
        CompartmentTable t = CompartmentTable.of(Models.OTTO_2021);
        CompartmentTable.Entry iv = t.find("iv").orElseThrow();
        assertEquals(1, iv.number());
        assertEquals(Optional.of(Route.INTRAVENOUS), iv.route());
        // analyte() was null for a dosing compartment, route() null for an observation compartment
        assertEquals(Optional.empty(), iv.analyte());
        CompartmentTable.Entry ket = t.find("ketamine").orElseThrow();
        assertEquals(Optional.empty(), ket.route());
        assertEquals(Optional.of(Analyte.KETAMINE), ket.analyte());
        assertEquals("ketamine", ket.name());
        assertEquals(ket, t.find(Integer.toString(ket.number())).orElseThrow());
    }

    @Test
    void anEntryWithBothOrNeitherIsRefused() {
        assertEquals("a compartment entry names a route or an analyte, one of them, but entry 3 names neither",
                assertThrows(InvalidInputException.class, () -> new CompartmentTable.Entry(3, Optional.empty(),
                        Optional.empty())).getMessage());
        assertEquals("route is required but was missing", assertThrows(InvalidInputException.class,
                () -> new CompartmentTable.Entry(3, null, Optional.of(Analyte.KETAMINE))).getMessage());
    }
}
