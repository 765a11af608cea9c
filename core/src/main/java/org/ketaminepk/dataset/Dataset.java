package org.ketaminepk.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;

/**
 * A NONMEM-style event dataset as read from text: a header row, then one record per line, comma-separated or
 * separated by blanks (detected from the header). Columns are named in the header, any case, any order:
 * {@code ID} and {@code TIME} are required; {@code AMT}, {@code RATE}, {@code DUR}, {@code CMT}, {@code EVID},
 * {@code II}, {@code ADDL}, {@code SS}, {@code MDV}, {@code DV} and the covariates {@code AGE}, {@code WT},
 * {@code HT}, {@code SEX}, {@code CRCL}, {@code EGFR}, {@code CHILDPUGH} are read when present; any other column is
 * kept and written back unchanged. An empty cell or {@code .} is missing; DV, when not missing, must be a finite
 * number, and is written back as it was written. Blank lines and lines starting with
 * {@code #} are skipped.
 *
 * <p>Without an {@code EVID} column a record with AMT &gt; 0 (or a steady-state infusion: SS &gt; 0 and RATE &gt; 0) is
 * a dose and any other record an observation. This
 * class checks what can be checked without a model (numbers, time order within an ID, RATE, SS, II and ADDL
 * together); {@link DatasetSimulation} checks CMT against the model. Every error is one line naming the file, the
 * line and the column, and is thrown before anything is simulated. Immutable.
 */
public final class Dataset {
    /** Most records one dataset may hold. */
    public static final int MAX_RECORDS = 10_000_000;
    /** Most doses one individual may receive, additional doses included. */
    public static final int MAX_DOSES_PER_ID = 100_000;

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /**
     * One event record. A missing DUR or CMT is empty, never a NaN or a null.
     *
     * @param line line number in the file (1-based)
     * @param id the ID cell as written
     * @param timeH time, h
     * @param evid event type (0 observation, 1 dose, 2 other, 3 reset, 4 reset and dose)
     * @param amountMg AMT, mg (0 when missing)
     * @param rate RATE: 0 bolus, &gt; 0 mg/h, −1 modelled rate, −2 duration in DUR
     * @param durationH DUR, h, empty when missing
     * @param cmt the CMT cell, empty when missing
     * @param intervalH II, h (0 when missing)
     * @param additional ADDL (0 when missing)
     * @param steadyState SS (0, 1 or 2)
     * @param cells every cell as written, in column order ("" for a cell past the end of a short line)
     */
    public record Record(int line, String id, double timeH, int evid, double amountMg, double rate,
            OptionalDouble durationH, Optional<String> cmt, double intervalH, int additional, int steadyState,
            List<String> cells) {
        /**
         * Copies the cells.
         *
         * @throws InvalidInputException for a missing id, DUR, CMT or list of cells (null rather than empty), or a
         *         null cell
         */
        public Record {
            Checks.notNull("ID", id);
            Checks.notNull("DUR", durationH);
            Checks.notNull("CMT", cmt);
            Checks.notNull("cells", cells);
            for (String c : cells) {
                Checks.notNull("cell", c);
            }
            cells = List.copyOf(cells);
        }

        /** @return whether this record gives a dose (EVID 1 or 4) */
        public boolean dose() {
            return evid == 1 || evid == 4;
        }

        /** @return whether this record resets the amounts (EVID 3 or 4, or a dose with SS = 1) */
        public boolean reset() {
            return evid == 3 || evid == 4 || (dose() && steadyState == 1);
        }

        /** @return whether this is a steady-state infusion (AMT 0, RATE &gt; 0, II 0, SS &gt; 0) */
        public boolean steadyStateInfusion() {
            return dose() && steadyState > 0 && amountMg == 0 && rate > 0 && intervalH == 0;
        }
    }

    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<Record> records;

