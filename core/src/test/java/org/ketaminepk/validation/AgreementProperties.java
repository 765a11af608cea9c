package org.ketaminepk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
        assertTrue(a.within125() <= a.within15() && a.within15() <= a.within2() && a.within2() <= 1);
        double min = Double.POSITIVE_INFINITY;
        double max = 1;
        for (Comparison c : of(log10Ratios)) {
            min = Math.min(min, c.foldError());
            max = Math.max(max, c.foldError());
        }
        assertTrue(a.geometricMeanFoldError() >= min * (1 - 1e-12) && a.geometricMeanFoldError() <= max * (1 + 1e-12));
    }

    @Property
    void overAndUnderPredictionCountAlike(
            @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -2, max = 2) Double> log10Ratios) {
        Agreement a = Agreement.of(of(log10Ratios));
        Agreement inverted = Agreement.of(of(log10Ratios.stream().map(l -> -l).toList()));
        assertEquals(a.within2(), inverted.within2(), 1e-12);
        assertEquals(a.geometricMeanFoldError(), inverted.geometricMeanFoldError(),
                1e-9 * a.geometricMeanFoldError());
    }
}
