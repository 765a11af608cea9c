package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.report.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.protocol.Protocols;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Series;

/** {@code simulate}: the table shows the library's numbers, and the files hold what they promise. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    /** The README's main command, in-process: the PNG exists and has the default size. */
    @Test
    void readmeCommandWritesA1600By900Png() throws Exception {
        Path png = dir.resolve("crps.png");
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", "crps-schwartzman-2009", "--plot",
                png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(900, img.getHeight());
    }

    @Test
    void explainPrintsEveryWarningWhereTheShortFormCountsThem() {
        Cli.Result shortForm = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min");
        assertEquals(0, shortForm.code(), shortForm.err());
        assertTrue(shortForm.out().contains("more of the same kind"), shortForm.out());
        Cli.Result full = Cli.run("simulate", "--dose", "0.5 mg/kg over 40 min", "--explain");
        assertEquals(0, full.code(), full.err());
        assertFalse(full.out().contains("more of the same kind"), full.out());
        assertFalse(full.out().contains("... and "), full.out());
    }

    @Test
    void summaryTableShowsTheLibrarysMetrics() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", "crps-schwartzman-2009");
        assertEquals(0, r.code(), r.err());
        // the same simulation through the library: default patient, default grid 220 h + 24 h, 1-min steps
        SimulationResult lib = Simulation.run(Models.get(Cli.MODEL), Patient.standardAdult(),
                Protocols.CRPS_SCHWARTZMAN_2009.regimen(), TimeGrid.uniform(244, 1.0 / 60));
        Series k = lib.profile().series(Analyte.KETAMINE);
        AnalyteMetrics exact = lib.metrics(List.of(Band.within(70, 160))).get(Analyte.KETAMINE);
        assertTrue(exact.exact());
        String row = line(r.out(), "ketamine ");
        assertTrue(row.contains(Text.sig(exact.cmaxNgPerMl(), 4)), row);
        assertTrue(row.contains(Text.hours(exact.tmaxH())), row);
        assertTrue(row.contains(Text.sig(exact.aucNgHPerMl(), 5)), row);
        assertTrue(row.contains(Text.hours(exact.timeInBandH(0))), row);
        assertTrue(r.out().replaceAll("\\s+", " ").contains("are exact: found on the continuous curve"), r.out());
        // when ketamine falls below the band after the last infusion: on the continuous curve, as the note says
        assertTrue(row.contains(Text.hours(lib.levelTimes(70).orElseThrow().get(Analyte.KETAMINE)
                .timeToFallBelowH(220).getAsDouble())), row);
        assertEquals(k.timeToFallBelowH(70, 220).getAsDouble(), lib.levelTimes(70).orElseThrow()
                .get(Analyte.KETAMINE).timeToFallBelowH(220).getAsDouble(), 1.0 / 60, "the grid within a step");
        assertTrue(r.out().contains("Cmax (ng/mL)"));
        assertTrue(r.out().contains("AUC 0–244 h (ng·h/mL)"));
        assertTrue(r.out().replaceAll("\\s+", " ").contains("0 to 244 h (10 d 4 h) every 1 min: 14,641 points "
                + "(default: end of the last input, 9 d 4 h, plus 24 h of wash-out)"), r.out());
        assertTrue(r.out().contains("teaching and review tool, not a dosing device"));
        assertTrue(r.out().contains("note: model domino-1984 predicts ketamine only"), r.out());
        assertTrue(r.out().contains("Zanos P et al. Pharmacol Rev 2018"), r.out());
    }

    private static String line(String text, String prefix) {
        for (String l : text.split("\n")) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in:\n" + text);
    }

    @Test
    void csvHasTheContractColumnsAndTenSignificantDigits() throws Exception {
        Path csv = dir.resolve("out.csv");
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kg over 40 min", "--duration",
                "12h", "--step", "30s", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time_h,ketamine_ng_per_mL,norketamine_ng_per_mL", lines.get(0));
        assertEquals(12 * 120 + 1 + 1, lines.size());
        assertEquals("0,0,", lines.get(1));
        SimulationResult lib = Simulation.run(Models.get(Cli.MODEL), Patient.standardAdult(),
                DoseParser.parse("0.5 mg/kg over 40 min"), TimeGrid.uniform(12, 1.0 / 120));
        Series k = lib.profile().series(Analyte.KETAMINE);
        for (int i : new int[] {1, 80, 1440}) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(3, cells.length);
            assertEquals(i / 120.0, Double.parseDouble(cells[0]), 1e-9 * i / 120.0);
            double c = Double.parseDouble(cells[1]);
            assertEquals(k.ngPerMl(i), c, Math.abs(k.ngPerMl(i)) * 1e-9);
            assertEquals("", cells[2], "norketamine is not predicted by " + Cli.MODEL);
            assertTrue(significantDigits(cells[1]) >= 10, cells[1]);
        }
    }

    private static int significantDigits(String number) {
        String mantissa = number.toLowerCase(Locale.ROOT).split("e")[0].replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").length();
    }

    /** A repeated dose after the end of the run has no trough yet: said in words, never "null". */
    @Test
    void aLastDoseAfterTheRunHasNoTroughAndNoNull() {
        Cli.Result r = Cli.run("simulate", "--model", "otto-2021", "--dose", "bolus 20 mg", "--dose",
                "bolus 20 mg at 30 h", "--duration", "24h");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("null"), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("Repeated every 30 h: no trough before the last dose "
                + "(the run ends before it); steady-state average"), r.out());
    }

    /**
     * Every dose after the end of the run: the curve stays at 0 and has no peak, so Tmax is absent ("–", null, an
     * empty cell), not the end of the run that the rule for ties would give, and the population summary has no Tmax
     * row.
     */
    @Test
    void aCurveThatStaysAtZeroHasNoTmax() throws Exception {
        Path json = dir.resolve("zero.json");
        Cli.Result r = Cli.run("simulate", "--dose", "35 mg iv bolus at 30h", "--duration", "24h", "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        String table = r.out().replaceAll(" +", " ");
        assertTrue(table.contains("\nketamine 0 – 0 "), r.out());
        assertTrue(table.contains("\nnorketamine 0 – 0 "), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertTrue(root.at("/series/0/metrics/ketamine/tmax_h").isNull(), root.at("/series/0/metrics").toString());
        Path patients = dir.resolve("patients.csv");
        Cli.Result p = Cli.run("simulate", "--dose", "35 mg iv bolus at 30h", "--duration", "24h", "--population",
                "30", "--population-csv", patients.toString());
        assertEquals(0, p.code(), p.err());
        assertFalse(p.out().contains("Tmax (h)"), p.out());
        List<String> rows = java.nio.file.Files.readAllLines(patients);
        List<String> header = List.of(rows.get(0).split(",", -1));
        int tmax = header.indexOf("ketamine_tmax_h");
        assertTrue(tmax > 0, rows.get(0));
        assertEquals("", rows.get(1).split(",", -1)[tmax], rows.get(1));
    }

    @Test
    void csvToStandardOutputMovesTheSummaryToStandardError() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--duration", "1h",
                "--csv", "-");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("time_h,ketamine_ng_per_mL,norketamine_ng_per_mL", lines[0]);
        assertEquals(62, lines.length);
        assertTrue(r.err().contains("Cmax (ng/mL)"), r.err());
    }

    @Test
    void jsonCarriesMetricsWarningsAdjustmentsAndTheProfile() throws Exception {
        Path json = dir.resolve("out.json");
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", "crps-schwartzman-2009", "--weight",
                "90", "--age", "80", "--sex", "female", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("simulate", root.at("/tool/command").asText());
        assertTrue(root.at("/disclaimer").asText().contains("not a dosing device"));
        assertEquals(70, root.at("/band/low_ng_per_mL").asDouble());
        JsonNode s = root.at("/series/0");
        assertEquals("domino-1984", s.at("/model/id").asText());
        assertEquals(90, s.at("/patient/weight_kg").asDouble());
        assertEquals("female", s.at("/patient/sex").asText());
        assertEquals(1000, s.at("/regimen/total_mg").asDouble(), 1e-9);
        assertTrue(s.at("/regimen/doses/0/capped").asBoolean());

        SimulationResult lib = Simulation.run(Models.get(Cli.MODEL), new Patient(80, 90, 175, Sex.FEMALE),
                Protocols.CRPS_SCHWARTZMAN_2009.regimen(), TimeGrid.uniform(244, 1.0 / 60));
        AnalyteMetrics k = lib.metrics(List.of(Band.within(70, 160))).get(Analyte.KETAMINE);
        assertEquals(k.cmaxNgPerMl(), s.at("/metrics/ketamine/cmax_ng_per_mL").asDouble(), 0);
        assertEquals(k.aucNgHPerMl(), s.at("/metrics/ketamine/auc_ng_h_per_mL").asDouble(), 0);
        assertEquals(k.timeInBandH(0), s.at("/metrics/ketamine/time_in_band_h").asDouble(), 0);
        assertEquals(lib.warnings().size(), s.at("/warnings").size());
        assertTrue(s.at("/warnings").toString().contains("AGE_OUTSIDE_RANGE"));
        assertEquals(lib.adjustments().size(), s.at("/adjustments").size());
        assertTrue(lib.adjustments().size() > 0, "V1 per kg changes with weight");
        assertEquals("V1", s.at("/adjustments/0/parameter").asText());
        assertEquals(14_641, s.at("/profile/time_h").size());
        assertEquals(lib.profile().series(Analyte.KETAMINE).ngPerMl(600), s.at("/profile/ketamine_ng_per_mL/600").asDouble(), 0);
        assertTrue(s.at("/profile/norketamine_ng_per_mL").isMissingNode());
    }

    @Test
    void cappedRatesAndExtrapolationAreWarnedUnderTheTable() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", "crps-schwartzman-2009", "--weight",
                "90", "--age", "80");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: age 80 years is outside the 18–65 years that domino-1984 was built "
                + "from"), r.out());
        assertTrue(r.out().contains("warning: 10 infusions from 0 h to 216 h: rate capped at 25 mg/h (uncapped 31.5 mg/h "
                + "at 90 kg)"), r.out());
        assertTrue(r.out().contains("→ 25 mg/h, 100 mg (capped)"), r.out());
    }

    @Test
    void aProtocolForAnotherDrugFormIsNoted() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", "crps-dahan-2011");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("note: crps-dahan-2011 gives S-ketamine but model domino-1984 describes racemic "
                + "ketamine"), r.out());
    }

    @Test
    void protocolFilesAndDosesCombine() throws Exception {
        Path file = dir.resolve("course.txt");
        Files.writeString(file, "# a small course\nTwo boluses\nbolus 20 mg\nbolus 20 mg at 2 h\n");
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--protocol", file.toString(), "--dose",
                "10 mg over 10 min at 4 h", "--duration", "8h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Protocol  course · Two boluses"), r.out());
        assertTrue(r.out().contains("3 doses, 50 mg of ketamine base in all"), r.out());
    }

    @Test
    void logScaleSvgPlotAndCustomSize() throws Exception {
        Path svg = dir.resolve("out.svg");
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 0.35 mg/kg", "--plot",
                svg.toString(), "--log-scale", "--plot-size", "800x450", "--duration", "6h");
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
    }

    @Test
    void showFailsCleanlyWithoutADisplay() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "bolus 20 mg", "--show");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("error: --show needs a display"), r.err());
        assertEquals("", r.out(), "nothing is simulated before the check");
    }

    @Test
    void theDefaultModelIsUsedWhenNoneIsNamed() {
        Cli.Result r = Cli.run("simulate", "--dose", "bolus 20 mg", "--duration", "2h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Model     " + CommonOptions.DEFAULT_MODEL_ID), r.out());
    }

    @Test
    void modelNotesSayWhyAModelWasChosen() {
        CommonOptions none = new CommonOptions();
        String note = SimulateCommand.modelNote(none, Protocols.ESKETAMINE_56MG_SPRAVATO,
                Models.get("perez-ruixo-2021"));
        assertEquals("model perez-ruixo-2021 is the one esketamine-56mg-spravato recommends", note);
        assertNull(SimulateCommand.modelNote(none, Protocols.CRPS_COHEN_2018, Models.get(Cli.MODEL)));
        CommonOptions explicit = new CommonOptions();
        explicit.modelId = Cli.MODEL;
        assertNull(SimulateCommand.modelNote(explicit, Protocols.ESKETAMINE_56MG_SPRAVATO, Models.get(Cli.MODEL)));
    }

    @Test
    void theSummaryNeverPrintsNaNOrNegativeNumbers() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "41 ug/kg/min for 3 h", "--dose",
                "bolus 2 mg/kg", "--step", "10s", "--duration", "1d");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN"));
        assertFalse(r.out().matches("(?s).*\\s-\\d.*"), r.out());
    }
    /** When ketamine reaches the band and how fast each analyte falls at the end: the library's series, read. */
    @Test
    void timeToReachTheBandAndTerminalHalfLives() throws Exception {
        Cli.Result r = Cli.run("simulate", "--model", "racemic-composite", "--dose", "0.5 mg/kg over 40 min",
                "--duration", "24h", "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.out()).at("/series/0/metrics");
        SimulationResult lib = Simulation.run(Models.RACEMIC_COMPOSITE, Patient.standardAdult(),
                DoseParser.parse("0.5 mg/kg over 40 min"), TimeGrid.uniform(24, 1.0 / 60));
        double reach = m.at("/ketamine/time_to_reach_band_h").asDouble();
        // the curve itself, solved at the reported time and a second before it (not the grid's straight lines)
        Series at = Simulation.run(Models.RACEMIC_COMPOSITE, Patient.standardAdult(),
                DoseParser.parse("0.5 mg/kg over 40 min"), TimeGrid.of(new double[] {0, reach - 1.0 / 3600, reach,
                    24})).profile().series(Analyte.KETAMINE);
        assertEquals(70, at.ngPerMl()[2], 1e-6, "70 ng/mL at the reported time");
        assertTrue(at.ngPerMl()[1] < 70, "and not a second earlier");
        assertTrue(reach > 0 && reach < 5.0 / 60, "within minutes of starting the infusion: " + reach);
        double tk = m.at("/ketamine/terminal_half_life_h").asDouble();
        double tn = m.at("/norketamine/terminal_half_life_h").asDouble();
        // the model's values, whatever the grid
        assertEquals(lib.metrics(Analyte.KETAMINE).terminalHalfLifeH().getAsDouble(), tk, 1e-12);
        assertEquals(lib.metrics(Analyte.NORKETAMINE).terminalHalfLifeH().getAsDouble(), tn, 1e-12);
        assertEquals("model's slowest rate constant reaching this analyte",
                m.at("/ketamine/terminal_half_life_basis").asText());
        assertTrue(tn > tk, "norketamine outlasts ketamine: " + tn + " vs " + tk);
        String text = r.err().replaceAll("\\s+", " ");
        assertTrue(text.contains("ketamine reaches 70 ng/mL at " + Text.hours(reach) + " h ("), text);
        assertTrue(text.contains("Terminal half-life (from the model's slowest rate constant; not a fit to the "
                + "grid): ketamine " + Text.hours(tk) + " h, norketamine " + Text.hours(tn) + " h"), text);
        for (String duration : new String[] {"2h", "365d"}) {
            Cli.Result other = Cli.run("simulate", "--model", "racemic-composite", "--dose", "0.5 mg/kg over 40 min",
                    "--duration", duration, "--step", "1h", "--json", "-");
            JsonNode om = new ObjectMapper().readTree(other.out()).at("/series/0/metrics");
            assertEquals(tk, om.at("/ketamine/terminal_half_life_h").asDouble(), 0, duration);
            assertEquals(tn, om.at("/norketamine/terminal_half_life_h").asDouble(), 0, duration);
        }

        Cli.Result oral = Cli.run("simulate", "--model", "racemic-composite", "--dose", "oral 10 mg", "--duration",
                "12h", "--step", "5min");
        assertTrue(oral.out().contains("ketamine never reaches 70 ng/mL."), oral.out());
        assertTrue(line(oral.out(), "ketamine ").endsWith("0.00                 n/a"),
                "never in the band, so nothing to fall below: " + oral.out());
    }

    @Test
    void theEndOfTheLastInputReadsAsHoursAndMinutes() {
        Cli.Result r = Cli.run("simulate", "--model", Cli.MODEL, "--dose", "0.5 mg/kg over 40 min", "--duration", "2h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the last input ends at 40 min"), r.out());
    }

    /**
     * 'simulate --dose "bolus 10 mg every 0.36 s x10000"' (100 g in an hour) printed a ketamine Cmax of 560,400
     * ng/mL with no warning. It now prints one, with the number, the range and its source, and still exits 0.
     */
    @Test
    void aHugeTotalDoseIsWarnedButRun() {
        Cli.Result r = Cli.run("simulate", "--dose", "bolus 10 mg every 0.36 s x10000", "--duration", "2h");
        assertEquals(0, r.code(), r.err());
        String oneLine = r.out().replaceAll("\n {9}", " ");
        assertTrue(oneLine.contains("\nwarning: ketamine reaches 560400 ng/mL at 1 h, 234 times the upper edge of the "
                + "anaesthetic range (1200–2400 ng/mL after 1–2 mg/kg iv; Zanos P et al. Pharmacol Rev "
                + "2018;70:621–660, Table 1)"), r.out());
        Cli.Result usual = Cli.run("simulate", "--dose", "bolus 10 mg every 4 h x6", "--duration", "2h");
        assertFalse(usual.out().contains("anaesthetic range"), usual.out());
    }

    /** A run of 1 s printed "Grid      0 to 0 h every 1 s", one of 2 s "0 to 0.001 h". */
    @Test
    void aRunShorterThanAMinuteHasItsLengthInSeconds() {
        for (String d : new String[] {"1s", "2s"}) {
            Cli.Result r = Cli.run("simulate", "--dose", "bolus 10 mg", "--model", Cli.MODEL, "--duration", d,
                    "--step", "1s");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Grid      0 to " + d.replace("s", " s") + " every 1 s: "), r.out());
        }
    }
}
