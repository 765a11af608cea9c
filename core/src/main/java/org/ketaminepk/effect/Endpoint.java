package org.ketaminepk.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.SamplingSite;

/**
 * A published concentration–effect relationship for one measured effect: who was studied, what was measured, the
 * analyte and sampling site it rests on, its effect compartment, and what it is not. Immutable and thread-safe; the
 * library's endpoints are constants in {@link Endpoints}.
 *
 * <p>An endpoint may give one relationship for S-ketamine concentrations and another for total racemic ketamine
 * concentrations (as Schüttler 1987 and Dahan 2024 do); which one a model uses follows from the model's drug form.
 * Not a clinical target: each endpoint describes its study population under its study conditions.
 */
public final class Endpoint {

    /**
     * The relationship for one kind of concentration.
     *
     * @param model the concentration–effect model
     * @param source where its numbers were read, as printed there
     */
    public record Relationship(ConcentrationEffect model, String source) {
        /** Validates. */
        public Relationship {
            Checks.notNull("model", model);
            Checks.notNull("source", source);
        }
    }

    private final String id;
    private final String name;
    private final Citation citation;
    private final Population population;
    private final SamplingSite samplingSite;
    private final String measure;
    private final String effectUnit;
    private final Relationship sKetamine;
    private final Relationship racemic;
    private final LinkEvidence link;
    private final DrugForm linkDrugForm;
    private final double responderProbability;
    private final double placeboResponderProbability;
    private final String notFor;
    private final String validity;
    private final List<String> inferences;
    private final List<String> notes;

    private Endpoint(Builder b) {
        this.id = b.id;
        this.name = Checks.notNull("name", b.name);
        this.citation = Checks.notNull("citation", b.citation);
        this.population = Checks.notNull("population", b.population);
        this.samplingSite = Checks.notNull("samplingSite", b.samplingSite);
        this.measure = Checks.notNull("measure", b.measure);
        this.effectUnit = Checks.notNull("effectUnit", b.effectUnit);
        this.sKetamine = b.sKetamine;
        this.racemic = b.racemic;
        this.link = Checks.notNull("link", b.link);
        this.linkDrugForm = b.linkOnlyForm;
        this.responderProbability = b.responder;
        this.placeboResponderProbability = b.placeboResponder;
        this.notFor = Checks.notNull("notFor", b.notFor);
        this.validity = Checks.notNull("validity", b.validity);
        this.inferences = List.copyOf(b.inferences);
        this.notes = List.copyOf(b.notes);
    }

    static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the id, {@code firstauthor-year-what} */
    public String id() {
        return id;
    }

    /** @return a short human name */
    public String name() {
        return name;
    }

    /** @return the source of the relationship */
    public Citation citation() {
        return citation;
    }

    /** @return who was studied */
    public Population population() {
        return population;
    }

    /** @return where the concentrations the relationship rests on were measured */
    public SamplingSite samplingSite() {
        return samplingSite;
    }

    /** @return what was measured, in words */
    public String measure() {
        return measure;
    }

    /** @return the unit of the effect (or "ng/mL" for an endpoint that gives an effect compartment only) */
    public String effectUnit() {
        return effectUnit;
    }

    /** @return the analyte whose concentration drives the effect (the parent; the share of S-ketamine is separate) */
    public Analyte analyte() {
        return Analyte.KETAMINE;
    }

    /** @return the relationship on S-ketamine concentrations, empty if the source gives none */
    public Optional<Relationship> sKetamine() {
        return Optional.ofNullable(sKetamine);
    }

    /** @return the relationship on total racemic ketamine concentrations, empty if the source gives none */
    public Optional<Relationship> racemic() {
        return Optional.ofNullable(racemic);
    }

    /** @return whether the source gives any concentration–effect relationship (some give an effect site only) */
    public boolean hasEffectModel() {
        return sKetamine != null || racemic != null;
    }

    /** @return what the literature gives for the effect compartment */
    public LinkEvidence link() {
        return link;
    }

    /**
     * @return probability that a treated patient responds at all, empty unless the source fits a mixture of
     *         responders and non-responders
     */
    public OptionalDouble responderProbability() {
        return present(responderProbability);
    }

    /**
     * @return probability of a response on placebo in the same study, empty unless the source fits a mixture
     *         (present exactly when {@link #responderProbability()} is)
     */
    public OptionalDouble placeboResponderProbability() {
        return present(placeboResponderProbability);
    }

