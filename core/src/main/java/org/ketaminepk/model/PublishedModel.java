package org.ketaminepk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.patient.Patient;

/**
 * A published (or clearly labelled composite) ketamine model: its provenance, its population, every parameter
 * as printed, its variability, its weight and covariate scaling, and the compartment structure it yields for a
 * patient. Instances are immutable and thread-safe; the library's models are constants in
 * {@link org.ketaminepk.library.Models}.
 *
 * <p>Not a fitting tool: parameters are fixed at the published typical values.
 */
public final class PublishedModel {

    /** Builds the compartment system from an individual's parameters. */
    @FunctionalInterface
    public interface Structure {
        /**
         * @param p individual parameters, internal units
         * @param patient the patient (for routes whose split depends on the patient)
         * @return the system
         */
        CompartmentSystem build(ParameterValues p, Patient patient);
    }

    /**
     * Adds the compartment structure for an individual's parameters to a builder that the model supplies: the
     * other way to write a {@link Structure}, for a structure that adds the same compartments, sinks and flows, in
     * the same order, for every patient. The model keeps the layout of the first system it builds and hands every
     * later patient a builder that expects it ({@link CompartmentSystem#builder(CompartmentSystem.Layout)}), so
     * that only the patient's rate constants, volumes and route inputs are made anew. A structure whose parts
     * differ for some patient still builds correctly, only without that saving.
     */
    @FunctionalInterface
    public interface Assembly {
        /**
         * @param b the builder to add compartments, sinks, flows, observations and routes to
         * @param p individual parameters, internal units
         * @param patient the patient (for routes whose split depends on the patient)
         */
        void addTo(CompartmentSystem.Builder b, ParameterValues p, Patient patient);
    }

    /** A model's own covariate effects beyond weight scaling (e.g. age on hepatic blood flow). */
    @FunctionalInterface
    public interface Covariates {
        /** No covariate effects beyond weight. */
        Covariates NONE = (p, patient, adjustments) -> p;

        /**
         * @param p parameters after weight scaling
         * @param patient the patient
         * @param adjustments where to record each change
         * @return the parameters after covariate effects
         */
        ParameterValues apply(ParameterValues p, Patient patient, List<Adjustment> adjustments);
    }

    /**
     * Where a route's parameters come from, when they do not come from the model's own paper.
     *
     * @param route the route
     * @param studied whether the model's own source studied this route
     * @param source citation of the route's bioavailability and absorption numbers
     */
    public record RouteSource(Route route, boolean studied, String source) {
    }

    private final String id;
    private final String name;
    private final Citation citation;
    private final DrugForm drugForm;
    private final Population population;
    private final SamplingSite samplingSite;
    private final double ageMinYears;
    private final double ageMaxYears;
    private final double weightMinKg;
    private final double weightMaxKg;
    /** Longest time after the first dose that the source's samples cover, h, or NaN when not recorded. */
    private final double studiedSpanH;
    /** What the samples were and where {@link #studiedSpanH} was read, or null when not recorded. */
    private final String studiedSpanSource;
    private final List<Parameter> parameters;
    /** The parameter names, shared by the values of every individualisation. */
    private final ParameterValues.Names parameterNames;
    /** Each parameter's value at the 70-kg reference, internal units, in the order of {@link #parameters}. */
    private final double[] referenceValues;
    /** Each parameter's internal unit without "/kg", as its weight adjustment states it. */
    private final String[] adjustedUnits;
    private final List<Variability> variability;
    private final List<Variability> occasionVariability;
    private final List<ResidualError> residualErrors;
    private final String scaling;
    private final List<String> assumptions;
    /** The source of every weight-scaling adjustment: "published scaling of {id}: {scaling}". */
    private final String scalingSource;
    /** One warning per assumption, made once and shared by every individualisation. */
    private final List<Warning> assumptionWarnings;
    private final List<String> notes;
    private final Map<Route, RouteSource> routes;
    private final Set<Analyte> analytes;
    private final Structure structure;
    /** The structure as an {@link Assembly}, or null when it is a plain {@link Structure}. */
    private final Assembly assembly;
    /**
     * The layout of the first system {@link #assembly} built, or null before it: any patient's will do, since it
     * only serves as what later builders expect. Immutable, so a thread that reads another's is safe.
     */
    private volatile CompartmentSystem.Layout layout;
    private final Covariates covariates;
    private final boolean composite;

