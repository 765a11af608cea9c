package org.ketaminepk.target;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.Warning;

/**
 * The result of running a {@link TargetSchedule} through a {@link TargetController}: the pump rate of every update
 * interval, the predicted concentrations at every update, when each target was reached and whether the maximum rate
 * held it back. The pump schedule converts to a {@link Regimen} and to protocol text that {@code ProtocolText}
 * reads back. Immutable (arrays are copied on the way out).
 *
 * <p>Units: time h, rates mL/h and mg/h of the syringe's stated form (base or hydrochloride), amounts mg of that
 * form (and of base), concentrations ng/mL. The effect site (predicted only with an effect link) and norketamine
 * (predicted only by a model that has it) are {@link Optional}s, so a plan without them is asked, never refused.
 */
public final class TargetPlan {
    /** Significant digits of the amounts written to protocol text (a relative rounding of at most 5e-7). */
    static final int PROTOCOL_DIGITS = 7;

    /**
     * A run of equal consecutive pump rates.
     *
     * @param startH start, h
     * @param endH end, h
     * @param rateMlPerH rate, mL/h
     * @param rateMgPerH rate, mg/h of the syringe's stated form
     * @param cumulativeMg amount given from time 0 to the end of this segment, mg of the stated form
     */
    public record Segment(double startH, double endH, double rateMlPerH, double rateMgPerH, double cumulativeMg) {
        /** @return the amount given in this segment, mg of the stated form */
        public double amountMg() {
            return rateMgPerH * (endH - startH);
        }
    }

    /**
     * How one target step went.
     *
     * @param step the step
     * @param reachedH when the targeted concentration first came within {@link TargetController#REACHED_TOLERANCE}
     *                 of the target at a pump update, h; empty if it did not during the step
     * @param limitedByMaxRate whether the maximum rate held the pump back during the step
     * @param predictedPeakH for the first step in effect-site mode, when the first interval's effect-site peak was
     *                       predicted, h; empty otherwise
     */
    public record StepOutcome(TargetSchedule.Step step, OptionalDouble reachedH, boolean limitedByMaxRate,
            OptionalDouble predictedPeakH) {
        /** Requires every part (an absent time is an empty OptionalDouble, not null). */
        public StepOutcome {
            Checks.notNull("step", step);
            Checks.notNull("reached time", reachedH);
            Checks.notNull("predicted peak time", predictedPeakH);
        }

        /** @return whether the target was reached during the step */
        public boolean reached() {
            return reachedH.isPresent();
        }
    }

    private final TargetController controller;
    private final TargetSchedule schedule;
    private final double[] timesH;
    private final double[] ratesMlPerH;
    private final double[] targets;
    private final double[] plasma;
    private final double[] effectSite;
    private final double[] norketamine;
    private final List<Segment> segments;
    private final List<StepOutcome> outcomes;

