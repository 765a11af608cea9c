package org.ketaminepk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.result.Disposition;
import org.ketaminepk.result.Profile;

/**
 * The disposition read from the system agrees with the exact solver on random systems and inputs: the AUC to
 * infinity is what the solver integrates over a horizon of many terminal half-lives, and a metabolite never has a
 * shorter terminal half-life than its parent.
 */
class DispositionProperties {
    @Provide
    Arbitrary<RandomSystems.Case> cases() {
        return RandomSystems.cases();
    }

    @Property(tries = 150)
    void aucToInfinityIsTheSolversAreaOverALongHorizon(@ForAll("cases") RandomSystems.Case c) {
        Disposition d = Disposition.of(c.system(), c.schedule());
        double slowest = Double.POSITIVE_INFINITY;
        for (Analyte a : c.system().observations().keySet()) {
            OptionalDouble h = d.terminalHalfLifeH(a);
            assertTrue(h.isPresent(), a.label() + " is reached by every schedule here: " + c);
            slowest = Math.min(slowest, h.getAsDouble() > 0 ? 1 / h.getAsDouble() : 0);
        }
        double longestHalfLifeH = 1 / slowest;
        // the inputs end by 38.1 h; 60 half-lives later less than 1e-18 of the area is left
        double endH = 40 + 60 * longestHalfLifeH;
        // a group of slow exchanges can give modes too slow for the longest grid; those cases prove nothing here
        Assume.that(endH <= TimeGrid.MAX_TIME_H);
        Solution sol = ExactSolver.instance().solve(c.system(), c.schedule(), TimeGrid.of(0, 40, endH));
        Profile p = Profile.of(c.system(), sol, Regimen.of(Dose.bolus(Amount.mg(1), 0)), 70);
        for (Analyte a : c.system().observations().keySet()) {
            double solver = p.series(a).aucNgHPerMl();
            assertEquals(solver, d.aucToInfinityNgHPerMl(a).getAsDouble(), 1e-7 * solver, a.label() + ": " + c);
        }
        if (c.system().observations().containsKey(Analyte.NORKETAMINE)) {
            assertTrue(d.terminalHalfLifeH(Analyte.NORKETAMINE).getAsDouble()
                    >= d.terminalHalfLifeH(Analyte.KETAMINE).getAsDouble() * (1 - 1e-12), c.toString());
        }
    }
}
