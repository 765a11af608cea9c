package org.ketaminepk.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;

/**
 * The predictions for every record of a dataset, in file order, with the warnings of each individual. Written back
 * as a dataset ({@link #write}) so that R and Python users can continue from it. Immutable (the arrays are not
 * exposed).
 */
public final class DatasetResult {
    private static final Set<String> LEADING = Set.of("ID", "TIME", "EVID");
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private final Dataset dataset;
    private final PublishedModel model;
    private final List<Analyte> analytes;
    private final double[][] predictions;
    private final List<Warning> warnings;

    DatasetResult(Dataset dataset, PublishedModel model, List<Analyte> analytes, double[][] predictions,
            List<Warning> warnings) {
        this.dataset = dataset;
        this.model = model;
        this.analytes = List.copyOf(analytes);
        this.predictions = predictions;
        this.warnings = List.copyOf(warnings);
    }

    /** @return the dataset */
    public Dataset dataset() {
        return dataset;
    }

    /** @return the model */
    public PublishedModel model() {
        return model;
    }

    /** @return the analytes predicted, in column order */
    public List<Analyte> analytes() {
        return analytes;
    }

    /**
     * @param record index of the record in {@link Dataset#records()}
     * @param analyte the analyte
     * @return its predicted concentration at the record's time, ng/mL
     * @throws IllegalArgumentException if the model does not report the analyte
     */
    public double predictionNgPerMl(int record, Analyte analyte) {
        int a = analytes.indexOf(analyte);
        if (a < 0) {
            throw new IllegalArgumentException(model.id() + " does not report " + analyte.label());
        }
        return predictions[record][a];
    }

    /** @return the warnings, each prefixed with its ID */
    public List<Warning> warnings() {
        return warnings;
    }

    /**
     * Writes comma-separated text: {@code ID,TIME,EVID}, one {@code PRED_<ANALYTE>} column per analyte (ng/mL, six
     * significant digits, below 1e-4 in scientific notation; the typical individual for the ID's covariates, so individual and population
     * predictions coincide), then every other input column as written. An input column named as a prediction column
     * (a file this method wrote, simulated again) is replaced by the new predictions rather than copied, so that what
     * is written can always be read back by {@link Dataset#read}.
     */
    public void write(Writer out) {
        try {
            List<String> cols = dataset.columns();
            List<Integer> rest = new ArrayList<>();
            StringBuilder h = new StringBuilder("ID,TIME,EVID");
            List<String> written = new ArrayList<>(LEADING);
            for (Analyte a : analytes) {
                String name = "PRED_" + a.label().toUpperCase(Locale.ROOT);
                h.append(',').append(name);
                written.add(name);
            }
            for (int i = 0; i < cols.size(); i++) {
                if (!written.contains(cols.get(i).toUpperCase(Locale.ROOT))) {
                    rest.add(i);
                    h.append(',').append(cols.get(i));
                }
            }
            out.write(h.append('\n').toString());
            List<Dataset.Record> recs = dataset.records();
            StringBuilder line = new StringBuilder(128);
            for (int r = 0; r < recs.size(); r++) {
                Dataset.Record rec = recs.get(r);
                line.setLength(0);
                line.append(rec.id()).append(',').append(dataset.cell(rec, "TIME").orElseThrow()).append(',').append(rec.evid());
                for (double p : predictions[r]) {
                    line.append(',').append(number(p));
                }
                for (int i : rest) {
                    line.append(',').append(rec.cells().get(i));
                }
                out.write(line.append('\n').toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Six significant digits, shortest form: 175.439, 0.0123457, 6.24581E-15, 1200. */
    static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int digits = 5 - exponent;
        if (digits < 0 || digits > 300) {
            BigDecimal d = new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros();
            return digits < 0 ? d.toPlainString() : d.toString();
        }
        // dividing the rounded integer by an exact power of ten gives the double nearest the 6-digit decimal,
        // which Double.toString prints in its shortest form
        double scale = Math.pow(10, digits);
        double r = Math.round(v * scale) / scale;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return Long.toString((long) r);
        }
        return Double.toString(r);
    }

}
