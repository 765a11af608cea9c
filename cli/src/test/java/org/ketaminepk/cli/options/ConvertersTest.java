package org.ketaminepk.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminepk.result.Band;

import picocli.CommandLine.TypeConversionException;

/** The converters of the output options: what they accept, and the expected form and input when they refuse. */
class ConvertersTest {
    private final Converters.BandNgPerMl band = new Converters.BandNgPerMl();
    private final Converters.Hours hours = new Converters.Hours();
    private final Converters.PlotSizePx size = new Converters.PlotSizePx();

    @Test
    void bands() {
        assertEquals(Band.within(100, 250), band.convert("100-250"));
        assertEquals(Band.within(70, 160), band.convert("70–160"));
        assertEquals(Band.within(1.5, 2), band.convert(" 1.5 .. 2 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-10", "10", "-5-10", "160-70", "1-2000000", "a-b"})
    void badBandsNameTheFormAndTheInput(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> band.convert(text));
        assertEquals("expected LOW-HIGH in ng/mL with 0 < LOW < HIGH <= 1000000, e.g. 70-160, but was '" + text
                + "'", e.getMessage());
    }

    @Test
    void timeSpans() {
        assertEquals(1.5, hours.convert("90min"), 1e-12);
        assertEquals(144, hours.convert("6d"), 1e-12);
        assertEquals(30.0 / 3600, hours.convert("30 s"), 1e-15);
    }

    @Test
    void badTimeSpansNameTheFormAndTheInput() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> hours.convert("12 parsecs"));
        assertTrue(e.getMessage().startsWith("\"12 parsecs\", column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; expected a number and a time unit, e.g. 90min, 12h, 6d, 30s"),
                e.getMessage());
    }

    @Test
    void plotSizes() {
        assertEquals(new PlotSize(800, 450), size.convert("800x450"));
        assertEquals(new PlotSize(200, 10_000), size.convert("200×10000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x10", "800", "800x450x2", "199x900", "800x10001", "wide"})
    void badPlotSizesNameTheFormAndTheInput(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> size.convert(text));
        assertEquals("expected WIDTHxHEIGHT in pixels, each between 200 and 10000, e.g. 1600x900, but was '" + text
                + "'", e.getMessage());
    }
}
