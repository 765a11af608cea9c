package org.ketaminepk.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.effect.EffectLink;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.StepPropagator;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Warning;

/**
 * Target-controlled infusion: the pump rate that brings the predicted ketamine concentration to a target and holds
 * it, recomputed at every pump update from the exact state of every compartment (norketamine included, which is
 * predicted but not targeted).
 * <ul>
 *   <li><b>Plasma targeting</b> (Bailey JM, Shafer SL, IEEE Trans Biomed Eng 1991;38:522,
 *       doi:10.1109/10.81576; Jacobs JR, IEEE Trans Biomed Eng 1990;37:107, doi:10.1109/10.43622): the rate that
 *       brings the plasma concentration to the target at the end of the update interval, {@code (Ct − Cp_free(Δ)) /
 *       UDF_p(Δ)}; 0 while the concentration is above the target (after a step down), so the pump stays off until it
 *       has fallen. When the doses reach plasma through another compartment (a depot), plasma keeps rising after
 *       the interval, and that rate overshot the target many times over; the rate is then the largest whose plasma
 *       peak does not exceed the target, {@code min_t (Ct − Cp_free(t)) / UDF_p(t)} over the whole rise, the rule
 *       Shafer and Gregg give for the effect site applied to plasma.</li>
 *   <li><b>Effect-site targeting</b> (Shafer SL, Gregg KM, J Pharmacokinet Biopharm 1992;20:147,
 *       doi:10.1007/BF01070999): the largest rate for one interval whose effect-site peak does not exceed the target,
 *       so the effect site reaches the target at its time of peak without overshooting it. With the predictions on a
 *       grid of at most 1 s, {@code Ce(t) = Ce_free(t) + u·UDF_e(t)}, this is {@code u = min_t (Ct − Ce_free(t)) /
 *       UDF_e(t)}, which is the fixed point the Shafer–Gregg peak iteration converges to, found without iterating.
 *       An optional plasma limit (a multiple of the target) adds the constraint {@code Cp_free(t) + u·UDF_p(t) ≤
 *       limit} to the same minimum: the concept of limiting plasma overshoot of Van Poucke GE, Bravo LJ, Shafer SL
 *       (IEEE Trans Biomed Eng 2004;51:1869, doi:10.1109/TBME.2004.831520), enforced exactly on the prediction
 *       rather than by their rescaling.</li>
 * </ul>
 * Rates are limited to [0, maximum pump rate] and rounded down to the pump's rate step; a target the maximum rate
 * cannot reach is reported, never hidden.
 *
 * <p>Two uses. In real time, as a pump would: {@link #decide} takes a {@link State} and a target and returns the
 * rate for the next interval; {@link #advance} predicts the state at the end of it. Offline, {@link #plan} runs a
 * whole {@link TargetSchedule}. Immutable and thread-safe. A teaching and review tool, not a dosing device: it drives
 * the typical (or adjusted) values of a published model, not a measured patient.
 */
public final class TargetController {
    /** How close to the target a concentration must be to count as reached, as a fraction of the target. */
    public static final double REACHED_TOLERANCE = 0.01;
    /** Longest prediction used by an effect-site decision, h. */
    static final double MAX_HORIZON_H = 24;
    /**
     * How far below the target a held rate may leave the plasma concentration at the end of an interval, as a
     * fraction of the target (half of {@link #REACHED_TOLERANCE}).
     */
    public static final double HOLD_BAND = 0.005;
    /**
     * How close the effect site must be to its target, as a fraction of it, before the plasma rate also caps the
     * effect-site rate (5 %, as STANPUMP and Ionescu's PAS switch to plasma targeting; peers-and-algorithms §5.2).
     */
    public static final double EFFECT_SITE_NEAR = 0.05;
    /** How many samples a plasma response that peaks after its interval has up to its peak, at least. */
    static final int DELAYED_SAMPLES_TO_PEAK = 200;
    /** Largest plasma limit accepted, as a multiple of the target. */
    public static final double MAX_PLASMA_LIMIT_FACTOR = 10;

    /** What is targeted. */
    public enum Mode {
        /** The plasma (central compartment) concentration. */
        PLASMA("plasma"),
        /** The effect-site concentration, through an {@link EffectLink}. */
        EFFECT_SITE("effect site");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** @return the printed label */
        public String label() {
            return label;
        }
    }