    /** The builder leaves NaN in a probability the source does not give; it never leaves this class. */
    private static OptionalDouble present(double p) {
        return Double.isNaN(p) ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    /** @return what the endpoint is not, e.g. "experimental pain in healthy volunteers, not clinical pain" */
    public String notFor() {
        return notFor;
    }

    /** @return the conditions the relationship was estimated under (doses, concentrations, durations) */
    public String validity() {
        return validity;
    }

    /** @return parts of the structure inferred rather than read (each becomes a warning on every result) */
    public List<String> inferences() {
        return inferences;
    }

    /** @return provenance notes */
    public List<String> notes() {
        return notes;
    }

    /**
     * Whether a model of {@code form} can drive this endpoint: an S-ketamine relationship is driven by an S-ketamine
     * model, or by a racemic model through an assumed S-ketamine share; a racemic relationship only by a racemic
     * model. An endpoint with an effect site only is driven like the kind its link was fitted with.
     *
     * @param form the model's drug form
     * @return the relationship used, empty if the form cannot drive the endpoint through a relationship (always
     *         empty for an endpoint with an effect site only, see {@link #drivenBy})
     * @throws InvalidInputException for a missing form (which read as an S-ketamine model)
     */
    public Optional<Relationship> relationshipFor(DrugForm form) {
        Checks.notNull("drug form", form);
        return Optional.ofNullable(form == DrugForm.RACEMIC ? (racemic != null ? racemic : sKetamine) : sKetamine);
    }

    /**
     * @return whether {@code form} can drive this endpoint
     * @throws InvalidInputException for a missing form
     */
    public boolean drivenBy(DrugForm form) {
        Checks.notNull("drug form", form);
        if (!hasEffectModel()) {
            return form == linkDrugForm;
        }
        return relationshipFor(form).isPresent();
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds an {@link Endpoint}; used once. */
    static final class Builder {
        private final String id;
        private String name;
        private Citation citation;
        private Population population;
        private SamplingSite samplingSite;
        private String measure;
        private String effectUnit;
        private Relationship sKetamine;
        private Relationship racemic;
        private LinkEvidence link;
        private double responder = Double.NaN;
        private double placeboResponder = Double.NaN;
        private String notFor;
        private String validity;
        private DrugForm linkOnlyForm;
        private final List<String> inferences = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String id) {
            if (id == null || !id.matches("[a-z]+-\\d{4}-[a-z-]+")) {
                throw new IllegalArgumentException("endpoint id must look like firstauthor-year-what but was " + id);
            }
            this.id = id;
        }

        Builder name(String v) {
            name = v;
            return this;
        }

        Builder citation(Citation v) {
            citation = v;
            return this;
        }

        Builder population(Population v) {
            population = v;
            return this;
        }

        Builder samplingSite(SamplingSite v) {
            samplingSite = v;
            return this;
        }

        Builder measure(String v, String unit) {
            measure = v;
            effectUnit = unit;
            return this;
        }

        Builder sKetamine(ConcentrationEffect m, String source) {
            sKetamine = new Relationship(m, source);
            return this;
        }

        Builder racemic(ConcentrationEffect m, String source) {
            racemic = new Relationship(m, source);
            return this;
        }

        /** An endpoint that gives an effect compartment only, for models of {@code form}. */
        Builder effectSiteOnly(DrugForm form) {
            linkOnlyForm = form;
            return this;
        }

        Builder link(LinkEvidence v) {
            link = v;
            return this;
        }

        Builder responders(double treated, double placebo) {
            responder = Checks.fraction("responder probability", treated);
            placeboResponder = Checks.fraction("placebo responder probability", placebo);
            return this;
        }

        Builder notFor(String v) {
            notFor = v;
            return this;
        }

        Builder validity(String v) {
            validity = v;
            return this;
        }

        Builder inference(String v) {
            inferences.add(v);
            return this;
        }

        Builder note(String v) {
            notes.add(v);
            return this;
        }

        Endpoint build() {
            if ((sKetamine == null && racemic == null) == (linkOnlyForm == null)) {
                throw new IllegalStateException(id + ": give a relationship or mark the endpoint effect-site only");
            }
            return new Endpoint(this);
        }
    }
}
