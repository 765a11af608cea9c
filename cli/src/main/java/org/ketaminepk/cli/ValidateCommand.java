package org.ketaminepk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.cli.report.OutputFiles;
import org.ketaminepk.cli.report.Outputs;
import org.ketaminepk.cli.report.Text;
import org.ketaminepk.cli.chart.ValidationChart;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.validation.Agreement;
import org.ketaminepk.validation.Comparison;
import org.ketaminepk.validation.Observation;
import org.ketaminepk.validation.ObservationTable;
import org.ketaminepk.validation.Validation;
import org.ketaminepk.validation.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ketamine-pk validate}: every model against the published observations it applies to, with the ratios, the
 * known reasons for each large miss, and agreement per model and route.
 */
@Command(name = "validate", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "Compare the models with published observations.",
        description = {
            "Runs the design of every published observation in the project's table (study, population, dose, "
                    + "analyte, sampling site, statistic, metric, value, spread, n and how it was read) with each "
                    + "model that describes the same drug, population and routes, and prints predicted/observed "
                    + "ratios, why a model is known to miss where a reason is recorded, the observations no model "
                    + "applies to, and per model and route the share of predictions within 1.25-, 1.5- and 2-fold "
                    + "and the geometric mean fold error.",
            "",
            "Typical values of the models are compared with summary statistics of small studies; a value a model "
                    + "was fitted to is marked with *. A teaching and review tool, not a dosing device."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk validate",
            "  ketamine-pk validate --model racemic-composite --plot validation.png",
            "  ketamine-pk validate --csv validation.csv --json -"})
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "ID", description = "Validate only this model (default: every model).")
    String modelId;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw predicted against observed to FILE "
            + "(.png or .svg).")
    Path plot;

    @Option(names = "--csv", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
            description = "Write every comparison as CSV to FILE, or to standard output with '-' or no FILE.")
    String csv;

    @Option(names = "--json", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
            description = "Write the comparisons and the summaries as JSON to FILE, or to standard output with '-' "
                    + "or no FILE.")
    String json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("--csv", csv);
        outputs.put("--json", json);
        outputs.put("--plot", plot == null ? null : plot.toString());
        OutputFiles.checkOutputs(outputs);
        List<PublishedModel> models = modelId == null ? Models.all() : List.of(Models.get(modelId));
        List<Observation> observations = ObservationTable.standard();
        ValidationReport report = Validation.run(models, observations);
        PrintWriter out = spec.commandLine().getOut();
        boolean toStdout = "-".equals(csv) || "-".equals(json);
        if (!toStdout) {
            text(out, report, observations.size());
        }
        if (csv != null) {
            emit(out, "--csv", csv, csv(report));
        }
        if (json != null) {
            emit(out, "--json", json, json(report));
        }
        if (plot != null) {
            String title = modelId == null ? "Predicted against observed: all models"
                    : "Predicted against observed: " + models.get(0).id();
            Outputs.writeChart("--plot", plot, ValidationChart.create(report, title));
            if (!toStdout) {
                out.println("wrote " + plot);
            }
        }
        out.flush();
        return 0;
    }

    private static void emit(PrintWriter out, String option, String target, String content) {
        if ("-".equals(target)) {
            out.print(content);
            return;
        }
        // whole or not at all, as every other command writes its files
        OutputFiles.writeText(option, target, out, w -> w.write(content));
        out.println("wrote " + target);
    }

    // ------------------------------------------------------------------------------------------------ text

    private static void text(PrintWriter w, ValidationReport r, int observations) {
        w.printf(Locale.ROOT, "Models against %d published observations (typical values, no patient adjustments).%n",
                observations);
        w.println("ratio = predicted / observed; * = a value the model was fitted or calibrated to.");
        w.println();
        // each observation once, its models under it: one row per comparison would be 120 columns wide
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"observation / model", "what", "observed / predicted", "ratio"});
        Observation previous = null;
        for (Comparison c : r.comparisons()) {
            Observation o = c.observation();
            if (o != previous) {
                rows.add(new String[] {o.id(), o.route().shortName() + " " + o.analyte().label() + ", " + metric(o),
                    observed(o), ""});
                previous = o;
            }
            rows.add(new String[] {"  " + c.model().id(), "", sig3(c.predictedInPublishedUnit()) + " " + unit(o),
                ratio(c.ratio()) + (c.fitted() ? "*" : "")});
        }
        table(w, rows);

        List<Comparison> misses = r.comparisons().stream().filter(c -> c.foldError() > 1.5).toList();
        if (!misses.isEmpty()) {
            w.println();
            w.println("Outside 1.5-fold, and why:");
            for (Comparison c : misses) {
                Text.hanging(w, "  ", "    ", c.observation().id() + ", " + c.model().id() + " (" + ratio(c.ratio())
                        + "): " + c.knownGap().orElse("no reason recorded"), 96);
            }
        }
        if (!r.unmatched().isEmpty() && r.modelIds().size() == 1) {
            w.println();
            Text.hanging(w, "", "", String.format(Locale.ROOT, "%d observations do not apply to %s (another drug, "
                    + "population or route); without --model every observation no model can simulate is listed "
                    + "with the reason.", r.unmatched().size(), r.modelIds().get(0)), 100);
        } else if (!r.unmatched().isEmpty()) {
            w.println();
            w.println("Not simulated:");
            for (ValidationReport.Unmatched u : r.unmatched()) {
                Observation o = u.observation();
                Text.hanging(w, "  ", "    ", String.format(Locale.ROOT, "%s (%s, %s %s, %s): %s", o.id(), o.study(),
                        o.route().longName(), o.analyte().label(), o.children() ? "children" : "adults",
                        u.reason()), 96);
            }
        }
        w.println();
        w.println("Agreement per model:");
        List<String[]> sum = new ArrayList<>();
        sum.add(new String[] {"model", "route", "n", "fitted", "≤1.25×", "≤1.5×", "≤2×", "GMFE"});
        Map<String, Map<Route, Agreement>> byRoute = r.byModelAndRoute();
        for (Map.Entry<String, Agreement> e : r.byModel().entrySet()) {
            sum.add(agreementRow(e.getKey(), "all", e.getValue()));
            if (byRoute.get(e.getKey()).size() > 1) {
                byRoute.get(e.getKey()).forEach((route, a) -> sum.add(agreementRow("", route.shortName(), a)));
            }
        }
        table(w, sum);
        w.println("GMFE: geometric mean fold error, exp(mean |ln ratio|); 1 is perfect.");
        r.byModel().forEach((id, a) -> {
            if (a.count() == 0) {
                Text.hanging(w, "", "  ", id + ": no observation applies (no published value of its drug, "
                        + "population and routes is in the table)", 98);
            }
        });
        w.println();
        w.println("Sources:");
        Set<String> sources = new LinkedHashSet<>();
        r.comparisons().forEach(c -> sources.add(c.observation().study() + ": " + c.observation().source()));
        r.unmatched().forEach(u -> sources.add(u.observation().study() + ": " + u.observation().source()));
        sources.forEach(s -> Text.hanging(w, "  ", "    ", s, 96));
    }

    private static String[] agreementRow(String model, String route, Agreement a) {
        if (a.count() == 0) {
            return new String[] {model, route, "0", "-", "-", "-", "-", "-"};
        }
        return new String[] {model, route, Integer.toString(a.count()), Integer.toString(a.fitted()),
            percent(a.within125().getAsDouble()), percent(a.within15().getAsDouble()),
            percent(a.within2().getAsDouble()), String.format(Locale.ROOT, "%.2f",
                    a.geometricMeanFoldError().getAsDouble())};
    }

    private static String metric(Observation o) {
        return switch (o.metric()) {
            case C_AT -> "C at " + (o.fromH() < 1 ? sig3(o.fromH() * 60) + " min" : sig3(o.fromH()) + " h");
            case AUC -> "AUC " + sig3(o.fromH()) + "-" + (Double.isInfinite(o.toH()) ? "∞" : sig3(o.toH())) + " h";
            default -> o.metric().label();
        };
    }

    private static String observed(Observation o) {
        return Checks.fmt(o.value()) + " " + unit(o);
    }

    /** The published unit as printed: µ for u and a centred dot in products. */
    private static String unit(Observation o) {
        return o.unit().replace("ug", "µg").replace("umol", "µmol").replace(".h", "·h").replace(".min", "·min");
    }

    private static void table(PrintWriter w, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                b.append(row[i]);
                if (i < cols - 1) {
                    b.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            w.println(b.toString().stripTrailing());
        }
    }

    /** @return {@code v} to three significant digits, without exponent or trailing zeros */
    static String sig3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    // ------------------------------------------------------------------------------------------------ files

    private static final String CSV_HEADER = "observation,study,population,drug,route,dose,analyte,site,statistic,"
            + "metric,from_h,to_h,observed,unit,spread,n,read,model,predicted,ratio,fitted,note";

    private static String csv(ValidationReport r) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        w.println(CSV_HEADER);
        for (Comparison c : r.comparisons()) {
            w.println(csvRow(c.observation(), c.model().id(), num(c.predictedInPublishedUnit()), num(c.ratio()),
                    Boolean.toString(c.fitted()), c.knownGap().orElse("")));
        }
        for (ValidationReport.Unmatched u : r.unmatched()) {
            w.println(csvRow(u.observation(), "", "", "", "", "not simulated: " + u.reason()));
        }
        w.flush();
        return s.toString();
    }

    private static String csvRow(Observation o, String model, String predicted, String ratio, String fitted,
            String note) {
        List<String> cells = List.of(o.id(), o.study(), o.population(), o.drug().label(), o.route().shortName(),
                o.dose(), o.analyte().label(), o.site(), o.statistic(), o.metric().name(), num(o.fromH()),
                Double.isInfinite(o.toH()) ? "inf" : num(o.toH()), num(o.value()), o.unit(), o.spread().orElse(""),
                o.n().isPresent() ? Integer.toString(o.n().getAsInt()) : "", o.read(), model, predicted, ratio, fitted, note);
        StringBuilder b = new StringBuilder();
        for (String cell : cells) {
            if (b.length() > 0) {
                b.append(',');
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
            b.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return b.toString();
    }

    private static String num(double v) {
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String json(ValidationReport r) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("models", r.modelIds());
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (Comparison c : r.comparisons()) {
            Map<String, Object> m = observationJson(c.observation());
            m.put("model", c.model().id());
            m.put("predicted", c.predictedInPublishedUnit());
            m.put("ratio", c.ratio());
            m.put("fitted", c.fitted());
            c.knownGap().ifPresent(g -> m.put("knownGap", g));
            comparisons.add(m);
        }
        root.put("comparisons", comparisons);
        List<Map<String, Object>> unmatched = new ArrayList<>();
        for (ValidationReport.Unmatched u : r.unmatched()) {
            Map<String, Object> m = observationJson(u.observation());
            m.put("notSimulated", u.reason());
            unmatched.add(m);
        }
        root.put("notSimulated", unmatched);
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Map<Route, Agreement>> byRoute = r.byModelAndRoute();
        r.byModel().forEach((id, a) -> {
            Map<String, Object> m = agreementJson(a);
            Map<String, Object> routes = new LinkedHashMap<>();
            byRoute.get(id).forEach((route, ra) -> routes.put(route.shortName(), agreementJson(ra)));
            m.put("byRoute", routes);
            summary.put(id, m);
        });
        root.put("agreement", summary);
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, root);
        }
        return out + System.lineSeparator();
    }

    /** Maps, lists, strings, numbers and booleans as JSON; a non-finite number as null. */
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static Map<String, Object> observationJson(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observation", o.id());
        m.put("study", o.study());
        m.put("source", o.source());
        m.put("population", o.population());
        m.put("drug", o.drug().label());
        m.put("route", o.route().shortName());
        m.put("dose", o.dose());
        m.put("analyte", o.analyte().label());
        m.put("site", o.site());
        m.put("statistic", o.statistic());
        m.put("metric", o.metric().name());
        m.put("fromH", o.fromH());
        m.put("toH", Double.isInfinite(o.toH()) ? "inf" : o.toH());
        m.put("observed", o.value());
        m.put("unit", o.unit());
        o.spread().ifPresent(s -> m.put("spread", s));
        o.n().ifPresent(n -> m.put("n", n));
        m.put("read", o.read());
        return m;
    }

    private static Map<String, Object> agreementJson(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comparisons", a.count());
        m.put("fitted", a.fitted());
        if (a.count() > 0) {
            m.put("within1_25Fold", a.within125().getAsDouble());
            m.put("within1_5Fold", a.within15().getAsDouble());
            m.put("within2Fold", a.within2().getAsDouble());
            m.put("geometricMeanFoldError", a.geometricMeanFoldError().getAsDouble());
        }
        return m;
    }
}
