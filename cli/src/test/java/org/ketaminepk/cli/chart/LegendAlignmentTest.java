package org.ketaminepk.cli.chart;

import static org.ketaminepk.cli.chart.ChartInspection.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.fit.Level;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Profile;

/**
 * The legend's labels start in one column: JFreeChart sizes an entry's graphic by its line and its shape together,
 * so an entry with a narrower mark than a curve's line (an infusion bar, a bolus triangle, a measured point, a band
 * swatch) used to start its label further left than the others.
 */
class LegendAlignmentTest {
    /** @return the width JFreeChart gives an entry's graphic: the bounds of its line and its shape together */
    private static double graphicWidth(LegendItem item) {
        Rectangle2D r = new Rectangle2D.Double();
        if (item.getLine() != null) {
            r.setRect(item.getLine().getBounds2D());
        }
        if (item.getShape() != null) {
            r = r.createUnion(item.getShape().getBounds2D());
        }
        return r.getWidth();
    }

    private static void assertOneColumn(LegendItemCollection items) {
        double width = graphicWidth(items.get(0));
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            assertEquals(width, graphicWidth(item), 1e-9, () -> "graphic of '" + item.getLabel() + "'");
        }
    }

    @Test
    void doseMarksStartTheirLabelsWhereTheCurvesDo() {
        Regimen bolusThenInfusion = Regimen.of(Dose.bolus(Amount.mg(20), 0), Dose.infusion(Amount.mg(40), 2, 0));
        Profile p = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(), bolusThenInfusion, 6, 1.0 / 60);
        LegendItemCollection items = plot(ConcentrationChart.create(single(p))).getFixedLegendItems();
        List<String> labels = legendLabels(ConcentrationChart.create(single(p)));
        assertTrue(labels.contains("Infusion running") && labels.contains("Intravenous bolus"), labels::toString);
        assertOneColumn(items);
        // a course too dense to mark dose by dose: its span mark too
        Regimen boluses = Regimen.repeat(Dose.bolus(Amount.mg(5), 0), 0.5, 200);
        Profile dense = Fixtures.profile(Models.DOMINO_1984, Patient.standardAdult(), boluses, 101, 1.0 / 30);
        assertOneColumn(plot(ConcentrationChart.create(single(dense))).getFixedLegendItems());
    }

    @Test
    void measuredPointsAndPopulationSwatchesStartTheirLabelsWhereTheCurvesDo() {
        PlotSeries s = new PlotSeries("", Simulation.run(Models.get("otto-2021"), Patient.standardAdult(),
                DoseParser.parse("0.5 mg/kg over 40 min"), TimeGrid.uniform(12, 0.05)).profile());
        ChartRequest r = new ChartRequest("Levels", "otto-2021", List.of(s), false, List.of());
        List<Level> levels = List.of(Level.of(0.5, Analyte.KETAMINE, 900), Level.of(2, Analyte.NORKETAMINE, 40),
                Level.belowLloq(10, Analyte.KETAMINE, 5));
        assertOneColumn(MeasuredPoints.create(r, levels).getXYPlot().getFixedLegendItems());
        LegendItemCollection items = plot(ConcentrationChart.create(r)).getFixedLegendItems();
        PercentileSupport.addBandSwatches(items, 100, 0.2, 0.1);
        assertOneColumn(items);
    }
}
