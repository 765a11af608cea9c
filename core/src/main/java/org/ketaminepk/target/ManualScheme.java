package org.ketaminepk.target;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.Warning;

/**
 * A plasma target for a pump without target control: a loading bolus that brings the plasma concentration to the
 * target ({@code C·V1}), then a few stepped rates and a maintenance rate, the form a clinician can program into an
 * ordinary pump (the idea of SimTIVA's and opentiva's maintenance schemes, whose windows grow with time;
 * peers-and-algorithms §5.6).
 *
 * <p>How it is chosen: the rate steps last w, 2w, 4w, ... (w = 5, 10, 15, 20 or 30 min) and the maintenance rate
 * runs to the end; each rate, taken in time order, is the one that keeps the predicted plasma concentration closest
 * to the target over its window (the smallest largest deviation, on a grid of at most 1 s, rounded to the pump's
 * step, or to {@value #DEFAULT_RATE_STEP_ML_PER_H} mL/h when the pump states none). Of all these candidates the
 * one with the fewest rates that stays within the tolerance wins; when none does, the one with the smallest deviation, and the scheme says it missed. The achieved minimum, maximum and time within
 * tolerance are computed exactly for the rounded scheme. Immutable.
 *
 * @param targetNgPerMl the plasma target, ng/mL
 * @param durationH how long the target is held, h
 * @param tolerance the accepted relative deviation (0.15 for ±15 %)
 * @param bolusMl the loading bolus, mL of syringe contents
 * @param bolusMg the loading bolus, mg of the syringe's stated form
 * @param steps the rates in time order, the last one being the maintenance rate
 * @param minNgPerMl the lowest predicted plasma concentration after the bolus, up to the end, ng/mL
 * @param maxNgPerMl the highest, ng/mL
 * @param timeWithinH time within tolerance of the target, h
 * @param withinTolerance whether the whole duration stays within tolerance
 * @param norketamineEndNgPerMl norketamine at the end, ng/mL; empty if the model does not predict it
 * @param norketamineMaxNgPerMl the highest norketamine concentration up to the end, ng/mL; empty likewise
 * @param pump the pump settings used (syringe, rate step)
 * @param modelId the model
 * @param warnings the model's warnings
 */
