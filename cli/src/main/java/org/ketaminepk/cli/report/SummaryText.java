package org.ketaminepk.cli.report;

import org.ketaminepk.cli.Main;
import org.ketaminepk.cli.options.OutputOptions;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.adjust.PatientReport;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Warning;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.result.Band;

/** The summary printed on the terminal: inputs, grid, a metrics table, the band's source, warnings and notes. */
public final class SummaryText {
    /** Warnings of one kind shown before "... and N more". */
    static final int WARNINGS_PER_KIND = 3;
    private static final String DISCLAIMER = "teaching and review tool, not a dosing device";

    private SummaryText() {
    }

    /**
     * Prints the summary of one simulation.
     *
     * @param explain whether to explain the patient's adjustments in full (reasons, sources, liver) rather than in
     *        one line per parameter
     */
    public static void simulate(PrintWriter w, Run run, TimeGrid grid, boolean defaultGrid, boolean explain) {
        w.println("ketamine-pk " + Main.version() + " · " + DISCLAIMER);
        w.println();
        field(w, "Model", run.model().id() + " · " + run.model().name());
        field(w, "", CitationText.brief(run.model()) + (run.model().composite() ? "; details: 'ketamine-pk models "
                + run.model().id() + "'" : ""));
        field(w, "Patient", Text.patient(run.patient()));
        protocolLines(w, run.protocol());
        doseLines(w, run);
        gridLine(w, grid, run.regimen().endH(), defaultGrid);
        w.println();

        double endH = grid.endH();
        Text.Table t = new Text.Table(true, "analyte", "Cmax (ng/mL)", "Tmax (h)",
                "AUC 0–" + Checks.fmt(endH) + " h (ng·h/mL)", "in band (h)", "to below band (h)");
        for (Run.Metrics m : run.metrics().values()) {
            t.row(m.analyte().label(), Text.column(m.cmaxNgPerMl(), 4), m.hasPeak() ? Text.hours(m.tmaxH()) : "–",
                    Text.column(m.aucNgHPerMl(), 5), inBand(m), belowBand(m));
        }
        for (String line : t.render(0)) {
            w.println(line);
        }
        w.println();
        for (String line : Text.wrap(reachAndHalfLives(run), 100)) {
            w.println(line);
        }
        for (String line : Text.wrap(ExposureText.sentences(run), 100)) {
            w.println(line);
        }
        bandLines(w, run);
        List<Warning> warnings = run.warnings();
        if (explain) {
            w.println();
            PatientReport report = PatientReport.of(run.patient(), run.model());
            PatientText.modelSection(w, run.model(), report.models().get(0));
            // what the long form printed is not repeated below
            Set<String> shown = new LinkedHashSet<>(PatientText.warnings(run.model(), warnings,
                    run.result().adjustments()));
            warnings = withoutShown(warnings, shown, run.result().adjustments());
            w.println();
        } else if (!run.result().adjustments().isEmpty()) {
            w.println();
            PatientText.compact(w, run.result().adjustments(), run.patient().weightKg());
            warnings = withoutShown(warnings, Set.of(), run.result().adjustments());
        }
        // --explain is where a user goes for everything: no warning is summarised there
        messages(w, Run.collapse(warnings, explain ? Math.max(1, warnings.size()) : WARNINGS_PER_KIND), run.notes());
        w.flush();
    }

