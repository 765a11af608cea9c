package org.ketaminepk.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * One published value: who was studied, what was given, what was measured and how the number was read. Immutable;
 * the constructor validates every field and names the bad one.
 *
 * @param id short unique key, e.g. {@code chong06-po25-nk-cmax}
 * @param study first author and year, e.g. "Chong 2006"
 * @param source full citation with DOI or URL, and the transcription read when the paper itself was not
 * @param population who was studied, in words, including the typical subject simulated
 * @param ageYears age of the typical subject simulated, years
 * @param weightKg weight of the typical subject simulated, kg
 * @param heightCm height of the typical subject simulated, cm
 * @param drug racemic ketamine or S-ketamine ({@link DrugForm#RACEMIC} or {@link DrugForm#S_KETAMINE})
 * @param route the route of the dose the observation is about
 * @param dose the design in the dose grammar; several doses joined by {@code " | "}
 * @param analyte what was measured (for racemic drug, both enantiomers together)
 * @param site sampling site as the source states it ("arterial", "venous", "not stated")
 * @param statistic mean, geometric mean, median, approximate, ...
 * @param metric Cmax, Tmax, AUC or concentration at a time
 * @param fromH start of the window, or the time of {@link Metric#C_AT}, h
 * @param toH end of the window, h ({@code +∞} for an AUC to infinity; equal to {@code fromH} for C_AT)
 * @param value the value as published, in {@code unit}
 * @param unit the published unit (ng/mL, ug/mL, nmol/mL, umol/L, ng.h/mL, ug.h/L, ng.min/mL, h, min)
 * @param spread SD, geometric SD, range or confidence interval as published, empty when none is published
 * @param n number of subjects, empty when not stated
 * @param read how the value was read: table, text, digitised figure (by whom), derived (how)
 * @param fittedBy ids of the models whose parameters were estimated or calibrated from this value
 * @param gaps per model id, why a known disagreement exists
 */
public record Observation(String id, String study, String source, String population, double ageYears,
        double weightKg, double heightCm, DrugForm drug, Route route, String dose, Analyte analyte, String site,
        String statistic, Metric metric, double fromH, double toH, double value, String unit, Optional<String> spread,
        OptionalInt n, String read, Set<String> fittedBy, Map<String, String> gaps) {

    /** Separates several dose specifications in {@link #dose}. */
    public static final String DOSE_SEPARATOR = " | ";

    /**
     * Validates and copies.
     *
     * @throws InvalidInputException for a missing or out-of-range component (a spread or n that is null rather than
     *         empty, a blank spread, or an n outside [1, 100000], included)
     */
    public Observation {
        Checks.notNull("id", id);
        if (id.isBlank()) {
            throw new InvalidInputException("id", "id must not be empty");
        }
        Checks.notNull("study", study);
        Checks.notNull("source", source);
        Checks.notNull("population", population);
        Checks.inRange("age", ageYears, 0, 120, "years");
        Checks.inRange("weight", weightKg, 0.5, 350, "kg");
        Checks.inRange("height", heightCm, 30, 250, "cm");
        Checks.notNull("drug", drug);
        if (drug == DrugForm.ESKETAMINE) {
            drug = DrugForm.S_KETAMINE;
        }
        Checks.notNull("route", route);
        Checks.notNull("dose", dose);
        Checks.notNull("analyte", analyte);
        Checks.notNull("site", site);
        Checks.notNull("statistic", statistic);
        Checks.notNull("metric", metric);
        Checks.inRange("window start", fromH, 0, 24 * 365, "h");
        if (metric == Metric.C_AT) {
            if (toH != fromH) {
                throw new InvalidInputException("window end", "window end must be empty for C_AT (a single time) "
                        + "but was " + Checks.fmt(toH) + " h");
            }
        } else if (!(toH > fromH) || (Double.isInfinite(toH) && metric != Metric.AUC)) {
            throw new InvalidInputException("window end", "window end must be after the start (" + Checks.fmt(fromH)
                    + " h), and infinite only for an AUC, but was " + Checks.fmt(toH) + " h");
        }
        Checks.notNull("unit", unit);
        Checks.positive("value", value, 1e9, unit);
        unitFactor(unit, metric, analyte);
        Checks.notNull("spread", spread);
        if (spread.isPresent() && spread.get().isBlank()) {
            throw new InvalidInputException("spread", "spread must not be blank; leave it out if none is published");
        }
        Checks.notNull("n", n);
        if (n.isPresent() && (n.getAsInt() < 1 || n.getAsInt() > 100_000)) {
            throw new InvalidInputException("n", "n must be between 1 and 100000 (or not stated) but was "
                    + n.getAsInt());
        }
        Checks.notNull("read", read);
        fittedBy = Set.copyOf(Checks.notNull("fitted by", fittedBy));
        gaps = Map.copyOf(Checks.notNull("gaps", gaps));
        regimenOf(dose);
    }

    /** @return the design as a regimen (weight-based doses stay weight-based) */
    public Regimen regimen() {
        return regimenOf(dose);
    }

    private static Regimen regimenOf(String dose) {
        Regimen r = null;
        for (String part : dose.split(java.util.regex.Pattern.quote(DOSE_SEPARATOR.trim()))) {
            Regimen one = DoseParser.parse(part.trim());
            r = r == null ? one : r.and(one);
        }
        return r;
    }

    /** @return the typical subject: age, weight and height as simulated, male, nothing else stated */
    public Patient subject() {
        return new Patient(ageYears, weightKg, heightCm, Sex.MALE);
    }

    /** @return true when the subjects were children (under 18 years) */
    public boolean children() {
        return ageYears < Patient.ADULT_AGE_YEARS;
    }

    /** @return the value in the library's unit for its metric (ng/mL, h or ng·h/mL) */
    public double internalValue() {
        return value * unitFactor(unit, metric, analyte);
    }

    /** @return {@code internal} converted back to this observation's published unit */
    public double toPublishedUnit(double internal) {
        return internal / unitFactor(unit, metric, analyte);
    }

    /** @return true when {@code modelId}'s parameters were estimated or calibrated from this value */
    public boolean fittedBy(String modelId) {
        return fittedBy.contains(modelId);
    }

    /** @return why {@code modelId} is known to disagree with this value, if a reason is recorded */
    public Optional<String> gapFor(String modelId) {
        return Optional.ofNullable(gaps.get(modelId));
    }

    /**
     * Factor from a published unit to the library's unit for the metric's kind.
     *
     * @throws InvalidInputException when the unit is unknown or does not fit the metric
     */
    static double unitFactor(String unit, Metric metric, Analyte analyte) {
        String u = unit.trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace("·", ".");
        double f = switch (metric.kind()) {
            case CONCENTRATION -> switch (u) {
                case "ng/ml", "ug/l" -> 1;
                case "ug/ml", "mg/l" -> 1000;
                case "nmol/ml", "umol/l" -> analyte.molarMassGPerMol();
                default -> Double.NaN;
            };
            case AREA -> switch (u) {
                case "ng.h/ml", "ug.h/l" -> 1;
                case "ng.min/ml" -> 1.0 / 60;
                case "ug.h/ml", "mg.h/l" -> 1000;
                default -> Double.NaN;
            };
            case TIME -> switch (u) {
                case "h" -> 1;
                case "min" -> 1.0 / 60;
                default -> Double.NaN;
            };
        };
        if (Double.isNaN(f)) {
            throw new InvalidInputException("unit", "unit for " + metric.label() + " must be "
                    + switch (metric.kind()) {
                        case CONCENTRATION -> "ng/mL, ug/L, ug/mL, mg/L, nmol/mL or umol/L";
                        case AREA -> "ng.h/mL, ug.h/L, ng.min/mL, ug.h/mL or mg.h/L";
                        case TIME -> "h or min";
                    } + " but was '" + unit + "'");
        }
        return f;
    }
}
