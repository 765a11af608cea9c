/**
 * NONMEM-style event datasets: reading event records (ID, TIME, AMT, RATE, CMT, EVID, II, ADDL, SS, MDV, DV and
 * covariates), simulating every individual with a published model, and writing the predictions back as a dataset.
 *
 * <p>Units at this edge: TIME, II and DUR in hours; AMT in mg of ketamine base; RATE in mg/h; DV and every
 * prediction in ng/mL; WT in kg, HT in cm, AGE in years, CRCL in mL/min, EGFR in mL/min/1.73 m². Inside, amounts
 * are µmol as everywhere in the library. Conventions follow PREDPP (NONMEM Users Guide VI §V): EVID 0 observation,
 * 1 dose, 2 other, 3 reset, 4 reset and dose; SS 1 resets to the periodic steady state, SS 2 adds it.
 *
 * <p>Not an estimation tool: datasets are simulated with typical (η = 0) individuals; individual fits to measured
 * levels live in {@code org.ketaminepk.fit}.
 */
package org.ketaminepk.dataset;
