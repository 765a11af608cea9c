package org.ketaminepk.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;

import org.ketaminepk.base.Analyte;

/**
 * Colours, fonts and strokes of the concentration charts, sized for a 1600 × 900 pixel canvas (a projected slide);
 * {@link ChartFiles} scales the whole drawing for other sizes.
 *
 * <p>Curve colours are the eight-colour palette of Okabe M, Ito K, "Color Universal Design (CUD): how to make
 * figures and presentations that are friendly to colorblind people" (2002/2008, jfly.uni-koeln.de/color), without
 * its yellow, which is too pale for a line on white. Line style tells the analytes apart, so a chart stays readable
 * in greyscale print too.
 */
final class ChartStyle {
    private ChartStyle() {
    }

    /** Okabe–Ito blue. */
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    /** Okabe–Ito vermillion. */
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    /** Okabe–Ito bluish green. */
    static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    /** Okabe–Ito reddish purple. */
    static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
    /** Okabe–Ito orange. */
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    /** Okabe–Ito sky blue. */
    static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    /** Okabe–Ito black. */
    static final Color BLACK = new Color(0x00, 0x00, 0x00);

    /** One colour per profile when several are compared, in this order. */
    static final List<Color> SERIES_COLOURS = List.of(BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE,
            SKY_BLUE, BLACK);

    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color SUBTLE_TEXT = new Color(0x55, 0x55, 0x55);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color AXIS = new Color(0x44, 0x44, 0x44);
    static final Color DOSE_MARK = new Color(0x33, 0x33, 0x33);
    /** Infusion shading: neutral grey, so it does not compete with the coloured concentration bands. */
    static final Color INFUSION_FILL = new Color(0, 0, 0, 22);

    static final String FAMILY = Font.SANS_SERIF;
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 34);
    static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 23);
    static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 23);
    static final Font TICK_LABEL = new Font(FAMILY, Font.PLAIN, 20);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 19);
    static final Font BAND_LABEL = new Font(FAMILY, Font.ITALIC, 17);
    static final Font CAPTION = new Font(FAMILY, Font.PLAIN, 15);

    /** Curve width, px at 1600 × 900. */
    static final float LINE_WIDTH = 2.75f;

    /** @return the colour of curves for an analyte when a single profile is drawn */
    static Color analyteColour(Analyte a) {
        switch (a) {
            case KETAMINE:
                return BLUE;
            case NORKETAMINE:
                return VERMILLION;
            default:
                return BLUISH_GREEN;
        }
    }

    /** @return the line style of an analyte: ketamine solid, norketamine dashed, hydroxynorketamine dotted */
    static Stroke analyteStroke(Analyte a) {
        switch (a) {
            case KETAMINE:
                return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case NORKETAMINE:
                return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {14f, 8f}, 0f);
            default:
                return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {0.1f, 7f}, 0f);
        }
    }

    /** @return {@code c} with alpha {@code a} in [0, 1] */
    static Color translucent(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(a * 255));
    }

    /** @return {@code c} darkened by factor {@code f} in (0, 1] (text drawn over its own tint) */
    static Color darker(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
    }

    /**
     * A chart around {@code plot} dressed as {@code base}: its background, rendering hints, padding, title and every
     * subtitle but the legend. The caller adds the legend last (after any footer), so that it spans only the height
     * left between the titles and the footer, as {@code ConcentrationChart} does.
     */
    static JFreeChart dressedAs(JFreeChart base, Plot plot) {
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.setBackgroundPaint(base.getBackgroundPaint());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setRenderingHints(base.getRenderingHints());
        chart.setPadding(base.getPadding());
        chart.setTitle(base.getTitle());
        for (int i = 0; i < base.getSubtitleCount(); i++) {
            Title t = base.getSubtitle(i);
            if (!(t instanceof LegendTitle)) {
                chart.addSubtitle(t);
            }
        }
        return chart;
    }
}
