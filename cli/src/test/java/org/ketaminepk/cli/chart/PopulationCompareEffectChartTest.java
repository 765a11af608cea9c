package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ketaminepk.Simulation;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PercentileBands;
import org.ketaminepk.population.PopulationSimulation;
import org.ketaminepk.population.VariabilityModel;
import org.ketaminepk.population.VariabilitySpec;

/**
 * The chart of several series in one population with an effect: the concentration panels, then an effect panel
 * with each series' median and bands in its colour, the baseline, the level, the infusion shading, and the
 * endpoint's footer.
 */
class PopulationCompareEffectChartTest {
    private static final TimeGrid GRID = TimeGrid.uniform(6, 0.05);
    private static final String[] LABELS = {"low", "high"};
    private static final String[] DOSES = {"0.25 mg/kg over 40 min", "0.5 mg/kg over 40 min"};
    /** A made-up monotone effect of the ketamine percentiles: the chart draws what it is given. */
    private static final double C50 = 100;

    private static PercentileBands bands(PublishedModel model, Regimen regimen) {
        // a model without published variability gets an assumed one: the chart needs bands, not their source
        VariabilityModel v = VariabilityModel.published(model);
        if (v.isEmpty()) {
            v = v.withAssumed(VariabilitySpec.parse("CL=30%"));
        }
        return PopulationSimulation.of(model, Collections.nCopies(50, Patient.standardAdult()), regimen, GRID, 3L)
                .withVariability(v).withPercentileBands(GRID, 5, 25, 50, 75, 95).run().percentileBands().orElseThrow();
    }

