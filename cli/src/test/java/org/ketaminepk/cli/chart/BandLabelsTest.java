package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.result.Profile;

class BandLabelsTest {
    /** 2 mg/kg bolus: all three bands shown, the analgesic and dissociative ones a few pixels tall. */
    static final Profile BOLUS = Fixtures.profile(Fixtures.WITH_NORKETAMINE, Fixtures.ADULT_80KG,
            Regimen.of(Dose.bolus(Amount.mgPerKg(2), 0)), 24, 1.0 / 60);

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
        Rectangle2D area = new Rectangle2D.Double(0, 0, 100, 20);
        Rectangle2D first = new Rectangle2D.Double(60, 0, 40, 20);
        Rectangle2D second = BandLabels.place(new Rectangle2D.Double(60, 0, 40, 20), List.of(first), area);
        assertEquals(60 - BandLabels.GAP_PX - 40, second.getX(), 1e-9);
        List<Rectangle2D> both = new ArrayList<>(List.of(first, second));
        assertNull(BandLabels.place(new Rectangle2D.Double(60, 0, 40, 20), both, area), "no room left");
    }

    private static int countShown(JFreeChart c) {
        return intervals(plot(c).getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).size();
    }
}
