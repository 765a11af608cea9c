package org.ketaminepk.base;

/**
 * Two-dimensional arrays allocated row by row. The JIT compiles {@code new double[r][c]} into a call to the virtual
 * machine's runtime, which costs far more than allocating the rows inline; on paths run once per virtual patient the
 * difference is measurable. Stateless.
 */
public final class Grids {
    private Grids() {
    }

    /**
     * @param rows number of rows, {@code >= 0}
     * @param columns length of each row, {@code >= 0}
     * @return a zero-filled {@code rows × columns} array
     */
    public static double[][] doubles(int rows, int columns) {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = new double[columns];
        }
        return out;
    }

    /**
     * @param rows number of rows, {@code >= 0}
     * @param columns length of each row, {@code >= 0}
     * @return a {@code rows × columns} array of {@code false}
     */
    public static boolean[][] booleans(int rows, int columns) {
        boolean[][] out = new boolean[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = new boolean[columns];
        }
        return out;
    }
}
