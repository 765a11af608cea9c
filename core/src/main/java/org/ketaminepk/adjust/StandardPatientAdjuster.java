package org.ketaminepk.adjust;

import static org.ketaminepk.adjust.AdjustmentSources.HYDROXYNORKETAMINE_RENAL_FRACTION;
import static org.ketaminepk.adjust.AdjustmentSources.NORKETAMINE_RENAL_FRACTION;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.ketaminepk.adjust.Mechanisms.Effect;
import org.ketaminepk.adjust.Mechanisms.Part;
import org.ketaminepk.adjust.Mechanisms.Target;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;

/**
 * The library's standard patient adjustments: age (hepatic blood flow), liver disease (Child–Pugh), kidney function,
 * CYP2B6 genotype and interacting co-medication, applied to any model through the {@link Role}s of its parameters.
 * Stateless and thread-safe; {@link #instance()} is what {@code Simulation.standard()} uses.
 *
 * <h2>Mechanisms</h2>
 * <ul>
 * <li><b>Ketamine, compartmental models</b> (parameters with role {@link Role#PARENT_CLEARANCE}, a clearance or an
 * elimination rate constant): the model's clearance for the 70-kg reference adult is split into a renal share and a
 * hepatic share, the hepatic share is turned into an intrinsic clearance with the {@link WellStirredLiver} (once per
 * model: {@link ReferenceLiver}), flow and intrinsic clearance are changed by age, liver disease, genotype and
 * co-medication, the renal share by kidney function, and the clearance parameters are multiplied by the ratio of the
 * new to the old clearance. The extraction ratio is taken to be the same at every body size.</li>
 * <li><b>Ketamine, models with a liver compartment</b> ({@link Role#HEPATIC_BLOOD_FLOW} with {@link
 * Role#PARENT_METABOLISM_RATE} and {@link Role#PARENT_OTHER_METABOLISM_RATE}): the flow and the metabolism rate
 * constants are changed directly; the model's own age effect on flow is left to the model.</li>
 * <li><b>Norketamine</b> ({@link Role#METABOLITE_CLEARANCE}): a renal share scales with kidney function, the hepatic
 * share with intrinsic clearance in liver disease; rifampicin multiplies the whole.</li>
 * <li><b>Hydroxynorketamine</b> ({@link Role#SECONDARY_METABOLITE_CLEARANCE}): a renal share scales with kidney
 * function, the rest with functional liver size.</li>
 * </ul>
 * One record per mechanism says what it does ({@link AgeEffect}, {@link ChildPughEffect}, {@link GenotypeEffect},
 * {@link InteractionEffect}, {@link KidneyEffect}); the numbers and their sources are in {@link AdjustmentSources}.
 *
 * <p>Every change is recorded as one {@link Adjustment} per mechanism and parameter, in the order age, liver,
 * genotype, co-medication, kidney, so that the product of the factors is the total change; every assumption is also
 * a {@link Warning} of code {@link Warning.Code#ASSUMPTION}. A patient with nothing stated beyond body size, aged 60
 * or less, gets no adjustment at all. The reasons and warnings are written out only when read: a population run
 * that counts warnings formats none of them.
 *
 * <p>Not a validated dosing method: the liver and interaction factors are built from physiology and from studies of
 * other routes or of esketamine; each says so.
 */
public final class StandardPatientAdjuster implements PatientAdjuster {

    private static final StandardPatientAdjuster INSTANCE = new StandardPatientAdjuster();

    private StandardPatientAdjuster() {
    }

    /** @return the shared instance */
    public static StandardPatientAdjuster instance() {
        return INSTANCE;
    }

    @Override
    public ParameterValues adjust(PublishedModel model, Patient patient, ParameterValues values,
            List<Adjustment> adjustments, List<Warning> warnings) {
        Checks.notNull("model", model);
        Checks.notNull("patient", patient);
        for (String u : patient.unusualValues()) {
            warnings.add(Warning.text(Warning.Code.UNUSUAL_PATIENT_VALUE, u));
        }
        Plan plan = Plan.of(model, patient);
        if (plan.effects.isEmpty() && plan.planWarnings.isEmpty()) {
            // no mechanism applies to this patient: nothing to change and nothing to say
            return values;
        }
        return plan.apply(values, adjustments, warnings);
    }

