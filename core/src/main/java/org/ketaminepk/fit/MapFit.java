package org.ketaminepk.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Erf;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.engine.Solver;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.ResidualError;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.VariabilityModel;

/**
 * Maximum a posteriori (MAP) individual fit: the random effects η of one patient that minimise
 * <pre>
 *   −2 log p(η | levels) = ηᵀ Ω⁻¹ η + Σ_quantified [ (y − f)² / σ² + ln σ² ] − 2 Σ_censored ln Φ((LLOQ − f) / σ)
 * </pre>
 * (up to a constant), where f is the model's prediction for the patient with η, σ² = (prop·f)² + add² the published
 * residual variance (for an exponential error, the same on the log scale: y and f replaced by ln y and ln f, σ the
 * log-scale SD), and Φ the standard normal distribution function (Beal SL (2001) J Pharmacokinet Pharmacodyn
 * 28:481, doi:10.1023/A:1012299115260, method M3). A fit is one occasion: a between-occasion variance adds to the
 * between-patient variance of its parameter.
 *
 * <p>The search runs in whitened coordinates z = L⁻¹η (L the Cholesky factor of Ω), with BOBYQA (Powell 2009) from
 * several starts inside |z| ≤ 6 (the typical patient, then ±1 prior SD on every effect, stopping as soon as two
 * starts agree to 0.001 SD); the approximate posterior covariance is 2·H⁻¹, H the central-difference Hessian of
 * the objective at the optimum (Laplace approximation). The first two starts, and the Hessian's points, are evaluated
 * in parallel on the common fork-join pool; the result does not depend on it. Immutable and thread-safe.
 *
 * <p>Refused for a model without between-patient variability (no prior) or without a published residual error for
 * a measured analyte (no likelihood). Not therapeutic drug monitoring software.
 */
public final class MapFit {
    /** Bound of the search in prior standard deviations. */
    static final double BOUND_SD = 6;
    /**
     * Final trust-region radius of the search, in prior standard deviations: the optimum is found to about this
     * (far below the 0.001 SD to which two starts must agree, and the 3 decimals η is printed with); a tighter radius
     * only adds evaluations.
     */
    static final double STOP_RADIUS_SD = 1e-5;
    /** Finite-difference step of the Hessian, in prior standard deviations. */
    static final double HESSIAN_STEP = 1e-3;
    /** Floor of a prediction inside the likelihood, ng/mL: keeps ln f and a proportional σ finite. */
    static final double FLOOR_NG_PER_ML = 1e-9;

    /**
     * One estimated random effect.
     *
     * @param parameter the parameter
     * @param scale how η enters it
     * @param unit the parameter's internal unit symbol
     * @param fraction whether the parameter is a fraction (held at 1 at most)
     */
    record Effect(String parameter, Variability.Scale scale, String unit, boolean fraction) {
    }

    private final VariabilityModel variability;
    private final List<Effect> effects;
    private final double[][] prior;
    private final double[][] cholesky;
    private final Solver solver;
    private final PatientAdjuster then;

