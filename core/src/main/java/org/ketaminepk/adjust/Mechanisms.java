package org.ketaminepk.adjust;

import static org.ketaminepk.adjust.AdjustmentSources.HNK_LIVER_SOURCE;
import static org.ketaminepk.adjust.AdjustmentSources.HNK_RENAL_SOURCE;
import static org.ketaminepk.adjust.AdjustmentSources.HYDROXYNORKETAMINE_RENAL_FRACTION;
import static org.ketaminepk.adjust.AdjustmentSources.NK_LIVER_SOURCE;
import static org.ketaminepk.adjust.AdjustmentSources.NK_RENAL_SOURCE;
import static org.ketaminepk.adjust.AdjustmentSources.NORKETAMINE_RENAL_FRACTION;
import static org.ketaminepk.adjust.AdjustmentSources.PARENT_RENAL_FRACTION;
import static org.ketaminepk.adjust.AdjustmentSources.PARENT_RENAL_SOURCE;
import static org.ketaminepk.adjust.StandardPatientAdjuster.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.ketaminepk.base.Checks;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.GfrEstimate;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.Patient;

/**
 * A patient's mechanisms as the {@link StandardPatientAdjuster} applies them: each effect record ({@link AgeEffect},
 * {@link ChildPughEffect}, {@link GenotypeEffect}, {@link InteractionEffect}, {@link KidneyEffect}) turned into the
 * multipliers it puts on each analyte's determinants of clearance, with the words that explain them. The words are
 * written only when read, so that a population run, which shows none of them, formats none. Stateless.
 */
final class Mechanisms {
    private Mechanisms() {
    }

    /** Which analyte's elimination a part of an effect acts on. */
    enum Target {
        PARENT, NORKETAMINE, HYDROXYNORKETAMINE
    }

    /**
     * Multipliers one mechanism applies to one analyte's determinants of clearance: for ketamine hepatic flow,
     * intrinsic clearance and renal function; for metabolites hepatic share, renal function and the whole. The
     * reason becomes the reason of each {@link org.ketaminepk.model.Adjustment} the part makes, written when read.
     */
    record Part(Target target, double flow, double intrinsic, double hepatic, double renal, double total,
            Words reason, String source) {
        static Part parent(double flow, double intrinsic, double renal, Words reason, String source) {
            return new Part(Target.PARENT, flow, intrinsic, 1, renal, 1, reason, source);
        }

        static Part metabolite(Target t, double hepatic, double renal, double total, Words reason, String source) {
            return new Part(t, 1, 1, hepatic, renal, total, reason, source);
        }
    }

    /**
     * One mechanism (age, Child–Pugh B, a co-medication, ...): what it does to each analyte, the one-line summary
     * shown when it changes something, its assumptions, and notes shown whatever it changes. The summary, the
     * assumptions and the notes are warnings ready to be returned, whose words are written only when shown.
     */
    record Effect(String mechanism, Warning summary, List<Part> parts, List<Warning> assumptions,
            List<Warning> notes) {
    }

    /** Warnings whose words do not depend on the patient: one shared object each. */
    static final Warning CHILD_PUGH_C_NOT_STUDIED = Warning.text(Warning.Code.ADJUSTMENT, "Child–Pugh C: esketamine "
            + "was not studied in severe hepatic impairment and its label advises against use; these factors are an "
            + "extrapolation");
    static final Warning SEVERAL_INTERACTIONS = Warning.text(Warning.Code.ASSUMPTION, "several interacting "
            + "co-medications: their effects are multiplied (independence assumed)");
    static final Warning KIDNEY_NOT_GIVEN = Warning.text(Warning.Code.ASSUMPTION, "kidney function not given: kidney "
            + "function falls with age, give serum creatinine or eGFR to account for it");
    static final Warning KIDNEY_FAILING = Warning.text(Warning.Code.ADJUSTMENT, "kidney function below 15: dialysis "
            + "is not represented, and the linear scaling of renal clearance is an extrapolation below the esketamine "
            + "study's lowest group (5–28 mL/min)");
    static final Warning KIDNEY_SHARES = Warning.text(Warning.Code.ASSUMPTION, "kidney function: renal shares of "
            + "elimination (ketamine 0.02, norketamine 0.44, hydroxynorketamine 0.5) scale linearly with kidney "
            + "function relative to 100 mL/min; the norketamine share is derived from one esketamine study and the "
            + "others are assumed");

    /** @return an adjustment warning saying {@code words} when shown */
    static Warning adjustment(Words words) {
        return Warning.of(Warning.Kind.ADJUSTMENT, words);
    }

    /** @return an assumption warning saying {@code words} when shown */
    static Warning assumption(Words words) {
        return Warning.of(Warning.Kind.ASSUMPTION, words);
    }

