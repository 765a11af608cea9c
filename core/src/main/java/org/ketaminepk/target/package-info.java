/**
 * Dosing to a target concentration: target-controlled infusion of the plasma or the effect site
 * ({@link org.ketaminepk.target.TargetController}, after Bailey &amp; Shafer 1991, Jacobs 1990 and Shafer &amp; Gregg
 * 1992), target schedules ({@link org.ketaminepk.target.TargetSchedule}), pump constraints
 * ({@link org.ketaminepk.target.PumpSettings}), the resulting pump schedule ({@link org.ketaminepk.target.TargetPlan})
 * and loading-plus-stepped-rate schemes for pumps without target control
 * ({@link org.ketaminepk.target.ManualScheme}).
 *
 * <p>Units: time in hours (update intervals printed in seconds), pump rates in mL/h and mg/h of the syringe's stated
 * form (base or hydrochloride; the models receive base, converted by {@link org.ketaminepk.dosing.DrugSalt}), amounts
 * in mg, concentrations in ng/mL at the edges and µmol/L inside (converted with the molar masses of
 * {@link org.ketaminepk.base.Analyte}), ke0 in 1/h. Predictions use the exact one-step operators of the linear system
 * ({@link org.ketaminepk.engine.StepPropagator}), so a plan reproduces what the exact solver computes for the same
 * pump schedule. Not a dosing device: it drives a published model's typical values, not a patient's measurements.
 */
package org.ketaminepk.target;