    /**
     * The predicted state of the patient at one time: the amounts in the body's compartments and, when the
     * controller has an effect link, the ketamine effect-site concentration. Immutable.
     *
     * @param timeH time, h
     * @param amountsUmol amount in each compartment of the system, 0 to {@value #MAX_UMOL} µmol (copied)
     * @param effectSiteUmolPerL effect-site concentration of ketamine, 0 to {@value #MAX_UMOL} µmol/L (0 without an
     *        effect link)
     */
    public record State(double timeH, double[] amountsUmol, double effectSiteUmolPerL) {
        /**
         * Largest amount in one compartment, µmol, and largest effect-site concentration, µmol/L: about 240 t of
         * ketamine, far beyond the 100,000 doses of 10 g a regimen may hold, and small enough that every
         * concentration formed from it is finite.
         */
        public static final double MAX_UMOL = 1e12;

        /** Validates and copies. */
        public State {
            Checks.nonNegative("time", timeH, TargetSchedule.MAX_DURATION_H * 2, "h");
            Checks.notNull("state amounts", amountsUmol);
            amountsUmol = amountsUmol.clone();
            for (int i = 0; i < amountsUmol.length; i++) {
                Checks.nonNegative("state amount of compartment " + i, amountsUmol[i], MAX_UMOL, "µmol");
            }
            Checks.nonNegative("effect-site concentration", effectSiteUmolPerL, MAX_UMOL, "µmol/L");
        }

        @Override
        public double[] amountsUmol() {
            return amountsUmol.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.timeH == timeH && Arrays.equals(s.amountsUmol, amountsUmol)
                    && s.effectSiteUmolPerL == effectSiteUmolPerL;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(timeH) * 31 + Arrays.hashCode(amountsUmol);
        }

        @Override
        public String toString() {
            return "State[t=" + timeH + " h, amounts=" + Arrays.toString(amountsUmol) + " µmol, Ce="
                    + effectSiteUmolPerL + " µmol/L]";
        }
    }

    /**
     * One pump decision.
     *
     * @param rateMlPerH the rate to run for the next interval, mL/h
     * @param requiredMlPerH the rate the target asks for before the pump's limits, mL/h ({@code >= 0})
     * @param limitedByMaxRate whether the maximum rate cut the rate
     * @param peakH in effect-site mode with a rate above 0, when the effect site is predicted to peak, h; empty
     *              otherwise
     */
    public record Decision(double rateMlPerH, double requiredMlPerH, boolean limitedByMaxRate, OptionalDouble peakH) {
        /** Requires the peak time (empty when there is none, not null). */
        public Decision {
            Checks.notNull("peak time", peakH);
        }
    }

    /** The plasma limit factor of a controller without one; it never leaves this class (see plasmaLimitFactor()). */
    private static final double NO_LIMIT = Double.NaN;

    private final CompartmentSystem body;
    private final Mode mode;
    private final EffectLink link;
    private final PumpSettings pump;
    /** The plasma limit, or {@link #NO_LIMIT}. */
    private final double plasmaLimitFactor;
    private final List<Warning> warnings;
    private final String modelId;
    /** Whether {@link #modelId} names a published model (not a system given directly). */
    private final boolean published;
    private final int n;
    private final int central;
    private final double centralVolumeL;
    private final int norketamine;
    private final double norketamineVolumeL;
    private final double[] inputPerMlPerH;
    private final StepPropagator step;
    private final StepPropagator fine;
    private final int finePerStep;
    private final double udfPlasmaAtStep;
    private final double[] udfPlasma;
    private final double[] udfEffect;
    private final double udfEffectPeakH;
    /** When plasma still rises after an interval of input (doses through a depot): the sampling step; else null. */
    private final StepPropagator delayedSample;
    /** The plasma response per mL/h to one interval at unit rate, on {@link #delayedSample}'s grid; else null. */
    private final double[] udfPlasmaDelayed;

