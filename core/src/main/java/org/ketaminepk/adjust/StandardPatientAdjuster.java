package org.ketaminepk.adjust;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.GfrEstimate;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.Patient;

/**
 * The library's standard patient adjustments: age (hepatic blood flow), liver disease (Child–Pugh), kidney function,
 * CYP2B6 genotype and interacting co-medication, applied to any model through the {@link Role}s of its parameters.
 * Stateless and thread-safe; {@link #instance()} is what {@code Simulation.standard()} uses.
 *
 * <h2>Mechanisms</h2>
 * <ul>
 * <li><b>Ketamine, compartmental models</b> (parameters with role {@link Role#PARENT_CLEARANCE}, a clearance or an
 * elimination rate constant): the model's clearance for the 70-kg reference adult is split into a renal share
 * ({@value #PARENT_RENAL_FRACTION}) and a hepatic share, the hepatic share is turned into an intrinsic clearance with
 * the {@link WellStirredLiver} at a hepatic plasma flow of {@value #REFERENCE_HEPATIC_FLOW_L_PER_H} L/h and unbound
 * fraction {@value #UNBOUND_FRACTION}, flow and intrinsic clearance are changed by age, liver disease, genotype and
 * co-medication, the renal share by kidney function, and the clearance parameters are multiplied by the ratio of the
 * new to the old clearance. The extraction ratio is taken to be the same at every body size.</li>
 * <li><b>Ketamine, models with a liver compartment</b> ({@link Role#HEPATIC_BLOOD_FLOW} with {@link
 * Role#PARENT_METABOLISM_RATE} and {@link Role#PARENT_OTHER_METABOLISM_RATE}): the flow and the metabolism rate
 * constants are changed directly; the model's own age effect on flow is left to the model.</li>
 * <li><b>Norketamine</b> ({@link Role#METABOLITE_CLEARANCE}): a renal share ({@value #NORKETAMINE_RENAL_FRACTION})
 * scales with kidney function, the hepatic share with intrinsic clearance in liver disease; rifampicin multiplies
 * the whole.</li>
 * <li><b>Hydroxynorketamine</b> ({@link Role#SECONDARY_METABOLITE_CLEARANCE}): a renal share ({@value
 * #HYDROXYNORKETAMINE_RENAL_FRACTION}) scales with kidney function, the rest with functional liver size.</li>
 * </ul>
 * Kidney function is the patient's {@link Patient#gfrEstimate()} as a fraction of {@value
 * #NORMAL_KIDNEY_FUNCTION} mL/min(/1.73 m²), at most 1: the models' populations had normal kidneys, and better than
 * normal is not extrapolated.
 *
 * <p>Every change is recorded as one {@link Adjustment} per mechanism and parameter, in the order age, liver,
 * genotype, co-medication, kidney, so that the product of the factors is the total change; every assumption is also
 * a {@link Warning} of code {@link Warning.Code#ASSUMPTION}. A patient with nothing stated beyond body size, aged 60
 * or less, gets no adjustment at all.
 *
 * <p>Not a validated dosing method: the liver and interaction factors are built from physiology and from studies of
 * other routes or of esketamine; each says so.
 */
public final class StandardPatientAdjuster implements PatientAdjuster {

