package org.ketaminepk.engine;

import org.ketaminepk.base.Grids;

/**
 * The eigen-decomposition of a rate matrix whose compartments form small groups: a parent's mammillary compartments
 * feeding a metabolite's, each group of at most three compartments that exchange with each other (a strongly
 * connected component of the flow graph). In an order where every group comes after the groups that feed it, K is
 * block lower-triangular, so
 * <ul>
 *   <li>its eigenvalues are those of the diagonal blocks: for a block of one compartment its diagonal entry, of two
 *       the roots of a quadratic, of three those of a cubic (Viète's trigonometric form, then Newton steps on the
 *       characteristic polynomial);</li>
 *   <li>the right eigenvector of an eigenvalue λ of block B is zero in the groups B does not reach, a null vector of
 *       {@code K_BB − λI} in B, and follows group by group downstream from {@code (K_DD − λI) v_D = −Σ K_DC v_C};</li>
 *   <li>the left eigenvector is zero in the groups that do not reach B and follows upstream the same way; scaled so
 *       that its product with the right one is 1, it is the row of V⁻¹.</li>
 * </ul>
 * A few hundred flops for the five compartments of an intravenous ketamine-norketamine system, instead of a general
 * Schur decomposition and two LU inversions; the structural zeros of V and V⁻¹ come out exactly zero.
 *
 * <p>{@link #of} returns null whenever this route does not apply or is unsure: a group of more than three
 * compartments, complex eigenvalues, a block {@code K_DD − λI} close to singular (an eigenvalue shared, or nearly,
 * between groups), or a left and right eigenvector nearly orthogonal. The caller then uses the general decomposition.
 * The trust checks (gap between eigenvalues, conditioning of V, reconstruction of K) are the caller's, as for the
 * general route. Stateless; not for general matrices.
 */
final class BlockEigen {
    /** Largest group handled in closed form. */
    static final int MAX_BLOCK = 3;
    /** Newton steps that polish a cubic's root (each roughly doubles its correct digits). */
    private static final int POLISH_STEPS = 6;

    /** Eigenvalues, 1/h; V and V⁻¹, row-major [row][mode]. */
    final double[] lambda;
    final double[][] v;
    final double[][] vinv;

    private BlockEigen(double[] lambda, double[][] v, double[][] vinv) {
        this.lambda = lambda;
        this.v = v;
        this.vinv = vinv;
    }

