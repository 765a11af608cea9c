package org.ketaminepk.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DoseParser;

/**
 * Target concentrations over time: "100 ng/mL for 30 min, then 150 ng/mL for 3 h, then 0". Each step holds one
 * target from its start to its end; after the last step the target is 0 (the pump stops). Immutable.
 *
 * <p>Grammar: steps separated by {@code then}, a comma or a semicolon; each step is {@code CONCENTRATION UNIT},
 * then {@code for DURATION} and/or {@code at TIME} (its start; default: where the previous step ends). A step
 * without {@code for} lasts until the next step starts; the last step needs {@code for} unless it is {@code 0}
 * (stop). Units: {@code ng/mL} (= µg/L), {@code µg/mL} (= mg/L, also {@code ug/mL}, {@code mcg/mL}); a bare
 * {@code 0} needs none. Times use the {@link DoseParser} time units.
 *
 * @param steps the steps with a target above 0, by start time
 * @param endH when the last step ends, h (the target is 0 from then on)
 */
public record TargetSchedule(List<Step> steps, double endH) {
    /**
     * Largest accepted target, ng/mL: twice the top of the 1200–2400 ng/mL anaesthetic range after 1–2 mg/kg IV
     * (Zanos P et al., Pharmacol Rev 2018;70:621, Table 1, doi:10.1124/pr.117.015198).
     */
    public static final double MAX_TARGET_NG_PER_ML = 5000;
    /** Smallest accepted target above zero, ng/mL (below what assays for ketamine report). */
    public static final double MIN_TARGET_NG_PER_ML = 1;
    /** Longest accepted schedule, h (the longest infusion a dose accepts). */
    public static final double MAX_DURATION_H = Dose.MAX_INFUSION_H;
    /** The accepted forms, for messages and help texts. */
    public static final String FORMS = "CONCENTRATION ng/mL|µg/mL for TIME [then ...], e.g. '150 ng/mL for 4 h' or "
            + "'100 ng/mL for 30 min, then 150 ng/mL for 3 h, then 0'";

    private static final Map<String, Double> UNITS = Map.of("ng/ml", 1.0, "ug/l", 1.0, "µg/l", 1.0, "mcg/l", 1.0,
            "ug/ml", 1000.0, "µg/ml", 1000.0, "mcg/ml", 1000.0, "mg/l", 1000.0);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:[,;]\\s*(?:then\\s+)?|\\bthen\\b\\s*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STEP = Pattern.compile("(?<c>[-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*"
            + "(?<u>[a-zµ]+/[a-z]+)?(?<rest>.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE = Pattern.compile("\\s*(?<kw>for|at)\\s+(?<t>.+?)(?=\\s+(?:for|at)\\s|$)",
            Pattern.CASE_INSENSITIVE);

    /**
     * One target held over a time span.
     *
     * @param startH start, h
     * @param endH end, h
     * @param targetNgPerMl the target, ng/mL
     */
    public record Step(double startH, double endH, double targetNgPerMl) {
        /** Validates. */
        public Step {
            Checks.inRange("target start", startH, 0, MAX_DURATION_H, "h");
            if (!(endH > startH) || endH > MAX_DURATION_H) {
                throw new InvalidInputException("target", String.format(Locale.ROOT, "a target step must end after "
                        + "it starts and by %s h but runs from %s to %s h", Checks.fmt(MAX_DURATION_H),
                        Checks.fmt(startH), Checks.fmt(endH)));
            }
            Checks.inRange("target", targetNgPerMl, MIN_TARGET_NG_PER_ML, MAX_TARGET_NG_PER_ML, "ng/mL");
        }

        /** @return the duration, h */
        public double durationH() {
            return endH - startH;
        }
    }

