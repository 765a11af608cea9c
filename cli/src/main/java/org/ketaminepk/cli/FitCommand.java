package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.cli.options.InputFiles;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.options.PatientOptions;
import org.ketaminepk.cli.report.MemoryBudget;
import org.ketaminepk.cli.report.OutputFiles;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.fit.IndividualFit;
import org.ketaminepk.fit.Level;
import org.ketaminepk.fit.LevelsCsv;
import org.ketaminepk.fit.MapFit;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Warning;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.result.Series;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk fit}: an individual curve from measured levels (maximum a posteriori, with the model's published
 * variability as the prior and its residual error as the likelihood).
 */
@Command(name = "fit", customSynopsis = {
            "ketamine-pk fit --observed FILE (--dose SPEC... | --protocol ID|FILE) [--model ID]",
            "                       [PATIENT OPTIONS] [--csv FILE|-] [--json FILE|-]"},
        sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Individual parameters and curve from measured levels (maximum a posteriori).",
        description = {
            "Estimates the patient's random effects that are most probable given the measured levels, with the "
                    + "model's published between-patient variability as the prior and its published residual error "
                    + "as the likelihood; a level below the limit of quantification counts as censored (the "
                    + "probability of being below it), not dropped. Prints each parameter typical vs individual with "
                    + "an approximate 95 %% interval and its shrinkage (posterior over prior variance: 1 when the "
                    + "levels say nothing about it), each level with its typical and individual prediction, and the "
                    + "individual curve's peak, time of peak and area.",
            "",
            "The levels file has a header time,analyte,value[,lloq]: time in h (or 90min, 2d), analyte ketamine, "
                    + "norketamine or hydroxynorketamine (one the model predicts), value with its unit (ng/mL, "
                    + "ug/L, ug/mL, mg/L, nmol/L, umol/L) or <LLOQ. Dose times and level times share one origin. "
                    + "Refused for models without published variability or residual error.",
            "",
            "A teaching and review tool, NOT therapeutic drug monitoring: an individual curve shows how the model "
                    + "explains these levels, not which dose to give."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk fit --observed levels.csv --dose \"0.5 mg/kg over 40 min\" --model otto-2021 --weight 82",
            "  ketamine-pk fit --observed levels.csv --dose \"20 mg/h for 24 h\" --model flint-2017 \\",
            "      --age 8 --weight 25 --height 128 --json -"})
public final class FitCommand implements Callable<Integer> {
    /** A level this many times above or below its individual prediction is named as not explained by the fit. */
    static final double FAR_FOLD = 10;
    /** The smallest shrinkage printed (to two decimals) as more than 1.00: only that is called "above 1". */
    static final double SHRINKAGE_SHOWN_ABOVE_ONE = 1.005;
    /**
     * Steps of the grid the curves are drawn on, min, finest first: the first whose grid fits in the heap is used
     * ({@link #curveStepMin}). None is longer than 5 min, the step beyond which a simulation warns that Cmax and Tmax
     * may miss the peak of a short input; a curve that needs a longer one is refused instead.
     */
    static final int[] CURVE_STEPS_MIN = {1, 2, 5};

    @Option(names = "--observed", required = true, paramLabel = "FILE", description = "The measured levels.")
    Path observed;

    @Mixin
    CommonOptions common;

