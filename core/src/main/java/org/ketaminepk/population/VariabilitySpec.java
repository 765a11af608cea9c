package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Between-patient variability typed by a user, for a model that publishes none or to replace published terms:
 * {@code CL=30%,V1=40%,r(CL,V1)=0.5}. Each {@code NAME=CV%} is a log-normal term with ω² = ln(1 + CV²); each
 * {@code r(A,B)=r} a correlation between two of the named terms. Everything parsed here is a user assumption and is
 * labelled so wherever it is used. Immutable.
 *
 * @param cvPercent coefficient of variation per parameter, percent, in the order typed (the order of the map given,
 *        which is the order in which the terms are drawn; a {@link Map#of}, whose order changes from one run of the
 *        JVM to the next, is taken in the order of the names)
 * @param correlations correlations between named parameters
 */
public record VariabilitySpec(Map<String, Double> cvPercent, List<Correlation> correlations) {
    /** Largest coefficient of variation accepted, percent. */
    public static final double MAX_CV_PERCENT = 500;
    /**
     * Smallest coefficient of variation accepted, percent: ω² = 1e-10, within what the covariance matrix's
     * decomposition resolves (1e-12); a smaller CV was refused there as "correlations impossible together".
     */
    public static final double MIN_CV_PERCENT = 0.001;

    /**
     * A correlation between the random effects of two parameters.
     *
     * @param a first parameter
     * @param b second parameter
     * @param r correlation, strictly between −1 and 1
     */
    public record Correlation(String a, String b, double r) {
    }

    /**
     * Validates and copies: what {@link #parse} accepts, a spec built directly accepts too, and nothing else.
     *
     * @throws InvalidInputException if an argument or entry is missing, no CV is given, a name is not a parameter
     *         name, a CV is outside {@value #MIN_CV_PERCENT}–{@value #MAX_CV_PERCENT} %, a correlation is not strictly
     *         between −1 and 1, names one parameter twice or one without a CV, or a pair is correlated twice
     */
    public VariabilitySpec {
        Checks.notNull("variability CVs", cvPercent);
        Checks.notNull("variability correlations", correlations);
        if (cvPercent.isEmpty()) {
            // an empty spec assumed nothing and was stated as "user assumption: " followed by nothing
            throw InvalidInputException.statement("variability", 0, "must name at least one parameter with its CV "
                    + "(e.g. CL=30%) but named none");
        }
        for (Map.Entry<String, Double> e : cvPercent.entrySet()) {
            if (e.getKey() == null || !name(e.getKey())) {
                throw InvalidInputException.statement("variability", e.getKey(), "parameter name must be letters, "
                        + "digits or _ starting with a letter but was " + (e.getKey() == null ? "missing"
                                : "'" + e.getKey() + "'"));
            }
            Double cv = e.getValue();
            if (cv == null || !(cv >= MIN_CV_PERCENT && cv <= MAX_CV_PERCENT)) {
                throw InvalidInputException.statement("variability", cv, "CV of " + e.getKey() + " must be between "
                        + Checks.fmt(MIN_CV_PERCENT) + " and " + Checks.fmt(MAX_CV_PERCENT) + " % but was "
                        + (cv == null ? "missing" : Checks.exact(cv) + " %"));
            }
        }
        List<String> pairs = new ArrayList<>();
        for (Correlation c : correlations) {
            Checks.notNull("variability correlation", c);
            if (c.a() == null || c.b() == null || !name(c.a()) || !name(c.b()) || c.a().equals(c.b())) {
                throw InvalidInputException.statement("variability", c.a() + "," + c.b(), "correlation must name "
                        + "two different parameters, as in r(CL,V1)=0.5, but named r(" + c.a() + "," + c.b() + ")");
            }
            if (!(c.r() > -1 && c.r() < 1)) {
                throw InvalidInputException.statement("variability", c.r(), String.format(Locale.ROOT, "correlation "
                        + "r(%s,%s) must be between -1 and 1 (exclusive) but was %s", c.a(), c.b(),
                        Checks.fmt(c.r())));
            }
            for (String p : new String[] {c.a(), c.b()}) {
                if (!cvPercent.containsKey(p)) {
                    throw new InvalidInputException("variability", String.format(Locale.ROOT, "variability "
                            + "correlation r(%s,%s) names %s, which has no CV in the same spec (add %s=CV%%)",
                            c.a(), c.b(), p, p));
                }
            }
            String pair = c.a().compareTo(c.b()) < 0 ? c.a() + "," + c.b() : c.b() + "," + c.a();
            if (pairs.contains(pair)) {
                // the later one replaced the earlier one without a word
                throw new InvalidInputException("variability", String.format(Locale.ROOT, "variability "
                        + "correlation r(%s,%s) is given twice (in either order); give each pair once", c.a(),
                        c.b()));
            }
            pairs.add(pair);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        if (cvPercent.getClass() == UNORDERED) {
            // the terms' order is the order of the draws: a Map.of iterates in an order that changes from one run
            // of the JVM to the next, and the same seed gave another population each time
            new java.util.TreeMap<>(cvPercent).forEach(ordered::put);
        } else {
            ordered.putAll(cvPercent);
        }
        cvPercent = java.util.Collections.unmodifiableMap(ordered);
        correlations = List.copyOf(correlations);
    }

    /** The class of {@link Map#of} with two or more entries, whose iteration order is salted per run of the JVM. */
    private static final Class<?> UNORDERED = Map.of("a", 0.0, "b", 0.0).getClass();

    /**
     * @param text e.g. {@code CL=30%,V1=40%} or {@code CL=30%,V1=40%,r(CL,V1)=0.5}
     * @return the parsed spec
     * @throws InvalidInputException naming the item, its position and the expected form, in one line
     */
    public static VariabilitySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("variability", "variability must list at least one NAME=CV% item "
                    + "(e.g. CL=30%,V1=40%) but was empty");
        }
        Map<String, Double> cvs = new LinkedHashMap<>();
        List<Correlation> rs = new ArrayList<>();
        List<String> items = PatientDistributions.splitOutsideParentheses(text, "variability", "variability",
                " (two commas in a row, or a comma at an end)");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).trim();
            String where = "variability item " + (i + 1) + " '" + item + "'";
            int eq = item.lastIndexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new InvalidInputException("variability", where + " must be NAME=CV% (e.g. CL=30%) or "
                        + "r(A,B)=correlation (e.g. r(CL,V1)=0.5)");
            }
            String left = item.substring(0, eq).trim();
            String right = item.substring(eq + 1).trim();
            if (left.startsWith("r(") && left.endsWith(")")) {
                String[] ab = left.substring(2, left.length() - 1).split(",", -1);
                if (ab.length != 2 || !name(ab[0].trim()) || !name(ab[1].trim())
                        || ab[0].trim().equals(ab[1].trim())) {
                    throw new InvalidInputException("variability", where + " must name two different parameters, "
                            + "as in r(CL,V1)=0.5");
                }
                double r = number(right, where, "a correlation");
                if (!(r > -1 && r < 1)) {
                    throw new InvalidInputException("variability", where + ": correlation must be between -1 and 1 "
                            + "(exclusive) but was " + Checks.fmt(r));
                }
                rs.add(new Correlation(ab[0].trim(), ab[1].trim(), r));
                continue;
            }
            if (!name(left)) {
                throw new InvalidInputException("variability", where + ": parameter name must be letters, digits "
                        + "or _ starting with a letter (as `models ID` lists them) but was '" + left + "'");
            }
            if (!right.endsWith("%")) {
                throw new InvalidInputException("variability", where + " must give a coefficient of variation in "
                        + "percent, e.g. " + left + "=30%, but was '" + right + "'");
            }
            String written = right.substring(0, right.length() - 1).trim();
            double cv = number(written, where, "a CV in percent");
            if (!(cv >= MIN_CV_PERCENT && cv <= MAX_CV_PERCENT)) {
                // the value as typed: every digit of "1e308" was printed, a line of 309 characters
                throw new InvalidInputException("variability", where + ": CV must be between "
                        + Checks.fmt(MIN_CV_PERCENT) + " and " + Checks.fmt(MAX_CV_PERCENT) + " % but was "
                        + written + " %");
            }
            if (cvs.put(left, cv) != null) {
                throw new InvalidInputException("variability", where + ": " + left + " is given twice");
            }
        }
        // the constructor refuses a correlation naming a parameter without a CV, or a pair given twice
        return new VariabilitySpec(cvs, rs);
    }

    private static boolean name(String s) {
        return s.matches("[A-Za-z][A-Za-z0-9_]*");
    }

    private static double number(String s, String where, String what) {
        try {
            double v = Checks.parseDecimal(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("variability", where + " must give " + what + " as a number but was '"
                + s + "'");
    }
}
