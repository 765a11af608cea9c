package org.ketaminepk.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Series;

/**
 * Two CRPS protocols side by side for two body weights: the 10-day outpatient protocol (0.35 mg/kg/h, at most
 * 25 mg/h, 4 h a day) against 22 mg/h continuously for 4 days. For ketamine and norketamine it prints the peak, when
 * it happens, the exposure (AUC) and the hours spent in the 70–160 ng/mL band.
 *
 * <p>Run (see examples/README.md):
 * {@code ./mvnw -q -pl examples compile exec:java -Dexec.mainClass=org.ketaminepk.examples.CompareProtocols}.
 * A teaching example, not dosing advice.
 */
public final class CompareProtocols {
    private CompareProtocols() {
    }

    /** One table row: one protocol, one patient, one analyte. */
    record Row(String protocol, double weightKg, double totalMg, Analyte analyte, double cmaxNgPerMl, double tmaxH,
            double aucNgHPerMl, double hoursInBand) {
    }

    /** Simulates both protocols for each weight and returns the rows, ketamine before norketamine. */
    static List<Row> compare(PublishedModel model, List<Double> weightsKg, Map<String, List<String>> notes) {
        TimeGrid grid = ExampleRegimens.minuteGridTo11Days();
        Band band = ExampleRegimens.ANALGESIC_BAND;
        List<Row> rows = new ArrayList<>();
        for (double weightKg : weightsKg) {
            Patient patient = Patient.standardAdult().withWeightKg(weightKg);
            for (String name : List.of("A", "B")) {
                Regimen regimen = name.equals("A") ? ExampleRegimens.schwartzman2009()
                        : ExampleRegimens.continuous22MgPerHFor4Days();
                SimulationResult result = Simulation.run(model, patient, regimen, grid);
                for (Warning w : result.warnings()) {
                    List<String> same = notes.computeIfAbsent(w.code().name(), k -> new ArrayList<>());
                    if (!same.contains(w.message())) {
                        same.add(w.message());
                    }
                }
                for (Analyte a : result.profile().analytes()) {
                    Series s = result.profile().series(a);
                    rows.add(new Row(name, weightKg, regimen.totalMg(weightKg), a, s.cmaxNgPerMl(), s.tmaxH(),
                            s.aucNgHPerMl(), s.timeWithinH(band.lowNgPerMl(), band.highNgPerMl())));
                }
            }
        }
        return rows;
    }

    /** Prints the comparison for a 70 kg and a 100 kg adult. */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        PublishedModel model = Models.DEFAULT;
        Map<String, List<String>> notes = new LinkedHashMap<>();
        List<Row> rows = compare(model, List.of(70.0, 100.0), notes);
        out.println("Two CRPS ketamine protocols compared (model " + model.id() + ": " + model.name() + ")");
        out.println("  A: 0.35 mg/kg/h, at most 25 mg/h, 4 h a day for 10 days (Schwartzman et al. 2009)");
        out.println("  B: 22 mg/h continuously for 4 days = 96 h (consensus guideline, Cohen et al. 2018)");
        out.println("  Patient: 40 years, 175 cm, male, at two body weights. Read every minute from 0 h to 264 h.");
        out.println();
        out.println(String.format(Locale.ROOT, "%-12s %-8s %-9s %-11s %-13s %-10s %-17s %-12s", "analyte",
                "weight", "protocol", "total dose", "Cmax", "Tmax", "AUC 0-264 h", "70-160 ng/mL"));
        for (Row r : rows) {
            out.println(String.format(Locale.ROOT, "%-12s %-8s %-9s %-11s %-13s %-10s %-17s %-12s",
                    r.analyte().label(), fmt(r.weightKg(), 0) + " kg", r.protocol(), fmt(r.totalMg(), 0) + " mg",
                    fmt(r.cmaxNgPerMl(), 1) + " ng/mL", fmt(r.tmaxH(), 2) + " h", fmt(r.aucNgHPerMl(), 0)
                            + " ng·h/mL", fmt(r.hoursInBand(), 1) + " h"));
        }
        out.println();
        Row a70 = find(rows, "A", 70, Analyte.KETAMINE);
        Row a100 = find(rows, "A", 100, Analyte.KETAMINE);
        Row b70 = find(rows, "B", 70, Analyte.KETAMINE);
        out.println("How to read it: A gives ten short peaks, B one long plateau. A is weight-based up to the cap:");
        out.println("  " + fmt(a70.totalMg(), 0) + " mg in all at 70 kg, " + fmt(a100.totalMg(), 0)
                + " mg at 100 kg (35 mg/h capped to 25 mg/h), so its ketamine peak moves from "
                + fmt(a70.cmaxNgPerMl(), 0) + " to " + fmt(a100.cmaxNgPerMl(), 0) + " ng/mL;");
        out.println("  B gives " + fmt(b70.totalMg(), 0) + " mg whatever the weight, "
                + fmt(b70.totalMg() / a70.totalMg(), 1) + " times A's dose at 70 kg, and its AUC is "
                + fmt(b70.aucNgHPerMl() / a70.aucNgHPerMl(), 1) + " times A's.");
        out.println("  Norketamine is formed from ketamine and trails it: under A it builds up from day to day, so its");
        out.println("  peak comes just after the last infusion (Tmax near 220 h) while ketamine's daily peaks are all");
        out.println("  about equal (Tmax at the end of one of them, 24·d + 4 h).");
        out.println("  Time in band counts hours on the one-minute grid, crossings interpolated. The 70-160 ng/mL");
        out.println("  band is the analgesic range reported for intravenous racemic ketamine (Clements et al. 1982,");
        out.println("  cited in Zanos et al. 2018); it is applied to norketamine only for comparison.");
        out.println();
        out.println("Warnings returned with the results (by kind):");
        for (Map.Entry<String, List<String>> e : notes.entrySet()) {
            out.println("  - " + e.getKey() + " (" + e.getValue().size() + " distinct), e.g. " + e.getValue().get(0));
        }
    }

    private static Row find(List<Row> rows, String protocol, double weightKg, Analyte analyte) {
        for (Row r : rows) {
            if (r.protocol().equals(protocol) && r.weightKg() == weightKg && r.analyte() == analyte) {
                return r;
            }
        }
        throw new IllegalStateException("no row for " + protocol + " at " + weightKg + " kg");
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
