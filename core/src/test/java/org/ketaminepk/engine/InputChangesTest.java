package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;

/** A solution is immutable: the amounts it recorded around input changes cannot be changed through its readers. */
class InputChangesTest {
    @Test
    void theAmountsAroundInputChangesAreCopiedOut() {
        IndividualModel ind = Simulation.standard().individualize(Models.DEFAULT, Patient.standardAdult());
        Regimen r = Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0)), 2);
        Solution s = ExactSolver.instance().solve(ind.system(), r.schedule(ind.system(), 70), TimeGrid.uniform(48, 1));
        Solution.InputChanges c = s.inputChanges();
        assertTrue(c.size() >= 4, c.toString());
        double[] times = c.timesH();
        double before = c.beforeUmol()[0][1];
        c.timesH()[0] = 99;
        c.beforeUmol()[0][1] = -1;
        c.afterUmol()[0][1] = -1;
        assertArrayEquals(times, s.inputChanges().timesH());
        assertEquals(before, s.inputChanges().beforeUmol()[0][1]);
        assertEquals(s.inputChanges().afterUmol()[0][1], s.inputChanges().afterUmol(0, 1));
        assertEquals(before, s.inputChanges().beforeUmol(0, 1));
        assertEquals(c, s.inputChanges());

        double[] mine = {1, 2};
        double[][] rows = {{0, 5}};
        Solution.InputChanges made = new Solution.InputChanges(mine, rows, new double[][] {{5, 5}});
        mine[0] = 7;
        rows[0][1] = 7;
        assertArrayEquals(new double[] {1, 2}, made.timesH());
        assertEquals(5, made.beforeUmol()[0][1]);
        assertThrows(InvalidInputException.class, () -> new Solution.InputChanges(mine, new double[][] {{1}},
                new double[][] {{1, 2}}));
    }
}
