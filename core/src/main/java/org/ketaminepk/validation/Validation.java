package org.ketaminepk.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ketaminepk.Simulation;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.result.Series;

/**
 * Runs each observation's design with every model that applies to it and compares the prediction with the observed
 * value.
 *
 * <p>A model applies when it describes the drug given (racemic data only with racemic models; S-ketamine data with
 * S-ketamine and esketamine models), offers every route of the design, predicts the analyte measured, and was built
 * from the same kind of population (children only with paediatric models, whose upper age is under 18 years, and
 * adults only with adult models). Models are run with their typical values for the observation's typical subject,
 * without patient adjustments, on a 30-second grid (15 minutes for an AUC to infinity, whose integral is exact on
 * any grid).
 *
 * <p>Stateless and thread-safe. Not a statistical validation: typical values are compared with summary statistics.
 */
public final class Validation {
    /** Hours simulated after the last dose for an AUC to infinity. */
    static final double TAIL_H = 336;

    private static final Simulation TYPICAL = Simulation.standard().withAdjuster(PatientAdjuster.NONE);

    private Validation() {
    }

    /**
     * @param models the models to validate
     * @param observations the observations to run
     * @return every comparison and the observations no model applies to
     */
    public static ValidationReport run(List<PublishedModel> models, List<Observation> observations) {
        Checks.notNull("models", models);
        Checks.notNull("observations", observations);
        for (int i = 0; i < models.size(); i++) {
            Checks.notNull("models", i, models.get(i));
        }
        for (int i = 0; i < observations.size(); i++) {
            Checks.notNull("observations", i, observations.get(i));
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<ValidationReport.Unmatched> unmatched = new ArrayList<>();
        for (Observation o : observations) {
            // the reasons of the models that came closest (right drug and population, say) explain best
            Set<String> reasons = new LinkedHashSet<>();
            int closest = -1;
            boolean any = false;
            for (PublishedModel m : models) {
                Mismatch why = mismatch(o, m);
                if (why == null) {
                    comparisons.add(new Comparison(o, m, predict(o, m)));
                    any = true;
                } else if (why.stage() > closest) {
                    closest = why.stage();
                    reasons.clear();
                    reasons.add(why.reason());
                } else if (why.stage() == closest) {
                    reasons.add(why.reason());
                }
            }
            if (!any) {
                unmatched.add(new ValidationReport.Unmatched(o, reasons.isEmpty() ? "no model requested"
                        : String.join("; ", reasons)));
            }
        }
        return new ValidationReport(comparisons, unmatched, models.stream().map(PublishedModel::id).toList());
    }

    /**
     * @param o an observation
     * @param m a model
     * @return why {@code m} cannot be compared with {@code o}, or empty when it can
     */
    public static Optional<String> whyNot(Observation o, PublishedModel m) {
        Mismatch why = mismatch(o, m);
        return why == null ? Optional.empty() : Optional.of(why.reason());
    }

    /** Why a model does not apply, and how far it got through the checks (drug, population, route, analyte). */
    private record Mismatch(int stage, String reason) {
    }

    private static Mismatch mismatch(Observation o, PublishedModel m) {
        boolean racemicModel = m.drugForm() == DrugForm.RACEMIC;
        if ((o.drug() == DrugForm.RACEMIC) != racemicModel) {
            return new Mismatch(0, o.drug() == DrugForm.RACEMIC ? "no racemic model applies"
                    : "no S-ketamine model applies");
        }
        boolean paediatric = m.ageMaxYears() < Patient.ADULT_AGE_YEARS;
        if (o.children() != paediatric) {
            return new Mismatch(1, "no " + (o.children() ? "paediatric " : "adult ") + o.drug().label()
                    + " model applies");
        }
        for (Dose d : o.regimen().doses()) {
            if (!m.routes().containsKey(d.route())) {
                return new Mismatch(2, "no " + (o.children() ? "paediatric " : "") + o.drug().label()
                        + " model has the " + d.route().longName() + " route");
            }
        }
        if (!m.analytes().contains(o.analyte())) {
            return new Mismatch(3, "no " + (o.children() ? "paediatric " : "") + o.drug().label()
                    + " model with this route predicts " + o.analyte().label());
        }
        return null;
    }

    /**
     * Simulates the observation's design with a model and reads its metric.
     *
     * @return the prediction in the library's unit for the metric (ng/mL, h or ng·h/mL)
     */
    public static double predict(Observation o, PublishedModel m) {
        Regimen regimen = o.regimen();
        Patient subject = o.subject();
        boolean toInfinity = Double.isInfinite(o.toH());
        double end = toInfinity ? regimen.endH() + TAIL_H : Math.max(o.toH(), regimen.endH());
        TimeGrid grid = TimeGrid.uniform(end, toInfinity ? 0.25 : 1.0 / 120);
        Series s = TYPICAL.simulate(m, subject, regimen, grid).profile().series(o.analyte());
        return switch (o.metric()) {
            case CMAX -> s.cmaxNgPerMl(o.fromH(), o.toH());
            case TMAX -> tmaxH(s, o.fromH(), o.toH());
            case AUC -> s.aucNgHPerMl(o.fromH(), toInfinity ? end : o.toH());
            case C_AT -> s.ngPerMlAt(o.fromH());
        };
    }

    private static double tmaxH(Series s, double fromH, double toH) {
        double best = -1;
        double at = fromH;
        for (int i = 0; i < s.size(); i++) {
            double t = s.timeH(i);
            if (t >= fromH && t <= toH && s.ngPerMl(i) > best) {
                best = s.ngPerMl(i);
                at = t;
            }
        }
        return at;
    }
}
