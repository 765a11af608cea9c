package org.ketaminepk.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.ResidualError;
import org.ketaminepk.model.Variability;

/**
 * The random effects one population simulation draws for each virtual patient, with where each comes from: the
 * between-patient block Ω (variances and the published covariances, sampled through its Cholesky factor), the
 * between-occasion variances ν² (one draw per patient: a run is one occasion), and the residual error of each
 * analyte (used only for observed-like concentrations). Immutable and thread-safe.
 *
 * <pre>
 *   VariabilityModel v = VariabilityModel.published(model);                  // as the paper printed it
 *   VariabilityModel u = VariabilityModel.published(model)
 *           .withAssumed(VariabilitySpec.parse("CL=30%,V1=40%"));             // labelled user assumption
 * </pre>
 *
 * <p>Not a place for new numbers: a term is published (or transcribed), borrowed from another published model and
 * labelled so, or typed by the user and labelled a user assumption.
 */
public final class VariabilityModel {

    /** Where a term comes from. */
    public enum Origin {
        /** The model's own paper (or a transcription of it). */
        PUBLISHED("published"),
        /** Another model's published value, used by a composite model. */
        BORROWED("borrowed from another published model"),
        /** Typed by the user. */
        USER_ASSUMPTION("user assumption");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        /** @return the printed label */
        public String label() {
            return label;
        }
    }

    /**
     * One random effect.
     *
     * @param parameter the parameter it changes
     * @param scale how it enters the parameter
     * @param omegaSquared its variance, on {@code scale}
     * @param origin where it comes from
     * @param source the table, transcription or "typed by the user"
     */
    public record Term(String parameter, Variability.Scale scale, double omegaSquared, Origin origin, String source) {
        /** @return for a log-scale term, the parameter's coefficient of variation √(exp(ω²) − 1), percent */
        public double cvPercent() {
            return 100 * Math.sqrt(Math.expm1(omegaSquared));
        }
    }

    /**
     * The random effects of one patient: an immutable value, compared by its numbers.
     *
     * @param eta between-patient effects, in the order of {@link #terms()} (copied)
     * @param kappa between-occasion effects, in the order of {@link #occasionTerms()} (copied)
     */
    public record Draw(double[] eta, double[] kappa) {
        /**
         * Copies the arrays.
         *
         * @throws InvalidInputException if either is missing
         */
        public Draw {
            eta = Checks.notNull("eta", eta).clone();
            kappa = Checks.notNull("kappa", kappa).clone();
        }

        /** @return a copy of the between-patient effects */
        @Override
        public double[] eta() {
            return eta.clone();
        }

        /** @return a copy of the between-occasion effects */
        @Override
        public double[] kappa() {
            return kappa.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Draw d && Arrays.equals(d.eta, eta) && Arrays.equals(d.kappa, kappa);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(eta) + Arrays.hashCode(kappa);
        }

        @Override
        public String toString() {
            return "Draw[eta=" + Arrays.toString(eta) + ", kappa=" + Arrays.toString(kappa) + "]";
        }
    }

    private final PublishedModel model;
    private final List<Term> terms;
    private final double[][] omega;
    private final double[][] cholesky;
    private final List<Term> occasionTerms;
    private final Map<Analyte, ResidualError> residuals;
    private final List<String> statements;
    /** Every CV and correlation the user assumed and still in force, over all calls of withAssumed; null for none. */
    private final VariabilitySpec assumed;

    private VariabilityModel(PublishedModel model, List<Term> terms, double[][] omega, List<Term> occasionTerms,
            Map<Analyte, ResidualError> residuals, List<String> statements, VariabilitySpec assumed) {
        this.model = model;
        this.terms = List.copyOf(terms);
        this.omega = omega;
        this.cholesky = cholesky(model, this.terms, omega);
        this.occasionTerms = List.copyOf(occasionTerms);
        this.residuals = Collections.unmodifiableMap(new LinkedHashMap<>(residuals));
        this.statements = List.copyOf(statements);
        this.assumed = assumed;
    }

