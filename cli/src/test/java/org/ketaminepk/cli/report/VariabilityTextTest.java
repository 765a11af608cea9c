package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;

/** The variability block of a population summary: a shared source said once, nothing lost, 100 columns. */
class VariabilityTextTest {

    /** Every model's published variability, and each with a user assumption on top. */
    static Stream<VariabilityModel> variabilities() {
        List<VariabilityModel> out = new ArrayList<>();
        Models.all().forEach(m -> {
            VariabilityModel v = VariabilityModel.published(m);
            if (!v.isEmpty()) {
                out.add(v);
            }
            // the first two parameters that take a CV (a parameter not above 0, or with an occasion effect on the
            // logit scale, is refused one)
            List<String> names = new ArrayList<>();
            for (var parameter : m.parameters()) {
                try {
                    v.withAssumed(VariabilitySpec.parse(parameter.name() + "=30%"));
                    names.add(parameter.name());
                } catch (InvalidInputException e) {
                    // not one to vary
                }
                if (names.size() == 2) {
                    break;
                }
            }
            String p = names.get(0);
            String q = names.get(1);
            out.add(v.withAssumed(VariabilitySpec.parse(p + "=30%," + q + "=40%,r(" + p + "," + q + ")=0.5")));
        });
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("variabilities")
    void keepsEveryWordOfTheFullLinesWithinOneHundredColumns(VariabilityModel v) {
        List<String> lines = VariabilityText.lines(v);
        for (String line : lines) {
            assertTrue(line.length() <= 100, () -> v.model().id() + ": wider than 100 columns: " + line);
            assertFalse(line.strip().endsWith("ν²"), () -> v.model().id() + ": a bare ν² ends " + line);
        }
        Set<String> shown = words(String.join(" ", lines));
        for (String full : v.provenance()) {
            for (String word : words(full)) {
                assertTrue(shown.contains(word), () -> v.model().id() + ": \"" + word + "\" of \"" + full
                        + "\" is not shown:\n" + String.join("\n", lines));
            }
        }
    }

    @Test
    void simonsSaysItsSharedSourceOnceAndOneShortLinePerTerm() {
        VariabilityModel v = VariabilityModel.published(Models.get("simons-2022"));
        List<String> lines = VariabilityText.lines(v);
        String text = String.join("\n", lines);
        assertEquals(1, count(text, "89c097816da9"), text);
        int terms = v.terms().size() + v.occasionTerms().size() + v.residualErrors().size();
        // a heading of three lines, then a line or two per term
        assertTrue(lines.size() <= 3 + terms + 6, text);
        assertTrue(text.contains("ν²(MTTG) = 0.9370, between occasions, log scale; MTT GUT"), text);
        assertTrue(text.contains("ν²(D1) = 0.1540, between occasions, log scale\n"), text);
    }

    @Test
    void borrowedAndAssumedTermsKeepTheirLabels() {
        VariabilityModel v = VariabilityModel.published(Models.get("racemic-composite"))
                .withAssumed(VariabilitySpec.parse("CL=30%,V1=40%"));
        String text = String.join("\n", VariabilityText.lines(v));
        assertTrue(text.contains("  borrowed from another published model: third-party transcription; borrowed "
                + "from Otto 2021"), text);
        assertTrue(text.contains("  user assumption: typed by the user:\n    ω²(CL) = 0.08618 (CV 30.0 %), log "
                + "scale; CV 30 %, ω² = ln(1 + CV²)"), text);
    }

    @Test
    void cutsASourceOnlyBetweenWords() {
        assertEquals("Table 4, a".length(), VariabilityText.sharedPrefix(List.of("Table 4, a, x", "Table 4, a (y)")));
        assertEquals(0, VariabilityText.sharedPrefix(List.of("Table 3", "Table 4")));
        assertEquals("MTT GUT", VariabilityText.particular(", ν² (MTT GUT)", true));
        assertEquals("", VariabilityText.particular(", ν²", true));
        assertEquals("ν² 0.060, carried", VariabilityText.particular(", ν² 0.060, carried", true));
        assertEquals("(a) and (b)", VariabilityText.particular(" (a) and (b)", false));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.split("\\s+")) {
            String t = w.replaceAll("^[,;:()]+|[,;:()]+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
