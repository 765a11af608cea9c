/**
 * Concentration–time charts for the command line: a pure function from simulated profiles to a JFreeChart
 * ({@link org.ketaminepk.cli.chart.ConcentrationChart}), writers for PNG and SVG
 * ({@link org.ketaminepk.cli.chart.ChartFiles}) and a Swing window ({@link org.ketaminepk.cli.chart.ChartWindow}).
 *
 * <p>Units: concentrations in ng/mL, times in hours as the core library gives them; the time axis shows minutes,
 * hours or days, whichever reads best for the span plotted. Charts are laid out for 1600 × 900 pixels and scaled
 * as a whole for other sizes, so that fonts and lines keep their proportions. A course with more dosing cycles than
 * the plot can draw one by one is drawn as the band between its peaks and its troughs
 * ({@link org.ketaminepk.cli.chart.DenseCourse}).
 *
 * <p>Not part of the library: nothing in {@code core} depends on this package.
 */
package org.ketaminepk.cli.chart;
