package org.ketaminepk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;

/**
 * Guards the evidence: every model must agree with the observation table at least as well as the committed baseline
 * ({@code baseline.csv}) records, so that a change that worsens a model's agreement with published data is seen.
 */
class ValidationBaselineTest {
    private static final ValidationReport REPORT = Validation.run(Models.all(), ObservationTable.standard());

    /** Baseline row: comparisons, share within 2-fold, geometric mean fold error. */
    private record Level(int comparisons, double within2, double gmfe) {
    }

    private static Map<String, Level> baseline() throws IOException {
        Map<String, Level> m = new LinkedHashMap<>();
        try (InputStream in = ValidationBaselineTest.class.getResourceAsStream("baseline.csv")) {
            assertNotNull(in, "baseline.csv");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split(",", -1);
                m.put(c[0], new Level(Integer.parseInt(c[1]), c[2].isEmpty() ? Double.NaN : Double.parseDouble(c[2]),
                        c[3].isEmpty() ? Double.NaN : Double.parseDouble(c[3])));
            }
        }
        return m;
    }

    static Stream<PublishedModel> models() {
        return Models.all().stream();
    }

    /** @return why {@code now} falls below {@code base}, or empty when it does not */
    private static Optional<String> worse(String id, Agreement now, Level base) {
        if (now.count() < base.comparisons()) {
            return Optional.of(id + ": " + now.count() + " comparisons, baseline " + base.comparisons()
                    + " (an observation stopped applying)");
        }
        if (base.comparisons() == 0) {
            return Optional.empty();
        }
        if (now.within2().getAsDouble() < base.within2()) {
            return Optional.of(id + ": share within 2-fold " + now.within2().getAsDouble() + " below the baseline "
                    + base.within2());
        }
        if (now.geometricMeanFoldError().getAsDouble() > base.gmfe()) {
            return Optional.of(id + ": geometric mean fold error " + now.geometricMeanFoldError().getAsDouble()
                    + " above the baseline " + base.gmfe());
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void agreementIsNoWorseThanTheBaseline(PublishedModel model) throws IOException {
        Level base = baseline().get(model.id());
        assertNotNull(base, model.id() + " has no row in baseline.csv");
        Optional<String> why = worse(model.id(), REPORT.byModel().get(model.id()), base);
        assertTrue(why.isEmpty(), why.orElse(""));
    }

    @Test
    void aModelThatMovesAwayFromTheDataIsCaught() {
        // the default model with every prediction doubled: fewer within 2-fold and a larger fold error
        Agreement now = REPORT.byModel().get("racemic-composite");
        Level base = new Level(now.count(), now.within2().getAsDouble(), now.geometricMeanFoldError().getAsDouble());
        assertTrue(worse("m", now, base).isEmpty());
        Agreement doubled = Agreement.of(REPORT.of("racemic-composite").stream()
                .map(c -> new Comparison(c.observation(), c.model(), 2 * c.predicted())).toList());
        assertTrue(worse("m", doubled, base).orElseThrow().contains("m: "));
        Agreement fewer = Agreement.of(REPORT.of("racemic-composite").subList(1, now.count()));
        assertTrue(worse("m", fewer, base).orElseThrow().contains("stopped applying"));
    }

    @Test
    void everyBaselineRowIsAModel() throws IOException {
        for (String id : baseline().keySet()) {
            assertEquals(id, Models.get(id).id());
        }
    }
}
