package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.EffectSimulation;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.effect.Endpoints;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

/** The effect chart: a second panel with the effect, the effect-site curves and a footer with the assumptions. */
class EffectChartTest {
    private static final Regimen INFUSION = Regimen.of(Dose.infusion(Rate.mgPerH(20), 2, 0));
    private static final TimeGrid GRID = TimeGrid.uniform(6, 1.0 / 60);

    private static EffectResult run(Endpoint e, String model, Regimen r) {
        return EffectSimulation.run(e, Models.get(model), Patient.standardAdult(), r, GRID,
                EffectSimulation.Options.DEFAULT);
    }

    private static JFreeChart chart(List<EffectResult> results, Double level) {
        List<PlotSeries> series = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            series.add(new PlotSeries(results.size() == 1 ? "" : "series " + i, results.get(i).pk().profile()));
            names.add("S-ketamine at the effect site");
        }
        ChartRequest request = new ChartRequest("Title", "subtitle", series, false, List.of("a warning"));
        return EffectChart.create(request, EffectPanel.of(results, names, level));
    }

    private static List<String> texts(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            Title t = c.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                out.add(ChartInspection.plain(tt.getText()));
            }
        }
        return out;
    }

    private static List<String> legend(XYPlot p) {
        List<String> out = new ArrayList<>();
        LegendItemCollection items = p.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    @Test
    void aDenseCourseDrawsItsEffectSiteAndEffectAsPeaksAndTroughs() {
        // 200 boluses half an hour apart over 100 h: 5 px a cycle
        Regimen boluses = Regimen.repeat(Dose.bolus(Amount.mg(5), 0), 0.5, 200);
        EffectResult r = EffectSimulation.run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, Models.get("kamp-2020"),
                Patient.standardAdult(), boluses, TimeGrid.uniform(101, 1.0 / 30), EffectSimulation.Options.DEFAULT);
        JFreeChart c = chart(List.of(r), null);
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) c.getPlot();
        List<String> labels = legend(combined);
        assertTrue(labels.contains("S-ketamine at the effect site, peaks and troughs"), labels::toString);
        assertTrue(labels.contains("Effect, peaks and troughs (lower panel)"), labels::toString);
        XYPlot effect = (XYPlot) combined.getSubplots().get(1);
        XYSeriesCollection lines = (XYSeriesCollection) effect.getDataset(0);
        boolean broken = false;
        for (int i = 0; i < lines.getItemCount(0); i++) {
            broken |= Double.isNaN(lines.getYValue(0, i));
        }
        assertTrue(broken, "the effect's lower line is a stroke of its own");
        assertTrue(lines.getItemCount(0) < r.pk().profile().size() / 2, () -> "points: " + lines.getItemCount(0));
        // filled between its peaks and troughs as the concentrations are, and its legend entry shows the fill
        long fills = ((AbstractXYItemRenderer) effect.getRenderer(0)).getAnnotations().stream()
                .filter(a -> a instanceof DenseCourse.Fill).count();
        assertEquals(1, fills, "one fill behind the effect's peaks and troughs");
        LegendItemCollection items = combined.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            if (items.get(i).getLabel().equals("Effect, peaks and troughs (lower panel)")) {
                assertTrue(items.get(i).isShapeFilled(), "the entry shows the fill");
            }
        }
    }

    @Test
    void theEffectGetsASecondPanelOnTheSameTimeAxis() {
        EffectResult r = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020", INFUSION);
        JFreeChart c = chart(List.of(r), 0.3);
        CombinedDomainXYPlot combined = assertInstanceOf(CombinedDomainXYPlot.class, c.getPlot());
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(2, panels.size());
        XYPlot conc = panels.get(0);
        XYPlot effect = panels.get(1);
        assertEquals("Concentration (ng/mL)", conc.getRangeAxis().getLabel());
        assertEquals("Effect", effect.getRangeAxis().getLabel());
        assertEquals("Time (h)", combined.getDomainAxis().getLabel());
        // the effect curve is the library's, drawn at the chart's time unit
        XYSeriesCollection lines = (XYSeriesCollection) effect.getDataset(0);
        assertEquals(1, lines.getSeriesCount());
        double peak = 0;
        for (int i = 0; i < lines.getItemCount(0); i++) {
            peak = Math.max(peak, lines.getYValue(0, i));
        }
        assertEquals(r.metrics().peakEffect(), peak, 1e-12);
        assertTrue(effect.getRangeAxis().getUpperBound() > peak, "the peak is on the axis");
        // the effect site is drawn on the concentration panel, in the legend, and the infusion shaded on both
        boolean site = false;
        for (int d = 0; d < conc.getDatasetCount(); d++) {
            if (conc.getDataset(d) instanceof XYSeriesCollection s && s.getSeriesCount() > 0
                    && String.valueOf(s.getSeriesKey(0)).contains("at the effect site")) {
                site = true;
            }
        }
        assertTrue(site, "an effect-site curve on the concentration panel");
        assertTrue(legend(combined).contains("S-ketamine at the effect site"), legend(combined).toString());
        assertTrue(legend(combined).contains("Effect level 0.3"), legend(combined).toString());
        assertEquals(1, ChartInspection.intervals(effect.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND))
                .size());
        BufferedImage img = new BufferedImage(1600, EffectChart.HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
        c.draw(img.createGraphics(), new java.awt.geom.Rectangle2D.Double(0, 0, 1600, EffectChart.HEIGHT_PX));
        assertTrue(ChartInspection.count(img, EffectChart.EFFECT_COLOUR) > 500, "the effect curves are drawn");
    }

    @Test
    void theFooterNamesTheEndpointItsSourceTheLinkAndTheInferredParts() {
        EffectResult r = run(Endpoints.DAHAN_2011_CRPS_RELIEF, "kamp-2020", INFUSION);
        List<String> footer = texts(chart(List.of(r), null));
        String all = String.join("\n", footer);
        assertTrue(all.contains("Effect: Dahan 2011, relief of CRPS-1 pain"), all);
        assertTrue(all.contains("doi:10.1016/j.ejpain.2010.06.016"), all);
        assertTrue(all.contains("TRANSFERRED"), all);
        assertTrue(all.contains("S-ketamine, taken as 50 %"), all);
        assertTrue(all.contains("Inferred, not in the source: a slow first-order link"), all);
        assertTrue(all.contains("a warning"), "the concentration chart's caption stays: " + all);
        for (String line : EffectChart.footerLines(EffectPanel.of(List.of(r), List.of("site"), null))) {
            assertTrue(line.length() <= EffectChart.FOOTER_CHARS, line);
        }
    }

    @Test
    void severalSeriesKeepTheirColoursOnBothPanels() {
        EffectResult a = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020", INFUSION);
        EffectResult b = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020",
                Regimen.of(Dose.bolus(Amount.mg(20), 0)));
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart(List.of(a, b), null).getPlot();
        XYPlot effect = combined.getSubplots().get(1);
        assertEquals(2, effect.getDataset(0).getSeriesCount());
        assertEquals(ChartStyle.SERIES_COLOURS.get(1), effect.getRenderer(0).getSeriesPaint(1));
        assertTrue(legend(combined).contains("S-ketamine at the effect site"), legend(combined).toString());
    }

    @Test
    void anEffectSiteOnlyEndpointHasNoSecondPanel() {
        EffectResult r = EffectSimulation.run(Endpoints.NAVARRETE_2025_ANI, Models.DOMINO_1984,
                Patient.standardAdult(), Regimen.of(Dose.bolus(Amount.mg(7), 0)), TimeGrid.uniform(0.25, 1.0 / 3600),
                EffectSimulation.Options.DEFAULT);
        JFreeChart c = chart(List.of(r), null);
        assertFalse(c.getPlot() instanceof CombinedDomainXYPlot);
        assertTrue(String.join("\n", texts(c)).contains("Effect: Navarrete 2025"), texts(c).toString());
    }

    @Test
    void oneEffectCurvePerProfile() {
        EffectResult r = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020", INFUSION);
        List<PlotSeries> two = List.of(new PlotSeries("a", r.pk().profile()), new PlotSeries("b", r.pk().profile()));
        ChartRequest request = new ChartRequest("Title", "", two, false, List.of());
        EffectPanel one = EffectPanel.of(List.of(r), List.of("site"), null);
        assertThrows(InvalidInputException.class, () -> EffectChart.create(request, one));
    }

    @Test
    void twoPeaksAtAboutTheSameTimeAndHeightHaveTheirLabelsApart() {
        // two patients' curves that peak together, 2 % apart: their labels used to print one over the other
        EffectResult a = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020", INFUSION);
        EffectResult b = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020",
                Regimen.of(Dose.infusion(Rate.mgPerH(20.4), 2, 0)));
        JFreeChart c = chart(List.of(a, b), null);
        XYPlot effect = ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(1);
        PeakLabels labels = PeakLabels.of(effect);
        assertEquals(2, labels.labels().size());
        ChartFiles.render(c, 1600, 1200);
        List<Rectangle2D> boxes = labels.lastBoxes();
        assertEquals(2, boxes.size(), "both labels drawn");
        assertFalse(boxes.get(0).intersects(boxes.get(1)), () -> "overlapping labels: " + boxes);
        for (Rectangle2D box : boxes) {
            assertTrue(box.getMinX() > 0 && box.getMaxX() < 1600, () -> "inside the chart: " + box);
        }
    }

    @Test
    void aPeakOnTheEffectLevelHasItsLabelApartFromTheLevelsNameAndLine() {
        // a 6-h infusion whose effect peaks at the end of the axis at 0.451, on a level of 0.45: the peak's label
        // used to print over the level's name, with the level's line through both
        EffectResult r = run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, "kamp-2020",
                Regimen.of(Dose.infusion(Rate.mgPerH(20), 6, 0)));
        JFreeChart c = chart(List.of(r), 0.45);
        XYPlot effect = ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(1);
        BufferedImage img = ChartFiles.render(c, 1600, 1200);
        List<Rectangle2D> boxes = PeakLabels.of(effect).lastBoxes();
        assertEquals(1, boxes.size());
        // the level's line and name are drawn in the text colour, the peak's label in the effect's
        Rectangle2D box = boxes.get(0);
        BufferedImage under = img.getSubimage((int) box.getX(), (int) box.getY(), (int) box.getWidth(),
                (int) box.getHeight());
        assertEquals(0, ChartInspection.count(under, ChartStyle.TEXT), () -> "level line or name under " + box);
    }

    @Test
    void aFittedTimeAxisEndsWhenTheEffectIsOverNotAtTheEndOfTheRun() {
        // a bolus simulated for a day, as 'simulate --effect' does by default: the effect is over within hours
        Regimen bolus = Regimen.of(Dose.bolus(Amount.mg(35), 0));
        EffectResult r = EffectSimulation.run(Endpoints.OLOFSEN_2022_ANTINOCICEPTION, Models.get("kamp-2020"),
                Patient.standardAdult(), bolus, TimeGrid.uniform(24, 1.0 / 60), EffectSimulation.Options.DEFAULT);
        ChartRequest request = new ChartRequest("Title", "subtitle", List.of(new PlotSeries("", r.pk().profile())),
                false, List.of());
        EffectPanel panel = EffectPanel.of(List.of(r), List.of("S-ketamine at the effect site"), null);
        CombinedDomainXYPlot whole = (CombinedDomainXYPlot) EffectChart.create(request, panel).getPlot();
        assertEquals(24, whole.getDomainAxis().getUpperBound(), 1e-9, "without fitting: the whole run, in hours");
        CombinedDomainXYPlot fitted = (CombinedDomainXYPlot) EffectChart.create(request.withFitTime(true), panel)
                .getPlot();
        String label = fitted.getDomainAxis().getLabel();
        double endH = fitted.getDomainAxis().getUpperBound() / (label.contains("min") ? 60 : 1);
        // a day-long axis squeezed the bolus and its effect into the left edge
        assertTrue(endH < 12, () -> "axis ends at " + endH + " h (" + label + ")");
        double[] effect = panel.curves().get(0).effect();
        double over = TimeWindow.lastTimeBeyond(panel.curves().get(0).timesH(), effect, panel.baseline());
        assertTrue(endH >= over, () -> "the effect is still " + TimeWindow.EFFECT_FRACTION + " of its peak at "
                + over + " h, after the axis ends at " + endH + " h");
    }
}
