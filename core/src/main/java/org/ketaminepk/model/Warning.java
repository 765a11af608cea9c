package org.ketaminepk.model;

import java.util.Arrays;
import java.util.Objects;

import org.ketaminepk.base.Checks;

/**
 * Something the user must know about a result: extrapolation outside what a model was built from, an assumption
 * in the model, an adjustment without a published number. Core never prints warnings; it returns them.
 *
 * <p>A warning is a {@link Kind} — a sentence with numbered places — and the values that fill them. The sentence is
 * written out only when {@link #message()} is called, so a population run that keeps a warning for each patient
 * and shows a count never builds its text. Numbers fill their place as {@link Checks#fmt} prints them. Immutable.
 */
public final class Warning {
    /** Categories of warning, stable for machines (counts, JSON). */
    public enum Code {
        /** Age outside the model's studied range. */
        AGE_OUTSIDE_RANGE,
        /** Weight outside the model's studied range. */
        WEIGHT_OUTSIDE_RANGE,
        /** A body build (BMI) for which the model records no studied range. */
        BMI_NOT_RECORDED,
        /** A route the model's source did not study (its parameters come from elsewhere). */
        ROUTE_NOT_STUDIED,
        /** A dose or duration outside what the source studied. */
        DOSE_OUTSIDE_RANGE,
        /** The model or an adjustment rests on a labelled assumption. */
        ASSUMPTION,
        /** A patient adjustment (organ function, interaction) was applied. */
        ADJUSTMENT,
        /** The output grid is coarse relative to the dosing (peaks may be missed). */
        COARSE_GRID,
        /** A patient value that is possible but unusual (check it was entered right). */
        UNUSUAL_PATIENT_VALUE
    }

    /** The sentences a warning can say; {@code {i}} is the i-th argument. */
    public enum Kind {
        /** Arguments: age (years), studied minimum and maximum (years), model id. */
        AGE_OUTSIDE_RANGE(Code.AGE_OUTSIDE_RANGE,
                "age {0} years is outside the {1}–{2} years that {3} was built from; results are extrapolated"),
        /** Arguments: age (years), studied minimum and maximum (years), id of a concentration–effect model. */
        AGE_OUTSIDE_EFFECT_STUDY(Code.AGE_OUTSIDE_RANGE,
                "age {0} years is outside the {1}-{2} years of the people {3} was studied in"),
        /** Arguments: weight (kg), studied minimum and maximum (kg), model id. */
        WEIGHT_OUTSIDE_RANGE(Code.WEIGHT_OUTSIDE_RANGE,
                "weight {0} kg is outside the {1}–{2} kg that {3} was built from; results are extrapolated"),
        /** Arguments: BMI (kg/m²), model id. */
        BMI_RANGE_UNKNOWN(Code.BMI_NOT_RECORDED, "BMI {0} kg/m²: the BMI range {1} was built from is not "
                + "recorded, so how far its weight scaling holds for this build is unknown"),
        /** Arguments: model id, the assumption. */
        MODEL_ASSUMPTION(Code.ASSUMPTION, "{0}: {1}"),
        /** Arguments: route name, model id, where the route's absorption comes from. */
        ROUTE_NOT_STUDIED(Code.ROUTE_NOT_STUDIED,
                "{0} route: {1}'s source did not study it; its absorption comes from {2}"),
        /** Arguments: start (h), cap (mg/h), uncapped rate (mg/h), weight (kg). */
        RATE_CAPPED(Code.DOSE_OUTSIDE_RANGE, "infusion at {0} h: rate capped at {1} mg/h (uncapped {2} mg/h at {3} kg)"),
        /** Arguments: number of infusions, first and last start (h), cap (mg/h), uncapped rate (mg/h), weight (kg). */
        RATES_CAPPED(Code.DOSE_OUTSIDE_RANGE,
                "{0} infusions from {1} h to {2} h: rate capped at {3} mg/h (uncapped {4} mg/h at {5} kg)"),
        /** Arguments: output step (min). */
        STEP_LONGER_THAN_INPUT(Code.COARSE_GRID,
                "the output step ({0} min) is longer than the shortest input: the concentrations at the output "
                        + "times can miss the peaks between them (metrics read on the grid can too; exact ones do not)"),
        /**
         * Arguments: model id, the last sampling time after the first dose (words with a unit, e.g. "152 min"), what
         * the samples were and where this was read, how long after the first dose the run goes (words with a unit).
         */
        BEYOND_STUDIED_SPAN(Code.DOSE_OUTSIDE_RANGE, "{0}'s samples reach {1} after the first dose ({2}); this run "
                + "goes to {3} after it, so the curve after {1} is extrapolated"),
        /** Arguments: end of the simulation (h), end of the last dose (h). */
        ENDS_BEFORE_LAST_DOSE(Code.COARSE_GRID, "the simulation ends at {0} h, before the last dose ends at {1} h"),
        /**
         * Arguments: route name, dose (mg), dose (mg/kg), weight (kg), time (h), the label's largest initial dose
         * (mg/kg).
         */
        DOSE_ABOVE_LABEL(Code.DOSE_OUTSIDE_RANGE, "{0} dose at {4} h: {1} mg ({2} mg/kg at {3} kg) is above the "
                + "largest initial {0} dose of the Ketalar label ({5} mg/kg; FDA prescribing information, 2022); "
                + "no model here was built from such doses"),
        /**
         * Arguments: the ketamine concentration (ng/mL), where it is reached (in words), how many times the upper edge
         * of the anaesthetic range it is, the range's lower and upper edges (ng/mL).
         */
        FAR_ABOVE_ANAESTHETIC_RANGE(Code.DOSE_OUTSIDE_RANGE, "ketamine reaches {0} ng/mL {1}, {2} times the upper "
                + "edge of the anaesthetic range ({3}–{4} ng/mL after 1–2 mg/kg iv; Zanos P et al. Pharmacol Rev "
                + "2018;70:621–660, Table 1); no model here was built from such concentrations: check the doses, "
                + "their units and their intervals"),
        /** Arguments: number of overlaps, start of the later infusion (h), start and end of the earlier one (h). */
        INFUSIONS_OVERLAP(Code.DOSE_OUTSIDE_RANGE, "{0} infusion(s) start before the previous one ends (first: at {1} "
                + "h, while the one from {2} h runs to {3} h); their rates add up"),
        /**
         * Arguments: parameter name, the value its log-normal random effect drew (above 1). A fraction cannot exceed
         * 1, so 1 is used; a population counts these per parameter rather than repeating them.
         */
        FRACTION_CAPPED(Code.ASSUMPTION, "sampled {0} {1} is above 1 (a fraction); 1 is used"),
        /** Arguments: the assumption, in words. */
        ASSUMPTION(Code.ASSUMPTION, "{0}"),
        /** Arguments: the adjustment, in words. */
        ADJUSTMENT(Code.ADJUSTMENT, "{0}"),
        /** Arguments: the unusual value, in words. */
        UNUSUAL_PATIENT_VALUE(Code.UNUSUAL_PATIENT_VALUE, "{0}");

