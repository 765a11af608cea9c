package org.ketaminepk.cli.options;

import org.ketaminepk.cli.chart.ChartFiles;

/**
 * The size of a chart file, px, each side between {@value ChartFiles#MIN_SIZE_PX} and
 * {@value ChartFiles#MAX_SIZE_PX}.
 *
 * @param widthPx width, px
 * @param heightPx height, px
 */
public record PlotSize(int widthPx, int heightPx) {
    /** The size the charts are laid out for. */
    static final PlotSize DEFAULT = new PlotSize(ChartFiles.DEFAULT_WIDTH_PX, ChartFiles.DEFAULT_HEIGHT_PX);

    /** @return whether a side of {@code px} pixels is accepted */
    static boolean accepted(int px) {
        return px >= ChartFiles.MIN_SIZE_PX && px <= ChartFiles.MAX_SIZE_PX;
    }
}
