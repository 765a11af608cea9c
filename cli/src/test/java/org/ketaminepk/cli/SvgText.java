package org.ketaminepk.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests read in an SVG chart the command line wrote: its words, its time axis. */
final class SvgText {
    private static final Pattern TEXT = Pattern.compile(">([^<>]+)</text>");
    private static final Pattern WHOLE_NUMBER = Pattern.compile(">(\\d+)</text");

    private SvgText() {
    }

    /**
     * @param svg the file's text
     * @return the words of every text element in order, a wrapped caption's lines joined by a space, with non-breaking
     *         hyphens and spaces as plain ones and runs of white space as one space
     */
    static String words(String svg) {
        StringBuilder words = new StringBuilder();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            words.append(m.group(1)).append(' ');
        }
        return words.toString().replace('\u2011', '-').replace('\u00a0', ' ').replace("&apos;", "'")
                .replace("&#39;", "'").replaceAll("\\s+", " ");
    }

    /**
     * @param svg the file's text
     * @return the last label of the time axis, whose whole-number tick labels come first (0, 2, 4, ...), or −1
     */
    static int lastTimeTick(String svg) {
        Matcher m = WHOLE_NUMBER.matcher(svg);
        int last = -1;
        while (m.find()) {
            int v = Integer.parseInt(m.group(1));
            if (v <= last) {
                break;
            }
            last = v;
        }
        return last;
    }
}
