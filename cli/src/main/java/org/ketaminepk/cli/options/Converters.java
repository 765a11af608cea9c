package org.ketaminepk.cli.options;

import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.effect.EffectSites;
import org.ketaminepk.result.Band;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the output options: each reads one value when the command line is parsed and refuses a
 * bad one with the expected form and the value given (picocli puts the option name in front).
 */
public final class Converters {
    private Converters() {
    }

    /** A time span such as {@code 90min}, {@code 12h}, {@code 6d} or {@code 30s}, to hours. */
    static final class Hours implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                return DoseParser.parseDurationH(text);
            } catch (DoseParser.ParseException e) {
                throw new TypeConversionException(durationProblem(text, e));
            }
        }
    }

    /**
     * Reads a duration ("90min", "12h", "6d", "30s") outside picocli's conversion: the one duration reader of every
     * command and of the explorer.
     *
     * @param field the field named by the error
     * @param label how the message names the value, e.g. "--update" or "duration"
     * @param text the text
     * @return the duration, h
     * @throws InvalidInputException naming the label, the text, the column and the expected form
     */
    public static double durationH(String field, String label, String text) {
        try {
            return DoseParser.parseDurationH(text);
        } catch (DoseParser.ParseException e) {
            throw new InvalidInputException(field, label + " " + durationProblem(text, e));
        }
    }

    private static String durationProblem(String text, DoseParser.ParseException e) {
        return "\"" + text.strip() + "\", column " + e.column() + " (" + e.word() + "): " + e.problem()
                + "; expected a number and a time unit, e.g. 90min, 12h, 6d, 30s";
    }

    /**
     * What each numeric option without a converter of its own takes, unit and range, for the message when its value
     * is no number at all (picocli's own says "'abc' is not a double"); the options check the range themselves.
     */
    private static final Map<String, String> NUMBER_EXPECTED = Map.of(
            "--effect-level", "a number in the endpoint's unit (see 'ketamine-pk effects')",
            "--level", "a number in the endpoint's unit (see 'ketamine-pk effects')",
            "--s-share", "a number greater than 0 and at most 1",
            "--plasma-limit", "a factor of the target from 1 to 10",
            "--ke0-guess", "a number greater than 0 and at most " + Math.round(EffectSites.MAX_KE0_PER_H / 60)
                    + " /min",
            "--weight", "a number of kg from 0.5 to 350",
            "--port", "a whole number from 0 to 65535");

    /**
     * Reads a number for any {@code double} option; see {@link #notANumber}. A value no option takes, "NaN",
     * "Infinity" or one beyond the doubles ("1e400", read as infinite), is refused here, where the text is still as
     * written: the options' own range checks would show it as "Infinity".
     */
    public static final class Number implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v;
            try {
                v = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) {
                throw new TypeConversionException(NOT_A_NUMBER + "'" + text + "'");
            }
            return v;
        }
    }

    /** Reads a whole number for any {@code int} option; see {@link #notANumber}. */
    public static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(NOT_A_NUMBER + "'" + text + "'");
            }
        }
    }

    private static final String NOT_A_NUMBER = "expected a number but was ";

    /**
     * @param option the option's name, e.g. {@code --s-share}
     * @param converterMessage what {@link Number} or {@link WholeNumber} said
     * @return "--s-share must be a number greater than 0 and at most 1 but was 'abc'", or null when the message is
     *         not theirs or the option is not known here
     */
    public static String notANumber(String option, String converterMessage) {
        String expected = NUMBER_EXPECTED.get(option);
        if (expected == null || !converterMessage.startsWith(NOT_A_NUMBER)) {
            return null;
        }
        return option + " must be " + expected + " but was " + converterMessage.substring(NOT_A_NUMBER.length());
    }

    /** A seed: any whole number that fits in 64 bits, negative ones included. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a whole number from " + Long.MIN_VALUE + " to "
                        + Long.MAX_VALUE + ", e.g. 42, but was '" + text + "'");
            }
        }
    }

    /** A ketamine band {@code LOW-HIGH} in ng/mL ({@code 70-160}, {@code 70–160} or {@code 70..160}). */
    static final class BandNgPerMl implements ITypeConverter<Band> {
        /** Largest accepted upper edge, ng/mL. */
        static final double MAX_NG_PER_ML = 1e6;

        @Override
        public Band convert(String text) {
            String[] parts = text.trim().split("\\s*(-|–|\\.\\.)\\s*", -1);
            if (parts.length == 2 && parts[0].matches("\\d+(\\.\\d+)?") && parts[1].matches("\\d+(\\.\\d+)?")) {
                double lo = Double.parseDouble(parts[0]);
                double hi = Double.parseDouble(parts[1]);
                if (lo > 0 && hi > lo && hi <= MAX_NG_PER_ML) {
                    return Band.within(lo, hi);
                }
            }
            throw new TypeConversionException("expected LOW-HIGH in ng/mL with 0 < LOW < HIGH <= 1000000, e.g. "
                    + "70-160, but was '" + text + "'");
        }
    }

    /** A chart size {@code WIDTHxHEIGHT} in pixels. */
    static final class PlotSizePx implements ITypeConverter<PlotSize> {
        @Override
        public PlotSize convert(String text) {
            String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[x×]", -1);
            if (parts.length == 2 && parts[0].matches("\\d{1,5}") && parts[1].matches("\\d{1,5}")) {
                int w = Integer.parseInt(parts[0]);
                int h = Integer.parseInt(parts[1]);
                if (PlotSize.accepted(w) && PlotSize.accepted(h)) {
                    return new PlotSize(w, h);
                }
            }
            throw new TypeConversionException("expected WIDTHxHEIGHT in pixels, each between "
                    + ChartFiles.MIN_SIZE_PX + " and " + ChartFiles.MAX_SIZE_PX + ", e.g. 1600x900, but was '" + text
                    + "'");
        }
    }
}
