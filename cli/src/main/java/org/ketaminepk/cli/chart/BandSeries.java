package org.ketaminepk.cli.chart;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.population.PercentileBands;

/**
 * One analyte's percentile bands as chart series: the median line and the middle 50 % (25th–75th) and 90 %
 * (5th–95th) intervals around it, on the chart's time scale. On a log axis the times where the 5th percentile is
 * not above zero are left out.
 *
 * @param median the 50th percentile
 * @param inner the 25th–75th percentile interval
 * @param outer the 5th–95th percentile interval
 */
record BandSeries(XYSeries median, YIntervalSeries inner, YIntervalSeries outer) {
    /**
     * @param medianKey the median line's key (its legend entry, if shown)
     * @param bandKey the start of the intervals' keys ("… 25–75", "… 5–95")
     */
    static BandSeries of(String medianKey, String bandKey, PercentileBands bands, Analyte a, TimeScale scale,
            boolean logScale) {
        double[] times = bands.timesH();
        double[] p5 = bands.ngPerMl(a, 5);
        double[] p25 = bands.ngPerMl(a, 25);
        double[] p50 = bands.ngPerMl(a, 50);
        double[] p75 = bands.ngPerMl(a, 75);
        double[] p95 = bands.ngPerMl(a, 95);
        XYSeries m = new XYSeries(medianKey, false, true);
        YIntervalSeries in = new YIntervalSeries(bandKey + " 25–75", false, true);
        YIntervalSeries out = new YIntervalSeries(bandKey + " 5–95", false, true);
        for (int i = 0; i < times.length; i++) {
            if (logScale && !(p5[i] > 0)) {
                continue;
            }
            double x = scale.fromHours(times[i]);
            m.add(x, p50[i], false);
            in.add(x, p50[i], p25[i], p75[i]);
            out.add(x, p50[i], p5[i], p95[i]);
        }
        return new BandSeries(m, in, out);
    }
}
