package org.ketaminepk.cli.chart;

import java.util.Arrays;
import java.util.stream.DoubleStream;

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
     * As {@link #of}, for a course too dense to draw one cycle at a time ({@link DenseCourse}): the median as the
     * lines through its peaks and its troughs ({@link DenseCourse#lines}), and each interval from the troughs of its
     * lower percentile to the peaks of its upper one, so that it still holds the curves it summarises.
     *
     * @param slowSpan the width, in time-axis units, above which a stretch without oscillation is drawn as the curve
     *        itself ({@link DenseCourse#slowSpan})
     */
    static BandSeries envelopes(String medianKey, String bandKey, PercentileBands bands, Analyte a, TimeScale scale,
            boolean logScale, int patients, double slowSpan) {
        double[] x = scale.fromHours(bands.timesH());
        XYSeries m = DenseCourse.lines(medianKey, Envelope.of(x, bands.ngPerMl(a, 50), slowSpan), logScale);
        YIntervalSeries in = new YIntervalSeries(bandKey + " 25–75", false, true);
        YIntervalSeries out = new YIntervalSeries(bandKey + " 5–95", false, true);
        fillIntervals(in, out, x, new double[][] {bands.ngPerMl(a, 5), bands.ngPerMl(a, 25), bands.ngPerMl(a, 75),
            bands.ngPerMl(a, 95)}, patients, slowSpan, logScale);
        return new BandSeries(m, in, out);
    }

    /**
     * Fills the middle 50 % ({@code in}) and 90 % ({@code out}) of a dense course's patients from the troughs of the
     * lower percentile to the peaks of the upper one ({@link #fillInterval}), each only where there are patients
     * enough for it ({@link PercentileSupport}).
     *
     * @param x the times, in time-axis units
     * @param p5to95 the 5th, 25th, 75th and 95th percentiles at those times
     */
    static void fillIntervals(YIntervalSeries in, YIntervalSeries out, double[] x, double[][] p5to95, int patients,
            double slowSpan, boolean logScale) {
        if (PercentileSupport.shown(25, patients)) {
            fillInterval(in, x, p5to95[1], p5to95[2], slowSpan, logScale);
        }
        if (PercentileSupport.shown(5, patients)) {
            fillInterval(out, x, p5to95[0], p5to95[3], slowSpan, logScale);
        }
    }

    /**
     * Fills {@code s} from the lower line of {@code low}'s envelope to the upper line of {@code high}'s, at every
     * vertex of either (thinned like a curve); {@code x} in time-axis units.
     */
    static void fillInterval(YIntervalSeries s, double[] x, double[] low, double[] high, double slowSpan,
            boolean logScale) {
        Envelope lo = Envelope.of(x, low, slowSpan);
        Envelope hi = Envelope.of(x, high, slowSpan);
        double[] lx = Decimation.minMax(lo.lowerX(), lo.lowerY(), ConcentrationChart.DRAW_BUCKETS)[0];
        double[] hx = Decimation.minMax(hi.upperX(), hi.upperY(), ConcentrationChart.DRAW_BUCKETS)[0];
        double[] at = DoubleStream.concat(Arrays.stream(lx), Arrays.stream(hx)).sorted().distinct().toArray();
        for (double t : at) {
            double bottom = Envelope.valueAt(lo.lowerX(), lo.lowerY(), t);
            double top = Envelope.valueAt(hi.upperX(), hi.upperY(), t);
            if (logScale && !(bottom > 0)) {
                continue;
            }
            s.add(t, (bottom + top) / 2, bottom, top);
        }
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
