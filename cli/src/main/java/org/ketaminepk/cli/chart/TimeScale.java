package org.ketaminepk.cli.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.axis.NumberTickUnit;

/**
 * The unit of the time axis. Profiles are in hours; a short simulation reads better in minutes and a course of
 * several days in days, with ticks at whole clinical intervals (15 min, 6 h, 1 day, 1 week).
 */
enum TimeScale {
    /** Spans up to 2 h. */
    MINUTES("min", 60, new double[] {1, 2, 5, 10, 15, 30, 60, 120}, new int[] {1, 2, 5, 2, 3, 3, 4, 4}),
    /** Spans above 2 h up to 72 h. */
    HOURS("h", 1, new double[] {0.25, 0.5, 1, 2, 3, 6, 12, 24}, new int[] {1, 2, 4, 2, 3, 6, 4, 4}),
    /** Spans above 72 h. */
    DAYS("days", 1.0 / 24, new double[] {1, 2, 7, 14, 28, 56, 91, 182, 365}, new int[] {4, 2, 7, 2, 4, 2, 1, 1, 1});

    /** Longest span shown in minutes, h. */
    static final double MINUTES_UP_TO_H = 2;
    /** Longest span shown in hours, h. */
    static final double HOURS_UP_TO_H = 72;

    private final String unit;
    private final double perHour;
    private final double[] tickSizes;
    private final int[] minorCounts;

    TimeScale(String unit, double perHour, double[] tickSizes, int[] minorCounts) {
        this.unit = unit;
        this.perHour = perHour;
        this.tickSizes = tickSizes;
        this.minorCounts = minorCounts;
    }

    /** @return the scale for a time span of {@code spanH} hours */
    static TimeScale forSpanH(double spanH) {
        if (spanH <= MINUTES_UP_TO_H) {
            return MINUTES;
        }
        return spanH <= HOURS_UP_TO_H ? HOURS : DAYS;
    }

    /** @return a time in this unit, from hours */
    double fromHours(double h) {
        return h * perHour;
    }

    /** @return times in this unit, from hours */
    double[] fromHours(double[] h) {
        double[] out = new double[h.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fromHours(h[i]);
        }
        return out;
    }

    /** @return the unit's symbol, as printed in the axis label */
    String unit() {
        return unit;
    }

    /** @return the axis label, with the unit */
    String axisLabel() {
        return "Time (" + unit + ")";
    }

    /**
     * The tick step for a span, chosen here rather than by JFreeChart, whose estimate of label widths lets
     * "0.25"-style labels collide at slide font sizes.
     *
     * @param span the span of the axis, in this unit
     * @return the smallest listed step giving at most {@value #MAX_TICKS} intervals
     */
    NumberTickUnit tickUnitFor(double span) {
        return tickUnitFor(span, MAX_TICKS);
    }

    /**
     * @param span the span of the axis, in this unit
     * @param maxTicks most intervals between labelled ticks (fewer for a narrow plot), at least 1
     * @return the smallest listed step giving at most {@code maxTicks} intervals
     */
    NumberTickUnit tickUnitFor(double span, int maxTicks) {
        DecimalFormat fmt = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        for (int i = 0; i < tickSizes.length; i++) {
            if (span / tickSizes[i] <= maxTicks) {
                return new NumberTickUnit(tickSizes[i], fmt, minorCounts[i]);
            }
        }
        double size = tickSizes[tickSizes.length - 1];
        while (span / size > maxTicks) {
            size *= 2;
        }
        return new NumberTickUnit(size, fmt, 2);
    }

    /** Most intervals between labelled ticks on the time axis. */
    static final int MAX_TICKS = 12;
}
