package org.ketaminepk.result;

import java.util.Locale;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;

/**
 * The ratio of two analytes' exposures, by mass (ng·h/mL over ng·h/mL): over the output grid and to infinity (the
 * exact AUCs of {@link Disposition}). The norketamine/ketamine ratio rises with time after a dose, so the two differ;
 * the ratio to infinity does not depend on the grid. Immutable.
 *
 * @param numerator the analyte above the line (e.g. norketamine)
 * @param denominator the analyte below it (e.g. ketamine)
 * @param gridEndH end of the grid of the first ratio, h
 * @param overGrid AUC(0–end) ratio; empty when the denominator's AUC is zero
 * @param toInfinity AUC(0–∞) ratio; empty when either AUC to infinity is unknown or the denominator's is zero
 */
public record AucRatio(Analyte numerator, Analyte denominator, double gridEndH, OptionalDouble overGrid,
        OptionalDouble toInfinity) {

    /** Validates. */
    public AucRatio {
        Checks.notNull("numerator", numerator);
        Checks.notNull("denominator", denominator);
        Checks.notNull("overGrid", overGrid);
        Checks.notNull("toInfinity", toInfinity);
    }

    /**
     * @param gridEndH end of the grid, h
     * @param numeratorAuc numerator's AUC over the grid, ng·h/mL
     * @param denominatorAuc denominator's AUC over the grid, ng·h/mL
     * @param numeratorAucInf numerator's AUC to infinity, ng·h/mL
     * @param denominatorAucInf denominator's AUC to infinity, ng·h/mL
     * @return the ratios of the given AUCs
     */
    public static AucRatio of(Analyte numerator, Analyte denominator, double gridEndH, double numeratorAuc,
            double denominatorAuc, OptionalDouble numeratorAucInf, OptionalDouble denominatorAucInf) {
        OptionalDouble grid = denominatorAuc > 0 ? OptionalDouble.of(numeratorAuc / denominatorAuc)
                : OptionalDouble.empty();
        OptionalDouble inf = numeratorAucInf.isPresent() && denominatorAucInf.isPresent()
                && denominatorAucInf.getAsDouble() > 0
                        ? OptionalDouble.of(numeratorAucInf.getAsDouble() / denominatorAucInf.getAsDouble())
                        : OptionalDouble.empty();
        return new AucRatio(numerator, denominator, gridEndH, grid, inf);
    }

    /** @return e.g. "norketamine/ketamine AUC ratio 1.23 over 0–24 h, 1.87 to infinity (by mass)" */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s AUC ratio %s over 0–%s h, %s to infinity (by mass)",
                numerator.label(), denominator.label(), overGrid.isPresent() ? ExposureMetrics.sig(overGrid.getAsDouble())
                        : "–", ExposureMetrics.sig(gridEndH), toInfinity.isPresent()
                                ? ExposureMetrics.sig(toInfinity.getAsDouble()) : "–");
    }
}