    private PublishedModel(Builder b) {
        this.id = b.id;
        this.name = Checks.notNull("name", b.name);
        this.citation = Checks.notNull("citation", b.citation);
        this.drugForm = Checks.notNull("drugForm", b.drugForm);
        this.population = Checks.notNull("population", b.population);
        this.samplingSite = Checks.notNull("samplingSite", b.samplingSite);
        this.ageMinYears = b.ageMin;
        this.ageMaxYears = b.ageMax;
        this.weightMinKg = b.weightMin;
        this.weightMaxKg = b.weightMax;
        this.studiedSpanH = b.studiedSpanH;
        this.studiedSpanSource = b.studiedSpanSource;
        this.parameters = List.copyOf(b.parameters.values());
        this.parameterNames = new ParameterValues.Names(b.parameters.keySet().toArray(new String[0]));
        this.referenceValues = new double[parameters.size()];
        this.adjustedUnits = new String[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            referenceValues[i] = parameters.get(i).scaled(70);
            adjustedUnits[i] = parameters.get(i).unit().internalSymbol().replace("/kg", "");
        }
        this.variability = List.copyOf(b.variability);
        this.occasionVariability = List.copyOf(b.occasionVariability);
        this.residualErrors = List.copyOf(b.residualErrors);
        this.scaling = Checks.notNull("scaling", b.scaling);
        this.assumptions = List.copyOf(b.assumptions);
        this.scalingSource = "published scaling of " + b.id + ": " + scaling;
        List<Warning> aw = new ArrayList<>();
        for (String a : assumptions) {
            aw.add(Warning.of(Warning.Kind.MODEL_ASSUMPTION, b.id, a));
        }
        this.assumptionWarnings = List.copyOf(aw);
        this.notes = List.copyOf(b.notes);
        this.routes = Collections.unmodifiableMap(new EnumMap<>(b.routes));
        this.analytes = Collections.unmodifiableSet(b.analytes.isEmpty() ? Set.of(Analyte.KETAMINE)
                : java.util.EnumSet.copyOf(b.analytes));
        if (b.structure == null && b.assembly == null) {
            throw new IllegalStateException("model " + id + " declares no structure");
        }
        this.structure = b.structure;
        this.assembly = b.assembly;
        this.covariates = b.covariates;
        this.composite = b.composite;
        if (routes.isEmpty()) {
            throw new IllegalStateException("model " + id + " declares no route");
        }
    }

    /** @return a builder for a model with this id ({@code firstauthor-year}) */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the id, e.g. {@code kamp-2020} */
    public String id() {
        return id;
    }

    /** @return a short human name */
    public String name() {
        return name;
    }

    /** @return the primary citation */
    public Citation citation() {
        return citation;
    }

    /** @return racemic, S-ketamine or esketamine */
    public DrugForm drugForm() {
        return drugForm;
    }

    /** @return who the model was estimated from */
    public Population population() {
        return population;
    }

    /** @return where concentrations were measured */
    public SamplingSite samplingSite() {
        return samplingSite;
    }

    /**
     * @return the longest time after the first dose that the source's samples cover, h, beyond which a curve is
     *         extrapolated; empty when the source's sampling span is not recorded here
     */
    public OptionalDouble studiedSpanH() {
        return Double.isNaN(studiedSpanH) ? OptionalDouble.empty() : OptionalDouble.of(studiedSpanH);
    }

    /** @return what the samples were and where the studied span was read, or empty when it is not recorded */
    public Optional<String> studiedSpanSource() {
        return Optional.ofNullable(studiedSpanSource);
    }

    /** @return youngest age without an extrapolation warning, years */
    public double ageMinYears() {
        return ageMinYears;
    }

    /** @return oldest age without an extrapolation warning, years */
    public double ageMaxYears() {
        return ageMaxYears;
    }

    /** @return lightest weight without an extrapolation warning, kg */
    public double weightMinKg() {
        return weightMinKg;
    }

    /** @return heaviest weight without an extrapolation warning, kg */
    public double weightMaxKg() {
        return weightMaxKg;
    }

    /** @return every parameter, as published */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** @return the parameter called {@code name} */
    public Parameter parameter(String pname) {
        for (Parameter p : parameters) {
            if (p.name().equals(pname)) {
                return p;
            }
        }
        throw new IllegalStateException("model " + id + " has no parameter " + pname);
    }

    /** @return interindividual variability terms as published */
    public List<Variability> variability() {
        return variability;
    }

    /**
     * @return between-occasion variability terms as published (a fresh draw per dosing occasion, added to the
     *         patient's own random effect); empty when none was published
     */
    public List<Variability> occasionVariability() {
        return occasionVariability;
    }

    /** @return the published residual error of each analyte that has one */
    public List<ResidualError> residualErrors() {
        return residualErrors;
    }

    /** @return the published weight/age scaling, in words */
    public String scaling() {
        return scaling;
    }

    /** @return labelled assumptions (empty for a model used exactly as published) */
    public List<String> assumptions() {
        return assumptions;
    }

    /** @return provenance notes: transcriptions used, discrepancies settled */
    public List<String> notes() {
        return notes;
    }

