package org.ketaminepk.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;

/**
 * Reads measured levels from comma-separated text with a header:
 * <pre>
 *   time,analyte,value,lloq
 *   1.5,ketamine,180 ng/mL,5 ng/mL
 *   6,norketamine,0.12 mg/L,
 *   24,ketamine,&lt;LLOQ,5 ng/mL
 * </pre>
 * {@code time} in hours (or with a unit: {@code 90min}, {@code 1.5h}, {@code 2d}); {@code analyte} ketamine,
 * norketamine or hydroxynorketamine; {@code value} a number with its unit — ng/mL, µg/L (= ng/mL), µg/mL, mg/L,
 * nmol/L or µmol/L (converted by the analyte's molar mass) — or {@code <LLOQ} / {@code BLQ} for a level below the
 * limit of quantification; the optional {@code lloq} column takes the same units. Blank lines and lines starting with
 * {@code #} are skipped. Every error names the file, the line and the column. Stateless.
 */
public final class LevelsCsv {
    private static final Pattern QUANTITY = Pattern.compile("([-+0-9.eE]+)\\s*([^0-9\\s].*)?");

    private LevelsCsv() {
    }

    /**
     * Reads levels that have no file name; messages call them "levels".
     *
     * @param in the text (not closed)
     * @return the levels, in file order
     * @throws InvalidInputException naming line and column
     */
    public static List<Level> read(Reader in) {
        return read(in, "levels");
    }

    /**
     * @param in the text (not closed)
     * @param source the file name used in messages (for none use {@link #read(Reader)})
     * @return the levels, in file order
     * @throws InvalidInputException naming file, line and column, or for a missing text or source
     */
    public static List<Level> read(Reader in, String source) {
        Checks.notNull("levels", in);
        String src = Checks.notNull("source", source);
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            Map<String, Integer> columns = null;
            List<Level> out = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (columns == null) {
                    columns = header(cells, src, lineNo);
                    continue;
                }
                refuseExtraCells(cells, columns, src, lineNo);
                out.add(row(cells, columns, src, lineNo));
            }
            if (out.isEmpty()) {
                throw new InvalidInputException("levels", src + ": no levels (expected a header time,analyte,value "
                        + "and at least one row)");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> header(String[] cells, String src, int lineNo) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String name = cells[i].trim().toLowerCase(Locale.ROOT);
            if (!List.of("time", "analyte", "value", "lloq").contains(name)) {
                throw new InvalidInputException("levels", src + " line " + lineNo + ": unknown column '"
                        + cells[i].trim() + "' (columns: time, analyte, value, and optionally lloq)");
            }
            if (columns.put(name, i) != null) {
                throw new InvalidInputException("levels", src + " line " + lineNo + ": column '" + name
                        + "' appears twice in the header");
            }
        }
        for (String required : List.of("time", "analyte", "value")) {
            if (!columns.containsKey(required)) {
                throw new InvalidInputException("levels", src + " line " + lineNo + ": the header has no '"
                        + required + "' column (columns: time, analyte, value, and optionally lloq)");
            }
        }
        return columns;
    }

    /**
     * Refuses a row with a value beyond the header's columns (an LLOQ under a header without {@code lloq}, a
     * concentration written "1,500 ng/mL"): it was dropped without a word. Empty cells after the last column, as a
     * spreadsheet may write them, hold nothing and pass.
     */
    private static void refuseExtraCells(String[] cells, Map<String, Integer> columns, String src, int lineNo) {
        for (int i = columns.size(); i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                throw new InvalidInputException("levels", src + " line " + lineNo + ": " + cells.length + " cells but "
                        + "the header names " + columns.size() + " columns (" + String.join(",", columns.keySet())
                        + "); cell " + (i + 1) + " '" + cells[i].trim() + "' has no column");
            }
        }
    }

    private static Level row(String[] cells, Map<String, Integer> columns, String src, int lineNo) {
        String column = "time";
        String text = cell(cells, columns, column);
        try {
            // each range checked while its column is read, so that the error names that column (the time was
            // refused as "column value" when only the Level checked it)
            double t = Checks.inRange("level time", time(text), 0, TimeGrid.MAX_TIME_H, "h");
            column = "analyte";
            text = cell(cells, columns, column);
            Analyte a = analyte(text);
            column = "lloq";
            text = columns.containsKey(column) ? cell(cells, columns, column) : "";
            OptionalDouble lloq = text.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(Checks.positive("LLOQ", concentration(text, a, "LLOQ"), Level.MAX_NG_PER_ML,
                            "ng/mL"));
            column = "value";
            text = cell(cells, columns, column);
            String w = text.replace(" ", "").toUpperCase(Locale.ROOT);
            if (w.equals("<LLOQ") || w.equals("BLQ") || w.equals("BQL") || w.equals("<LOQ")) {
                return Level.belowLloq(t, a, lloq.orElseThrow(Level::noLloq));
            }
            return new Level(t, a, OptionalDouble.of(concentration(text, a, "level")), lloq);
        } catch (InvalidInputException e) {
            // the value as the cell writes it: "1e400", not the "Infinity" read from it
            throw new InvalidInputException(column, src + " line " + lineNo + ", column " + column + ": "
                    + e.writtenAs(text).getMessage());
        }
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        int i = columns.get(name);
        return i < cells.length ? cells[i].trim() : "";
    }

    private static double time(String cell) {
        Matcher m = QUANTITY.matcher(cell);
        if (!m.matches()) {
            throw new InvalidInputException("time", "time must be a number of hours or a number with min, h or d "
                    + "but was '" + cell + "'");
        }
        double v;
        try {
            v = Checks.parseDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("time", "time must be a number of hours or a number with min, h or d "
                    + "but was '" + cell + "'");
        }
        String unit = m.group(2) == null ? "h" : m.group(2).trim().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "h", "hr", "hours" -> v;
            case "min" -> v / 60;
            case "d", "day", "days" -> v * 24;
            default -> throw new InvalidInputException("time", "time unit must be min, h or d but was '" + unit
                    + "'");
        };
    }

    private static Analyte analyte(String cell) {
        String c = cell.toLowerCase(Locale.ROOT);
        for (Analyte a : Analyte.values()) {
            if (a.label().equals(c)) {
                return a;
            }
        }
        throw new InvalidInputException("analyte", "analyte must be one of ketamine, norketamine, "
                + "hydroxynorketamine but was '" + cell + "'");
    }

    /**
     * @return the concentration in ng/mL
     */
    static double concentration(String cell, Analyte a, String what) {
        Matcher m = QUANTITY.matcher(cell.trim());
        if (!m.matches() || m.group(2) == null) {
            throw new InvalidInputException(what, what + " must be a number with its unit (ng/mL, ug/L, ug/mL, "
                    + "mg/L, nmol/L, umol/L) but was '" + cell + "'");
        }
        double v;
        try {
            v = Checks.parseDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(what, what + " must be a number but was '" + m.group(1) + "'");
        }
        String unit = m.group(2).trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        return switch (unit) {
            case "ng/ml", "ug/l" -> v;
            case "ug/ml", "mg/l" -> v * 1000;
            case "nmol/l" -> a.umolPerLToNgPerMl(v / 1000);
            case "umol/l" -> a.umolPerLToNgPerMl(v);
            default -> throw new InvalidInputException(what, what + " unit must be ng/mL, ug/L, ug/mL, mg/L, "
                    + "nmol/L or umol/L but was '" + m.group(2).trim() + "'");
        };
    }
}
