package org.ketaminepk.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.ProtocolText;

/** Target-controlled infusion checked against closed forms and the library's exact solver. */
class TargetControllerTest {
    static final double M = Analyte.KETAMINE.molarMassGPerMol();

    static IndividualModel individual(PublishedModel model) {
        return Simulation.standard().individualize(model, Patient.standardAdult());
    }

    /** One compartment, V litres, clearance CL L/h, intravenous doses into it. */
    static CompartmentSystem oneCompartment(double volumeL, double clearanceLPerH) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int s = b.sink("eliminated", Analyte.KETAMINE);
        b.eliminate(c, s, clearanceLPerH / volumeL);
        b.observe(Analyte.KETAMINE, c, volumeL);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        return b.build();
    }

    static double[] simulatePlasma(IndividualModel ind, Regimen regimen, double[] times) {
        return Simulation.standard().simulate(ind, regimen, TimeGrid.of(times)).profile().series(Analyte.KETAMINE)
                .ngPerMl();
    }

    @Test
    void oneCompartmentGivesTheLoadingDoseCVAndTheMaintenanceRateCCl() {
        double v = 50;
        double cl = 25;
        double target = 100; // ng/mL = 0.1 mg/L
        PumpSettings pump = PumpSettings.standard();
        TargetPlan plan = TargetController.plasma(oneCompartment(v, cl), pump).plan(TargetSchedule.constant(target,
                2), 2);
        double dt = pump.updateIntervalH();
        double kdt = cl / v * dt;
        double firstMg = plan.ratesMlPerH()[0] * pump.syringeMgPerMl() * dt;
        // exactly C·V·kΔ/(1 − e^{−kΔ}), which tends to the loading dose C·V as Δ → 0
        assertEquals(0.1 * v * kdt / -Math.expm1(-kdt), firstMg, 1e-9 * firstMg);
        assertEquals(0.1 * v, firstMg, 1e-3 * 0.1 * v);
        double maintenanceMgPerH = 0.1 * cl;
        for (int k = 1; k < plan.ratesMlPerH().length; k++) {
            assertEquals(maintenanceMgPerH, plan.ratesMlPerH()[k] * pump.syringeMgPerMl(), 1e-9 * maintenanceMgPerH);
        }
    }

    @Test
    void plasmaTargetIsHeldWithinOnePercentAtEveryUpdateAndNeverOvershoots() {
        IndividualModel ind = individual(Models.DEFAULT);
        double target = 150;
        TargetController tci = TargetController.plasma(ind, PumpSettings.standard().withRateStepMlPerH(0.1));
        TargetPlan plan = tci.plan(TargetSchedule.constant(target, 4), 5);
        double[] t = plan.timesH();
        double[] sim = simulatePlasma(ind, plan.regimen(), t);
        for (int k = 1; k < t.length; k++) {
            assertEquals(plan.plasmaNgPerMl()[k], sim[k], 1e-6 * target + 1e-9 * sim[k], "prediction at " + t[k]);
            if (t[k] <= 4 + 1e-9) {
                assertEquals(target, sim[k], 0.01 * target, "at " + t[k] + " h");
            }
        }
        double[] everySecond = TimeGrid.uniform(5, 1.0 / 3600).times();
        double[] fine = simulatePlasma(ind, plan.regimen(), everySecond);
        double max = 0;
        for (double c : fine) {
            max = Math.max(max, c);
        }
        assertTrue(max <= target * (1 + 1e-6), "plasma overshoot to " + max);
        assertTrue(plan.hasNorketamine());
        assertTrue(plan.norketamineNgPerMl().orElseThrow()[plan.timesH().length - 1] > 0);
        TargetPlan.StepOutcome o = plan.outcomes().get(0);
        assertEquals(plan.pumpInterval(), o.reachedH().getAsDouble(), 1e-12);
        assertFalse(o.limitedByMaxRate());
    }

    @Test
    void theProtocolTextReproducesThePlan() {
        IndividualModel ind = individual(Models.DEFAULT);
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard().withRateStepMlPerH(0.1))
                .plan(TargetSchedule.parse("100 ng/mL for 30 min, then 150 ng/mL for 1 h, then 0"), 2);
        Regimen read = ProtocolText.parse(plan.protocolText("tci"), "tci.txt").regimen();
        double[] t = plan.timesH();
        double[] sim = simulatePlasma(ind, read, t);
        for (int k = 0; k < t.length; k++) {
            assertEquals(plan.plasmaNgPerMl()[k], sim[k], 1e-5 * Math.max(sim[k], 1), "at " + t[k] + " h");
        }
        assertEquals(plan.totalBaseMg(), read.totalMg(70), 1e-5 * plan.totalBaseMg());
    }

    @Test
    void aStepDownStopsThePumpUntilTheConcentrationHasFallen() {
        IndividualModel ind = individual(Models.DEFAULT);
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard())
                .plan(TargetSchedule.parse("150 ng/mL for 1 h, then 75 ng/mL for 1 h"), 2);
        double[] t = plan.timesH();
        double[] r = plan.ratesMlPerH();
        double[] cp = plan.plasmaNgPerMl();
        int down = (int) Math.round(1 / PumpSettings.DEFAULT_UPDATE_INTERVAL_H);
        assertEquals(0, r[down]);
        int resume = down;
        while (r[resume] == 0) {
            assertTrue(cp[resume] >= 75 * (1 - TargetController.HOLD_BAND), "pump off below target at " + t[resume]);
            resume++;
        }
        assertTrue(t[resume] < 2, "the pump never resumed");
        for (int k = resume + 1; k < r.length; k++) {
            assertEquals(75, cp[k], 0.75, "at " + t[k]);
        }
    }

    @Test
    void aMaximumRateThatCannotReachTheTargetAtOnceSaysSoAndWhenItWasReached() {
        IndividualModel ind = individual(Models.DEFAULT);
        TargetPlan plan = TargetController.plasma(ind, PumpSettings.standard().withMaxRateMlPerH(10))
                .plan(TargetSchedule.constant(150, 2), 2);
        TargetPlan.StepOutcome o = plan.outcomes().get(0);
        assertTrue(o.limitedByMaxRate());
        assertTrue(o.reached());
        assertTrue(o.reachedH().getAsDouble() > 10 * plan.pumpInterval(), "reached at " + o.reachedH().getAsDouble());
        double[] t = plan.timesH();
        double[] sim = simulatePlasma(ind, plan.regimen(), t);
        int first = -1;
        for (int k = 1; k < t.length; k++) {
            if (Math.abs(sim[k] - 150) <= 1.5) {
                first = k;
                break;
            }
        }
        assertEquals(o.reachedH().getAsDouble(), t[first], 1e-12);
        for (int k = 0; k < first - 1; k++) {
            assertEquals(10, plan.ratesMlPerH()[k], 1e-12, "the pump ran below its maximum before the target");
        }
    }

    @Test
    void effectSiteReachesTheTargetAtThePredictedPeakWithoutOvershooting() {
        IndividualModel ind = individual(Models.DOMINO_1984);
        EffectLink link = new EffectLink(0.238 * 60, EffectLink.Basis.FITTED, "Navarrete 2025");
        double target = 200;
        TargetController tci = TargetController.effectSite(ind, PumpSettings.standard(), link);
        TargetPlan plan = tci.plan(TargetSchedule.constant(target, 2), 2);
        double predicted = plan.outcomes().get(0).predictedPeakH().getAsDouble();
        TimeGrid grid = TimeGrid.uniform(2, 1.0 / 3600);
        double[] ce = EffectSites.concentrations(ind, plan.regimen(), grid, link.ke0PerH()).series(Analyte.KETAMINE)
                .ngPerMl();
        int peak = 0;
        for (int i = 0; i < ce.length; i++) {
            assertTrue(ce[i] <= target * 1.01, "effect site " + ce[i] + " at " + grid.time(i));
            if (grid.time(i) <= 10.0 / 60 && ce[i] > ce[peak]) {
                peak = i;
            }
        }
        // the first interval's effect-site peak: at the predicted time, at the target
        assertEquals(predicted, grid.time(peak), 2.0 / 3600, "peak at " + grid.time(peak) * 60 + " min");
        assertEquals(target, ce[peak], 0.01 * target);
        double[] cp = simulatePlasma(ind, plan.regimen(), new double[] {plan.pumpInterval()});
        assertTrue(cp[0] > 2 * target, "the plasma overshoot that drives the effect site: " + cp[0]);
    }

    @Test
    void aPlasmaLimitCapsTheOvershootAndDelaysTheEffectSite() {
        IndividualModel ind = individual(Models.DOMINO_1984);
        EffectLink link = new EffectLink(0.238 * 60, EffectLink.Basis.FITTED, "Navarrete 2025");
        double target = 200;
        TargetPlan free = TargetController.effectSite(ind, PumpSettings.standard(), link)
                .plan(TargetSchedule.constant(target, 1), 1);
        TargetPlan limited = TargetController.effectSite(ind, PumpSettings.standard(), link, 1.5)
                .plan(TargetSchedule.constant(target, 1), 1);
        double[] fine = simulatePlasma(ind, limited.regimen(), TimeGrid.uniform(1, 1.0 / 3600).times());
        for (double c : fine) {
            assertTrue(c <= 1.5 * target * (1 + 1e-6), "plasma " + c);
        }
        assertTrue(limited.outcomes().get(0).reachedH().getAsDouble()
                > free.outcomes().get(0).reachedH().getAsDouble());
        assertTrue(limited.maxEffectSiteNgPerMl().orElseThrow() <= target * 1.01);
    }

    @Test
    void theFirstIntervalPeaksWhenThePapersAndPeersSayIt() {
        IndividualModel ind = individual(Models.DOMINO_1984);
        double ke0 = 0.238 * 60;
        PumpSettings pump = PumpSettings.standard();
        double dt = pump.updateIntervalH();
        TargetController c = TargetController.effectSite(ind, pump, new EffectLink(ke0, EffectLink.Basis.FITTED,
                "Navarrete 2025"));
        double bolusPeakH = EffectSites.timeToPeakH(ind, ke0);
        // a 10-s infusion peaks about half an interval after a bolus does
        assertEquals(bolusPeakH + dt / 2, c.unitResponsePeakH().getAsDouble(), dt / 2);
        assertEquals(c.unitResponsePeakH().getAsDouble(), c.plan(TargetSchedule.constant(100, 0.5), 0.5).outcomes()
                .get(0).predictedPeakH().getAsDouble(), 1e-12);
        // Navarrete 2025 (ke0 0.238 /min with the Domino PK set): time to peak 1.83 ± 0.74 min after 0.1 mg/kg
        assertEquals(1.83, c.unitResponsePeakH().getAsDouble() * 60, 0.74);
        // opentiva ketamine.py gives Domino a ke0 of 0.652 /min "from tpeak 1 min"
        assertEquals(1.0, EffectSites.timeToPeakH(ind, 0.652 * 60) * 60, 0.1);
    }

    @Test
    void aPumpSteppedInRealTimeGivesThePlanAndSharedControllersAgree() throws Exception {
        IndividualModel ind = individual(Models.DEFAULT);
        TargetController c = TargetController.plasma(ind, PumpSettings.standard().withRateStepMlPerH(0.1));
        TargetSchedule schedule = TargetSchedule.constant(120, 0.5);
        TargetPlan plan = c.plan(schedule, 0.5);
        TargetController.State s = c.initialState();
        double running = 0;
        double[] rates = plan.ratesMlPerH();
        for (int k = 0; k < rates.length; k++) {
            double target = schedule.targetAt(s.timeH());
            // nothing runs before the first interval: the two-argument form recomputes
            TargetController.Decision d = k == 0 ? c.decide(s, target) : c.decide(s, target, running);
            assertEquals(rates[k], d.rateMlPerH(), 1e-12, "interval " + k);
            running = d.rateMlPerH();
            s = c.advance(s, running);
        }
        assertEquals(plan.plasmaNgPerMl()[rates.length], c.plasmaNgPerMl(s), 1e-9);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> c.plan(schedule, 0.5).ratesMlPerH()));
            }
            for (java.util.concurrent.Future<double[]> f : runs) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(rates, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPlanWithoutAnEffectSiteOrNorketamineSaysSoInsteadOfThrowing() {
        TargetController c = TargetController.plasma(oneCompartment(50, 25), PumpSettings.standard());
        TargetPlan plan = c.plan(TargetSchedule.constant(100, 0.5), 0.5);
        assertFalse(plan.hasEffectSite());
        assertFalse(plan.hasNorketamine());
        assertTrue(plan.effectSiteNgPerMl().isEmpty());
        assertTrue(plan.norketamineNgPerMl().isEmpty());
        assertTrue(plan.maxEffectSiteNgPerMl().isEmpty());
        assertTrue(plan.maxNorketamineNgPerMl().isEmpty());
        TargetController.State s = c.advance(c.initialState(), 10);
        assertTrue(c.effectSiteNgPerMl(s).isEmpty(), "no link: no effect site, not 0 ng/mL");
        assertTrue(c.norketamineNgPerMl(s).isEmpty());
        assertTrue(c.plasmaNgPerMl(s) > 0);
        // NaN before, for each of these
        assertTrue(c.unitResponsePeakH().isEmpty());
        assertTrue(c.decide(c.initialState(), 100).peakH().isEmpty());
        assertTrue(plan.outcomes().get(0).predictedPeakH().isEmpty());
        TargetPlan.StepOutcome late = TargetController.plasma(oneCompartment(50, 25), PumpSettings.standard()
                .withMaxRateMlPerH(1)).plan(TargetSchedule.constant(100, 0.5), 0.5).outcomes().get(0);
        assertFalse(late.reached());
        assertTrue(late.reachedH().isEmpty());
        // an effect-site concentration in the state of a controller without a link was set to 0 without a word
        TargetController.State withCe = new TargetController.State(0, new double[c.system().size()], 0.5);
        assertEquals("state holds an effect-site concentration of 0.5 µmol/L, but the controller has no effect link "
                + "to carry it; give 0", org.junit.jupiter.api.Assertions.assertThrows(
                        org.ketaminepk.base.InvalidInputException.class, () -> c.advance(withCe, 1)).getMessage());
    }

    @Test
    void aPlanWithAnEffectSiteAndNorketamineGivesBothAndTheirMaxima() {
        IndividualModel ind = individual(Models.DEFAULT);
        EffectLink link = new EffectLink(0.238 * 60, EffectLink.Basis.FITTED, "Navarrete 2025");
        TargetController c = TargetController.plasma(ind, PumpSettings.standard(), link);
        TargetPlan plan = c.plan(TargetSchedule.constant(100, 0.5), 0.5);
        double[] ce = plan.effectSiteNgPerMl().orElseThrow();
        double[] nk = plan.norketamineNgPerMl().orElseThrow();
        assertEquals(plan.timesH().length, ce.length);
        assertEquals(java.util.Arrays.stream(ce).max().orElseThrow(), plan.maxEffectSiteNgPerMl().orElseThrow());
        assertEquals(java.util.Arrays.stream(nk).max().orElseThrow(), plan.maxNorketamineNgPerMl().orElseThrow());
        TargetController.State s = c.advance(c.initialState(), 10);
        assertTrue(c.effectSiteNgPerMl(s).orElseThrow() > 0);
        assertTrue(c.norketamineNgPerMl(s).orElseThrow() >= 0);
    }

    /**
     * Doses that never reach the targeted compartment: the plasma rate was (target − 0)/0, the pump ran at its
     * maximum for ever, and a target met by the free course was 0/0 = NaN, refused as a "rate" nobody gave.
     */
    @Test
    void aSystemWhoseDosesNeverReachTheTargetedCompartmentIsRefused() {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, CompartmentSystem.Kind.CENTRAL);
        int other = b.compartment("elsewhere", Analyte.KETAMINE, CompartmentSystem.Kind.PERIPHERAL);
        b.eliminate(c, b.sink("eliminated", Analyte.KETAMINE), 0.5);
        b.eliminate(other, b.sink("lost", Analyte.KETAMINE), 0.5);
        b.observe(Analyte.KETAMINE, c, 50);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(other, 1))));
        org.ketaminepk.base.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.ketaminepk.base.InvalidInputException.class, () -> TargetController.plasma(b.build(),
                        PumpSettings.standard()));
        assertEquals("the intravenous route of the system does not bring drug to the compartment whose "
                + "ketamine concentration is targeted within one pump interval", e.getMessage());
        // a route through a depot does reach it, and is planned with rates the pump can run
        TargetPlan plan = TargetController.plasma(ManualSchemeTest.throughADepot(60), PumpSettings.standard())
                .plan(TargetSchedule.constant(100, 1), 1);
        for (double r : plan.ratesMlPerH()) {
            assertTrue(r >= 0 && r <= PumpSettings.MAX_RATE_ML_PER_H, () -> "rate " + r);
        }
        assertTrue(plan.ratesMlPerH()[0] > 0 && plan.plasmaNgPerMl()[plan.timesH().length - 1] > 0);
    }

    /**
     * A depot that empties more slowly than plasma clears (absorption 0.3/h, elimination 0.5/h) brings one interval's
     * dose to its plasma peak 2.55 h later (ln(0.5/0.3)/0.2 h): a 2-h target cannot be reached without passing it
     * afterwards, so the plan approaches it from below, says it was not reached, and never exceeds it.
     */
    @Test
    void aDepotSlowerThanTheTargetStepApproachesItFromBelow() {
        TargetPlan plan = TargetController.plasma(ManualSchemeTest.throughADepot(0.3), PumpSettings.standard())
                .plan(TargetSchedule.constant(100, 2), 2);
        assertFalse(plan.outcomes().get(0).reached());
        assertTrue(plan.maxPlasmaNgPerMl() <= 100 * (1 + 1e-5), () -> "at most " + plan.maxPlasmaNgPerMl());
        assertTrue(plan.maxPlasmaNgPerMl() > 90, () -> "at most " + plan.maxPlasmaNgPerMl());
    }

    @Test
    void aMissingLinkOrPlasmaLimitIsEmptyAndAGivenOneIsCarried() {
        IndividualModel ind = individual(Models.DOMINO_1984);
        EffectLink link = new EffectLink(0.238 * 60, EffectLink.Basis.FITTED, "Navarrete 2025");
        TargetController plain = TargetController.plasma(oneCompartment(50, 25), PumpSettings.standard());
        assertEquals(Optional.empty(), plain.link());
        assertEquals(OptionalDouble.empty(), plain.plasmaLimitFactor());
        TargetController predicting = TargetController.plasma(ind, PumpSettings.standard(), link);
        assertEquals(Optional.of(link), predicting.link());
        assertEquals(OptionalDouble.empty(), predicting.plasmaLimitFactor());
        TargetController free = TargetController.effectSite(ind, PumpSettings.standard(), link);
        assertEquals(Optional.of(link), free.link());
        assertEquals(OptionalDouble.empty(), free.plasmaLimitFactor());
        TargetController limited = TargetController.effectSite(ind, PumpSettings.standard(), link, 1.5);
        assertEquals(OptionalDouble.of(1.5), limited.plasmaLimitFactor());
    }

    @Test
    void noNaNOrNullStandsForNoLimitNoLinkOrNoRunningRate() {
        // NaN meant "no plasma limit" and "no running rate", null "no predicted effect site"; each has its own
        // overload now, and the value is refused in one line instead of switching the feature off
        IndividualModel ind = individual(Models.DOMINO_1984);
        EffectLink link = new EffectLink(0.238 * 60, EffectLink.Basis.FITTED, "Navarrete 2025");
        PumpSettings pump = PumpSettings.standard();
        assertEquals("plasma limit must be between 1 and 10 × target but was NaN", assertThrows(
                InvalidInputException.class, () -> TargetController.effectSite(ind, pump, link, Double.NaN))
                .getMessage());
        assertEquals("plasma limit must be between 1 and 10 × target but was NaN", assertThrows(
                InvalidInputException.class, () -> TargetController.effectSite(oneCompartment(50, 25), pump, link,
                        Double.NaN)).getMessage());
        assertEquals("effect link is required but was missing", assertThrows(InvalidInputException.class,
                () -> TargetController.plasma(ind, pump, null)).getMessage());
        TargetController c = TargetController.plasma(ind, pump);
        assertEquals("running rate must be between 0 and 1200 mL/h but was NaN", assertThrows(
                InvalidInputException.class, () -> c.decide(c.initialState(), 100, Double.NaN)).getMessage());
    }
}