    /** @return the routes the model accepts and where their numbers come from */
    public Map<Route, RouteSource> routes() {
        return routes;
    }

    /** @return the analytes the model predicts */
    public Set<Analyte> analytes() {
        return analytes;
    }

    /** @return whether this is a composite of several sources rather than one paper's model */
    public boolean composite() {
        return composite;
    }

    /** @return typical values, internal units, unscaled */
    public ParameterValues typicalValues() {
        double[] v = new double[parameters.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = parameters.get(i).internalValue();
        }
        return ParameterValues.of(parameterNames, v);
    }

    /** BMI from which a model's unrecorded studied BMI range is mentioned, kg/m² (WHO obesity class II). */
    static final double BMI_UNKNOWN_AT_OR_ABOVE = 35;

    /** BMI below which a model's unrecorded studied BMI range is mentioned, kg/m² (WHO moderate thinness). */
    static final double BMI_UNKNOWN_BELOW = 16;

    /**
     * Individualises the model: weight scaling, the model's own covariates, then {@code adjuster}; collects the
     * adjustments made and the warnings (extrapolation, assumptions, routes not studied).
     *
     * @param patient the patient
     * @param adjuster organ function and interactions (the standard one is {@code StandardPatientAdjuster.instance()})
     * @return the individual model
     * @throws org.ketaminepk.base.InvalidInputException if an argument is missing
     */
    public IndividualModel individualize(Patient patient, PatientAdjuster adjuster) {
        Checks.notNull("patient", patient);
        Checks.notNull("adjuster", adjuster);
        // sized so that the usual adjustments (weight, random effects, organ function) and warnings (the model's
        // assumptions and a few of the patient's own) fit without growing the lists, once per patient
        List<Adjustment> adjustments = new ArrayList<>(parameters.size());
        List<Warning> warnings = new ArrayList<>(assumptionWarnings.size() + 8);
        double weightKg = patient.weightKg();
        double[] scaled = new double[parameters.size()];
        for (int i = 0; i < scaled.length; i++) {
            Parameter p = parameters.get(i);
            double typical = referenceValues[i];
            double v = p.scaled(weightKg);
            scaled[i] = v;
            if (v != typical) {
                adjustments.add(Adjustment.worded(p.name(), adjustedUnits[i], typical, v,
                        () -> String.format(Locale.ROOT, "weight %s kg, %s", Checks.fmt(weightKg), p.perKg()
                                ? "value per kg × weight" : "(WT/70)^" + Checks.fmt(p.weightExponent())),
                        scalingSource));
            }
        }
        ParameterValues values = ParameterValues.of(parameterNames, scaled);
        values = covariates.apply(values, patient, adjustments);
        values = adjuster.adjust(this, patient, values, adjustments, warnings);
        if (patient.ageYears() < ageMinYears || patient.ageYears() > ageMaxYears) {
            warnings.add(Warning.of(Warning.Kind.AGE_OUTSIDE_RANGE, patient.ageYears(), ageMinYears, ageMaxYears, id));
        }
        if (patient.weightKg() < weightMinKg || patient.weightKg() > weightMaxKg) {
            warnings.add(Warning.of(Warning.Kind.WEIGHT_OUTSIDE_RANGE, patient.weightKg(), weightMinKg, weightMaxKg,
                    id));
        }
        double bmi = patient.bmiKgPerM2();
        if (bmi >= BMI_UNKNOWN_AT_OR_ABOVE || bmi < BMI_UNKNOWN_BELOW) {
            // no model here records the BMI of its subjects; say so only where build plausibly matters
            warnings.add(Warning.of(Warning.Kind.BMI_RANGE_UNKNOWN, Math.round(bmi * 10) / 10.0, id));
        }
        warnings.addAll(assumptionWarnings);
        CompartmentSystem system = system(values, patient);
        return new IndividualModel(this, patient, values, system, adjustments, warnings);
    }

