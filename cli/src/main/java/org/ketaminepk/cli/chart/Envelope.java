package org.ketaminepk.cli.chart;

import java.util.Arrays;

/**
 * The peak–trough envelope of a curve that oscillates faster than a chart can draw: the line through its local
 * maxima (peaks) and the line through its local minima (troughs), both made of the curve's own points. The first
 * and last points belong to both lines. A stretch where the curve does not oscillate (a run of equal values, or a
 * rise or fall between two extrema) wider than {@code slowSpan} belongs to both lines point by point, so that the
 * washout after the last dose, or the flat start before the first, is drawn as the curve itself; so is a curve with
 * no interior extremum at all.
 *
 * <p>Extrema are found on runs of equal values, so a plateau is one peak (or trough) and both its ends are vertices.
 * Between two consecutive vertices of the upper line the curve has no peak, so it stays below the higher of the two;
 * between two of the lower line it stays above the lower of the two. Not a smoothing or a fit: nothing is averaged.
 *
 * @param upperX abscissae of the upper line, non-decreasing
 * @param upperY its ordinates
 * @param lowerX abscissae of the lower line, non-decreasing
 * @param lowerY its ordinates
 * @param shared for each vertex of the lower line, whether the segment from it to the next vertex is part of the
 *        upper line too (a stretch where both lines are the curve), so that a chart can draw it once
 */
record Envelope(double[] upperX, double[] upperY, double[] lowerX, double[] lowerY, boolean[] shared) {

    /**
     * @param x abscissae, non-decreasing, at least one
     * @param y ordinates, same length, finite
     * @param slowSpan width in x above which a stretch without oscillation is drawn as the curve itself, {@code >= 0}
     * @return the envelope
     */
    static Envelope of(double[] x, double[] y, double slowSpan) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y must be equally long and not empty but had " + x.length
                    + " and " + y.length + " points");
        }
        int n = x.length;
        // runs of equal values: [runStart[r], runEnd[r]]
        int[] runStart = new int[n];
        int[] runEnd = new int[n];
        int runs = 0;
        for (int i = 0; i < n; i++) {
            if (runs > 0 && y[i] == y[runEnd[runs - 1]]) {
                runEnd[runs - 1] = i;
            } else {
                runStart[runs] = i;
                runEnd[runs] = i;
                runs++;
            }
        }
        // kind of each run: +1 peak, -1 trough, 0 neither; the first and last run are both (2)
        int[] kind = new int[runs];
        int interior = 0;
        for (int r = 0; r < runs; r++) {
            if (r == 0 || r == runs - 1) {
                kind[r] = 2;
                continue;
            }
            double here = y[runStart[r]];
            double before = y[runStart[r - 1]];
            double after = y[runStart[r + 1]];
            kind[r] = here > before && here > after ? 1 : here < before && here < after ? -1 : 0;
            if (kind[r] != 0) {
                interior++;
            }
        }
        boolean[] inUpper = new boolean[n];
        boolean[] inLower = new boolean[n];
        boolean[] slow = new boolean[n];
        if (interior == 0) {
            Arrays.fill(slow, true);
        }
        int prevEnd = -1;
        for (int r = 0; r < runs; r++) {
            if (kind[r] == 0) {
                continue;
            }
            int s = runStart[r];
            int e = runEnd[r];
            inUpper[s] |= kind[r] != -1;
            inUpper[e] |= kind[r] != -1;
            inLower[s] |= kind[r] != 1;
            inLower[e] |= kind[r] != 1;
            markSlow(slow, x, s, e, slowSpan);
            if (prevEnd >= 0) {
                markSlow(slow, x, prevEnd, s, slowSpan);
            }
            prevEnd = e;
        }
        inUpper[0] = inLower[0] = true;
        inUpper[n - 1] = inLower[n - 1] = true;
        int nu = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            if (slow[i]) {
                inUpper[i] = inLower[i] = true;
            }
            nu += inUpper[i] ? 1 : 0;
            nl += inLower[i] ? 1 : 0;
        }
        double[] ux = new double[nu];
        double[] uy = new double[nu];
        double[] lx = new double[nl];
        double[] ly = new double[nl];
        boolean[] shared = new boolean[nl];
        int ku = 0;
        int kl = 0;
        int lastLower = -1;
        int lastUpper = -1;
        for (int i = 0; i < n; i++) {
            if (inLower[i]) {
                if (kl > 0) {
                    // the curve itself from one end to the other, with no peak of the upper line between them
                    shared[kl - 1] = slow[lastLower] && slow[i] && lastUpper == lastLower;
                }
                lx[kl] = x[i];
                ly[kl++] = y[i];
                lastLower = i;
            }
            if (inUpper[i]) {
                ux[ku] = x[i];
                uy[ku++] = y[i];
                lastUpper = i;
            }
        }
        return new Envelope(ux, uy, lx, ly, shared);
    }

    /** Marks indices {@code from..to} slow when they span more than {@code slowSpan}. */
    private static void markSlow(boolean[] slow, double[] x, int from, int to, double slowSpan) {
        if (to > from && x[to] - x[from] > slowSpan) {
            Arrays.fill(slow, from, to + 1, true);
        }
    }

    /**
     * @param lineX a line's abscissae, non-decreasing
     * @param lineY its ordinates
     * @param at where to read it, within the line's span
     * @return the line's value at {@code at}, linear between vertices
     */
    static double valueAt(double[] lineX, double[] lineY, double at) {
        int i = Arrays.binarySearch(lineX, at);
        if (i >= 0) {
            return lineY[i];
        }
        int hi = -i - 1;
        if (hi == 0) {
            return lineY[0];
        }
        if (hi >= lineX.length) {
            return lineY[lineX.length - 1];
        }
        int lo = hi - 1;
        double f = (at - lineX[lo]) / (lineX[hi] - lineX[lo]);
        return lineY[lo] + f * (lineY[hi] - lineY[lo]);
    }
}
