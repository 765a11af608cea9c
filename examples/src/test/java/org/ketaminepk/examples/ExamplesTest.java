package org.ketaminepk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.Summary;
import org.ketaminepk.result.AnalyteMetrics;

/** The examples print tables whose every number carries a unit, and their numbers mean what the text says. */
class ExamplesTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> UNITS = Set.of("mg", "mg/h", "kg", "ng/mL", "ng·h/mL", "h", "mL/min/1.73m²",
            "%");

    private static List<String> printed(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        example.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The rows between the header line starting with {@code header} and the next blank line. */
    private static List<String> tableRows(List<String> lines, String header) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                start = i + 1;
                break;
            }
        }
        assertTrue(start > 0, "no table headed '" + header + "'");
        List<String> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && !lines.get(i).isBlank(); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    private static void assertEveryNumberHasAUnit(List<String> rows) {
        assertFalse(rows.isEmpty());
        for (String row : rows) {
            assertFalse(row.contains("NaN") || row.contains("Infinity"), row);
            String[] tokens = row.trim().split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                if (NUMBER.matcher(tokens[i]).matches()) {
                    assertTrue(i + 1 < tokens.length && UNITS.contains(tokens[i + 1]),
                            "number without a unit: '" + tokens[i] + "' in: " + row);
                }
            }
        }
    }

    @Test
    void compareProtocolsPrintsEightRowsWithUnitsAndTheDosesTheProtocolsDefine() {
        List<String> rows = tableRows(printed(CompareProtocols::print), "analyte");
        assertEquals(8, rows.size());
        assertEveryNumberHasAUnit(rows);
        Map<String, List<String>> notes = new LinkedHashMap<>();
        List<CompareProtocols.Row> data = CompareProtocols.compare(Models.DEFAULT, List.of(70.0, 100.0), notes);
        for (CompareProtocols.Row r : data) {
            double expected = r.protocol().equals("B") ? 22 * 96 : Math.min(0.35 * r.weightKg(), 25) * 4 * 10;
            assertEquals(expected, r.totalMg(), 1e-9, r.toString());
            assertTrue(r.tmaxH() <= (r.protocol().equals("B") ? 96 + 1 : 220 + 1), r.toString());
        }
        assertTrue(notes.containsKey("DOSE_OUTSIDE_RANGE"), "the 100 kg patient's capped rate is reported");
    }

    @Test
    void kidneySweepPrintsSixEgfrRowsAndNorketamineExposureRisesAsKidneyFunctionFalls() {
        List<String> lines = printed(KidneySweep::print);
        List<String> rows = tableRows(lines, "eGFR");
        assertEquals(KidneySweep.EGFRS.size(), rows.size());
        assertEveryNumberHasAUnit(rows);
        assertFalse(String.join("\n", lines).contains("cannot"));
        List<KidneySweep.Step> steps = KidneySweep.sweep(Models.DEFAULT, KidneySweep.infusion(), KidneySweep.grid(),
                KidneySweep.EGFRS);
        double normalK = steps.get(0).metrics().get(Analyte.KETAMINE).aucNgHPerMl();
        for (int i = 1; i < steps.size(); i++) {
            AnalyteMetrics before = steps.get(i - 1).metrics().get(Analyte.NORKETAMINE);
            AnalyteMetrics now = steps.get(i).metrics().get(Analyte.NORKETAMINE);
            // eGFR falls down the table: the renal share of norketamine clearance shrinks
            assertTrue(now.aucNgHPerMl() > before.aucNgHPerMl(), steps.get(i).toString());
            assertTrue(now.cmaxNgPerMl() > before.cmaxNgPerMl(), steps.get(i).toString());
            // ketamine is cleared almost wholly by the liver: within a few per cent of normal
            double k = steps.get(i).metrics().get(Analyte.KETAMINE).aucNgHPerMl();
            assertTrue(k >= normalK && k < 1.05 * normalK, steps.get(i).toString());
        }
        List<Adjustment> adjusted = KidneySweep.adjustments(Models.DEFAULT, KidneySweep.LISTED_EGFR);
        assertTrue(adjusted.stream().anyMatch(a -> a.factor() < 1 && a.reason().contains("kidney")),
                adjusted.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("What the standard adjustments change")));
    }

    @Test
    void quickStartRunsTheReadmeSnippetAndPrintsPositiveNumbers() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.get(lines.size() - 1);
        String expected = "norketamine Cmax [1-9]\\d*\\.\\d ng/mL, AUC 0-24 h [1-9]\\d* ng·h/mL";
        assertTrue(Pattern.matches(expected, last), last);
        // Child–Pugh B changes at least one parameter, and every adjustment is printed readably: rounded, with units
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\S+ [0-9.]+ → [0-9.]+ \\S+ \\(×[0-9.]+\\): .+")),
                String.join("\n", lines));
        // (an adjustment's line holds its arrow; the variability's provenance quotes σ² as transcribed, 0.055736)
        assertTrue(lines.stream().noneMatch(l -> l.contains("Adjustment[")
                || l.contains(" → ") && l.matches(".*\\d\\.\\d{6,}.*")), String.join("\n", lines));
        // the README's population snippet ran too
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1,000 virtual adults, Otto 2021: norketamine Cmax")),
                String.join("\n", lines));
    }

    /** The lines between {@code // --- README} and {@code // --- end of the snippet ---} markers, one list per snippet. */
    private static List<List<String>> markedSnippets(List<String> source) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        for (String line : source) {
            String t = line.strip();
            if (t.startsWith("// --- README")) {
                current = new ArrayList<>();
            } else if (t.equals("// --- end of the snippet ---")) {
                out.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    /** The java code blocks of the README section headed {@code heading}, up to the next section of its level. */
    private static List<List<String>> readmeBlocks(List<String> readme, String heading) {
        int start = readme.indexOf(heading);
        assertTrue(start >= 0, "the README has no section '" + heading + "'");
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        for (String line : readme.subList(start + 1, readme.size())) {
            if (current == null && line.startsWith("## ")) {
                break;
            }
            if (line.equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.equals("```")) {
                out.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    /** The code of a snippet without imports and blank lines, each line stripped of indentation. */
    private static List<String> code(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("import ")).toList();
    }

    /**
     * The README's embedding snippets are QuickStart's code line for line, and QuickStart imports every type the
     * README's import list names: the build compiles and runs them, so a changed API cannot leave the README
     * behind.
     */
    @Test
    void theReadmeEmbeddingSnippetsAreQuickStartsCode() throws Exception {
        List<String> readme = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../README.md"));
        List<String> source = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/main/java/org/ketaminepk/examples/QuickStart.java"));
        List<List<String>> blocks = readmeBlocks(readme, "## Using the library");
        List<List<String>> marked = markedSnippets(source);
        assertEquals(blocks.size(), marked.size(), "README snippets against QuickStart's marked snippets");
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(code(blocks.get(i)), code(marked.get(i)), "README snippet " + (i + 1));
        }
        for (List<String> block : blocks) {
            for (String line : block) {
                if (line.startsWith("import ")) {
                    assertTrue(source.contains(line), "QuickStart lacks the README's " + line);
                }
            }
        }
    }

    @Test
    void populationSummaryPrintsPercentilesWithUnitsForASeededCohort() {
        List<String> rows = tableRows(printed(PopulationSummary::print), "analyte");
        assertEquals(8, rows.size());
        assertEveryNumberHasAUnit(rows);
        List<Patient> a = PopulationSummary.cohort(50, 3);
        assertEquals(a, PopulationSummary.cohort(50, 3));
        for (Patient p : a) {
            assertTrue(p.weightKg() >= 50 && p.weightKg() <= 110 && p.ageYears() >= 20 && p.ageYears() <= 80);
        }
    }

    @Test
    void virtualPopulationPrintsItsVariabilityAndBandsThatAgreeWithTheExactMetrics() {
        List<String> lines = printed(VirtualPopulation::print);
        List<String> rows = tableRows(lines, "analyte");
        assertEquals(8, rows.size());
        assertEveryNumberHasAUnit(rows);
        assertEveryNumberHasAUnit(tableRows(lines, "S-ketamine at"));
        assertTrue(lines.contains("  V1   CV 29.6 %, log scale"), String.join("\n", lines));
        assertTrue(lines.contains("  CLn  CV 33.0 %, log scale; correlation with Vn 0.69"), String.join("\n", lines));
        assertTrue(lines.contains("The same seed on one thread gives the same patients' metrics bit for bit: yes"));
        for (String l : lines) {
            assertTrue(l.codePointCount(0, l.length()) <= 100, l);
        }
        // every patient peaks when the infusion stops, so the bands' percentiles at 100 h estimate the exact Cmax
        // percentiles, within the stated accuracy of the bands
        PopulationOutcome r = VirtualPopulation.run(VirtualPopulation.population(300), 2);
        for (double t : r.values(Analyte.KETAMINE, AnalyteMetrics::tmaxH)) {
            assertEquals(100, t, 1e-9);
        }
        PercentileBands bands = r.percentileBands().orElseThrow();
        int at100 = Arrays.binarySearch(bands.timesH(), 100.0);
        assertTrue(at100 >= 0);
        Summary cmax = r.summary(Analyte.KETAMINE, AnalyteMetrics::cmaxNgPerMl, 5, 50, 95);
        for (double q : new double[] {5, 50, 95}) {
            double exact = cmax.percentile(q);
            double band = bands.ngPerMl(Analyte.KETAMINE, q)[at100];
            assertEquals(exact, band, bands.relativeAccuracy() * exact + bands.floorNgPerMl(), "percentile " + q);
        }
    }

    /** An example class named like a library type (as {@code Protocols} was) hides it from readers who copy code. */
    @Test
    void noExampleClassShadowsALibraryType() throws Exception {
        java.nio.file.Path examples = java.nio.file.Path.of("src/main/java/org/ketaminepk/examples");
        String moduleInfo = java.nio.file.Files.readString(java.nio.file.Path.of("../core/src/main/java/module-info.java"));
        java.util.regex.Matcher exports = Pattern.compile("(?m)^\\s*exports ([a-z.]+);").matcher(moduleInfo);
        List<String> packages = new ArrayList<>();
        while (exports.find()) {
            packages.add(exports.group(1));
        }
        assertTrue(packages.contains("org.ketaminepk.protocol"), packages.toString());
        List<String> shadowing = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(examples)) {
            for (java.nio.file.Path f : files.toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                for (String pkg : packages) {
                    try {
                        Class.forName(pkg + "." + name);
                        shadowing.add(pkg + "." + name);
                    } catch (ClassNotFoundException expected) {
                        // not a library type: no shadowing
                    }
                }
            }
        }
        assertEquals(List.of(), shadowing);
    }
}
