/**
 * From concentration to effect: effect compartments ({@link org.ketaminepk.effect.EffectLink}), published
 * concentration–effect relationships ({@link org.ketaminepk.effect.Endpoints}) and the effect time course of a
 * simulation ({@link org.ketaminepk.effect.EffectSimulation}).
 *
 * <p>Every ke0 says where it comes from: fitted with the PK model it is used with, transferred from another PK
 * model (and how), or guessed (refused unless the caller allows it, and then labelled on every result). Every
 * concentration–effect parameter carries its source; a Hill coefficient or a model form that was not found in the
 * source is labelled as an assumption or an inference, and each such label becomes a warning on every result.
 *
 * <p>Units: time in hours, ke0 in 1/h (printed per minute where the sources print it so), concentrations in ng/mL
 * (a published nmol/mL value is converted once, with the molar mass of {@link org.ketaminepk.base.Analyte}), effects
 * in the unit each endpoint names. Not a dosing device: the endpoints describe the studied populations, not a
 * patient in front of you.
 */
package org.ketaminepk.effect;