    /**
     * The model's own variability as published (possibly none: {@link #isEmpty()}). Terms of a composite model whose
     * source says they are borrowed are labelled {@link Origin#BORROWED}.
     *
     * @throws InvalidInputException if the model's variability cannot be drawn as it stands (a model built outside the
     *         library): a term on a parameter it lacks, a covariance without both variances or among the occasion
     *         terms, a variance given twice, or a parameter's effects on two scales
     */
    public static VariabilityModel published(PublishedModel model) {
        Checks.notNull("model", model);
        checkPublished(model);
        List<Term> terms = new ArrayList<>();
        for (Variability v : model.variability()) {
            if (!v.isCovariance()) {
                terms.add(new Term(v.parameter(), v.scale(), v.omegaSquared(), origin(model, v), label(v)));
            }
        }
        int k = terms.size();
        double[][] omega = new double[k][k];
        for (int i = 0; i < k; i++) {
            omega[i][i] = terms.get(i).omegaSquared();
        }
        for (Variability v : model.variability()) {
            if (v.isCovariance()) {
                int a = indexOf(terms, v.parameter());
                int b = indexOf(terms, v.other().orElseThrow());
                if (a < 0 || b < 0) {
                    throw new InvalidInputException("variability", model.id() + " publishes a covariance of "
                            + v.parameter() + " and " + v.other().orElseThrow() + " without both of their variances");
                }
                omega[a][b] = v.omegaSquared();
                omega[b][a] = v.omegaSquared();
            }
        }
        List<Term> occasion = new ArrayList<>();
        for (Variability v : model.occasionVariability()) {
            occasion.add(new Term(v.parameter(), v.scale(), v.omegaSquared(), origin(model, v), label(v)));
        }
        Map<Analyte, ResidualError> residuals = new LinkedHashMap<>();
        for (ResidualError e : model.residualErrors()) {
            residuals.put(e.analyte(), e);
        }
        List<String> statements = new ArrayList<>();
        if (terms.isEmpty() && occasion.isEmpty()) {
            statements.add(model.id() + " publishes no between-patient variability");
        }
        if (model.composite()) {
            statements.add(model.id() + " is a composite: parameters without a term below do not vary (no "
                    + "variability was published for their source); borrowed terms are labelled");
        }
        return new VariabilityModel(model, terms, omega, occasion, residuals, statements, null);
    }

    /**
     * Refuses what a model built outside the library may hold and a draw cannot honour: a term on a parameter the
     * model lacks, a covariance among the occasion terms (each is drawn on its own), a variance given twice (both
     * would be drawn and added), a parameter's between-patient and occasion effects on different scales (they are
     * added on one), a logit-scale term on a value that is not strictly between 0 and 1 (it would not move).
     */
    private static void checkPublished(PublishedModel model) {
        List<String> names = model.parameters().stream().map(x -> x.name()).toList();
        for (List<Variability> list : List.of(model.variability(), model.occasionVariability())) {
            boolean occasion = list == model.occasionVariability();
            List<String> seen = new ArrayList<>();
            for (Variability v : list) {
                for (String p : v.isCovariance() ? List.of(v.parameter(), v.other().orElseThrow())
                        : List.of(v.parameter())) {
                    if (!names.contains(p)) {
                        throw new InvalidInputException("variability", model.id() + " publishes variability of "
                                + p + ", which is not one of its parameters (" + String.join(", ", names) + ")");
                    }
                }
                double value = model.parameter(v.parameter()).internalValue();
                if (!v.isCovariance() && v.scale() == Variability.Scale.LOGIT && !(value > 0 && value < 1)) {
                    // logit(θ) + η of a θ of 0 or 1 left θ as it was: the effect was silently not drawn
                    throw new InvalidInputException("variability", model.id() + " publishes logit-scale "
                            + "variability of " + v.parameter() + ", whose value " + Checks.fmt(value) + " is not "
                            + "strictly between 0 and 1");
                }
                if (v.isCovariance() && occasion) {
                    throw new InvalidInputException("variability", model.id() + " publishes a covariance of "
                            + v.parameter() + " and " + v.other().orElseThrow() + " among its between-occasion terms, "
                            + "which are drawn independently");
                }
                if (!v.isCovariance() && seen.contains(v.parameter())) {
                    throw new InvalidInputException("variability", model.id() + " publishes two "
                            + (occasion ? "between-occasion" : "between-patient") + " variances of " + v.parameter());
                }
                if (!v.isCovariance()) {
                    seen.add(v.parameter());
                }
            }
        }
        for (Variability k : model.occasionVariability()) {
            for (Variability e : model.variability()) {
                if (!e.isCovariance() && e.parameter().equals(k.parameter()) && e.scale() != k.scale()) {
                    // η and κ of one parameter are added on one scale
                    throw new InvalidInputException("variability", model.id() + " publishes between-patient and "
                            + "between-occasion variability of " + k.parameter() + " on different scales ("
                            + e.scale().label() + ", " + k.scale().label() + "), which cannot be added");
                }
            }
        }
    }

