package org.ketaminepk.engine;

import org.ketaminepk.base.TimeGrid;

/**
 * Receives the solution while a {@link Solver} runs, so that callers need not store the path: every output point
 * once, in order, and the observed amounts on either side of every input change. Implementations observe one run on
 * one thread.
 *
 * <p>Order of calls: {@link #init} once; then, in time order, {@link #accept} for each output point and
 * {@link #inputChange} for each time at which the input changes. An input change at an output time comes before
 * that point (the point includes the input); an output point before it comes first.
 */
public interface Observer {
    /**
     * Called once before anything else.
     *
     * @param system the system being solved
     * @param schedule its inputs
     * @param grid the output times
     */
    default void init(CompartmentSystem system, Schedule schedule, TimeGrid grid) {
    }

    /**
     * One output point.
     *
     * @param index output point index
     * @param timeH time, h
     * @param amounts µmol per compartment (a live array: copy what you keep)
     * @param sinks µmol per sink (live; only updated when sinks are tracked)
     * @param cumulativeAuc exact ∫C dt per observation, µmol·h/L (live)
     */
    void accept(int index, double timeH, double[] amounts, double[] sinks, double[] cumulativeAuc);

    /**
     * The input changes at {@code timeH} (a bolus is given, an infusion starts or ends): the amounts just before
     * and just after. Between two input changes the amounts are smooth, so a curve read on the output grid may be
     * interpolated between points but not across this time. The default ignores it.
     *
     * @param timeH time of the change, h
     * @param before µmol per compartment just before the change (live)
     * @param after µmol per compartment just after it, boluses included (live)
     */
    default void inputChange(double timeH, double[] before, double[] after) {
    }

    /**
     * Whether this observer reads amounts only in the observed compartments (those named by
     * {@link CompartmentSystem#observations()}). If so, a solver may skip the other compartments, which then hold
     * NaN; the observed ones are exactly what they would otherwise be.
     *
     * @return false (every compartment is filled) unless overridden
     */
    default boolean observedCompartmentsOnly() {
        return false;
    }
}
