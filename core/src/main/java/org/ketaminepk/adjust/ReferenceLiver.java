package org.ketaminepk.adjust;

import static org.ketaminepk.adjust.AdjustmentSources.MAX_EXTRACTION;
import static org.ketaminepk.adjust.AdjustmentSources.PARENT_RENAL_FRACTION;
import static org.ketaminepk.adjust.AdjustmentSources.REFERENCE_HEPATIC_FLOW_L_PER_H;
import static org.ketaminepk.adjust.AdjustmentSources.UNBOUND_FRACTION;
import static org.ketaminepk.adjust.StandardPatientAdjuster.num;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/**
 * What the standard adjustments need to know about one model, whatever the patient: its elimination parameters by
 * {@link Role}, whether its own covariates already change ketamine's elimination with age, and the well-stirred liver
 * back-calculated from the ketamine clearance of its 70-kg reference adult. Computed once per model by {@link
 * #of(PublishedModel)} and kept while the model is in use (the models are immutable); thread-safe.
 */
final class ReferenceLiver {
    /** Weak keys: a model built and dropped by a caller does not stay in memory through this memo. */
    private static final Map<PublishedModel, ReferenceLiver> BY_MODEL = Collections.synchronizedMap(
            new WeakHashMap<>());
    /** Ages at which a model's own covariates are compared with the same adult aged 40. */
    private static final double[] PROBE_AGES_YEARS = {61, 70, 80, 90, 100, 110, 120};

    final List<Parameter> parentClearances = new ArrayList<>();
    final List<Parameter> flows = new ArrayList<>();
    final List<Parameter> metabolismRates = new ArrayList<>();
    final List<Parameter> norketamine = new ArrayList<>();
    final List<Parameter> hydroxynorketamine = new ArrayList<>();
    /** Whether the model has its own liver compartment (a hepatic blood flow parameter). */
    final boolean physiological;
    /** Whether the model's own covariates change ketamine's elimination with age. */
    final boolean modelHandlesAge;
    /** The reference liver, or null when the model has no ketamine elimination or it could not be computed. */
    final WellStirredLiver liver;
    /** Renal share of the reference ketamine clearance, L/h. */
    final double renalClearanceLPerH;
    /**
     * What the back-calculation assumed or could not do, for the patients whose ketamine elimination changes: made
     * once per model and shared by every patient, written out only when shown.
     */
    final List<Warning> warnings;
    /** For models with a liver compartment, the note that kidney function leaves ketamine alone; otherwise null. */
    final Warning noOwnRenalExcretion;
    /** The model's routes whose dose, or part of it, is swallowed and passes the liver first; in route order. */
    final Set<Route> swallowedRoutes;

    private ReferenceLiver(PublishedModel model) {
        boolean hasFlow = false;
        for (Parameter p : model.parameters()) {
            hasFlow |= p.role() == Role.HEPATIC_BLOOD_FLOW;
        }
        physiological = hasFlow;
        for (Parameter p : model.parameters()) {
            switch (p.role()) {
                case PARENT_CLEARANCE -> parentClearances.add(p);
                case HEPATIC_BLOOD_FLOW -> flows.add(p);
                // without a liver compartment, metabolism rate constants are the parent's elimination
                case PARENT_METABOLISM_RATE, PARENT_OTHER_METABOLISM_RATE ->
                        (physiological ? metabolismRates : parentClearances).add(p);
                case METABOLITE_CLEARANCE -> norketamine.add(p);
                case SECONDARY_METABOLITE_CLEARANCE -> hydroxynorketamine.add(p);
                default -> {
                }
            }
        }
        modelHandlesAge = hasParent() && handlesAge(model);
        List<Warning> w = new ArrayList<>();
        double[] renal = {0};
        liver = hasParent() ? backCalculate(model, w, renal) : null;
        renalClearanceLPerH = renal[0];
        warnings = List.copyOf(w);
        // the words keep the model's id, not the model: the memo's key must stay collectable
        String id = model.id();
        noOwnRenalExcretion = physiological ? Mechanisms.adjustment(Words.lazy(() -> id + ": ketamine's own "
                + "renal excretion (1–2 % of a dose) is not represented separately in this model; ketamine clearance "
                + "is not changed by kidney function")) : null;
        Set<Route> swallowed = EnumSet.of(Route.ORAL, Route.SUBLINGUAL, Route.BUCCAL, Route.INTRANASAL);
        swallowed.retainAll(model.routes().keySet());
        swallowedRoutes = Collections.unmodifiableSet(swallowed);
    }