    /**
     * Validates order and copies the list.
     *
     * @throws InvalidInputException for a missing list or step, steps out of time order, or an {@code endH} that is
     *         not where the last step ends
     */
    public TargetSchedule {
        Checks.notNull("target steps", steps);
        for (int i = 0; i < steps.size(); i++) {
            Checks.notNull("target steps", i, steps.get(i));
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new InvalidInputException("target", "a target schedule needs at least one target above 0 ng/mL");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).startH() < steps.get(i - 1).endH() - 1e-12) {
                throw new InvalidInputException("target", String.format(Locale.ROOT, "targets must be in time order "
                        + "but the target at %s h starts before the one at %s h ends (%s h)",
                        Checks.fmt(steps.get(i).startH()), Checks.fmt(steps.get(i - 1).startH()),
                        Checks.fmt(steps.get(i - 1).endH())));
            }
        }
        double last = steps.get(steps.size() - 1).endH();
        if (!(Math.abs(endH - last) <= 1e-12)) {
            // a NaN passed the former test (NaN > 1e-12 is false) and reached the plan as its end
            throw InvalidInputException.statement("target end", endH, "must be where the last target step ends, "
                    + Checks.fmt(last) + " h, but was " + Checks.fmt(endH) + " h");
        }
    }

    /**
     * @param targetNgPerMl the target, ng/mL
     * @param durationH how long, h
     * @return a single target from time 0
     */
    public static TargetSchedule constant(double targetNgPerMl, double durationH) {
        Checks.positive("target duration", durationH, MAX_DURATION_H, "h");
        return of(List.of(new Step(0, durationH, targetNgPerMl)));
    }

    /** @return a schedule of the given steps */
    public static TargetSchedule of(List<Step> steps) {
        Checks.notNull("target steps", steps);
        int n = steps.size();
        return new TargetSchedule(steps, n == 0 || steps.get(n - 1) == null ? 0 : steps.get(n - 1).endH());
    }

    /**
     * @param timeH a time, h, from 0 to {@link TimeGrid#MAX_TIME_H}
     * @return the target at that time (a step holds from its start, inclusive, to its end, exclusive), ng/mL; 0
     *         outside every step
     * @throws InvalidInputException for a time outside that range
     */
    public double targetAt(double timeH) {
        Checks.inRange("time", timeH, 0, TimeGrid.MAX_TIME_H, "h");
        for (Step s : steps) {
            if (timeH >= s.startH() - 1e-12 && timeH < s.endH() - 1e-12) {
                return s.targetNgPerMl();
            }
        }
        return 0;
    }

    /**
     * Reads a schedule written as text.
     *
     * @param text e.g. "100 ng/mL for 30 min, then 150 ng/mL for 3 h, then 0"
     * @return the schedule
     * @throws InvalidInputException (field {@code target}) naming the step and what is wrong with it
     */
    public static TargetSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("target", "target is missing; expected " + FORMS);
        }
        if (text.length() > DoseParser.MAX_LENGTH) {
            throw new InvalidInputException("target", "target must be at most " + DoseParser.MAX_LENGTH
                    + " characters but was " + text.length());
        }
        // -1 keeps a trailing empty step: "150 ng/mL for 1 h, then" was read as if the schedule ended there
        String[] parts = SEPARATOR.split(text.strip(), -1);
        List<double[]> raw = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                throw new InvalidInputException("target", "target '" + text.strip() + "' has an empty step; expected "
                        + FORMS);
            }
            raw.add(step(part.strip()));
        }
        int n = raw.size();
        double[] start = new double[n];
        double[] end = new double[n];
        double cursor = 0;
        for (int i = 0; i < n; i++) {
            double[] r = raw.get(i);
            String step = parts[i].strip();
            if (i == 0 && r[0] == 0) {
                throw new InvalidInputException("target", "the first target must be above 0 ng/mL (0 stops the pump "
                        + "and may only follow a target) but was '" + step + "'");
            }
            double s = Double.isNaN(r[2]) ? cursor : r[2];
            if (Double.isNaN(s)) {
                throw new InvalidInputException("target", String.format(Locale.ROOT, "target step %d (%s) follows a "
                        + "step without a duration; give the earlier step 'for TIME' or this one 'at TIME'", i + 1,
                        step));
            }
            boolean beforePrevious = i > 0 && (s <= start[i - 1] + 1e-12
                    || (!Double.isNaN(end[i - 1]) && s < end[i - 1] - 1e-12));
            if (beforePrevious) {
                throw new InvalidInputException("target", String.format(Locale.ROOT, "targets must be in time order "
                        + "but step %d (%s) starts at %s h, before the previous step ends", i + 1, step,
                        Checks.fmt(s)));
            }
            if (i > 0 && Double.isNaN(end[i - 1])) {
                end[i - 1] = s;
            }
            start[i] = s;
            end[i] = Double.isNaN(r[1]) ? Double.NaN : s + r[1];
            cursor = end[i];
        }
        if (Double.isNaN(end[n - 1])) {
            if (raw.get(n - 1)[0] != 0) {
                throw new InvalidInputException("target", String.format(Locale.ROOT, "the last target (%s) needs a "
                        + "duration, e.g. '%s for 4 h', or end the schedule with 'then 0'", parts[n - 1].strip(),
                        parts[n - 1].strip()));
            }
            end[n - 1] = start[n - 1];
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total = Math.max(total, end[i]);
        }
        if (total > MAX_DURATION_H) {
            throw new InvalidInputException("target", String.format(Locale.ROOT, "target schedule must end by %s h "
                    + "but ends at %s h", Checks.fmt(MAX_DURATION_H), Checks.fmt(total)));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (raw.get(i)[0] > 0) {
                steps.add(new Step(start[i], end[i], raw.get(i)[0]));
            }
        }
        if (steps.isEmpty()) {
            throw new InvalidInputException("target", "target '" + text.strip() + "' holds no target above 0 ng/mL");
        }
        return of(steps);
    }

    /** @return {concentration ng/mL, duration h or NaN, start h or NaN} */
    private static double[] step(String part) {
        Matcher m = STEP.matcher(part);
        if (!m.matches()) {
            throw new InvalidInputException("target", "target step '" + part + "' must start with a concentration; "
                    + "expected " + FORMS);
        }
        double value = Double.parseDouble(m.group("c"));
        String unit = m.group("u");
        double c;
        if (unit == null) {
            if (value != 0) {
                throw new InvalidInputException("target", "target '" + m.group("c") + "' needs a unit: ng/mL or "
                        + "µg/mL (e.g. '150 ng/mL for 4 h')");
            }
            c = 0;
        } else {
            Double scale = UNITS.get(unit.toLowerCase(Locale.ROOT));
            if (scale == null) {
                throw new InvalidInputException("target", "target unit must be ng/mL, µg/L, µg/mL or mg/L but was '"
                        + unit + "' in '" + part + "'");
            }
            c = value * scale;
        }
        if (c != 0 && (!(c >= MIN_TARGET_NG_PER_ML) || c > MAX_TARGET_NG_PER_ML)) {
            // a number beyond the doubles ("1e400") is read as infinite: shown as written, not as "Infinity"
            String was = Double.isFinite(c) ? Checks.fmt(c) + " ng/mL" : m.group("c") + " " + unit;
            throw new InvalidInputException("target", String.format(Locale.ROOT, "target must be 0 (stop) or between "
                    + "%s and %s ng/mL but was %s in '%s'", Checks.fmt(MIN_TARGET_NG_PER_ML),
                    Checks.fmt(MAX_TARGET_NG_PER_ML), was, part));
        }
        String rest = m.group("rest").strip();
        double duration = Double.NaN;
        double start = Double.NaN;
        if (!rest.isEmpty()) {
            Matcher cl = CLAUSE.matcher(rest);
            int pos = 0;
            while (pos < rest.length()) {
                if (!cl.find(pos) || cl.start() != pos) {
                    throw new InvalidInputException("target", "target step '" + part + "': expected 'for TIME' or "
                            + "'at TIME' but found '" + rest.substring(pos).strip() + "'");
                }
                String kw = cl.group("kw").toLowerCase(Locale.ROOT);
                double t = time(cl.group("t"), part);
                if (kw.equals("for")) {
                    if (!Double.isNaN(duration)) {
                        throw new InvalidInputException("target", "target step '" + part + "' has 'for' twice");
                    }
                    if (!(t > 0)) {
                        throw new InvalidInputException("target", "target duration must be greater than 0 h but was "
                                + Checks.fmt(t) + " h in '" + part + "'");
                    }
                    duration = t;
                } else {
                    if (!Double.isNaN(start)) {
                        throw new InvalidInputException("target", "target step '" + part + "' has 'at' twice");
                    }
                    start = t;
                }
                pos = cl.end();
            }
        }
        return new double[] {c, duration, start};
    }

    private static double time(String text, String part) {
        try {
            return DoseParser.parseDurationH(text.strip());
        } catch (DoseParser.ParseException e) {
            throw new InvalidInputException("target", "target step '" + part + "': '" + text.strip() + "': "
                    + e.problem() + "; expected a number and a time unit, e.g. 30 min, 4 h");
        }
    }

    /** @return e.g. "100 ng/mL for 30 min, then 150 ng/mL for 3 h" */
    /** @return the highest target of the schedule, ng/mL */
    public double maxTargetNgPerMl() {
        double top = 0;
        for (Step s : steps) {
            top = Math.max(top, s.targetNgPerMl());
        }
        return top;
    }

    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        double t = 0;
        for (Step s : steps) {
            String at = Math.abs(s.startH() - t) > 1e-12 ? " at " + hours(s.startH()) : "";
            out.add(Checks.fmt(s.targetNgPerMl()) + " ng/mL for " + hours(s.durationH()) + at);
            t = s.endH();
        }
        return String.join(", then ", out) + ", then 0";
    }

    private static String hours(double h) {
        return h < 2 ? Checks.fmt(Math.round(h * 60 * 1000) / 1000.0) + " min" : Checks.fmt(h) + " h";
    }
}