    /**
     * The effects of {@code patient}'s mechanisms on {@code model}, in the order age, liver, genotype, co-medication,
     * kidney.
     *
     * @param planWarnings where to record what the patient's description leaves open (kidney function not given,
     *        several interacting drugs)
     */
    static List<Effect> effects(PublishedModel model, Patient patient, ReferenceLiver ref,
            List<Warning> planWarnings) {
        List<Effect> effects = new ArrayList<>();
        age(model, patient, ref, effects);
        liver(patient, effects);
        genotype(patient, ref, effects);
        interactions(patient, effects, planWarnings);
        kidney(model, patient, ref, effects, planWarnings);
        return effects;
    }

    private static void age(PublishedModel model, Patient patient, ReferenceLiver ref, List<Effect> effects) {
        AgeEffect a = AgeEffect.of(patient.ageYears());
        if (!a.changesAnything() || !ref.hasParent() || ref.modelHandlesAge) {
            return;
        }
        Words reason = Words.lazy(a::describe);
        effects.add(new Effect("age", adjustment(reason), List.of(Part.parent(a.hepaticFlowFactor(), 1, 1, reason,
                AgeEffect.SOURCE)), List.of(assumption(Words.lazy(() -> "age " + Checks.fmt(a.ageYears())
                        + " years: the decline of hepatic flow with age estimated for esketamine (Perez-Ruixo 2021, "
                        + "−2.19 L/h per year above 60) is transferred to " + model.id()))), List.of()));
    }

    private static void liver(Patient patient, List<Effect> effects) {
        Optional<ChildPughClass> found = patient.childPughClass();
        if (found.isEmpty()) {
            return;
        }
        ChildPughClass cls = found.get();
        ChildPughEffect e = ChildPughEffect.of(cls);
        OptionalInt score = patient.childPughScore();
        Supplier<String> label = () -> "Child–Pugh " + cls + (score.isPresent()
                ? " (score " + score.getAsInt() + ")" : "");
        double clint = e.intrinsicClearanceFactor() * e.unboundFractionFactor();
        Words parentReason = Words.lazy(() -> label.get() + ": " + e.describe());
        double nkHepatic = e.intrinsicClearanceFactor();
        List<Part> parts = List.of(
                Part.parent(e.hepaticFlowFactor(), clint, 1, parentReason, ChildPughEffect.SOURCE),
                Part.metabolite(Target.NORKETAMINE, nkHepatic, 1, 1, Words.lazy(() -> String.format(Locale.ROOT,
                        "%s: hepatic share %s of norketamine clearance × intrinsic clearance %s", label.get(),
                        num(1 - NORKETAMINE_RENAL_FRACTION), num(nkHepatic))), NK_LIVER_SOURCE),
                Part.metabolite(Target.HYDROXYNORKETAMINE, e.functionalLiverSizeFactor(), 1, 1,
                        Words.lazy(() -> String.format(Locale.ROOT, "%s: hepatic share %s of hydroxynorketamine "
                                + "clearance × functional liver size %s", label.get(),
                                num(1 - HYDROXYNORKETAMINE_RENAL_FRACTION), num(e.functionalLiverSizeFactor()))),
                        HNK_LIVER_SOURCE));
        List<Warning> notes = new ArrayList<>();
        if (cls == ChildPughClass.C) {
            notes.add(CHILD_PUGH_C_NOT_STUDIED);
        }
        if (cls != ChildPughClass.A && patient.gfrEstimate().isEmpty()) {
            notes.add(adjustment(Words.lazy(() -> String.format(Locale.ROOT, "Child–Pugh %s often comes with "
                    + "reduced kidney function (GFR ×%s in the Open Systems Pharmacology hepatic-impairment "
                    + "population); kidney function was not given, so it is not adjusted", cls,
                    num(e.gfrFactor())))));
        }
        effects.add(new Effect("liver", adjustment(parentReason), parts,
                List.of(assumption(Words.lazy(() -> "Child–Pugh " + cls + ": hepatic flow ×"
                        + num(e.hepaticFlowFactor()) + " and ketamine intrinsic clearance ×" + num(clint)
                        + " combine cirrhosis physiology (Li 2015; Open Systems Pharmacology) with an assumed 75/25 "
                        + "portal/arterial inflow and 50/50 CYP2B6/CYP3A4 share; not validated for ketamine"))),
                notes));
    }

