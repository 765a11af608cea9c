package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.chart.ChartFiles;
import org.ketaminepk.cli.chart.ChartRequest;
import org.ketaminepk.cli.chart.ConcentrationChart;
import org.ketaminepk.cli.chart.PlotSeries;
import org.ketaminepk.cli.options.OutputOptions;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;

class ChartNotesTest {
    private static Run run(PublishedModel m, Protocol p, Regimen r) {
        return Run.simulate("", m, Patient.standardAdult(), p, r, TimeGrid.uniform(Math.ceil(r.endH() + 24), 1.0 / 60),
                OutputOptions.DEFAULT_BAND, OutputOptions.DEFAULT_BAND_SOURCE, null);
    }

    static final Run BOLUS = run(Models.RACEMIC_COMPOSITE, null, Regimen.of(Dose.bolus(Amount.mgPerKg(2), 0)));
    static final Run INFUSION = run(Models.RACEMIC_COMPOSITE, null,
            Regimen.of(Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0)));
    static final Protocol CRPS_PROTOCOL = Protocols.get("crps-schwartzman-2009");
    static final Run CRPS = run(Models.RACEMIC_COMPOSITE, CRPS_PROTOCOL,
            CRPS_PROTOCOL.regimen());

    /**
     * Two series whose runs are both exact: the note that says so is printed once, not once per series word for word;
     * a note of one series only keeps its label.
     */
    @Test
    void aNoteOfEverySeriesIsPrintedOnceAndANoteOfOneKeepsItsLabel() {
        Regimen r = Regimen.of(Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0));
        TimeGrid g = TimeGrid.uniform(25, 1.0 / 60);
        Run first = Run.simulate("first", Models.RACEMIC_COMPOSITE, Patient.standardAdult(), null, r, g,
                OutputOptions.DEFAULT_BAND, OutputOptions.DEFAULT_BAND_SOURCE, null);
        Run second = Run.simulate("second", Models.DOMINO_1984, Patient.standardAdult(), null, r, g,
                OutputOptions.DEFAULT_BAND, OutputOptions.DEFAULT_BAND_SOURCE, null);
        List<String> lines = ChartNotes.lines(List.of(first, second));
        assertEquals(1, lines.stream().filter(l -> l.contains(Run.EXACT_NOTE)).count(), lines::toString);
        assertTrue(lines.contains(Run.EXACT_NOTE), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("second: model domino-1984 predicts ketamine only")),
                lines::toString);
    }

    @Test
    void aBolusChartSaysWhatTheFirstMinutesShowAndWhereTheModelWasSampled() {
        List<String> lines = ChartNotes.lines(List.of(BOLUS));
        String note = lines.stream().filter(l -> l.startsWith("Bolus:")).findFirst().orElseThrow();
        assertTrue(note.contains("mixing phase") && note.contains("arterial"), note);
        assertTrue(ChartNotes.lines(List.of(INFUSION)).stream().noneMatch(l -> l.startsWith("Bolus:")));
        // a model sampled elsewhere says so
        Run venous = run(Models.OTTO_2021, null, Regimen.of(Dose.bolus(Amount.mgPerKg(0.5), 0)));
        assertTrue(ChartNotes.bolusNote(venous).contains("venous samples"), ChartNotes.bolusNote(venous));
    }

    @Test
    void warningsAreCountedOnceInsteadOfListed() {
        List<String> lines = ChartNotes.lines(List.of(CRPS));
        assertTrue(lines.get(0).startsWith(ChartNotes.DISCLAIMER), lines.get(0));
        assertTrue(lines.get(0).contains("Model racemic-composite rests on "), lines.get(0));
        for (String l : lines) {
            assertFalse(l.contains("all are in --json"), l);
        }
        assertEquals(lines.size(), lines.stream().distinct().count());
        // comparing a run with itself says everything once
        Run again = new Run("again", CRPS.model(), CRPS.patient(), CRPS.protocol(), CRPS.regimen(), CRPS.band(),
                CRPS.bandSource(), CRPS.result(), CRPS.metrics(), CRPS.notes(), CRPS.dosingWeight());
        Run first = new Run("first", CRPS.model(), CRPS.patient(), CRPS.protocol(), CRPS.regimen(), CRPS.band(),
                CRPS.bandSource(), CRPS.result(), CRPS.metrics(), CRPS.notes(), CRPS.dosingWeight());
        assertEquals(lines.get(0), ChartNotes.lines(List.of(first, again)).get(0));
    }

    @Test
    void theFooterTakesAtMostAnEighthOfTheDefaultImage() {
        for (Run r : List.of(BOLUS, INFUSION, CRPS)) {
            JFreeChart chart = ConcentrationChart.create(new ChartRequest("Title", "subtitle",
                    List.of(new PlotSeries("", r.result().profile())), false, Outputs.captions(List.of(r))));
            int w = ChartFiles.DEFAULT_WIDTH_PX;
            int h = ChartFiles.DEFAULT_HEIGHT_PX;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = img.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), info);
            g2.dispose();
            double footer = h - info.getPlotInfo().getPlotArea().getMaxY();
            assertTrue(footer <= 0.12 * h, "footer " + footer + " px of " + h + " for " + r.regimen());
        }
    }
}
