package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import org.ketaminepk.Simulation;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * What the standard adjustments keep per model (the reference liver, the routes that pass the liver first) holds
 * nothing of a patient: every model adjusts two patients, one with mechanisms that apply and one without, the same
 * before and after the other.
 */
class AdjustmentOrderProperties {

    /** The adjustments and warnings of {@code p}, written out. */
    private static List<String> adjusted(PublishedModel m, Patient p) {
        IndividualModel ind = Simulation.standard().individualize(m, p);
        List<String> out = new ArrayList<>();
        out.add(ind.values().asMap().toString());
        for (Adjustment a : ind.adjustments()) {
            out.add(a.toString());
        }
        for (Warning w : ind.warnings()) {
            out.add(w.message());
        }
        return out;
    }

    @Property(tries = 40)
    void aPatientsAdjustmentsDoNotDependOnWhoCameBefore(@ForAll @DoubleRange(min = 61, max = 90) double oldAge,
            @ForAll @DoubleRange(min = 18, max = 60) double youngAge, @ForAll @DoubleRange(min = 45, max = 120) double kg,
            @ForAll boolean liverDisease) {
        Patient old = new Patient(oldAge, kg, 170, Sex.FEMALE);
        if (liverDisease) {
            old = old.withChildPugh(ChildPughClass.B);
        }
        Patient young = new Patient(youngAge, 140 - kg, 180, Sex.MALE);
        for (PublishedModel m : Models.all()) {
            // old, young, young again, old again: each before and after the other
            List<String> oldBefore = adjusted(m, old);
            List<String> youngAfterOld = adjusted(m, young);
            List<String> youngAfterYoung = adjusted(m, young);
            List<String> oldAfterYoung = adjusted(m, old);
            assertEquals(oldBefore, oldAfterYoung, m::id);
            assertEquals(youngAfterOld, youngAfterYoung, m::id);
        }
    }
}
