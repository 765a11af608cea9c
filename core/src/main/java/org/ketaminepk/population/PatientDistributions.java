package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * Virtual patients drawn from simple distributions typed by a user:
 * {@code age=20..80,weight=normal(75,12),height=150..195,male=0.5}.
 * <ul>
 *   <li>{@code a..b}: uniform between a and b;</li>
 *   <li>{@code normal(mean,sd)}: normal, truncated to the patient's valid range (age 0–120 years, weight 0.5–350 kg,
 *       height 30–250 cm) by redrawing — a draw outside is never clamped;</li>
 *   <li>a single number: every patient has that value;</li>
 *   <li>{@code male=f}: the fraction of men, 0–1.</li>
 * </ul>
 * Quantities not named keep the value of {@link Patient#standardAdult()} (40 years, 70 kg, 175 cm); sex defaults to
 * half men. An age that reaches under {@link Patient#ADULT_AGE_YEARS} years (a lower end, or a normal's mean less
 * 2 sd) needs weight and height drawn too: a child's size is not derived from age. Weight and height are drawn
 * independently. Immutable; sampling is seeded and reproducible.
 */
public final class PatientDistributions {
    /** The separate stream family used for covariates, so they never share draws with the random effects. */
    private static final long COVARIATE_STREAM = 0x436F76617269617EL;

    /** One quantity's distribution. */
    private sealed interface Dist permits Fixed, Uniform, Normal {
        double sample(UniformRandomProvider rng, ContinuousSampler normal);

        String describe();

        /** @return the value below which hardly any draw falls: the lower end, or 2 sd below a normal's mean */
        double low();
    }

    private record Fixed(double v) implements Dist {
        public double sample(UniformRandomProvider rng, ContinuousSampler normal) {
            return v;
        }

        public String describe() {
            return Checks.fmt(v);
        }

        public double low() {
            return v;
        }
    }

    private record Uniform(double lo, double hi) implements Dist {
        public double sample(UniformRandomProvider rng, ContinuousSampler normal) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        public String describe() {
            return "uniform " + Checks.fmt(lo) + "–" + Checks.fmt(hi);
        }

        public double low() {
            return lo;
        }
    }

    private record Normal(double mean, double sd, double lo, double hi) implements Dist {
        public double sample(UniformRandomProvider rng, ContinuousSampler normal) {
            while (true) {
                double v = mean + sd * normal.sample();
                if (v >= lo && v <= hi) {
                    return v;
                }
            }
        }

        public String describe() {
            return "normal(" + Checks.fmt(mean) + ", " + Checks.fmt(sd) + ") truncated to " + Checks.fmt(lo) + "–"
                    + Checks.fmt(hi);
        }

        public double low() {
            return Math.max(lo, mean - 2 * sd);
        }
    }

    private static final Map<String, double[]> RANGES = Map.of("age", new double[] {0, 120}, "weight",
            new double[] {0.5, 350}, "height", new double[] {30, 250});
    private static final Map<String, String> UNITS = Map.of("age", "years", "weight", "kg", "height", "cm");

    private final Map<String, Dist> dists;
    private final double fractionMale;

    private PatientDistributions(Map<String, Dist> dists, double fractionMale) {
        this.dists = dists;
        this.fractionMale = fractionMale;
    }

    /**
     * @param spec e.g. {@code weight=50..120,age=20..80,male=0.4}
     * @return the distributions
     * @throws InvalidInputException one line naming the item and the expected form, or an age reaching under 18
     *                               years without weight and height drawn
     */
    public static PatientDistributions parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("distributions", "distributions must name at least one of age, weight, "
                    + "height, male (e.g. weight=50..120) but were empty");
        }
        Map<String, Dist> dists = new LinkedHashMap<>();
        double male = 0.5;
        boolean maleSeen = false;
        List<String> items = splitOutsideParentheses(spec, "distributions", "distribution", "");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).trim();
            String where = "distribution item " + (i + 1) + " '" + item + "'";
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("distributions", where + " must be NAME=a..b, NAME=normal(mean,sd) "
                        + "or NAME=value, with NAME one of age, weight, height, male");
            }
            String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            if (name.equals("male")) {
                if (maleSeen) {
                    throw new InvalidInputException("distributions", where + ": male is given twice");
                }
                maleSeen = true;
                male = number(value, where);
                if (!(male >= 0 && male <= 1)) {
                    throw new InvalidInputException("distributions", where + ": male must be a fraction between 0 "
                            + "and 1 but was " + Checks.fmt(male));
                }
                continue;
            }
            double[] range = RANGES.get(name);
            if (range == null) {
                throw new InvalidInputException("distributions", where + ": NAME must be one of age, weight, height, "
                        + "male but was '" + name + "'");
            }
            if (dists.containsKey(name)) {
                throw new InvalidInputException("distributions", where + ": " + name + " is given twice");
            }
            dists.put(name, dist(name, value, range, where));
        }
        Dist age = dists.get("age");
        if (age != null && age.low() < Patient.ADULT_AGE_YEARS) {
            // a child's size is not derived from age: the unnamed sizes would be the standard adult's
            List<String> missing = new ArrayList<>();
            for (String size : List.of("weight", "height")) {
                if (!dists.containsKey(size)) {
                    missing.add(size);
                }
            }
            if (!missing.isEmpty()) {
                boolean both = missing.size() == 2;
                boolean weight = missing.contains("weight");
                String size = both ? "70 kg and 175 cm do not fit"
                        : weight ? "70 kg does not fit" : "175 cm does not fit";
                String example = both ? "weight=10..40,height=80..150" : weight ? "weight=10..40" : "height=80..150";
                throw new InvalidInputException("distributions", String.format(Locale.ROOT, "age (%s years) reaches "
                        + "ages under %s years, where the standard adult's %s and no growth reference is built in; "
                        + "draw %s too, e.g. %s", age.describe(), Checks.fmt(Patient.ADULT_AGE_YEARS), size,
                        String.join(" and ", missing), example));
            }
        }
        return new PatientDistributions(dists, male);
    }

    private static Dist dist(String name, String value, double[] range, String where) {
        String unit = UNITS.get(name);
        // the numbers as written: a refused one is quoted ("NaN" was quoted as 'nan')
        String v = value;
        if (v.toLowerCase(Locale.ROOT).startsWith("normal(") && v.endsWith(")")) {
            String[] ms = v.substring(7, v.length() - 1).split(",", -1);
            if (ms.length != 2) {
                throw new InvalidInputException("distributions", where + " must be normal(mean,sd)");
            }
            double mean = number(ms[0].trim(), where);
            double sd = number(ms[1].trim(), where);
            Checks.inRange(name + " mean", mean, range[0], range[1], unit);
            if (!(sd > 0 && sd <= (range[1] - range[0]) / 2)) {
                throw new InvalidInputException("distributions", String.format(Locale.ROOT, "%s: %s sd must be "
                        + "greater than 0 and at most %s %s but was %s", where, name,
                        Checks.fmt((range[1] - range[0]) / 2), unit, Checks.fmt(sd)));
            }
            return new Normal(mean, sd, range[0], range[1]);
        }
        int dots = v.indexOf("..");
        if (dots >= 0) {
            double lo = number(v.substring(0, dots).trim(), where);
            double hi = number(v.substring(dots + 2).trim(), where);
            checkIn(name, lo, range, unit, where);
            checkIn(name, hi, range, unit, where);
            if (!(hi > lo)) {
                throw new InvalidInputException("distributions", where + ": the upper end must exceed the lower end ("
                        + Checks.fmt(lo) + " " + unit + ") but was " + Checks.fmt(hi) + " " + unit);
            }
            return new Uniform(lo, hi);
        }
        double x = number(v, where);
        checkIn(name, x, range, unit, where);
        return new Fixed(x);
    }

    private static void checkIn(String name, double v, double[] range, String unit, String where) {
        if (!(v >= range[0] && v <= range[1])) {
            throw new InvalidInputException("distributions", String.format(Locale.ROOT,
                    "%s: %s must be between %s and %s %s but was %s", where, name, Checks.fmt(range[0]),
                    Checks.fmt(range[1]), unit, Checks.fmt(v)));
        }
    }

    private static double number(String s, String where) {
        try {
            double d = Checks.parseDecimal(s);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("distributions", where + " must hold numbers but '" + s + "' is not one");
    }

    /**
     * Splits a spec on the commas outside parentheses ("weight=normal(75,12),age=20..80").
     *
     * @param text the spec
     * @param field the field an empty item is reported under
     * @param noun what an item is called in that message ("distribution")
     * @param hint said after "is empty" (may be empty)
     * @return the items, none blank
     */
    static List<String> splitOutsideParentheses(String text, String field, String noun, String hint) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isBlank()) {
                throw new InvalidInputException(field, noun + " item " + (i + 1) + " is empty" + hint + " in '" + text
                        + "'");
            }
        }
        return out;
    }

    /** @return the fraction of men */
    public double fractionMale() {
        return fractionMale;
    }

    /** @return each quantity's distribution, in words */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Dist> e : dists.entrySet()) {
            out.add(e.getKey() + " " + e.getValue().describe() + " " + UNITS.get(e.getKey()));
        }
        out.add("men " + Checks.fmt(100 * fractionMale) + " %");
        return out;
    }

    /**
     * @param n 1..{@value PatientCsv#MAX_PATIENTS} patients
     * @param seed the seed; patient i's covariates come from its own stream, so the first k patients of a larger
     *        sample are the k patients of a smaller one
     * @return the patients
     */
    public List<Patient> sample(int n, long seed) {
        Checks.inRange("patients", n, 1, PatientCsv.MAX_PATIENTS, "");
        Patient ref = Patient.standardAdult();
        List<Patient> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UniformRandomProvider rng = PatientStreams.forPatient(seed ^ COVARIATE_STREAM, i);
            ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            Sex sex = rng.nextDouble() < fractionMale ? Sex.MALE : Sex.FEMALE;
            double age = draw("age", ref.ageYears(), rng, normal);
            double weight = draw("weight", ref.weightKg(), rng, normal);
            double height = draw("height", ref.heightCm(), rng, normal);
            out.add(new Patient(age, weight, height, sex));
        }
        return out;
    }

    private double draw(String name, double dflt, UniformRandomProvider rng, ContinuousSampler normal) {
        Dist d = dists.get(name);
        return d == null ? dflt : d.sample(rng, normal);
    }
}
