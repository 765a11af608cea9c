package org.ketaminepk.dosing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * An infusion is delivered in full whatever its length and wherever it starts, for the library builders and the
 * parser alike; and the rate "amount over duration" implies has the ceiling of a stated rate.
 */
class ShortInfusionProperties {
    private static final Patient ADULT = Patient.standardAdult();
    private static final double WEIGHT_KG = ADULT.weightKg();

    /** Durations from the 1-s floor to the 720-h ceiling, spread evenly on a log scale. */
    @Provide
    Arbitrary<Double> durationsH() {
        // log10 of 1 s is -3.556 and of 720 h 2.857; the bounds are rounded outwards and the values clamped
        return Arbitraries.doubles().between(-3.56, 2.86).ofScale(6)
                .map(e -> Math.min(Dose.MAX_INFUSION_H, Math.max(Dose.MIN_INFUSION_H, Math.pow(10, e))))
                .edgeCases(c -> c.add(Dose.MIN_INFUSION_H, Dose.MAX_INFUSION_H));
    }

    /** Start times anywhere up to the ten-year horizon, with those where doubles are sparsest among the edges. */
    @Provide
    Arbitrary<Double> startsH() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, Dose.MAX_TIME_H),
                Arbitraries.doubles().between(Dose.MAX_TIME_H - 1000, Dose.MAX_TIME_H),
                Arbitraries.of(0.0, 10.0, 10_000.0, 65_536.0, Dose.MAX_TIME_H));
    }

    @Provide
    Arbitrary<PublishedModel> models() {
        return Arbitraries.of(Models.DEFAULT, Models.DOMINO_1984, Models.KAMP_2020);
    }

    @Property(tries = 100)
    void everyAcceptedInfusionIsDeliveredInFull(@ForAll("durationsH") double durationH,
            @ForAll("startsH") double startH, @ForAll("models") PublishedModel model,
            @ForAll @IntRange(min = 1, max = 3) int count) {
        // the largest amount the ceiling allows over this duration, capped at the largest accepted amount
        double mg = Math.min(Amount.MAX_MG, 0.999 * Rate.MAX_MG_PER_H * durationH);
        double intervalH = durationH + 1;
        // the whole course within the longest simulated time, so that its end can be observed
        Assume.that(startH + (count - 1) * intervalH + durationH <= TimeGrid.MAX_TIME_H);
        Regimen r = Regimen.repeat(Dose.infusion(Amount.mg(mg), durationH, startH), intervalH, count);
        assertDeliveredInFull(model, r);
    }

    @Property(tries = 100)
    void writtenInfusionsAreDeliveredInFullOrRefused(@ForAll @IntRange(min = 1, max = 3600) int seconds,
            @ForAll @IntRange(min = 0, max = 3652) int startDay, @ForAll("models") PublishedModel model) {
        String spec = String.format(Locale.ROOT, "0.25 mg over %d s at %d d daily x2", seconds, startDay);
        double perH = 0.25 / (seconds / 3600.0);
        if (perH > Rate.MAX_MG_PER_H || startDay + 1 > Dose.MAX_TIME_H / 24) {
            assertThrows(DoseParser.ParseException.class, () -> DoseParser.parse(spec));
            return;
        }
        Regimen r = DoseParser.parse(spec);
        assertEquals(2, r.doses().size());
        assertDeliveredInFull(model, r);
    }

    @Property(tries = 500)
    void theImpliedRateIsHeldToTheCeilingOfAStatedRate(@ForAll("durationsH") double anyDurationH,
            @ForAll("startsH") double startH, @ForAll boolean perKg) {
        double ceiling = perKg ? Rate.MAX_MG_PER_KG_PER_H : Rate.MAX_MG_PER_H;
        double cap = perKg ? Amount.MAX_MG_PER_KG : Amount.MAX_MG;
        // the ceiling can only be passed by durations short enough that the largest amount exceeds it: fold the
        // drawn duration into that range, from the shortest accepted one up to the largest amount at the ceiling
        double longestH = cap / (1.001 * ceiling);
        double durationH = Dose.MIN_INFUSION_H
                * Math.pow(longestH / Dose.MIN_INFUSION_H, Math.log(anyDurationH / Dose.MIN_INFUSION_H)
                        / Math.log(Dose.MAX_INFUSION_H / Dose.MIN_INFUSION_H));
        double under = Math.min(cap, 0.999 * ceiling * durationH);
        Amount ok = perKg ? Amount.mgPerKg(under) : Amount.mg(under);
        assertEquals(under / durationH, Dose.infusion(ok, durationH, startH).uncappedMgPerH(1),
                1e-9 * under / durationH);
        double over = 1.001 * ceiling * durationH;
        Assume.that(over <= cap);
        Amount tooMuch = perKg ? Amount.mgPerKg(over) : Amount.mg(over);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Dose.infusion(tooMuch, durationH, startH));
        assertEquals("infusion rate", e.field());
    }

    private static void assertDeliveredInFull(PublishedModel model, Regimen r) {
        double endH = r.endH();
        double[] t = {0, r.doses().get(0).timeH(), (r.doses().get(0).timeH() + endH) / 2, endH,
            Math.min(endH + 1, TimeGrid.MAX_TIME_H)};
        Profile p = Simulation.run(model, ADULT, r, TimeGrid.of(Arrays.stream(t).sorted().distinct().toArray()))
                .profile();
        double reportedUmol = Analyte.KETAMINE.mgToUmol(r.totalMg(WEIGHT_KG));
        int last = p.size() - 1;
        assertEquals(reportedUmol, p.inputUmol(last), 1e-9 * reportedUmol, r.toString());
        assertEquals(0, p.massBalanceErrorUmol(last), 1e-9 * reportedUmol, r.toString());
    }
}
