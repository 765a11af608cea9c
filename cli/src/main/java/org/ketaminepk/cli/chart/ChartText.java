package org.ketaminepk.cli.chart;

import java.util.regex.Pattern;

/**
 * Keeps together, when a chart's title, subtitle or caption wraps, what a reader takes as one token: a number and
 * what follows it ("40 %", "0.5 mg/kg", "3 patients") and a hyphenated id or word ("flint-2017", "S-ketamine").
 * JFreeChart wraps titles where {@link java.text.BreakIterator#getLineInstance()} allows a break, which is at every
 * space and after every hyphen; a no-break space (U+00A0) and a non-breaking hyphen (U+2011) look the same and allow
 * none. Not for text a user copies back into a command (a non-breaking hyphen is not the ASCII one): only for text
 * drawn on a chart.
 */
final class ChartText {
    /** A space that allows no line break. */
    static final char NO_BREAK_SPACE = '\u00A0';
    /** A hyphen that allows no line break. */
    static final char NO_BREAK_HYPHEN = '\u2011';

    /** A space after a digit, before more text. */
    private static final Pattern SPACE_AFTER_NUMBER = Pattern.compile("(?<=\\d) (?=\\S)");
    /** An ASCII hyphen between two letters or digits. */
    private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=[\\p{L}\\p{N}])-(?=[\\p{L}\\p{N}])");

    private ChartText() {
    }

    /**
     * @param text text to draw as a title, subtitle or caption line
     * @return the same text where a line may no longer break after a number or at a hyphen inside a word
     */
    static String unbreakable(String text) {
        String out = SPACE_AFTER_NUMBER.matcher(text).replaceAll(String.valueOf(NO_BREAK_SPACE));
        return INNER_HYPHEN.matcher(out).replaceAll(String.valueOf(NO_BREAK_HYPHEN));
    }
}