    private TargetController(CompartmentSystem body, String modelId, boolean published, Mode mode, EffectLink link,
            PumpSettings pump, double plasmaLimitFactor, List<Warning> warnings) {
        this.body = Checks.notNull("system", body);
        this.modelId = modelId;
        this.published = published;
        this.mode = mode;
        this.link = link;
        this.pump = Checks.notNull("pump", pump);
        this.plasmaLimitFactor = plasmaLimitFactor;
        this.warnings = List.copyOf(warnings);
        if (mode == Mode.EFFECT_SITE && link == null) {
            throw new InvalidInputException("effect site", "effect-site targeting needs an effect link (ke0)");
        }
        if (!Double.isNaN(plasmaLimitFactor)) {
            if (mode != Mode.EFFECT_SITE) {
                throw new InvalidInputException("plasma limit", "a plasma limit applies to effect-site targeting "
                        + "only");
            }
            Checks.inRange("plasma limit", plasmaLimitFactor, 1, MAX_PLASMA_LIMIT_FACTOR, "× target");
        }
        CompartmentSystem.Observation k = body.observations().get(Analyte.KETAMINE);
        if (k == null) {
            throw new InvalidInputException("model", "target-controlled infusion needs a model that predicts "
                    + "ketamine concentrations but " + modelId + " does not");
        }
        if (!body.routes().contains(Route.INTRAVENOUS)) {
            throw new InvalidInputException("model", "target-controlled infusion needs a model that accepts "
                    + "intravenous doses but " + modelId + " does not");
        }
        this.n = body.size();
        this.central = k.compartment();
        this.centralVolumeL = k.volumeL();
        CompartmentSystem.Observation nk = body.observations().get(Analyte.NORKETAMINE);
        this.norketamine = nk == null ? -1 : nk.compartment();
        this.norketamineVolumeL = nk == null ? Double.NaN : nk.volumeL();
        // µmol/h into each state per mL/h at the pump
        double umolPerMl = Analyte.KETAMINE.mgToUmol(pump.baseMgPerMl());
        this.inputPerMlPerH = new double[n + 1];
        for (InputChannel ch : body.route(Route.INTRAVENOUS).channels(pump.baseMgPerMl())) {
            if (ch.lagH() != 0 || ch.durationH() != 0) {
                throw new InvalidInputException("model", "the intravenous route of " + modelId + " has a lag or a "
                        + "zero-order input, which a target-controlled infusion cannot follow");
            }
            if (!ch.toSink()) {
                inputPerMlPerH[ch.target()] += umolPerMl * ch.fraction();
            }
        }
        double[][] kAug = augmented(body.rateMatrix(), central, centralVolumeL, link == null ? 0 : link.ke0PerH());
        double dt = pump.updateIntervalH();
        this.step = StepPropagator.of(kAug, dt);
        this.finePerStep = (int) Math.ceil(dt * 3600 - 1e-9);
        this.fine = StepPropagator.of(kAug, dt / finePerStep);
        this.udfPlasmaAtStep = step.advance(new double[n + 1], inputPerMlPerH)[central] / centralVolumeL;
        if (!(udfPlasmaAtStep > 0)) {
            // every plasma rate would be (target − free)/0: the pump at its maximum for ever, or NaN
            throw new InvalidInputException("model", "the intravenous route of " + modelId + " does not bring drug "
                    + "to the compartment whose ketamine concentration is targeted within one pump interval");
        }
        double[] afterStep = step.advance(new double[n + 1], inputPerMlPerH);
        if (fine.advance(afterStep)[central] > afterStep[central]) {
            this.delayedSample = delayedSampling(kAug, afterStep);
            this.udfPlasmaDelayed = delayedResponse(afterStep);
        } else {
            this.delayedSample = null;
            this.udfPlasmaDelayed = null;
        }
        if (link != null) {
            List<double[]> resp = unitResponse();
            this.udfPlasma = resp.get(0);
            this.udfEffect = resp.get(1);
            int peak = 0;
            for (int j = 1; j < udfEffect.length; j++) {
                if (udfEffect[j] > udfEffect[peak]) {
                    peak = j;
                }
            }
            this.udfEffectPeakH = peak * fine.stepH();
        } else {
            this.udfPlasma = null;
            this.udfEffect = null;
            this.udfEffectPeakH = Double.NaN;
        }
    }

    /**
     * Plasma targeting of an individual model, without an effect site.
     *
     * @param ind the individual model (its warnings are carried on every plan)
     * @param pump the pump
     * @return the controller
     */
    public static TargetController plasma(IndividualModel ind, PumpSettings pump) {
        Checks.notNull("model", ind);
        return new TargetController(ind.system(), ind.model().id(), true, Mode.PLASMA, null, pump, NO_LIMIT,
                ind.warnings());
    }

    /**
     * Plasma targeting of an individual model that also predicts the effect site.
     *
     * @param ind the individual model (its warnings are carried on every plan)
     * @param pump the pump
     * @param predictedLink an effect link whose effect site is predicted (not targeted); for none use
     *                      {@link #plasma(IndividualModel, PumpSettings)}
     * @return the controller
     * @throws InvalidInputException for a missing link
     */
    public static TargetController plasma(IndividualModel ind, PumpSettings pump, EffectLink predictedLink) {
        Checks.notNull("model", ind);
        Checks.notNull("effect link", predictedLink);
        return new TargetController(ind.system(), ind.model().id(), true, Mode.PLASMA, predictedLink, pump,
                NO_LIMIT, withLink(ind.warnings(), predictedLink, ind.model().id()));
    }

