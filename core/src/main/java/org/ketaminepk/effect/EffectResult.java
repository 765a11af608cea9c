package org.ketaminepk.effect;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Checks;
import org.ketaminepk.model.Warning;

/**
 * The effect time course of one simulation: the plasma and effect-site concentrations that drive the endpoint, the
 * effect itself (absent for an endpoint that gives an effect site only), the link used, its metrics and every
 * warning. Immutable (arrays are copied on the way out).
 */
public final class EffectResult {
    private final Endpoint endpoint;
    private final EffectLink link;
    private final SimulationResult pk;
    private final String driver;
    private final double[] times;
    private final double[] plasma;
    private final double[] effectSite;
    private final double[] effect;
    private final double baseline;
    private final EffectMetrics metrics;
    private final List<Warning> warnings;

    EffectResult(Endpoint endpoint, EffectLink link, SimulationResult pk, String driver, double[] times,
            double[] plasma, double[] effectSite, double[] effect, double baseline, EffectMetrics metrics,
            List<Warning> warnings) {
        this.endpoint = endpoint;
        this.link = link;
        this.pk = pk;
        this.driver = driver;
        this.times = times;
        this.plasma = plasma;
        this.effectSite = effectSite;
        this.effect = effect;
        this.baseline = baseline;
        this.metrics = metrics;
        this.warnings = List.copyOf(warnings);
    }

    /** @return the endpoint */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return the effect compartment used, with where its ke0 comes from */
    public EffectLink link() {
        return link;
    }

    /** @return the pharmacokinetic simulation underneath */
    public SimulationResult pk() {
        return pk;
    }

    /** @return which concentration drives the effect, in words (e.g. the assumed S-ketamine share) */
    public String driver() {
        return driver;
    }

    /** @return number of output points */
    public int size() {
        return times.length;
    }

    /** @return a copy of the output times, h */
    public double[] timesH() {
        return times.clone();
    }

    /** @return a copy of the plasma concentration of the driving analyte, ng/mL */
    public double[] plasmaNgPerMl() {
        return plasma.clone();
    }

    /** @return a copy of the effect-site concentration of the driving analyte, ng/mL */
    public double[] effectSiteNgPerMl() {
        return effectSite.clone();
    }

    /** @return whether an effect is computed (false for an endpoint that gives an effect site only) */
    public boolean hasEffect() {
        return effect != null;
    }

    /**
     * @return a copy of the effect at each output point, in {@link Endpoint#effectUnit()}; empty for an endpoint that
     *         gives an effect site only
     */
    public Optional<double[]> effect() {
        return effect == null ? Optional.empty() : Optional.of(effect.clone());
    }

    /**
     * @return the effect without drug, in {@link Endpoint#effectUnit()}; empty for an endpoint that gives an effect
     *         site only, which has no effect to have a baseline (its effect-site concentration without drug is 0
     *         ng/mL, which is a concentration, not an effect)
     */
    public OptionalDouble baseline() {
        return effect == null ? OptionalDouble.empty() : OptionalDouble.of(baseline);
    }

    /** @return peak, onset, offset */
    public EffectMetrics metrics() {
        return metrics;
    }

    /** @return every warning: the PK's, the link's and each labelled assumption of the endpoint */
    public List<Warning> warnings() {
        return warnings;
    }

    /**
     * Hours during which the effect is at least as strong as {@code level}: at or beyond it in the direction the drug
     * moves the effect (below it for an effect that falls). Linear between output points. For an endpoint without
     * an effect model, the level is an effect-site concentration in ng/mL.
     *
     * @param level an effect level in the endpoint's unit
     * @return hours, h
     */
    public double timeAtLeastH(double level) {
        if (!Double.isFinite(level)) {
            throw new org.ketaminepk.base.InvalidInputException("level", "effect level must be a finite number in "
                    + endpoint.effectUnit() + " but was " + Checks.fmt(level));
        }
        double[] r = effect != null ? effect : effectSite;
        double sign = Math.signum(metrics.peakEffect() - baseline);
        if (sign == 0) {
            return 0;
        }
        double total = 0;
        for (int i = 0; i + 1 < times.length; i++) {
            double a = sign * (r[i] - level);
            double b = sign * (r[i + 1] - level);
            double dt = times[i + 1] - times[i];
            if (a >= 0 && b >= 0) {
                total += dt;
            } else if (a >= 0 || b >= 0) {
                total += dt * Math.max(a, b) / Math.abs(a - b);
            }
        }
        return total;
    }
}
