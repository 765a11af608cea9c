package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

class BandLabelsTest {
    /** 2 mg/kg bolus: all three bands shown, the analgesic and dissociative ones a few pixels tall. */
    static final Profile BOLUS = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Fixtures.ADULT_80KG,
            Regimen.of(Dose.bolus(Amount.mgPerKg(2), 0)), 24, 1.0 / 60);

    /** The README's first chart: the CRPS course for the standard 70-kg adult, its time axis fitted. */
    static final Profile README_CRPS = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Patient.standardAdult(),
            Fixtures.crps(), 244, 1.0 / 60);

    @Test
    void labelsNeverOverlapAtDefaultAndSmallSizes() {
        List<Profile> profiles = List.of(BOLUS, INFUSION_6H, CRPS);
        int[][] sizes = {{1600, 900}, {800, 450}, {400, 225}, {200, 200}, {1600, 300}};
        for (Profile p : profiles) {
            for (boolean log : new boolean[] {false, true}) {
                for (int[] size : sizes) {
                    JFreeChart c = ConcentrationChart.create(single(p).withLogScale(log));
                    ChartFiles.render(c, size[0], size[1]);
                    List<BandLabels> labels = bandLabels(c);
                    assertEquals(1, labels.size());
                    List<Rectangle2D> boxes = labels.get(0).lastBoxes();
                    String where = size[0] + "x" + size[1] + (log ? " log" : "") + " " + boxes;
                    for (int i = 0; i < boxes.size(); i++) {
                        for (int j = i + 1; j < boxes.size(); j++) {
                            assertFalse(boxes.get(i).intersects(boxes.get(j)), where);
                        }
                    }
                    if (size[0] >= 800) {
                        // where there is room, every shown band is named
                        assertEquals(countShown(c), boxes.size(), where);
                    }
                }
            }
        }
    }

    @Test
    void thinBandsOfTheBolusChartAreNamedSideBySide() {
        JFreeChart c = ConcentrationChart.create(single(BOLUS));
        ChartFiles.render(c, 1600, 900);
        List<Rectangle2D> boxes = bandLabels(c).get(0).lastBoxes();
        assertEquals(3, boxes.size(), boxes.toString());
        // analgesic and dissociative are each a few px tall here: one label moves left, not up into the plot
        Rectangle2D analgesic = boxes.get(0);
        Rectangle2D dissociative = boxes.get(1);
        assertTrue(dissociative.getMaxX() < analgesic.getMinX(), boxes.toString());
        assertTrue(Math.abs(dissociative.getCenterY() - analgesic.getCenterY()) < analgesic.getHeight(),
                boxes.toString());
    }

    @Test
    void placementMovesLeftThenGivesUp() {
        Rectangle2D area = new Rectangle2D.Double(0, 0, 120, 20);
        Rectangle2D first = new Rectangle2D.Double(120 - BandLabels.PAD_PX - 40, 0, 40, 20);
        Rectangle2D second = BandLabels.place(40, 20, List.of(0.0), List.of(first), null, area);
        assertTrue(second.getMaxX() + BandLabels.GAP_PX <= first.getMinX(), second.toString());
        List<Rectangle2D> both = new ArrayList<>(List.of(first, second));
        assertNull(BandLabels.place(40, 20, List.of(0.0), both, null, area), "no room left");
    }

    @Test
    void noCurveCrossesABandName() {
        // the CRPS course, a 6-h infusion and a bolus, on linear and log axes, large and small: the names sit
        // where the curves leave room (the CRPS course's analgesic name used to sit on its last decline)
        for (Profile p : List.of(README_CRPS, CRPS, INFUSION_6H, BOLUS)) {
            for (boolean log : new boolean[] {false, true}) {
                for (int[] size : new int[][] {{1600, 900}, {800, 450}}) {
                    JFreeChart c = ConcentrationChart.create(single(p).withLogScale(log).withFitTime(true));
                    BufferedImage img = ChartFiles.render(c, size[0], size[1]);
                    double scale = size[0] / 1600.0;
                    BandLabels labels = bandLabels(c).get(0);
                    String where = size[0] + (log ? " log " : " ") + labels.lastNames() + " " + labels.lastBoxes();
                    // a name is either clear of the curves or drawn over them on a white edge no line runs through
                    for (Shape halo : labels.lastHalos()) {
                        assertEquals(0, curvePixels(img, halo, scale), where);
                    }
                    int clear = labels.lastBoxes().size() - labels.lastHalos().size();
                    for (Rectangle2D box : labels.lastBoxes()) {
                        if (labels.lastHalos().stream().noneMatch(h -> h.getBounds2D().intersects(box))) {
                            assertEquals(0, curvePixels(img, box, scale), where);
                            clear--;
                        }
                    }
                    assertEquals(0, clear, where);
                }
            }
        }
    }

    @Test
    void aSmallImageNamesItsBandsInLegibleLetters() {
        // 640 x 360 draws the layout at half size: the names' 17-px letters printed under 10 px high
        JFreeChart c = ConcentrationChart.create(single(README_CRPS).withFitTime(true));
        ChartFiles.render(c, 640, 360);
        List<Rectangle2D> boxes = bandLabels(c).get(0).lastBoxes();
        assertFalse(boxes.isEmpty());
        for (Rectangle2D box : boxes) {
            // a line of text is about 1.15 times its font size high
            assertTrue(box.getHeight() * 0.5 >= 1.1 * SmallPrint.MIN_TEXT_PX, () -> "printed " + box.getHeight() * 0.5
                    + " px high");
        }
    }

    @Test
    void theReadmeCrpsChartStillNamesItsAnalgesicBand() {
        JFreeChart c = ConcentrationChart.create(single(README_CRPS).withFitTime(true));
        ChartFiles.render(c, 1600, 900);
        BandLabels labels = bandLabels(c).get(0);
        assertTrue(labels.lastNames().contains("analgesic"), labels.lastNames().toString());
    }

    /** @return how many pixels within {@code area} (layout coordinates) have a curve's colour */
    static int curvePixels(BufferedImage img, Shape area, double scale) {
        int n = 0;
        Rectangle2D box = area.getBounds2D();
        for (int y = (int) Math.floor(box.getMinY() * scale); y < Math.ceil(box.getMaxY() * scale); y++) {
            for (int x = (int) Math.floor(box.getMinX() * scale); x < Math.ceil(box.getMaxX() * scale); x++) {
                if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()
                        || !area.contains((x + 0.5) / scale, (y + 0.5) / scale)) {
                    continue;
                }
                int rgb = img.getRGB(x, y);
                for (Color c : List.of(ChartStyle.BLUE, ChartStyle.VERMILLION)) {
                    int dr = ((rgb >> 16) & 0xFF) - c.getRed();
                    int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
                    int db = (rgb & 0xFF) - c.getBlue();
                    if (dr * dr + dg * dg + db * db < 1200) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int countShown(JFreeChart c) {
        return intervals(plot(c).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).size();
    }
}
