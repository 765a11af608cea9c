package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

/**
 * Solves a {@link CompartmentSystem} under a {@link Schedule} of inputs on a {@link TimeGrid}, starting from an
 * empty body at time 0. Values at an output time include any instantaneous input at that time. Implementations
 * are stateless and thread-safe.
 *
 * <p>{@link #run} is the one seam: it hands the solution to an {@link Observer} as it goes, so that nothing need be
 * stored ({@link org.ketaminepk.result.StreamingMetrics} for a population); {@link #solve} stores it all.
 */
public interface Solver {
    /**
     * Runs the solver and hands each output point, and the amounts around each input change, to {@code observer}.
     *
     * @param trackSinks whether to integrate the sinks (needed for mass balance, not for concentrations)
     */
    void run(CompartmentSystem system, Schedule schedule, TimeGrid grid, boolean trackSinks, Observer observer);

    /** @return the amounts on the grid, every compartment, sink and observation stored */
    default Solution solve(CompartmentSystem system, Schedule schedule, TimeGrid grid) {
        Recording rec = new Recording(grid.size(), system, schedule);
        run(system, schedule, grid, true, rec);
        return rec.solution(grid);
    }

    /** @return a short name for reports ("exact", "ode") */
    String name();
}
