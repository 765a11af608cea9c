package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/** The effect-site bands come from the same virtual patients as {@link PopulationSimulation}'s bands. */
class EffectSiteBandsTest {
    private static final Regimen TWO_HOURS = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.5), 2, 0));
    private static final TimeGrid DISPLAY = TimeGrid.uniform(8, 0.25);
    private static final double[] PERCENTILES = {5, 50, 95};
    private static final List<Patient> PATIENTS = PatientDistributions.parse("weight=50..110,age=20..70,male=0.5")
            .sample(200, 3);

    private static PercentileBands effectSites(long seed, double ke0PerH) {
        return EffectSiteBands.simulate(Models.OTTO_2021, PATIENTS, TWO_HOURS, seed,
                VariabilityModel.published(Models.OTTO_2021), DISPLAY, ke0PerH, PERCENTILES, Runnable::run);
    }

    /** With an almost instant link the effect site is the plasma: the same patients give the same bands. */
    @Test
    void anInstantLinkReproducesThePopulationsPlasmaBands() {
        PercentileBands plasma = PopulationSimulation.of(Models.OTTO_2021, PATIENTS, TWO_HOURS, DISPLAY, 2026)
                .withPercentileBands(DISPLAY, PERCENTILES).run().percentileBands().orElseThrow();
        PercentileBands same = effectSites(2026, EffectSites.MAX_KE0_PER_H);
        PercentileBands other = effectSites(7, EffectSites.MAX_KE0_PER_H);
        double tolerance = 2 * plasma.relativeAccuracy();
        int differentWithOtherSeed = 0;
        for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            for (double p : PERCENTILES) {
                double[] expected = plasma.ngPerMl(a, p);
                double[] actual = same.ngPerMl(a, p);
                double[] elsewhere = other.ngPerMl(a, p);
                for (int i = 1; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], tolerance * expected[i] + 0.01, a + " p" + p + " at "
                            + DISPLAY.time(i) + " h");
                    if (Math.abs(elsewhere[i] - expected[i]) > tolerance * expected[i] + 0.01) {
                        differentWithOtherSeed++;
                    }
                }
            }
        }
        assertTrue(differentWithOtherSeed > 0, "another seed draws other patients");
    }

    /** A slow link lags: the effect-site median peaks later and lower than the plasma median. */
    @Test
    void aSlowLinkPeaksLaterAndLower() {
        PercentileBands fast = effectSites(2026, EffectSites.MAX_KE0_PER_H);
        PercentileBands slow = effectSites(2026, Math.log(2) / 1.0);
        double[] f = fast.ngPerMl(Analyte.KETAMINE, 50);
        double[] s = slow.ngPerMl(Analyte.KETAMINE, 50);
        int fi = 0;
        int si = 0;
        for (int i = 1; i < f.length; i++) {
            fi = f[i] > f[fi] ? i : fi;
            si = s[i] > s[si] ? i : si;
        }
        assertTrue(si > fi && s[si] < f[fi], "slow peak " + s[si] + " at " + si + ", fast " + f[fi] + " at " + fi);
    }

    @Test
    void refusesAnotherModelsVariability() {
        assertThrows(InvalidInputException.class, () -> EffectSiteBands.simulate(Models.OTTO_2021, PATIENTS,
                TWO_HOURS, 1, VariabilityModel.published(Models.CLEMENTS_1981), DISPLAY, 1, PERCENTILES,
                Runnable::run));
    }
}
