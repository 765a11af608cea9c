package org.ketaminepk.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import org.ketaminepk.base.Route;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;

/**
 * Plasma targeting holds any target on any intravenous model, for any update interval, without overshoot; where the
 * maximum rate cannot reach the target in one interval, the pump runs at its maximum until it does.
 */
class TargetProperties {

    @Provide
    Arbitrary<PublishedModel> intravenousModels() {
        List<PublishedModel> iv = new ArrayList<>();
        for (PublishedModel m : Models.all()) {
            if (m.routes().containsKey(Route.INTRAVENOUS)) {
                iv.add(m);
            }
        }
        return Arbitraries.of(iv);
    }

    @Property(tries = 25)
    void plasmaTargetIsHeldWithinOnePercentAndNeverExceeded(@ForAll("intravenousModels") PublishedModel model,
            @ForAll @DoubleRange(min = 10, max = 2000) double target, @ForAll @IntRange(min = 2, max = 60) int updateS,
            @ForAll @DoubleRange(min = 40, max = 120) double weightKg) {
        IndividualModel ind = model.individualize(Patient.standardAdult().withWeightKg(weightKg),
                org.ketaminepk.model.PatientAdjuster.NONE);
        PumpSettings pump = PumpSettings.standard().withSyringe(50, org.ketaminepk.dosing.DrugSalt.BASE)
                .withUpdateIntervalH(updateS / 3600.0);
        TargetController c = TargetController.plasma(ind, pump);
        TargetPlan plan = c.plan(TargetSchedule.constant(target, 0.5), 0.5);
        double[] cp = plan.plasmaNgPerMl();
        double[] rates = plan.ratesMlPerH();
        TargetPlan.StepOutcome o = plan.outcomes().get(0);
        assertTrue(o.reached(), model.id() + " never reached " + target);
        int first = (int) Math.round(o.reachedH().getAsDouble() / pump.updateIntervalH());
        assertTrue(first == 1 || o.limitedByMaxRate(), "reached late without the maximum rate binding");
        TargetController.State s = c.initialState();
        for (int k = 0; k < rates.length; k++) {
            if (k >= first) {
                assertEquals(target, cp[k], 0.01 * target, model.id() + " at update " + k);
            } else if (k < first - 1) {
                assertEquals(pump.maxRateMlPerH(), rates[k], 1e-9, "below the maximum rate before the target");
            }
            for (double v : c.within(s, rates[k])[0]) {
                assertTrue(v <= target * (1 + 1e-9), model.id() + ": " + v + " ng/mL above " + target);
            }
            s = c.advance(s, rates[k]);
        }
    }

    /**
     * Doses that reach plasma through a depot: the rate that brought plasma to the target at the end of one interval
     * left the depot full, and plasma rose to 6 to 34 times the target without ever coming within 1 % of it.
     */
    @Property(tries = 40)
    void throughADepotThePlasmaTargetIsReachedWithinOnePercentAndNeverExceeded(
            @ForAll @DoubleRange(min = 3, max = 120) double absorptionPerH,
            @ForAll @DoubleRange(min = 10, max = 2000) double target, @ForAll @IntRange(min = 2, max = 60) int updateS) {
        PumpSettings pump = PumpSettings.standard().withSyringe(50, org.ketaminepk.dosing.DrugSalt.BASE)
                .withUpdateIntervalH(updateS / 3600.0);
        TargetController c = TargetController.plasma(ManualSchemeTest.throughADepot(absorptionPerH), pump);
        TargetPlan plan = c.plan(TargetSchedule.constant(target, 3), 3);
        double[] cp = plan.plasmaNgPerMl();
        double[] rates = plan.ratesMlPerH();
        TargetPlan.StepOutcome o = plan.outcomes().get(0);
        assertTrue(o.reached(), () -> "never reached " + target + " ng/mL; at most " + plan.maxPlasmaNgPerMl());
        int first = (int) Math.round(o.reachedH().getAsDouble() / pump.updateIntervalH());
        TargetController.State s = c.initialState();
        for (int k = 0; k < rates.length; k++) {
            int at = k;
            if (k >= first) {
                assertEquals(target, cp[k], 0.01 * target, () -> "at update " + at);
            }
            // the rate is found on samples of the rise; between them plasma may pass the target by a few ppm
            for (double v : c.within(s, rates[k])[0]) {
                assertTrue(v <= target * (1 + 1e-5), () -> v + " ng/mL above " + target + " at update " + at);
            }
            s = c.advance(s, rates[k]);
        }
    }
}
