/**
 * Population simulation with between-patient variability: sampling each virtual patient's random effects from a
 * model's published variability (or a labelled user assumption), virtual patients from a file, from distributions
 * or from a cited reference population, and the summaries of the results (distribution summaries, probabilities,
 * percentile bands over time).
 *
 * <p>Units: concentrations in ng/mL, times in hours, variances (ω², ν²) on the scale of their random effect (log or
 * logit), coefficients of variation in percent. Randomness is always passed in as a seed: each patient draws from an
 * independent stream derived from (seed, patient index), so a seed gives the same population bit for bit on any
 * number of threads.
 *
 * <p>Not a population-fitting tool: nothing here estimates parameters from data. Not a dosing device.
 */
package org.ketaminepk.population;
