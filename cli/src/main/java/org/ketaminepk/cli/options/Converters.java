package org.ketaminepk.cli.options;

import java.util.Locale;

import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.DoseParser;
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