public record ManualScheme(double targetNgPerMl, double durationH, double tolerance, double bolusMl, double bolusMg,
        List<RateStep> steps, double minNgPerMl, double maxNgPerMl, double timeWithinH, boolean withinTolerance,
        OptionalDouble norketamineEndNgPerMl, OptionalDouble norketamineMaxNgPerMl, PumpSettings pump, String modelId,
        List<Warning> warnings) {
    /** First window lengths tried, h. */
    static final double[] FIRST_WINDOWS_H = {5.0 / 60, 10.0 / 60, 15.0 / 60, 20.0 / 60, 30.0 / 60};
    /** Shortest duration a scheme is designed for, h. */
    public static final double MIN_DURATION_H = 0.5;
    /** Longest duration a scheme is designed for, h (one day; longer infusions are best planned as a schedule). */
    public static final double MAX_DURATION_H = 24;
    /** Most rates in a scheme (4 steps and the maintenance rate). */
    public static final int MAX_RATES = 5;
    /** Largest tolerance accepted (±50 %). */
    public static final double MAX_TOLERANCE = 0.5;
    /**
     * Rate resolution a scheme is rounded to when the pump states none ({@link PumpSettings#rateStepMlPerH()} empty),
     * mL/h: a scheme is typed into an ordinary pump by hand, and 0.1 mL/h is what such a pump can be set to (an
     * assumption, the same as the command line's default rate step).
     */
    public static final double DEFAULT_RATE_STEP_ML_PER_H = 0.1;
    /** Resolution of the bolus, mg of the stated form. */
    static final double BOLUS_STEP_MG = 0.1;

    /**
     * One constant rate.
     *
     * @param startH start, h
     * @param endH end, h
     * @param rateMlPerH rate, mL/h
     * @param rateMgPerH rate, mg/h of the syringe's stated form
     */
    public record RateStep(double startH, double endH, double rateMlPerH, double rateMgPerH) {
    }

    /** Copies the lists. */
    public ManualScheme {
        Checks.notNull("norketamine at the end", norketamineEndNgPerMl);
        Checks.notNull("norketamine maximum", norketamineMaxNgPerMl);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * Designs a scheme.
     *
     * @param controller a plasma-mode controller of the model (its pump gives the syringe, rate step and maximum)
     * @param targetNgPerMl the plasma target, ng/mL
     * @param durationH how long, h, from 30 min to 24 h
     * @param tolerance accepted relative deviation, in (0, 0.5]
     * @return the scheme
     */
    public static ManualScheme design(TargetController controller, double targetNgPerMl, double durationH,
            double tolerance) {
        Checks.notNull("controller", controller);
        if (controller.mode() != TargetController.Mode.PLASMA) {
            throw InvalidInputException.statement("controller", controller.mode().label(), "must target plasma "
                    + "(a manual scheme holds the plasma concentration) but targets the "
                    + controller.mode().label());
        }
        Checks.inRange("target", targetNgPerMl, TargetSchedule.MIN_TARGET_NG_PER_ML,
                TargetSchedule.MAX_TARGET_NG_PER_ML, "ng/mL");
        Checks.inRange("target duration", durationH, MIN_DURATION_H, MAX_DURATION_H, "h");
        Checks.positive("tolerance", tolerance, MAX_TOLERANCE, "(fraction of the target)");
        if (!controller.dosesEnterCentral()) {
            // C·V1 divided by an input of 0 into the targeted compartment asked for a bolus of 9.2e17 mg
            throw new InvalidInputException("model", "a manual scheme's loading bolus brings the targeted "
                    + "compartment to the target at once, but the intravenous route of " + controller.modelId()
                    + " does not put drug into it");
        }
        PumpSettings pump = controller.pump();
        double mgPerMl = pump.syringeMgPerMl();
        double bolusMg = Math.max(BOLUS_STEP_MG, Math.round(controller.loadingMl(targetNgPerMl) * mgPerMl
                / BOLUS_STEP_MG) * BOLUS_STEP_MG);
        double bolusMl = bolusMg / mgPerMl;
        int totalSteps = (int) Math.round(durationH / controller.fineStepH());
        Evaluation best = null;
        for (int rates = 2; rates <= MAX_RATES; rates++) {
            for (double w : FIRST_WINDOWS_H) {
                List<double[]> windows = windows(w, rates, durationH, controller.fineStepH());
                if (windows == null) {
                    continue;
                }
                Evaluation e = candidate(controller, targetNgPerMl, tolerance, bolusMl, windows, totalSteps);
                if (best == null || e.better(best)) {
                    best = e;
                }
            }
            if (best != null && best.within) {
                break;
            }
        }
        List<RateStep> steps = new ArrayList<>();
        for (int i = 0; i < best.rates.length; i++) {
            double[] win = best.windows.get(i);
            steps.add(new RateStep(win[0] * controller.fineStepH(), win[1] * controller.fineStepH(), best.rates[i],
                    best.rates[i] * mgPerMl));
        }
        return new ManualScheme(targetNgPerMl, durationH, tolerance, bolusMl, bolusMg, steps, best.min, best.max,
                best.withinSteps * controller.fineStepH(), best.within, present(best.nkEnd), present(best.nkMax), pump,
                controller.modelId(), controller.warnings());
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Windows of w, 2w, 4w, ... as fine-step indices {start, end}; null if they do not give {@code rates} rates. */
    private static List<double[]> windows(double firstH, int rates, double durationH, double stepH) {
        List<double[]> out = new ArrayList<>();
        double start = 0;
        double w = firstH;
        for (int i = 0; i < rates - 1; i++) {
            double end = start + w;
            if (end >= durationH - 1e-9) {
                return null;
            }
            out.add(new double[] {Math.round(start / stepH), Math.round(end / stepH)});
            start = end;
            w *= 2;
        }
        out.add(new double[] {Math.round(start / stepH), Math.round(durationH / stepH)});
        return out;
    }

    private static final class Evaluation {
        List<double[]> windows;
        double[] rates;
        double min = Double.POSITIVE_INFINITY;
        double max;
        long withinSteps;
        boolean within;
        double worst;
        double nkEnd = Double.NaN;
        double nkMax = Double.NaN;

        boolean better(Evaluation o) {
            if (within != o.within) {
                return within;
            }
            return worst < o.worst;
        }
    }

    private static Evaluation candidate(TargetController c, double target, double tolerance, double bolusMl,
            List<double[]> windows, int totalSteps) {
        PumpSettings pump = c.pump();
        double step = pump.rateStepMlPerH().orElse(DEFAULT_RATE_STEP_ML_PER_H);
        double[] x = c.bolus(c.emptyState(), bolusMl);
        double[] rates = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            int len = (int) (windows.get(i)[1] - windows.get(i)[0]);
            double[] free = new double[len];
            double[] unit = new double[len];
            double[] xf = x;
            double[] xu = c.emptyState();
            for (int j = 0; j < len; j++) {
                xf = c.fineStep(xf, 0);
                xu = c.fineStep(xu, 1);
                free[j] = c.plasmaOf(xf);
                unit[j] = c.plasmaOf(xu);
            }
            double u = minimax(free, unit, target, pump.maxRateMlPerH());
            u = Math.min(pump.maxRateMlPerH(), Math.round(u / step) * step);
            rates[i] = u;
            for (int j = 0; j < len; j++) {
                x = c.fineStep(x, u);
            }
        }
        // exact evaluation of the rounded scheme
        Evaluation e = new Evaluation();
        e.windows = windows;
        e.rates = rates;
        x = c.bolus(c.emptyState(), bolusMl);
        int w = 0;
        for (int k = 1; k <= totalSteps; k++) {
            while (w < windows.size() - 1 && k > windows.get(w)[1]) {
                w++;
            }
            x = c.fineStep(x, rates[w]);
            double cp = c.plasmaOf(x);
            e.min = Math.min(e.min, cp);
            e.max = Math.max(e.max, cp);
            if (Math.abs(cp - target) <= tolerance * target) {
                e.withinSteps++;
            }
            double nk = c.norketamineOf(x);
            if (!Double.isNaN(nk)) {
                e.nkMax = Double.isNaN(e.nkMax) ? nk : Math.max(e.nkMax, nk);
                e.nkEnd = nk;
            }
        }
        e.worst = Math.max(target - e.min, e.max - target) / target;
        e.within = e.worst <= tolerance;
        return e;
    }

    /** The rate in [0, max] that minimises max |free + u·unit − target|: a convex function of u. */
    private static double minimax(double[] free, double[] unit, double target, double max) {
        double lo = 0;
        double hi = max;
        for (int it = 0; it < 100; it++) {
            double a = lo + (hi - lo) / 3;
            double b = hi - (hi - lo) / 3;
            if (worst(free, unit, target, a) <= worst(free, unit, target, b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return (lo + hi) / 2;
    }

    private static double worst(double[] free, double[] unit, double target, double u) {
        double w = 0;
        for (int j = 0; j < free.length; j++) {
            w = Math.max(w, Math.abs(free[j] + u * unit[j] - target));
        }
        return w;
    }

    /** @return whether the model predicts norketamine */
    public boolean hasNorketamine() {
        return norketamineEndNgPerMl.isPresent();
    }

    /** @return the total amount given, mg of the syringe's stated form */
    public double totalMg() {
        double s = bolusMg;
        for (RateStep r : steps) {
            s += r.rateMgPerH() * (r.endH() - r.startH());
        }
        return s;
    }

    /** @return the scheme as doses: the bolus, then one infusion per rate step */
    public Regimen regimen() {
        DrugSalt salt = pump.salt();
        List<Dose> doses = new ArrayList<>();
        doses.add(Dose.bolus(Amount.mg(bolusMg), 0).withSalt(salt));
        for (RateStep r : steps) {
            if (r.rateMlPerH() > 0) {
                double d = r.endH() - r.startH();
                doses.add(Dose.infusion(Amount.mg(r.rateMgPerH() * d), d, r.startH()).withSalt(salt));
            }
        }
        return Regimen.of(doses);
    }

    /**
     * The scheme as protocol text ("bolus ..." then "RATE mg/h for TIME at TIME" lines) that {@code ProtocolText}
     * reads back.
     *
     * @param name the protocol's name
     * @return the text
     */
    public String protocolText(String name) {
        String title = name == null || name.isBlank() ? "manual scheme" : name.strip();
        String hcl = pump.salt() == DrugSalt.HYDROCHLORIDE ? " HCl" : "";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# manual scheme for %s ng/mL for %s h within ±%s %% (model %s, syringe "
                + "%s mg/mL%s)%n", Checks.fmt(targetNgPerMl), Checks.fmt(durationH), Checks.fmt(tolerance * 100),
                modelId, Checks.fmt(pump.syringeMgPerMl()), hcl.isEmpty() ? "" : " hydrochloride"));
        b.append("# written by ketamine-pk target --manual; a teaching and review tool, not a dosing device\n");
        b.append(title.replace('#', ' ').replace('\n', ' ')).append('\n');
        b.append(String.format(Locale.ROOT, "bolus %s mg at 0 min%s   # %s mL%n", plain(bolusMg), hcl, plain(bolusMl)));
        for (RateStep r : steps) {
            if (r.rateMlPerH() == 0) {
                continue;
            }
            double minutes = (r.endH() - r.startH()) * 60;
            if (r.rateMgPerH() <= Rate.MAX_MG_PER_H) {
                b.append(String.format(Locale.ROOT, "%s mg/h for %s min at %s min%s   # %s mL/h%n",
                        plain(r.rateMgPerH()), plain(minutes), plain(r.startH() * 60), hcl, plain(r.rateMlPerH())));
            } else {
                b.append(String.format(Locale.ROOT, "%s mg over %s min at %s min%s   # %s mL/h%n",
                        plain(r.rateMgPerH() * minutes / 60), plain(minutes), plain(r.startH() * 60), hcl,
                        plain(r.rateMlPerH())));
            }
        }
        return b.toString();
    }

    private static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(TargetPlan.PROTOCOL_DIGITS)).stripTrailingZeros()
                .toPlainString();
    }
}
