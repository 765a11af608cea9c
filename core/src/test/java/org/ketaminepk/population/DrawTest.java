package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/** A patient's random effects are a value: copied in and out, compared and printed by their numbers. */
class DrawTest {
    @Test
    void theSamePatientsEffectsAreEqualAndCannotBeChangedFromOutside() {
        PopulationOutcome out = PopulationSimulation.of(Models.OTTO_2021, List.of(Patient.standardAdult()),
                Regimen.of(Dose.bolus(Amount.mg(20), 0)), TimeGrid.uniform(2, 0.5), 2026L).run();
        VariabilityModel.Draw d = out.randomEffects(0);
        assertEquals(d, out.randomEffects(0));
        assertEquals(d.hashCode(), out.randomEffects(0).hashCode());
        assertTrue(d.toString().contains(Double.toString(d.eta()[0])), d.toString());

        double[] eta = d.eta();
        double first = eta[0];
        eta[0] = 99;
        assertEquals(first, d.eta()[0]);

        double[] mine = {0.1, -0.2};
        VariabilityModel.Draw made = new VariabilityModel.Draw(mine, new double[0]);
        mine[0] = 5;
        assertArrayEquals(new double[] {0.1, -0.2}, made.eta());
        assertNotEquals(made, new VariabilityModel.Draw(new double[] {0.1, -0.3}, new double[0]));
        assertThrows(InvalidInputException.class, () -> new VariabilityModel.Draw(null, new double[0]));
    }
}