    private MapFit(VariabilityModel variability, Solver solver, PatientAdjuster then) {
        this.variability = variability;
        this.solver = solver;
        this.then = then;
        PublishedModel model = variability.model();
        if (variability.terms().isEmpty() && variability.occasionTerms().isEmpty()) {
            throw new InvalidInputException("model", model.id() + " publishes no between-patient variability, so "
                    + "there is no prior for an individual fit; choose a model that does (" + modelsWithVariability()
                    + ")");
        }
        List<Effect> e = new ArrayList<>();
        List<VariabilityModel.Term> terms = variability.terms();
        List<VariabilityModel.Term> occasion = variability.occasionTerms();
        for (VariabilityModel.Term t : terms) {
            e.add(effect(model, t));
        }
        for (VariabilityModel.Term t : occasion) {
            if (e.stream().noneMatch(x -> x.parameter().equals(t.parameter()))) {
                e.add(effect(model, t));
            }
        }
        int k = e.size();
        double[][] p = new double[k][k];
        double[][] omega = variability.omega();
        for (int i = 0; i < terms.size(); i++) {
            System.arraycopy(omega[i], 0, p[i], 0, terms.size());
        }
        for (VariabilityModel.Term t : occasion) {
            for (int i = 0; i < k; i++) {
                if (e.get(i).parameter().equals(t.parameter())) {
                    p[i][i] += t.omegaSquared();
                }
            }
        }
        this.effects = List.copyOf(e);
        this.prior = p;
        try {
            this.cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(p, true), 1e-12, 1e-12).getL()
                    .getData();
        } catch (NonPositiveDefiniteMatrixException ex) {
            throw new InvalidInputException("variability", "the variability of " + model.id() + " is not a valid "
                    + "covariance matrix, so it cannot be a prior");
        }
    }

    private static Effect effect(PublishedModel model, VariabilityModel.Term t) {
        Parameter p = model.parameter(t.parameter());
        boolean fraction = (p.unit() == Unit.FRACTION || p.unit() == Unit.PERCENT)
                && (p.role() == Role.BIOAVAILABILITY || p.role() == Role.FORMATION_FRACTION);
        return new Effect(t.parameter(), t.scale(), p.unit().internalSymbol().replace("/kg", ""), fraction);
    }

    private static String modelsWithVariability() {
        List<String> ids = new ArrayList<>();
        for (PublishedModel m : org.ketaminepk.library.Models.all()) {
            if (!m.variability().isEmpty() && !m.residualErrors().isEmpty()) {
                ids.add(m.id());
            }
        }
        return String.join(", ", ids);
    }

    /** @return a fit with the model's published variability and residual error */
    public static MapFit of(PublishedModel model) {
        return of(VariabilityModel.published(Checks.notNull("model", model)));
    }

    /** @return a fit with these random effects (published, or with labelled user assumptions) as the prior */
    public static MapFit of(VariabilityModel variability) {
        return new MapFit(Checks.notNull("variability", variability), ExactSolver.instance(),
                StandardPatientAdjuster.instance());
    }

    /** @return a copy using {@code s} */
    public MapFit withSolver(Solver s) {
        return new MapFit(variability, Checks.notNull("solver", s), then);
    }

    /** @return a copy using {@code a} for organ function and interactions (after the random effects) */
    public MapFit withAdjuster(PatientAdjuster a) {
        return new MapFit(variability, solver, Checks.notNull("adjuster", a));
    }

    /** @return the prior */
    public VariabilityModel variability() {
        return variability;
    }

    /** @return the estimated parameters, in order */
    public List<String> parameters() {
        return effects.stream().map(Effect::parameter).toList();
    }

    /** @return the prior covariance of the random effects, in the order of {@link #parameters()} (a copy) */
    public double[][] priorCovariance() {
        double[][] c = new double[prior.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = prior[i].clone();
        }
        return c;
    }

    /**
     * Fits one patient.
     *
     * @param patient the patient (covariates as for a simulation)
     * @param regimen the doses given, times in h from the same origin as the levels
     * @param levels one or more measured levels
     * @return the individual parameters, their uncertainty and the predictions at each level
     * @throws InvalidInputException if a level's analyte is not reported by the model or has no residual error
     */
    public IndividualFit fit(Patient patient, Regimen regimen, List<Level> levels) {
        Checks.notNull("patient", patient);
        Checks.notNull("regimen", regimen);
        Checks.notNull("levels", levels);
        if (levels.isEmpty()) {
            throw new InvalidInputException("levels", "an individual fit needs at least one measured level");
        }
        for (int i = 0; i < levels.size(); i++) {
            Checks.notNull("levels", i, levels.get(i));
        }
        Objective obj = new Objective(patient, regimen, levels);
        obj.refuseLevelsBeforeTheFirstDose();
        int k = effects.size();
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int evaluations = 0;
        List<double[]> starts = starts(k);
        // the first two starts always run: side by side, each with its own optimiser (same results as one by one)
        List<PointValuePair> firstTwo = IntStream.range(0, Math.min(2, starts.size())).parallel()
                .mapToObj(s -> minimise(obj, starts.get(s))).toList();
        for (int s = 0; s < starts.size(); s++) {
            PointValuePair p = s < firstTwo.size() ? firstTwo.get(s) : minimise(obj, starts.get(s));
            boolean same = best != null && close(best, p.getPoint());
            if (p.getValue() < bestValue) {
                bestValue = p.getValue();
                best = p.getPoint();
            }
            if (same) {
                break; // two starts reached the same optimum: the others are not needed
            }
        }
        evaluations = obj.evaluations.get();
        double[] eta = toEta(best);
        double[][] covEta = posteriorCovariance(obj, best, bestValue);
        double[] typicalPred = obj.predictions(new double[k]);
        double typicalObjective = obj.value(new double[k], typicalPred);
        double[] indPred = obj.predictions(eta);
        IndividualModel typical = patientModel(patient, new double[k]);
        IndividualModel individual = patientModel(patient, eta);
        List<IndividualFit.Estimate> estimates = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Effect e = effects.get(i);
            double t = typical.values().get(e.parameter());
            double v = individual.values().get(e.parameter());
            Optional<IndividualFit.Uncertainty> uncertainty = Optional.empty();
            if (covEta != null) {
                double se = Math.sqrt(covEta[i][i]);
                uncertainty = Optional.of(new IndividualFit.Uncertainty(se, shift(e, v, -1.959964 * se),
                        shift(e, v, 1.959964 * se), covEta[i][i] / prior[i][i]));
            }
            estimates.add(new IndividualFit.Estimate(e.parameter(), e.unit(), e.scale(), t, v, eta[i], prior[i][i],
                    uncertainty));
        }
        List<IndividualFit.Prediction> predictions = new ArrayList<>();
        for (int j = 0; j < levels.size(); j++) {
            predictions.add(new IndividualFit.Prediction(levels.get(j), typicalPred[j], indPred[j]));
        }
        return new IndividualFit(variability.model(), patient, regimen, typical, individual, estimates, predictions,
                bestValue, typicalObjective, evaluations);
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-3) {
                return false;
            }
        }
        return true;
    }

    /**
     * A bound of the interval of a fitted value. A logit-scale value the logistic has rounded to exactly 1 (a logit
     * above about 37) or 0 (below about −745) keeps that bound: logistic(logit(v) + d) tends to v there, where
     * θ·exp(d) would leave the range of a fraction.
     */
    private static double shift(Effect e, double value, double d) {
        if (e.scale() == Variability.Scale.LOGIT && !(value > 0 && value < 1)) {
            return value;
        }
        return e.scale().apply(e.parameter(), value, d);
    }

    private IndividualModel patientModel(Patient patient, double[] eta) {
        return variability.model().individualize(patient, new EtaAdjuster(effects, eta, then));
    }

    /** Starts: the typical patient, then ±1 prior SD along every effect at once and in alternation. */
    private static List<double[]> starts(int k) {
        List<double[]> s = new ArrayList<>();
        s.add(new double[k]);
        double[] up = new double[k];
        double[] down = new double[k];
        double[] alt = new double[k];
        for (int i = 0; i < k; i++) {
            up[i] = 1;
            down[i] = -1;
            alt[i] = i % 2 == 0 ? 1 : -1;
        }
        s.add(up);
        s.add(down);
        if (k > 1) {
            s.add(alt);
        }
        return s;
    }

    private PointValuePair minimise(Objective obj, double[] start) {
        int k = start.length;
        if (k == 1) {
            BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
            double lo = start[0] - 2;
            double hi = start[0] + 2;
            UnivariatePointValuePair p = brent.optimize(new MaxEval(2000), GoalType.MINIMIZE,
                    new SearchInterval(Math.max(-BOUND_SD, lo), Math.min(BOUND_SD, hi), start[0]),
                    new UnivariateObjectiveFunction(z -> obj.value(new double[] {z})));
            return new PointValuePair(new double[] {p.getPoint()}, p.getValue());
        }
        double[] lower = new double[k];
        double[] upper = new double[k];
        Arrays.fill(lower, -BOUND_SD);
        Arrays.fill(upper, BOUND_SD);
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * k + 1, 0.5, STOP_RADIUS_SD);
        return opt.optimize(new MaxEval(20_000), GoalType.MINIMIZE, new InitialGuess(start),
                new SimpleBounds(lower, upper), new ObjectiveFunction(obj::value));
    }

    private double[] toEta(double[] z) {
        int k = z.length;
        double[] eta = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[i][j] * z[j];
            }
            eta[i] = s;
        }
        return eta;
    }

    /**
     * The Hessian by central differences, 1 + 2k + k(k − 1) evaluations: the diagonal from f(z ± h·eᵢ), each
     * off-diagonal term from the two points f(z ± h·(eᵢ + eⱼ)) and the diagonal's points,
     * <pre>
     *   Hᵢⱼ ≈ [f(z + h(eᵢ+eⱼ)) + f(z − h(eᵢ+eⱼ)) − f(z+heᵢ) − f(z−heᵢ) − f(z+heⱼ) − f(z−heⱼ) + 2f(z)] / (2h²)
     * </pre>
     * (error O(h²), as for the four-point formula, at half its evaluations).
     *
     * @param f0 the objective at {@code z}
     * @return cov(η) ≈ L·(2H⁻¹)·Lᵀ, or null when the Hessian is not positive definite
     */
    private double[][] posteriorCovariance(Objective obj, double[] z, double f0) {
        int k = z.length;
        double h = HESSIAN_STEP;
        // the points first, evaluated in parallel (independent of each other), then combined in a fixed order
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            points.add(step(z, i, h, -1, 0));
            points.add(step(z, i, -h, -1, 0));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                points.add(step(z, i, h, j, h));
                points.add(step(z, i, -h, j, -h));
            }
        }
        double[] f = IntStream.range(0, points.size()).parallel().mapToDouble(p -> obj.value(points.get(p)))
                .toArray();
        double[][] hess = new double[k][k];
        double[] sumPlusMinus = new double[k];
        for (int i = 0; i < k; i++) {
            double fp = f[2 * i];
            double fm = f[2 * i + 1];
            sumPlusMinus[i] = fp + fm;
            hess[i][i] = (fp - 2 * f0 + fm) / (h * h);
        }
        int next = 2 * k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double pp = f[next++];
                double mm = f[next++];
                hess[i][j] = (pp + mm - sumPlusMinus[i] - sumPlusMinus[j] + 2 * f0) / (2 * h * h);
                hess[j][i] = hess[i][j];
            }
        }
        RealMatrix covZ;
        try {
            covZ = new CholeskyDecomposition(new Array2DRowRealMatrix(hess, false), 1e-6, 1e-10).getSolver()
                    .getInverse().scalarMultiply(2);
        } catch (RuntimeException notPositiveDefinite) {
            return null;
        }
        RealMatrix l = new Array2DRowRealMatrix(cholesky, false);
        return l.multiply(covZ).multiply(l.transpose()).getData();
    }

    private static double[] step(double[] z, int i, double di, int j, double dj) {
        double[] s = z.clone();
        s[i] += di;
        if (j >= 0) {
            s[j] += dj;
        }
        return s;
    }

    /** −2 log posterior of one patient's data, in whitened coordinates; thread-safe (counts atomically). */
    private final class Objective {
        private final Patient patient;
        private final Regimen regimen;
        private final List<Level> levels;
        private final ResidualError[] errors;
        private final TimeGrid grid;
        private final int[] at;
        final AtomicInteger evaluations = new AtomicInteger();

        Objective(Patient patient, Regimen regimen, List<Level> levels) {
            this.patient = patient;
            this.regimen = regimen;
            this.levels = List.copyOf(levels);
            PublishedModel model = variability.model();
            Map<Analyte, ResidualError> residuals = variability.residualErrors();
            this.errors = new ResidualError[levels.size()];
            double[] times = new double[levels.size()];
            for (int j = 0; j < levels.size(); j++) {
                Level l = levels.get(j);
                if (!model.analytes().contains(l.analyte())) {
                    throw new InvalidInputException("analyte", model.id() + " does not predict "
                            + l.analyte().label() + " (it predicts " + String.join(", ", model.analytes().stream()
                                    .map(Analyte::label).toList()) + ")");
                }
                errors[j] = residuals.get(l.analyte());
                if (errors[j] == null) {
                    throw new InvalidInputException("analyte", model.id() + " publishes no residual error for "
                            + l.analyte().label() + ", so its levels have no likelihood; leave them out or choose a "
                            + "model that does (" + modelsWithVariability() + ")");
                }
                if (errors[j].type() == ResidualError.Type.EXPONENTIAL && !l.censored() && l.valueNgPerMl().getAsDouble() == 0) {
                    throw new InvalidInputException("level", "a " + l.analyte().label() + " level of 0 ng/mL at "
                            + Checks.fmt(l.timeH()) + " h cannot be explained by " + model.id() + "'s log-scale "
                            + "residual error; report it as below the LLOQ");
                }
                times[j] = l.timeH();
            }
            double[] sorted = Arrays.stream(times).distinct().sorted().toArray();
            this.grid = TimeGrid.of(sorted);
            this.at = new int[levels.size()];
            for (int j = 0; j < levels.size(); j++) {
                at[j] = Arrays.binarySearch(sorted, times[j]);
            }
        }

        /**
         * Refuses a level above 0 at or before the first dose where the typical patient's prediction is 0: every
         * patient's is 0 there, so no parameter can explain the level (the likelihood would say so only with numbers
         * of 1e20).
         */
        void refuseLevelsBeforeTheFirstDose() {
            double firstDoseH = Double.POSITIVE_INFINITY;
            for (Dose d : regimen.doses()) {
                firstDoseH = Math.min(firstDoseH, d.timeH());
            }
            double[] typical = null;
            for (int j = 0; j < levels.size(); j++) {
                Level l = levels.get(j);
                if (!l.censored() && l.valueNgPerMl().getAsDouble() > 0 && l.timeH() <= firstDoseH) {
                    typical = typical == null ? predictions(new double[effects.size()]) : typical;
                    if (typical[j] == 0) {
                        throw new InvalidInputException("level", String.format(Locale.ROOT, "level %d (%s %s ng/mL "
                                + "at %s h) is at or before the first dose (%s h), where the model predicts 0 for "
                                + "any patient; give the earlier doses too, or report a pre-dose level as 0 or below "
                                + "the LLOQ", j + 1, l.analyte().label(), Checks.fmt(l.valueNgPerMl().getAsDouble()),
                                Checks.fmt(l.timeH()), Checks.fmt(firstDoseH)));
                    }
                }
            }
        }

        double[] predictions(double[] eta) {
            IndividualModel ind = patientModel(patient, eta);
            CompartmentSystem sys = ind.system();
            Solution sol = solver.solve(sys, regimen.schedule(sys, patient.weightKg()), grid);
            double[] f = new double[levels.size()];
            for (int j = 0; j < f.length; j++) {
                Analyte a = levels.get(j).analyte();
                CompartmentSystem.Observation o = sys.observations().get(a);
                f[j] = a.umolPerLToNgPerMl(sol.amount(at[j], o.compartment()) / o.volumeL());
            }
            return f;
        }

        double value(double[] z) {
            evaluations.incrementAndGet();
            return value(z, predictions(toEta(z)));
        }

        /** @return the objective at {@code z} from its predictions {@code f} */
        double value(double[] z, double[] f) {
            double prior = 0;
            for (double v : z) {
                prior += v * v;
            }
            double data = 0;
            for (int j = 0; j < f.length; j++) {
                data += term(levels.get(j), errors[j], Math.max(f[j], FLOOR_NG_PER_ML));
            }
            return prior + data;
        }
    }

    /** @return −2 ln of one level's likelihood (up to a constant) */
    static double term(Level l, ResidualError e, double f) {
        boolean log = e.type() == ResidualError.Type.EXPONENTIAL;
        double sd;
        double resid;
        if (log) {
            sd = e.proportionalSd();
            resid = l.censored() ? Math.log(l.valueOrLloqNgPerMl()) - Math.log(f) : Math.log(
                    Math.max(l.valueOrLloqNgPerMl(), FLOOR_NG_PER_ML)) - Math.log(f);
        } else {
            double prop = e.type() == ResidualError.Type.ADDITIVE ? 0 : e.proportionalSd() * f;
            double add = e.type() == ResidualError.Type.PROPORTIONAL ? 0 : e.additiveSdNgPerMl();
            sd = Math.sqrt(prop * prop + add * add);
            resid = l.valueOrLloqNgPerMl() - f;
        }
        if (l.censored()) {
            return -2 * logPhi(resid / sd);
        }
        double r = resid / sd;
        return r * r + 2 * Math.log(sd);
    }

    /** @return ln Φ(x), accurate far into the lower tail */
    static double logPhi(double x) {
        if (x > -30) {
            return Math.log(0.5 * Erf.erfc(-x / Math.sqrt(2)));
        }
        // Mills ratio: Φ(x) ≈ φ(x)/|x| · (1 − 1/x²) for x → −∞
        return -0.5 * x * x - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log1p(-1 / (x * x));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MAP fit of %s (%d random effects)", variability.model().id(),
                effects.size());
    }
}
