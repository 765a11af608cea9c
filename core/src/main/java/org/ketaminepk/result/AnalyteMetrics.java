package org.ketaminepk.result;

import java.util.List;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The summary of one analyte's concentration curve for one patient, without the curve itself: what
 * {@link ExactMetrics} (or, for systems with coincident eigenvalues, {@link StreamingMetrics}) keeps so that a
 * population of thousands can be simulated in little memory. {@link #exact()} says which: exact values are found on
 * the continuous curve between input changes, without a grid (Cmax at least every grid value, band times with the
 * true crossing times); grid values are defined as the {@link Series} method named beside each and equal it on the
 * same grid. Immutable.
 *
 * @param analyte the analyte
 * @param cmaxNgPerMl highest concentration over the grid's span (exact) or on the grid, ng/mL
 *        ({@link Series#cmaxNgPerMl()})
 * @param tmaxH last time at that concentration, to within round-off, h ({@link Series#tmaxH()}); meaningless when
 *        the curve stays at 0 (see {@link #hasPeak()})
 * @param aucNgHPerMl exact area under the curve from time 0 to the end of the grid, ng·h/mL
 *        ({@link Series#aucNgHPerMl()}; the solver's integral, not a trapezoid)
 * @param bands the bands asked for
 * @param timeInBandsH hours within each band, in the order of {@code bands} ({@link Series#timeWithinH})
 * @param exact whether the values were found exactly between input changes ({@link ExactMetrics}) rather than read
 *        on the grid
 */
public record AnalyteMetrics(Analyte analyte, double cmaxNgPerMl, double tmaxH, double aucNgHPerMl, List<Band> bands,
        List<Double> timeInBandsH, boolean exact) {

    /** Metrics read on a grid ({@code exact} false). */
    public AnalyteMetrics(Analyte analyte, double cmaxNgPerMl, double tmaxH, double aucNgHPerMl, List<Band> bands,
            List<Double> timeInBandsH) {
        this(analyte, cmaxNgPerMl, tmaxH, aucNgHPerMl, bands, timeInBandsH, false);
    }

    /**
     * @return whether the curve rises above 0 in the grid's span. When it does not (no drug reaches the analyte
     *         there, e.g. every dose comes after the end), every time is "at" the maximum of 0, so {@link #tmaxH()} is
     *         the span's end by the rule for ties and names no peak: show it as absent.
     */
    public boolean hasPeak() {
        return cmaxNgPerMl > 0;
    }

    /**
     * Validates and copies the lists.
     *
     * @throws InvalidInputException if an argument or list entry is missing, a number is not finite, or there is not
     *         one time per band
     */
    public AnalyteMetrics {
        Checks.notNull("analyte", analyte);
        finite("Cmax", cmaxNgPerMl, "ng/mL");
        finite("Tmax", tmaxH, "h");
        finite("AUC", aucNgHPerMl, "ng·h/mL");
        Checks.notNull("bands", bands);
        Checks.notNull("times in bands", timeInBandsH);
        for (int i = 0; i < bands.size(); i++) {
            Checks.notNull("bands", i, bands.get(i));
        }
        for (int i = 0; i < timeInBandsH.size(); i++) {
            Double h = timeInBandsH.get(i);
            Checks.notNull("times in bands", i, h);
            if (!Double.isFinite(h)) {
                finite("times in bands[" + i + "]", h, "h");
            }
        }
        bands = List.copyOf(bands);
        timeInBandsH = List.copyOf(timeInBandsH);
        if (bands.size() != timeInBandsH.size()) {
            throw InvalidInputException.statement("times in bands", timeInBandsH.size(), "must hold one time per "
                    + "band (" + bands.size() + ") but held " + timeInBandsH.size());
        }
    }

    private static void finite(String field, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw InvalidInputException.statement(field, value, "must be a finite number of " + unit + " but was "
                    + Checks.fmt(value));
        }
    }

    /**
     * @return hours within {@code band} (one of {@link #bands()}), h
     * @throws InvalidInputException if that band was not asked for
     */
    public double timeInBandH(Band band) {
        int i = bands.indexOf(band);
        if (i < 0) {
            String words = "must be one of " + bands + " (the bands asked for) but was " + band;
            throw band == null ? InvalidInputException.statement("band", words)
                    : InvalidInputException.statement("band", band, words);
        }
        return timeInBandsH.get(i);
    }

    /**
     * @param i the band's index in {@link #bands()}, 0 to the number of bands − 1
     * @return hours within the {@code i}-th band asked for, h
     * @throws InvalidInputException if there is no such band
     */
    public double timeInBandH(int i) {
        if (i < 0 || i >= timeInBandsH.size()) {
            throw InvalidInputException.statement("band index", i, bands.isEmpty() ? "must name a band asked for "
                    + "but none were, and was " + i : "must be between 0 and " + (bands.size() - 1) + " but was " + i);
        }
        return timeInBandsH.get(i);
    }
}
