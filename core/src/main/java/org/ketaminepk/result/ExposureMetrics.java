package org.ketaminepk.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;

/**
 * The metrics of one analyte of one simulation, each with its unit in its name, each defined once:
 * <ul>
 * <li>Cmax, Tmax and the AUC over the grid as {@link Series} defines them (grid maximum; exact AUC, not a
 * trapezoid);</li>
 * <li>the AUC to infinity of the whole regimen, exact for the linear model ({@link Disposition}), and the share of
 * it that lies beyond the grid;</li>
 * <li>the terminal half-life from the model's slowest rate constant that reaches this analyte
 * ({@link Disposition#terminalHalfLifeH}), independent of the grid;</li>
 * <li>the trough before the last dose ({@link Profile#troughsBeforeDosesNgPerMl}) and, for a regimen that repeats
 * one block of doses at a fixed interval, the average steady-state concentration {@code AUC∞(one block) / τ}
 * (exact by superposition);</li>
 * <li>optionally, the hours within, above and below a band ({@link Series#timeWithinH}).</li>
 * </ul>
 * Empty values are values that do not exist for this run (one dose has no trough; a regimen that does not repeat has
 * no steady state). Immutable. Not a judgement of whether a concentration is adequate.
 *
 * @param analyte the analyte
 * @param cmaxNgPerMl highest concentration on the grid, ng/mL
 * @param tmaxH last time at that concentration, to within round-off, h ({@link Series#tmaxH()})
 * @param gridEndH end of the grid, h
 * @param aucNgHPerMl exact AUC from 0 to the end of the grid, ng·h/mL
 * @param aucToInfinityNgHPerMl exact AUC from 0 to infinity of all the regimen's doses, ng·h/mL
 * @param terminalHalfLifeH terminal half-life from the model's slowest relevant rate constant, h
 * @param lastTroughNgPerMl concentration just before the last dose, ng/mL (empty for a single dose)
 * @param dosingIntervalH interval of a repeated regimen, h (empty when the regimen does not repeat)
 * @param steadyStateAverageNgPerMl average concentration at steady state of the repeated block, ng/mL
 * @param bandTimes the band asked for, with the hours within, above and below it over the grid (empty without a
 *        band)
 */
public record ExposureMetrics(Analyte analyte, double cmaxNgPerMl, double tmaxH, double gridEndH,
        double aucNgHPerMl, OptionalDouble aucToInfinityNgHPerMl, OptionalDouble terminalHalfLifeH,
        OptionalDouble lastTroughNgPerMl, OptionalDouble dosingIntervalH, OptionalDouble steadyStateAverageNgPerMl,
        Optional<BandTimes> bandTimes) {

    /**
     * Hours a curve spends within, above and below a band over the grid, as {@link Series#timeWithinH} measures
     * them; they add up to the grid's length.
     *
     * @param band the band
     * @param withinH hours within {@code [low, high]}
     * @param aboveH hours strictly above {@code high} (0 for a band without an upper edge)
     * @param belowH hours below {@code low}
     */
    public record BandTimes(Band band, double withinH, double aboveH, double belowH) {
        /** Validates. */
        public BandTimes {
            Checks.notNull("band", band);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s h within, %s h above, %s h below", band.label(), sig(withinH),
                    sig(aboveH), sig(belowH));
        }
    }

    /** Validates. */
    public ExposureMetrics {
        Checks.notNull("analyte", analyte);
        Checks.notNull("aucToInfinityNgHPerMl", aucToInfinityNgHPerMl);
        Checks.notNull("terminalHalfLifeH", terminalHalfLifeH);
        Checks.notNull("lastTroughNgPerMl", lastTroughNgPerMl);
        Checks.notNull("dosingIntervalH", dosingIntervalH);
        Checks.notNull("steadyStateAverageNgPerMl", steadyStateAverageNgPerMl);
        Checks.notNull("bandTimes", bandTimes);
    }

    /**
     * @return the share of the AUC to infinity beyond the end of the grid, percent (0..100); empty when the AUC to
     *         infinity is unknown or zero
     */
    public OptionalDouble aucExtrapolatedPercent() {
        if (aucToInfinityNgHPerMl.isEmpty() || !(aucToInfinityNgHPerMl.getAsDouble() > 0)) {
            return OptionalDouble.empty();
        }
        double inf = aucToInfinityNgHPerMl.getAsDouble();
        return OptionalDouble.of(Math.max(0, (inf - aucNgHPerMl) / inf * 100));
    }

    /**
     * @return e.g. "ketamine: Cmax 187.4 ng/mL at 4 h, AUC 0–264 h 4127 ng·h/mL (0–∞ 4131 ng·h/mL), terminal t½
     *         3.1 h (model's slowest rate constant)"
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("Cmax " + sig(cmaxNgPerMl) + " ng/mL at " + sig(tmaxH) + " h");
        String auc = "AUC 0–" + sig(gridEndH) + " h " + sig(aucNgHPerMl) + " ng·h/mL";
        if (aucToInfinityNgHPerMl.isPresent()) {
            auc += " (0–∞ " + sig(aucToInfinityNgHPerMl.getAsDouble()) + " ng·h/mL)";
        }
        parts.add(auc);
        terminalHalfLifeH.ifPresent(h -> parts.add("terminal t½ " + sig(h) + " h (model's slowest rate constant)"));
        lastTroughNgPerMl.ifPresent(c -> parts.add("trough before the last dose " + sig(c) + " ng/mL"));
        if (steadyStateAverageNgPerMl.isPresent() && dosingIntervalH.isPresent()) {
            parts.add("steady-state average " + sig(steadyStateAverageNgPerMl.getAsDouble()) + " ng/mL (every "
                    + sig(dosingIntervalH.getAsDouble()) + " h)");
        }
        bandTimes.ifPresent(b -> parts.add(b.toString()));
        return analyte.label() + ": " + String.join(", ", parts);
    }

    /** @return {@code v} to 4 significant digits, without exponent or trailing zeros */
    static String sig(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Checks.fmt(v);
        }
        return Checks.fmt(new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue());
    }
}