    /**
     * Hepatic plasma flow of the 70-kg reference adult, L/h: the typical value estimated for esketamine by Perez-Ruixo
     * C, Rossenu S, Zannikos P, et al., Clin Pharmacokinet 2021;60(4):501-16, doi:10.1007/s40262-020-00953-4, Table 3
     * (read in the nlmixr2lib transcription). Used for every model because it is referred to plasma, like the
     * models' clearances; a physiological liver blood flow (about 90 L/h) would need ketamine's blood:plasma ratio,
     * which was not found, and would lie below some models' clearances.
     */
    public static final double REFERENCE_HEPATIC_FLOW_L_PER_H = 151;
    /**
     * Unbound fraction of ketamine in plasma: esketamine is 43–45 % bound (Spravato summary of product
     * characteristics, Switzerland), so fu ≈ 0.56. Racemic ketamine is assumed to be the same.
     */
    public static final double UNBOUND_FRACTION = 0.56;
    /** Highest hepatic extraction accepted when back-calculating intrinsic clearance. */
    public static final double MAX_EXTRACTION = 0.95;
    /**
     * Renal share of ketamine clearance: about 2 % of a racemic dose is excreted unchanged in urine (secondary
     * sources; the esketamine label gives less than 1 %).
     */
    public static final double PARENT_RENAL_FRACTION = 0.02;
    /**
     * Renal share of norketamine clearance. Derived here: after 28 mg esketamine nasal spray, noresketamine AUC was
     * 39 % higher with creatinine clearance 30–47 mL/min and 55 % higher with 5–28 mL/min than with normal kidneys
     * (Spravato renal-impairment study NCT02606084, as summarised by J&amp;J Medical Information). With AUC ∝
     * 1/clearance, kidney function at the group mid-points (38.5 and 16.5 of {@value #NORMAL_KIDNEY_FUNCTION}) gives
     * renal shares of 0.456 and 0.425; their mean is used. The mild group (58–77 mL/min), whose noresketamine AUC was
     * slightly <em>lower</em>, is not reproduced.
     */
    public static final double NORKETAMINE_RENAL_FRACTION = 0.44;
    /**
     * Renal share of hydroxynorketamine clearance: an assumption (no number found; hydroxynorketamines are cleared by
     * glucuronidation and urinary excretion).
     */
    public static final double HYDROXYNORKETAMINE_RENAL_FRACTION = 0.5;
    /** Normal kidney function, mL/min or mL/min/1.73 m² (an assumption; young adults measure 100–130). */
    public static final double NORMAL_KIDNEY_FUNCTION = 100;
    /** Age above which hepatic flow declines, years (Perez-Ruixo 2021, esketamine). */
    public static final double AGE_FLOW_ONSET_YEARS = 60;
    /**
     * Fractional decline of hepatic flow per year above {@value #AGE_FLOW_ONSET_YEARS}: 2.19 L/h per year of 151 L/h
     * (Perez-Ruixo 2021, esketamine), transferred to other models as an assumption.
     */
    public static final double AGE_FLOW_DECLINE_PER_YEAR = 2.19 / 151;

    static final String WELL_STIRRED = "Wilkinson GR, Shand DG. Clin Pharmacol Ther 1975;18(4):377-90; Pang KS, "
            + "Rowland M. J Pharmacokinet Biopharm 1977;5(6):625-53, doi:10.1007/BF01059688";
    static final String PEREZ_RUIXO = "Perez-Ruixo C et al. Clin Pharmacokinet 2021;60(4):501-16, "
            + "doi:10.1007/s40262-020-00953-4";
    static final String AGE_SOURCE = "assumption: hepatic flow −2.19 L/h per year above 60 of 151 L/h, estimated for "
            + "esketamine by " + PEREZ_RUIXO + ", transferred to this model; well-stirred liver (" + WELL_STIRRED + ")";
    static final String DETTLI = "Dettli L. Clin Pharmacol Ther 1974;16:274 (elimination linear in creatinine "
            + "clearance)";
    static final String PARENT_RENAL_SOURCE = "assumption: renal share 0.02 of ketamine clearance (about 2 % of a "
            + "dose excreted unchanged; secondary sources), scaled linearly with kidney function (" + DETTLI
            + "), normal = 100 mL/min (assumed)";
    static final String NK_RENAL_SOURCE = "assumption: renal share 0.44 of norketamine clearance, derived from "
            + "noresketamine AUC +39 % (CLcr 30–47 mL/min) and +55 % (CLcr 5–28 mL/min) after 28 mg esketamine nasal "
            + "spray (Spravato renal-impairment study NCT02606084, J&J Medical Information) with AUC ∝ 1/clearance; "
            + "scaled linearly with kidney function (" + DETTLI + "), normal = 100 mL/min (assumed)";
    static final String HNK_RENAL_SOURCE = "assumption: renal share 0.5 of hydroxynorketamine clearance (no number "
            + "found), scaled linearly with kidney function (" + DETTLI + "), normal = 100 mL/min (assumed)";
    static final String NK_LIVER_SOURCE = "assumption: norketamine's hepatic share (0.56 of its clearance) treated as "
            + "low-extraction, so it scales with intrinsic clearance; intrinsic-clearance factor from "
            + ChildPughEffect.SOURCE.substring("assumption: ".length());
    static final String HNK_LIVER_SOURCE = "assumption: hydroxynorketamine's hepatic share (0.5 of its clearance, "
            + "glucuronidation) scales with functional liver size (Li, Barton & Maurer 2015, doi:10.1002/psp4.39)";

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
        Plan plan = Plan.of(model, patient, values);
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
        ParameterValues values = model.individualize(patient, PatientAdjuster.NONE).values();
        Plan plan = Plan.of(model, patient, values);
        plan.prepareLiver(true);
        return plan.liverModel();
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