    /**
     * The well-stirred liver behind the ketamine adjustments of {@code model} for {@code patient}, at the model's
     * 70-kg reference size, typical and adjusted. For models with a liver compartment the model's own covariate
     * effects (e.g. age on flow) are not included here; they are in the model's adjustments.
     *
     * @param model the model
     * @param patient the patient
     * @return the liver, or empty when the model has no ketamine elimination parameter
     */
    public Optional<LiverModel> liverModel(PublishedModel model, Patient patient) {
        Checks.notNull("model", model);
        Checks.notNull("patient", patient);
        return Plan.of(model, patient).liverModel();
    }

    /**
     * Ketamine's hepatic and renal clearance at the reference size, before and after this patient's adjustments.
     *
     * @param typical the liver as back-calculated from the model (or read from its liver compartment)
     * @param patient the liver for this patient
     * @param renalClearanceTypicalLPerH renal share of the typical clearance, L/h
     * @param renalClearancePatientLPerH renal clearance for this patient, L/h
     * @param physiological whether the model has its own liver compartment
     */
    public record LiverModel(WellStirredLiver typical, WellStirredLiver patient, double renalClearanceTypicalLPerH,
            double renalClearancePatientLPerH, boolean physiological) {
        /** @return total ketamine clearance, typical, L/h */
        public double clearanceTypicalLPerH() {
            return typical.clearanceLPerH() + renalClearanceTypicalLPerH;
        }

        /** @return total ketamine clearance for this patient, L/h */
        public double clearancePatientLPerH() {
            return patient.clearanceLPerH() + renalClearancePatientLPerH;
        }
    }

    /** The cumulative state of one analyte's determinants. */
    record State(double flow, double intrinsic, double hepatic, double renal, double total) {
        static final State ONE = new State(1, 1, 1, 1, 1);

        State times(Part p) {
            return new State(flow * p.flow(), intrinsic * p.intrinsic(), hepatic * p.hepatic(), renal * p.renal(),
                    total * p.total());
        }
    }

    /** The effects of one patient's mechanisms on one model, and their application. */
    private static final class Plan {
        private final PublishedModel model;
        private final ReferenceLiver ref;
        private final List<Effect> effects = new ArrayList<>();
        private final List<Warning> planWarnings = new ArrayList<>();

        private Plan(PublishedModel model) {
            this.model = model;
            this.ref = ReferenceLiver.of(model);
        }

        static Plan of(PublishedModel model, Patient patient) {
            Plan plan = new Plan(model);
            plan.effects.addAll(Mechanisms.effects(model, patient, plan.ref, plan.planWarnings));
            if (plan.changesParent()) {
                // the reference liver's assumptions matter only when ketamine's elimination changes
                plan.planWarnings.addAll(plan.ref.warnings);
            }
            return plan;
        }

        private boolean changesParent() {
            for (Effect e : effects) {
                for (Part p : e.parts()) {
                    if (p.target() == Target.PARENT) {
                        return true;
                    }
                }
            }
            return false;
        }

        private State parentState() {
            State s = State.ONE;
            for (Effect e : effects) {
                for (Part p : e.parts()) {
                    if (p.target() == Target.PARENT) {
                        s = s.times(p);
                    }
                }
            }
            return s;
        }

        Optional<LiverModel> liverModel() {
            if (ref.liver == null) {
                return Optional.empty();
            }
            State s = parentState();
            return Optional.of(new LiverModel(ref.liver, ref.liver.scaled(s.flow(), 1, s.intrinsic()),
                    ref.renalClearanceLPerH, ref.renalClearanceLPerH * s.renal(), ref.physiological));
        }

        private double parentClearance(State s) {
            return ref.liver.scaled(s.flow(), 1, s.intrinsic()).clearanceLPerH() + ref.renalClearanceLPerH * s.renal();
        }