        private final Code code;
        private final String pattern;

        Kind(Code code, String pattern) {
            this.code = code;
            this.pattern = pattern;
        }

        /** @return the category */
        public Code code() {
            return code;
        }

        /** @return the sentence with its numbered places, e.g. "age {0} years is outside ..." */
        public String pattern() {
            return pattern;
        }

        /** @return the sentence with {@code args} in its places */
        public String format(Object... args) {
            StringBuilder b = new StringBuilder(pattern.length() + 32);
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int close = c == '{' ? pattern.indexOf('}', i) : -1;
                if (close > i + 1) {
                    b.append(text(args[Integer.parseInt(pattern.substring(i + 1, close))]));
                    i = close + 1;
                } else {
                    b.append(c);
                    i++;
                }
            }
            return b.toString();
        }

        private static String text(Object arg) {
            if (arg instanceof Double d) {
                return Checks.fmt(d);
            }
            return String.valueOf(arg);
        }
    }

    private final Kind kind;
    private final Object[] args;
    /**
     * The hash code once found, 0 before (as {@link String} caches its own): a population run hashes each of its
     * model's shared assumption warnings once per patient to share them.
     */
    private int hash;

    private Warning(Kind kind, Object[] args) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.args = args;
    }

    /**
     * @param kind the sentence
     * @param args what fills its places: numbers ({@link Double}, {@link Integer}) or text
     * @return the warning; nothing is formatted yet
     */
    public static Warning of(Kind kind, Object... args) {
        return new Warning(kind, args.clone());
    }

    /**
     * A warning whose sentence is already written (an assumption or a note of a model or adjustment).
     *
     * @param code {@link Code#ASSUMPTION}, {@link Code#ADJUSTMENT} or {@link Code#UNUSUAL_PATIENT_VALUE}
     * @param text one line, for people
     * @return the warning
     */
    public static Warning text(Code code, String text) {
        Kind k = switch (code) {
            case ASSUMPTION -> Kind.ASSUMPTION;
            case ADJUSTMENT -> Kind.ADJUSTMENT;
            case UNUSUAL_PATIENT_VALUE -> Kind.UNUSUAL_PATIENT_VALUE;
            default -> throw new IllegalArgumentException("a " + code + " warning has its own kinds; use of(..)");
        };
        return new Warning(k, new Object[] {Objects.requireNonNull(text, "text")});
    }

    /** @return the sentence */
    public Kind kind() {
        return kind;
    }

    /** @return the category */
    public Code code() {
        return kind.code;
    }

    /** @return a copy of the values that fill the sentence's places */
    public Object[] args() {
        return args.clone();
    }

    /** @return the sentence written out, one line for people (built on each call) */
    public String message() {
        return kind.format(args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Warning w && w.kind == kind && Arrays.equals(w.args, args);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * kind.hashCode() + Arrays.hashCode(args);
            hash = h;
        }
        return h;
    }

    /**
     * @return whether every value filling the sentence is a number or a string, so that comparing or hashing this
     *         warning writes out nothing (a value worded on demand, such as an adjustment's reason, is written out
     *         when hashed)
     */
    public boolean plainValues() {
        for (Object a : args) {
            if (!(a instanceof String || a instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    /** @return the code and the message, for debugging */
    @Override
    public String toString() {
        return kind.code + ": " + message();
    }
}
