package org.ketaminepk.cli.chart;

import org.ketaminepk.base.Route;


import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.patient.Patient;

/**
 * The example charts of the documentation, drawn at full size. Set the system property
 * {@code ketaminepk.chart.examples} to a directory to also keep them as PNG files for inspection.
 */
class ExampleChartsTest {

    static ChartRequest crps() {
        return new ChartRequest("Ketamine for CRPS: 0.35 mg/kg/h for 4 h daily × 10 days (max 25 mg/h)",
                "Model composite-2024 (3-compartment ketamine + norketamine) · woman, 45 years, 80 kg",
                List.of(new PlotSeries("", Fixtures.crpsWithNorketamine())), false,
                List.of("Rate capped at 25 mg/h (uncapped 28 mg/h at 80 kg)."));
    }

    static ChartRequest antidepressant() {
        return new ChartRequest("Ketamine 0.5 mg/kg over 40 min",
                "Model composite-2024 (3-compartment ketamine + norketamine) · man, 40 years, 70 kg",
                List.of(new PlotSeries("", Fixtures.antidepressantWithNorketamine(6))), false, List.of());
    }

    static ChartRequest comparison() {
        Patient p = Patient.standardAdult();
        Regimen bolus = Regimen.of(Dose.bolus(Amount.mgPerKg(0.5), 0));
        Regimen slow = Fixtures.antidepressant();
        Regimen loadAndRun = Regimen.of(Dose.bolus(Amount.mgPerKg(0.15), 0),
                Dose.infusion(Rate.mgPerKgPerH(0.25), 2, 0));
        return new ChartRequest("Three ways to give ketamine to a 70 kg adult",
                "Model composite-2024 (3-compartment ketamine + norketamine)",
                List.of(new PlotSeries("0.5 mg/kg bolus", Fixtures.profile(Fixtures.WITH_NORKETAMINE, p, bolus, 8,
                        1.0 / 60)),
                        new PlotSeries("0.5 mg/kg over 40 min", Fixtures.profile(Fixtures.WITH_NORKETAMINE, p, slow, 8,
                                1.0 / 60)),
                        new PlotSeries("0.15 mg/kg + 0.25 mg/kg/h × 2 h", Fixtures.profile(Fixtures.WITH_NORKETAMINE,
                                p, loadAndRun, 8, 1.0 / 60))),
                false, List.of("Different regimens: each profile's doses are marked in its own colour under the zero line."));
    }

    static ChartRequest logScale() {
        return new ChartRequest("Ketamine 0.5 mg/kg over 40 min, log scale: two models",
                "70 kg adult · domino-1984 predicts ketamine only",
                List.of(new PlotSeries("composite-2024", Fixtures.antidepressantWithNorketamine(24)),
                        new PlotSeries("domino-1984", Fixtures.antidepressantDomino(24))),
                true, List.of("domino-1984: values are a third-party transcription of the published model."));
    }

    static ChartRequest oralWithHydroxynorketamine() {
        Regimen oral = Regimen.repeat(Dose.extravascular(Route.ORAL, Amount.mg(50), 0), 12, 2);
        return new ChartRequest("Oral ketamine 50 mg twice, 12 h apart",
                "Model fixture-2001 (with hydroxynorketamine, oral F 0.2) · 70 kg adult",
                List.of(new PlotSeries("", Fixtures.profile(Fixtures.WITH_HNK_AND_ORAL, Patient.standardAdult(), oral,
                        36, 1.0 / 60))), false, List.of());
    }

    static ChartRequest bolusMinutes() {
        Regimen bolus = Regimen.of(Dose.bolus(Amount.mgPerKg(0.1), 0), Dose.bolus(Amount.mgPerKg(0.1), 0.5));
        return new ChartRequest("Two boluses of 0.1 mg/kg, 30 min apart", "domino-1984 · 70 kg adult",
                List.of(new PlotSeries("", Fixtures.profile(org.ketaminepk.library.Models.DOMINO_1984,
                        Patient.standardAdult(), bolus, 1.5, 1.0 / 120))), false, List.of());
    }

    @Test
    void examplesDrawAtSlideSize() throws IOException {
        String dir = System.getProperty("ketaminepk.chart.examples");
        String[] names = {"crps-10-days", "antidepressant-40-min", "three-regimens", "log-scale-two-models",
            "oral-with-hnk", "boluses-minutes"};
        List<ChartRequest> requests = List.of(crps(), antidepressant(), comparison(), logScale(),
                oralWithHydroxynorketamine(), bolusMinutes());
        for (int i = 0; i < names.length; i++) {
            JFreeChart chart = ConcentrationChart.create(requests.get(i));
            ChartFiles.render(chart, ChartFiles.DEFAULT_WIDTH_PX, ChartFiles.DEFAULT_HEIGHT_PX);
            if (dir != null) {
                Files.createDirectories(Path.of(dir));
                for (ChartFiles.Format f : ChartFiles.Format.values()) {
                    Path file = Path.of(dir, names[i] + "." + f.name().toLowerCase(java.util.Locale.ROOT));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        ChartFiles.write(chart, f, out, 1600, 900);
                    }
                }
            }
        }
    }
}
