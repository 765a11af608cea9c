package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.VariabilityModel;

/**
 * What every command that simulates a virtual population from {@link PopulationOptions} does the same way: refuse
 * the options a population cannot take, show progress on a terminal, and run one population for a typical
 * patient's run. {@code simulate --population} runs one population; {@code compare --population} one per series,
 * each with the same patients and seed.
 */
public final class PopulationRunner {
    private PopulationRunner() {
    }

    /**
     * Refuses, in one line naming both options, what cannot go with a population run.
     *
     * @param observed the {@code --observed} file, or null
     * @param dosingWeight the {@code --dosing-weight} chosen
     * @throws InvalidInputException naming the option
     */
    public static void refuseWithPopulation(Path observed, DosingWeight dosingWeight) {
        if (observed != null) {
            throw new InvalidInputException("observed", "--observed sets measured levels against one patient's "
                    + "curve; run it without --population");
        }
        if (dosingWeight != DosingWeight.TOTAL) {
            throw new InvalidInputException("dosing weight", "--dosing-weight applies to one patient; a --population "
                    + "run resolves mg/kg doses with each patient's total body weight");
        }
    }

    /**
     * Refuses --observed-like when no output holds the bands it changes: the distributions and probabilities are of
     * the predictions, so it would be accepted and do nothing.
     *
     * @param observedLike whether --observed-like was given
     * @param bandOutputs the options that hold the bands, each null (or false) when not given, e.g. --plot's file
     * @throws InvalidInputException naming the options that would hold the bands
     */
    public static void refuseObservedLikeWithoutBands(boolean observedLike, Object... bandOutputs) {
        if (observedLike && java.util.Arrays.stream(bandOutputs).allMatch(o -> o == null || Boolean.FALSE.equals(o))) {
            throw new InvalidInputException("observed-like", "--observed-like adds residual error to the percentile "
                    + "bands only, and no output here holds them; add --plot, --csv or --json (the distributions "
                    + "and probabilities printed are of the predictions either way)");
        }
    }

    /**
     * @param err standard error
     * @param patients the size of each population
     * @param series how many populations run one after another
     * @return progress that writes to {@code err} only when standard error is a terminal and the work takes more
     *         than a second
     */
    public static PopulationReport.Progress progress(PrintWriter err, int patients, int series) {
        return PopulationReport.Progress.on(err, Terminal.stderr(), patients, series);
    }

    /**
     * Simulates one population for a typical patient's run.
     *
     * @param typical the typical patient's run (model, regimen, band)
     * @param patients the virtual patients
     * @param grid the metrics grid
     * @param options the population options (seed, residual error, probabilities, covariate source)
     * @param variability from {@link PopulationReport#variability}
     * @param progress from {@link #progress}
     * @return the report
     */
    public static PopulationReport simulate(Run typical, List<Patient> patients, TimeGrid grid,
            PopulationOptions options, VariabilityModel variability, PopulationReport.Progress progress) {
        return PopulationReport.simulate(typical, patients, grid, options.seedOrDefault(), variability,
                options.observedLike, options.probabilities, options.covariateSource(), progress);
    }
}
