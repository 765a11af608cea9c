package org.ketaminepk.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CreatinineUnit;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * Reads virtual patients from comma-separated text: a header line, then one patient per line.
 * <pre>
 *   age,weight,height,sex,creatinine,child_pugh
 *   54,82,178,male,1.1 mg/dL,
 *   71,60,160,female,130 umol/L,B
 * </pre>
 * Columns (header names, any case; order free): {@code age} (years), {@code weight} (kg), {@code height} (cm),
 * {@code sex} (male/female) are required; optional are {@code creatinine} (value and unit in one cell: "1.1 mg/dL" or
 * "97 µmol/L"), {@code egfr} (mL/min/1.73 m²), {@code clcr} (creatinine clearance, mL/min) — at most one of the three
 * per patient — and {@code child_pugh} (class A/B/C or score 5–15). An empty cell means "not stated". Blank lines and
 * lines starting with {@code #} are skipped.
 *
 * <p>Every error is one line naming the line number, the column and the value, e.g.
 * "line 3: weight must be between 0.5 and 350 kg but was 900". Stateless.
 */
public final class PatientCsv {
    /** Most patients one file may hold (the limit of a population run). */
    public static final int MAX_PATIENTS = 10_000_000;

    private static final List<String> REQUIRED = List.of("age", "weight", "height", "sex");
    private static final List<String> OPTIONAL = List.of("creatinine", "egfr", "clcr", "child_pugh");
    /**
     * A creatinine cell: a number in plain decimal notation (its sign too, so that a negative value is refused with
     * the valid range), then its unit (a letter or µ first).
     */
    private static final java.util.regex.Pattern VALUE_AND_UNIT = java.util.regex.Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([^\\d.+\\-\\s].*)");

    private PatientCsv() {
    }

    /**
     * @param in the text (not closed)
     * @return the patients, in file order
     * @throws InvalidInputException for an empty file, a missing or unknown column, or a bad row
     * @throws UncheckedIOException if reading fails
     */
    public static List<Patient> read(Reader in) {
        return read(in, MAX_PATIENTS);
    }

    /**
     * As {@link #read(Reader)}, with a lower limit on the number of patients, for a front end that caps its
     * populations below the library's {@value #MAX_PATIENTS}.
     *
     * @param in the text (not closed)
     * @param maxPatients most patients the file may hold, 1–{@value #MAX_PATIENTS}
     * @return the patients, in file order
     * @throws InvalidInputException as {@link #read(Reader)}, and for a file with more patients than
     *         {@code maxPatients}, saying how many it holds (the rows past the limit are counted, not read)
     * @throws UncheckedIOException if reading fails
     */
    public static List<Patient> read(Reader in, int maxPatients) {
        Checks.notNull("patient file", in);
        Checks.inRange("most patients", maxPatients, 1, MAX_PATIENTS, "");
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String line;
            int lineNo = 0;
            Map<String, Integer> columns = null;
            List<Patient> out = new ArrayList<>();
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    // the byte-order mark a spreadsheet writes first: read as part of the first column's name, it
                    // made "age" an unknown column printed as 'age'
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (columns == null) {
                    columns = header(line, lineNo);
                    continue;
                }
                if (out.size() == maxPatients) {
                    long held = maxPatients + 1L + countRows(r);
                    throw new InvalidInputException("patients", "the file holds " + held + " patients (rows after "
                            + "the header) but may hold at most " + maxPatients + "; patient " + (maxPatients + 1)
                            + " is on line " + lineNo);
                }
                out.add(row(line, lineNo, columns));
            }
            if (columns == null) {
                throw new InvalidInputException("patients", "the patient file is empty: expected a header line "
                        + "such as age,weight,height,sex");
            }
            if (out.isEmpty()) {
                throw new InvalidInputException("patients", "the patient file has a header but no patients");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the rows left in {@code r} that would be patients (not blank, not comments), without reading them */
    private static long countRows(BufferedReader r) throws IOException {
        long n = 0;
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Integer> header(String line, int lineNo) {
        String[] cells = line.split(",", -1);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String name = cells[i].trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new InvalidInputException("patients", "line " + lineNo + ": unknown column '" + cells[i].trim()
                        + "' (columns: " + String.join(", ", REQUIRED) + ", and optionally "
                        + String.join(", ", OPTIONAL) + ")");
            }
            if (columns.put(name, i) != null) {
                throw new InvalidInputException("patients", "line " + lineNo + ": column " + name + " appears twice");
            }
        }
        for (String req : REQUIRED) {
            if (!columns.containsKey(req)) {
                throw new InvalidInputException("patients", "line " + lineNo + ": the header has no " + req
                        + " column (required: " + String.join(", ", REQUIRED) + ")");
            }
        }
        return columns;
    }

    private static Patient row(String line, int lineNo, Map<String, Integer> columns) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns.size()) {
            throw new InvalidInputException("patients", "line " + lineNo + ": expected " + columns.size()
                    + " cells as in the header but found " + cells.length);
        }
        String where = "line " + lineNo + ": ";
        try {
            Patient p = new Patient(number(cells, columns, "age", where), number(cells, columns, "weight", where),
                    number(cells, columns, "height", where), Sex.parse(cell(cells, columns, "sex", where)));
            int kidney = 0;
            String cr = optional(cells, columns, "creatinine");
            if (cr != null) {
                kidney++;
                Patient q = p;
                p = asWritten(cr, () -> creatinine(q, cr, where));
            }
            String egfr = optional(cells, columns, "egfr");
            if (egfr != null) {
                kidney++;
                Patient q = p;
                p = asWritten(egfr, () -> q.withEgfrMlPerMinPer173m2(parse(egfr, "egfr", where)));
            }
            String clcr = optional(cells, columns, "clcr");
            if (clcr != null) {
                kidney++;
                Patient q = p;
                p = asWritten(clcr, () -> q.withCreatinineClearanceMlPerMin(parse(clcr, "clcr", where)));
            }
            if (kidney > 1) {
                throw new InvalidInputException("patients", where + "give at most one of creatinine, egfr, clcr "
                        + "per patient");
            }
            String cp = optional(cells, columns, "child_pugh");
            if (cp != null) {
                Patient q = p;
                p = cp.matches("\\d+") ? asWritten(cp, () -> q.withChildPughScore(childPughScore(cp)))
                        : p.withChildPugh(ChildPughClass.parse(cp));
            }
            return p;
        } catch (InvalidInputException e) {
            if (e.getMessage().startsWith("line ")) {
                throw e;
            }
            // the value as the cell writes it: "1e400", not the "Infinity" read from it
            String raw = optional(cells, columns, e.field());
            throw new InvalidInputException(e.field(), where + e.writtenAs(raw).getMessage());
        }
    }

    /** Sets a value read from {@code cell}; a value out of range is reported as the cell writes it ("1e400"). */
    private static Patient asWritten(String cell, Supplier<Patient> set) {
        try {
            return set.get();
        } catch (InvalidInputException e) {
            throw e.writtenAs(cell);
        }
    }

    /** A whole number of points, one too long for an int refused with the score's own range. */
    private static int childPughScore(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw InvalidInputException.outOfRange("Child–Pugh score", Double.parseDouble(digits),
                    ChildPughClass.A.minScore(), ChildPughClass.C.maxScore(), "points");
        }
    }

    private static Patient creatinine(Patient p, String text, String where) {
        String t = text.trim();
        // the number as every other cell writes one (an exponent included: "1.1E0"), then the unit
        java.util.regex.Matcher m = VALUE_AND_UNIT.matcher(t);
        if (!m.matches()) {
            throw new InvalidInputException("creatinine", where + "creatinine must be a value with its unit, e.g. "
                    + "1.1 mg/dL or 97 µmol/L, but was '" + t + "'");
        }
        double v = parse(m.group(1), "creatinine", where);
        CreatinineUnit unit = CreatinineUnit.parse(m.group(2));
        return unit == CreatinineUnit.MG_PER_DL ? p.withSerumCreatinineMgPerDl(v) : p.withSerumCreatinineUmolPerL(v);
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name, String where) {
        String v = cells[columns.get(name)].trim();
        if (v.isEmpty()) {
            throw new InvalidInputException(name, where + name + " is required but the cell is empty");
        }
        return v;
    }

    private static String optional(String[] cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String v = cells[i].trim();
        return v.isEmpty() ? null : v;
    }

    private static double number(String[] cells, Map<String, Integer> columns, String name, String where) {
        return parse(cell(cells, columns, name, where), name, where);
    }

    private static double parse(String s, String name, String where) {
        try {
            // "-0" is read as 0: a patient of age −0 was not equal to the same patient of age 0
            return Checks.parseDecimal(s) + 0.0;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, where + name + " must be a number but was '" + s + "'");
        }
    }
}
