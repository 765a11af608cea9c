/**
 * The interactive explorer: {@code ketamine-pk explore} serves a local web page (uPlot from its WebJar, the page's
 * own script and style, all from the class path) and a JSON API that simulates with the library and exports with the
 * command line's chart and report code. Concentrations in ng/mL, times in h, as everywhere in the command line.
 *
 * <p>Not a public web service: it is meant for one teacher or student on their own computer (loopback by default),
 * and bounds every request so that it is safe to leave running.
 */
package org.ketaminepk.cli.explore;