        private static double metaboliteClearance(State s, double renalFraction) {
            return ((1 - renalFraction) * s.hepatic() + renalFraction * s.renal()) * s.total();
        }

        ParameterValues apply(ParameterValues values, List<Adjustment> adjustments, List<Warning> warnings) {
            State parent = State.ONE;
            State nk = State.ONE;
            State hnk = State.ONE;
            List<Warning> assumptions = new ArrayList<>();
            for (Effect e : effects) {
                boolean changed = false;
                for (Part p : e.parts()) {
                    switch (p.target()) {
                        case PARENT -> {
                            State next = parent.times(p);
                            if (ref.liver != null && ref.physiological) {
                                values = scale(values, ref.flows, next.flow() / parent.flow(), p, adjustments);
                                changed |= next.flow() != parent.flow();
                                values = scale(values, ref.metabolismRates, next.intrinsic() / parent.intrinsic(), p,
                                        adjustments);
                                changed |= next.intrinsic() != parent.intrinsic() && !ref.metabolismRates.isEmpty();
                            } else if (ref.liver != null) {
                                double f = parentClearance(next) / parentClearance(parent);
                                values = scale(values, ref.parentClearances, f, p, adjustments);
                                changed |= f != 1;
                            }
                            parent = next;
                        }
                        case NORKETAMINE -> {
                            State next = nk.times(p);
                            double f = metaboliteClearance(next, NORKETAMINE_RENAL_FRACTION)
                                    / metaboliteClearance(nk, NORKETAMINE_RENAL_FRACTION);
                            values = scale(values, ref.norketamine, f, p, adjustments);
                            changed |= f != 1 && !ref.norketamine.isEmpty();
                            nk = next;
                        }
                        default -> {
                            State next = hnk.times(p);
                            double f = metaboliteClearance(next, HYDROXYNORKETAMINE_RENAL_FRACTION)
                                    / metaboliteClearance(hnk, HYDROXYNORKETAMINE_RENAL_FRACTION);
                            values = scale(values, ref.hydroxynorketamine, f, p, adjustments);
                            changed |= f != 1 && !ref.hydroxynorketamine.isEmpty();
                            hnk = next;
                        }
                    }
                }
                if (changed) {
                    warnings.add(e.summary());
                    assumptions.addAll(e.assumptions());
                }
                warnings.addAll(e.notes());
            }
            if (ref.liver != null && !ref.physiological && (parent.flow() != 1 || parent.intrinsic() != 1)) {
                Set<Route> swallowed = ref.swallowedRoutes;
                if (!swallowed.isEmpty()) {
                    double fh = ref.liver.scaled(parent.flow(), 1, parent.intrinsic()).availability()
                            / ref.liver.availability();
                    String id = model.id();
                    assumptions.add(Mechanisms.assumption(Words.lazy(() -> String.format(Locale.ROOT, "%s: "
                            + "bioavailability of swallowed ketamine (%s) is a fixed parameter of this model and is "
                            + "not adjusted; the well-stirred liver predicts hepatic first-pass availability ×%s for "
                            + "this patient", id, routeNames(swallowed), num(fh)))));
                }
            }
            // each mechanism, each plan warning and each reference-liver warning is stated once, so no two are alike
            assumptions.addAll(planWarnings);
            warnings.addAll(assumptions);
            return values;
        }

        private static String routeNames(Set<Route> routes) {
            List<String> names = new ArrayList<>();
            for (Route r : routes) {
                names.add(r.longName());
            }
            return String.join(", ", names);
        }

        private static ParameterValues scale(ParameterValues values, List<Parameter> params, double factor, Part part,
                List<Adjustment> adjustments) {
            if (factor == 1 || Math.abs(factor - 1) < 1e-12) {
                return values;
            }
            for (Parameter p : params) {
                double before = values.get(p.name());
                double after = before * factor;
                values = values.with(p.name(), after);
                adjustments.add(Adjustment.worded(p.name(), p.unit().internalSymbol().replace("/kg", ""), before,
                        after, part.reason(), part.source()));
            }
            return values;
        }
    }

    /** Three significant digits, plain notation. */
    static String num(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
