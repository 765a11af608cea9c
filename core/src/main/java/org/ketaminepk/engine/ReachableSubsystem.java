package org.ketaminepk.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

import org.ketaminepk.base.Grids;

/**
 * The compartments one run has to carry: those the schedule's inputs can reach through the flows, plus the observed
 * ones and whatever they feed. Every other compartment starts empty and receives nothing, so it stays exactly zero
 * and adds nothing anywhere; leaving it out changes no value. It matters because the library's models carry a depot
 * for every route: the unused depots of an intravenous regimen would otherwise enlarge the system and can give it
 * coincident eigenvalues, forcing the slower dense scheme on all of it.
 *
 * <p>The graph walk, {@link #downstream}, is public because systemic clearance walks the same flows. It is a pure
 * function of its arguments (it does not change the matrix) and thread-safe.
 */
public final class ReachableSubsystem {
    /** Compartments in the full system. */
    final int fullSize;
    /** Full index of each kept compartment, ascending. */
    final int[] full;
    /** Kept index of each full compartment, or −1. */
    final int[] local;
    /** Rate matrix of the kept compartments, 1/h. */
    final double[][] k;
    /** Sink inflow from the kept compartments, [sink][kept], 1/h. */
    final double[][] e;
    /** Sinks. */
    final int m;
    /** Kept index of each observed compartment, in observation order. */
    final int[] obsCmt;
    /** 1 / volume of each observation, 1/L. */
    final double[] obsInvV;

    private ReachableSubsystem(CompartmentSystem system, int[] kept) {
        fullSize = system.size();
        full = kept;
        local = new int[fullSize];
        Arrays.fill(local, -1);
        for (int i = 0; i < full.length; i++) {
            local[full[i]] = i;
        }
        // the kept compartments' entries of the system's rate and elimination matrices, each the same sum of the
        // same flows in the same order as there, taken from the flows without making the full matrices
        k = Grids.doubles(full.length, full.length);
        m = system.sinks().size();
        e = Grids.doubles(m, full.length);
        for (int f = 0; f < system.flowCount(); f++) {
            int from = local[system.flowFrom(f)];
            if (from < 0) {
                continue;
            }
            double rate = system.flowRate(f);
            k[from][from] -= rate;
            if (system.flowIntoSink(f)) {
                e[system.flowTo(f)][from] += rate;
            } else if (local[system.flowTo(f)] >= 0) {
                k[local[system.flowTo(f)]][from] += rate;
            }
        }
        obsCmt = new int[system.observations().size()];
        obsInvV = new double[obsCmt.length];
        int o = 0;
        for (CompartmentSystem.Observation ob : system.observations().values()) {
            obsCmt[o] = local[ob.compartment()];
            obsInvV[o] = 1.0 / ob.volumeL();
            o++;
        }
    }

    /** @return the part of {@code system} that {@code schedule}'s inputs and the observations involve */
    static ReachableSubsystem of(CompartmentSystem system, Schedule schedule) {
        // plain arrays, no streams: this runs once per patient of a population
        boolean[] from = new boolean[system.size()];
        for (CompartmentSystem.Observation ob : system.observations().values()) {
            from[ob.compartment()] = true;
        }
        List<Schedule.Bolus> boluses = schedule.boluses();
        for (int i = 0; i < boluses.size(); i++) {
            Schedule.Bolus b = boluses.get(i);
            if (!b.toSink()) {
                from[b.target()] = true;
            }
        }
        List<Schedule.RateInput> rates = schedule.rates();
        for (int i = 0; i < rates.size(); i++) {
            Schedule.RateInput r = rates.get(i);
            if (!r.toSink()) {
                from[r.target()] = true;
            }
        }
        return new ReachableSubsystem(system, reach(system, from));
    }

    /**
     * {@link #downstream} along the system's flows with a positive rate (those that make {@code K[to][from] > 0}),
     * from the compartments marked in {@code from} (overwritten), through every compartment.
     */
    private static int[] reach(CompartmentSystem system, boolean[] from) {
        int n = from.length;
        boolean[] seen = from;
        int[] stack = new int[n];
        int top = marked(seen, stack);
        int count = top;
        while (top > 0) {
            int j = stack[--top];
            for (int f = 0; f < system.flowCount(); f++) {
                int i = system.flowTo(f);
                if (system.flowFrom(f) == j && !system.flowIntoSink(f) && !seen[i] && i != j
                        && system.flowRate(f) > 0) {
                    seen[i] = true;
                    stack[top++] = i;
                    count++;
                }
            }
        }
        return marked(seen, count);
    }

    /**
     * The compartments reachable from {@code from} along flows ({@code k[to][from] > 0}, to ≠ from), passing only
     * through compartments that {@code include} accepts.
     *
     * @param k rate matrix, [to][from], 1/h
     * @param from starting compartments (always included)
     * @param include which other compartments the walk may enter
     * @return the reachable compartments, ascending
     */
    public static int[] downstream(double[][] k, int[] from, IntPredicate include) {
        boolean[] start = new boolean[k.length];
        for (int c : from) {
            start[c] = true;
        }
        return reach(k, start, include);
    }

    /** {@link #downstream} from the compartments marked in {@code from} (overwritten); {@code include} null: all. */
    private static int[] reach(double[][] k, boolean[] from, IntPredicate include) {
        int n = k.length;
        boolean[] seen = from;
        int[] stack = new int[n];
        int top = marked(seen, stack);
        int count = top;
        while (top > 0) {
            int j = stack[--top];
            for (int i = 0; i < n; i++) {
                if (!seen[i] && i != j && k[i][j] > 0 && (include == null || include.test(i))) {
                    seen[i] = true;
                    stack[top++] = i;
                    count++;
                }
            }
        }
        return marked(seen, count);
    }

    /** @return the indices of the {@code count} marked entries of {@code seen}, ascending */
    private static int[] marked(boolean[] seen, int count) {
        int[] out = new int[count];
        marked(seen, out);
        return out;
    }

    /**
     * Writes the indices of the marked entries of {@code seen} into {@code out}, ascending.
     *
     * @return how many
     */
    private static int marked(boolean[] seen, int[] out) {
        int o = 0;
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                out[o++] = c;
            }
        }
        return o;
    }

    /** @return the full index of each kept compartment, ascending (a copy) */
    int[] kept() {
        return full.clone();
    }

    /** @return whether every compartment is kept */
    boolean identity() {
        return full.length == fullSize;
    }
}