    private static void genotype(Patient patient, ReferenceLiver ref, List<Effect> effects) {
        GenotypeEffect g = GenotypeEffect.of(patient.cyp2b6());
        if (g.intrinsicClearanceFactor() == 1 || !ref.hasParent()) {
            return;
        }
        Words reason = Words.lazy(() -> String.format(Locale.ROOT,
                "CYP2B6 %s: CYP2B6 activity ×%s, intrinsic clearance ×%s", g.genotype().label(),
                num(g.cyp2b6ActivityFactor()), num(g.intrinsicClearanceFactor())));
        effects.add(new Effect("CYP2B6 genotype", adjustment(reason),
                List.of(Part.parent(1, g.intrinsicClearanceFactor(), 1, reason, GenotypeEffect.SOURCE)),
                List.of(assumption(Words.lazy(() -> "CYP2B6 " + g.genotype().label() + ": lower ketamine "
                        + "clearance is the in-vitro direction, but in vivo evidence is mixed (no effect after oral "
                        + "ketamine, Rao 2016); the size applied is an assumption"))),
                List.of()));
    }

    private static void interactions(Patient patient, List<Effect> effects, List<Warning> planWarnings) {
        int changing = 0;
        for (CoMedication c : patient.coMedications()) {
            InteractionEffect e = InteractionEffect.of(c);
            if (!e.changesAnything()) {
                effects.add(new Effect(c.label(), adjustment(Words.lazy(() -> c.label() + ": no change")), List.of(),
                        List.of(), List.of(adjustment(Words.lazy(() -> c.label() + " (" + c.mechanism()
                                + "): no change applied — " + e.observed() + " (" + e.source() + ")")))));
                continue;
            }
            changing++;
            List<Part> parts = new ArrayList<>();
            Words reason = Words.lazy(() -> String.format(Locale.ROOT, "%s (%s): ketamine intrinsic clearance ×%s",
                    c.label(), c.mechanism(), num(e.intrinsicClearanceFactor())));
            parts.add(Part.parent(1, e.intrinsicClearanceFactor(), 1, reason, e.source()));
            if (e.metaboliteClearanceFactor() != 1) {
                parts.add(Part.metabolite(Target.NORKETAMINE, 1, 1, e.metaboliteClearanceFactor(),
                        Words.lazy(() -> String.format(Locale.ROOT, "%s (%s): norketamine clearance ×%s",
                                c.label(), c.mechanism(), num(e.metaboliteClearanceFactor()))), e.source()));
            }
            effects.add(new Effect(c.label(), adjustment(reason), parts,
                    List.of(assumption(Words.lazy(() -> c.label() + ": factors derived from interaction studies of "
                            + "S-ketamine or esketamine, partly by other routes (observed: " + e.observed() + "); see "
                            + "the adjustment's source for the derivation"))),
                    List.of()));
        }
        if (changing > 1) {
            planWarnings.add(SEVERAL_INTERACTIONS);
        }
    }

    private static void kidney(PublishedModel model, Patient patient, ReferenceLiver ref, List<Effect> effects,
            List<Warning> planWarnings) {
        Optional<GfrEstimate> g = patient.gfrEstimate();
        if (g.isEmpty()) {
            if (patient.ageYears() >= 65 && patient.kidney() instanceof KidneyFunction.NotStated) {
                planWarnings.add(KIDNEY_NOT_GIVEN);
            }
            return;
        }
        KidneyEffect k = KidneyEffect.of(g.get());
        if (!k.changesAnything()) {
            return;
        }
        double r = k.fraction();
        Words label = Words.lazy(k::describe);
        List<Part> parts = new ArrayList<>();
        List<Warning> notes = new ArrayList<>();
        if (ref.physiological) {
            notes.add(ref.noOwnRenalExcretion);
        } else {
            parts.add(Part.parent(1, 1, r, Words.lazy(() -> String.format(Locale.ROOT, "%s: renal share %s of "
                    + "ketamine clearance × %s", label, num(PARENT_RENAL_FRACTION), num(r))), PARENT_RENAL_SOURCE));
        }
        parts.add(Part.metabolite(Target.NORKETAMINE, 1, r, 1, Words.lazy(() -> String.format(Locale.ROOT,
                "%s: renal share %s of norketamine clearance × %s", label, num(NORKETAMINE_RENAL_FRACTION),
                num(r))), NK_RENAL_SOURCE));
        parts.add(Part.metabolite(Target.HYDROXYNORKETAMINE, 1, r, 1, Words.lazy(() -> String.format(Locale.ROOT,
                "%s: renal share %s of hydroxynorketamine clearance × %s", label,
                num(HYDROXYNORKETAMINE_RENAL_FRACTION), num(r))), HNK_RENAL_SOURCE));
        if (k.failing()) {
            notes.add(KIDNEY_FAILING);
        }
        effects.add(new Effect("kidney", adjustment(label), parts, List.of(KIDNEY_SHARES), notes));
    }
}
