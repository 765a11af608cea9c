package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketaminepk.base.Checks;

/**
 * The warnings of many subjects (dataset IDs, virtual patients) gathered into few lines. Sentences that differ only
 * in their numbers, such as "weight 98 kg is outside the 46–97 kg that otto-2021 was built from" and the same for
 * 110 kg, or "age 71.3 years: hepatic flow ×0.834 (...)" and the same at 64.2 years, become one line that shows each
 * number that varies as the range of its values (to four significant digits): "weight 98–110 kg is outside the 46–97
 * kg ...". A number written onto a word ("otto-2021", "CYP2B6*6") is part of the word, not a value. Lines keep the
 * order in which their first sentence came.
 */
public final class WarningGroups {
    /** A number standing on its own: not part of a word such as a model id. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.*_-])\\d+(?:\\.\\d+)?(?![\\p{L}\\d*_])");
    /** Significant digits of a value that varies: enough to tell it from the range it lies outside. */
    private static final int DIGITS = 4;

    /**
     * One line.
     *
     * @param message the sentence, each number that varies written as the range of its values
     * @param count how many warnings it stands for
     * @param merged whether it gathers sentences that differ in their numbers
     * @param first the first item it stands for
     */
    public record Line<T>(String message, int count, boolean merged, T first) {
    }

    private WarningGroups() {
    }

    /**
     * @param items warnings, or distinct warnings with how many each stands for
     * @param message the sentence of an item
     * @param count how many warnings an item stands for (e.g. how many patients drew it)
     * @return the lines, in order of first appearance
     */
    public static <T> List<Line<T>> of(List<T> items, Function<T, String> message, ToIntFunction<T> count) {
        Map<String, Group<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            String text = message.apply(item);
            Matcher m = NUMBER.matcher(text);
            StringBuilder shape = new StringBuilder();
            List<String> numbers = new ArrayList<>();
            int last = 0;
            while (m.find()) {
                shape.append(text, last, m.start()).append('\u0000');
                numbers.add(m.group());
                last = m.end();
            }
            shape.append(text, last, text.length());
            groups.computeIfAbsent(shape.toString(), k -> new Group<>(k, item, numbers))
                    .add(numbers, count.applyAsInt(item));
        }
        List<Line<T>> out = new ArrayList<>(groups.size());
        for (Group<T> g : groups.values()) {
            out.add(new Line<>(g.message(), g.count, g.merged, g.first));
        }
        return out;
    }

    private static final class Group<T> {
        private final String shape;
        private final T first;
        private final List<String> firstNumbers;
        private final double[] low;
        private final double[] high;
        private int count;
        private boolean merged;

        Group(String shape, T first, List<String> numbers) {
            this.shape = shape;
            this.first = first;
            this.firstNumbers = numbers;
            this.low = new double[numbers.size()];
            this.high = new double[numbers.size()];
            for (int i = 0; i < low.length; i++) {
                low[i] = Double.POSITIVE_INFINITY;
                high[i] = Double.NEGATIVE_INFINITY;
            }
        }

        void add(List<String> numbers, int n) {
            count += n;
            for (int i = 0; i < numbers.size(); i++) {
                double v = Double.parseDouble(numbers.get(i));
                if (!numbers.get(i).equals(firstNumbers.get(i))) {
                    merged = true;
                }
                low[i] = Math.min(low[i], v);
                high[i] = Math.max(high[i], v);
            }
        }

        /** The shape with each number as the first sentence wrote it, or as a range where the numbers differ. */
        String message() {
            StringBuilder b = new StringBuilder(shape.length() + 16);
            int slot = 0;
            for (int i = 0; i < shape.length(); i++) {
                char c = shape.charAt(i);
                if (c != '\u0000') {
                    b.append(c);
                    continue;
                }
                if (low[slot] == high[slot]) {
                    b.append(firstNumbers.get(slot));
                } else {
                    b.append(Checks.sig(low[slot], DIGITS)).append('–').append(Checks.sig(high[slot], DIGITS));
                }
                slot++;
            }
            return b.toString();
        }
    }
}