    /**
     * Effect-site targeting of an individual model, without a plasma limit.
     *
     * @param ind the individual model
     * @param pump the pump
     * @param link the effect compartment (its basis is labelled on every plan unless fitted)
     * @return the controller
     */
    public static TargetController effectSite(IndividualModel ind, PumpSettings pump, EffectLink link) {
        Checks.notNull("model", ind);
        Checks.notNull("effect link", link);
        return new TargetController(ind.system(), ind.model().id(), true, Mode.EFFECT_SITE, link, pump, NO_LIMIT,
                withLink(ind.warnings(), link, ind.model().id()));
    }

    /**
     * Effect-site targeting of an individual model with a plasma limit.
     *
     * @param ind the individual model
     * @param pump the pump
     * @param link the effect compartment (its basis is labelled on every plan unless fitted)
     * @param plasmaLimitFactor the largest plasma concentration allowed, as a multiple of the target, from 1 to
     *                          {@value #MAX_PLASMA_LIMIT_FACTOR}; for none use
     *                          {@link #effectSite(IndividualModel, PumpSettings, EffectLink)}
     * @return the controller
     * @throws InvalidInputException for a limit outside that range (NaN included)
     */
    public static TargetController effectSite(IndividualModel ind, PumpSettings pump, EffectLink link,
            double plasmaLimitFactor) {
        Checks.notNull("model", ind);
        Checks.notNull("effect link", link);
        return new TargetController(ind.system(), ind.model().id(), true, Mode.EFFECT_SITE, link, pump,
                limit(plasmaLimitFactor), withLink(ind.warnings(), link, ind.model().id()));
    }

    /**
     * Plasma targeting of any compartment system that observes ketamine and accepts intravenous doses.
     *
     * @param system the system (e.g. a one-compartment model written for a test or a lecture)
     * @param pump the pump
     * @return the controller
     */
    public static TargetController plasma(CompartmentSystem system, PumpSettings pump) {
        return new TargetController(system, "the system", false, Mode.PLASMA, null, pump, NO_LIMIT, List.of());
    }

    /**
     * Effect-site targeting of any compartment system that observes ketamine and accepts intravenous doses, without
     * a plasma limit.
     *
     * @param system the system
     * @param pump the pump
     * @param link the effect compartment
     * @return the controller
     */
    public static TargetController effectSite(CompartmentSystem system, PumpSettings pump, EffectLink link) {
        Checks.notNull("effect link", link);
        return new TargetController(system, "the system", false, Mode.EFFECT_SITE, link, pump, NO_LIMIT,
                withLink(List.of(), link, "the system"));
    }

    /**
     * Effect-site targeting of any compartment system that observes ketamine and accepts intravenous doses, with a
     * plasma limit.
     *
     * @param system the system
     * @param pump the pump
     * @param link the effect compartment
     * @param plasmaLimitFactor plasma limit as a multiple of the target, from 1 to {@value #MAX_PLASMA_LIMIT_FACTOR};
     *                          for none use {@link #effectSite(CompartmentSystem, PumpSettings, EffectLink)}
     * @return the controller
     * @throws InvalidInputException for a limit outside that range (NaN included)
     */
    public static TargetController effectSite(CompartmentSystem system, PumpSettings pump, EffectLink link,
            double plasmaLimitFactor) {
        Checks.notNull("effect link", link);
        return new TargetController(system, "the system", false, Mode.EFFECT_SITE, link, pump,
                limit(plasmaLimitFactor), withLink(List.of(), link, "the system"));
    }

    /** A plasma limit that is given: NaN is refused here, as it stands for none only inside this class. */
    private static double limit(double plasmaLimitFactor) {
        return Checks.inRange("plasma limit", plasmaLimitFactor, 1, MAX_PLASMA_LIMIT_FACTOR, "× target");
    }

    private static List<Warning> withLink(List<Warning> base, EffectLink link, String modelId) {
        List<Warning> out = new ArrayList<>(base);
        if (link != null && link.basis() != EffectLink.Basis.FITTED) {
            out.add(Warning.text(Warning.Code.ASSUMPTION, String.format(Locale.ROOT, "effect site of %s: %s is %s: %s",
                    modelId, link.describe(), link.basis().label(), link.how())));
        }
        return out;
    }