    /**
     * The model asked for last and its facts, read without the memo's lock: a population run asks for the same model
     * once per patient, on several threads at once. Weak, like the memo's keys.
     */
    private static volatile Last last;

    private record Last(WeakReference<PublishedModel> model, ReferenceLiver facts) {
    }

    /** @return the facts about {@code model}, computed on first use */
    static ReferenceLiver of(PublishedModel model) {
        Last l = last;
        if (l != null && model != null && l.model().get() == model) {
            return l.facts();
        }
        ReferenceLiver facts = BY_MODEL.computeIfAbsent(model, ReferenceLiver::new);
        last = new Last(new WeakReference<>(model), facts);
        return facts;
    }

    /** @return whether the model eliminates ketamine through a parameter the adjustments can change */
    boolean hasParent() {
        return !parentClearances.isEmpty() || !flows.isEmpty();
    }

    /**
     * Whether the model's own covariates change ketamine's elimination with age: either it has an age slope
     * parameter, or its elimination parameters for the standard adult differ from those of the same adult at an
     * age above the onset of the age effect.
     */
    private boolean handlesAge(PublishedModel model) {
        for (Parameter p : model.parameters()) {
            if (p.unit() == Unit.L_PER_H_PER_YEAR) {
                return true;
            }
        }
        List<Parameter> watched = new ArrayList<>(parentClearances);
        watched.addAll(flows);
        watched.addAll(metabolismRates);
        Patient adult = Patient.standardAdult();
        ParameterValues at40 = model.individualize(adult, PatientAdjuster.NONE).values();
        for (double age : PROBE_AGES_YEARS) {
            ParameterValues old = model.individualize(adult.withAgeYears(age), PatientAdjuster.NONE).values();
            for (Parameter p : watched) {
                if (old.get(p.name()) != at40.get(p.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The liver whose clearance is the model's ketamine clearance at the reference size: for a model with a liver
     * compartment at its own flow, otherwise the hepatic share at {@value
     * AdjustmentSources#REFERENCE_HEPATIC_FLOW_L_PER_H} L/h (raised when the model's clearance needs more).
     */
    private WellStirredLiver backCalculate(PublishedModel model, List<Warning> w, double[] renal) {
        String id = model.id();
        double cl;
        try {
            cl = SystemClearance.ofLPerH(model.individualize(Patient.standardAdult(), PatientAdjuster.NONE).system(),
                    Analyte.KETAMINE);
            if (model.routes().get(Route.INTRAVENOUS) == null) {
                w.add(Mechanisms.assumption(Words.lazy(() -> id + " has no intravenous route, so its "
                        + "ketamine clearance may be apparent (divided by bioavailability); the liver model treats it "
                        + "as systemic")));
            }
        } catch (IllegalStateException e) {
            String why = e.getMessage();
            w.add(Mechanisms.assumption(Words.lazy(() -> id + ": ketamine clearance could not be computed (" + why
                    + "); ketamine elimination is not adjusted")));
            return null;
        }
        if (physiological) {
            double q = 0;
            for (Parameter p : flows) {
                q += p.scaled(70);
            }
            if (!(q > 0)) {
                w.add(Mechanisms.assumption(Words.lazy(() -> id + ": hepatic flow is not positive; ketamine "
                        + "elimination is not adjusted")));
                return null;
            }
            double e = Math.min(cl / q, MAX_EXTRACTION);
            return WellStirredLiver.fromClearance(e * q, q, UNBOUND_FRACTION);
        }
        renal[0] = PARENT_RENAL_FRACTION * cl;
        double hepatic = cl - renal[0];
        double q = REFERENCE_HEPATIC_FLOW_L_PER_H;
        if (hepatic > MAX_EXTRACTION * q) {
            q = hepatic / MAX_EXTRACTION;
            double raised = q;
            w.add(Mechanisms.assumption(Words.lazy(() -> String.format(Locale.ROOT, "%s: ketamine hepatic clearance "
                    + "%s L/h exceeds %s of the reference hepatic flow %s L/h; the flow is raised to %s L/h for the "
                    + "liver model (assumption)", id, num(hepatic), num(MAX_EXTRACTION),
                    num(REFERENCE_HEPATIC_FLOW_L_PER_H), num(raised)))));
        }
        return WellStirredLiver.fromClearance(hepatic, q, UNBOUND_FRACTION);
    }
}
