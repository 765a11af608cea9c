package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Variability;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/** An individual's random effects on fractions: a log-normal one held at 1 says so; a logit one at 1 is refused. */
class EtaAdjusterTest {
    private static final PublishedModel MODEL = Models.PEREZ_RUIXO_2021;
    private static final Patient PATIENT = Patient.standardAdult();

    private static ParameterValues typical() {
        return MODEL.individualize(PATIENT, PatientAdjuster.NONE).values();
    }

    /** Held at 1 without a word before. */
    @Test
    void aLogNormalFractionHeldAtOneCarriesAWarning() {
        List<Warning> warnings = new ArrayList<>();
        EtaAdjuster a = new EtaAdjuster(List.of(new MapFit.Effect("FRn", Variability.Scale.LOG, "", true)),
                new double[] {2}, PatientAdjuster.NONE);
        ParameterValues out = a.adjust(MODEL, PATIENT, typical(), new ArrayList<>(), warnings);
        assertEquals(1, out.get("FRn"));
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals(Warning.Kind.FRACTION_CAPPED, warnings.get(0).kind());
        assertTrue(warnings.get(0).message().startsWith("sampled FRn 3.99"), warnings.get(0)::message);
    }

    /** Left at 1 for every η before. */
    @Test
    void aLogitEffectOnAFractionOfOneIsRefused() {
        EtaAdjuster a = new EtaAdjuster(List.of(new MapFit.Effect("FRn", Variability.Scale.LOGIT, "", true)),
                new double[] {0.5}, PatientAdjuster.NONE);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> a.adjust(MODEL, PATIENT,
                typical().with("FRn", 1.0), new ArrayList<>(), new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("FRn must lie in the open range (0, 1)"), e.getMessage());
        ParameterValues moved = a.adjust(MODEL, PATIENT, typical(), new ArrayList<>(), new ArrayList<>());
        assertEquals(1 / (1 + Math.exp(-(Math.log(0.54 / 0.46) + 0.5))), moved.get("FRn"), 1e-15);
    }
}
