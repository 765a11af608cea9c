package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * Whatever valid age range, share of men and seed a caller gives, every reference adult lies inside the age range
 * asked for and the patient's valid ranges, has a sex the share allows, and the same arguments give the same people.
 */
class ReferencePopulationProperties {

    @Property(tries = 300)
    void everyPatientComesFromItsOwnBandInsideTheRange(@ForAll @DoubleRange(min = 20, max = 90) double a,
            @ForAll @DoubleRange(min = 20, max = 90) double b, @ForAll @DoubleRange(min = 0, max = 1) double male,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (!(hi > lo)) {
            return;
        }
        List<Patient> ps = ReferencePopulation.usAdults(n, seed, lo, hi, male);
        assertEquals(n, ps.size());
        for (Patient p : ps) {
            assertTrue(p.ageYears() >= lo && p.ageYears() < hi, () -> "age " + p.ageYears() + " in " + lo + "–" + hi);
            assertTrue(p.weightKg() > 0 && p.weightKg() <= 350 && p.heightCm() >= 30 && p.heightCm() <= 250,
                    () -> p.toString());
            assertTrue(male > 0 || p.sex() == Sex.FEMALE, () -> "a man drawn with no men asked for: " + p);
            assertTrue(male < 1 || p.sex() == Sex.MALE, () -> "a woman drawn with only men asked for: " + p);
        }
        assertEquals(ps, ReferencePopulation.usAdults(n, seed, lo, hi, male));
    }
}
