package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.cli.options.PopulationOptions;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.population.PatientDistributions;
import org.ketaminepk.result.AnalyteMetrics;
import org.ketaminepk.result.Band;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** The paired comparison: two series of one regimen are equal patient by patient; ratios leave no NaN. */
class PopulationComparisonTest {
    private static final PublishedModel MODEL = Models.get("otto-2021");
    private static final TimeGrid GRID = TimeGrid.uniform(6, 1.0 / 12);

    private static Run run(String label, String dose) {
        return Run.simulate(label, MODEL, Patient.standardAdult(), null, DoseParser.parse(dose), GRID,
                Band.within(70, 160), "test band", null);
    }

    private static PopulationOptions options(int n) {
        PopulationOptions o = new PopulationOptions();
        o.population = n;
        o.seed = 11L;
        o.vary = PatientDistributions.parse("weight=50..120,age=20..80");
        return o;
    }

    @Test
    void twoIdenticalSeriesHaveARatioOfExactlyOneForEveryPatient() {
        PopulationOptions o = options(50);
        List<Patient> patients = o.patients(null);
        Run a = run("A", "0.5 mg/kg over 40 min");
        Run b = run("B", "0.5 mg/kg over 40 min");
        PopulationComparison c = PopulationComparison.simulate(List.of(a, b), List.of(patients, patients), GRID, o,
                null, new PopulationReport.Progress(null, 50, 2, System::nanoTime));
        assertNotSame(c.series().get(0).outcome(), c.series().get(1).outcome());
        assertTrue(c.sameRandomEffects());
        for (PopulationReport.MetricRow m : c.reference().metricRows()) {
            double[] x = c.series().get(0).outcome().values(m.analyte(), m.metric());
            double[] y = c.series().get(1).outcome().values(m.analyte(), m.metric());
            double[] r = PopulationComparison.ratios(x, y);
            // a metric that can be 0 (hours in the band) leaves those patients out; the rest are exactly 1
            assertEquals(x.length, r.length + (int) java.util.Arrays.stream(x).filter(v -> v == 0).count());
            for (int i = 0; i < r.length; i++) {
                int k = i;
                assertEquals(1.0, r[i], () -> m.analyte() + " " + m.key() + " patient " + k);
            }
        }
        for (PopulationComparison.PairedMetric p : c.paired(1)) {
            assertEquals(0, p.higher(), p::toString);
            assertEquals(1.0, p.ratio().median(), p::toString);
            assertEquals(1.0, p.ratio().percentile(5), p::toString);
            assertEquals(1.0, p.ratio().percentile(95), p::toString);
        }
        StringWriter text = new StringWriter();
        PopulationCompareText.write(new PrintWriter(text), c, false);
        assertFalse(text.toString().contains("NaN"), text::toString);
        assertTrue(text.toString().contains("\n  ketamine AUC 0–6 h\n    B                       1.00        1.00–1.00         0.0 % (0)\n"),
                text::toString);
    }

    @Test
    void aSeriesWithAnotherRegimenDiffersAndCountsThePatientsHigher() {
        PopulationOptions o = options(40);
        List<Patient> patients = o.patients(null);
        PopulationComparison c = PopulationComparison.simulate(List.of(run("A", "35 mg over 40 min"),
                run("B", "0.5 mg/kg over 40 min")), List.of(patients, patients), GRID, o, null,
                new PopulationReport.Progress(null, 40, 2, System::nanoTime));
        PopulationComparison.PairedMetric auc = c.paired(1).stream()
                .filter(p -> p.analyte() == Analyte.KETAMINE && p.key().equals("auc")).findFirst().orElseThrow();
        // 0.5 mg/kg exceeds 35 mg for every patient above 70 kg, and the model is linear in the dose
        double[] weights = patients.stream().mapToDouble(Patient::weightKg).toArray();
        int heavier = (int) java.util.Arrays.stream(weights).filter(w -> w > 70).count();
        assertEquals(heavier, auc.higher());
        double[] x = c.series().get(0).outcome().values(Analyte.KETAMINE, AnalyteMetrics::aucNgHPerMl);
        double[] y = c.series().get(1).outcome().values(Analyte.KETAMINE, AnalyteMetrics::aucNgHPerMl);
        for (int i = 0; i < x.length; i++) {
            int k = i;
            assertEquals(0.5 * weights[i] / 35, y[i] / x[i], 1e-9, () -> "patient " + k);
        }
    }

    @Property(tries = 300)
    void ratiosAreFiniteAndSkipOnlyZeroReferences(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0,
            max = 1e6) Double> reference, @ForAll @DoubleRange(min = 0, max = 1e3) double factor) {
        double[] a = reference.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = new double[a.length];
        int zeros = 0;
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i] * factor;
            zeros += a[i] > 0 ? 0 : 1;
        }
        double[] r = PopulationComparison.ratios(a, b);
        assertEquals(a.length - zeros, r.length);
        for (double v : r) {
            assertTrue(Double.isFinite(v) && Math.abs(v - factor) <= 1e-12 * Math.max(1, factor),
                    () -> v + " for factor " + factor);
        }
        double[] same = PopulationComparison.ratios(a, a);
        for (double v : same) {
            assertEquals(1.0, v);
        }
        for (int i = 0; i < a.length; i++) {
            assertFalse(PopulationComparison.higher(a[i], a[i]));
        }
    }

    @Test
    void ratiosShowThreeDigitsWithoutExponent() {
        assertEquals("1.00", PopulationCompareText.ratio(1));
        assertEquals("1.00", PopulationCompareText.ratio(0.99999999));
        assertEquals("0.00450", PopulationCompareText.ratio(0.0045));
        assertEquals("2.16", PopulationCompareText.ratio(2.1649));
        assertEquals("1230", PopulationCompareText.ratio(1234));
    }
}
