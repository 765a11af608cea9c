package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ketaminepk.dosing.Dose;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Warning;

/**
 * The lines a concentration chart prints under the curves, most important first: the disclaimer with a count of the
 * models' stated assumptions, what a bolus does to the first minutes of the curve, then the other warnings (one line
 * per kind, with a count of the rest) and the notes. Each line appears once. The terminal summary and
 * {@code --json} carry every warning in full; a chart file travels alone, so it keeps what a reader of the curves
 * needs. With several series, a line of one series is labelled with it; a line of every series is printed once.
 */
final class ChartNotes {
    private ChartNotes() {
    }

    /** First words of every chart footer: a chart file travels without the terminal text around it. */
    static final String DISCLAIMER = "ketamine-pk: a teaching and review tool, not a dosing device.";

    /**
     * @param runs the runs drawn
     * @return the footer lines
     */
    static List<String> lines(List<Run> runs) {
        boolean several = runs.size() > 1;
        Set<String> lines = new LinkedHashSet<>();
        lines.add(disclaimer(runs));
        for (Run r : runs) {
            String bolus = bolusNote(r);
            if (bolus != null) {
                lines.add(bolus);
            }
        }
        List<List<String>> warnings = new ArrayList<>();
        List<List<String>> notes = new ArrayList<>();
        for (Run r : runs) {
            warnings.add(perKind(otherWarnings(r)));
            notes.add(r.notes());
        }
        addEach(lines, runs, warnings, several);
        addEach(lines, runs, notes, several);
        return new ArrayList<>(lines);
    }

    /**
     * Adds each run's lines, prefixed with its label when there are several runs; a line every run has is added once,
     * without a label (where the first run has it), instead of once per series word for word.
     */
    private static void addEach(Set<String> out, List<Run> runs, List<List<String>> perRun, boolean several) {
        for (int i = 0; i < runs.size(); i++) {
            for (String line : perRun.get(i)) {
                boolean everyRun = true;
                for (List<String> other : perRun) {
                    everyRun &= other.contains(line);
                }
                out.add(!several || everyRun ? line : runs.get(i).label() + ": " + line);
            }
        }
    }

    /**
     * What the curve shows in the first minutes after an intravenous bolus, with the model's sampling site; null when
     * the run has no such bolus.
     */
    static String bolusNote(Run r) {
        boolean bolus = false;
        for (Dose d : r.regimen().doses()) {
            bolus |= d instanceof Dose.Bolus;
        }
        if (!bolus) {
            return null;
        }
        PublishedModel m = r.model();
        String site;
        if (m.samplingSite() == SamplingSite.ARTERIAL) {
            // SamplingSite: arterial levels run above venous ones shortly after an input (Henthorn 2018)
            site = "model fitted to arterial samples; venous ones run lower then, Henthorn 2018";
        } else if (m.samplingSite() == SamplingSite.NOT_STATED) {
            site = "sampling site of the model not stated in its sources";
        } else {
            site = "model fitted to " + m.samplingSite().label() + " samples";
        }
        return "Bolus: the first minutes are the central compartment's mixing phase (" + site
                + "), not levels to compare with the shaded peaks.";
    }

    /**
     * @param runs the typical runs of what a chart draws
     * @return the disclaimer, followed by how many stated assumptions each model drawn rests on
     */
    public static String disclaimer(List<Run> runs) {
        return DISCLAIMER + assumptions(runs);
    }

    /** @return " Model X rests on N stated assumptions ('ketamine-pk models X')." for each model, or "" */
    private static String assumptions(List<Run> runs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Run r : runs) {
            String id = r.model().id();
            int n = 0;
            for (Warning w : r.warnings()) {
                n += isModelAssumption(w, id) ? 1 : 0;
            }
            if (n > 0) {
                counts.merge(id, n, Math::max);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            b.append(String.format(Locale.ROOT, " Model %s rests on %d stated assumption%s ('ketamine-pk models %s').",
                    e.getKey(), e.getValue(), e.getValue() == 1 ? "" : "s", e.getKey()));
        }
        return b.toString();
    }

    private static boolean isModelAssumption(Warning w, String modelId) {
        return w.code() == Warning.Code.ASSUMPTION && w.message().startsWith(modelId + ": ");
    }

    private static List<Warning> otherWarnings(Run r) {
        List<Warning> out = new ArrayList<>();
        for (Warning w : r.warnings()) {
            if (!isModelAssumption(w, r.model().id())) {
                out.add(w);
            }
        }
        return out;
    }

    /** @return one line per kind of warning: the first, with a count of the others of its kind */
    static List<String> perKind(List<Warning> warnings) {
        Map<Warning.Code, List<String>> byCode = new LinkedHashMap<>();
        for (Warning w : warnings) {
            List<String> ms = byCode.computeIfAbsent(w.code(), c -> new ArrayList<>());
            if (!ms.contains(w.message())) {
                ms.add(w.message());
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> ms : byCode.values()) {
            out.add(ms.size() == 1 ? ms.get(0) : ms.get(0) + " (and " + (ms.size() - 1) + " more like it)");
        }
        return out;
    }
}
