package org.ketaminepk.cli.report;

import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;

/**
 * Refuses, before anything is simulated, a time grid whose results would not fit in the Java heap, saying how much
 * memory it would need; the bound follows from the heap the JVM was given ({@link Runtime#maxMemory()}), not from
 * a fixed count of points. A PNG chart, drawn whole in memory, is checked the same way ({@link #checkPng}).
 *
 * <p>The estimate counts the values a run keeps per grid point — the amount in each compartment and sink, the
 * running AUC and the concentration of each observed analyte, the total input and the time — at 8 bytes each, twice
 * over (the solver's columns live beside the profile built from them, and the writers read copies of the profile's
 * columns), plus {@value #RESERVED_MIB} MiB for the program itself.
 * Measured peaks stay below it: with one bolus on a grid of a million points, racemic-composite (17 compartments,
 * sinks and observations; estimate 336 bytes a point) ran in a 240 MiB heap and failed in 200 MiB, simons-2022 (22;
 * estimate 432 bytes) ran in 340 MiB and failed in 280 MiB, writing CSV and JSON.
 */
public final class MemoryBudget {
    /** Memory set aside for classes, buffers and chart drawing, MiB. */
    static final long RESERVED_MIB = 64;
    /** Copies of each value counted at the peak. */
    static final int COPIES = 2;
    /** Bytes of one pixel of the image a PNG chart is drawn into (RGB in an int). */
    static final int PNG_PIXEL_BYTES = 4;

    private MemoryBudget() {
    }

    /**
     * @param model a model
     * @param patient the patient (the structure of some models depends on the patient)
     * @return how many double values one run of the model keeps per grid point
     */
    public static int valuesPerPoint(PublishedModel model, Patient patient) {
        CompartmentSystem s = model.individualize(patient, PatientAdjuster.NONE).system();
        return s.size() + s.sinks().size() + 2 * s.observations().size() + 2;
    }

    /**
     * @param points grid points
     * @param valuesPerPoint per run, from {@link #valuesPerPoint}
     * @return the estimated peak heap use of simulating every run on the grid and writing the results, bytes
     */
    static long bytesNeeded(int points, List<Integer> valuesPerPoint) {
        long values = 0;
        for (int v : valuesPerPoint) {
            values += v;
        }
        return (RESERVED_MIB << 20) + (long) points * values * Double.BYTES * COPIES;
    }

    /**
     * @param points grid points
     * @param valuesPerPoint per run, from {@link #valuesPerPoint}
     * @param maxHeapBytes the largest heap the JVM may use, bytes
     * @return whether the runs on a grid of {@code points} fit in that heap (where {@link #check} lets them through)
     */
    public static boolean fits(long points, List<Integer> valuesPerPoint, long maxHeapBytes) {
        return points <= Integer.MAX_VALUE && bytesNeeded((int) points, valuesPerPoint) <= maxHeapBytes;
    }

    /** @return the largest heap this JVM may use, bytes */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * @param points grid points
     * @param valuesPerPoint per run, from {@link #valuesPerPoint}
     * @param maxHeapBytes the largest heap the JVM may use, bytes
     * @return "about 1.4 GiB of memory but Java may use at most 1.0 GiB", for a message
     */
    public static String shortfall(int points, List<Integer> valuesPerPoint, long maxHeapBytes) {
        return "about " + size(bytesNeeded(points, valuesPerPoint)) + " of memory but Java may use at most "
                + size(maxHeapBytes);
    }

    /**
     * @return the heap option that would hold the runs on a grid of {@code points}
     *         ({@code KETAMINE_PK_JAVA_OPTS=-Xmx2g}), for a message
     */
    public static String heapOption(int points, List<Integer> valuesPerPoint) {
        return "KETAMINE_PK_JAVA_OPTS=-Xmx" + ((bytesNeeded(points, valuesPerPoint) >> 30) + 1) + "g";
    }

    /**
     * Checks the runs against the heap this JVM may use.
     *
     * @param grid the output grid
     * @param valuesPerPoint per run, from {@link #valuesPerPoint}
     * @throws InvalidInputException when they would not fit, with the memory they need and the points that fit
     */
    public static void check(TimeGrid grid, List<Integer> valuesPerPoint) {
        check(grid.size(), valuesPerPoint, Runtime.getRuntime().maxMemory());
    }

    /**
     * Checks the runs against a heap of the given size.
     *
     * @param points grid points
     * @param valuesPerPoint per run, from {@link #valuesPerPoint}
     * @param maxHeapBytes the largest heap the JVM may use, bytes
     * @throws InvalidInputException when they would not fit, with the memory they need and the points that fit
     */
    static void check(int points, List<Integer> valuesPerPoint, long maxHeapBytes) {
        if (fits(points, valuesPerPoint, maxHeapBytes)) {
            return;
        }
        long perPoint = bytesNeeded(1, valuesPerPoint) - (RESERVED_MIB << 20);
        long fit = Math.max(0, (maxHeapBytes - (RESERVED_MIB << 20)) / perPoint);
        String runs = valuesPerPoint.size() == 1 ? "" : " for " + valuesPerPoint.size() + " series";
        throw new InvalidInputException("step", String.format(Locale.ROOT, "--step: the output grid of %d points%s "
                + "needs %s, enough for about %d points; use a longer --step or a shorter --duration, or give Java "
                + "more memory (e.g. %s)", points, runs, shortfall(points, valuesPerPoint, maxHeapBytes), fit,
                heapOption(points, valuesPerPoint)));
    }

    /**
     * Refuses, before anything is simulated, a PNG chart whose image would not fit in the heap this JVM may use.
     *
     * @param widthPx width, px
     * @param heightPx height, px
     * @throws InvalidInputException naming {@code --plot-size}, the memory the image needs and what to change
     */
    public static void checkPng(int widthPx, int heightPx) {
        checkPng(widthPx, heightPx, maxHeapBytes());
    }

    /**
     * Checks a PNG chart against a heap of the given size: the image it is drawn into holds {@value #PNG_PIXEL_BYTES}
     * bytes a pixel, beside the {@value #RESERVED_MIB} MiB set aside for the program. (Measured: 10000 × 10000 px
     * with one bolus on the default grid ran in a 395 MiB heap and failed in 385 MiB; this asks for 445 MiB.)
     *
     * @param widthPx width, px
     * @param heightPx height, px
     * @param maxHeapBytes the largest heap the JVM may use, bytes
     * @throws InvalidInputException when the image would not fit
     */
    static void checkPng(int widthPx, int heightPx, long maxHeapBytes) {
        long need = (RESERVED_MIB << 20) + (long) widthPx * heightPx * PNG_PIXEL_BYTES;
        if (need <= maxHeapBytes) {
            return;
        }
        throw new InvalidInputException("plot-size", String.format(Locale.ROOT, "--plot-size %dx%d: a PNG chart of "
                + "that size needs about %s of memory but Java may use at most %s; give a smaller --plot-size, draw "
                + "an .svg file, or give Java more memory (e.g. KETAMINE_PK_JAVA_OPTS=-Xmx%dg)", widthPx, heightPx,
                size(need), size(maxHeapBytes), (need >> 30) + 1));
    }

    /** @return bytes in MiB or GiB with one decimal */
    public static String size(long bytes) {
        double mib = bytes / (double) (1L << 20);
        return mib < 1024 ? String.format(Locale.ROOT, "%.0f MiB", mib)
                : String.format(Locale.ROOT, "%.1f GiB", mib / 1024);
    }
}
