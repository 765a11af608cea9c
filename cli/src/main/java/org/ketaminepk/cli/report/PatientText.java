package org.ketaminepk.cli.report;

import org.ketaminepk.cli.Main;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ketaminepk.base.Checks;
import org.ketaminepk.adjust.PatientReport;
import org.ketaminepk.adjust.StandardPatientAdjuster.LiverModel;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;

/**
 * "What changes for this patient?" as terminal text: the patient, the values derived from it (each with its method),
 * and per model the parameters that differ from the model's typical 70-kg values, why (each step with its factor,
 * reason and a numbered source) and the warnings that follow. The data come from {@link PatientReport}; this class
 * only lays them out, within 100 columns.
 */
public final class PatientText {
    private static final int WIDTH = 100;

    private PatientText() {
    }

    /** Prints the whole report of the {@code patient} command. */
    public static void report(PrintWriter w, PatientReport r, List<PublishedModel> models) {
        w.println("ketamine-pk " + Main.version() + " · teaching and review tool, not a dosing device");
        w.println();
        patientLines(w, r.patient());
        w.println();
        w.println("Derived values");
        for (PatientReport.Quantity q : r.derived()) {
            w.println(String.format(Locale.ROOT, "  %-40s %s", q.name(), quantity(q.value(), q.unit())));
            for (String line : Text.wrap(q.method(), WIDTH - 6)) {
                w.println("      " + line);
            }
        }
        r.childPughClass().ifPresent(c -> {
            w.println(String.format(Locale.ROOT, "  %-40s %s (%s; score %d–%d)", "Child–Pugh class", c, c.severity(),
                    c.minScore(), c.maxScore()));
            for (String line : Text.wrap("class limits A 5–6, B 7–9, C 10–15 points; " + ChildPughClass.SOURCE,
                    WIDTH - 6)) {
                w.println("      " + line);
            }
        });
        for (Warning u : r.patientWarnings()) {
            wrapped(w, "warning: ", u.message());
        }
        for (int i = 0; i < models.size(); i++) {
            w.println();
            modelSection(w, models.get(i), r.models().get(i));
        }
        w.flush();
    }

    /** The patient, one line per kind of information, saying what was not given. */
    static void patientLines(PrintWriter w, Patient p) {
        field(w, "Patient", Checks.fmt(p.ageYears()) + " years, " + Checks.fmt(p.weightKg()) + " kg, "
                + Checks.fmt(p.heightCm()) + " cm, " + p.sex().name().toLowerCase(Locale.ROOT));
        field(w, "Kidney", p.kidney() instanceof KidneyFunction.NotStated
                ? "not stated (the model's typical values: normal kidneys)" : p.kidney().describe());
        field(w, "Liver", p.liver() instanceof LiverFunction.NotStated
                ? "not stated (the model's typical values: no liver disease)" : p.liver().describe());
        field(w, "CYP2B6", p.cyp2b6() == Cyp2b6Genotype.NOT_TESTED ? "not tested" : p.cyp2b6().label());
        List<String> comeds = new ArrayList<>();
        for (CoMedication c : p.coMedications()) {
            comeds.add(c.label() + " (" + c.mechanism() + ")");
        }
        field(w, "Co-medication", comeds.isEmpty() ? "none stated" : String.join(", ", comeds));
    }

