package org.ketaminepk.cli.chart;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jfree.chart.text.TextMeasurer;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;

/**
 * Keeps together, when a chart's title, subtitle or caption wraps, what a reader takes as one token: a number and
 * what follows it ("40 %", "0.5 mg/kg", "3 patients"), an author with "et al." ("Otto et al.") and an id ("flint-2017", "crps-schwartzman-2009",
 * "racemic-composite": a lower-case hyphenated token with a digit, or a model id of the catalogue). JFreeChart wraps
 * titles where {@link java.text.BreakIterator#getLineInstance()} allows a break, which is at every space and after
 * every hyphen; a no-break space (U+00A0) and a non-breaking hyphen (U+2011) look the same and allow none. Ordinary
 * hyphenated words ("Target-controlled") keep their ASCII hyphen, so that the text of an SVG chart still matches a
 * search for them. Only for text drawn on a chart: an id with a non-breaking hyphen is not the id a command takes.
 *
 * <p>A numeric range ("70–160 ng/mL", "0.5–1 mg/kg") keeps its dash: the line break rules allow a break after an
 * en dash and ignore a word joiner, and no other character reads as the same dash, so {@link #wrap} breaks the lines
 * itself, where JFreeChart would, except inside a range; {@link ChartTitle} hands those lines to JFreeChart.
 */
final class ChartText {
    /** A space that allows no line break. */
    static final char NO_BREAK_SPACE = '\u00A0';
    /** A hyphen that allows no line break. */
    static final char NO_BREAK_HYPHEN = '\u2011';

    /** A space after a digit, before more text. */
    private static final Pattern SPACE_AFTER_NUMBER = Pattern.compile("(?<=\\d) (?=\\S)");
    /** The spaces of an author's "et al.", which a line broke between the name and "al.". */
    private static final Pattern ET_AL = Pattern.compile("(?<=\\S) et al\\.");
    /** A lower-case token with inner hyphens, the form of the library's ids. */
    private static final Pattern ID = Pattern.compile(
            "(?<![\\p{L}\\p{N}-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\\p{L}\\p{N}-])");
    /** A dash between two numbers, with a space on either side or none: "70–160", "10 – 90", "0.5-1". */
    private static final Pattern RANGE_DASH = Pattern.compile("(?<=\\d)[ \u00A0]?[\u2013\u2012\u2212-][ \u00A0]?"
            + "(?=\\.?\\d)");
    /** The catalogue's model ids: "racemic-composite" has no digit. */
    private static final Set<String> MODEL_IDS = Models.all().stream().map(PublishedModel::id)
            .collect(Collectors.toUnmodifiableSet());

    private ChartText() {
    }

    /**
     * @param text text to draw as a title, subtitle or caption line
     * @return the same text where a line may no longer break after a number or at a hyphen inside an id
     */
    static String unbreakable(String text) {
        String out = SPACE_AFTER_NUMBER.matcher(text).replaceAll(String.valueOf(NO_BREAK_SPACE));
        out = ET_AL.matcher(out).replaceAll(NO_BREAK_SPACE + "et" + NO_BREAK_SPACE + "al.");
        Matcher m = ID.matcher(out);
        StringBuilder sb = new StringBuilder(out.length());
        while (m.find()) {
            String token = m.group();
            boolean id = token.chars().anyMatch(Character::isDigit) || MODEL_IDS.contains(token);
            m.appendReplacement(sb, Matcher.quoteReplacement(id ? token.replace('-', NO_BREAK_HYPHEN) : token));
        }
        return m.appendTail(sb).toString();
    }

    /**
     * Wraps {@code text} to lines of at most {@code widthPx} as JFreeChart's {@code TextUtils.createTextBlock} does
     * (the same break points, the same widths summed word by word, a word longer than a line cut where it no longer
     * fits, a line feed kept as a break), except that a numeric range is never broken at its dash. Text without a
     * range gives the lines JFreeChart gives.
     *
     * @param text the text, as {@link #unbreakable} returns it
     * @param widthPx the width available, px
     * @param measurer the width of a piece of the text in the title's font
     * @return the lines, each with the spaces it ends with; none for an empty text
     */
    static List<String> wrap(String text, float widthPx, TextMeasurer measurer) {
        int[] breaks = breaks(text);
        List<String> lines = new ArrayList<>();
        int current = 0;
        while (current < text.length()) {
            int next = nextLineBreak(text, current, widthPx, breaks, measurer);
            if (next < 0) {
                lines.add(text.substring(current));
                break;
            }
            if (next == current) {
                next++;
            }
            lines.add(text.substring(current, next));
            current = next;
            while (current < text.length() && text.charAt(current) == '\n') {
                current++;
            }
        }
        return lines;
    }

    /** The line's break opportunities after position 0, in order, less those inside a numeric range. */
    private static int[] breaks(String text) {
        boolean[] kept = new boolean[text.length() + 1];
        BreakIterator it = BreakIterator.getLineInstance();
        it.setText(text);
        for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
            kept[b] = true;
        }
        Matcher m = RANGE_DASH.matcher(text);
        while (m.find()) {
            for (int b = m.start() + 1; b <= m.end(); b++) {
                kept[b] = false;
            }
        }
        int n = 0;
        int[] out = new int[text.length()];
        for (int b = 1; b <= text.length(); b++) {
            if (kept[b]) {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** JFreeChart's {@code TextUtils.nextLineBreak} over the break points given; -1 when the rest fits. */
    private static int nextLineBreak(String text, int start, float width, int[] breaks, TextMeasurer measurer) {
        int current = start;
        float x = 0;
        boolean firstWord = true;
        int newline = text.indexOf('\n', start);
        if (newline < 0) {
            newline = Integer.MAX_VALUE;
        }
        int i = following(breaks, current);
        while (i < breaks.length) {
            int end = breaks[i];
            x += measurer.getStringWidth(text, current, end);
            if (x > width) {
                if (firstWord) {
                    while (measurer.getStringWidth(text, start, end) > width) {
                        end--;
                        if (end <= start) {
                            return end;
                        }
                    }
                    return end;
                }
                return current;
            }
            if (end > newline) {
                return newline;
            }
            firstWord = false;
            current = end;
            i++;
        }
        return -1;
    }

    /** @return the index of the first break after {@code position} */
    private static int following(int[] breaks, int position) {
        int i = Arrays.binarySearch(breaks, position);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
