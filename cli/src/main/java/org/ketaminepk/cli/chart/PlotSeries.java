package org.ketaminepk.cli.chart;

import org.ketaminepk.base.Checks;
import org.ketaminepk.result.Profile;

/**
 * One simulated profile to draw, with the name it carries in the legend (a model id, a protocol, a patient).
 * Every analyte the profile holds is drawn: ketamine solid, norketamine dashed, hydroxynorketamine dotted.
 *
 * @param label legend name; may be empty when the chart holds a single series
 * @param profile the simulated concentrations, ng/mL against hours, with the regimen that produced them
 */
public record PlotSeries(String label, Profile profile) {
    /** Validates; a null label becomes empty. */
    public PlotSeries {
        label = label == null ? "" : label.strip();
        Checks.notNull("plot series profile", profile);
    }

    /**
     * @param newLabel the legend name
     * @return a copy with it
     */
    PlotSeries withLabel(String newLabel) {
        return new PlotSeries(newLabel, profile);
    }
}