    TargetPlan(TargetController controller, TargetSchedule schedule, double[] timesH, double[] ratesMlPerH,
            double[] targets, boolean[] limited, double[] plasma, double[] effectSite, double[] norketamine,
            double firstPeakH) {
        this.controller = controller;
        this.schedule = schedule;
        this.timesH = timesH;
        this.ratesMlPerH = ratesMlPerH;
        this.targets = targets;
        this.plasma = plasma;
        this.effectSite = effectSite;
        this.norketamine = norketamine;
        this.segments = merge(timesH, ratesMlPerH, controller.pump().syringeMgPerMl());
        double[] controlled = controller.mode() == TargetController.Mode.PLASMA ? plasma : effectSite;
        List<StepOutcome> out = new ArrayList<>();
        for (int i = 0; i < schedule.steps().size(); i++) {
            TargetSchedule.Step st = schedule.steps().get(i);
            double reached = Double.NaN;
            boolean lim = false;
            for (int k = 0; k < timesH.length; k++) {
                double t = timesH[k];
                if (t < st.startH() - 1e-12 || t > st.endH() + 1e-12) {
                    continue;
                }
                if (k < limited.length && t < st.endH() - 1e-12 && limited[k]) {
                    lim = true;
                }
                if (Double.isNaN(reached) && t > st.startH() + 1e-12 && Math.abs(controlled[k]
                        - st.targetNgPerMl()) <= TargetController.REACHED_TOLERANCE * st.targetNgPerMl()) {
                    reached = t;
                }
            }
            double peak = i == 0 && st.startH() == 0 ? firstPeakH : Double.NaN;
            out.add(new StepOutcome(st, present(reached), lim, present(peak)));
        }
        this.outcomes = List.copyOf(out);
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static List<Segment> merge(double[] t, double[] rates, double mgPerMl) {
        List<Segment> out = new ArrayList<>();
        double cumulative = 0;
        int k = 0;
        while (k < rates.length) {
            int j = k;
            while (j + 1 < rates.length && rates[j + 1] == rates[k]) {
                j++;
            }
            double mgPerH = rates[k] * mgPerMl;
            cumulative += mgPerH * (t[j + 1] - t[k]);
            out.add(new Segment(t[k], t[j + 1], rates[k], mgPerH, cumulative));
            k = j + 1;
        }
        return List.copyOf(out);
    }

    /** @return the controller that made the plan */
    public TargetController controller() {
        return controller;
    }

    /** @return the pump's update interval, h */
    public double pumpInterval() {
        return controller.pump().updateIntervalH();
    }

    /** @return the targets */
    public TargetSchedule schedule() {
        return schedule;
    }

    /** @return the pump updates and the end of the prediction, h */
    public double[] timesH() {
        return timesH.clone();
    }

    /** @return the rate of each update interval ({@code timesH[k]} to {@code timesH[k+1]}), mL/h */
    public double[] ratesMlPerH() {
        return ratesMlPerH.clone();
    }

    /** @return the target of each update interval, ng/mL */
    public double[] targetsNgPerMl() {
        return targets.clone();
    }

    /** @return the predicted plasma ketamine concentration at each time of {@link #timesH()}, ng/mL */
    public double[] plasmaNgPerMl() {
        return plasma.clone();
    }

    /** @return whether the plan predicts the effect site (the controller has an effect link) */
    public boolean hasEffectSite() {
        return effectSite != null;
    }

    /**
     * @return the predicted ketamine effect-site concentration at each time of {@link #timesH()}, ng/mL; empty when
     *         the controller has no effect link
     */
    public Optional<double[]> effectSiteNgPerMl() {
        return effectSite == null ? Optional.empty() : Optional.of(effectSite.clone());
    }

    /** @return whether the plan predicts norketamine (the model does) */
    public boolean hasNorketamine() {
        return norketamine != null;
    }

    /**
     * @return the predicted norketamine concentration at each time of {@link #timesH()}, ng/mL; empty when the model
     *         does not predict norketamine
     */
    public Optional<double[]> norketamineNgPerMl() {
        return norketamine == null ? Optional.empty() : Optional.of(norketamine.clone());
    }

    /** @return the pump schedule, equal consecutive rates merged */
    public List<Segment> segments() {
        return segments;
    }

    /** @return the segments with a rate above 0 */
    public List<Segment> runningSegments() {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) {
            if (s.rateMlPerH() > 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** @return how each target step went */
    public List<StepOutcome> outcomes() {
        return outcomes;
    }

    /** @return the model's and the link's warnings */
    public List<Warning> warnings() {
        return controller.warnings();
    }

    /** @return the total volume given, mL */
    public double totalMl() {
        double s = 0;
        for (Segment g : segments) {
            s += g.rateMlPerH() * (g.endH() - g.startH());
        }
        return s;
    }

    /** @return the total amount given, mg of the syringe's stated form */
    public double totalMg() {
        return totalMl() * controller.pump().syringeMgPerMl();
    }

    /** @return the total amount given, mg of base */
    public double totalBaseMg() {
        return totalMl() * controller.pump().baseMgPerMl();
    }

    /** @return the highest predicted plasma concentration, ng/mL */
    public double maxPlasmaNgPerMl() {
        return max(plasma);
    }

    /** @return the highest predicted effect-site concentration, ng/mL; empty when the plan has no effect site */
    public OptionalDouble maxEffectSiteNgPerMl() {
        return effectSite == null ? OptionalDouble.empty() : OptionalDouble.of(max(effectSite));
    }

    /** @return the highest predicted norketamine concentration, ng/mL; empty when the model does not predict it */
    public OptionalDouble maxNorketamineNgPerMl() {
        return norketamine == null ? OptionalDouble.empty() : OptionalDouble.of(max(norketamine));
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The pump schedule as doses: each running segment is an intravenous infusion of its amount over its duration,
     * stated in the syringe's form (so a hydrochloride syringe is converted to base as any dose is).
     *
     * @return the regimen
     */
    public Regimen regimen() {
        List<Dose> doses = new ArrayList<>();
        DrugSalt salt = controller.pump().salt();
        for (Segment s : runningSegments()) {
            doses.add(Dose.infusion(Amount.mg(s.amountMg()), s.endH() - s.startH(), s.startH()).withSalt(salt));
        }
        return Regimen.of(doses);
    }

    /**
     * The pump schedule as protocol text (one "AMOUNT mg over TIME s at TIME s" line per running segment, amounts to
     * {@value #PROTOCOL_DIGITS} significant digits), which {@code ProtocolText} reads back and {@code simulate} and
     * {@code compare} reproduce.
     *
     * @param name the protocol's name (first line)
     * @return the text
     */
    public String protocolText(String name) {
        String title = name == null || name.isBlank() ? "target-controlled infusion" : name.strip();
        StringBuilder b = new StringBuilder();
        b.append("# pump schedule for ").append(schedule).append(" (").append(controller.mode().label())
                .append(" target, model ").append(controller.modelId()).append(", syringe ")
                .append(Checks.fmt(controller.pump().syringeMgPerMl())).append(" mg/mL")
                .append(controller.pump().salt() == DrugSalt.HYDROCHLORIDE ? " hydrochloride" : "").append(")\n");
        b.append("# written by ketamine-pk target; a teaching and review tool, not a dosing device\n");
        b.append(title.replace('#', ' ').replace('\n', ' ')).append('\n');
        String hcl = controller.pump().salt() == DrugSalt.HYDROCHLORIDE ? " HCl" : "";
        for (Segment s : runningSegments()) {
            b.append(String.format(Locale.ROOT, "%s mg over %s s at %s s%s   # %s mL/h%n", plain(s.amountMg()),
                    plain((s.endH() - s.startH()) * 3600), plain(s.startH() * 3600), hcl,
                    plain(s.rateMlPerH())));
        }
        return b.toString();
    }

    private static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(PROTOCOL_DIGITS)).stripTrailingZeros().toPlainString();
    }
}