    private static double[] effect(double[] c) {
        double[] e = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            e[i] = c[i] / (c[i] + C50);
        }
        return e;
    }

    private static EffectPanel.Bands effectBands(PercentileBands b) {
        return new EffectPanel.Bands(b.timesH(), effect(b.ngPerMl(Analyte.KETAMINE, 5)),
                effect(b.ngPerMl(Analyte.KETAMINE, 25)), effect(b.ngPerMl(Analyte.KETAMINE, 50)),
                effect(b.ngPerMl(Analyte.KETAMINE, 75)), effect(b.ngPerMl(Analyte.KETAMINE, 95)));
    }

    private static final EffectPanel PANEL = new EffectPanel("A made-up endpoint", "Nobody (2026) Nowhere", "fraction",
            0, 0.2, List.of("Every virtual patient has the same ke0."), List.of(new EffectPanel.Curve(
                    "at the effect site", new double[] {0}, new double[] {0}, new double[] {0})), null);

    private record Built(JFreeChart chart, List<EffectPanel.Bands> effect) {
    }

    private static Built chart(PublishedModel model) {
        List<PlotSeries> profiles = new ArrayList<>();
        List<PercentileBands> bands = new ArrayList<>();
        List<EffectPanel.Bands> effect = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            Regimen r = DoseParser.parse(DOSES[i]);
            profiles.add(new PlotSeries(LABELS[i], Simulation.run(model, Patient.standardAdult(), r, GRID).profile()));
            bands.add(bands(model, r));
            effect.add(effectBands(bands.get(i)));
        }
        ChartRequest request = new ChartRequest("Compared", "50 virtual patients", profiles, false,
                List.of("Paired: the same patients"));
        return new Built(PopulationCompareEffectChart.create(request, bands, PANEL, effect, 50), effect);
    }

    /**
     * The effect panel's heading promises the middle 50 % and 90 % only where there are any: with bands of no width
     * (no between-patient variability reaches the analyte that drives the effect) it says every patient is alike.
     */
    @Test
    void theHeadingPromisesBandsOnlyWhereTheyHaveWidth() {
        assertEquals("Effect: median, middle 50 % and 90 % of patients", heading(chart(Models.get("otto-2021"))));
        List<PlotSeries> profiles = new ArrayList<>();
        List<PercentileBands> bands = new ArrayList<>();
        List<EffectPanel.Bands> flat = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            Regimen r = DoseParser.parse(DOSES[i]);
            profiles.add(new PlotSeries(LABELS[i], Simulation.run(Models.get("otto-2021"), Patient.standardAdult(), r,
                    GRID).profile()));
            bands.add(bands(Models.get("otto-2021"), r));
            double[] median = effect(bands.get(i).ngPerMl(Analyte.KETAMINE, 50));
            flat.add(new EffectPanel.Bands(bands.get(i).timesH(), median, median, median, median, median));
        }
        JFreeChart alike = PopulationCompareEffectChart.create(new ChartRequest("Compared", "50 virtual patients",
                profiles, false, List.of()), bands, PANEL, flat, 50);
        assertEquals("Effect: every patient alike (no between-patient variability reaches it)",
                heading(new Built(alike, flat)));
    }

    /** @return the text of the effect panel's heading */
    private static String heading(Built b) {
        XYPlot effect = ((CombinedDomainXYPlot) b.chart().getPlot()).getSubplots().get(2);
        for (Object a : effect.getAnnotations()) {
            if (a instanceof PanelHeading h) {
                return h.text();
            }
        }
        throw new AssertionError("no heading");
    }

    @Test
    void theEffectPanelFollowsTheConcentrationPanelsWithEachSeriesMedianAndBandsInItsColour() {
        Built b = chart(Models.get("otto-2021"));
        List<XYPlot> panels = ((CombinedDomainXYPlot) b.chart().getPlot()).getSubplots();
        assertEquals(3, panels.size());
        assertEquals("ng/mL", panels.get(0).getRangeAxis().getLabel());
        XYPlot effect = panels.get(2);
        assertEquals("Effect (fraction)", effect.getRangeAxis().getLabel());
        XYSeriesCollection medians = (XYSeriesCollection) effect.getDataset(0);
        YIntervalSeriesCollection inner = (YIntervalSeriesCollection) effect.getDataset(1);
        YIntervalSeriesCollection outer = (YIntervalSeriesCollection) effect.getDataset(2);
        assertEquals(2, medians.getSeriesCount());
        for (int s = 0; s < 2; s++) {
            EffectPanel.Bands given = b.effect().get(s);
            assertEquals(given.timesH().length, medians.getItemCount(s));
            for (int i = 0; i < given.timesH().length; i++) {
                assertEquals(given.p50()[i], medians.getYValue(s, i));
                assertEquals(given.p25()[i], inner.getStartYValue(s, i));
                assertEquals(given.p95()[i], outer.getEndYValue(s, i));
                assertTrue(outer.getEndYValue(s, i) <= effect.getRangeAxis().getUpperBound());
            }
            assertEquals(ChartStyle.SERIES_COLOURS.get(s), effect.getRenderer(0).getSeriesPaint(s));
            java.awt.Color fill = (java.awt.Color) ((DeviationRenderer) effect.getRenderer(2)).getSeriesFillPaint(s);
            assertEquals(ChartStyle.SERIES_COLOURS.get(s).getRGB() & 0xFFFFFF, fill.getRGB() & 0xFFFFFF);
        }
        // the baseline and the level, and the infusion shaded as on the concentration panels
        List<Double> lines = new ArrayList<>();
        for (Layer layer : List.of(Layer.BACKGROUND, Layer.FOREGROUND)) {
            for (Object m : effect.getRangeMarkers(layer)) {
                if (m instanceof ValueMarker v) {
                    lines.add(v.getValue());
                }
            }
        }
        assertTrue(lines.contains(0.0) && lines.contains(0.2), lines::toString);
        assertEquals(shaded(panels.get(0)), shaded(effect));
        assertEquals(1, shaded(effect).size());

        List<String> legend = new ArrayList<>();
        LegendItemCollection items = ((CombinedDomainXYPlot) b.chart().getPlot()).getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertTrue(legend.containsAll(List.of("low, median", "high, median", "Middle 50 % of patients",
                "Effect without drug: 0", "Effect level 0.2")), legend::toString);
        List<String> texts = texts(b.chart());
        assertTrue(texts.contains("Effect: A made-up endpoint. Source: Nobody (2026) Nowhere."), texts::toString);
        assertTrue(texts.contains("Every virtual patient has the same ke0."), texts::toString);
        assertTrue(texts.contains("Paired: the same patients"), texts::toString);
        assertEquals("Compared", b.chart().getTitle().getText());
        BufferedImage img = b.chart().createBufferedImage(1600, 1200);
        assertTrue(ChartInspection.count(img, ChartStyle.SERIES_COLOURS.get(1)) > 200);
    }

    @Test
    void aModelWithOneAnalyteGetsOneConcentrationPanelAndTheEffectPanel() {
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart(Models.get("kamp-2020")).chart().getPlot())
                .getSubplots();
        assertEquals(2, panels.size());
        assertEquals(2, ((XYSeriesCollection) panels.get(1).getDataset(0)).getSeriesCount());
    }

    @Test
    void effectBandsMustMatchTheSeries() {
        PublishedModel model = Models.get("otto-2021");
        Regimen r = DoseParser.parse(DOSES[0]);
        PercentileBands b = bands(model, r);
        PlotSeries s = new PlotSeries("a", Simulation.run(model, Patient.standardAdult(), r, GRID).profile());
        ChartRequest request = new ChartRequest("Compared", "", List.of(s, s.withLabel("b")), false, List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PopulationCompareEffectChart
                .create(request, List.of(b, b), PANEL, List.of(effectBands(b)), 50));
        assertTrue(e.getMessage().contains("one set of effect bands per series"), e.getMessage());
    }

    private static List<String> shaded(XYPlot panel) {
        List<String> out = new ArrayList<>();
        java.util.Collection<?> markers = panel.getDomainMarkers(Layer.BACKGROUND);
        if (markers != null) {
            for (Object m : markers) {
                if (m instanceof IntervalMarker im && ChartStyle.INFUSION_FILL.equals(im.getPaint())) {
                    out.add(im.getStartValue() + "–" + im.getEndValue());
                }
            }
        }
        return out;
    }

    private static List<String> texts(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            if (c.getSubtitle(i) instanceof TextTitle t) {
                out.add(ChartInspection.plain(t.getText()));
            }
        }
        return out;
    }
}
