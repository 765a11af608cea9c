package org.ketaminepk.validation;

import java.util.List;
import java.util.OptionalDouble;

import org.ketaminepk.base.Checks;

/**
 * How closely a set of predictions matches their observations. Immutable.
 *
 * @param count number of comparisons
 * @param fitted how many of them the model was fitted or calibrated to
 * @param within125 share with predicted/observed between 1/1.25 and 1.25, 0-1; empty when there are no
 *                  comparisons
 * @param within15 share within 1.5-fold, 0-1; empty likewise
 * @param within2 share within 2-fold, 0-1; empty likewise
 * @param geometricMeanFoldError exp(mean |ln(predicted/observed)|), at least 1; empty when there are no comparisons
 */
public record Agreement(int count, int fitted, OptionalDouble within125, OptionalDouble within15,
        OptionalDouble within2, OptionalDouble geometricMeanFoldError) {

    /** Tolerance for a ratio that sits exactly on a fold boundary. */
    private static final double EPS = 1e-12;

    /**
     * @param comparisons the predictions to summarise
     * @return their agreement
     */
    public static Agreement of(List<Comparison> comparisons) {
        Checks.notNull("comparisons", comparisons);
        int n = comparisons.size();
        if (n == 0) {
            return new Agreement(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        int fitted = 0;
        int in125 = 0;
        int in15 = 0;
        int in2 = 0;
        double sumAbsLog = 0;
        for (int i = 0; i < n; i++) {
            Comparison c = Checks.notNull("comparisons", i, comparisons.get(i));
            double a = Math.abs(Math.log(c.ratio()));
            sumAbsLog += a;
            in125 += a <= Math.log(1.25) + EPS ? 1 : 0;
            in15 += a <= Math.log(1.5) + EPS ? 1 : 0;
            in2 += a <= Math.log(2) + EPS ? 1 : 0;
            fitted += c.fitted() ? 1 : 0;
        }
        return new Agreement(n, fitted, OptionalDouble.of((double) in125 / n), OptionalDouble.of((double) in15 / n),
                OptionalDouble.of((double) in2 / n), OptionalDouble.of(Math.exp(sumAbsLog / n)));
    }
}
