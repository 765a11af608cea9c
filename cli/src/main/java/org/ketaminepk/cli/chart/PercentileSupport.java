package org.ketaminepk.cli.chart;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.LegendItemCollection;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * How many virtual patients a percentile needs before it says more than the lowest or highest patient. Of
 * {@code n} patients, on average {@code n·p/100} lie below the p-th percentile (and as many above the
 * (100 − p)-th); while that is less than one patient, the percentile is the extreme patient's value or an
 * interpolation that leans on that one patient, and a band out to it shows the range of a handful of patients, not
 * a share of the population. So a percentile p is shown only from ⌈100 / min(p, 100 − p)⌉ patients on: the 5th and
 * 95th from {@value #OUTER_BAND_PATIENTS}, the 25th and 75th from {@value #INNER_BAND_PATIENTS}; the median always
 * (one patient is its own median). Below that, charts leave the band out and say so in their subtitle, the text says
 * so, and CSV and JSON files keep the columns but leave the values out (empty cells, {@code null}).
 *
 * <p>Not a statement about the Monte-Carlo error of a percentile: a band of 20 patients is drawn but still rough.
 */
public final class PercentileSupport {
    /** Patients the 5th and 95th percentiles (the middle 90 % of patients) need. */
    public static final int OUTER_BAND_PATIENTS = 20;
    /** Patients the 25th and 75th percentiles (the middle 50 % of patients) need. */
    public static final int INNER_BAND_PATIENTS = 4;

    private PercentileSupport() {
    }

    /**
     * @param percentile the percentile, above 0 and below 100
     * @return the fewest patients at which it is shown: ⌈100 / min(p, 100 − p)⌉, and 1 for the median
     */
    public static int patientsNeeded(double percentile) {
        if (!(percentile > 0 && percentile < 100)) {
            throw new InvalidInputException("percentile", "percentile must be above 0 and below 100 but was "
                    + Checks.fmt(percentile));
        }
        if (percentile == 50) {
            return 1;
        }
        return (int) Math.ceil(100 / Math.min(percentile, 100 - percentile) - 1e-9);
    }

    /**
     * @param percentile the percentile, above 0 and below 100
     * @param patients the number of patients, at least 1
     * @return whether the percentile of that many patients is shown
     */
    public static boolean shown(double percentile, int patients) {
        return patients >= patientsNeeded(percentile);
    }

    /**
     * @param patients the number of patients
     * @return the highest percentile of the bands (5, 25, 50, 75, 95) shown for them: 95, 75 or 50
     */
    public static double highestShown(int patients) {
        return shown(95, patients) ? 95 : shown(75, patients) ? 75 : 50;
    }

    /**
     * @param patients the number of patients
     * @return one line saying which bands are not drawn and why, e.g. "90 % band not drawn: 3 patients, at least 20
     *         needed", or an empty string when both are drawn
     */
    public static String bandsNotDrawn(int patients) {
        String n = patients + (patients == 1 ? " patient" : " patients");
        if (!shown(25, patients)) {
            return "50 % and 90 % bands not drawn: " + n + ", at least " + INNER_BAND_PATIENTS + " and "
                    + OUTER_BAND_PATIENTS + " needed";
        }
        if (!shown(5, patients)) {
            return "90 % band not drawn: " + n + ", at least " + OUTER_BAND_PATIENTS + " needed";
        }
        return "";
    }

    /**
     * Adds the legend's grey swatches of the bands drawn for {@code patients}: "Middle 50 % of patients" (inner and
     * outer fill over each other) and "Middle 90 % of patients" (outer fill alone), each only where shown.
     *
     * @param out the legend being built
     * @param patients the number of patients of the bands
     * @param innerAlpha the opacity of the 25th–75th percentile fill
     * @param outerAlpha the opacity of the 5th–95th percentile fill
     */
    static void addBandSwatches(LegendItemCollection out, int patients, double innerAlpha, double outerAlpha) {
        Shape swatch = new Rectangle2D.Double(-16, -9, 32, 18);
        Color grey = ChartStyle.AXIS;
        if (shown(25, patients)) {
            out.add(ChartLegend.markItem("Middle 50 % of patients", swatch,
                    ChartStyle.translucent(grey, innerAlpha + outerAlpha)));
        }
        if (shown(5, patients)) {
            out.add(ChartLegend.markItem("Middle 90 % of patients", swatch, ChartStyle.translucent(grey, outerAlpha)));
        }
    }

    /**
     * @param subtitle a chart's subtitle
     * @param patients the number of patients of its bands
     * @return the subtitle followed by {@link #bandsNotDrawn} when a band is not drawn
     */
    static String subtitle(String subtitle, int patients) {
        String note = bandsNotDrawn(patients);
        return note.isEmpty() ? subtitle : subtitle.isBlank() ? note : subtitle + " · " + note;
    }
}
