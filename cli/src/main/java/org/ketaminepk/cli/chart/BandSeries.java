package org.ketaminepk.cli.chart;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.population.PercentileBands;

/**
 * One analyte's percentile bands as chart series: the median line and the middle 50 % (25th–75th) and 90 %
 * (5th–95th) intervals around it, on the chart's time scale. An interval of too few patients
 * ({@link PercentileSupport}) is left empty. On a log axis the times where the lowest percentile drawn is not above
 * zero are left out.
 *
 * @param median the 50th percentile
 * @param inner the 25th–75th percentile interval, empty below {@link PercentileSupport#INNER_BAND_PATIENTS}
 * @param outer the 5th–95th percentile interval, empty below {@link PercentileSupport#OUTER_BAND_PATIENTS}
 */
record BandSeries(XYSeries median, YIntervalSeries inner, YIntervalSeries outer) {
    /**
     * @param medianKey the median line's key (its legend entry, if shown)
     * @param bandKey the start of the intervals' keys ("… 25–75", "… 5–95")
     * @param patients the number of patients the bands are of
     */
    static BandSeries of(String medianKey, String bandKey, PercentileBands bands, Analyte a, TimeScale scale,
            boolean logScale, int patients) {
        double[] times = bands.timesH();
        double[] p5 = bands.ngPerMl(a, 5);
        double[] p25 = bands.ngPerMl(a, 25);
        double[] p50 = bands.ngPerMl(a, 50);
        double[] p75 = bands.ngPerMl(a, 75);
        double[] p95 = bands.ngPerMl(a, 95);
        boolean drawInner = PercentileSupport.shown(25, patients);
        boolean drawOuter = PercentileSupport.shown(5, patients);
        double[] lowest = drawOuter ? p5 : drawInner ? p25 : p50;
        XYSeries m = new XYSeries(medianKey, false, true);
        YIntervalSeries in = new YIntervalSeries(bandKey + " 25–75", false, true);
        YIntervalSeries out = new YIntervalSeries(bandKey + " 5–95", false, true);
        for (int i = 0; i < times.length; i++) {
            if (logScale && !(lowest[i] > 0)) {
                continue;
            }
            double x = scale.fromHours(times[i]);
            m.add(x, p50[i], false);
            if (drawInner) {
                in.add(x, p50[i], p25[i], p75[i]);
            }
            if (drawOuter) {
                out.add(x, p50[i], p5[i], p95[i]);
            }
        }
        return new BandSeries(m, in, out);
    }

    /**
     * @return the highest value of the percentiles drawn for {@code patients} patients of analyte {@code a}, ng/mL:
     *         the 95th, 75th or 50th percentile's peak
     */
    static double top(PercentileBands bands, Analyte a, int patients) {
        double top = 0;
        for (double v : bands.ngPerMl(a, PercentileSupport.highestShown(patients))) {
            top = Math.max(top, v);
        }
        return top;
    }
}
