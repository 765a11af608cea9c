package org.ketaminepk.cli.report;

import org.ketaminepk.cli.options.OutputOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.DosingWeight;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.AucRatio;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.ExposureMetrics;
import org.ketaminepk.result.LevelTimes;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * One simulated series as the command line reports it: what went in (model, patient, protocol, regimen), the
 * library's result, the metrics per analyte and the notes the command line adds (model choice, drug form). Immutable.
 *
 * @param label the series name in tables, legends and the CSV {@code series} column
 * @param model the model used
 * @param patient the patient
 * @param protocol the protocol, or null for doses given with {@code --dose} only
 * @param regimen the doses simulated
 * @param band the ketamine band of the metrics, ng/mL
 * @param bandSource where the band comes from, in words
 * @param result the library's result
 * @param metrics per analyte the model predicts, in {@link Analyte} order
 * @param notes remarks of the command line (not the library's warnings)
 * @param dosingWeight the body-size descriptor mg/kg doses were resolved with
 */
public record Run(String label, PublishedModel model, Patient patient, Protocol protocol, Regimen regimen,
        Band band, String bandSource, SimulationResult result, Map<Analyte, Metrics> metrics, List<String> notes,
        DosingWeight dosingWeight) {

    /**
     * Metrics of one analyte. Times in h, concentrations in ng/mL, AUC in ng·h/mL over the whole grid.
     *
     * @param analyte the analyte
     * @param cmaxNgPerMl highest concentration on the grid
     * @param tmaxH last time at that concentration, to within round-off
     * @param aucNgHPerMl exact AUC from 0 to the end of the grid
     * @param timeInBandH hours within the band (ketamine only), else null
     * @param timeToBelowBandH hours from the end of the last input until ketamine falls below the band's lower
     *        edge for good; null when not applicable or still above at the end
     * @param stillAboveAtEnd whether ketamine is still at or above the lower edge at the end of the grid
     * @param timeToReachBandH first time ketamine reaches the band's lower edge, h from time 0
     *        ({@link Series#timeToReachH}: never before the input that causes it); null for other analytes or when
     *        it never does
     * @param terminalHalfLifeH terminal half-life from the model's slowest rate constant that reaches this analyte
     *        ({@link ExposureMetrics#terminalHalfLifeH}; not a fit to the grid); null when there is none
     * @param aucToInfinityNgHPerMl exact AUC from 0 to infinity of all the doses, ng·h/mL, or null
     * @param timeAboveBandH hours above the band's upper edge (ketamine only), else null
     * @param lastTroughNgPerMl concentration just before the last dose, ng/mL; null for a single dose
     * @param dosingIntervalH interval of a regimen that repeats one block of doses, h, else null
     * @param steadyStateAverageNgPerMl average concentration at steady state of that block, ng/mL, else null
     */
    public record Metrics(Analyte analyte, double cmaxNgPerMl, double tmaxH, double aucNgHPerMl, Double timeInBandH,
            Double timeToBelowBandH, boolean stillAboveAtEnd, Double timeToReachBandH, Double terminalHalfLifeH,
            Double aucToInfinityNgHPerMl, Double timeAboveBandH, Double lastTroughNgPerMl, Double dosingIntervalH,
            Double steadyStateAverageNgPerMl) {
        /**
         * @return whether the curve rises above 0 in the grid's span; when not (every dose after the end), Tmax
         *         names no peak and is shown as absent ({@link AnalyteMetrics#hasPeak()})
         */
        public boolean hasPeak() {
            return cmaxNgPerMl > 0;
        }
    }

    /**
     * Simulates and measures one series.
     *
     * @param modelNote a note on how the model was chosen, or null
     */
    public static Run simulate(String label, PublishedModel model, Patient patient, Protocol protocol, Regimen regimen,
            TimeGrid grid, Band band, String bandSource, String modelNote) {
        return simulate(label, model, patient, protocol, regimen, grid, band, bandSource, modelNote,
                DosingWeight.TOTAL);
    }

    /**
     * Simulates and measures one series, mg/kg doses resolved with {@code dosingWeight}.
     *
     * @param modelNote a note on how the model was chosen, or null
     */
    public static Run simulate(String label, PublishedModel model, Patient patient, Protocol protocol, Regimen regimen,
            TimeGrid grid, Band band, String bandSource, String modelNote, DosingWeight dosingWeight) {
        SimulationResult result;
        try {
            result = Simulation.standard().withDosingWeight(dosingWeight).simulate(model, patient, regimen, grid);
        } catch (InvalidInputException e) {
            if ("route".equals(e.field())) {
                throw new InvalidInputException("model", "--model " + model.id() + ": " + e.getMessage()
                        + "; choose a model that takes this route (see 'ketamine-pk models')");
            }
            throw e;
        }
        Profile profile = result.profile();
        Map<Analyte, AnalyteMetrics> exact = result.metrics(List.of(band));
        // when ketamine reaches the band and falls below it: on the continuous curve where the run allows it
        Map<Analyte, LevelTimes> levels = profile.has(Analyte.KETAMINE) ? result.levelTimes(band.lowNgPerMl())
                .orElse(null) : null;
        Map<Analyte, Metrics> metrics = new EnumMap<>(Analyte.class);
        for (Analyte a : Analyte.values()) {
            if (profile.has(a)) {
                ExposureMetrics exposure = a == Analyte.KETAMINE ? result.metrics(a, band) : result.metrics(a);
                metrics.put(a, measure(profile.series(a), exact.get(a), exposure, a == Analyte.KETAMINE, band,
                        regimen.endH(), levels == null ? null : levels.get(a)));
            }
        }
        List<String> notes = new ArrayList<>();
        if (exact.values().stream().allMatch(AnalyteMetrics::exact)) {
            notes.add(EXACT_NOTE);
        }
        if (modelNote != null) {
            notes.add(modelNote);
        }
        DrugForm given = protocol == null ? null : protocol.drugForm().orElse(null);
        if (given != null && given != model.drugForm()) {
            notes.add(String.format(Locale.ROOT, "%s gives %s but model %s describes %s; the concentrations are those of the "
                    + "model's drug for the same mg", protocol.id(), given.label(), model.id(),
                    model.drugForm().label()));
        }
        if (band.equals(OutputOptions.DEFAULT_BAND) && model.drugForm() != DrugForm.RACEMIC) {
            notes.add("the analgesic band 70–160 ng/mL is for racemic ketamine; S-ketamine is about twice as "
                    + "potent (Peltoniemi 2016), so the band overstates what it needs");
        }
        String size = dosingWeightNote(patient, regimen, dosingWeight);
        if (size != null) {
            notes.add(size);
        }
        if (!profile.has(Analyte.NORKETAMINE)) {
            notes.add("model " + model.id() + " predicts ketamine only; norketamine values are left empty");
        }
        return new Run(label, model, patient, protocol, regimen, band, bandSource, result, metrics, notes,
                dosingWeight);
    }

    /** Says how Cmax, Tmax, AUC and the times about the band were found when they are exact. */
    static final String EXACT_NOTE = "Cmax, Tmax, AUC, time in band and when the band is reached and left are exact: "
            + "found on the continuous curve between doses, not read on the output grid";

    /**
     * @param levels when the curve is at or above the band's lower edge, found exactly, or null to read it on the
     *        grid
     */
    private static Metrics measure(Series s, AnalyteMetrics m, ExposureMetrics e, boolean parent, Band band,
            double lastInputEndH, LevelTimes levels) {
        Double inBand = null;
        Double below = null;
        boolean stillAbove = false;
        if (parent) {
            inBand = m.timeInBandH(0);
            double endH = s.timeH(s.size() - 1);
            if (lastInputEndH <= endH) {
                double after = Math.max(s.timeH(0), lastInputEndH);
                OptionalDouble t = levels != null ? levels.timeToFallBelowH(after)
                        : s.timeToFallBelowH(band.lowNgPerMl(), after);
                if (t.isPresent()) {
                    below = t.getAsDouble();
                } else {
                    stillAbove = true;
                }
            }
        }
        Double reach = !parent ? null : levels != null ? orNull(levels.firstAtOrAboveH())
                : timeToReach(s, band.lowNgPerMl());
        if (parent && reach == null) {
            // never reached: there is nothing to fall below
            below = null;
            stillAbove = false;
        }
        Double above = parent && !band.openAbove() ? e.bandTimes().map(ExposureMetrics.BandTimes::aboveH).orElse(null)
                : null;
        return new Metrics(s.analyte(), m.cmaxNgPerMl(), m.tmaxH(), m.aucNgHPerMl(), inBand, below, stillAbove, reach,
                orNull(e.terminalHalfLifeH()), orNull(e.aucToInfinityNgHPerMl()), above, orNull(e.lastTroughNgPerMl()),
                orNull(e.dosingIntervalH()), orNull(e.steadyStateAverageNgPerMl()));
    }

    /** BMI from which the note on other dosing weights is added, kg/m² (WHO obesity class I). */
    static final double OBESE_BMI_KG_PER_M2 = 30;

    /**
     * @return for mg/kg doses given by total body weight to a patient with a BMI of 30 or more, the weights the
     *         other descriptors would give; otherwise null
     */
    static String dosingWeightNote(Patient patient, Regimen regimen, DosingWeight dosingWeight) {
        double bmi = patient.bmiKgPerM2();
        if (dosingWeight != DosingWeight.TOTAL || bmi < OBESE_BMI_KG_PER_M2 || !weightBased(regimen)) {
            return null;
        }
        try {
            return String.format(Locale.ROOT, "mg/kg doses use the total body weight, %s kg, at BMI %.1f kg/m²; "
                    + "--dosing-weight ideal, lean or adjusted would use %s, %s or %s kg", Checks.fmt(
                            patient.weightKg()), bmi, Text.sig(DosingWeight.IDEAL.kg(patient), 3),
                    Text.sig(DosingWeight.LEAN.kg(patient), 3), Text.sig(DosingWeight.ADJUSTED.kg(patient), 3));
        } catch (InvalidInputException e) {
            return null; // too short for an ideal weight: no alternative to offer
        }
    }

    private static boolean weightBased(Regimen regimen) {
        for (org.ketaminepk.dosing.Dose d : regimen.doses()) {
            if (d.amountMg(1) != d.amountMg(2)) {
                return true;
            }
        }
        return false;
    }

    private static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /**
     * @return the norketamine/ketamine AUC ratio (by mass) over the grid and to infinity, or null when the model
     *         does not predict both
     */
    public AucRatio norketamineRatio() {
        if (!result.profile().has(Analyte.KETAMINE) || !result.profile().has(Analyte.NORKETAMINE)) {
            return null;
        }
        return result.aucRatio(Analyte.NORKETAMINE, Analyte.KETAMINE);
    }

    /** @return the weight mg/kg doses were resolved with, kg */
    public double dosingWeightKg() {
        return result.profile().weightKg();
    }

    /** @return the first time the series reaches {@code levelNgPerMl} ({@link Series#timeToReachH}), or null */
    static Double timeToReach(Series s, double levelNgPerMl) {
        OptionalDouble t = s.timeToReachH(levelNgPerMl);
        return t.isPresent() ? t.getAsDouble() : null;
    }

    /** @return the library's warnings for this run */
    List<Warning> warnings() {
        return result.warnings();
    }

    /**
     * Shortens long runs of warnings of one kind (a capped rate warns once per infusion): at most
     * {@code perKind} of each kind, then a line saying how many more there are.
     *
     * @param warnings the warnings
     * @param perKind how many of one kind to keep
     * @return messages for people
     */
    public static List<String> collapse(List<Warning> warnings, int perKind) {
        Map<Warning.Code, List<String>> byCode = new LinkedHashMap<>();
        for (Warning w : warnings) {
            byCode.computeIfAbsent(w.code(), c -> new ArrayList<>()).add(w.message());
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Warning.Code, List<String>> e : byCode.entrySet()) {
            List<String> ms = e.getValue();
            if (ms.size() <= perKind + 1) {
                out.addAll(ms);
            } else {
                out.addAll(ms.subList(0, perKind));
                out.add("... and " + (ms.size() - perKind) + " more of the same kind ("
                        + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; all are in --json)");
            }
        }
        return out;
    }
}
