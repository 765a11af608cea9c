package org.ketaminepk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever text arrives, the parser either returns a regimen or throws its documented {@link DoseParser.ParseException}
 * with a one-line message and a column inside the text; and well-formed texts mean what they say.
 */
class DoseParserProperties {

    /** The vocabulary of the grammar plus near misses, so that random sequences reach deep into the parser. */
    private static final List<String> WORDS = List.of("bolus", "infusion", "over", "for", "at", "every", "daily",
            "weekly", "x", "×", "max", "cap", "HCl", "hydrochloride", "base", "ketamine", "of", "iv", "oral", "po",
            "sublingual", "sl", "buccal", "intranasal", "nasal", "im", "sc", "mg", "µg", "ug", "mcg", "mg/kg",
            "ug/kg", "mg/h", "mg/min", "mg/kg/h", "ug/kg/min", "µg/kg/h", "s", "min", "h", "hr", "d", "day", "week",
            "0", "0.5", "1", "2", "10", "25", "40", "1e3", ".5", "5.", "1.2.3", "-1", "99999999999999999999",
            "10000", "/", "mg /", "/ kg", ",", ";", "#", "@", "\n", "\t", " ", "m", "g", "mL", "kg", "µ", "μ");

    @Provide
    Arbitrary<String> wordSoup() {
        return Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(12)
                .flatMap(ws -> Arbitraries.of(" ", "", "  ").list().ofSize(ws.size()).map(seps -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < ws.size(); i++) {
                        b.append(ws.get(i)).append(seps.get(i));
                    }
                    return b.toString();
                }));
    }

    @Property(tries = 2000)
    void anyStringEitherParsesOrFailsWithTheDocumentedError(@ForAll @StringLength(max = 80) String text) {
        check(text);
    }

    @Property(tries = 5000)
    void sequencesOfGrammarWordsEitherParseOrFailWithTheDocumentedError(@ForAll("wordSoup") String text) {
        check(text);
    }

    @Property(tries = 500)
    void anyStringIsAValidDurationOrTheDocumentedError(@ForAll @StringLength(max = 30) String text) {
        try {
            double h = DoseParser.parseDurationH(text);
            assertTrue(Double.isFinite(h) && h >= 0);
        } catch (DoseParser.ParseException e) {
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    private static void check(String text) {
        try {
            Regimen r = DoseParser.parse(text);
            assertFalse(r.doses().isEmpty());
            for (Dose d : r.doses()) {
                double mg = d.amountMg(70);
                assertTrue(Double.isFinite(mg) && mg > 0, text);
            }
        } catch (DoseParser.ParseException e) {
            String m = e.getMessage();
            assertFalse(m.contains("\n") || m.contains("\r"), m);
            assertTrue(e.column() >= 1 && e.column() <= Math.min(text.length(), DoseParser.MAX_LENGTH) + 1, m);
            assertTrue(m.contains("accepted: "), m);
        }
    }

    @Property(tries = 300)
    void writtenInfusionsResolveToTheirAmount(@ForAll @DoubleRange(min = 0.01, max = 10) double mgPerKg,
            @ForAll @IntRange(min = 1, max = 600) int minutes, @ForAll @DoubleRange(min = 1, max = 200) double weightKg) {
        Assume.that(mgPerKg / (minutes / 60.0) <= Rate.MAX_MG_PER_KG_PER_H);
        String spec = String.format(Locale.ROOT, "%s mg/kg over %d min", mgPerKg, minutes);
        Dose.Infusion i = (Dose.Infusion) DoseParser.parse(spec).doses().get(0);
        assertEquals(mgPerKg * weightKg, i.amountMg(weightKg), 1e-9 * mgPerKg * weightKg);
        assertEquals(minutes / 60.0, i.durationH(), 1e-12);
    }

    @Property(tries = 300)
    void repeatsAreEvenlySpaced(@ForAll @IntRange(min = 1, max = 200) int count,
            @ForAll @IntRange(min = 1, max = 72) int everyHours, @ForAll @IntRange(min = 0, max = 48) int startHours) {
        Regimen r = DoseParser.parse("oral 25 mg at " + startHours + " h every " + everyHours + " h x" + count);
        assertEquals(count, r.doses().size());
        for (int k = 0; k < count; k++) {
            assertEquals(startHours + k * (double) everyHours, r.doses().get(k).timeH(), 1e-9);
        }
        assertEquals(25.0 * count, r.totalMg(70), 1e-9);
    }
}