    /** Which analyte's elimination a part of an effect acts on. */
    enum Target {
        PARENT, NORKETAMINE, HYDROXYNORKETAMINE
    }

    /**
     * Multipliers one mechanism applies to one analyte's determinants of clearance: for ketamine hepatic flow,
     * intrinsic clearance and renal function; for metabolites hepatic share, renal function and the whole.
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
     * shown when it changes something, its assumptions, and notes shown whatever it changes.
     */
    record Effect(String mechanism, Words summary, List<Part> parts, List<Words> assumptions, List<Words> notes) {
    }

    /** The cumulative state of one analyte's determinants. */
    record State(double flow, double intrinsic, double hepatic, double renal, double total) {
        static final State ONE = new State(1, 1, 1, 1, 1);

        State times(Part p) {
            return new State(flow * p.flow(), intrinsic * p.intrinsic(), hepatic * p.hepatic(), renal * p.renal(),
                    total * p.total());
        }
    }

    /** Everything the adjuster decided for one model and patient. */
    static final class Plan {
        private final PublishedModel model;
        private final Patient patient;
        private final boolean physiological;
        private final List<Parameter> parentClearances = new ArrayList<>();
        private final List<Parameter> flows = new ArrayList<>();
        private final List<Parameter> metabolismRates = new ArrayList<>();
        private final List<Parameter> norketamine = new ArrayList<>();
        private final List<Parameter> hydroxynorketamine = new ArrayList<>();
        private final List<Effect> effects = new ArrayList<>();
        private final List<Words> planWarnings = new ArrayList<>();
        private WellStirredLiver liver;
        private double renalClearanceLPerH;

        private Plan(PublishedModel model, Patient patient) {
            this.model = model;
            this.patient = patient;
            boolean hasFlow = false;
            for (Parameter p : model.parameters()) {
                hasFlow |= p.role() == Role.HEPATIC_BLOOD_FLOW;
            }
            this.physiological = hasFlow;
            for (Parameter p : model.parameters()) {
                switch (p.role()) {
                    case PARENT_CLEARANCE:
                        parentClearances.add(p);
                        break;
                    case HEPATIC_BLOOD_FLOW:
                        flows.add(p);
                        break;
                    case PARENT_METABOLISM_RATE:
                    case PARENT_OTHER_METABOLISM_RATE:
                        // without a liver compartment, metabolism rate constants are the parent's elimination
                        (physiological ? metabolismRates : parentClearances).add(p);
                        break;
                    case METABOLITE_CLEARANCE:
                        norketamine.add(p);
                        break;
                    case SECONDARY_METABOLITE_CLEARANCE:
                        hydroxynorketamine.add(p);
                        break;
                    default:
                        break;
                }
            }
        }

        static Plan of(PublishedModel model, Patient patient, ParameterValues values) {
            Plan plan = new Plan(model, patient);
            plan.addAgeEffect(values);
            plan.addLiverEffect();
            plan.addGenotypeEffect();
            plan.addInteractionEffects();
            plan.addKidneyEffect();
            plan.prepareLiver(false);
            return plan;
        }