    @ArgGroup(validate = false, order = 1, heading = PatientOptions.HEADING)
    PatientOptions patientOptions = new PatientOptions();

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write one row per level (measured, typical and "
            + "individual predictions, ratio) as CSV ('-' for standard output; the summary then goes to standard "
            + "error).")
    String csv;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write parameters, levels and curve metrics as "
            + "JSON ('-' for standard output).")
    String json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("--csv", csv);
        outputs.put("--json", json);
        OutputFiles.checkOutputs(outputs);
        List<Level> levels;
        try (Reader r = InputFiles.open(observed)) {
            levels = LevelsCsv.read(r, observed.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("observed", "levels file " + observed + " does not exist");
        }
        Regimen doses = common.doseRegimen();
        Protocol protocol = common.protocols.isEmpty() ? null
                : CommonOptions.protocol(common.protocols.get(0), "--protocol ");
        Regimen regimen = protocol == null ? doses : doses == null ? protocol.regimen() : protocol.regimen().and(doses);
        if (regimen == null) {
            throw new InvalidInputException("dose", "give the doses the levels follow, with --dose or --protocol");
        }
        PublishedModel model = common.model(protocol);
        IndividualFit fit = MapFit.of(model).fit(PatientOptions.orEmpty(patientOptions).patient(), regimen, levels);
        double endH = curveEndH(regimen, levels);
        int values = MemoryBudget.valuesPerPoint(fit.model(), fit.patient());
        long heap = MemoryBudget.maxHeapBytes();
        int stepMin = curveStepMin(endH, values, heap);
        TimeGrid grid = TimeGrid.uniform(endH, stepMin / 60.0);
        SimulationResult curve = Simulation.standard().simulate(fit.individual(), regimen, grid);
        SimulationResult typical = Simulation.standard().simulate(fit.typical(), regimen, grid);
        boolean csvToStdout = "-".equals(csv);
        boolean jsonToStdout = "-".equals(json);
        PrintWriter text = csvToStdout || jsonToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        summary(text, fit, curve, typical, endH, stepMin, stepMin == 1 ? "" : coarseCurveNote(endH, values, heap,
                stepMin));
        PrintWriter out = spec.commandLine().getOut();
        if (csv != null) {
            OutputFiles.writeText("--csv", csv, out, w -> csv(w, fit));
        }
        if (json != null) {
            OutputFiles.writeText("--json", json, out, w -> json(w, fit, curve, typical, stepMin));
        }
        return 0;
    }

    /**
     * @return where the curves end: a day past the last level or the end of the last dose, in whole hours, but not
     *         past the last time a grid may reach ({@link TimeGrid#MAX_TIME_H}, which a level may be taken at)
     */
    static double curveEndH(Regimen regimen, List<Level> levels) {
        double lastH = Math.max(regimen.endH(), levels.stream().mapToDouble(Level::timeH).max().orElse(0));
        return Math.min(Math.ceil(lastH + 24), TimeGrid.MAX_TIME_H);
    }

    /**
     * @param endH the end of the curve, h
     * @param stepMin the step of its grid, min
     * @return the points of that grid (the end is added when the step does not divide it)
     */
    static long curvePoints(double endH, int stepMin) {
        return (long) Math.ceil(endH * 60 / stepMin - 1e-9) + 1;
    }

    /**
     * The step of the grid the individual and typical curves are drawn on: the finest of {@link #CURVE_STEPS_MIN}
     * whose two curves fit in the heap ({@link MemoryBudget}). The fit itself solves the model at the levels' own
     * times only; the grid serves the curves' Cmax, Tmax and AUC, and of those Cmax and Tmax depend on it (AUC is
     * the exact integral on any grid).
     *
     * @param endH the end of the curves, h
     * @param valuesPerPoint values one run keeps per grid point ({@link MemoryBudget#valuesPerPoint})
     * @param maxHeapBytes the largest heap the JVM may use, bytes
     * @return the step, min
     * @throws InvalidInputException when even the coarsest step does not fit, with the memory it needs
     */
    static int curveStepMin(double endH, int valuesPerPoint, long maxHeapBytes) {
        List<Integer> runs = List.of(valuesPerPoint, valuesPerPoint);
        for (int s : CURVE_STEPS_MIN) {
            if (MemoryBudget.fits(curvePoints(endH, s), runs, maxHeapBytes)) {
                return s;
            }
        }
        int coarsest = CURVE_STEPS_MIN[CURVE_STEPS_MIN.length - 1];
        int points = (int) curvePoints(endH, coarsest);
        throw new InvalidInputException("observed", String.format(Locale.ROOT, "--observed: the individual and "
                + "typical curves to %s h need %s even with a point every %d min; give Java more memory (e.g. %s) "
                + "or leave out levels taken long after the doses (the curves run to a day past the last level)", Checks.fmt(endH),
                MemoryBudget.shortfall(points, runs, maxHeapBytes), coarsest, MemoryBudget.heapOption(points, runs)));
    }

    /** @return why the curve is drawn every {@code stepMin} minutes rather than every minute, and what that changes */
    static String coarseCurveNote(double endH, int valuesPerPoint, long maxHeapBytes, int stepMin) {
        List<Integer> runs = List.of(valuesPerPoint, valuesPerPoint);
        int fine = (int) Math.min(Integer.MAX_VALUE, curvePoints(endH, 1));
        return String.format(Locale.ROOT, "the curves are drawn every %d min, not every minute: to %s h a 1-min grid "
                + "would need %s. Cmax and Tmax are read on this grid, so a peak between two of its points is read "
                + "at one of them, up to %d min away; AUC is the exact integral on any grid, and the fit uses the "
                + "levels' own times and does not depend on the grid. More memory (e.g. %s) gives the 1-min grid.",
                stepMin, Checks.fmt(endH),
                MemoryBudget.shortfall(fine, runs, maxHeapBytes), stepMin, MemoryBudget.heapOption(fine, runs));
    }

    private void summary(PrintWriter out, IndividualFit fit, SimulationResult curve, SimulationResult typical,
            double endH, int stepMin, String coarseNote) {
        Text.hanging(out, "", String.format(Locale.ROOT, "Individual fit of %s to %d level%s (maximum a posteriori: "
                + "published variability as prior, published residual error as likelihood)", fit.model().id(),
                fit.predictions().size(), fit.predictions().size() == 1 ? "" : "s"), 100);
        out.printf(Locale.ROOT, "Patient: %s years, %s kg, %s cm, %s%n", Checks.fmt(fit.patient().ageYears()),
                Checks.fmt(fit.patient().weightKg()), Checks.fmt(fit.patient().heightCm()),
                fit.patient().sex().name().toLowerCase(Locale.ROOT));
        out.println();
        out.println("Parameters (typical for this patient → individual; approximate 95 % interval;");
        out.println("            random effect η ± SE; shrinkage)");
        for (IndividualFit.Estimate e : fit.estimates()) {
            Optional<IndividualFit.Uncertainty> u = e.uncertainty();
            out.printf(Locale.ROOT, "  %-8s %10s → %-10s %-8s %-20s η %+.3f %-8s shrinkage %s%n", e.parameter(),
                    num(e.typicalValue()), num(e.individualValue()), e.unit(),
                    u.map(x -> "(" + num(x.lower95()) + " to " + num(x.upper95()) + ")").orElse("(not estimable)"),
                    e.eta(), u.map(x -> String.format(Locale.ROOT, "± %.3f", x.etaSe())).orElse(""),
                    // the interval column already says "not estimable"; repeating it here made the row 106 wide
                    u.map(x -> String.format(Locale.ROOT, "%.2f", x.shrinkage())).orElse("–"));
        }
        List<String> wider = fit.estimates().stream()
                // as printed: a shrinkage of 1 up to the rounding of the numerical curvature reads "1.00"
                .filter(e -> e.uncertainty().map(x -> x.shrinkage() >= SHRINKAGE_SHOWN_ABOVE_ONE).orElse(false))
                .map(IndividualFit.Estimate::parameter).toList();
        if (!wider.isEmpty()) {
            Text.hanging(out, "note: ", "shrinkage above 1 (" + String.join(", ", wider) + "): at this "
                    + "estimate the levels make the posterior locally flatter than the prior, as a poor fit or levels "
                    + "that pull against each other do; those intervals are a rough local approximation. Check the "
                    + "levels, their times and the doses.", 94);
        }
        out.println();
        out.println("Levels (ng/mL)");
        out.printf(Locale.ROOT, "  %8s  %-12s %12s %12s %12s %10s%n", "time h", "analyte", "measured", "typical",
                "individual", "measured/individual");
        for (IndividualFit.Prediction p : fit.predictions()) {
            Level l = p.level();
            out.printf(Locale.ROOT, "  %8s  %-12s %12s %12s %12s %10s%n", Checks.fmt(l.timeH()), l.analyte().label(),
                    (l.censored() ? "<" : "") + num(l.valueOrLloqNgPerMl()), num(p.typicalNgPerMl()),
                    num(p.individualNgPerMl()), l.censored() ? "censored" : Double.isFinite(p.ratio().getAsDouble())
                            ? Text.twoDecimals(p.ratio().getAsDouble()) : "none (prediction 0)");
        }
        List<String> far = new java.util.ArrayList<>();
        for (int i = 0; i < fit.predictions().size(); i++) {
            IndividualFit.Prediction p = fit.predictions().get(i);
            OptionalDouble r = p.ratio(); // empty exactly for a censored level
            if (r.isPresent() && (!(r.getAsDouble() <= FAR_FOLD) || !(r.getAsDouble() >= 1 / FAR_FOLD))) {
                far.add(String.valueOf(i + 1));
            }
        }
        if (!far.isEmpty()) {
            // the fit is then what the prior allows, not an explanation of the level
            Text.hanging(out, "note: ", (far.size() == 1 ? "level " : "levels ") + String.join(", ", far) + " "
                    + (far.size() == 1 ? "is" : "are") + " more than " + Checks.fmt(FAR_FOLD) + "-fold from the "
                    + "individual prediction: the fit does not explain " + (far.size() == 1 ? "it" : "them")
                    + ", and the estimate is what the prior allows. Check units, sampling times, the doses and the "
                    + "analyte.", 94);
        }
        out.println();
        out.printf(Locale.ROOT, "Individual curve, 0–%s h%s (typical in brackets)%n", Checks.fmt(endH),
                stepMin == 1 ? "" : ", every " + stepMin + " min");
        for (Analyte a : fit.model().analytes()) {
            Series s = curve.profile().series(a);
            Series t = typical.profile().series(a);
            Text.hanging(out, String.format(Locale.ROOT, "  %-12s ", a.label()), String.format(Locale.ROOT,
                    "Cmax %s ng/mL (%s) at %s h (%s); AUC %s ng·h/mL (%s), exact integral", num(s.cmaxNgPerMl()),
                    num(t.cmaxNgPerMl()), Checks.fmt(Math.round(s.tmaxH() * 100) / 100.0),
                    Checks.fmt(Math.round(t.tmaxH() * 100) / 100.0), num(s.aucNgHPerMl()), num(t.aucNgHPerMl())), 85);
        }
        if (!coarseNote.isEmpty()) {
            Text.hanging(out, "note: ", coarseNote, 94);
        }
        Text.hanging(out, "", String.format(Locale.ROOT, "−2 log posterior: %s at the typical patient, %s at the "
                + "estimate (%d model evaluations)", Text.twoDecimals(fit.typicalObjective()),
                Text.twoDecimals(fit.objective()), fit.evaluations()), 100);
        for (Warning w : curve.warnings()) {
            if (w.code() != Warning.Code.ADJUSTMENT) {
                Text.hanging(out, "warning: ", w.message(), 91);
            }
        }
        out.println("A teaching and review tool, not therapeutic drug monitoring: do not choose a dose from it.");
        out.flush();
    }

    /** @return the number as {@link Checks#fmt} writes it, "" when absent */
    private static String fmtOrBlank(OptionalDouble v) {
        return v.isPresent() ? Checks.fmt(v.getAsDouble()) : "";
    }


    private static String num(double v) {
        return Checks.fmt(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }

    private static void csv(Writer w, IndividualFit fit) throws IOException {
        w.write("time_h,analyte,measured_ng_per_ml,lloq_ng_per_ml,censored,typical_ng_per_ml,individual_ng_per_ml,"
                + "measured_over_individual\n");
        for (IndividualFit.Prediction p : fit.predictions()) {
            Level l = p.level();
            w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%.6g,%.6g,%s%n", Checks.fmt(l.timeH()),
                    l.analyte().label(), fmtOrBlank(l.valueNgPerMl()), fmtOrBlank(l.lloqNgPerMl()), l.censored(),
                    p.typicalNgPerMl(), p.individualNgPerMl(), l.censored() || !Double.isFinite(p.ratio().getAsDouble())
                            ? "" : String.format(Locale.ROOT, "%.6g", p.ratio().getAsDouble())));
        }
        w.flush();
    }

    private static void json(Writer o, IndividualFit fit, SimulationResult curve, SimulationResult typical,
            int stepMin) throws IOException {
        // the generator flushes into the writer but leaves it open: the newline after the document goes there too
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(o)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("model", fit.model().id());
            g.writeStringField("method", "maximum a posteriori; prior: published variability; likelihood: "
                    + "published residual error; censored levels by their probability below the LLOQ");
            g.writeArrayFieldStart("parameters");
            for (IndividualFit.Estimate e : fit.estimates()) {
                g.writeStartObject();
                g.writeStringField("name", e.parameter());
                g.writeStringField("unit", e.unit());
                g.writeStringField("scale", e.scale().label());
                g.writeNumberField("typical", e.typicalValue());
                g.writeNumberField("individual", e.individualValue());
                g.writeNumberField("eta", e.eta());
                g.writeNumberField("prior_variance", e.priorVariance());
                if (e.uncertainty().isPresent()) {
                    IndividualFit.Uncertainty u = e.uncertainty().get();
                    g.writeNumberField("eta_se", u.etaSe());
                    g.writeNumberField("lower95", u.lower95());
                    g.writeNumberField("upper95", u.upper95());
                    g.writeNumberField("shrinkage", u.shrinkage());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("levels");
            for (IndividualFit.Prediction p : fit.predictions()) {
                Level l = p.level();
                g.writeStartObject();
                g.writeNumberField("time_h", l.timeH());
                g.writeStringField("analyte", l.analyte().label());
                if (l.valueNgPerMl().isPresent()) {
                    g.writeNumberField("measured_ng_per_ml", l.valueNgPerMl().getAsDouble());
                }
                if (l.lloqNgPerMl().isPresent()) {
                    g.writeNumberField("lloq_ng_per_ml", l.lloqNgPerMl().getAsDouble());
                }
                g.writeBooleanField("censored", l.censored());
                g.writeNumberField("typical_ng_per_ml", p.typicalNgPerMl());
                g.writeNumberField("individual_ng_per_ml", p.individualNgPerMl());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("curve");
            for (Analyte a : fit.model().analytes()) {
                Series s = curve.profile().series(a);
                Series t = typical.profile().series(a);
                g.writeStartObject();
                g.writeStringField("analyte", a.label());
                g.writeNumberField("cmax_ng_per_ml", s.cmaxNgPerMl());
                g.writeNumberField("tmax_h", s.tmaxH());
                g.writeNumberField("auc_ng_h_per_ml", s.aucNgHPerMl());
                g.writeNumberField("typical_cmax_ng_per_ml", t.cmaxNgPerMl());
                g.writeNumberField("typical_auc_ng_h_per_ml", t.aucNgHPerMl());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("curve_step_h", stepMin / 60.0);
            g.writeNumberField("objective", fit.objective());
            g.writeNumberField("typical_objective", fit.typicalObjective());
            g.writeEndObject();
        }
        o.write('\n');
    }
}
