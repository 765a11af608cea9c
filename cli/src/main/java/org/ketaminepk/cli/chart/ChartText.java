package org.ketaminepk.cli.chart;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;

/**
 * Keeps together, when a chart's title, subtitle or caption wraps, what a reader takes as one token: a number and
 * what follows it ("40 %", "0.5 mg/kg", "3 patients") and an id ("flint-2017", "crps-schwartzman-2009",
 * "racemic-composite": a lower-case hyphenated token with a digit, or a model id of the catalogue). JFreeChart wraps
 * titles where {@link java.text.BreakIterator#getLineInstance()} allows a break, which is at every space and after
 * every hyphen; a no-break space (U+00A0) and a non-breaking hyphen (U+2011) look the same and allow none. Ordinary
 * hyphenated words ("Target-controlled") keep their ASCII hyphen, so that the text of an SVG chart still matches a
 * search for them. Only for text drawn on a chart: an id with a non-breaking hyphen is not the id a command takes.
 */
final class ChartText {
    /** A space that allows no line break. */
    static final char NO_BREAK_SPACE = '\u00A0';
    /** A hyphen that allows no line break. */
    static final char NO_BREAK_HYPHEN = '\u2011';

    /** A space after a digit, before more text. */
    private static final Pattern SPACE_AFTER_NUMBER = Pattern.compile("(?<=\\d) (?=\\S)");
    /** A lower-case token with inner hyphens, the form of the library's ids. */
    private static final Pattern ID = Pattern.compile(
            "(?<![\\p{L}\\p{N}-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\\p{L}\\p{N}-])");
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
        Matcher m = ID.matcher(out);
        StringBuilder sb = new StringBuilder(out.length());
        while (m.find()) {
            String token = m.group();
            boolean id = token.chars().anyMatch(Character::isDigit) || MODEL_IDS.contains(token);
            m.appendReplacement(sb, Matcher.quoteReplacement(id ? token.replace('-', NO_BREAK_HYPHEN) : token));
        }
        return m.appendTail(sb).toString();
    }
}
