package org.ketaminepk.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PopulationOutcome;
import org.ketaminepk.population.PopulationSimulation;

/** The spread of a typical-patient pump schedule over a virtual population. */
class TargetAttainmentTest {
    private static final TargetSchedule STEPS = TargetSchedule.parse("100 ng/mL for 1 h, then 200 ng/mL for 2 h");

    private static TargetPlan plan() {
        IndividualModel ind = Simulation.standard().individualize(Models.OTTO_2021, Patient.standardAdult());
        return TargetController.plasma(ind, PumpSettings.standard()).plan(STEPS, 4);
    }

    private static PopulationSimulation population(TargetPlan plan, int n) {
        return PopulationSimulation.of(Models.OTTO_2021, Collections.nCopies(n, Patient.standardAdult()),
                plan.regimen(), TimeGrid.uniform(4, 1.0 / 60), 7);
    }

    @Test
    void theIndividualModelOfAPatientIsTheOneTheRunSimulates() {
        TargetPlan plan = plan();
        PopulationSimulation pop = population(plan, 20);
        PopulationOutcome run = pop.run();
        for (int i = 0; i < 20; i++) {
            // the population's Cmax is exact (found between inputs, not on the grid): compare like with like
            double cmax = Simulation.standard().simulate(pop.individual(i), plan.regimen(),
                    TimeGrid.uniform(4, 1.0 / 60)).metrics(java.util.List.of()).get(Analyte.KETAMINE).cmaxNgPerMl();
            assertEquals(run.patients().get(i).get(Analyte.KETAMINE).cmaxNgPerMl(), cmax, 1e-9 * cmax, "patient " + i);
        }
        assertThrows(InvalidInputException.class, () -> pop.individual(20));
    }

    @Test
    void eachStepIsReadAtItsEndAndCountedAgainstItsOwnTarget() {
        TargetPlan plan = plan();
        PopulationSimulation pop = population(plan, 200);
        TargetAttainment a = TargetAttainment.of(plan, pop, Runnable::run);
        assertEquals(2, a.steps().size());
        for (int k = 0; k < 2; k++) {
            TargetAttainment.Step s = a.steps().get(k);
            TargetSchedule.Step st = STEPS.steps().get(k);
            assertEquals(st.endH(), s.atH());
            int within = 0;
            int above = 0;
            for (int i = 0; i < 200; i++) {
                double c = Simulation.standard().simulate(pop.individual(i), plan.regimen(), TimeGrid.of(s.atH()))
                        .profile().series(Analyte.KETAMINE).ngPerMl()[0];
                within += Math.abs(c / st.targetNgPerMl() - 1) <= 0.2 ? 1 : 0;
                above += c > 1.5 * st.targetNgPerMl() ? 1 : 0;
            }
            assertEquals(within, s.within().count());
            assertEquals(above, s.above().count());
            assertEquals(200, s.within().total());
            // the typical schedule aims at the typical patient, so the median patient is near the target
            assertTrue(Math.abs(s.ratio().median() - 1) < 0.15, "median ratio " + s.ratio().median());
            assertTrue(s.ratio().percentile(5) < s.ratio().median() && s.ratio().median() < s.ratio().percentile(95));
        }
    }

    @Test
    void stepCountsTheBandEdgesAsNearAndOnlyStrictOvershootAsAbove() {
        TargetSchedule.Step st = new TargetSchedule.Step(0, 1, 100);
        TargetAttainment.Step s = TargetAttainment.step(st, 1, new double[] {50, 80, 100, 120, 150, 151});
        assertEquals(3, s.within().count());
        assertEquals(1, s.above().count());
        assertEquals(6, s.within().total());
        assertEquals("within ±20 % of 100 ng/mL", s.within().what());
    }

    @Test
    void effectSiteTargetsAreReadAtTheEffectSite() {
        IndividualModel ind = Simulation.standard().individualize(Models.OTTO_2021, Patient.standardAdult());
        EffectLink link = new EffectLink(6, EffectLink.Basis.GUESSED, "a test value");
        TargetPlan plan = TargetController.effectSite(ind, PumpSettings.standard(), link).plan(
                TargetSchedule.constant(150, 0.5), 1);
        PopulationSimulation pop = population(plan, 10);
        TargetAttainment a = TargetAttainment.of(plan, pop, Runnable::run);
        Regimen r = plan.regimen();
        double[] ce = new double[10];
        for (int i = 0; i < 10; i++) {
            ce[i] = EffectSites.concentrations(pop.individual(i), r, TimeGrid.of(0.5), 6)
                    .series(Analyte.KETAMINE).ngPerMl()[0] / 150;
        }
        Arrays.sort(ce);
        assertEquals(TargetController.Mode.EFFECT_SITE, a.mode());
        assertEquals((ce[4] + ce[5]) / 2, a.steps().get(0).ratio().median(), 1e-9);
    }

    /** The plan's schedule was given to patients of another model before, and reported as the plan's spread. */
    @Test
    void aPopulationOfAnotherModelIsRefused() {
        TargetPlan plan = plan();
        PopulationSimulation other = PopulationSimulation.of(Models.KAMP_2020, Collections.nCopies(3,
                Patient.standardAdult()), plan.regimen(), TimeGrid.uniform(4, 1.0 / 60), 7);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TargetAttainment.of(plan, other,
                Runnable::run));
        assertEquals("population must be of the plan's model, otto-2021, but is of kamp-2020", e.getMessage());
    }
}
