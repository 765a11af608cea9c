package org.ketaminepk.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;

/** Terminal half-lives and AUCs to infinity read from the system, against closed forms and long simulations. */
class DispositionTest {

    /** Two compartments, k10, k12, k21 in 1/h, with a depot for the oral route (absorption ka). */
    private static CompartmentSystem twoCompartment(double k10, double k12, double k21, double ka) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int depot = b.compartment("gut", Analyte.KETAMINE, CompartmentSystem.Kind.DEPOT);
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int p = b.compartment("peripheral", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        b.eliminate(c, b.sink("eliminated", Analyte.KETAMINE), k10);
        b.flow(c, p, k12).flow(p, c, k21).flow(depot, c, ka);
        b.observe(Analyte.KETAMINE, c, 20);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(depot, 1))));
        return b.build();
    }

    /** Parent (eliminated at kp, converted at kf) feeding a metabolite eliminated at km, 1/h. */
    private static CompartmentSystem parentMetabolite(double kp, double kf, double km) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int p = b.compartment("ketamine", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int m = b.compartment("norketamine", Analyte.NORKETAMINE, CompartmentSystem.Kind.CENTRAL);
        b.eliminate(p, b.sink("ketamine out", Analyte.KETAMINE), kp);
        b.flow(p, m, kf);
        b.eliminate(m, b.sink("norketamine out", Analyte.NORKETAMINE), km);
        b.observe(Analyte.KETAMINE, p, 50).observe(Analyte.NORKETAMINE, m, 80);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(p, 1))));
        return b.build();
    }

    private static Schedule bolus(int target, double umol) {
        return Schedule.builder().bolus(0, target, false, umol).build();
    }

    @Test
    void twoCompartmentTerminalRateIsBeta() {
        double k10 = 0.8;
        double k12 = 1.5;
        double k21 = 0.3;
        double sum = k10 + k12 + k21;
        double beta = 0.5 * (sum - Math.sqrt(sum * sum - 4 * k21 * k10));
        Disposition d = Disposition.of(twoCompartment(k10, k12, k21, 2), bolus(1, 100));
        assertEquals(beta, d.terminalRatePerH(Analyte.KETAMINE).getAsDouble(), 1e-12);
        assertEquals(Math.log(2) / beta, d.terminalHalfLifeH(Analyte.KETAMINE).getAsDouble(), 1e-10);
        // an absorption slower than β sets the terminal decline of an oral dose (flip-flop), not of an iv one
        Disposition oral = Disposition.of(twoCompartment(k10, k12, k21, 0.05), bolus(0, 100));
        assertEquals(0.05, oral.terminalRatePerH(Analyte.KETAMINE).getAsDouble(), 1e-12);
        Disposition iv = Disposition.of(twoCompartment(k10, k12, k21, 0.05), bolus(1, 100));
        assertEquals(beta, iv.terminalRatePerH(Analyte.KETAMINE).getAsDouble(), 1e-12);
    }

    @Test
    void aMetabolitesTerminalHalfLifeIsTheSlowerOfItsOwnAndItsParents() {
        // elimination-rate limited: the metabolite leaves more slowly than it forms
        Disposition slowMetabolite = Disposition.of(parentMetabolite(0.4, 0.7, 0.1), bolus(0, 100));
        assertEquals(Math.log(2) / 1.1, slowMetabolite.terminalHalfLifeH(Analyte.KETAMINE).getAsDouble(), 1e-12);
        assertEquals(Math.log(2) / 0.1, slowMetabolite.terminalHalfLifeH(Analyte.NORKETAMINE).getAsDouble(), 1e-12);
        // formation-rate limited: the metabolite follows its parent
        Disposition fastMetabolite = Disposition.of(parentMetabolite(0.1, 0.2, 2), bolus(0, 100));
        assertEquals(Math.log(2) / 0.3, fastMetabolite.terminalHalfLifeH(Analyte.KETAMINE).getAsDouble(), 1e-12);
        assertEquals(Math.log(2) / 0.3, fastMetabolite.terminalHalfLifeH(Analyte.NORKETAMINE).getAsDouble(),
                1e-12);
    }

    @Test
    void aucToInfinityIsTheAreaALongSimulationApproaches() {
        CompartmentSystem sys = parentMetabolite(0.3, 0.4, 0.2);
        Schedule s = Schedule.builder().bolus(0, 0, false, 100).rate(2, 6, 0, false, 10).build();
        Disposition d = Disposition.of(sys, s);
        // closed form: the parent receives 140 µmol and loses 0.7/h; the metabolite receives 4/7 of it
        double parentUmolH = 140 / 0.7;
        double metaboliteUmolH = 140 * 0.4 / 0.7 / 0.2;
        assertEquals(parentUmolH / 50 * Analyte.KETAMINE.molarMassGPerMol(),
                d.aucToInfinityNgHPerMl(Analyte.KETAMINE).getAsDouble(), 1e-9);
        assertEquals(metaboliteUmolH / 80 * Analyte.NORKETAMINE.molarMassGPerMol(),
                d.aucToInfinityNgHPerMl(Analyte.NORKETAMINE).getAsDouble(), 1e-9);
        Solution sol = ExactSolver.instance().solve(sys, s, TimeGrid.uniform(400, 0.5));
        Profile p = Profile.of(sys, sol, Regimen.of(org.ketaminepk.dosing.Dose.bolus(
                org.ketaminepk.dosing.Amount.mg(1), 0)), 70);
        for (Analyte a : List.of(Analyte.KETAMINE, Analyte.NORKETAMINE)) {
            assertEquals(d.aucToInfinityNgHPerMl(a).getAsDouble(), p.series(a).aucNgHPerMl(),
                    1e-9 * p.series(a).aucNgHPerMl(), a.label());
        }
    }

    @Test
    void nothingDosedHasNoHalfLifeAndNoArea() {
        Disposition d = Disposition.of(parentMetabolite(0.3, 0.4, 0.2), Schedule.builder().build());
        assertTrue(d.terminalHalfLifeH(Analyte.KETAMINE).isEmpty());
        assertEquals(0, d.aucToInfinityNgHPerMl(Analyte.NORKETAMINE).getAsDouble());
    }
}
