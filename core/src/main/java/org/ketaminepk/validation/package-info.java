/**
 * The evidence behind the model library: a table of published ketamine and norketamine exposures
 * ({@link org.ketaminepk.validation.ObservationTable}), each with its source, design and dose written in the dose
 * grammar, and a comparison of every model that applies to a row with the observed value
 * ({@link org.ketaminepk.validation.Validation}).
 *
 * <p>Units inside this package are those of the library: concentrations in ng/mL, areas in ng·h/mL, times in hours.
 * Each observation keeps the value and unit its source printed; conversion happens once, when the table is read.
 *
 * <p>Agreement is reported as the ratio predicted/observed, the share of comparisons within 1.25-, 1.5- and 2-fold,
 * and the geometric mean fold error, exp(mean |ln ratio|). An observation from which a model's parameters were
 * estimated or calibrated is marked as fitted for that model: it shows the model reproduces its own data, not that
 * it predicts new data.
 *
 * <p>Not a clinical validation: the rows are typical values (means, geometric means, medians) of small studies,
 * compared with typical-value predictions.
 */
package org.ketaminepk.validation;
