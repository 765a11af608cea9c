package org.ketaminepk.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.DrugForm;

/**
 * Reads the table of published observations: the project's own ({@link #standard()}, the resource
 * {@code observations.csv} next to this class) or any file in the same format.
 *
 * <p>Format: comma-separated with RFC 4180 quoting, UTF-8, lines starting with {@code #} ignored, one header line
 * naming the columns {@value #HEADER}. Empty {@code to_h} means "same as {@code from_h}" (for C_AT); {@code inf}
 * means infinity (AUC only). {@code fitted_by} lists model ids separated by spaces; {@code gap} is
 * {@code "id1, id2: reason"}, several such entries joined by {@code " || "}. Every error names the file, the line,
 * the column and the value. Stateless and
 * thread-safe; the standard table is read once.
 */
public final class ObservationTable {
    /** The columns, in order. */
    public static final String HEADER = "id,study,source,population,age_years,weight_kg,height_cm,drug,route,dose,"
            + "analyte,site,statistic,metric,from_h,to_h,value,unit,spread,n,read,fitted_by,gap";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private static final String RESOURCE = "observations.csv";

    /** Separates the per-model entries of the {@code gap} column. */
    public static final String GAP_SEPARATOR = " || ";

    private ObservationTable() {
    }

    private static final class Standard {
        static final List<Observation> ROWS = load();

        private static List<Observation> load() {
            try (InputStream in = ObservationTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return the project's observations, in the order of the file (immutable) */
    public static List<Observation> standard() {
        return Standard.ROWS;
    }

    /**
     * Reads observations.
     *
     * @param in the text (not closed)
     * @param name the file name to use in error messages
     * @return the rows in file order (immutable)
     * @throws InvalidInputException naming the line, column and value of the first bad field
     */
    public static List<Observation> read(Reader in, String name) {
        Checks.notNull("observations", in);
        List<Observation> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader r = new BufferedReader(in);
        boolean header = false;
        int lineNo = 0;
        try {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = split(line, name, lineNo);
                if (!header) {
                    if (!cells.equals(COLUMNS)) {
                        throw new InvalidInputException("header", name + ":" + lineNo + ": header must be '"
                                + HEADER + "' but was '" + line + "'");
                    }
                    header = true;
                    continue;
                }
                if (cells.size() != COLUMNS.size()) {
                    throw new InvalidInputException("row", name + ":" + lineNo + ": a row must have "
                            + COLUMNS.size() + " columns but had " + cells.size());
                }
                Observation o = row(cells, name, lineNo);
                if (!ids.add(o.id())) {
                    throw new InvalidInputException("id", name + ":" + lineNo + ": id '" + o.id()
                            + "' appears twice");
                }
                out.add(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!header) {
            throw new InvalidInputException("header", name + ": no header line '" + HEADER + "'");
        }
        return List.copyOf(out);
    }

    private static Observation row(List<String> c, String name, int lineNo) {
        Cells cells = new Cells(c, name, lineNo);
        try {
            double from = cells.number("from_h");
            String toText = cells.text("to_h");
            double to = toText.isEmpty() ? from
                    : toText.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : cells.number("to_h");
            String nText = cells.text("n");
            OptionalInt n = nText.isEmpty() ? OptionalInt.empty() : OptionalInt.of((int) cells.number("n"));
            String spread = cells.text("spread");
            return new Observation(cells.text("id"), cells.text("study"), cells.text("source"),
                    cells.text("population"), cells.number("age_years"), cells.number("weight_kg"),
                    cells.number("height_cm"), drug(cells.text("drug")), Route.parse(cells.text("route")),
                    cells.text("dose"), analyte(cells.text("analyte")), cells.text("site"),
                    cells.text("statistic"), Metric.parse(cells.text("metric")), from, to,
                    cells.number("value"), cells.text("unit"),
                    spread.isEmpty() ? Optional.empty() : Optional.of(spread), n, cells.text("read"),
                    fitted(cells.text("fitted_by")), gaps(cells.text("gap")));
        } catch (InvalidInputException e) {
            if (e.getMessage().startsWith(name + ":")) {
                throw e;
            }
            throw new InvalidInputException(e.field(), name + ":" + lineNo + ": " + e.getMessage());
        }
    }

    /** The cells of one row, read by column name. */
    private record Cells(List<String> cells, String name, int lineNo) {
        String text(String column) {
            return cells.get(COLUMNS.indexOf(column)).trim();
        }

        double number(String column) {
            String t = text(column);
            try {
                double v = Checks.parseDecimal(t);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidInputException(column, name + ":" + lineNo + ": column " + column
                    + " must be a finite number but was '" + t + "'");
        }
    }

    private static DrugForm drug(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "racemic" -> DrugForm.RACEMIC;
            case "s-ketamine", "esketamine" -> DrugForm.S_KETAMINE;
            default -> throw new InvalidInputException("drug", "drug must be racemic or S-ketamine but was '"
                    + word + "'");
        };
    }

    private static Analyte analyte(String word) {
        for (Analyte a : Analyte.values()) {
            if (a.label().equalsIgnoreCase(word)) {
                return a;
            }
        }
        throw new InvalidInputException("analyte", "analyte must be ketamine, norketamine or hydroxynorketamine "
                + "but was '" + word + "'");
    }

    private static Set<String> fitted(String text) {
        Set<String> s = new LinkedHashSet<>();
        for (String w : text.split("\\s+")) {
            if (!w.isBlank()) {
                s.add(w.trim());
            }
        }
        return s;
    }

    private static Map<String, String> gaps(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return m;
        }
        for (String entry : text.split(java.util.regex.Pattern.quote(GAP_SEPARATOR))) {
            int colon = entry.indexOf(": ");
            if (colon <= 0) {
                throw new InvalidInputException("gap", "gap must be 'model-id[, model-id]: reason', entries joined by '"
                        + GAP_SEPARATOR.trim() + "', but was '" + entry.trim() + "'");
            }
            String reason = entry.substring(colon + 2).trim();
            for (String id : entry.substring(0, colon).split(",")) {
                if (m.put(id.trim(), reason) != null) {
                    throw new InvalidInputException("gap", "gap names model '" + id.trim() + "' twice");
                }
            }
        }
        return m;
    }

    /** Splits one CSV line with RFC 4180 quoting (a quoted cell may hold commas and doubled quotes). */
    static List<String> split(String line, String name, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new InvalidInputException("row", name + ":" + lineNo + ": a quoted cell is not closed");
        }
        out.add(cell.toString());
        return out;
    }
}