    private CompartmentSystem system(ParameterValues values, Patient patient) {
        if (assembly == null) {
            return structure.build(values, patient);
        }
        CompartmentSystem.Layout known = layout;
        CompartmentSystem.Builder b = known == null ? CompartmentSystem.builder() : CompartmentSystem.builder(known);
        assembly.addTo(b, values, patient);
        CompartmentSystem system = b.build();
        if (known == null) {
            layout = system.layout();
        }
        return system;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds a {@link PublishedModel}. */
    public static final class Builder {
        private final String id;
        private String name;
        private Citation citation;
        private DrugForm drugForm;
        private Population population;
        private SamplingSite samplingSite;
        private double ageMin = 18;
        private double ageMax = 65;
        private double weightMin = 40;
        private double weightMax = 120;
        private double studiedSpanH = Double.NaN;
        private String studiedSpanSource;
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();
        private final List<Variability> variability = new ArrayList<>();
        private final List<Variability> occasionVariability = new ArrayList<>();
        private final List<ResidualError> residualErrors = new ArrayList<>();
        private String scaling = "none";
        private final List<String> assumptions = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<Route, RouteSource> routes = new EnumMap<>(Route.class);
        private final Set<Analyte> analytes = java.util.EnumSet.noneOf(Analyte.class);
        private Structure structure;
        private Assembly assembly;
        private Covariates covariates = Covariates.NONE;
        private boolean composite;

        private Builder(String id) {
            // the one id that names no paper: the library's labelled composite default
            boolean compositeId = "racemic-composite".equals(id);
            if (id == null || !(compositeId || id.matches("[a-z][a-z-]*-\\d{4}[a-z-]*"))) {
                throw new IllegalArgumentException("model id must look like firstauthor-year (or be "
                        + "racemic-composite) but was " + id);
            }
            this.id = id;
        }

        /** Sets the human name. */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Sets the citation. */
        public Builder citation(Citation v) {
            citation = v;
            return this;
        }

        /** Sets the drug form. */
        public Builder drugForm(DrugForm v) {
            drugForm = v;
            return this;
        }

        /** Sets the population and, by default, the validity range to its age and weight ranges. */
        public Builder population(Population v) {
            population = v;
            ageMin = v.ageMinYears();
            ageMax = v.ageMaxYears();
            weightMin = v.weightMinKg();
            weightMax = v.weightMaxKg();
            return this;
        }

        /** Sets the sampling site. */
        public Builder samplingSite(SamplingSite v) {
            samplingSite = v;
            return this;
        }

        /**
         * Records how long after the first dose the source's samples reach: a run that goes further warns that its
         * later times are extrapolated.
         *
         * @param hours the last sampling time after the first dose, h, {@code > 0}
         * @param source what the samples were and where this was read
         */
        public Builder studiedSpan(double hours, String source) {
            studiedSpanH = Checks.positive("studied span", hours, 1e5, "h");
            studiedSpanSource = Checks.notNull("studied span source", source);
            return this;
        }

        /** Overrides the validity range (when the paper states one wider or narrower than its population). */
        public Builder validity(double ageMinYears, double ageMaxYears, double weightMinKg, double weightMaxKg) {
            ageMin = ageMinYears;
            ageMax = ageMaxYears;
            weightMin = weightMinKg;
            weightMax = weightMaxKg;
            return this;
        }

        /** Adds a parameter. */
        public Builder parameter(Parameter p) {
            if (parameters.put(p.name(), p) != null) {
                throw new IllegalArgumentException("duplicate parameter " + p.name() + " in " + id);
            }
            return this;
        }

        /** Adds a parameter (shorthand). */
        public Builder parameter(String pname, String description, double value, Unit unit, Role role,
                double weightExponent, Provenance provenance, String source) {
            return parameter(new Parameter(pname, description, value, unit, role, weightExponent, provenance, source));
        }

        /** Adds a variability term. */
        public Builder variability(Variability v) {
            variability.add(v);
            return this;
        }

        /** Adds a between-occasion variability term. */
        public Builder occasionVariability(Variability v) {
            occasionVariability.add(v);
            return this;
        }

        /** Adds a residual error model for one analyte. */
        public Builder residualError(ResidualError e) {
            residualErrors.add(e);
            return this;
        }

        /** Describes the weight/age scaling in words. */
        public Builder scaling(String v) {
            scaling = v;
            return this;
        }

        /** Adds a labelled assumption (each becomes a warning on every result). */
        public Builder assumption(String v) {
            assumptions.add(v);
            return this;
        }

        /** Adds a provenance note. */
        public Builder note(String v) {
            notes.add(v);
            return this;
        }

        /** Declares a route. */
        public Builder route(Route r, boolean studied, String source) {
            routes.put(r, new RouteSource(r, studied, source));
            return this;
        }

        /** Declares the analytes predicted. */
        public Builder analytes(Analyte... as) {
            Collections.addAll(analytes, as);
            return this;
        }

        /** Sets the structure. */
        public Builder structure(Structure s) {
            structure = s;
            assembly = null;
            return this;
        }

        /** Sets the structure, written as an {@link Assembly} so that its layout is made once. */
        public Builder structure(Assembly a) {
            assembly = a;
            structure = null;
            return this;
        }

        /** Sets the model's own covariate effects. */
        public Builder covariates(Covariates c) {
            covariates = c;
            return this;
        }

        /** Marks the model as a composite of several sources. */
        public Builder composite() {
            composite = true;
            return this;
        }

        /** @return the model */
        public PublishedModel build() {
            return new PublishedModel(this);
        }
    }
}
