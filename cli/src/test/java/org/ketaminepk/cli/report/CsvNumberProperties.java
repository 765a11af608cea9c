package org.ketaminepk.cli.report;


import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written CSV number format is {@code %.10g}, digit for digit. */
class CsvNumberProperties {

    @Provide
    Arbitrary<Double> values() {
        Arbitrary<Double> mantissa = Arbitraries.doubles().between(-10, 10);
        Arbitrary<Integer> exponent = Arbitraries.integers().between(-30, 30);
        return Arbitraries.oneOf(
                mantissa.flatMap(m -> exponent.map(e -> m * Math.pow(10, e))),
                Arbitraries.doubles().between(0, 100_000),
                Arbitraries.of(1.0, 9.9999999995, 9.99999999949, 999.99999999996, 1e-4, 9.99999999995e-5, 1e10,
                        9999999999.5, 0.5, 1.0 / 60, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -2.5e-7));
    }

    @Property(tries = 20_000)
    void sameDigitsAsStringFormat(@ForAll("values") double v) {
        String expected = v == 0 ? "0" : String.format(Locale.ROOT, "%.10g", v);
        assertEquals(expected, CsvOutput.number(v), () -> "for " + v);
    }
}