    /**
     * A copy in which every parameter named in {@code spec} takes the user's CV (ω² = ln(1 + CV²)) and
     * correlations instead of any published term (a published covariance involving it is dropped). Every such term
     * is labelled {@link Origin#USER_ASSUMPTION}.
     *
     * @throws InvalidInputException if a name is not a parameter of the model, names a parameter whose value is not
     *         positive (θ·exp(η) would change its sign, or nothing) or whose between-occasion effect is on the logit
     *         scale (the two are added on one scale), or the correlations are impossible together
     */
    public VariabilityModel withAssumed(VariabilitySpec spec) {
        Checks.notNull("variability", spec);
        for (String p : spec.cvPercent().keySet()) {
            if (model.parameters().stream().noneMatch(x -> x.name().equals(p))) {
                throw new InvalidInputException("variability", "variability names " + p + ", which is not a "
                        + "parameter of " + model.id() + " (its parameters: " + String.join(", ",
                                model.parameters().stream().map(x -> x.name()).toList()) + ")");
            }
            Parameter par = model.parameter(p);
            if (!(par.internalValue() > 0)) {
                // θ·exp(η) of a negative value failed inside the run; of 0, it would silently vary nothing
                throw InvalidInputException.statement("variability", par.internalValue(), String.format(Locale.ROOT,
                        "names %s, whose value in %s is %s %s, but a CV (log-normal, θ·exp(η)) applies only to a "
                        + "parameter greater than 0", p, model.id(), Checks.fmt(par.value()), par.unit().symbol()));
            }
            for (Term o : occasionTerms) {
                if (o.parameter().equals(p) && o.scale() != Variability.Scale.LOG) {
                    // η and κ of one parameter are added on one scale: a log-scale η would carry the logit κ with it
                    throw new InvalidInputException("variability", String.format(Locale.ROOT, "variability names "
                            + "%s, whose between-occasion variability in %s is on the %s scale, but a CV is on the "
                            + "log scale and the two cannot be added; leave %s out", p, model.id(),
                            o.scale().label(), p));
                }
            }
        }
        List<Term> kept = new ArrayList<>();
        List<Integer> keptIndex = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            if (!spec.cvPercent().containsKey(terms.get(i).parameter())) {
                kept.add(terms.get(i));
                keptIndex.add(i);
            }
        }
        List<Term> all = new ArrayList<>(kept);
        for (Map.Entry<String, Double> e : spec.cvPercent().entrySet()) {
            double cv = e.getValue() / 100;
            all.add(new Term(e.getKey(), Variability.Scale.LOG, Math.log1p(cv * cv), Origin.USER_ASSUMPTION,
                    "typed by the user: CV " + Checks.fmt(e.getValue()) + " %, ω² = ln(1 + CV²)"));
        }
        int k = all.size();
        double[][] om = new double[k][k];
        for (int i = 0; i < kept.size(); i++) {
            for (int j = 0; j < kept.size(); j++) {
                om[i][j] = omega[keptIndex.get(i)][keptIndex.get(j)];
            }
        }
        for (int i = kept.size(); i < k; i++) {
            om[i][i] = all.get(i).omegaSquared();
        }
        for (VariabilitySpec.Correlation c : spec.correlations()) {
            int a = indexOf(all, c.a());
            int b = indexOf(all, c.b());
            double cov = c.r() * Math.sqrt(om[a][a] * om[b][b]);
            om[a][b] = cov;
            om[b][a] = cov;
        }
        // what is assumed now: an earlier call's CVs and correlations the spec does not replace, then the spec's (a
        // second call left the first call's line in place, naming CVs no longer drawn)
        Map<String, Double> cvs = new LinkedHashMap<>();
        List<VariabilitySpec.Correlation> rs = new ArrayList<>();
        if (assumed != null) {
            assumed.cvPercent().forEach((name, cv) -> {
                if (!spec.cvPercent().containsKey(name)) {
                    cvs.put(name, cv);
                }
            });
            for (VariabilitySpec.Correlation c : assumed.correlations()) {
                if (cvs.containsKey(c.a()) && cvs.containsKey(c.b())) {
                    rs.add(c);
                }
            }
        }
        cvs.putAll(spec.cvPercent());
        rs.addAll(spec.correlations());
        VariabilitySpec now = new VariabilitySpec(cvs, rs);
        List<String> st = new ArrayList<>(statements);
        st.removeIf(s -> s.endsWith("publishes no between-patient variability") || s.startsWith(USER_LINE));
        st.add(USER_LINE + String.join(", ", now.cvPercent().entrySet().stream()
                .map(e -> e.getKey() + " CV " + Checks.fmt(e.getValue()) + " %").toList())
                + (now.correlations().isEmpty() ? "" : "; " + String.join(", ", now.correlations().stream()
                        .map(c -> "r(" + c.a() + ", " + c.b() + ") " + Checks.fmt(c.r())).toList())));
        return new VariabilityModel(model, all, om, occasionTerms, residuals, st, now);
    }

    /** How the line of the user's assumptions starts. */
    private static final String USER_LINE = "user assumption: ";

    /** @return the model these effects belong to */
    public PublishedModel model() {
        return model;
    }

    /** @return the between-patient terms, in sampling order */
    public List<Term> terms() {
        return terms;
    }

    /** @return the between-patient covariance Ω (a copy), in the order of {@link #terms()} */
    public double[][] omega() {
        double[][] c = new double[omega.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = omega[i].clone();
        }
        return c;
    }

    /** @return the between-occasion terms (one draw per patient and run) */
    public List<Term> occasionTerms() {
        return occasionTerms;
    }

    /** @return the published residual error of each analyte that has one */
    public Map<Analyte, ResidualError> residualErrors() {
        return residuals;
    }

    /** @return whether there is nothing to sample */
    public boolean isEmpty() {
        return terms.isEmpty() && occasionTerms.isEmpty();
    }

    /**
     * @return the sentences about the whole set, e.g. that a composite's other parameters do not vary or which CVs
     *         the user assumed (the first lines of {@link #provenance()})
     */
    public List<String> statements() {
        return statements;
    }

    /** @return whether any term is a user assumption */
    public boolean hasUserAssumptions() {
        return terms.stream().anyMatch(t -> t.origin() == Origin.USER_ASSUMPTION);
    }

    /**
     * @return one line per term and per statement: where each random effect comes from, e.g.
     *         "ω²(CLn) = 0.1032 (CV 33.0 %), log scale, borrowed from another published model: ..."
     */
    public List<String> provenance() {
        List<String> out = new ArrayList<>(statements);
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            out.add(String.format(Locale.ROOT, "ω²(%s) = %.4g%s, %s scale, %s: %s", t.parameter(), t.omegaSquared(),
                    t.scale() == Variability.Scale.LOG ? String.format(Locale.ROOT, " (CV %.1f %%)", t.cvPercent())
                            : "", t.scale().label(), t.origin().label(), t.source()));
            for (int j = 0; j < i; j++) {
                if (omega[i][j] != 0) {
                    out.add(String.format(Locale.ROOT, "cov(%s, %s) = %.4g (r = %.2f), %s", terms.get(j).parameter(),
                            t.parameter(), omega[i][j], omega[i][j] / Math.sqrt(omega[i][i] * omega[j][j]),
                            t.origin().label()));
                }
            }
        }
        for (Term t : occasionTerms) {
            out.add(String.format(Locale.ROOT, "ν²(%s) = %.4g, between occasions, %s: %s", t.parameter(),
                    t.omegaSquared(), t.origin().label(), t.source()));
        }
        for (ResidualError e : residuals.values()) {
            out.add(String.format(Locale.ROOT, "residual error of %s: %s, proportional SD %.4g, additive SD %.4g "
                    + "ng/mL, %s: %s", e.analyte().label(), e.type().name().toLowerCase(Locale.ROOT),
                    e.proportionalSd(), e.additiveSdNgPerMl(), e.provenance().label(), e.source()));
        }
        return out;
    }

    /**
     * Draws one patient's effects: η = L·z for the between-patient block (L the Cholesky factor of Ω, z standard
     * normal), then κ = ν·z for each occasion term, in that order.
     */
    public Draw sample(UniformRandomProvider rng) {
        Checks.notNull("random generator", rng);
        return sample(ZigguratSampler.NormalizedGaussian.of(rng));
    }

    Draw sample(ContinuousSampler normal) {
        int k = terms.size();
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = normal.sample();
        }
        double[] eta = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[i][j] * z[j];
            }
            eta[i] = s;
        }
        double[] kappa = new double[occasionTerms.size()];
        for (int i = 0; i < kappa.length; i++) {
            kappa[i] = Math.sqrt(occasionTerms.get(i).omegaSquared()) * normal.sample();
        }
        return new Draw(eta, kappa);
    }

    private static double[][] cholesky(PublishedModel model, List<Term> terms, double[][] omega) {
        int k = terms.size();
        if (k == 0) {
            return new double[0][0];
        }
        RealMatrix m = new Array2DRowRealMatrix(omega, true);
        try {
            // thresholds: symmetry to 1e-12 relative, positive definiteness to 1e-12 absolute
            return new CholeskyDecomposition(m, 1e-12, 1e-12).getL().getData();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            throw new InvalidInputException("variability", "the variability of " + model.id() + " is not a valid "
                    + "covariance matrix (its correlations are impossible together): " + String.join(", ",
                            terms.stream().map(Term::parameter).toList()));
        }
    }

    private static Origin origin(PublishedModel model, Variability v) {
        return model.composite() && v.source().startsWith("borrowed") ? Origin.BORROWED : Origin.PUBLISHED;
    }

    private static String label(Variability v) {
        return v.provenance().label() + "; " + v.source();
    }

    private static int indexOf(List<Term> terms, String p) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).parameter().equals(p)) {
                return i;
            }
        }
        return -1;
    }
}