    /**
     * The long form for one model: the parameters that differ, why, the liver behind ketamine's clearance, the
     * warnings, and the numbered sources.
     */
    static void modelSection(PrintWriter w, PublishedModel m, PatientReport.ModelSection s) {
        wrapped(w, "Model ", m.id() + " · " + m.name());
        if (s.parameters().isEmpty()) {
            w.println("  No parameter changes: the model's typical values apply to this patient.");
        } else {
            int nameW = 0;
            for (PatientReport.ParameterChange c : s.parameters()) {
                nameW = Math.max(nameW, c.name().length());
            }
            Text.Table t = new Text.Table(true, "parameter", "typical (70 kg)", "this patient", "factor");
            for (PatientReport.ParameterChange c : s.parameters()) {
                List<String> description = Text.wrap(c.description(), 46);
                t.row(String.format(Locale.ROOT, "%-" + nameW + "s  %s", c.name(), description.get(0)),
                        quantity(c.typicalValue(), c.unit()), quantity(c.patientValue(), c.unit()),
                        factor(c.factor()));
                for (int i = 1; i < description.size(); i++) {
                    t.row(" ".repeat(nameW + 2) + description.get(i));
                }
            }
            for (String line : t.render(2)) {
                w.println(line);
            }
            w.println();
            w.println("  Why (each step multiplies the value; [n] is the source below)");
            Sources sources = new Sources();
            for (Step step : steps(s.adjustments())) {
                String who = String.join(", ", step.parameters());
                String prefix = String.format(Locale.ROOT, "    %-16s %-8s ", who, factor(step.factor()));
                if (prefix.length() > 30) {
                    w.println("    " + who);
                    prefix = String.format(Locale.ROOT, "    %-16s %-8s ", "", factor(step.factor()));
                }
                wrapped(w, prefix, step.reason() + " [" + sources.number(step.source()) + "]");
            }
            s.liver().ifPresent(l -> liverLines(w, l));
            List<String> warnings = warnings(m, s.warnings(), s.adjustments());
            if (!warnings.isEmpty()) {
                w.println();
                for (String msg : warnings) {
                    wrapped(w, "  warning: ", msg);
                }
            }
            w.println();
            w.println("  Sources");
            for (Map.Entry<String, Integer> e : sources.numbers.entrySet()) {
                wrapped(w, "    [" + e.getValue() + "] ", e.getKey());
            }
        }
        if (!m.assumptions().isEmpty()) {
            int n = m.assumptions().size();
            wrapped(w, "  note: ", (n == 1 ? "the model's own assumption applies" : "the model's own " + n
                    + " assumptions apply") + " to every result: 'ketamine-pk models " + m.id() + "'");
        }
    }

