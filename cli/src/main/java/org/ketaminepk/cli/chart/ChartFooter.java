package org.ketaminepk.cli.chart;

import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The small print under a concentration chart: the source of the shaded ranges, then the caller's lines (the
 * disclaimer, warnings, notes), each once, within a budget of {@value #MAX_PRINTED_LINES} printed lines at the
 * layout width, so that the footer stays near a tenth of the image. Lines past the budget are counted in a last line
 * that points to the text output, where all of them are printed.
 *
 * <p>Not a place for anything a reader needs to read the curves: that belongs in the legend or the axes.
 */
final class ChartFooter {
    private ChartFooter() {
    }

    /** Most printed lines (after wrapping at the layout width) under the chart. */
    static final int MAX_PRINTED_LINES = 5;

    /** Width the caption wraps at, px at the layout size: the chart less its padding and the caption's insets. */
    static final double WRAP_WIDTH_PX = 1600 - 20 - 36 - 8 - 70;

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /**
     * @param callerLines the caller's lines, in order of importance
     * @return the band source first, then the caller's lines without repeats or blanks, cut to the budget
     */
    static List<String> lines(List<String> callerLines) {
        String bands = ConcentrationBands.caption();
        List<String> all = new ArrayList<>();
        all.add(bands);
        for (String l : callerLines) {
            String s = l.strip();
            if (!s.isEmpty() && !all.contains(s)) {
                all.add(s);
            }
        }
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < all.size(); i++) {
            int need = printedLines(all.get(i));
            int left = all.size() - i - 1;
            // keep room for the line that counts what is left out
            if (used + need + (left > 0 ? 1 : 0) > MAX_PRINTED_LINES && i > 0) {
                int more = all.size() - i;
                kept.add("… and " + more + (more == 1 ? " more note" : " more notes") + " in the text output.");
                break;
            }
            kept.add(all.get(i));
            used += need;
        }
        return kept;
    }

    /** @return how many lines {@code s} takes when printed in the caption font at {@link #WRAP_WIDTH_PX} */
    static int printedLines(String s) {
        double w = ChartStyle.CAPTION.getStringBounds(s, FRC).getWidth();
        // words wrap whole, so a line holds a little less than the full width
        return Math.max(1, (int) Math.ceil(w / (0.95 * WRAP_WIDTH_PX)));
    }
}