    /** K extended by one row for the effect site: {@code dCe/dt = ke0·(A_central/V − Ce)}; no drug leaves plasma. */
    private static double[][] augmented(double[][] k, int central, double volumeL, double ke0PerH) {
        int n = k.length;
        double[][] a = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(k[i], 0, a[i], 0, n);
        }
        a[n][central] = ke0PerH / volumeL;
        a[n][n] = -ke0PerH;
        return a;
    }

    /** Plasma and effect-site response, per mL/h, to one interval of unit rate, on the fine grid until Ce has peaked. */
    private List<double[]> unitResponse() {
        List<Double> cp = new ArrayList<>();
        List<Double> ce = new ArrayList<>();
        double[] x = new double[n + 1];
        cp.add(0.0);
        ce.add(0.0);
        int maxSteps = (int) Math.ceil(MAX_HORIZON_H / fine.stepH());
        int peak = 0;
        for (int j = 1; j <= maxSteps; j++) {
            x = j <= finePerStep ? fine.advance(x, inputPerMlPerH) : fine.advance(x);
            cp.add(x[central] / centralVolumeL);
            ce.add(x[n]);
            if (x[n] > ce.get(peak)) {
                peak = j;
            }
            // predict well past the peak: twice its time and at least 2 min, so that later maxima are seen
            if (j > finePerStep && j >= 2 * peak + finePerStep && j * fine.stepH() >= 2.0 / 60 && peak < j) {
                break;
            }
        }
        double[] p = new double[cp.size()];
        double[] e = new double[ce.size()];
        for (int j = 0; j < p.length; j++) {
            p[j] = cp.get(j);
            e[j] = ce.get(j);
        }
        return List.of(p, e);
    }

    /**
     * A sampling step for a plasma response that peaks after its interval: about {@value #DELAYED_SAMPLES_TO_PEAK}
     * samples up to the peak, a whole fraction of the update interval, and not finer than the fine grid.
     */
    private StepPropagator delayedSampling(double[][] kAug, double[] afterStep) {
        double dt = step.stepH();
        double[] x = afterStep;
        double peakH = dt;
        while (peakH < MAX_HORIZON_H) {
            double[] next = step.advance(x);
            if (next[central] <= x[central]) {
                break;
            }
            x = next;
            peakH += dt;
        }
        int perStep = (int) Math.min(finePerStep, Math.max(1, Math.ceil(dt * DELAYED_SAMPLES_TO_PEAK / peakH)));
        return perStep == finePerStep ? fine : StepPropagator.of(kAug, dt / perStep);
    }

    /** The plasma response per mL/h to one interval at unit rate on {@link #delayedSample}'s grid, past its peak. */
    private double[] delayedResponse(double[] afterStep) {
        int perStep = (int) Math.round(step.stepH() / delayedSample.stepH());
        int maxSamples = (int) Math.ceil(MAX_HORIZON_H / delayedSample.stepH());
        List<Double> cp = new ArrayList<>();
        cp.add(0.0);
        double[] x = new double[n + 1];
        int peak = 0;
        for (int j = 1; j <= maxSamples; j++) {
            x = j <= perStep ? delayedSample.advance(x, inputPerMlPerH) : delayedSample.advance(x);
            cp.add(x[central] / centralVolumeL);
            if (x[central] / centralVolumeL > cp.get(peak)) {
                peak = j;
            }
            // twice the peak's time, as for the effect site, so that a free course rising later is seen
            if (j > perStep && j >= 2 * peak + perStep) {
                break;
            }
        }
        return cp.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param x the augmented state now
     * @param ct the target, µmol/L
     * @return the largest rate for one interval whose plasma course from {@code x} stays at or below {@code ct}
     *         over the sampled rise, mL/h (negative when the free course alone exceeds it)
     */
    private double delayedPlasmaRate(double[] x, double ct) {
        double rate = Double.POSITIVE_INFINITY;
        double[] y = x;
        for (int j = 1; j < udfPlasmaDelayed.length; j++) {
            y = delayedSample.advance(y);
            if (udfPlasmaDelayed[j] > 0) {
                rate = Math.min(rate, (ct - y[central] / centralVolumeL) / udfPlasmaDelayed[j]);
            }
        }
        return rate;
    }

    /** @return what is targeted */
    public Mode mode() {
        return mode;
    }

    /**
     * @return the effect link: the targeted one for effect-site targeting, the predicted one for plasma targeting
     *         that also predicts the effect site, empty when the controller has none
     */
    public Optional<EffectLink> link() {
        return Optional.ofNullable(link);
    }

    /** @return the pump */
    public PumpSettings pump() {
        return pump;
    }

    /** @return the plasma limit as a multiple of the target, empty when there is none */
    public OptionalDouble plasmaLimitFactor() {
        return Double.isNaN(plasmaLimitFactor) ? OptionalDouble.empty() : OptionalDouble.of(plasmaLimitFactor);
    }

    /** @return the warnings of the model and the link, to be shown with every result */
    public List<Warning> warnings() {
        return warnings;
    }

    /** @return the id of the model driven */
    public String modelId() {
        return modelId;
    }

    /** @return whether the controller drives a published model's individual model (not a system given directly) */
    boolean drivesPublishedModel() {
        return published;
    }

    /** @return the system driven */
    public CompartmentSystem system() {
        return body;
    }

    /** @return whether the model predicts norketamine */
    public boolean predictsNorketamine() {
        return norketamine >= 0;
    }

    /**
     * @return the time from the start of one interval at a constant rate to the peak of the effect-site
     *         concentration it causes, h (the Shafer–Gregg {@code peak_time}); empty without an effect link
     */
    public OptionalDouble unitResponsePeakH() {
        return link == null ? OptionalDouble.empty() : OptionalDouble.of(udfEffectPeakH);
    }

    /**
     * Refuses a missing state, one of another system (a wrong count of amounts was padded or cut before), or one with
     * an effect-site concentration for a controller without an effect link (it was dropped without a word).
     */
    private void check(State s) {
        Checks.notNull("state", s);
        if (s.amountsUmol.length != n) {
            throw new InvalidInputException("state", "state must hold " + n + " amounts (one per compartment of "
                    + modelId + ") but held " + s.amountsUmol.length);
        }
        if (link == null && s.effectSiteUmolPerL() != 0) {
            throw InvalidInputException.statement("state", s.effectSiteUmolPerL(), "holds an effect-site "
                    + "concentration of " + Checks.fmt(s.effectSiteUmolPerL()) + " µmol/L, but the controller has no "
                    + "effect link to carry it; give 0");
        }
    }

    /** @return an empty body at time 0 */
    public State initialState() {
        return new State(0, new double[n], 0);
    }

    /** @return the plasma ketamine concentration in {@code s}, ng/mL */
    public double plasmaNgPerMl(State s) {
        check(s);
        return s.amountsUmol[central] / centralVolumeL * Analyte.KETAMINE.molarMassGPerMol();
    }

    /**
     * @return the ketamine effect-site concentration in {@code s}, ng/mL; empty without an effect link (the state
     *         then holds no effect site)
     */
    public OptionalDouble effectSiteNgPerMl(State s) {
        check(s);
        return link == null ? OptionalDouble.empty()
                : OptionalDouble.of(s.effectSiteUmolPerL() * Analyte.KETAMINE.molarMassGPerMol());
    }

    /** @return the norketamine concentration in {@code s}, ng/mL; empty if the model does not predict norketamine */
    public OptionalDouble norketamineNgPerMl(State s) {
        check(s);
        return norketamine < 0 ? OptionalDouble.empty() : OptionalDouble.of(s.amountsUmol[norketamine]
                / norketamineVolumeL * Analyte.NORKETAMINE.molarMassGPerMol());
    }

    /**
     * The rate for the next update interval, computed afresh (no rate is held).
     *
     * @param s the state now (from {@link #advance}, or from an embedding tool's own bookkeeping)
     * @param targetNgPerMl the target now, ng/mL; 0 stops the pump
     * @return the decision
     */
    public Decision decide(State s, double targetNgPerMl) {
        return decide(s, targetNgPerMl, OptionalDouble.empty());
    }

    /**
     * The rate for the next update interval. The running rate is kept while it holds the plasma concentration at the
     * end of the interval between {@link #HOLD_BAND} below the target and the target, so that the pump is not
     * reprogrammed for changes that do not matter; any other rate is recomputed.
     *
     * <p>In effect-site mode the Shafer–Gregg rate is used until the effect site is within
     * {@link #EFFECT_SITE_NEAR} of the target; from then on the rate is also capped by the plasma rate, as STANPUMP
     * switches to plasma targeting near the target, which stops the alternation between a pause and a burst that
     * pure effect-site steps show, while the effect-site constraint still prevents an overshoot.
     *
     * @param s the state now
     * @param targetNgPerMl the target now, ng/mL; 0 stops the pump
     * @param runningMlPerH the rate running now, mL/h, from 0 to the pump's maximum; with no rate running use
     *                      {@link #decide(State, double)}, which recomputes in any case
     * @return the decision
     * @throws InvalidInputException for a running rate outside that range (NaN included)
     */
    public Decision decide(State s, double targetNgPerMl, double runningMlPerH) {
        return decide(s, targetNgPerMl, OptionalDouble.of(Checks.nonNegative("running rate", runningMlPerH,
                pump.maxRateMlPerH(), "mL/h")));
    }

    private Decision decide(State s, double targetNgPerMl, OptionalDouble running) {
        check(s);
        if (targetNgPerMl != 0) {
            Checks.inRange("target", targetNgPerMl, TargetSchedule.MIN_TARGET_NG_PER_ML,
                    TargetSchedule.MAX_TARGET_NG_PER_ML, "ng/mL");
        }
        double runningMlPerH = running.orElse(Double.NaN);
        if (targetNgPerMl == 0) {
            return new Decision(0, 0, false, OptionalDouble.empty());
        }
        double ct = targetNgPerMl / Analyte.KETAMINE.molarMassGPerMol();
        double[] x = augmentedState(s);
        double freePlasma = step.advance(x)[central] / centralVolumeL;
        double plasmaRate = udfPlasmaDelayed == null ? (ct - freePlasma) / udfPlasmaAtStep
                : delayedPlasmaRate(x, ct);
        double required;
        double peakH = Double.NaN;
        boolean plasmaRules = mode == Mode.PLASMA;
        if (mode == Mode.PLASMA) {
            required = plasmaRate;
        } else {
            required = Double.POSITIVE_INFINITY;
            int at = -1;
            double limit = Double.isNaN(plasmaLimitFactor) ? Double.NaN : plasmaLimitFactor * ct;
            for (int j = 1; j < udfEffect.length; j++) {
                x = fine.advance(x);
                if (udfEffect[j] > 0) {
                    double r = (ct - x[n]) / udfEffect[j];
                    if (r < required) {
                        required = r;
                        at = j;
                    }
                }
                if (!Double.isNaN(limit) && udfPlasma[j] > 0) {
                    required = Math.min(required, (limit - x[central] / centralVolumeL) / udfPlasma[j]);
                }
            }
            if (Math.abs(s.effectSiteUmolPerL() - ct) <= EFFECT_SITE_NEAR * ct && plasmaRate < required) {
                required = plasmaRate;
                plasmaRules = true;
            } else if (required > 0 && at > 0) {
                peakH = s.timeH() + at * fine.stepH();
            }
        }
        required = Math.max(0, required);
        boolean limited = required > pump.maxRateMlPerH();
        if (plasmaRules && !Double.isNaN(runningMlPerH)) {
            double lowest = (ct * (1 - HOLD_BAND) - freePlasma) / udfPlasmaAtStep;
            if (runningMlPerH >= lowest && runningMlPerH <= Math.min(required, pump.maxRateMlPerH())) {
                return new Decision(runningMlPerH, required, limited, OptionalDouble.empty());
            }
        }
        double rate = pump.quantize(Math.min(required, pump.maxRateMlPerH()));
        return new Decision(rate, required, limited, rate > 0 && !Double.isNaN(peakH) ? OptionalDouble.of(peakH)
                : OptionalDouble.empty());
    }

    /**
     * @param s the state at the start of an interval
     * @param rateMlPerH the rate run over it, mL/h
     * @return the state one update interval later
     * @throws InvalidInputException for a state of another system or a rate outside 0 to the pump's maximum
     */
    public State advance(State s, double rateMlPerH) {
        check(s);
        Checks.nonNegative("rate", rateMlPerH, pump.maxRateMlPerH(), "mL/h");
        double[] in = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            in[i] = inputPerMlPerH[i] * rateMlPerH;
        }
        double[] x = step.advance(augmentedState(s), in);
        for (int i = 0; i <= n; i++) {
            // the exact step of a compartment system never leaves 0; a value below it is round-off of a sum of modes
            x[i] = Math.max(0, x[i]);
        }
        return new State(s.timeH() + pump.updateIntervalH(), Arrays.copyOf(x, n), link == null ? 0 : x[n]);
    }

    /**
     * The concentrations on a fine grid (at most 1 s) over one interval, for checks between pump updates.
     *
     * @return {plasma, effect site} ng/mL at {@code 1..m} sub-steps of the interval
     */
    double[][] within(State s, double rateMlPerH) {
        double[] in = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            in[i] = inputPerMlPerH[i] * rateMlPerH;
        }
        double[] x = augmentedState(s);
        double[][] out = new double[2][finePerStep];
        double m = Analyte.KETAMINE.molarMassGPerMol();
        for (int j = 0; j < finePerStep; j++) {
            x = fine.advance(x, in);
            out[0][j] = x[central] / centralVolumeL * m;
            out[1][j] = x[n] * m;
        }
        return out;
    }

    /** @return the length of one step of the fine grid (at most 1 s), h */
    double fineStepH() {
        return fine.stepH();
    }

    /** @return the augmented state (amounts, then the effect site) one fine step later at a constant rate */
    double[] fineStep(double[] x, double rateMlPerH) {
        if (rateMlPerH == 0) {
            return fine.advance(x);
        }
        double[] in = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            in[i] = inputPerMlPerH[i] * rateMlPerH;
        }
        return fine.advance(x, in);
    }

    /** @return an empty augmented state */
    double[] emptyState() {
        return new double[n + 1];
    }

    /** @return {@code x} after an instantaneous intravenous dose of {@code ml} of syringe contents */
    double[] bolus(double[] x, double ml) {
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            y[i] += inputPerMlPerH[i] * ml;
        }
        return y;
    }

    /** @return whether intravenous doses enter the targeted compartment itself (not only through another) */
    boolean dosesEnterCentral() {
        return inputPerMlPerH[central] > 0;
    }

    /** @return the syringe volume that brings the plasma concentration of an empty body to {@code ngPerMl}, mL */
    double loadingMl(double ngPerMl) {
        return ngPerMl / Analyte.KETAMINE.molarMassGPerMol() * centralVolumeL / inputPerMlPerH[central];
    }

    /** @return the plasma concentration of an augmented state, ng/mL */
    double plasmaOf(double[] x) {
        return x[central] / centralVolumeL * Analyte.KETAMINE.molarMassGPerMol();
    }

    /** @return the norketamine concentration of an augmented state, ng/mL, or NaN if the model has none */
    double norketamineOf(double[] x) {
        return norketamine < 0 ? Double.NaN
                : x[norketamine] / norketamineVolumeL * Analyte.NORKETAMINE.molarMassGPerMol();
    }

    private double[] augmentedState(State s) {
        double[] x = Arrays.copyOf(s.amountsUmol, n + 1);
        x[n] = s.effectSiteUmolPerL();
        return x;
    }

    /**
     * Runs a whole schedule offline, as the pump would, then lets the pump stand until {@code horizonH}.
     *
     * @param schedule the targets
     * @param horizonH how long to predict, h, at least the end of the schedule
     * @return the pump schedule, the predicted concentrations and when each target was reached
     * @throws InvalidInputException for a horizon outside its range or a target step shorter than the pump's update
     *                               interval
     */
    public TargetPlan plan(TargetSchedule schedule, double horizonH) {
        Checks.notNull("target", schedule);
        Checks.inRange("duration", horizonH, schedule.endH(), TargetSchedule.MAX_DURATION_H * 2, "h");
        double dt = pump.updateIntervalH();
        for (TargetSchedule.Step st : schedule.steps()) {
            // the pump sees a target only at its updates: a shorter step is never held, and may hold no update at all
            if (st.endH() - st.startH() < dt - 1e-9) {
                throw new InvalidInputException("target", String.format(Locale.ROOT, "the target of %s ng/mL from "
                        + "%s h lasts %s s, less than the pump's update interval of %s s; make it last at least %s s "
                        + "or give the pump a shorter update interval", Checks.fmt(st.targetNgPerMl()),
                        Checks.fmt(st.startH()), Checks.fmt((st.endH() - st.startH()) * 3600), Checks.fmt(dt * 3600),
                        Checks.fmt(dt * 3600)));
            }
        }
        int intervals = (int) Math.ceil(horizonH / dt - 1e-9);
        double[] times = new double[intervals + 1];
        double[] rates = new double[intervals];
        double[] targets = new double[intervals];
        boolean[] limited = new boolean[intervals];
        double[] cp = new double[intervals + 1];
        double[] ce = link == null ? null : new double[intervals + 1];
        double[] nk = norketamine < 0 ? null : new double[intervals + 1];
        double firstPeakH = Double.NaN;
        State s = initialState();
        for (int k = 0; k <= intervals; k++) {
            times[k] = k * dt;
            cp[k] = plasmaNgPerMl(s);
            if (ce != null) {
                ce[k] = effectSiteNgPerMl(s).getAsDouble();
            }
            if (nk != null) {
                nk[k] = norketamineNgPerMl(s).getAsDouble();
            }
            if (k == intervals) {
                break;
            }
            double target = schedule.targetAt(times[k]);
            Decision d = decide(s, target, k == 0 ? OptionalDouble.empty() : OptionalDouble.of(rates[k - 1]));
            if (k == 0) {
                firstPeakH = d.peakH().orElse(Double.NaN);
            }
            rates[k] = d.rateMlPerH();
            targets[k] = target;
            limited[k] = d.limitedByMaxRate();
            s = advance(new State(times[k], s.amountsUmol, s.effectSiteUmolPerL()), d.rateMlPerH());
        }
        return new TargetPlan(this, schedule, times, rates, targets, limited, cp, ce, nk, firstPeakH);
    }
}