    /**
     * @return the warnings without those in {@code shown} and without adjustment summaries that repeat a reason
     *         printed in the adjustments
     */
    private static List<Warning> withoutShown(List<Warning> warnings, Set<String> shown, List<Adjustment> adjustments) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Adjustment a : adjustments) {
            reasons.add(a.reason());
        }
        List<Warning> out = new ArrayList<>();
        for (Warning w : warnings) {
            boolean repeated = w.code() == Warning.Code.ADJUSTMENT && PatientText.repeats(w.message(), reasons);
            if (!repeated && !shown.contains(w.message())) {
                out.add(w);
            }
        }
        return out;
    }

    /** Prints the side-by-side summary of several simulations on one grid. */
    public static void compare(PrintWriter w, List<Run> runs, TimeGrid grid, boolean defaultGrid) {
        w.println("ketamine-pk " + Main.version() + " · " + DISCLAIMER);
        w.println();
        double lastEnd = 0;
        for (Run r : runs) {
            lastEnd = Math.max(lastEnd, r.regimen().endH());
        }
        gridLine(w, grid, lastEnd, defaultGrid);
        w.println();

        String[] header = new String[runs.size() + 1];
        header[0] = "";
        for (int i = 0; i < runs.size(); i++) {
            header[i + 1] = runs.get(i).label();
        }
        Text.Table t = new Text.Table(true, header);
        t.row(cells("model", runs, r -> r.model().id()));
        t.row(cells("patient", runs, r -> Checks.fmt(r.patient().ageYears()) + " y, "
                + Checks.fmt(r.patient().weightKg()) + " kg, " + Checks.fmt(r.patient().heightCm()) + " cm, "
                + r.patient().sex().name().toLowerCase(java.util.Locale.ROOT)));
        extraRow(t, "kidney", runs, Text::kidney);
        extraRow(t, "liver", runs, Text::liver);
        extraRow(t, "genotype", runs, Text::cyp2b6);
        extraRow(t, "co-medication", runs, Text::coMedications);
        if (runs.stream().anyMatch(r -> ExposureText.dosingWeight(r) != null)) {
            t.row(cells("dosing weight", runs, r -> r.dosingWeight().key() + ", "
                    + Text.sig(r.dosingWeightKg(), 3) + " kg"));
        }
        t.row(cells("doses (total mg)", runs, r -> r.regimen().doses().size() + " ("
                + Text.sig(r.regimen().totalMg(r.dosingWeightKg()), 5) + " mg)"));
        for (Analyte a : Analyte.values()) {
            boolean any = false;
            for (Run r : runs) {
                any |= r.metrics().containsKey(a);
            }
            if (!any) {
                continue;
            }
            String n = a.label();
            t.row(cells(n + " Cmax (ng/mL)", runs, r -> metric(r, a, m -> Text.column(m.cmaxNgPerMl(), 4))));
            t.row(cells(n + " Tmax (h)", runs, r -> metric(r, a, m -> m.hasPeak() ? Text.hours(m.tmaxH()) : "–")));
            t.row(cells(n + " AUC 0–" + Checks.fmt(grid.endH()) + " h (ng·h/mL)", runs,
                    r -> metric(r, a, m -> Text.column(m.aucNgHPerMl(), 5))));
            if (a == Analyte.KETAMINE) {
                t.row(cells(n + " reaches band (h)", runs, r -> metric(r, a, m -> m.timeToReachBandH() == null
                        ? "never" : Text.hours(m.timeToReachBandH()))));
                t.row(cells(n + " in band (h)", runs, r -> metric(r, a, SummaryText::inBand)));
                t.row(cells(n + " to below band (h)", runs, r -> metric(r, a, SummaryText::belowBand)));
            }
            t.row(cells(n + " terminal t½, model (h)", runs, r -> metric(r, a, m -> m.terminalHalfLifeH() == null
                    ? "–" : Text.hours(m.terminalHalfLifeH()))));
            t.row(cells(n + " AUC 0–∞ (ng·h/mL)", runs, r -> metric(r, a, m -> m.aucToInfinityNgHPerMl() == null
                    ? "–" : Text.sig(m.aucToInfinityNgHPerMl(), 5))));
            if (a == Analyte.KETAMINE && !runs.get(0).band().openAbove()) {
                t.row(cells(n + " above band (h)", runs, r -> metric(r, a, m -> m.timeAboveBandH() == null ? "–"
                        : Text.hours(m.timeAboveBandH()))));
            }
            if (runs.stream().anyMatch(r -> r.metrics().containsKey(a)
                    && r.metrics().get(a).lastTroughNgPerMl() != null)) {
                t.row(cells(n + " last trough (ng/mL)", runs, r -> metric(r, a, m -> m.lastTroughNgPerMl() == null
                        ? "–" : Text.sig(m.lastTroughNgPerMl(), 4))));
            }
            if (runs.stream().anyMatch(r -> r.metrics().containsKey(a)
                    && r.metrics().get(a).steadyStateAverageNgPerMl() != null)) {
                t.row(cells(n + " steady-state avg (ng/mL)", runs, r -> metric(r, a,
                        m -> m.steadyStateAverageNgPerMl() == null ? "–" : Text.sig(m.steadyStateAverageNgPerMl(), 4))));
            }
        }
        if (runs.stream().anyMatch(r -> r.norketamineRatio() != null)) {
            t.row(cells("norketamine/ketamine AUC 0–∞", runs, r -> r.norketamineRatio() == null
                    || r.norketamineRatio().toInfinity().isEmpty() ? "–"
                            : Text.sig(r.norketamineRatio().toInfinity().getAsDouble(), 3)));
        }
        // many series side by side would run past 100 columns: they are printed in blocks that fit
        for (String line : t.render(0, 100)) {
            w.println(line);
        }
        w.println();
        bandLines(w, runs.get(0));
        List<List<String>> warnings = new ArrayList<>();
        List<List<String>> notes = new ArrayList<>();
        for (Run r : runs) {
            warnings.add(Run.collapse(r.warnings(), WARNINGS_PER_KIND));
            notes.add(r.notes());
        }
        // what every series says is said once, not once per series
        Set<String> commonWarnings = common(warnings);
        Set<String> commonNotes = common(notes);
        if (!commonWarnings.isEmpty() || !commonNotes.isEmpty()) {
            w.println("[all series]");
            messages(w, new ArrayList<>(commonWarnings), new ArrayList<>(commonNotes));
        }
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            List<String> own = new ArrayList<>(warnings.get(i));
            own.removeAll(commonWarnings);
            List<String> ownNotes = new ArrayList<>(notes.get(i));
            ownNotes.removeAll(commonNotes);
            String adjusted = adjustedBeyondWeight(r.result().adjustments());
            if (own.isEmpty() && ownNotes.isEmpty() && adjusted == null) {
                continue;
            }
            w.println("[" + r.label() + "]");
            if (adjusted != null) {
                wrapped(w, "adjusted: ", adjusted + " (why: run 'ketamine-pk patient' with these values)");
            }
            messages(w, own, ownNotes);
        }
        w.flush();
    }

    /** @return the messages every list holds, in the first list's order; empty for fewer than two lists */
    static Set<String> common(List<List<String>> lists) {
        Set<String> out = new LinkedHashSet<>();
        if (lists.size() < 2) {
            return out;
        }
        out.addAll(lists.get(0));
        for (List<String> l : lists.subList(1, lists.size())) {
            out.retainAll(l);
        }
        return out;
    }

    /** Adds a row for a patient property when at least one run states it. */
    private static void extraRow(Text.Table t, String name, List<Run> runs,
            java.util.function.Function<org.ketaminepk.patient.Patient, String> f) {
        boolean any = false;
        for (Run r : runs) {
            any |= f.apply(r.patient()) != null;
        }
        if (any) {
            t.row(cells(name, runs, r -> {
                String v = f.apply(r.patient());
                return v == null ? "–" : v;
            }));
        }
    }

    /**
     * @return "CL 84 → 46.08 L/h (×0.549), CLn 57.7 → 79.94 L/h (×1.39)" for the parameters changed by more than
     *         weight scaling, or null when there are none
     */
    static String adjustedBeyondWeight(List<Adjustment> adjustments) {
        java.util.Map<String, List<Adjustment>> byParameter = new java.util.LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            byParameter.computeIfAbsent(a.parameter(), k -> new ArrayList<>()).add(a);
        }
        List<String> parts = new ArrayList<>();
        for (java.util.Map.Entry<String, List<Adjustment>> e : byParameter.entrySet()) {
            List<Adjustment> steps = e.getValue();
            boolean beyondWeight = false;
            for (Adjustment a : steps) {
                beyondWeight |= !PatientText.weightScaling(a);
            }
            if (!beyondWeight) {
                continue;
            }
            Adjustment first = steps.get(0);
            Adjustment last = steps.get(steps.size() - 1);
            double total = first.typicalValue() == 0 ? 1 : last.patientValue() / first.typicalValue();
            parts.add(e.getKey() + " " + Text.sig(first.typicalValue(), 4) + " → "
                    + PatientText.quantity(last.patientValue(), first.unit()) + " (" + PatientText.factor(total) + ")");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * @return e.g. "ketamine reaches 70 ng/mL at 0.13 h (8 min). Terminal half-life (from the model's slowest rate
     *         constant; not a fit to the grid): ketamine 2.95 h, norketamine 5.51 h."
     */
    static String reachAndHalfLives(Run run) {
        StringBuilder b = new StringBuilder();
        Run.Metrics k = run.metrics().get(Analyte.KETAMINE);
        String low = Checks.fmt(run.band().lowNgPerMl()) + " ng/mL";
        if (k != null) {
            b.append(k.timeToReachBandH() == null ? "ketamine never reaches " + low + "."
                    : "ketamine reaches " + low + " at " + Text.hours(k.timeToReachBandH()) + " h ("
                            + Text.sig(k.timeToReachBandH() * 60, 2) + " min).");
        }
        List<String> halfLives = new ArrayList<>();
        for (Run.Metrics m : run.metrics().values()) {
            if (m.terminalHalfLifeH() != null) {
                halfLives.add(m.analyte().label() + " " + Text.hours(m.terminalHalfLifeH()) + " h");
            }
        }
        if (!halfLives.isEmpty()) {
            b.append(" Terminal half-life (from the model's slowest rate constant; not a fit to the grid): ")
                    .append(String.join(", ", halfLives)).append(".");
        }
        return b.toString().trim();
    }

    static void protocolLines(PrintWriter w, Protocol p) {
        if (p == null) {
            return;
        }
        field(w, "Protocol", p.id() + " · " + p.name());
        field(w, "", p.shortSource() + ", " + p.basis().label());
    }

    static void doseLines(PrintWriter w, Run run) {
        List<Dose> doses = run.regimen().doses();
        double kg = run.dosingWeightKg();
        field(w, "Doses", doses.size() + (doses.size() == 1 ? " dose, " : " doses, ")
                + Text.sig(run.regimen().totalMg(kg), 6) + " mg of ketamine base in all; the last input ends at "
                + Text.hoursMinutes(run.regimen().endH()));
        List<Integer> shown = new ArrayList<>();
        if (doses.size() <= 8) {
            for (int i = 0; i < doses.size(); i++) {
                shown.add(i);
            }
        } else {
            shown.addAll(List.of(0, 1, 2, -1, doses.size() - 2, doses.size() - 1));
        }
        for (int i : shown) {
            field(w, "", i < 0 ? "... (" + (doses.size() - 5) + " more)" : Protocol.describeFor(doses.get(i), kg));
        }
    }

    static void gridLine(PrintWriter w, TimeGrid grid, double lastInputEndH, boolean defaultGrid) {
        String how = defaultGrid ? " (default: end of the last input, " + Text.hoursMinutes(lastInputEndH)
                + ", plus " + Checks.fmt(OutputOptions.DEFAULT_WASHOUT_H) + " h of wash-out)" : "";
        String step = grid.stepH().isEmpty() ? "" : " every " + Text.step(grid.stepH().getAsDouble());
        field(w, "Grid", "0 to " + Text.span(grid.endH()) + step + ": " + Text.count(grid.size()) + " points" + how);
    }

    private static void bandLines(PrintWriter w, Run run) {
        Band b = run.band();
        for (String line : Text.wrap("in band: hours with ketamine within " + b.label() + " (" + run.bandSource()
                + "). reaches band: first time at " + Checks.fmt(b.lowNgPerMl()) + " ng/mL, from time 0. "
                + "to below band: hours from the end of the last input until ketamine falls below "
                + Checks.fmt(b.lowNgPerMl()) + " ng/mL for good. AUC is exact (not a trapezoid rule)"
                // when Cmax and Tmax are exact too, a note says so
                + (run.notes().contains(Run.EXACT_NOTE) ? "." : "; Cmax and Tmax are read on the grid."), 100)) {
            w.println(line);
        }
    }

    /**
     * Prints each distinct warning and then each distinct note as "warning: ..." / "note: ...", wrapped to 100
     * columns with the continuation lines indented under the text.
     */
    public static void messages(PrintWriter w, List<String> warnings, List<String> notes) {
        Set<String> seen = new LinkedHashSet<>();
        for (String m : warnings) {
            if (seen.add(m)) {
                wrapped(w, "warning: ", m);
            }
        }
        for (String m : notes) {
            if (seen.add(m)) {
                wrapped(w, "note: ", m);
            }
        }
    }

    static void wrapped(PrintWriter w, String prefix, String text) {
        Text.hanging(w, prefix, text, 100 - prefix.length());
    }

    static void field(PrintWriter w, String name, String value) {
        Text.hanging(w, String.format(java.util.Locale.ROOT, "%-10s", name), " ".repeat(10), value, 88);
    }

    static String inBand(Run.Metrics m) {
        return m.timeInBandH() == null ? "–" : Text.hours(m.timeInBandH());
    }

    static String belowBand(Run.Metrics m) {
        if (m.timeToBelowBandH() != null) {
            return Text.hours(m.timeToBelowBandH());
        }
        if (m.stillAboveAtEnd()) {
            return "above at end";
        }
        return m.timeInBandH() == null ? "–" : "n/a";
    }

    private static String metric(Run r, Analyte a, java.util.function.Function<Run.Metrics, String> f) {
        Run.Metrics m = r.metrics().get(a);
        return m == null ? "–" : f.apply(m);
    }

    private static String[] cells(String name, List<Run> runs, java.util.function.Function<Run, String> f) {
        String[] c = new String[runs.size() + 1];
        c[0] = name;
        for (int i = 0; i < runs.size(); i++) {
            c[i + 1] = f.apply(runs.get(i));
        }
        return c;
    }
}
