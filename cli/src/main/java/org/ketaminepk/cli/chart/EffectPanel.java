package org.ketaminepk.cli.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.effect.EffectResult;
import org.ketaminepk.effect.Endpoint;
import org.ketaminepk.model.Citation;

/**
 * What {@link EffectChart} adds to a concentration chart: per profile the effect-site curve (drawn on the
 * concentration panel) and the effect (drawn on a panel of its own), or, for a population, the effect's median and
 * percentile bands; and the endpoint's name, source and labelled assumptions for the footer. Immutable.
 *
 * @param title the endpoint's name, as the footer prints it
 * @param source the endpoint's source in short form (authors, year, journal, DOI)
 * @param effectUnit the unit of the effect, or null when the endpoint gives an effect site only (then no effect
 *        panel is drawn)
 * @param baseline the effect without drug, in {@code effectUnit}
 * @param level an effect level to mark, or null
 * @param notes the footer's further lines: the link and where its ke0 comes from, the driving concentration and
 *        each inferred part of the endpoint
 * @param curves one per profile of the chart, in the same order
 * @param bands the population's effect bands, or null
 */
public record EffectPanel(String title, String source, String effectUnit, double baseline, Double level,
        List<String> notes, List<Curve> curves, Bands bands) {

    /**
     * One profile's effect.
     *
     * @param effectSiteName the legend name of its effect-site curve ("S-ketamine at the effect site ...")
     * @param timesH output times, h
     * @param effectSiteNgPerMl effect-site concentration at each time, ng/mL
     * @param effect the effect at each time, in the panel's unit, or null for an effect site only
     */
    public record Curve(String effectSiteName, double[] timesH, double[] effectSiteNgPerMl, double[] effect) {
        /** Checks that the arrays agree. */
        public Curve {
            Checks.notNull("effect-site name", effectSiteName);
            if (timesH.length != effectSiteNgPerMl.length || (effect != null && effect.length != timesH.length)) {
                throw new IllegalArgumentException("times, effect-site concentrations and effects must have one "
                        + "value per time");
            }
        }
    }

    /**
     * The effect over a population: median with the middle 50 % and 90 % of patients.
     *
     * @param timesH display times, h
     * @param p5 5th percentile of the effect at each time
     * @param p25 25th percentile
     * @param p50 median
     * @param p75 75th percentile
     * @param p95 95th percentile
     */
    public record Bands(double[] timesH, double[] p5, double[] p25, double[] p50, double[] p75, double[] p95) {
    }

    /** Validates. */
    public EffectPanel {
        Checks.notNull("effect title", title);
        Checks.notNull("effect source", source);
        notes = List.copyOf(notes);
        curves = List.copyOf(curves);
        if (curves.isEmpty() && bands == null) {
            throw new InvalidInputException("effect curves", "an effect panel needs a curve or bands");
        }
    }

    /** @return whether there is an effect to draw on its own panel */
    public boolean hasEffect() {
        return effectUnit != null;
    }

    /**
     * The panel of one or more effect results of one endpoint, in the order of the chart's profiles.
     *
     * @param results the results
     * @param effectSiteNames the legend name of each result's effect-site curve
     * @param level an effect level to mark, or null
     * @return the panel, with the footer lines read from the endpoint and the results
     */
    public static EffectPanel of(List<EffectResult> results, List<String> effectSiteNames, Double level) {
        if (results.isEmpty() || results.size() != effectSiteNames.size()) {
            throw new IllegalArgumentException("one effect-site name per result");
        }
        Endpoint e = results.get(0).endpoint();
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EffectResult r = results.get(i);
            curves.add(new Curve(effectSiteNames.get(i), r.timesH(), r.effectSiteNgPerMl(),
                    r.effect().orElse(null)));
        }
        return new EffectPanel(e.name(), shortSource(e.citation()), e.hasEffectModel() ? e.effectUnit() : null,
                // without an effect the panel shows the effect-site concentration, 0 ng/mL without drug
                results.get(0).baseline().orElse(0), level, notes(results), curves, null);
    }

    /** @return a copy with population bands of the effect */
    public EffectPanel withBands(Bands b) {
        return new EffectPanel(title, source, effectUnit, baseline, level, notes, curves, b);
    }

    /** "Dahan A, Olofsen E, et al. (2011) Eur J Pain 2011;15(3):258-267, doi:10.1016/...". */
    static String shortSource(Citation c) {
        return c.authors() + " (" + c.year() + ") " + c.journal() + c.doi().map(d -> ", doi:" + d)
                .or(() -> c.url().map(u -> ", " + u)).orElse("");
    }

    /** The link of each distinct model (with its basis), the driver, and the endpoint's inferred parts. */
    private static List<String> notes(List<EffectResult> results) {
        List<String> out = new ArrayList<>();
        for (EffectResult r : results) {
            String model = r.pk().individual().model().id();
            String link = String.format(Locale.ROOT, "Effect site on %s: %s, %s (%s).", model, r.link().describe(),
                    r.link().basis().label().toUpperCase(Locale.ROOT), basisWords(r));
            if (!out.contains(link)) {
                out.add(link);
            }
        }
        for (EffectResult r : results) {
            String driver = "Driven by " + r.driver() + ".";
            if (!out.contains(driver)) {
                out.add(driver);
            }
        }
        List<String> inferred = results.get(0).endpoint().inferences();
        if (!inferred.isEmpty()) {
            out.add("Inferred, not in the source: " + String.join("; ", inferred) + ".");
        }
        return out;
    }

    private static String basisWords(EffectResult r) {
        return switch (r.link().basis()) {
            case FITTED -> "estimated with this PK model";
            case TRANSFERRED -> "estimated with another PK model and carried over";
            case GUESSED -> "given by the user, not estimated from effect data";
        };
    }
}
