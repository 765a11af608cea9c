package org.ketaminepk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;

/**
 * A run that goes on longer after the first dose than the model's samples did says that its later times are
 * extrapolated: Herd 2007 sampled 14-152 min after a single dose (abstract), Flint 2017 up to 4 h after infusions of
 * at most 140.7 h. A model whose sampling span is not recorded says nothing.
 */
class StudiedSpanWarningTest {
    private static final Patient CHILD = Patient.standardAdult().withAgeYears(8).withWeightKg(30).withHeightCm(130);

    private static List<String> spanWarnings(PublishedModel m, Patient p, String doses, TimeGrid grid) {
        return Simulation.run(m, p, DoseParser.parse(doses), grid).warnings().stream().map(w -> w.message())
                .filter(s -> s.contains("samples reach")).toList();
    }

    @Test
    void herdSaysItsCurveAfter152MinutesIsExtrapolated() {
        PublishedModel herd = Models.get("herd-2007");
        assertEquals(152.0 / 60, herd.studiedSpanH().getAsDouble(), 1e-12);
        List<String> day = spanWarnings(herd, CHILD, "bolus 1 mg/kg", TimeGrid.uniform(24, 1.0 / 60));
        assertEquals(List.of("herd-2007's samples reach 152 min after the first dose (serum samples 14-152 min after "
                + "a single dose; Herd 2007 abstract (https://pubmed.ncbi.nlm.nih.gov/17564643/)); this run goes to "
                + "24 h after it, so the curve after 152 min is extrapolated"), day);
        // within the span, or a minute past it on a whole-minute grid: nothing
        assertEquals(List.of(), spanWarnings(herd, CHILD, "bolus 1 mg/kg", TimeGrid.uniform(2.5, 1.0 / 60)));
        assertEquals(List.of(), spanWarnings(herd, CHILD, "bolus 1 mg/kg", TimeGrid.uniform(153.0 / 60, 1.0 / 60)));
        // measured from the first dose, not from time 0
        assertEquals(List.of(), spanWarnings(herd, CHILD, "bolus 1 mg/kg at 3 h", TimeGrid.uniform(5, 1.0 / 60)));
        List<String> late = spanWarnings(herd, CHILD, "bolus 1 mg/kg at 3 h", TimeGrid.uniform(6, 1.0 / 60));
        assertEquals(1, late.size(), late.toString());
        assertTrue(late.get(0).contains("this run goes to 180 min after it"), late.get(0));
    }

    @Test
    void flintSaysItsCurveAfter144Point7HoursIsExtrapolated() {
        Patient infant = Patient.standardAdult().withAgeYears(1).withWeightKg(9).withHeightCm(75);
        PublishedModel flint = Models.get("flint-2017");
        assertEquals(List.of(), spanWarnings(flint, infant, "1 mg/kg/h for 5 days", TimeGrid.uniform(144, 0.5)));
        List<String> long10 = spanWarnings(flint, infant, "1 mg/kg/h for 10 days", TimeGrid.uniform(241, 0.5));
        assertEquals(1, long10.size(), long10.toString());
        assertTrue(long10.get(0).startsWith("flint-2017's samples reach 144.7 h after the first dose (infusions of "
                + "9.6-140.7 h"), long10.get(0));
        assertTrue(long10.get(0).endsWith("this run goes to 241 h after it, so the curve after 144.7 h is "
                + "extrapolated"), long10.get(0));
    }

    @Test
    void aModelWithoutARecordedSpanSaysNothingAndASpanMustBePositive() {
        assertTrue(Models.get("otto-2021").studiedSpanH().isEmpty());
        assertEquals(List.of(), spanWarnings(Models.get("otto-2021"), Patient.standardAdult(),
                "0.5 mg/kg over 40 min", TimeGrid.uniform(240, 1)));
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> PublishedModel.builder("test-2000").studiedSpan(0, "nothing"));
        assertTrue(e.getMessage().contains("studied span"), e.getMessage());
    }
}
