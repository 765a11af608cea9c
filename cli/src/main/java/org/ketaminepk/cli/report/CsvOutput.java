package org.ketaminepk.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.result.Profile;

/**
 * Concentrations as CSV (quoting as RFC 4180, lines ending in LF): {@code time_h,ketamine_ng_per_mL,norketamine_ng_per_mL}, plus
 * {@code hydroxynorketamine_ng_per_mL} when a model predicts it, and a leading {@code series} column when several
 * series are written (long format). Values carry 10 significant digits; a metabolite the model does not predict is
 * an empty cell. With an effect endpoint the effect-site concentration of the driving analyte and the effect follow
 * ({@link EffectRuns#effectSiteColumn()}, {@link EffectRuns#effectColumn()}).
 *
 * <p>Written by hand rather than with a CSV library: the output is numbers and labels only, so quoting one text
 * column is all the format needs, and the command line starts faster without another jar to load.
 */
public final class CsvOutput {
    private CsvOutput() {
    }

    /** The fixed columns in order: ketamine and norketamine always, hydroxynorketamine when present. */
    static List<Analyte> columns(List<Run> runs) {
        for (Run r : runs) {
            if (r.result().profile().has(Analyte.HYDROXYNORKETAMINE)) {
                return List.of(Analyte.KETAMINE, Analyte.NORKETAMINE, Analyte.HYDROXYNORKETAMINE);
            }
        }
        return List.of(Analyte.KETAMINE, Analyte.NORKETAMINE);
    }

    /**
     * Writes the runs.
     *
     * @param out where to
     * @param runs one or more runs
     * @param seriesColumn whether to lead with a {@code series} column
     */
    public static void write(Writer out, List<Run> runs, boolean seriesColumn) throws IOException {
        write(out, runs, seriesColumn, null);
    }

    /**
     * Writes the runs, with the effect-site concentration and the effect of an endpoint as the last columns.
     *
     * @param effects the endpoint's results, one per run, or null for concentrations only
     */
    public static void write(Writer out, List<Run> runs, boolean seriesColumn, EffectRuns effects)
            throws IOException {
        List<Analyte> cols = columns(runs);
        StringBuilder b = new StringBuilder(256);
        if (seriesColumn) {
            b.append("series,");
        }
        b.append("time_h");
        for (Analyte a : cols) {
            b.append(',').append(a.label()).append("_ng_per_mL");
        }
        if (effects != null) {
            b.append(',').append(effects.effectSiteColumn());
            if (effects.hasEffect()) {
                b.append(',').append(effects.effectColumn());
            }
        }
        b.append('\n');
        out.write(b.toString());
        for (int ri = 0; ri < runs.size(); ri++) {
            Run r = runs.get(ri);
            Profile p = r.result().profile();
            double[] ce = effects == null ? null : effects.results().get(ri).effectSiteNgPerMl();
            double[] ef = effects == null || !effects.hasEffect() ? null
                    : effects.results().get(ri).effect().orElseThrow();
            String label = seriesColumn ? quote(r.label()) + "," : "";
            double[] t = p.timesH();
            double[][] c = new double[cols.size()][];
            for (int k = 0; k < cols.size(); k++) {
                c[k] = p.has(cols.get(k)) ? p.series(cols.get(k)).ngPerMl() : null;
            }
            for (int i = 0; i < t.length; i++) {
                b.setLength(0);
                b.append(label);
                appendNumber(b, t[i]);
                for (double[] col : c) {
                    b.append(',');
                    if (col != null) {
                        appendNumber(b, col[i]);
                    }
                }
                if (ce != null) {
                    appendNumber(b.append(','), ce[i]);
                }
                if (ef != null) {
                    appendNumber(b.append(','), ef[i]);
                }
                b.append('\n');
                out.write(b.toString());
            }
        }
        out.flush();
    }

    /** Exact powers of ten, 10^0 to 10^22 (the largest a double holds exactly). */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** @return the value with 10 significant digits, as {@code %.10g} writes it (0 as "0") */
    static String number(double v) {
        StringBuilder b = new StringBuilder(20);
        appendNumber(b, v);
        return b.toString();
    }

    /**
     * Appends {@code v} with 10 significant digits in the layout of {@code %.10g}: plain from 1e-4 up to 1e10,
     * scientific outside. Done by hand because {@code String.format} dominated the time of writing long profiles
     * (about 4 s for half a million rows); values whose scaling needs a power of ten beyond 10^22 take the slow path.
     */
    static void appendNumber(StringBuilder b, double v) {
        if (v == 0) {
            b.append('0');
            return;
        }
        double a = Math.abs(v);
        int e = (int) Math.floor(Math.log10(a));
        long m = scaled(a, e);
        if (m >= 10_000_000_000L) {
            e++;
            m = scaled(a, e);
        } else if (m < 1_000_000_000L) {
            e--;
            m = scaled(a, e);
        }
        if (!Double.isFinite(v) || m < 0 || m >= 10_000_000_000L || m < 1_000_000_000L) {
            b.append(String.format(Locale.ROOT, "%.10g", v));
            return;
        }
        if (v < 0) {
            b.append('-');
        }
        String d = Long.toString(m);
        if (e >= -4 && e < 10) {
            if (e >= 0) {
                b.append(d, 0, e + 1);
                if (e < 9) {
                    b.append('.').append(d, e + 1, 10);
                }
            } else {
                b.append("0.");
                for (int i = -1; i > e; i--) {
                    b.append('0');
                }
                b.append(d);
            }
        } else {
            b.append(d.charAt(0)).append('.').append(d, 1, 10).append(e < 0 ? "e-" : "e+");
            int x = Math.abs(e);
            if (x < 10) {
                b.append('0');
            }
            b.append(x);
        }
    }

    /** @return round(a × 10^(9 − e)), or -1 when that power is not exact in a double */
    private static long scaled(double a, int e) {
        int k = 9 - e;
        if (k >= 0 && k < POW10.length) {
            return Math.round(a * POW10[k]);
        }
        if (k < 0 && -k < POW10.length) {
            return Math.round(a / POW10[-k]);
        }
        return -1;
    }

    /** @return the field, quoted when it holds a comma, a quote or a line break (RFC 4180) */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
