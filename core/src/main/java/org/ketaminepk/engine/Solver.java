package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

/**
 * Solves a {@link CompartmentSystem} under a {@link Schedule} of inputs on a {@link TimeGrid}, starting from an
 * empty body at time 0. Values at an output time include any instantaneous input at that time. Implementations
 * are stateless and thread-safe.
 */
public interface Solver {
    /** @return the amounts on the grid */
    Solution solve(CompartmentSystem system, Schedule schedule, TimeGrid grid);

    /** @return a short name for reports ("exact", "ode") */
    String name();
}
