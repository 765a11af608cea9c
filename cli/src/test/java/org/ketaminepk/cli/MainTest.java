package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;

/** Main's rewriting of library field names as option names. */
class MainTest {
    @Test
    void optionNamesReplaceLeadingFieldNamesOnly() {
        assertEquals("--weight must be between 0.5 and 350 kg but was -3",
                Main.optionNames(InvalidInputException.outOfRange("weight", -3, 0.5, 350, "kg")));
        assertEquals("infusion weight is odd", Main.optionNames(new InvalidInputException("weight",
                "infusion weight is odd")));
        assertEquals("route must be one of iv", Main.optionNames(new InvalidInputException("route",
                "route must be one of iv")));
        // a sentence written by the code that threw it is shown as written: no prefix is rewritten
        assertEquals("dose \"x\": bad", Main.optionNames(new InvalidInputException("dose", "dose \"x\": bad")));
    }
}
