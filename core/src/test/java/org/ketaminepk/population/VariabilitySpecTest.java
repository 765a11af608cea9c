package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminepk.base.InvalidInputException;

class VariabilitySpecTest {
    @Test
    void parsesCvsAndCorrelations() {
        VariabilitySpec s = VariabilitySpec.parse(" CL=30%, V1 = 40 % ,r(CL,V1)=-0.25");
        assertEquals(Map.of("CL", 30.0, "V1", 40.0), s.cvPercent());
        assertEquals(List.of(new VariabilitySpec.Correlation("CL", "V1", -0.25)), s.correlations());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|at least one NAME=CV%",
        "CL|item 1 'CL' must be NAME=CV%",
        "CL=30|in percent, e.g. CL=30%",
        "CL=abc%|as a number but was 'abc'",
        "CL=0%|CV must be between 0.001 and 500 % but was 0 %",
        "CL=0.000001%|CV must be between 0.001 and 500 % but was 0.000001 %",
        "CL=600%|but was 600 %",
        // every digit of 1e308 was printed: 309 of them
        "CL=1e308%|CV must be between 0.001 and 500 % but was 1e308 %",
        "CL=30%,,V1=2%|item 2 is empty",
        "1CL=30%|parameter name must be",
        "CL=30%,CL=20%|CL is given twice",
        "CL=30%,r(CL,CL)=0.5|two different parameters",
        "CL=30%,V1=20%,r(CL,V1)=1|between -1 and 1",
        "CL=30%,r(CL,V1)=0.5|names V1, which has no CV",
    })
    void badSpecsFailInOneLineNamingTheItem(String text, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> VariabilitySpec.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("variability", e.field());
    }
}
