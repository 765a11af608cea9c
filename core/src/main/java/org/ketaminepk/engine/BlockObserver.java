package org.ketaminepk.engine;

/**
 * An {@link Observer} that can also take a run of consecutive output points at once, so that per-point metrics can
 * be computed in tight loops. A solver may call {@link #acceptBlock} for runs of points between input changes and
 * {@link #accept} for the others; together they deliver every output point exactly once, in order. A block carries
 * the observed amounts at every point but the cumulative AUC only at its last point, which spares the solver the
 * integral at every point; observers that need the AUC along the path implement {@link Observer} alone.
 *
 * <p>An observer accumulates what one run delivers: use one instance per run, on the thread that runs it.
 */
public interface BlockObserver extends Observer {
    /**
     * Points {@code firstIndex .. firstIndex + count − 1}. The arrays are the solver's, valid only during the call;
     * only the first {@code count} entries of each row are meaningful. Every value is exactly what {@link #accept}
     * would have received for the same point.
     *
     * @param firstIndex index of the first point
     * @param count number of points, at least 1
     * @param timesH time of each point, h
     * @param observedAmounts µmol in each observation's compartment ({@code [observation][point]}, observations in
     *        the order of {@link CompartmentSystem#observations()})
     * @param cumulativeAuc exact ∫C dt from time 0 to the block's last point, per observation, µmol·h/L
     */
    void acceptBlock(int firstIndex, int count, double[] timesH, double[][] observedAmounts, double[] cumulativeAuc);
}
