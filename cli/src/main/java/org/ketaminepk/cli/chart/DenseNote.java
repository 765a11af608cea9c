package org.ketaminepk.cli.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The caption line of a chart whose curves are drawn as peak–trough envelopes ({@link DenseCourse}): how many doses
 * (dosing cycles: a bolus with its infusion counts once), and what the bands between peaks and troughs are. Worded for the curves of single patients or for a population's
 * medians and percentile bands.
 */
enum DenseNote {
    /** Each drawn curve is one patient's. */
    CURVES("each curve is drawn as the band between its peaks and its troughs",
            "its curves are drawn as the band between their peaks and their troughs",
            "their curves are drawn as the band between their peaks and their troughs"),
    /** The drawn curves are medians with percentile bands around them. */
    MEDIANS("each median and each percentile band is drawn from its troughs to its peaks",
            "its medians and percentile bands are drawn from their troughs to their peaks",
            "their medians and percentile bands are drawn from their troughs to their peaks");

    private final String all;
    private final String one;
    private final String some;

    DenseNote(String all, String one, String some) {
        this.all = all;
        this.one = one;
        this.some = some;
    }

    /**
     * @param series the profiles drawn
     * @param dense for each, whether it is drawn as envelopes
     * @return the caption line, e.g. "480 doses are too close together to draw one by one: each curve is drawn as
     *         the band between its peaks and its troughs.", or an empty string when no profile is dense
     */
    String text(List<PlotSeries> series, boolean[] dense) {
        List<Integer> counts = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (dense[i]) {
                int n = DenseCourse.cycleStartsH(series.get(i).profile().regimen()).size();
                if (!counts.contains(n)) {
                    counts.add(n);
                }
                named.add(series.get(i).label() + " (" + n + ")");
            }
        }
        if (named.isEmpty()) {
            return "";
        }
        if (named.size() == series.size()) {
            List<String> numbers = new ArrayList<>();
            for (int n : counts) {
                numbers.add(Integer.toString(n));
            }
            return joined(numbers) + " doses are too close together to draw one by one: " + all + ".";
        }
        return "The doses of " + joined(named) + " are too close together to draw one by one: "
                + (named.size() == 1 ? one : some) + ".";
    }

    /** @return "a", "a and b", "a, b and c" */
    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
