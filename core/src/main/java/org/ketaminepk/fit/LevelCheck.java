package org.ketaminepk.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.model.IndividualModel;

/**
 * Measured levels set against one model's predictions for the same patient and doses: the prediction at each
 * level's time (solved at exactly that time, not read off a display grid), the ratio measured / predicted, and the
 * geometric mean fold error over the quantified levels,
 * <pre>
 *   GMFE = exp( mean |ln(measured / predicted)| )
 * </pre>
 * (1 when every prediction is exact; 2 means predictions are off by a factor of 2 on average, either way). Nothing
 * is fitted: for parameters estimated from the levels see {@link MapFit}. Immutable.
 *
 * <pre>
 *   IndividualModel ind = Simulation.standard().individualize(Models.OTTO_2021, patient);
 *   LevelCheck check = LevelCheck.of(ind, regimen, LevelsCsv.read(reader, "levels.csv"));
 *   OptionalDouble gmfe = check.geometricMeanFoldError();
 * </pre>
 *
 * @param rows one per level, in the order given
 * @param geometricMeanFoldError GMFE over the levels with a finite, positive ratio; empty when there are none
 * @param compared how many levels enter the GMFE (censored levels and ratios of 0 or infinity do not)
 */
public record LevelCheck(List<Row> rows, OptionalDouble geometricMeanFoldError, int compared) {

    /**
     * One level and its prediction.
     *
     * @param level the measured level
     * @param predictedNgPerMl the model's concentration at the level's time, ng/mL
     */
    public record Row(Level level, double predictedNgPerMl) {
        /** Validates. */
        public Row {
            Checks.notNull("level", level);
        }

        /**
         * @return measured / predicted; empty for a censored level (only "below the LLOQ" is known); infinite when
         *         the prediction is 0 and the level is not
         */
        public OptionalDouble ratio() {
            if (level.censored()) {
                return OptionalDouble.empty();
            }
            if (predictedNgPerMl == 0) {
                return OptionalDouble.of(level.valueNgPerMl().getAsDouble() == 0 ? 1 : Double.POSITIVE_INFINITY);
            }
            return OptionalDouble.of(level.valueNgPerMl().getAsDouble() / predictedNgPerMl);
        }
    }

    /** Copies the rows. */
    public LevelCheck {
        rows = List.copyOf(Checks.notNull("rows", rows));
        Checks.notNull("geometric mean fold error", geometricMeanFoldError);
    }

    /** Predicts with the exact solver; see {@link #of(IndividualModel, Regimen, List, Solver)}. */
    public static LevelCheck of(IndividualModel individual, Regimen regimen, List<Level> levels) {
        return of(individual, regimen, levels, ExactSolver.instance());
    }

    /**
     * @param individual the individualised model (patient and, if any, random effects)
     * @param regimen the doses, times in h from the same origin as the levels
     * @param levels one or more levels
     * @param solver the solver
     * @return the levels with their predictions
     * @throws InvalidInputException if a level's analyte is one the model does not predict (naming the level by
     *         its position, analyte and time)
     */
    public static LevelCheck of(IndividualModel individual, Regimen regimen, List<Level> levels, Solver solver) {
        Checks.notNull("individual model", individual);
        return of(individual, regimen, individual.patient().weightKg(), levels, solver);
    }

    /**
     * As {@link #of(IndividualModel, Regimen, List)}, with mg/kg doses resolved with {@code dosingWeightKg} (an
     * ideal, lean or adjusted body weight) instead of the patient's total weight.
     *
     * @param dosingWeightKg the weight mg/kg doses are given for, kg
     */
    public static LevelCheck of(IndividualModel individual, Regimen regimen, double dosingWeightKg,
            List<Level> levels) {
        return of(individual, regimen, dosingWeightKg, levels, ExactSolver.instance());
    }

    private static LevelCheck of(IndividualModel individual, Regimen regimen, double dosingWeightKg,
            List<Level> levels, Solver solver) {
        Checks.notNull("individual model", individual);
        Checks.inRange("dosing weight", dosingWeightKg, 0.5, 350, "kg");
        Checks.notNull("regimen", regimen);
        Checks.notNull("levels", levels);
        Checks.notNull("solver", solver);
        for (int i = 0; i < levels.size(); i++) {
            Checks.notNull("levels", i, levels.get(i));
        }
        if (levels.isEmpty()) {
            throw new InvalidInputException("levels", "give at least one measured level");
        }
        CompartmentSystem sys = individual.system();
        double[] times = new double[levels.size()];
        for (int j = 0; j < levels.size(); j++) {
            Level l = levels.get(j);
            if (sys.observations().get(l.analyte()) == null) {
                throw new InvalidInputException("analyte", "level " + (j + 1) + " (" + l.analyte().label() + " at "
                        + Checks.fmt(l.timeH()) + " h): " + individual.model().id() + " does not predict "
                        + l.analyte().label() + " (it predicts " + String.join(", ", individual.model().analytes()
                                .stream().map(Analyte::label).toList()) + ")");
            }
            times[j] = l.timeH();
        }
        double[] sorted = Arrays.stream(times).distinct().sorted().toArray();
        Solution sol = solver.solve(sys, regimen.schedule(sys, dosingWeightKg),
                TimeGrid.of(sorted));
        List<Row> rows = new ArrayList<>(levels.size());
        double sumAbsLog = 0;
        int n = 0;
        for (int j = 0; j < levels.size(); j++) {
            Level l = levels.get(j);
            CompartmentSystem.Observation o = sys.observations().get(l.analyte());
            double umol = sol.amount(Arrays.binarySearch(sorted, times[j]), o.compartment());
            // amounts below zero are round-off of an exact zero
            double predicted = Math.max(0, l.analyte().umolPerLToNgPerMl(umol / o.volumeL()));
            Row row = new Row(l, predicted);
            rows.add(row);
            OptionalDouble r = row.ratio();
            if (r.isPresent() && r.getAsDouble() > 0 && Double.isFinite(r.getAsDouble())) {
                sumAbsLog += Math.abs(Math.log(r.getAsDouble()));
                n++;
            }
        }
        return new LevelCheck(rows, n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(sumAbsLog / n)), n);
    }
}
