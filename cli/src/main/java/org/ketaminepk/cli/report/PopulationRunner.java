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
     * @param err standard error
     * @param patients the size of each population
     * @param series how many populations run one after another
     * @return progress that writes to {@code err} only when standard error is a terminal and the work takes more
     *         than a second
     */
    public static PopulationReport.Progress progress(PrintWriter err, int patients, int series) {
        return PopulationReport.Progress.on(err, System.console() != null, patients, series);
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
