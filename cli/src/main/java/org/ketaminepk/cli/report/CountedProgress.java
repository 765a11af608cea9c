package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A percentage on standard error for counted work (patients, dataset IDs): shown only on a terminal and only once the
 * work has taken longer than {@link #QUIET_NANOS}, rewritten in place with a carriage return, and wiped by
 * {@link #finish()} so that nothing of it stays among the results. Thread-safe.
 * <pre>
 *   CountedProgress p = CountedProgress.on(err, Terminal.stderr(), "simulating 1,000 individuals");
 *   ... p.update(done, total) from any thread ...
 *   p.finish();
 * </pre>
 */
public final class CountedProgress {
    /** Delay before anything is shown, ns: a quick run stays silent. */
    static final long QUIET_NANOS = 1_000_000_000L;
    /** Width wiped by {@link #finish()}, characters. */
    static final int WIPE = 60;

    private final PrintWriter err;
    private final String label;
    private final LongSupplier clockNanos;
    private final long startNanos;
    private boolean shown;
    private int lastPercent = -1;

    /**
     * @param err where to write, or null for silence (not a terminal)
     * @param label what is being done, e.g. "simulating 1,000 individuals"
     * @param clockNanos the clock
     */
    CountedProgress(PrintWriter err, String label, LongSupplier clockNanos) {
        this.err = err;
        this.label = label;
        this.clockNanos = clockNanos;
        this.startNanos = clockNanos.getAsLong();
    }

    /**
     * @param err standard error
     * @param terminal whether standard error is a terminal ({@link Terminal#stderr()})
     * @param label what is being done
     * @return progress that writes only on a terminal
     */
    public static CountedProgress on(PrintWriter err, boolean terminal, String label) {
        return new CountedProgress(terminal ? err : null, label, System::nanoTime);
    }

    /** Records that {@code done} of {@code total} are finished; writes when the whole percentage grows. */
    public void update(int done, int total) {
        if (err == null || clockNanos.getAsLong() - startNanos < QUIET_NANOS) {
            return;
        }
        int percent = (int) Math.min(100, 100L * done / Math.max(1, total));
        synchronized (this) {
            // threads report out of order (one computes 51 % after another has shown 52 %), and a population's
            // tasks are counted as they are handed out: a percentage never goes back
            if (percent <= lastPercent) {
                return;
            }
            lastPercent = percent;
            shown = true;
            err.print(String.format(Locale.ROOT, "\r%s: %d %%", label, percent));
            err.flush();
        }
    }

    /** Wipes the line if anything was shown. */
    public synchronized void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(Math.max(WIPE, label.length() + 8)) + "\r");
            err.flush();
        }
    }
}
