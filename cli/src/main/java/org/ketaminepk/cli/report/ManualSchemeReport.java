package org.ketaminepk.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.ketaminepk.base.Checks;
import org.ketaminepk.dosing.DrugSalt;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.target.ManualScheme;

/**
 * A manual scheme as {@code target --manual} prints it (the rows and lines of its summary), draws it
 * ({@code --plot}) and writes it ({@code --protocol-out}), and as the explorer shows and exports it: one place for
 * both, so the same inputs give the same words and the same bytes. Not for target-controlled schedules
 * ({@link TargetFiles}).
 */
public final class ManualSchemeReport {
    private ManualSchemeReport() {
    }

    /** @return a duration in the unit that suits it: minutes below 2 h ("30 min"), else hours ("4 h") */
    public static String duration(double h) {
        if (h < 2) {
            return Text.sig(Math.round(h * 60 * 10) / 10.0, 4) + " min";
        }
        return Text.sig(Math.round(h * 100) / 100.0, 5) + " h";
    }

    /** @return "mg", or "mg HCl" for a syringe of ketamine hydrochloride */
    public static String form(ManualScheme m) {
        return m.pump().salt() == DrugSalt.HYDROCHLORIDE ? "mg HCl" : "mg";
    }

    /** @return the chart's subtitle, e.g. "Manual scheme for 150 ng/mL for 4 h" */
    public static String title(ManualScheme m) {
        return String.format(Locale.ROOT, "Manual scheme for %s ng/mL for %s", Checks.fmt(m.targetNgPerMl()),
                duration(m.durationH()));
    }

    /** @return the protocol file's name line, e.g. "Manual scheme, 150 ng/mL for 4 h" */
    public static String protocolName(ManualScheme m) {
        return String.format(Locale.ROOT, "Manual scheme, %s ng/mL for %s", Checks.fmt(m.targetNgPerMl()),
                duration(m.durationH()));
    }

    /** @return the file {@code target --manual --protocol-out} writes */
    public static String protocol(ManualScheme m) {
        return m.protocolText(protocolName(m));
    }

    /**
     * The chart of {@code target --manual --plot}: the concentrations the scheme gives with the exact solver.
     *
     * @param ind the individual model the scheme was designed for
     * @param m the scheme
     * @param endH the end of the chart, h
     * @return the chart
     */
    public static JFreeChart chart(IndividualModel ind, ManualScheme m, double endH) {
        return TargetFiles.chart(ind, m.regimen(), endH, title(m), m.warnings(), null);
    }

    /** @return the summary's "target" line, e.g. "150 ng/mL plasma for 4 h, within ±15 %" */
    public static String target(ManualScheme m) {
        return String.format(Locale.ROOT, "%s ng/mL plasma for %s, within ±%s %%", Checks.fmt(m.targetNgPerMl()),
                duration(m.durationH()), Checks.fmt(m.tolerance() * 100));
    }

    /** @return the summary's "syringe" line, e.g. "10 mg/mL base" */
    public static String syringe(ManualScheme m) {
        return Checks.fmt(m.pump().syringeMgPerMl()) + " mg/mL" + (m.pump().salt() == DrugSalt.HYDROCHLORIDE
                ? " ketamine hydrochloride" : " base");
    }

    /**
     * The scheme's table: the bolus, then one row per rate, each as from, to, mL/h and mg/h cells (the bolus row
     * with "bolus", its mL and its mg).
     *
     * @return the rows
     */
    public static List<List<String>> rows(ManualScheme m) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(Text.clock(0), "bolus", Text.sig(m.bolusMl(), 3) + " mL", Text.sig(m.bolusMg(), 4) + " "
                + form(m)));
        for (ManualScheme.RateStep r : m.steps()) {
            rows.add(List.of(Text.clock(r.startH()), Text.clock(r.endH()), Text.sig(r.rateMlPerH(), 4),
                    Text.sig(r.rateMgPerH(), 4)));
        }
        return rows;
    }

    /** @return the summary's "achieved" line: the plasma range, as % of the target, and the time within tolerance */
    public static String achieved(ManualScheme m) {
        return String.format(Locale.ROOT, "plasma %s to %s ng/mL (%s to %s %% of the target); within ±%s %% for %s "
                + "of %s%s", Text.sig(m.minNgPerMl(), 4), Text.sig(m.maxNgPerMl(), 4),
                Text.sig(m.minNgPerMl() / m.targetNgPerMl() * 100, 3), Text.sig(m.maxNgPerMl() / m.targetNgPerMl()
                        * 100, 3), Checks.fmt(m.tolerance() * 100), duration(m.timeWithinH()),
                duration(m.durationH()), m.withinTolerance() ? "" : " - the tolerance is NOT met; widen it or use a "
                        + "target-controlled pump");
    }

    /** @return the summary's "total" line, e.g. "84.8 mg" */
    public static String total(ManualScheme m) {
        return Text.sig(m.totalMg(), 4) + " " + form(m);
    }

    /** @return the summary's "norketamine" line, or empty when the model does not predict norketamine */
    public static Optional<String> norketamine(ManualScheme m) {
        if (!m.hasNorketamine()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s ng/mL at the end, at most %s ng/mL (predicted)",
                Text.sig(m.norketamineEndNgPerMl().getAsDouble(), 4),
                Text.sig(m.norketamineMaxNgPerMl().getAsDouble(), 4)));
    }
}