        private boolean hasParent() {
            return !parentClearances.isEmpty() || !flows.isEmpty();
        }

        private void addAgeEffect(ParameterValues values) {
            double years = patient.ageYears() - AGE_FLOW_ONSET_YEARS;
            if (years <= 0 || !hasParent() || modelHandlesAge(values)) {
                return;
            }
            double f = 1 - AGE_FLOW_DECLINE_PER_YEAR * years;
            double age = patient.ageYears();
            Words reason = Words.lazy(() -> String.format(Locale.ROOT,
                    "age %s years: hepatic flow ×%s (−2.19/151 per year above 60)", Checks.fmt(age), num(f)));
            effects.add(new Effect("age", reason, List.of(Part.parent(f, 1, 1, reason, AGE_SOURCE)),
                    List.of(Words.lazy(() -> "age " + Checks.fmt(age) + " years: the decline of hepatic flow with age "
                            + "estimated for esketamine (Perez-Ruixo 2021, −2.19 L/h per year above 60) is "
                            + "transferred to " + model.id())),
                    List.of()));
        }

        /**
         * Whether the model's own covariates already change ketamine's elimination with age: either it has an age
         * slope parameter, or its parameters for this patient differ from those for the same patient aged 40.
         */
        private boolean modelHandlesAge(ParameterValues values) {
            for (Parameter p : model.parameters()) {
                if (p.unit() == Unit.L_PER_H_PER_YEAR) {
                    return true;
                }
            }
            ParameterValues at40 = model.individualize(patient.withAgeYears(40), PatientAdjuster.NONE).values();
            List<Parameter> watched = new ArrayList<>(parentClearances);
            watched.addAll(flows);
            watched.addAll(metabolismRates);
            for (Parameter p : watched) {
                if (values.get(p.name()) != at40.get(p.name())) {
                    return true;
                }
            }
            return false;
        }

        private void addLiverEffect() {
            Optional<ChildPughClass> cls = patient.childPughClass();
            if (cls.isEmpty()) {
                return;
            }
            ChildPughEffect e = ChildPughEffect.of(cls.get());
            String label = "Child–Pugh " + cls.get() + (patient.childPughScore().isPresent()
                    ? " (score " + patient.childPughScore().getAsInt() + ")" : "");
            double clint = e.intrinsicClearanceFactor() * e.unboundFractionFactor();
            Words parentReason = Words.lazy(() -> label + ": " + e.describe());
            double nkHepatic = e.intrinsicClearanceFactor();
            List<Part> parts = List.of(
                    Part.parent(e.hepaticFlowFactor(), clint, 1, parentReason, ChildPughEffect.SOURCE),
                    Part.metabolite(Target.NORKETAMINE, nkHepatic, 1, 1, Words.lazy(() -> String.format(Locale.ROOT,
                            "%s: hepatic share %s of norketamine clearance × intrinsic clearance %s", label,
                            num(1 - NORKETAMINE_RENAL_FRACTION), num(nkHepatic))), NK_LIVER_SOURCE),
                    Part.metabolite(Target.HYDROXYNORKETAMINE, e.functionalLiverSizeFactor(), 1, 1,
                            Words.lazy(() -> String.format(Locale.ROOT, "%s: hepatic share %s of hydroxynorketamine "
                                    + "clearance × functional liver size %s", label,
                                    num(1 - HYDROXYNORKETAMINE_RENAL_FRACTION), num(e.functionalLiverSizeFactor()))),
                            HNK_LIVER_SOURCE));
            List<Words> notes = new ArrayList<>();
            if (cls.get() == ChildPughClass.C) {
                notes.add(Words.of("Child–Pugh C: esketamine was not studied in severe hepatic impairment and its "
                        + "label advises against use; these factors are an extrapolation"));
            }
            if (cls.get() != ChildPughClass.A && patient.gfrEstimate().isEmpty()) {
                notes.add(Words.lazy(() -> String.format(Locale.ROOT, "Child–Pugh %s often comes with reduced kidney "
                        + "function (GFR ×%s in the Open Systems Pharmacology hepatic-impairment population); kidney "
                        + "function was not given, so it is not adjusted", cls.get(), num(e.gfrFactor()))));
            }
            effects.add(new Effect("liver", parentReason, parts,
                    List.of(Words.lazy(() -> "Child–Pugh " + cls.get() + ": hepatic flow ×" + num(e.hepaticFlowFactor())
                            + " and ketamine intrinsic clearance ×" + num(clint) + " combine cirrhosis physiology "
                            + "(Li 2015; Open Systems Pharmacology) with an assumed 75/25 portal/arterial inflow and "
                            + "50/50 CYP2B6/CYP3A4 share; not validated for ketamine")),
                    notes));
        }

