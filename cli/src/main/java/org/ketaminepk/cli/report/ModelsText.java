package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.Route;
import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.population.VariabilityModel;

/** The text of {@code ketamine-pk models}: the list of models, and one model with its sources and parameters. */
public final class ModelsText {
    private ModelsText() {
    }

    /** Prints every model's id, drug form, analytes and population. */
    public static void list(PrintWriter w) {
        Text.Table t = new Text.Table(false, "id", "drug form", "analytes");
        for (PublishedModel m : Models.all()) {
            t.row(m.id(), m.drugForm().label(), analytes(m));
            for (String line : Text.wrap(m.population().description(), 92)) {
                t.row("    " + line);
            }
        }
        for (String line : t.render(0)) {
            w.println(line);
        }
        w.println();
        for (String line : Text.wrap("'ketamine-pk models ID' shows a model's sources and parameters. The default "
                + "model is " + CommonOptions.DEFAULT_MODEL_ID + ".", 100)) {
            w.println(line);
        }
    }

    private static String analytes(PublishedModel m) {
        List<String> names = new ArrayList<>();
        for (Analyte a : m.analytes()) {
            names.add(a.label());
        }
        return String.join(", ", names);
    }

    /** Prints a model's citation, population, validity, routes and parameters with their provenance. */
    public static void show(PrintWriter w, PublishedModel m) {
        for (String line : Text.wrap(m.id() + " · " + m.name(), 100)) {
            w.println(line);
        }
        w.println();
        Citation c = m.citation();
        if (m.composite()) {
            // a composite's citation holds several sources; one per line reads, one run-on reference does not
            field(w, "Built from", c.title());
            List<CitationText.Part> parts = CitationText.parts(c);
            for (int i = 0; i < parts.size(); i++) {
                CitationText.Part part = parts.get(i);
                item(w, i == 0 ? "Sources" : "", part.full() + (part.journal() == null ? " (see Routes)" : ""));
            }
        } else {
            field(w, "Citation", c.authors() + " (" + c.year() + ") " + c.title()
                    + (c.title().endsWith(".") ? " " : ". ") + c.journal() + ".");
        }
        if (c.doi().isPresent()) {
            field(w, "DOI", c.doi().get() + " (" + c.link().orElseThrow() + ")"
                    + (m.composite() ? ", the first source" : ""));
        }
        if (c.url().isPresent()) {
            field(w, "URL", c.url().get());
        }
        field(w, "Drug form", m.drugForm().label() + (m.composite() ? " (composite of several sources)" : ""));
        Population p = m.population();
        String subjects = p.subjects().isPresent() ? "; " + p.subjects().getAsInt() + " subjects" : "";
        field(w, "Population", p.description() + subjects + "; age " + range(p.ageMinYears(), p.ageMaxYears()) + " years, weight "
                + range(p.weightMinKg(), p.weightMaxKg()) + " kg (source: " + p.source() + ")");
        field(w, "Sampling", m.samplingSite().label());
        field(w, "Validity", "age " + range(m.ageMinYears(), m.ageMaxYears()) + " years, weight "
                + range(m.weightMinKg(), m.weightMaxKg()) + " kg; outside this range results carry an "
                + "extrapolation warning");
        field(w, "Time span", m.studiedSpanH().isPresent()
                ? "samples reach " + Checks.minutesOrHours(m.studiedSpanH().getAsDouble()) + " after the first dose ("
                        + m.studiedSpanSource().orElseThrow() + "); a run beyond it carries an extrapolation warning"
                : "how long after the dose the source's samples reach is not recorded here");
        field(w, "Scaling", m.scaling());
        field(w, "Analytes", analytes(m));
        List<String> routes = new ArrayList<>();
        for (Map.Entry<Route, PublishedModel.RouteSource> e : m.routes().entrySet()) {
            routes.add(e.getKey().longName() + ": " + (e.getValue().studied() ? "studied by " : "not studied by "
                    + "the source; taken from ") + e.getValue().source());
        }
        list(w, "Routes", routes, "none");
        list(w, "Assumptions", m.assumptions(), "none: the model is used as published");
        list(w, "Notes", m.notes(), "none");
        w.println();
        w.println("Parameters (value as published, then what it is; provenance; where it was read)");
        Text.Table t = new Text.Table(false, "name", "value", "unit", "weight scaling", "provenance");
        for (Parameter par : m.parameters()) {
            String scaling = par.perKg() ? "× weight" : par.weightExponent() == 0 ? "none"
                    : "(WT/70)^" + Checks.fmt(par.weightExponent());
            t.row(par.name(), Checks.fmt(par.value()), par.unit().symbol(), scaling, par.provenance().label());
            // the description goes under its row: a column of its own would not fit 100 columns
            for (String line : Text.wrap(par.description(), 90)) {
                t.row("    " + line);
            }
        }
        for (String line : t.render(2)) {
            w.println(line);
        }
        w.println();
        w.println("Sources of the parameters");
        for (Parameter par : m.parameters()) {
            wrapped(w, "  " + par.name() + ": ", par.source());
        }
        VariabilityModel variability = VariabilityModel.published(m);
        if (!variability.isEmpty()) {
            // as a population run prints it: each term's scale (log or logit), the between-occasion terms and the
            // residual errors too, a shared source said once
            w.println();
            w.println("Between-patient variability (as 'simulate --population' draws it)");
            VariabilityText.write(w, variability);
        }
    }

    private static String range(double lo, double hi) {
        return Checks.fmt(lo) + "–" + Checks.fmt(hi);
    }

    private static void list(PrintWriter w, String name, List<String> items, String none) {
        if (items.isEmpty()) {
            field(w, name, none);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            item(w, i == 0 ? name : "", items.get(i));
        }
    }

    /** A list item: "- text", continuation lines under the text. */
    private static void item(PrintWriter w, String name, String text) {
        Text.hanging(w, String.format(Locale.ROOT, "%-13s- ", name), " ".repeat(15), text, 84);
    }

    private static void field(PrintWriter w, String name, String value) {
        Text.hanging(w, String.format(Locale.ROOT, "%-13s", name), " ".repeat(13), value, 86);
    }

    private static void wrapped(PrintWriter w, String prefix, String text) {
        Text.hanging(w, prefix, text, Math.max(40, 99 - prefix.length()));
    }
}