    /**
     * The compact form printed by {@code simulate}: one line per parameter changed by more than body weight, with
     * its typical and patient value, factor and the reasons; parameters scaled by weight alone share a line.
     *
     * @param weightKg the patient's weight, kg
     * @return whether anything was printed
     */
    static boolean compact(PrintWriter w, List<Adjustment> adjustments, double weightKg) {
        if (adjustments.isEmpty()) {
            return false;
        }
        Map<String, List<Adjustment>> byParameter = new LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            byParameter.computeIfAbsent(a.parameter(), k -> new ArrayList<>()).add(a);
        }
        w.println("Adjusted for this patient (why and sources: --explain; every step in --json)");
        Map<String, List<String>> weightOnly = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<Adjustment>> e : byParameter.entrySet()) {
            List<Adjustment> steps = e.getValue();
            Adjustment first = steps.get(0);
            Adjustment last = steps.get(steps.size() - 1);
            if (steps.size() == 1 && weightScaling(first)) {
                String key = factor(first.factor()) + " " + first.reason().replaceFirst("^weight [^,]*, ", "");
                weightOnly.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
                continue;
            }
            double total = first.typicalValue() == 0 ? 1 : last.patientValue() / first.typicalValue();
            List<String> reasons = new ArrayList<>();
            for (Adjustment a : steps) {
                reasons.add(shortReason(a) + " " + factor(a.factor()));
            }
            rows.add(new String[] {e.getKey(), Text.sig(first.typicalValue(), 4) + " → "
                    + quantity(last.patientValue(), first.unit()), factor(total), String.join("; ", reasons)});
        }
        int nameW = 0;
        int valueW = 0;
        for (String[] r : rows) {
            nameW = Math.max(nameW, r[0].length());
            valueW = Math.max(valueW, r[1].length());
        }
        for (String[] r : rows) {
            String prefix = String.format(Locale.ROOT, "  %-" + nameW + "s  %" + valueW + "s  %-7s ", r[0], r[1],
                    r[2]);
            if (prefix.length() > 60) {
                w.println(prefix.stripTrailing());
                prefix = "      ";
            }
            wrapped(w, prefix, r[3]);
        }
        if (!weightOnly.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : weightOnly.entrySet()) {
                parts.add(String.join(", ", e.getValue()) + " " + e.getKey());
            }
            wrapped(w, "  ", "scaled by weight (" + Checks.fmt(weightKg) + " kg) alone: " + String.join("; ", parts));
        }
        return true;
    }

    /**
     * The warnings worth printing next to the adjustments: not the model's own assumptions (listed by 'models ID'),
     * and not an adjustment summary that repeats the reason of a step already shown.
     */
    static List<String> warnings(PublishedModel m, List<Warning> warnings, List<Adjustment> adjustments) {
        Set<String> own = new LinkedHashSet<>();
        for (String a : m.assumptions()) {
            own.add(m.id() + ": " + a);
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (Adjustment a : adjustments) {
            reasons.add(a.reason());
        }
        List<String> out = new ArrayList<>();
        for (Warning w : warnings) {
            if (own.contains(w.message()) || w.code() == Warning.Code.ADJUSTMENT && repeats(w.message(), reasons)) {
                continue;
            }
            if (!out.contains(w.message())) {
                out.add(w.message());
            }
        }
        return out;
    }

    /** @return whether {@code message} is, or begins, one of the reasons */
    static boolean repeats(String message, Set<String> reasons) {
        for (String r : reasons) {
            if (r.equals(message) || r.startsWith(message + ": ")) {
                return true;
            }
        }
        return false;
    }

    /** One step shared by several parameters (weight scaling with one exponent touches many). */
    private record Step(List<String> parameters, double factor, String reason, String source) {
    }

    /** Groups steps with the same reason, source and factor, keeping the order of first appearance. */
    private static List<Step> steps(List<Adjustment> adjustments) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            String key = a.reason() + "\u0000" + a.source() + "\u0000" + factor(a.factor());
            Step s = steps.get(key);
            if (s == null) {
                steps.put(key, new Step(new ArrayList<>(List.of(a.parameter())), a.factor(), a.reason(), a.source()));
            } else if (!s.parameters().contains(a.parameter())) {
                s.parameters().add(a.parameter());
            }
        }
        return new ArrayList<>(steps.values());
    }

    private static void liverLines(PrintWriter w, LiverModel l) {
        w.println();
        String text = String.format(Locale.ROOT, "Ketamine in the well-stirred liver (70-kg reference, typical → "
                + "this patient): hepatic plasma flow %s → %s L/h, unbound intrinsic clearance %s → %s L/h, "
                + "extraction %s → %s, hepatic clearance %s → %s L/h, renal clearance %s → %s L/h; ketamine "
                + "clearance %s → %s L/h (×%s, before weight scaling).%s",
                Text.sig(l.typical().hepaticFlowLPerH(), 3), Text.sig(l.patient().hepaticFlowLPerH(), 3),
                Text.sig(l.typical().intrinsicClearanceLPerH(), 3), Text.sig(l.patient().intrinsicClearanceLPerH(), 3),
                Text.sig(l.typical().extraction(), 2), Text.sig(l.patient().extraction(), 2),
                Text.sig(l.typical().clearanceLPerH(), 3), Text.sig(l.patient().clearanceLPerH(), 3),
                Text.sig(l.renalClearanceTypicalLPerH(), 2), Text.sig(l.renalClearancePatientLPerH(), 2),
                Text.sig(l.clearanceTypicalLPerH(), 3), Text.sig(l.clearancePatientLPerH(), 3),
                Text.sig(l.clearancePatientLPerH() / l.clearanceTypicalLPerH(), 3),
                l.physiological() ? " The model has its own liver compartment; its flow and metabolism rates are "
                        + "the parameters changed." : "");
        wrapped(w, "  ", text);
    }

    /** Numbers sources in order of first use. */
    private static final class Sources {
        final Map<String, Integer> numbers = new LinkedHashMap<>();

        int number(String source) {
            return numbers.computeIfAbsent(source, s -> numbers.size() + 1);
        }
    }

    static boolean weightScaling(Adjustment a) {
        return a.reason().startsWith("weight ") && a.source().startsWith("published scaling of ");
    }

    /**
     * The reason in a few words: what comes before the first colon, without long parentheses and without the
     * scaling formula ("age 80 years", "Child–Pugh B (score 8)", "rifampicin", "weight 60 kg").
     */
    static String shortReason(Adjustment a) {
        String r = a.reason();
        int colon = r.indexOf(": ");
        if (colon > 0) {
            r = r.substring(0, colon);
        }
        int scaling = r.indexOf(", (WT/70)");
        if (scaling > 0) {
            r = r.substring(0, scaling);
        }
        return r.replaceAll("\\s*\\([^()]{13,}\\)", "").replaceAll("\\s+", " ").trim();
    }

    /** @return "×0.371" with three significant digits */
    public static String factor(double f) {
        return "×" + Text.sig(f, 3);
    }

    /** @return "84 L/h", or the bare number for a fraction or a dimensionless value */
    public static String quantity(double v, String unit) {
        String n = Text.sig(v, 4);
        return unit == null || unit.isEmpty() || unit.equals("fraction") ? n : n + " " + unit;
    }

    private static void field(PrintWriter w, String name, String value) {
        Text.hanging(w, String.format(Locale.ROOT, "%-15s", name), " ".repeat(15), value, WIDTH - 15);
    }

    static void wrapped(PrintWriter w, String prefix, String text) {
        Text.hanging(w, prefix, text, Math.max(30, WIDTH - prefix.length()));
    }
}