        private void addGenotypeEffect() {
            GenotypeEffect g = GenotypeEffect.of(patient.cyp2b6());
            if (g.intrinsicClearanceFactor() == 1 || !hasParent()) {
                return;
            }
            String genotype = patient.cyp2b6().label();
            Words reason = Words.lazy(() -> String.format(Locale.ROOT,
                    "CYP2B6 %s: CYP2B6 activity ×%s, intrinsic clearance ×%s", genotype, num(g.cyp2b6ActivityFactor()),
                    num(g.intrinsicClearanceFactor())));
            effects.add(new Effect("CYP2B6 genotype", reason,
                    List.of(Part.parent(1, g.intrinsicClearanceFactor(), 1, reason, GenotypeEffect.SOURCE)),
                    List.of(Words.lazy(() -> "CYP2B6 " + genotype + ": lower ketamine clearance is the in-vitro "
                            + "direction, but in vivo evidence is mixed (no effect after oral ketamine, Rao 2016); "
                            + "the size applied is an assumption")),
                    List.of()));
        }

        private void addInteractionEffects() {
            int changing = 0;
            for (CoMedication c : patient.coMedications()) {
                InteractionEffect e = InteractionEffect.of(c);
                if (!e.changesAnything()) {
                    effects.add(new Effect(c.label(), Words.lazy(() -> c.label() + ": no change"), List.of(),
                            List.of(), List.of(Words.lazy(() -> c.label() + " (" + c.mechanism()
                                    + "): no change applied — " + e.observed() + " (" + e.source() + ")"))));
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
                effects.add(new Effect(c.label(), reason, parts,
                        List.of(Words.lazy(() -> c.label() + ": factors derived from interaction studies of S-ketamine "
                                + "or esketamine, partly by other routes (observed: " + e.observed() + "); see the "
                                + "adjustment's source for the derivation")),
                        List.of()));
            }
            if (changing > 1) {
                planWarnings.add(Words.of("several interacting co-medications: their effects are multiplied "
                        + "(independence assumed)"));
            }
        }

        private void addKidneyEffect() {
            Optional<GfrEstimate> g = patient.gfrEstimate();
            if (g.isEmpty()) {
                if (patient.ageYears() >= 65 && patient.kidney() instanceof KidneyFunction.NotStated) {
                    planWarnings.add(Words.of("kidney function not given: kidney function falls with age, give "
                            + "serum creatinine or eGFR to account for it"));
                }
                return;
            }
            double r = Math.min(1, g.get().value() / NORMAL_KIDNEY_FUNCTION);
            if (r == 1) {
                return;
            }
            GfrEstimate gfr = g.get();
            Words label = Words.lazy(() -> String.format(Locale.ROOT, "kidney function %s %s (%s) = %s of normal",
                    num(gfr.value()), gfr.unit(), gfr.method(), num(r)));
            List<Part> parts = new ArrayList<>();
            List<Words> notes = new ArrayList<>();
            if (physiological) {
                notes.add(Words.lazy(() -> model.id() + ": ketamine's own renal excretion (1–2 % of a dose) is not "
                        + "represented separately in this model; ketamine clearance is not changed by kidney function"));
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
            if (gfr.value() < 15) {
                notes.add(Words.of("kidney function below 15: dialysis is not represented, and the linear scaling of "
                        + "renal clearance is an extrapolation below the esketamine study's lowest group (5–28 "
                        + "mL/min)"));
            }
            effects.add(new Effect("kidney", label, parts,
                    List.of(Words.of("kidney function: renal shares of elimination (ketamine 0.02, norketamine 0.44, "
                            + "hydroxynorketamine 0.5) scale linearly with kidney function relative to 100 mL/min; "
                            + "the norketamine share is derived from one esketamine study and the others are "
                            + "assumed")),
                    notes));
        }

        /**
         * Back-calculates the reference liver, when some mechanism changes ketamine's elimination (or always, for
         * reports).
         */
        void prepareLiver(boolean always) {
            if (!hasParent() || liver != null) {
                return;
            }
            boolean needed = always;
            for (Effect e : effects) {
                for (Part p : e.parts()) {
                    needed |= p.target() == Target.PARENT;
                }
            }
            if (!needed) {
                return;
            }
            double cl;
            try {
                PublishedModel.RouteSource iv = model.routes().get(Route.INTRAVENOUS);
                cl = SystemClearance.ofLPerH(model.individualize(Patient.standardAdult(), PatientAdjuster.NONE)
                        .system(), Analyte.KETAMINE);
                if (iv == null) {
                    planWarnings.add(Words.lazy(() -> model.id() + " has no intravenous route, so its ketamine "
                            + "clearance may be apparent (divided by bioavailability); the liver model treats it as "
                            + "systemic"));
                }
            } catch (IllegalStateException e) {
                planWarnings.add(Words.lazy(() -> model.id() + ": ketamine clearance could not be computed ("
                        + e.getMessage() + "); ketamine elimination is not adjusted"));
                parentClearances.clear();
                flows.clear();
                metabolismRates.clear();
                return;
            }
            if (physiological) {
                double q = 0;
                for (Parameter p : flows) {
                    q += p.scaled(70);
                }
                if (!(q > 0)) {
                    planWarnings.add(Words.lazy(() -> model.id() + ": hepatic flow is not positive; ketamine "
                            + "elimination is not adjusted"));
                    parentClearances.clear();
                    flows.clear();
                    metabolismRates.clear();
                    return;
                }
                double e = Math.min(cl / q, MAX_EXTRACTION);
                liver = WellStirredLiver.fromClearance(e * q, q, UNBOUND_FRACTION);
                renalClearanceLPerH = 0;
                return;
            }
            renalClearanceLPerH = PARENT_RENAL_FRACTION * cl;
            double hepatic = cl - renalClearanceLPerH;
            double q = REFERENCE_HEPATIC_FLOW_L_PER_H;
            if (hepatic > MAX_EXTRACTION * q) {
                q = hepatic / MAX_EXTRACTION;
                double raised = q;
                planWarnings.add(Words.lazy(() -> String.format(Locale.ROOT, "%s: ketamine hepatic clearance %s L/h "
                        + "exceeds %s of the reference hepatic flow %s L/h; the flow is raised to %s L/h for the liver "
                        + "model (assumption)", model.id(), num(hepatic), num(MAX_EXTRACTION),
                        num(REFERENCE_HEPATIC_FLOW_L_PER_H), num(raised))));
            }
            liver = WellStirredLiver.fromClearance(hepatic, q, UNBOUND_FRACTION);
        }

        Optional<LiverModel> liverModel() {
            if (liver == null) {
                return Optional.empty();
            }
            State s = State.ONE;
            for (Effect e : effects) {
                for (Part p : e.parts()) {
                    if (p.target() == Target.PARENT) {
                        s = s.times(p);
                    }
                }
            }
            return Optional.of(new LiverModel(liver, liver.scaled(s.flow(), 1, s.intrinsic()), renalClearanceLPerH,
                    renalClearanceLPerH * s.renal(), physiological));
        }

        private double parentClearance(State s) {
            return liver.scaled(s.flow(), 1, s.intrinsic()).clearanceLPerH() + renalClearanceLPerH * s.renal();
        }

        private static double metaboliteClearance(State s, double renalFraction) {
            return ((1 - renalFraction) * s.hepatic() + renalFraction * s.renal()) * s.total();
        }

        ParameterValues apply(ParameterValues values, List<Adjustment> adjustments, List<Warning> warnings) {
            State parent = State.ONE;
            State nk = State.ONE;
            State hnk = State.ONE;
            Assumptions assumptions = new Assumptions();
            for (Effect e : effects) {
                boolean changed = false;
                for (Part p : e.parts()) {
                    switch (p.target()) {
                        case PARENT: {
                            State next = parent.times(p);
                            if (liver != null) {
                                if (physiological) {
                                    values = scale(values, flows, next.flow() / parent.flow(), p, adjustments);
                                    changed |= next.flow() != parent.flow();
                                    values = scale(values, metabolismRates, next.intrinsic() / parent.intrinsic(), p,
                                            adjustments);
                                    changed |= next.intrinsic() != parent.intrinsic() && !metabolismRates.isEmpty();
                                } else {
                                    double f = parentClearance(next) / parentClearance(parent);
                                    values = scale(values, parentClearances, f, p, adjustments);
                                    changed |= f != 1;
                                }
                            }
                            parent = next;
                            break;
                        }
                        case NORKETAMINE: {
                            State next = nk.times(p);
                            double f = metaboliteClearance(next, NORKETAMINE_RENAL_FRACTION)
                                    / metaboliteClearance(nk, NORKETAMINE_RENAL_FRACTION);
                            values = scale(values, norketamine, f, p, adjustments);
                            changed |= f != 1 && !norketamine.isEmpty();
                            nk = next;
                            break;
                        }
                        default: {
                            State next = hnk.times(p);
                            double f = metaboliteClearance(next, HYDROXYNORKETAMINE_RENAL_FRACTION)
                                    / metaboliteClearance(hnk, HYDROXYNORKETAMINE_RENAL_FRACTION);
                            values = scale(values, hydroxynorketamine, f, p, adjustments);
                            changed |= f != 1 && !hydroxynorketamine.isEmpty();
                            hnk = next;
                            break;
                        }
                    }
                }
                if (changed) {
                    warnings.add(Warning.of(Warning.Kind.ADJUSTMENT, e.summary()));
                    assumptions.addAll(e.assumptions());
                }
                for (Words n : e.notes()) {
                    warnings.add(Warning.of(Warning.Kind.ADJUSTMENT, n));
                }
            }
            if (liver != null && !physiological && (parent.flow() != 1 || parent.intrinsic() != 1)) {
                Set<Route> swallowed = EnumSet.of(Route.ORAL, Route.SUBLINGUAL, Route.BUCCAL, Route.INTRANASAL);
                swallowed.retainAll(model.routes().keySet());
                if (!swallowed.isEmpty()) {
                    double fh = liver.scaled(parent.flow(), 1, parent.intrinsic()).availability()
                            / liver.availability();
                    assumptions.add(Words.lazy(() -> String.format(Locale.ROOT, "%s: bioavailability of swallowed "
                            + "ketamine (%s) is a fixed parameter of this model and is not adjusted; the well-stirred "
                            + "liver predicts hepatic first-pass availability ×%s for this patient", model.id(),
                            routeNames(swallowed), num(fh))));
                }
            }
            assumptions.addAll(planWarnings);
            for (Words a : assumptions.list) {
                warnings.add(Warning.of(Warning.Kind.ASSUMPTION, a));
            }
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

    /**
     * Assumptions in the order first stated, each once. Written words are compared as they are; words still to be
     * written describe one patient's numbers, are not repeated by another effect, and are kept unwritten.
     */
    private static final class Assumptions {
        final List<Words> list = new ArrayList<>();
        private final Set<Words> written = new java.util.HashSet<>();

        void add(Words w) {
            if (!w.written() || written.add(w)) {
                list.add(w);
            }
        }

        void addAll(List<Words> ws) {
            for (Words w : ws) {
                add(w);
            }
        }
    }

    /** Three significant digits, plain notation. */
    static String num(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
