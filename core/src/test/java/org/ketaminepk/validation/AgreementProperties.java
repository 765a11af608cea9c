package org.ketaminepk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.ketaminepk.library.Models;

/** Agreement summaries behave for any set of ratios. */
class AgreementProperties {
    private static final Observation O = ObservationTable.standard().get(0);

    private static List<Comparison> of(List<Double> log10Ratios) {
        return log10Ratios.stream()
                .map(l -> new Comparison(O, Models.DEFAULT, O.internalValue() * Math.pow(10, l))).toList();
    }

    @Property
    void sharesAreNestedAndTheFoldErrorLiesBetweenTheExtremes(
            @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -2, max = 2) Double> log10Ratios) {
        Agreement a = Agreement.of(of(log10Ratios));
        double in125 = a.within125().getAsDouble();
        double in15 = a.within15().getAsDouble();
        double in2 = a.within2().getAsDouble();
        assertTrue(in125 <= in15 && in15 <= in2 && in2 <= 1);
        double min = Double.POSITIVE_INFINITY;
        double max = 1;
        for (Comparison c : of(log10Ratios)) {
            min = Math.min(min, c.foldError());
            max = Math.max(max, c.foldError());
        }
        double gmfe = a.geometricMeanFoldError().getAsDouble();
        assertTrue(gmfe >= min * (1 - 1e-12) && gmfe <= max * (1 + 1e-12));
    }

    @Example
    void noComparisonsHaveNoSharesAndNoFoldError() {
        Agreement none = Agreement.of(List.of());
        assertEquals(0, none.count());
        assertEquals(OptionalDouble.empty(), none.within125());
        assertEquals(OptionalDouble.empty(), none.within15());
        assertEquals(OptionalDouble.empty(), none.within2());
        assertEquals(OptionalDouble.empty(), none.geometricMeanFoldError());
    }

    @Property
    void overAndUnderPredictionCountAlike(
            @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -2, max = 2) Double> log10Ratios) {
        Agreement a = Agreement.of(of(log10Ratios));
        Agreement inverted = Agreement.of(of(log10Ratios.stream().map(l -> -l).toList()));
        assertEquals(a.within2().getAsDouble(), inverted.within2().getAsDouble(), 1e-12);
        assertEquals(a.geometricMeanFoldError().getAsDouble(), inverted.geometricMeanFoldError().getAsDouble(),
                1e-9 * a.geometricMeanFoldError().getAsDouble());
    }
}