    /**
     * @param k rate matrix, [to][from], 1/h
     * @return the decomposition, or null when the groups are too large or the route is unsure
     */
    static BlockEigen of(double[][] k) {
        int n = k.length;
        // reach[a][b]: a flows, directly or not, into b (or a == b); n is small, so Warshall's closure is cheap
        boolean[][] reach = Grids.booleans(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                reach[a][b] = a == b || k[b][a] != 0;
            }
        }
        for (int via = 0; via < n; via++) {
            for (int a = 0; a < n; a++) {
                if (reach[a][via]) {
                    for (int b = 0; b < n; b++) {
                        reach[a][b] |= reach[via][b];
                    }
                }
            }
        }
        // groups in an order where every group follows those that feed it: by how many compartments reach it
        int[] group = new int[n];
        int[] upstream = new int[n];
        int groups = 0;
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (reach[b][a]) {
                    upstream[a]++;
                }
            }
        }
        int[][] members = new int[n][];
        int[] size = new int[n];
        for (int a = 0; a < n; a++) {
            if (groupOf[a] >= 0) {
                continue;
            }
            int[] m = new int[MAX_BLOCK];
            int s = 0;
            for (int b = a; b < n; b++) {
                if (reach[a][b] && reach[b][a]) {
                    if (s == MAX_BLOCK) {
                        return null;
                    }
                    m[s++] = b;
                    groupOf[b] = groups;
                }
            }
            members[groups] = m;
            size[groups] = s;
            group[groups] = upstream[a];
            groups++;
        }
        int[] order = new int[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        // insertion sort by the number of compartments upstream: a group fed by another has strictly more
        for (int i = 1; i < groups; i++) {
            int g = order[i];
            int j = i - 1;
            while (j >= 0 && group[order[j]] > group[g]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = g;
        }
        double[] lambda = new double[n];
        int[] home = new int[n];
        int modes = 0;
        for (int g = 0; g < groups; g++) {
            int before = modes;
            modes = eigenvalues(k, members[g], size[g], lambda, modes);
            if (modes < 0) {
                return null;
            }
            for (int i = before; i < modes; i++) {
                home[i] = g;
            }
        }
        double[][] v = Grids.doubles(n, n);
        double[][] vinv = Grids.doubles(n, n);
        for (int i = 0; i < n; i++) {
            int b = home[i];
            if (!right(k, lambda[i], b, order, members, size, reach, v, i)
                    || !left(k, lambda[i], b, order, members, size, reach, vinv, i)) {
                return null;
            }
            // scale the right eigenvector to unit length and the left one so that their product is 1
            double norm = 0;
            for (int c = 0; c < n; c++) {
                norm += v[c][i] * v[c][i];
            }
            norm = Math.sqrt(norm);
            double dot = 0;
            for (int c = 0; c < n; c++) {
                v[c][i] /= norm;
                dot += vinv[i][c] * v[c][i];
            }
            double wNorm = 0;
            for (int c = 0; c < n; c++) {
                wNorm += vinv[i][c] * vinv[i][c];
            }
            // |w·v| ≥ 1e-8 |w| |v|: otherwise the eigenvalue is ill conditioned, and the general route decides
            if (!(Math.abs(dot) >= 1e-8 * Math.sqrt(wNorm))) {
                return null;
            }
            for (int c = 0; c < n; c++) {
                vinv[i][c] /= dot;
            }
        }
        return new BlockEigen(lambda, v, vinv);
    }

    /**
     * Writes the eigenvalues of the block of {@code k} on {@code m[0..s−1]} into {@code out} from {@code at}.
     *
     * @return the next free index, or −1 if they are not all real
     */
    private static int eigenvalues(double[][] k, int[] m, int s, double[] out, int at) {
        if (s == 1) {
            out[at] = k[m[0]][m[0]];
            return at + 1;
        }
        if (s == 2) {
            double a = k[m[0]][m[0]];
            double b = k[m[0]][m[1]];
            double c = k[m[1]][m[0]];
            double d = k[m[1]][m[1]];
            double tr = a + d;
            double det = a * d - b * c;
            double disc = (a - d) * (a - d) + 4 * b * c;
            if (!(disc >= 0)) {
                return -1;
            }
            // the root of larger size without cancellation, the other from the product of the roots
            double big = 0.5 * (tr + Math.copySign(Math.sqrt(disc), tr));
            out[at] = big;
            out[at + 1] = big == 0 ? 0 : det / big;
            return at + 2;
        }
        double[][] a = Grids.doubles(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = k[m[i]][m[j]];
            }
        }
        // λ³ + c2 λ² + c1 λ + c0: c2 = −trace, c1 = sum of the principal 2×2 minors, c0 = −det
        double c2 = -(a[0][0] + a[1][1] + a[2][2]);
        double c1 = a[0][0] * a[1][1] - a[0][1] * a[1][0] + a[0][0] * a[2][2] - a[0][2] * a[2][0]
                + a[1][1] * a[2][2] - a[1][2] * a[2][1];
        double c0 = -det3(a);
        // λ = t − c2/3: t³ + p t + q = 0, three real roots when p < 0 and 4p³ + 27q² ≤ 0 (Viète)
        double shift = c2 / 3;
        double p = c1 - c2 * shift;
        double q = (2 * shift * shift - c1) * shift + c0;
        if (!(p < 0)) {
            return -1;
        }
        double r = Math.sqrt(-p / 3);
        double cos = -q / (2 * r * r * r);
        if (!(cos >= -1 - 1e-12 && cos <= 1 + 1e-12)) {
            return -1;
        }
        double theta = Math.acos(Math.max(-1, Math.min(1, cos))) / 3;
        for (int j = 0; j < 3; j++) {
            double x = 2 * r * Math.cos(theta - 2 * Math.PI * j / 3) - shift;
            // Newton on the characteristic polynomial: the trigonometric form is accurate only relative to the
            // largest root
            for (int it = 0; it < POLISH_STEPS; it++) {
                double f = ((x + c2) * x + c1) * x + c0;
                double df = (3 * x + 2 * c2) * x + c1;
                if (f == 0 || df == 0) {
                    break;
                }
                double next = x - f / df;
                if (!Double.isFinite(next)) {
                    break;
                }
                double step = Math.abs(next - x);
                x = next;
                if (step <= 1e-16 * Math.abs(x)) {
                    break;
                }
            }
            out[at + j] = x;
        }
        return at + 3;
    }

    private static double det3(double[][] a) {
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    }

    /**
     * The right eigenvector of λ (of group {@code b}) into column {@code col} of {@code v}: a null vector of
     * {@code K_BB − λI}, then each downstream group from its feeders.
     */
    private static boolean right(double[][] k, double lambda, int b, int[] order, int[][] members, int[] size,
            boolean[][] reach, double[][] v, int col) {
        double[] x = new double[MAX_BLOCK];
        if (!nullVector(k, members[b], size[b], lambda, false, x)) {
            return false;
        }
        for (int j = 0; j < size[b]; j++) {
            v[members[b][j]][col] = x[j];
        }
        int start = indexOf(order, b);
        double[] rhs = new double[MAX_BLOCK];
        for (int o = start + 1; o < order.length; o++) {
            int d = order[o];
            int[] md = members[d];
            int sd = size[d];
            if (!reach[members[b][0]][md[0]]) {
                continue;
            }
            for (int r = 0; r < sd; r++) {
                double acc = 0;
                double[] row = k[md[r]];
                for (int c = 0; c < row.length; c++) {
                    // every compartment outside d holding a value here is upstream of d
                    double vc = v[c][col];
                    if (vc != 0 && !contains(md, sd, c)) {
                        acc -= row[c] * vc;
                    }
                }
                rhs[r] = acc;
            }
            if (!solveShifted(k, md, sd, lambda, false, rhs, x)) {
                return false;
            }
            for (int j = 0; j < sd; j++) {
                v[md[j]][col] = x[j];
            }
        }
        return true;
    }

    /**
     * The left eigenvector of λ (of group {@code b}) into row {@code row} of {@code w}: a null vector of
     * {@code (K_BB − λI)ᵀ}, then each upstream group from the groups it feeds.
     */
    private static boolean left(double[][] k, double lambda, int b, int[] order, int[][] members, int[] size,
            boolean[][] reach, double[][] w, int row) {
        double[] x = new double[MAX_BLOCK];
        if (!nullVector(k, members[b], size[b], lambda, true, x)) {
            return false;
        }
        double[] wr = w[row];
        for (int j = 0; j < size[b]; j++) {
            wr[members[b][j]] = x[j];
        }
        int start = indexOf(order, b);
        double[] rhs = new double[MAX_BLOCK];
        for (int o = start - 1; o >= 0; o--) {
            int u = order[o];
            int[] mu = members[u];
            int su = size[u];
            if (!reach[mu[0]][members[b][0]]) {
                continue;
            }
            for (int r = 0; r < su; r++) {
                double acc = 0;
                int col = mu[r];
                for (int c = 0; c < wr.length; c++) {
                    double wc = wr[c];
                    if (wc != 0 && !contains(mu, su, c)) {
                        acc -= wc * k[c][col];
                    }
                }
                rhs[r] = acc;
            }
            if (!solveShifted(k, mu, su, lambda, true, rhs, x)) {
                return false;
            }
            for (int j = 0; j < su; j++) {
                wr[mu[j]] = x[j];
            }
        }
        return true;
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        throw new IllegalStateException("group " + x + " is not in the order");
    }

    private static boolean contains(int[] m, int s, int c) {
        for (int j = 0; j < s; j++) {
            if (m[j] == c) {
                return true;
            }
        }
        return false;
    }

    /** Entry (i, j) of {@code K_MM − λI}, or of its transpose. */
    private static double shifted(double[][] k, int[] m, int i, int j, double lambda, boolean transpose) {
        double e = transpose ? k[m[j]][m[i]] : k[m[i]][m[j]];
        return i == j ? e - lambda : e;
    }

    /** A null vector of the singular {@code K_MM − λI} (or its transpose), of the block's size, into {@code x}. */
    private static boolean nullVector(double[][] k, int[] m, int s, double lambda, boolean transpose, double[] x) {
        if (s == 1) {
            x[0] = 1;
            return true;
        }
        if (s == 2) {
            // from each row: (a, b)·x = 0 gives x ∝ (b, −a); the longer of the two candidates
            double a0 = shifted(k, m, 0, 0, lambda, transpose);
            double b0 = shifted(k, m, 0, 1, lambda, transpose);
            double a1 = shifted(k, m, 1, 0, lambda, transpose);
            double b1 = shifted(k, m, 1, 1, lambda, transpose);
            // squared lengths: Math.hypot guards against overflow that rate constants never reach, at many
            // times the cost
            if (a0 * a0 + b0 * b0 >= a1 * a1 + b1 * b1) {
                x[0] = b0;
                x[1] = -a0;
            } else {
                x[0] = b1;
                x[1] = -a1;
            }
            return x[0] != 0 || x[1] != 0;
        }
        // rank 2: the cross product of two rows is orthogonal to all three; the longest of the three products
        double[][] r = Grids.doubles(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = shifted(k, m, i, j, lambda, transpose);
            }
        }
        double best = -1;
        for (int p = 0; p < 3; p++) {
            double[] u = r[p];
            double[] w = r[(p + 1) % 3];
            double c0 = u[1] * w[2] - u[2] * w[1];
            double c1 = u[2] * w[0] - u[0] * w[2];
            double c2 = u[0] * w[1] - u[1] * w[0];
            double len = c0 * c0 + c1 * c1 + c2 * c2;
            if (len > best) {
                best = len;
                x[0] = c0;
                x[1] = c1;
                x[2] = c2;
            }
        }
        return best > 0 && Double.isFinite(best);
    }

    /**
     * Solves {@code (K_MM − λI) x = rhs} (or with the transpose) by Gaussian elimination with partial pivoting.
     *
     * @return false when the block is singular or nearly so relative to its size (λ shared with this group)
     */
    private static boolean solveShifted(double[][] k, int[] m, int s, double lambda, boolean transpose,
            double[] rhs, double[] x) {
        double[][] a = Grids.doubles(s, s + 1);
        double size = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                a[i][j] = shifted(k, m, i, j, lambda, transpose);
                size = Math.max(size, Math.abs(a[i][j]));
            }
            a[i][s] = rhs[i];
        }
        for (int col = 0; col < s; col++) {
            int pivot = col;
            for (int i = col + 1; i < s; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) {
                    pivot = i;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-9 * size)) {
                return false;
            }
            double[] t = a[pivot];
            a[pivot] = a[col];
            a[col] = t;
            for (int i = col + 1; i < s; i++) {
                double f = a[i][col] / a[col][col];
                if (f != 0) {
                    for (int j = col; j <= s; j++) {
                        a[i][j] -= f * a[col][j];
                    }
                }
            }
        }
        for (int i = s - 1; i >= 0; i--) {
            double acc = a[i][s];
            for (int j = i + 1; j < s; j++) {
                acc -= a[i][j] * x[j];
            }
            x[i] = acc / a[i][i];
        }
        return true;
    }
}
