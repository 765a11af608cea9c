package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketaminepk.PopulationRun;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Band;

/** Values an embedding program may pass to the population API, each refused in one line naming what is wrong. */
class PopulationInputsTest {
    private static final Regimen HOUR = Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.5), 1, 0));
    private static final TimeGrid GRID = TimeGrid.uniform(6, 0.5);

    @Test
    void aProbabilityCountsWithinItsTotal() {
        assertEquals("count must be between 0 and 2 patients but was 3", assertThrows(InvalidInputException.class,
                () -> new Probability(3, 2, "x")).getMessage());
        assertEquals("total must be between 1 and 2147483647 patients but was 0", assertThrows(
                InvalidInputException.class, () -> new Probability(0, 0, "x")).getMessage());
        assertEquals(0.5, new Probability(1, 2, "x").fraction());
    }

    @Test
    void probabilitiesNameAMissingAnalyte() {
        PopulationOutcome o = PopulationSimulation.of(Models.OTTO_2021, List.of(Patient.standardAdult()), HOUR, GRID,
                1).withBands(Band.within(50, 150)).run();
        // a NullPointerException before
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> o.probabilityCmaxAbove(null, 1));
        assertEquals("analyte", e.field());
        e = assertThrows(InvalidInputException.class, () -> o.probabilityTimeInBandAtLeast(null,
                Band.within(50, 150), 1));
        assertEquals("analyte", e.field());
        assertEquals("band is required but was missing", assertThrows(InvalidInputException.class,
                () -> o.probabilityTimeInBandAtLeast(Analyte.KETAMINE, null, 1)).getMessage());
    }

    @Test
    void effectSiteBandsNeedPercentiles() {
        List<Patient> one = List.of(Patient.standardAdult());
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        // a NullPointerException before, and for none a result without any band
        assertEquals("percentiles is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSiteBands.simulate(Models.OTTO_2021, one, HOUR, 1, v, GRID, 1, null, Runnable::run))
                .getMessage());
        assertEquals("percentiles must name at least one percentile (e.g. 5, 50, 95) but named none", assertThrows(
                InvalidInputException.class, () -> EffectSiteBands.simulate(Models.OTTO_2021, one, HOUR, 1, v, GRID,
                        1, new double[0], Runnable::run)).getMessage());
    }

    @Test
    void bandPercentilesOutsideTheRangeAreNamedWithTheirUnit() {
        assertEquals("band percentiles must be between 0 and 100 % (exclusive) but one was 100", assertThrows(
                InvalidInputException.class, () -> PopulationSimulation.of(Models.OTTO_2021, List.of(
                        Patient.standardAdult()), HOUR, GRID, 1).withPercentileBands(GRID, 50, 100)).getMessage());
    }

    @Test
    void effectSiteBandsSayHowManyPatientsTheyWereGiven() {
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        // the count, or that there was no list, was missing before
        assertEquals("patients must hold between 1 and 10000000 patients but held 0", assertThrows(
                InvalidInputException.class, () -> EffectSiteBands.simulate(Models.OTTO_2021, List.of(), HOUR, 1, v,
                        GRID, 1, new double[] {50}, Runnable::run)).getMessage());
        assertEquals("patients is required but was missing", assertThrows(InvalidInputException.class,
                () -> EffectSiteBands.simulate(Models.OTTO_2021, null, HOUR, 1, v, GRID, 1, new double[] {50},
                        Runnable::run)).getMessage());
    }

    @Test
    void aTinyAssumedCvIsRefusedAsTiny() {
        // refused before by the covariance matrix as "correlations impossible together", with no value or range
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> VariabilitySpec.parse(
                "CL=0.000001%"));
        assertEquals("variability item 1 'CL=0.000001%': CV must be between 0.001 and 500 % but was 0.000001 %",
                e.getMessage());
        VariabilityModel.published(Models.KAMP_2020).withAssumed(VariabilitySpec.parse("CL=0.001%"));
    }

    @Test
    void displayArraysTooShortAreNamed() {
        PopulationRun run = PopulationRun.of(Models.KAMP_2020, List.of(Patient.standardAdult()), HOUR, GRID);
        Map<Analyte, double[]> out = new EnumMap<>(Analyte.class);
        out.put(Analyte.KETAMINE, new double[3]);
        // an IllegalArgumentException before
        assertEquals("concentrations must hold an array of at least 13 values (one per display time) for ketamine "
                + "but held 3 values", assertThrows(InvalidInputException.class, () -> run.simulate(
                        Patient.standardAdult(), GRID, out)).getMessage());
        out.clear();
        assertEquals("concentrations must hold an array of at least 13 values (one per display time) for ketamine "
                + "but held none", assertThrows(InvalidInputException.class, () -> run.simulate(
                        Patient.standardAdult(), GRID, out)).getMessage());
    }
}
