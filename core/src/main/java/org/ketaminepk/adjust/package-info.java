/**
 * The library's standard patient adjustments: how age, liver disease, kidney function, CYP2B6 genotype and
 * interacting co-medication change any model's parameters, through the physiological {@link
 * org.ketaminepk.model.Role} of each parameter and never through a model's name.
 *
 * <p>One immutable record per mechanism says what it does ({@link org.ketaminepk.adjust.AgeEffect}, {@link
 * org.ketaminepk.adjust.ChildPughEffect}, {@link org.ketaminepk.adjust.GenotypeEffect}, {@link
 * org.ketaminepk.adjust.InteractionEffect}, {@link org.ketaminepk.adjust.KidneyEffect}); the published numbers
 * behind them, with their sources, are in {@link org.ketaminepk.adjust.AdjustmentSources}. Hepatic clearance of
 * ketamine follows the well-stirred liver model ({@link org.ketaminepk.adjust.WellStirredLiver}), back-calculated
 * once per model; renal shares of each analyte scale with kidney function. Every change is
 * returned as an {@link org.ketaminepk.model.Adjustment} with its reason and source; every assumption also as a
 * {@link org.ketaminepk.model.Warning}. {@link org.ketaminepk.adjust.PatientReport} gathers the derived patient
 * values and the per-model changes for display.
 *
 * <p>Units: flows and clearances L/h, rate constants 1/h, fractions dimensionless, kidney function mL/min or
 * mL/min/1.73 m². A teaching and protocol-review aid: the numbers show the direction and plausible size of each
 * effect, they are not dosing advice.
 */
package org.ketaminepk.adjust;
