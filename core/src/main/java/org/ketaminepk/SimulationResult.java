package org.ketaminepk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.AucRatio;
import org.ketaminepk.result.Band;
import org.ketaminepk.result.Disposition;
import org.ketaminepk.result.ExactMetrics;
import org.ketaminepk.result.LevelTimes;
import org.ketaminepk.result.ExposureMetrics;
import org.ketaminepk.result.Profile;
import org.ketaminepk.result.Series;

/**
 * What a simulation returns: the concentration profile, the individual model it came from (parameters used and
 * their adjustments), and every warning. Immutable.
 *
 * <p>The metrics are offered directly:
 * <pre>
 *   SimulationResult r = Simulation.run(model, patient, regimen, grid);
 *   double peak = r.metrics(Analyte.KETAMINE).cmaxNgPerMl();
 *   OptionalDouble tHalf = r.metrics(Analyte.NORKETAMINE).terminalHalfLifeH();   // from the model, not the grid
 *   OptionalDouble ratio = r.aucRatio(Analyte.NORKETAMINE, Analyte.KETAMINE).toInfinity();
 * </pre>
 *
 * @param individual the individualised model
 * @param profile the concentrations and metrics
 * @param warnings extrapolations, assumptions, routes not studied, grid notes
 * @param solver name of the solver used
 */
public record SimulationResult(IndividualModel individual, Profile profile, List<Warning> warnings, String solver) {
    /** Copies the list. */
    public SimulationResult {
        warnings = List.copyOf(warnings);
    }