    private Dataset(String source, List<String> columns, Map<String, Integer> index, List<Record> records) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.index = Collections.unmodifiableMap(index);
        this.records = List.copyOf(records);
    }

    /**
     * Reads a dataset that has no file name; messages call it "dataset".
     *
     * @param in the text (not closed)
     * @return the dataset, in file order
     * @throws InvalidInputException naming the line and column of the first bad cell
     * @throws UncheckedIOException if reading fails
     */
    public static Dataset read(Reader in) {
        return read(in, "dataset");
    }

    /**
     * Reads a dataset.
     *
     * @param in the text (not closed)
     * @param source the file name used in error messages (for none use {@link #read(Reader)})
     * @return the dataset, in file order
     * @throws InvalidInputException naming the file, line and column of the first bad cell, or for a missing text
     *         or source
     * @throws UncheckedIOException if reading fails
     */
    public static Dataset read(Reader in, String source) {
        Checks.notNull("dataset", in);
        String src = Checks.notNull("source", source);
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String line;
            int lineNo = 0;
            List<String> columns = null;
            Map<String, Integer> index = null;
            boolean comma = true;
            List<Record> records = new ArrayList<>();
            Set<String> finishedIds = new HashSet<>();
            Record previous = null;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (columns == null) {
                    comma = line.contains(",");
                    columns = split(line, comma);
                    index = header(columns, src, lineNo);
                    continue;
                }
                if (records.size() == MAX_RECORDS) {
                    throw new InvalidInputException("dataset", src + " line " + lineNo + ": a dataset may hold at "
                            + "most " + MAX_RECORDS + " records");
                }
                Record rec = new Parser(src, lineNo, columns, index, split(line, comma)).record();
                if (previous != null && !previous.id().equals(rec.id())) {
                    finishedIds.add(previous.id());
                    if (finishedIds.contains(rec.id())) {
                        throw error(src, lineNo, "ID", "ID " + rec.id() + " appears again after other IDs; keep "
                                + "each individual's records together");
                    }
                } else if (previous != null && rec.timeH() < previous.timeH()) {
                    throw error(src, lineNo, "TIME", "TIME " + Checks.fmt(rec.timeH()) + " h is earlier than "
                            + Checks.fmt(previous.timeH()) + " h on line " + previous.line() + " for ID " + rec.id()
                            + "; the records of one ID must be in time order");
                }
                records.add(rec);
                previous = rec;
            }
            if (columns == null) {
                throw new InvalidInputException("dataset", src + ": the dataset is empty: expected a header line "
                        + "such as ID,TIME,AMT,CMT,EVID,DV");
            }
            if (records.isEmpty()) {
                throw new InvalidInputException("dataset", src + ": the dataset has a header but no records");
            }
            checkDoseCount(src, records);
            return new Dataset(src, columns, index, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkDoseCount(String src, List<Record> records) {
        String id = null;
        long doses = 0;
        for (Record rec : records) {
            if (!rec.id().equals(id)) {
                id = rec.id();
                doses = 0;
            }
            if (rec.dose()) {
                doses += 1 + rec.additional();
                if (doses > MAX_DOSES_PER_ID) {
                    throw error(src, rec.line(), "ADDL", "ID " + id + " receives more than " + MAX_DOSES_PER_ID
                            + " doses (additional doses included)");
                }
            }
        }
    }

    private static List<String> split(String line, boolean comma) {
        String[] cells = comma ? line.split(",", -1) : BLANKS.split(line.strip());
        List<String> out = new ArrayList<>(cells.length);
        for (String c : cells) {
            out.add(c.strip());
        }
        return out;
    }

    private static Map<String, Integer> header(List<String> columns, String src, int lineNo) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new InvalidInputException("dataset", src + " line " + lineNo + ", column " + (i + 1)
                        + ": the header has an empty column name");
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new InvalidInputException("dataset", src + " line " + lineNo + ", column " + columns.get(i)
                        + ": the column appears twice in the header");
            }
        }
        for (String required : List.of("ID", "TIME")) {
            if (!index.containsKey(required)) {
                throw new InvalidInputException("dataset", src + " line " + lineNo + ": the header has no "
                        + required + " column (columns: " + String.join(", ", columns) + ")");
            }
        }
        return index;
    }

    static InvalidInputException error(String src, int line, String column, String what) {
        return new InvalidInputException(column, src + " line " + line + ", column " + column + ": " + what);
    }

    /** Reads one line's cells. */
    private static final class Parser {
        private final String src;
        private final int line;
        private final Map<String, Integer> index;
        private final List<String> cells;

        Parser(String src, int line, List<String> columns, Map<String, Integer> index, List<String> cells) {
            this.src = src;
            this.line = line;
            this.index = index;
            if (cells.size() > columns.size()) {
                throw new InvalidInputException("dataset", src + " line " + line + ": " + cells.size()
                        + " cells but the header names " + columns.size() + " columns");
            }
            List<String> padded = new ArrayList<>(cells);
            while (padded.size() < columns.size()) {
                padded.add("");
            }
            this.cells = padded;
        }

        String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            String c = cells.get(i);
            return missing(c) ? null : c;
        }

        double number(String column, double missing) {
            String t = text(column);
            if (t == null) {
                return missing;
            }
            double v;
            try {
                v = Checks.parseDecimal(t);
            } catch (NumberFormatException e) {
                throw Dataset.error(src, line, column, column + " must be a number but was '" + t + "'");
            }
            if (!Double.isFinite(v)) {
                throw Dataset.error(src, line, column, column + " must be finite but was '" + t + "'");
            }
            return v;
        }

        int whole(String column, int min, int max) {
            double v = number(column, 0);
            if (v != Math.rint(v) || v < min || v > max) {
                throw Dataset.error(src, line, column, column + " must be a whole number from " + min + " to " + max
                        + " but was " + Checks.fmt(v));
            }
            return (int) v;
        }

        Record record() {
            String id = text("ID");
            if (id == null) {
                throw Dataset.error(src, line, "ID", "ID is missing");
            }
            if (text("TIME") == null) {
                throw Dataset.error(src, line, "TIME", "TIME is missing");
            }
            double time = number("TIME", 0);
            if (time < 0 || time > TimeGrid.MAX_TIME_H) {
                throw Dataset.error(src, line, "TIME", "TIME must be between 0 and " + Checks.fmt(TimeGrid.MAX_TIME_H)
                        + " h but was " + Checks.fmt(time));
            }
            double amt = number("AMT", 0);
            double rate = number("RATE", 0);
            int ss = whole("SS", 0, 2);
            int evid = index.containsKey("EVID") && text("EVID") != null ? whole("EVID", 0, 4)
                    : amt > 0 || (ss > 0 && rate > 0) ? 1 : 0;
            OptionalDouble dur = text("DUR") == null ? OptionalDouble.empty() : OptionalDouble.of(number("DUR", 0));
            Optional<String> cmt = Optional.ofNullable(text("CMT"));
            double ii = number("II", 0);
            int addl = whole("ADDL", 0, MAX_DOSES_PER_ID);
            whole("MDV", 0, 1);
            // DV is written back as it is, but only a number (or missing, '.' or empty) is a measured value: a NaN
            // or a word went through to the output
            number("DV", 0);
            boolean dose = evid == 1 || evid == 4;
            if (ii < 0 || ii > TimeGrid.MAX_TIME_H) {
                throw Dataset.error(src, line, "II", "II must be between 0 and " + Checks.fmt(TimeGrid.MAX_TIME_H)
                        + " h but was " + Checks.fmt(ii));
            }
            if (!dose) {
                for (String c : List.of("AMT", "RATE", "II", "ADDL", "SS")) {
                    if (number(c, 0) != 0) {
                        throw Dataset.error(src, line, c, c + " must be 0 or missing on a record with EVID " + evid
                                + " (only EVID 1 and 4 give doses) but was " + text(c));
                    }
                }
            } else {
                checkDose(amt, rate, dur, ii, addl, ss);
            }
            return new Record(line, id, time, evid, amt, rate, dur, cmt, ii, addl, ss, cells);
        }

        private void checkDose(double amt, double rate, OptionalDouble duration, double ii, int addl, int ss) {
            boolean ssInfusion = ss > 0 && amt == 0 && rate > 0 && ii == 0;
            if (!ssInfusion && !(amt > 0 && amt <= Amount.MAX_MG)) {
                throw Dataset.error(src, line, "AMT", "AMT must be between 0 and " + Checks.fmt(Amount.MAX_MG)
                        + " mg (exclusive of 0) on a dose record but was " + Checks.fmt(amt)
                        + (ss > 0 && amt == 0 ? " (a steady-state infusion is AMT 0, RATE > 0, II 0)" : ""));
            }
            if (rate < 0 && rate != -1 && rate != -2) {
                throw Dataset.error(src, line, "RATE", "RATE must be 0 (bolus), > 0 (mg/h), -1 (rate set by the model) or "
                        + "-2 (duration in DUR) but was " + Checks.fmt(rate));
            }
            if (rate > Rate.MAX_MG_PER_H) {
                throw Dataset.error(src, line, "RATE", "RATE must be at most " + Checks.fmt(Rate.MAX_MG_PER_H)
                        + " mg/h but was " + Checks.fmt(rate));
            }
            if (rate > 0 && amt / rate > Dose.MAX_INFUSION_H) {
                throw Dataset.error(src, line, "RATE", "AMT/RATE gives an infusion of " + Checks.fmt(amt / rate)
                        + " h, longer than " + Checks.fmt(Dose.MAX_INFUSION_H) + " h");
            }
            if (rate == -2) {
                if (duration.isEmpty()) {
                    throw Dataset.error(src, line, "DUR", "RATE -2 takes the duration from DUR, which is missing");
                }
                double dur = duration.getAsDouble();
                if (!(dur > 0 && dur <= Dose.MAX_INFUSION_H)) {
                    throw Dataset.error(src, line, "DUR", "DUR must be between 0 and " + Checks.fmt(Dose.MAX_INFUSION_H)
                            + " h (exclusive of 0) with RATE -2 but was " + Checks.fmt(dur));
                }
            }
            if (ss > 0 && ii == 0 && !ssInfusion) {
                throw Dataset.error(src, line, "II", "SS " + ss + " needs the dosing interval II > 0 h (or, for a "
                        + "steady-state infusion, AMT 0 and RATE > 0) but II was 0");
            }
            if (ssInfusion && addl > 0) {
                throw Dataset.error(src, line, "ADDL", "ADDL must be 0 for a steady-state infusion but was " + addl);
            }
            if (ss == 0 && (ii > 0) != (addl > 0)) {
                throw pairError(addl > 0 ? "ADDL" : "II", ii);
            }
        }

        private InvalidInputException pairError(String column, double ii) {
            return Dataset.error(src, line, column, column.equals("ADDL") ? "ADDL > 0 needs the interval II > 0 h but "
                    + "II was " + Checks.fmt(ii) : "II " + Checks.fmt(ii) + " h on a dose that is not steady state "
                    + "needs ADDL > 0 additional doses");
        }
    }

    /** @return the file name used in messages */
    public String source() {
        return source;
    }

    /** @return the column names as written in the header */
    public List<String> columns() {
        return columns;
    }

    /** @return the index of a column (upper-case name), empty if the header has no such column */
    public OptionalInt column(String upperCaseName) {
        Integer i = index.get(upperCaseName);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** @return every record, in file order */
    public List<Record> records() {
        return records;
    }

    /** @return the records grouped by individual, in order of first appearance */
    public List<List<Record>> individuals() {
        List<List<Record>> out = new ArrayList<>();
        String id = null;
        for (Record rec : records) {
            if (!rec.id().equals(id)) {
                out.add(new ArrayList<>());
                id = rec.id();
            }
            out.get(out.size() - 1).add(rec);
        }
        return out;
    }

    /**
     * @return the cell of {@code rec} in column {@code upperCaseName}, empty when the column is absent or the cell
     *         missing (empty or {@code .})
     */
    public Optional<String> cell(Record rec, String upperCaseName) {
        Integer i = index.get(upperCaseName);
        return i == null ? Optional.empty() : Optional.of(rec.cells().get(i)).filter(c -> !missing(c));
    }

    /** An empty cell or {@code .} is missing (a cell past the end of a short line is empty). */
    private static boolean missing(String cell) {
        return cell.isEmpty() || cell.equals(".");
    }
}
