package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ketaminepk.base.Checks;
import org.ketaminepk.model.Warning;

/**
 * The warnings of many subjects (dataset IDs, virtual patients) gathered into few lines. Warnings that differ only
 * in the subject's own value (an age, a weight or a BMI outside what a model was built from) become one line with the
 * range of those values, e.g. "weight 98–110 kg is outside the 46–97 kg that otto-2021 was built from; results are
 * extrapolated", and a count of the warnings behind it; any other warning is one line per distinct sentence. Lines
 * keep the order in which their first warning came.
 */
public final class WarningGroups {
    /** Kinds whose first place holds the subject's own value, a number. */
    private static final Set<Warning.Kind> BY_VALUE = EnumSet.of(Warning.Kind.AGE_OUTSIDE_RANGE,
            Warning.Kind.AGE_OUTSIDE_EFFECT_STUDY, Warning.Kind.WEIGHT_OUTSIDE_RANGE, Warning.Kind.BMI_RANGE_UNKNOWN);

    /**
     * One line.
     *
     * @param message the sentence, with the range of values in the subject's place where warnings were gathered
     * @param count how many warnings it stands for
     * @param byValue whether it gathers warnings about the subjects' own values (age, weight, BMI); other lines
     *        stand for one sentence repeated word for word
     */
    public record Line(String message, int count, boolean byValue) {
    }

    private WarningGroups() {
    }

    /** @return the lines for {@code warnings}, in order of first appearance */
    public static List<Line> of(List<Warning> warnings) {
        Map<Object, Group> groups = new LinkedHashMap<>();
        for (Warning w : warnings) {
            Object[] args = w.args();
            if (BY_VALUE.contains(w.kind()) && args.length > 0 && args[0] instanceof Number v) {
                Key key = new Key(w.kind(), Arrays.asList(args).subList(1, args.length));
                groups.computeIfAbsent(key, k -> new Group(w)).add(v.doubleValue());
            } else {
                groups.computeIfAbsent(w, k -> new Group(w)).add(Double.NaN);
            }
        }
        List<Line> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            out.add(new Line(g.message(), g.count, BY_VALUE.contains(g.first.kind())));
        }
        return out;
    }

    private record Key(Warning.Kind kind, List<Object> rest) {
    }

    private static final class Group {
        private final Warning first;
        private double low = Double.POSITIVE_INFINITY;
        private double high = Double.NEGATIVE_INFINITY;
        private int count;

        Group(Warning first) {
            this.first = first;
        }

        void add(double value) {
            count++;
            if (!Double.isNaN(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }

        String message() {
            if (!(low < high)) {
                return first.message();
            }
            Object[] args = first.args();
            args[0] = Checks.fmt(low) + "–" + Checks.fmt(high);
            return first.kind().format(args);
        }
    }
}