    /**
     * Cmax, Tmax, AUC and the time within each band, exact where the run allows it: found on the continuous curve
     * between input changes ({@link ExactMetrics}), over the profile's span, when the exact solver was used and the
     * system's eigen-decomposition is trusted; otherwise read on the profile's grid as its {@code Series} reads them.
     * {@link AnalyteMetrics#exact()} says which. Thread-safe.
     *
     * @param bands the bands whose time to measure (may be empty)
     * @return the metrics per analyte, in analyte order
     */
    public Map<Analyte, AnalyteMetrics> metrics(List<Band> bands) {
        Checks.notNull("bands", bands);
        double[] times = null;
        for (Analyte a : profile.analytes()) {
            times = profile.series(a).timesH();
            break;
        }
        TimeGrid grid = TimeGrid.of(times);
        // the weight the doses were resolved with (the dosing weight), as the profile was
        Schedule schedule = profile.regimen().schedule(individual.system(), profile.weightKg());
        if ("exact".equals(solver)) {
            Optional<Map<Analyte, AnalyteMetrics>> exact = ExactMetrics.compute(individual.system(), schedule, grid,
                    bands);
            if (exact.isPresent()) {
                return exact.get();
            }
        }
        Map<Analyte, AnalyteMetrics> out = new EnumMap<>(Analyte.class);
        for (Analyte a : profile.analytes()) {
            Series s = profile.series(a);
            List<Double> hours = new ArrayList<>();
            for (Band b : bands) {
                hours.add(b.openAbove() ? s.timeAboveH(b.lowNgPerMl()) : s.timeWithinH(b.lowNgPerMl(),
                        b.highNgPerMl()));
            }
            out.put(a, new AnalyteMetrics(a, s.cmaxNgPerMl(), s.tmaxH(), s.aucNgHPerMl(), bands, hours));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * When each analyte first reaches {@code levelNgPerMl} and last is at or above it, found on the continuous curve
     * between input changes ({@link ExactMetrics#levelTimes}) over the grid's span, whatever its step.
     *
     * @return per analyte; empty when the run's solver is not the exact one or its eigen-decomposition is not
     *         trusted (then read them on the grid: {@link Series#timeToReachH}, {@link Series#timeToFallBelowH})
     */
    public Optional<Map<Analyte, LevelTimes>> levelTimes(double levelNgPerMl) {
        if (!"exact".equals(solver)) {
            return Optional.empty();
        }
        double[] times = null;
        for (Analyte a : profile.analytes()) {
            times = profile.series(a).timesH();
            break;
        }
        Schedule schedule = profile.regimen().schedule(individual.system(), profile.weightKg());
        return ExactMetrics.levelTimes(individual.system(), schedule, TimeGrid.of(times), levelNgPerMl);
    }

    /** @return what was adjusted for this patient */
    public List<Adjustment> adjustments() {
        return individual.adjustments();
    }

    /**
     * @return the model's terminal half-lives and exact AUCs to infinity for this run's doses
     *         ({@link Disposition}), resolved with the weight the doses were resolved with
     */
    public Disposition disposition() {
        return Disposition.of(individual.system(), profile.regimen().schedule(individual.system(),
                profile.weightKg()));
    }

    /**
     * @return the metrics of analyte {@code a}, without band times
     * @throws org.ketaminepk.base.InvalidInputException if the model does not predict {@code a}
     */
    public ExposureMetrics metrics(Analyte a) {
        return metrics(a, Optional.empty());
    }

    /**
     * @param band the band for the times within, above and below it (for none use {@link #metrics(Analyte)})
     * @return the metrics of analyte {@code a}
     * @throws org.ketaminepk.base.InvalidInputException if the model does not predict {@code a}, or for a missing
     *         band
     */
    public ExposureMetrics metrics(Analyte a, Band band) {
        return metrics(a, Optional.of(Checks.notNull("band", band)));
    }

    private ExposureMetrics metrics(Analyte a, Optional<Band> bandTimes) {
        Checks.notNull("analyte", a);
        Band band = bandTimes.orElse(null);
        Series s = profile.series(a);
        Disposition d = disposition();
        double endH = s.timeH(s.size() - 1);
        double startH = s.timeH(0);
        List<Double> troughs = profile.troughsBeforeDosesNgPerMl(a);
        OptionalDouble trough = troughs.size() < 2 ? OptionalDouble.empty()
                : OptionalDouble.of(troughs.get(troughs.size() - 1));
        OptionalDouble interval = OptionalDouble.empty();
        OptionalDouble steady = OptionalDouble.empty();
        Optional<Repetition> rep = Repetition.of(profile.regimen());
        if (rep.isPresent()) {
            interval = OptionalDouble.of(rep.get().intervalH());
            OptionalDouble blockAuc = Disposition.of(individual.system(), rep.get().block()
                    .schedule(individual.system(), profile.weightKg())).aucToInfinityNgHPerMl(a);
            if (blockAuc.isPresent()) {
                steady = OptionalDouble.of(blockAuc.getAsDouble() / rep.get().intervalH());
            }
        }
        // Cmax, Tmax, AUC and band times as metrics(bands) finds them: exact where the run allows it
        List<Band> bands = band == null ? List.of() : band.openAbove() ? List.of(band)
                : List.of(band, Band.above(band.highNgPerMl()));
        AnalyteMetrics m = metrics(bands).get(a);
        Optional<ExposureMetrics.BandTimes> times = Optional.empty();
        if (band != null) {
            double within = m.timeInBandH(0);
            double above = band.openAbove() ? 0 : m.timeInBandH(1);
            double below = Math.max(0, endH - startH - within - above);
            times = Optional.of(new ExposureMetrics.BandTimes(band, within, above, below));
        }
        return new ExposureMetrics(a, m.cmaxNgPerMl(), m.tmaxH(), endH, m.aucNgHPerMl(), d.aucToInfinityNgHPerMl(a),
                d.terminalHalfLifeH(a), trough, interval, steady, times);
    }

    /**
     * The ratio of two analytes' AUCs, by mass (ng·h/mL over ng·h/mL), over the grid and to infinity: for
     * {@code (NORKETAMINE, KETAMINE)} the metabolite-to-parent ratio.
     *
     * @return the ratio; a part is empty when its denominator is zero or unknown
     * @throws org.ketaminepk.base.InvalidInputException if the model does not predict both analytes
     */
    public AucRatio aucRatio(Analyte numerator, Analyte denominator) {
        Series n = profile.series(numerator);
        Series dn = profile.series(denominator);
        Disposition d = disposition();
        return AucRatio.of(numerator, denominator, dn.timeH(dn.size() - 1), n.aucNgHPerMl(), dn.aucNgHPerMl(),
                d.aucToInfinityNgHPerMl(numerator), d.aucToInfinityNgHPerMl(denominator));
    }

    /** @return e.g. "SimulationResult[kamp-2020, 45 y 70 kg, 1 dose; ketamine: Cmax ...; 2 warnings; exact]" */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(individual.model().id());
        parts.add(profile.regimen().doses().size() + (profile.regimen().doses().size() == 1 ? " dose" : " doses"));
        for (Analyte a : profile.analytes()) {
            parts.add(metrics(a).toString());
        }
        parts.add(warnings.size() + (warnings.size() == 1 ? " warning" : " warnings"));
        parts.add("solver " + solver);
        return "SimulationResult[" + String.join("; ", parts) + "]";
    }

    /**
     * A regimen made of one block of doses repeated at a fixed interval, at least twice.
     *
     * @param block the first repetition's doses
     * @param intervalH the interval, h
     */
    record Repetition(Regimen block, double intervalH) {
        /** @return the shortest block that repeats to make {@code r}, if any */
        static Optional<Repetition> of(Regimen r) {
            List<Dose> doses = r.doses();
            int n = doses.size();
            for (int b = 1; b <= n / 2; b++) {
                if (n % b != 0) {
                    continue;
                }
                double tau = doses.get(b).timeH() - doses.get(0).timeH();
                if (!(tau > 0) || !repeats(doses, b, tau)) {
                    continue;
                }
                return Optional.of(new Repetition(Regimen.of(doses.subList(0, b)), tau));
            }
            return Optional.empty();
        }

        private static boolean repeats(List<Dose> doses, int b, double tau) {
            for (int i = b; i < doses.size(); i++) {
                Dose earlier = doses.get(i - b);
                Dose later = doses.get(i);
                double dt = later.timeH() - earlier.timeH();
                if (Math.abs(dt - tau) > 1e-9 * Math.max(1, later.timeH()) || !earlier.shifted(dt).equals(later)) {
                    return false;
                }
            }
            return true;
        }
    }
}
