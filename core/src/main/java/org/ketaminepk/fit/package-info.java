/**
 * Individual curves from measured levels: maximum a posteriori (MAP, "Bayesian") estimates of one patient's random
 * effects, with the model's published between-patient variability Ω as the prior and its published residual error as
 * the likelihood; levels below the limit of quantification enter as censored ({@link org.ketaminepk.fit.MapFit}).
 * Without fitting, {@link org.ketaminepk.fit.LevelCheck} sets levels against a model's predictions (ratio and
 * geometric mean fold error). Levels are read by {@link org.ketaminepk.fit.LevelsCsv}. Concentrations in ng/mL, times
 * in hours, as everywhere at the library's edges.
 *
 * <p>A teaching and review tool, not therapeutic drug monitoring software: an individual curve says how this model
 * explains these levels, not what dose to give.
 */
package org.ketaminepk.fit;
