package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;

/** Number and table formatting for the terminal. Every number printed carries its unit in the column or label. */
public final class Text {
    private Text() {
    }

    /** @return {@code v} rounded to {@code digits} significant digits, without exponent ("123.4", "0.001235") */
    public static String sig(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /**
     * A number for a table column: rounded to {@code digits} significant digits like {@link #sig}, but keeping
     * trailing zeros, so that every value in a column shows the same precision ("66.90" above "51.63").
     *
     * @return e.g. "66.90", "5600", "0.04100"
     */
    public static String column(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal r = new BigDecimal(v).round(new MathContext(digits));
        if (r.precision() < digits) {
            // a value a double holds exactly (220, 0.75) has fewer digits than asked: pad it as its neighbours
            r = r.setScale(r.scale() + digits - r.precision());
        }
        // no exponent, and no decimals that would claim more digits than asked ("5600", not "5.600E+3")
        return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
    }

    /** @return hours with two decimals ("4.25") */
    public static String hours(double h) {
        return String.format(Locale.ROOT, "%.2f", h);
    }

    /**
     * A time span as people read it: hours and minutes ("40 min", "1 h 30 min", "24 h"), from two days on days,
     * hours and minutes ("11 d 40 min", "9 d 4 h"), with seconds only when the span is not a whole minute
     * ("2 min 30 s"). Parts that are zero are left out; a zero span is "0 h". Rounded to the second.
     *
     * @param h the span, h (finite, non-negative)
     * @return the span in words
     */
    public static String hoursMinutes(double h) {
        if (!Double.isFinite(h) || h < 0) {
            return Checks.fmt(h) + " h";
        }
        long seconds = Math.round(h * 3600);
        long days = seconds >= 48 * 3600 ? seconds / 86400 : 0;
        long hours = (seconds - days * 86400) / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (seconds == 0) {
            return "0 h";
        }
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + " d");
        }
        if (hours > 0) {
            parts.add(hours + " h");
        }
        if (minutes > 0) {
            parts.add(minutes + " min");
        }
        if (rest > 0) {
            parts.add(rest + " s");
        }
        return String.join(" ", parts);
    }

    /**
     * @return e.g. "40 years, 70 kg, 175 cm, male", followed by what else is stated: "80 years, 60 kg, 175 cm, male,
     *         serum creatinine 1.4 mg/dL, Child–Pugh B, CYP2B6 *6/*6, with rifampicin"
     */
    public static String patient(Patient p) {
        List<String> parts = new ArrayList<>();
        parts.add(Checks.fmt(p.ageYears()) + " years");
        parts.add(Checks.fmt(p.weightKg()) + " kg");
        parts.add(Checks.fmt(p.heightCm()) + " cm");
        parts.add(p.sex().name().toLowerCase(Locale.ROOT));
        parts.addAll(patientExtras(p));
        return String.join(", ", parts);
    }

    /** @return what is stated beyond body size and sex, briefly: kidney, liver, genotype, co-medication */
    static List<String> patientExtras(Patient p) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {kidney(p), liver(p), cyp2b6(p), coMedications(p)}) {
            if (s != null) {
                parts.add(s);
            }
        }
        return parts;
    }

    /** @return e.g. "serum creatinine 1.4 mg/dL", "eGFR 30 mL/min/1.73 m²", or null when not stated */
    static String kidney(Patient p) {
        return p.kidney() instanceof KidneyFunction.NotStated ? null
                : p.kidney().describe().replace(" (as given)", "");
    }

    /** @return e.g. "Child–Pugh B", "Child–Pugh 8 (B)", "normal liver", or null when not stated */
    static String liver(Patient p) {
        if (p.liver() instanceof LiverFunction.Normal) {
            return "normal liver";
        }
        if (p.childPughClass().isEmpty()) {
            return null;
        }
        return "Child–Pugh " + (p.childPughScore().isPresent() ? p.childPughScore().getAsInt() + " ("
                + p.childPughClass().get() + ")" : p.childPughClass().get());
    }

    /** @return e.g. "CYP2B6 *6/*6", or null when not tested */
    static String cyp2b6(Patient p) {
        return p.cyp2b6() == Cyp2b6Genotype.NOT_TESTED ? null : "CYP2B6 " + p.cyp2b6().label();
    }

    /** @return e.g. "with rifampicin", or null when none is stated */
    static String coMedications(Patient p) {
        if (p.coMedications().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (CoMedication c : p.coMedications()) {
            names.add(c.label());
        }
        return "with " + String.join(" and ", names);
    }

    /**
     * @return a span in hours, with days and hours as {@link #hoursMinutes} writes them for long spans ("244 h (10 d 4
     *         h)"); under a minute, in seconds ("2 s")
     */
    public static String span(double h) {
        if (h > 0 && h < 1.0 / 60) {
            // to a thousandth of an hour a run of 1 s was "0 h", one of 2 s "0.001 h"
            return step(h);
        }
        String s = Checks.fmt(Math.round(h * 1000) / 1000.0) + " h";
        return h >= 48 ? s + " (" + hoursMinutes(h) + ")" : s;
    }

    /**
     * @return the number with two decimals ("1.94"), or with four significant digits where two decimals would hide it:
     *         a million or more (a ratio printed with 42 digits), or so small that it would read "0.00" ("2.286e-05")
     */
    public static String twoDecimals(double v) {
        double a = Math.abs(v);
        return a < 1e6 && (a == 0 || a >= 0.005) ? String.format(Locale.ROOT, "%.2f", v)
                : Checks.fmt(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }

    /** @return the step in the most readable unit ("1 min", "30 s", "0.5 h") */
    public static String step(double h) {
        if (h < 1.0 / 60) {
            return sig(h * 3600, 6) + " s";
        }
        if (h < 1) {
            return sig(h * 60, 6) + " min";
        }
        return sig(h, 6) + " h";
    }

    /** @return a time of day from the start, "h:mm:ss" (hours run past 24) */
    public static String clock(double h) {
        long s = Math.round(h * 3600);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** @return the number with thousands separators ("14,641") */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Wraps {@code text} to lines of at most {@code width} characters (words longer than a line stay whole). A number
     * stays on the line of its unit ("289.3 ng/mL", "40 %"), as on the charts.
     *
     * @return the lines, at least one
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : unitsKept(text.trim().split("\\s+"))) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** A unit as it follows a number in a sentence ("ng/mL,", "%", "h)", "mg/kg/h"), not a word ("2020 (arterial)"). */
    private static final Pattern UNIT = Pattern.compile("(?:%|[µμ]?(?:g|mg|ng|kg|L|mL"
            + "|mol|mmol|nmol)|h|min|s|d|cm|m²|px|years?|days?|hours?|weeks?|[µμ]?[A-Za-z]+(?:·[A-Za-z]+)?/\\S+)"
            + "[,;:.)]*");

    /** The words with each number joined to the unit after it, and a mean to its "± SD", by a space. */
    private static List<String> unitsKept(String[] words) {
        List<String> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (endsWithDigit(w) && i + 2 < words.length && words[i + 1].equals("±")
                    && Character.isDigit(words[i + 2].charAt(0))) {
                w = w + " ± " + words[i + 2];
                i += 2;
            }
            if (endsWithDigit(w) && i + 1 < words.length && UNIT.matcher(words[i + 1]).matches()) {
                w = w + " " + words[++i];
            }
            out.add(w);
        }
        return out;
    }

    private static boolean endsWithDigit(String w) {
        return !w.isEmpty() && Character.isDigit(w.charAt(w.length() - 1));
    }

    /**
     * Prints {@code text} wrapped to lines of {@code width} characters, the first after {@code first} and the others
     * after {@code rest}: the hanging indent of labelled fields and bullets.
     */
    public static void hanging(PrintWriter out, String first, String rest, String text, int width) {
        List<String> lines = wrap(text, width);
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? first : rest) + lines.get(i));
        }
    }

    /** Prints {@code text} wrapped to {@code width} characters after {@code prefix}, further lines indented as far. */
    public static void hanging(PrintWriter out, String prefix, String text, int width) {
        hanging(out, prefix, " ".repeat(prefix.length()), text, width);
    }

    /** Prints each warning's message as a bullet ("  - "), wrapped to 100 columns. */
    public static void warnings(PrintWriter out, List<Warning> warnings) {
        for (Warning w : warnings) {
            hanging(out, "  - ", "    ", w.message(), 96);
        }
    }

    /** A plain table: a header row, rows of cells; the first column left-aligned, the rest right-aligned. */
    public static final class Table {
        /** Narrowest first column worth keeping beside the others; below it, row names are not moved above. */
        private static final int MIN_FIRST_COLUMN = 12;
        private final List<String[]> rows = new ArrayList<>();
        private final boolean alignRight;
        /** Rows at the top that form the header (a long column name takes more than one), underlined below. */
        private int headerRows = 1;

        /**
         * @param alignRight whether columns after the first are right-aligned (numbers)
         * @param header the header cells
         */
        public Table(boolean alignRight, String... header) {
            this.alignRight = alignRight;
            rows.add(header);
        }

        /** Adds a row. */
        public Table row(String... cells) {
            rows.add(cells);
            return this;
        }

        /**
         * The table within {@code maxWidth} columns: column names too long to fit beside the row names are wrapped onto
         * more header lines, row names too long to leave room for a column go on lines of their own above their row,
         * and when the columns are still too wide side by side, they are split into blocks one under the other, each
         * block repeating the first column (the row names), a blank line between. A single value wider than the limit
         * stays whole.
         *
         * @param indent spaces before every line
         * @param maxWidth the widest line wanted, in characters
         * @return the lines
         */
        public List<String> render(int indent, int maxWidth) {
            List<String> whole = render(indent);
            if (whole.stream().allMatch(l -> l.length() <= maxWidth)) {
                return whole;
            }
            // column names first (they are read once), then row names; each at most once
            Table t = this;
            int columnRoom = maxWidth - indent - 3 - t.widths()[0];
            if (headerRows == 1 && columnRoom >= MIN_FIRST_COLUMN && headerWiderThan(columnRoom)) {
                t = t.withHeaderWrapped(columnRoom);
            }
            int[] w = t.widths();
            int widestOther = 0;
            for (int c = 1; c < w.length; c++) {
                widestOther = Math.max(widestOther, w[c]);
            }
            int firstRoom = maxWidth - indent - 3 - widestOther;
            if (w.length > 1 && w[0] > firstRoom && firstRoom >= MIN_FIRST_COLUMN) {
                t = t.withLongNamesAbove(firstRoom, maxWidth - indent);
            }
            return t.inBlocks(indent, maxWidth);
        }

        /** @return the width of each column (a row of one cell, a caption, widens none) */
        private int[] widths() {
            int[] w = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int c = 0; c < r.length && c < w.length && r.length > 1; c++) {
                    w[c] = Math.max(w[c], r[c].length());
                }
            }
            return w;
        }

        /** The columns split into blocks one under the other, each within {@code maxWidth} if it can be. */
        private List<String> inBlocks(int indent, int maxWidth) {
            List<String> whole = render(indent);
            if (whole.stream().allMatch(l -> l.length() <= maxWidth)) {
                return whole;
            }
            int[] w = widths();
            int cols = w.length;
            List<String> out = new ArrayList<>();
            int from = 1;
            while (from < cols) {
                int to = from + 1;
                int width = indent + w[0] + 3 + w[from];
                while (to < cols && width + 3 + w[to] <= maxWidth) {
                    width += 3 + w[to];
                    to++;
                }
                // the header lines this block's column names need (a short name sits on the last line)
                List<String[]> head = new ArrayList<>();
                for (int h = 0; h < headerRows; h++) {
                    String[] line = slice(rows.get(h), from, to);
                    if (h == headerRows - 1 || !String.join("", line).isBlank()) {
                        head.add(line);
                    }
                }
                Table part = new Table(alignRight, head.get(0));
                for (String[] line : head.subList(1, head.size())) {
                    part.row(line);
                }
                part.headerRows = head.size();
                for (String[] r : rows.subList(headerRows, rows.size())) {
                    part.row(r.length == 1 ? r : slice(r, from, to));
                }
                if (!out.isEmpty()) {
                    out.add("");
                }
                out.addAll(part.render(indent));
                from = to;
            }
            return out;
        }

        /** @return whether a column's name is wider than {@code room} while its values are not */
        private boolean headerWiderThan(int room) {
            String[] header = rows.get(0);
            for (int c = 1; c < header.length; c++) {
                int values = 0;
                for (String[] r : rows.subList(1, rows.size())) {
                    if (r.length > 1 && c < r.length) {
                        values = Math.max(values, r[c].length());
                    }
                }
                if (header[c].length() > room && values <= room) {
                    return true;
                }
            }
            return false;
        }

        /** The same table with every column name wrapped to lines of at most {@code room} (a word longer stays whole). */
        private Table withHeaderWrapped(int room) {
            String[] header = rows.get(0);
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < header.length; c++) {
                List<String> l = c == 0 || header[c].length() <= room ? List.of(header[c]) : wrap(header[c], room);
                lines.add(l);
                height = Math.max(height, l.size());
            }
            String[][] head = new String[height][header.length];
            for (int c = 0; c < header.length; c++) {
                List<String> l = lines.get(c);
                for (int h = 0; h < height; h++) {
                    // a short name sits on the last header line, next to the end of the long ones
                    int k = h - (height - l.size());
                    head[h][c] = k >= 0 ? l.get(k) : "";
                }
            }
            Table t = new Table(alignRight, head[0]);
            for (int h = 1; h < height; h++) {
                t.row(head[h]);
            }
            t.headerRows = height;
            for (String[] r : rows.subList(1, rows.size())) {
                t.row(r);
            }
            return t;
        }

        /**
         * The same table with every row name longer than {@code room} on lines of its own above the row (wrapped to
         * {@code lineWidth}), so that the first column keeps to {@code room} and the values stay in their columns.
         */
        private Table withLongNamesAbove(int room, int lineWidth) {
            Table t = new Table(alignRight, rows.get(0));
            for (String[] r : rows.subList(1, headerRows)) {
                t.row(r);
            }
            t.headerRows = headerRows;
            for (String[] r : rows.subList(headerRows, rows.size())) {
                if (r.length > 1 && r[0].length() > room) {
                    // a name's leading spaces (an indented series under its metric) stay on its first line
                    String lead = r[0].substring(0, r[0].length() - r[0].stripLeading().length());
                    for (String line : wrap(r[0], lineWidth - lead.length())) {
                        t.row(lead + line);
                    }
                    String[] values = r.clone();
                    values[0] = "";
                    t.row(values);
                } else {
                    t.row(r);
                }
            }
            return t;
        }

        /** @return the first cell and the cells {@code from} (inclusive) to {@code to} (exclusive) */
        private static String[] slice(String[] row, int from, int to) {
            String[] s = new String[to - from + 1];
            s[0] = row.length > 0 ? row[0] : "";
            for (int c = from; c < to; c++) {
                s[c - from + 1] = c < row.length ? row[c] : "";
            }
            return s;
        }

        /** @return the table, header underlined, lines indented by {@code indent} spaces */
        public List<String> render(int indent) {
            int cols = 0;
            for (String[] r : rows) {
                cols = Math.max(cols, r.length);
            }
            int[] w = new int[cols];
            for (String[] r : rows) {
                // a row of one cell (a caption line under a row) does not widen the first column
                for (int c = 0; c < r.length && r.length > 1; c++) {
                    w[c] = Math.max(w[c], r[c].length());
                }
            }
            List<String> out = new ArrayList<>();
            String pad = " ".repeat(indent);
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                StringBuilder b = new StringBuilder(pad);
                if (r.length == 1 && cols > 1) {
                    out.add((pad + r[0]).stripTrailing());
                    continue;
                }
                for (int c = 0; c < cols; c++) {
                    String cell = c < r.length ? r[c] : "";
                    String fmt = c == 0 || !alignRight ? "%-" + w[c] + "s" : "%" + w[c] + "s";
                    b.append(String.format(Locale.ROOT, fmt, cell));
                    if (c + 1 < cols) {
                        b.append("   ");
                    }
                }
                out.add(b.toString().stripTrailing());
                if (i == headerRows - 1) {
                    int total = 0;
                    for (int c = 0; c < cols; c++) {
                        total += w[c] + (c + 1 < cols ? 3 : 0);
                    }
                    out.add(pad + "-".repeat(total));
                }
            }
            return out;
        }
    }
}
