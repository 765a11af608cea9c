package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.text.TextUtils;
import org.junit.jupiter.api.Test;

/**
 * A numeric range ("70–160 ng/mL", "1–2 mg/kg") is never split at its dash when a title, subtitle or caption wraps,
 * and text without a range wraps exactly as JFreeChart wraps it, so that those charts draw as before.
 */
class ChartTitleProperties {
    /** The caption of the concentration bands, which ends a line with "1–" when the layout is 1300 px wide. */
    static final String BANDS = "Shaded: plasma ketamine peaks reported after racemic ketamine — analgesic after "
            + "0.15 mg/kg iv, dissociative after 0.5 mg/kg over 40 min iv, anaesthetic after 1–2 mg/kg iv (Zanos "
            + "2018, Pharmacol Rev 70:621, Table 1, doi:10.1124/pr.117.015198). A guide for the eye, not dosing "
            + "targets.";
    static final String RANGES = "Band 70–160 ng/mL, 10–90 % of patients, 0.5–1 mg/kg, 100 – 250 ng/mL, 1200-2400 "
            + "ng/mL, flint-2017 and crps-schwartzman-2009, 5th–95th percentile";
    private static final Graphics2D G2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
    /** A range as it may end a line: a digit, the dash, maybe a space. */
    private static final Pattern SPLIT = Pattern.compile("(?s).*\\d[ \u00A0]?[\u2013-][ \u00A0]?");

    private static List<String> jfreeLines(String text, Font font, float width) {
        G2.setFont(font);
        TextBlock block = TextUtils.createTextBlock(text, font, Color.BLACK, width, new G2TextMeasurer(G2));
        List<String> lines = new ArrayList<>();
        for (Object o : block.getLines()) {
            lines.add(((TextLine) o).getFirstTextFragment().getText());
        }
        return lines;
    }

    private static List<String> lines(String text, Font font, float width) {
        G2.setFont(font);
        return ChartText.wrap(text, width, new G2TextMeasurer(G2));
    }

    @Property(tries = 300)
    void aRangeIsNeverSplitAtItsDash(@ForAll @IntRange(min = 60, max = 1800) int widthPx) {
        for (String text : List.of(BANDS, RANGES)) {
            String drawn = ChartText.unbreakable(text);
            List<String> lines = lines(drawn, ChartStyle.CAPTION, widthPx);
            assertEquals(drawn, String.join("", lines), () -> widthPx + " px: the lines lost text");
            for (int i = 0; i + 1 < lines.size(); i++) {
                String end = lines.get(i);
                String next = lines.get(i + 1);
                assertFalse(SPLIT.matcher(end).matches() && Character.isDigit(next.charAt(0)),
                        () -> widthPx + " px: '" + end + "' / '" + next + "'");
            }
        }
    }

    /** Where no range is concerned, the lines are JFreeChart's own: the charts of such text draw as before. */
    @Property(tries = 300)
    void withoutARangeTheLinesAreJFreeChartsOwn(@ForAll @IntRange(min = 20, max = 1800) int widthPx) {
        for (String text : List.of(ChartTextProperties.COMPARE_SUBTITLE, ChartTextProperties.TITLE,
                ChartTextProperties.CAPTION, "one\ntwo lines\n\nand a gap", "averyveryverylongwordwithoutanybreak")) {
            String drawn = ChartText.unbreakable(text);
            for (Font font : List.of(ChartStyle.TITLE, ChartStyle.SUBTITLE, ChartStyle.CAPTION)) {
                assertEquals(jfreeLines(drawn, font, widthPx), lines(drawn, font, widthPx), () -> widthPx + " px");
            }
        }
    }

    /** JFreeChart wraps the lines handed to it, joined by line feeds, into the same lines. */
    @Property(tries = 300)
    void jfreeChartKeepsTheLinesItIsGiven(@ForAll @IntRange(min = 60, max = 1800) int widthPx) {
        for (String text : List.of(BANDS, RANGES, ChartTextProperties.COMPARE_SUBTITLE)) {
            String drawn = ChartText.unbreakable(text);
            for (Font font : List.of(ChartStyle.TITLE, ChartStyle.SUBTITLE, ChartStyle.CAPTION)) {
                List<String> lines = lines(drawn, font, widthPx);
                assertEquals(lines, jfreeLines(String.join("\n", lines), font, widthPx), () -> widthPx + " px");
            }
        }
    }

    /**
     * A chart drawn at a size whose caption split "1–2 mg/kg" after its dash ("... anaesthetic after 1–" / "2 mg/kg
     * iv ..."): each line of an SVG chart is one text element.
     */
    @Test
    void theBandsCaptionOfADrawnChartKeepsItsRangeWhole() throws Exception {
        JFreeChart chart = ConcentrationChart.create(new ChartRequest("Model and patient", "regimen",
                List.of(new PlotSeries("", ChartInspection.CRPS)), false, List.of(BANDS)));
        int found = 0;
        for (int width = 600; width <= 700; width += 5) {
            StringWriter svg = new StringWriter();
            ChartFiles.writeSvg(chart, svg, width, 450);
            List<String> texts = new ArrayList<>();
            Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg.toString());
            while (m.find()) {
                texts.add(m.group(1));
            }
            for (int i = 0; i + 1 < texts.size(); i++) {
                String end = texts.get(i);
                String next = texts.get(i + 1);
                int w = width;
                assertFalse(SPLIT.matcher(end).matches() && Character.isDigit(next.charAt(0)),
                        () -> w + " px: '" + end + "' / '" + next + "'");
            }
            found += texts.stream().anyMatch(t -> t.contains("1–2\u00A0mg/kg")) ? 1 : 0;
        }
        assertTrue(found > 0, "the caption was not drawn");
    }
}
