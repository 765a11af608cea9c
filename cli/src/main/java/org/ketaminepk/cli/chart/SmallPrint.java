package org.ketaminepk.cli.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * The small print under a chart (the lines at its foot) kept legible when the chart is drawn small. The layout is
 * drawn scaled ({@link ChartFiles}); at a 640 × 360 image the caption font of the layout would print about 7 px
 * high. While such a chart is drawn each line at its foot prints at least {@value #MIN_TEXT_PX} px high, and the
 * foot keeps to {@value #MAX_SHARE} of the image's height: the lines that no longer fit are left out, the disclaimer
 * ("not a dosing device") last of all, and a last line counts them, as the full-size chart counts the notes it has
 * no room for. Everything left out is in the text output.
 *
 * <p>The chart is changed only while it is drawn: {@link #legible} returns what puts it back. The text drawn inside
 * a plot (the bands' names, the peaks' labels) keeps the same least height through {@link #atLeastLegible}.
 */
final class SmallPrint {
    private SmallPrint() {
    }

    /** Least height of a line of small print in the image, px. */
    static final double MIN_TEXT_PX = 10;
    /** Largest share of the image's height the small print may take when its font is enlarged. */
    static final double MAX_SHARE = 0.17;
    /** The words of the disclaimer, which stays on the chart longest. */
    static final String DISCLAIMER_MARK = "not a dosing device";

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Pattern MORE = Pattern.compile("… and (\\d+) more");

    /**
     * @param font a font of text drawn inside a plot (a band's name, a peak's label)
     * @param g2 where it is drawn, scaled as the layout is
     * @return {@code font}, enlarged if need be to print at least {@value #MIN_TEXT_PX} px high
     */
    static Font atLeastLegible(Font font, Graphics2D g2) {
        double scale = Math.sqrt(Math.abs(g2.getTransform().getDeterminant()));
        if (!(scale > 0) || font.getSize2D() * scale >= MIN_TEXT_PX) {
            return font;
        }
        return font.deriveFont((float) (MIN_TEXT_PX / scale));
    }

    /**
     * @param chart the chart about to be drawn
     * @param scale the factor the layout is drawn at
     * @param layoutWidth the width the chart is laid out in, px at the layout size
     * @param layoutHeight the height, likewise
     * @return what restores the chart after drawing
     */
    static Runnable legible(JFreeChart chart, double scale, double layoutWidth, double layoutHeight) {
        List<TextTitle> lines = new ArrayList<>();
        // titles at the bottom edge stack upwards in the order added: read from the top, the last added comes first
        for (int i = chart.getSubtitleCount() - 1; i >= 0; i--) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt && tt.getPosition() == RectangleEdge.BOTTOM && tt.isVisible()) {
                lines.add(tt);
            }
        }
        float size = (float) (MIN_TEXT_PX / scale);
        boolean small = false;
        for (TextTitle t : lines) {
            small |= t.getFont().getSize2D() < size;
        }
        if (!small) {
            return () -> { };
        }
        List<Font> fonts = new ArrayList<>();
        for (TextTitle t : lines) {
            fonts.add(t.getFont());
            if (t.getFont().getSize2D() < size) {
                t.setFont(t.getFont().deriveFont(size));
            }
        }
        double lineHeight = size * 1.25;
        int budget = Math.max(2, (int) Math.floor(MAX_SHARE * layoutHeight / lineHeight));
        // the chart's padding and the captions' insets
        double wrapWidth = Math.max(100, layoutWidth - 56 - 78);
        int[] need = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            TextTitle t = lines.get(i);
            double w = t.getFont().getStringBounds(t.getText(), FRC).getWidth();
            need[i] = Math.max(1, (int) Math.ceil(w / (0.95 * wrapWidth)));
        }
        int total = 0;
        for (int n : need) {
            total += n;
        }
        List<TextTitle> hidden = new ArrayList<>();
        TextTitle more = null;
        if (total > budget) {
            // keep in reading order, the disclaimer first, leaving a line for the count
            boolean[] keep = new boolean[lines.size()];
            int used = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < lines.size(); i++) {
                    boolean disclaimer = lines.get(i).getText().contains(DISCLAIMER_MARK);
                    if (keep[i] || (pass == 0) != disclaimer) {
                        continue;
                    }
                    if (used + need[i] <= budget) {
                        keep[i] = true;
                        used += need[i];
                    } else if (pass == 1) {
                        // what follows may not be read without it
                        break;
                    }
                }
            }
            int dropped = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (!keep[i]) {
                    Matcher m = MORE.matcher(lines.get(i).getText());
                    dropped += m.find() ? Integer.parseInt(m.group(1)) : 1;
                    lines.get(i).setVisible(false);
                    hidden.add(lines.get(i));
                }
            }
            more = new ChartTitle("… and " + dropped + (dropped == 1 ? " more line" : " more lines")
                    + " of notes in the text output.", ChartStyle.CAPTION.deriveFont(size), ChartStyle.SUBTLE_TEXT,
                    RectangleEdge.BOTTOM, HorizontalAlignment.LEFT, VerticalAlignment.BOTTOM,
                    new RectangleInsets(0, 8, 1, 70));
            more.setTextAlignment(HorizontalAlignment.LEFT);
            // the lowest line
            chart.addSubtitle(0, more);
        }
        TextTitle added = more;
        return () -> {
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i).setFont(fonts.get(i));
            }
            for (TextTitle t : hidden) {
                t.setVisible(true);
            }
            if (added != null) {
                chart.removeSubtitle(added);
            }
        };
    }
}
