package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

/**
 * Titles, subtitles and caption lines wrap, at any width, between tokens only: never between a number and its unit
 * or percent sign, never at the hyphen of a model id.
 */
class ChartTextProperties {
    /** The subtitle of 'compare' of three models with a population and an --iiv assumption, as it is built. */
    static final String COMPARE_SUBTITLE = "10 virtual patients, seed 2026, the same in every series · otto-2021 "
            + "variability: V1, Vn, CLn published by Otto et al. 2021; user assumption CL CV 40 % · flint-2017 "
            + "variability: CLsnk published by Flint et al. 2017; user assumption CL CV 40 % · kamp-2020 "
            + "variability: user assumption CL CV 40 % · 90 % band not drawn: 10 patients, at least 20 needed";
    static final String TITLE = "Compared: otto-2021 | flint-2017 | racemic-composite · 0.5 mg/kg over 40 min, 40 % "
            + "more";
    static final String CAPTION = "between-patient variability is partly or wholly a user assumption (--iiv), not "
            + "published for model flint-2017; CL CV 40 % of 0.35 mg/kg/h for 4 h daily x10 max 25 mg/h";

    private static final JFreeChart CHART = ConcentrationChart.create(new ChartRequest(TITLE, COMPARE_SUBTITLE,
            List.of(new PlotSeries("", ChartInspection.CRPS)), false, List.of(CAPTION)));
    private static final Graphics2D G2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();

    @Test
    void anAuthorStaysWithEtAl() {
        // a target chart's subtitle wrapped as "... published by Otto et" / "al. 2021"
        String u = ChartText.unbreakable("variability: V1, CL published by Otto et al. 2021");
        assertEquals("variability: V1, CL published by Otto\u00A0et\u00A0al. 2021", u);
        assertEquals("et al. at the start", ChartText.unbreakable("et al. at the start"));
    }

    @Test
    void theTextDrawnReadsAsTheTextGiven() {
        assertEquals(TITLE, plain(CHART.getTitle().getText()));
        assertEquals(COMPARE_SUBTITLE, plain(((TextTitle) CHART.getSubtitle(0)).getText()));
        assertEquals("flint\u20112017\u00A0· 40\u00A0% · 0.5\u00A0mg/kg · S-ketamine · --iiv · 70–160\u00A0· "
                + "racemic\u2011composite, crps\u2011schwartzman\u20112009; Target-controlled",
                ChartText.unbreakable("flint-2017 · 40 % · 0.5 mg/kg · S-ketamine · --iiv · 70–160 · "
                        + "racemic-composite, crps-schwartzman-2009; Target-controlled"));
    }

    @Property(tries = 300)
    void wrappedLinesNeverSplitANumberFromItsUnitNorAnId(@ForAll @IntRange(min = 120, max = 1700) int widthPx) {
        List<String> texts = new ArrayList<>();
        texts.add(CHART.getTitle().getText());
        for (int i = 0; i < CHART.getSubtitleCount(); i++) {
            if (CHART.getSubtitle(i) instanceof TextTitle t) {
                texts.add(t.getText());
            }
        }
        for (String text : texts) {
            TextTitle t = new TextTitle(text, ChartStyle.SUBTITLE);
            TextBlock block = TextUtils.createTextBlock(text, t.getFont(), Color.BLACK, widthPx, new G2TextMeasurer(G2));
            List<String> lines = new ArrayList<>();
            for (Object o : block.getLines()) {
                TextLine line = (TextLine) o;
                lines.add(line.getFirstTextFragment().getText());
            }
            for (int i = 0; i + 1 < lines.size(); i++) {
                String end = lines.get(i);
                String next = lines.get(i + 1);
                // a line broken at the space after a number keeps that space
                assertFalse(end.matches("(?s).*\\d\\s+"), () -> widthPx + " px: '" + end + "' / '" + next + "'");
                // a line broken at the hyphen inside an id ends with it
                assertFalse(end.matches("(?s).*(otto|flint|kamp|racemic)-"), () -> widthPx + " px: '" + end + "' / '"
                        + next + "'");
            }
        }
    }

    private static String plain(String drawn) {
        return ChartInspection.plain(drawn);
    }
}
