package org.ketaminepk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.result.Series;

/**
 * Decrement times: how long after stopping a constant-rate intravenous infusion of a given length the concentration
 * takes to fall by a given fraction of its value at the stop. With 50 % this is the context-sensitive half-time of
 * Hughes MA, Glass PS, Jacobs JR, "Context-sensitive half-time in multicompartment pharmacokinetic models for
 * intravenous anesthetic drugs", Anesthesiology 1992;76:334–341; with 80 % the 80 % decrement time. An infusion of
 * length 0 is a bolus.
 *
 * <p>The models are linear, so the times do not depend on the rate; they are computed with the library's exact
 * solver on a grid that starts at the stop, read every second for the first 10 minutes (the fast distribution
 * after a bolus) and every 30 s after that, the crossing interpolated linearly ({@link Series#timeToFallBelowH}). A metabolite still forming after the stop first rises; its decrement time is
 * counted until it falls below the level for good. Stateless and thread-safe.
 *
 * <p>Not a recovery time: how far a concentration must fall for a patient to wake or recover is not known here.
 */
public final class DecrementTimes {
    /** Longest infusion accepted, h (the longest infusion a dose accepts). */
    public static final double MAX_INFUSION_H = Dose.MAX_INFUSION_H;
    /** Reading step after the stop, h (30 s). */
    static final double STEP_H = 30.0 / 3600;
    /** Reading step of the first {@link #FINE_SPAN_H} after the stop, h (1 s). */
    static final double FINE_STEP_H = 1.0 / 3600;
    /** Span read with the fine step, h (10 min). */
    static final double FINE_SPAN_H = 10.0 / 60;
    /** How many terminal half-lives after the stop are searched: 80 % needs at most log2(5) ≈ 2.3 of them. */
    static final double HALF_LIVES_SEARCHED = 5;

    private DecrementTimes() {
    }

    /**
     * The decrement times after one infusion length.
     *
     * @param infusionH infusion length, h (0 for a bolus)
     * @param halfTimeH time to fall by 50 %, h (the context-sensitive half-time)
     * @param eightyPercentH time to fall by 80 %, h
     */
    public record Point(double infusionH, OptionalDouble halfTimeH, OptionalDouble eightyPercentH) {
        /** @return e.g. "after 4 h: 50 % in 0.61 h, 80 % in 2.9 h" */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "after %s h: 50 %% in %s h, 80 %% in %s h", Checks.fmt(infusionH),
                    text(halfTimeH), text(eightyPercentH));
        }

        private static String text(OptionalDouble h) {
            return h.isPresent() ? Checks.fmt(Math.round(h.getAsDouble() * 1000) / 1000.0) : "–";
        }
    }

    /**
     * @param ind the individualised model ({@link Simulation#individualize})
     * @param analyte the analyte read
     * @param infusionH infusion length, h, 0..{@value #MAX_INFUSION_H}
     * @return the 50 % and 80 % decrement times of {@code analyte} after that infusion
     */
    public static Point of(IndividualModel ind, Analyte analyte, double infusionH) {
        Checks.notNull("model", ind);
        Checks.notNull("analyte", analyte);
        Checks.nonNegative("infusion length", infusionH, MAX_INFUSION_H, "h");
        if (infusionH > 0 && infusionH < Dose.MIN_INFUSION_H) {
            infusionH = 0; // shorter than a second: a bolus, as an infusion would refuse it
        }
        Regimen regimen = Regimen.of(infusionH == 0 ? Dose.bolus(Amount.mg(1), 0)
                : Dose.infusion(Rate.mgPerH(1), infusionH, 0));
        Simulation sim = Simulation.standard();
        SimulationResult probe = sim.simulate(ind, regimen, TimeGrid.of(infusionH));
        OptionalDouble halfLife = probe.disposition().terminalHalfLifeH(analyte);
        double atStop = probe.profile().series(analyte).ngPerMl(0);
        if (halfLife.isEmpty() || !(atStop > 0)) {
            return new Point(infusionH, OptionalDouble.empty(), OptionalDouble.empty());
        }
        double spanH = Math.max(1, HALF_LIVES_SEARCHED * halfLife.getAsDouble());
        int fine = (int) Math.round(FINE_SPAN_H / FINE_STEP_H);
        int n = fine + (int) Math.ceil((spanH - FINE_SPAN_H) / STEP_H) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = infusionH + (i <= fine ? i * FINE_STEP_H : FINE_SPAN_H + (i - fine) * STEP_H);
        }
        Series s = sim.simulate(ind, regimen, TimeGrid.of(t)).profile().series(analyte);
        return new Point(infusionH, fall(s, atStop * 0.5, infusionH), fall(s, atStop * 0.2, infusionH));
    }

    /**
     * @param lengthsH infusion lengths, h
     * @return the decrement times of {@code analyte} after each length, in the order given
     */
    public static List<Point> curve(IndividualModel ind, Analyte analyte, double... lengthsH) {
        Checks.notNull("infusion lengths", lengthsH);
        List<Point> out = new ArrayList<>();
        for (double l : lengthsH) {
            out.add(of(ind, analyte, l));
        }
        return out;
    }

    private static OptionalDouble fall(Series s, double levelNgPerMl, double stopH) {
        return s.timeToFallBelowH(levelNgPerMl, stopH);
    }
}
