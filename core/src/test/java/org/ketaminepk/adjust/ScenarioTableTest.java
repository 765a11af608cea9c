package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.testing.TestModels;

/**
 * Ketamine and norketamine exposure after 0.35 mg/kg/h for 4 h (the library's racemic composite, and Domino 1984
 * for ketamine) in typical patients: healthy, each Child–Pugh class,
 * eGFR 60/30/15, 85 years, and a 20-kg child. Checks the direction and rough size of every effect and publishes
 * the table.
 */
class ScenarioTableTest {

    static Map<String, Patient> scenarios() {
        Map<String, Patient> s = new LinkedHashMap<>();
        Patient healthy = Patient.standardAdult();
        s.put("healthy 40 y 70 kg", healthy);
        for (ChildPughClass c : ChildPughClass.values()) {
            s.put("Child–Pugh " + c, healthy.withChildPugh(c));
        }
        for (int g : new int[] {60, 30, 15}) {
            s.put("eGFR " + g, healthy.withEgfrMlPerMinPer173m2(g));
        }
        s.put("age 85", healthy.withAgeYears(85));
        s.put("child 6 y 20 kg", new Patient(6, 20, 116, Sex.MALE));
        return s;
    }

    private static double[] auc(PublishedModel m, Patient p) {
        SimulationResult r = Simulation.run(m, p, TestModels.infusion4h(), TestModels.longGrid());
        double k = r.profile().series(Analyte.KETAMINE).aucNgHPerMl();
        double n = r.profile().has(Analyte.NORKETAMINE) ? r.profile().series(Analyte.NORKETAMINE).aucNgHPerMl()
                : Double.NaN;
        return new double[] {k, n};
    }

    @Test
    void exposureTable(TestReporter reporter) {
        Map<String, double[]> comp = new LinkedHashMap<>();
        Map<String, double[]> domino = new LinkedHashMap<>();
        for (Map.Entry<String, Patient> e : scenarios().entrySet()) {
            comp.put(e.getKey(), auc(Models.RACEMIC_COMPOSITE, e.getValue()));
            domino.put(e.getKey(), auc(Models.DOMINO_1984, e.getValue()));
        }
        double[] h = comp.get("healthy 40 y 70 kg");
        double hd = domino.get("healthy 40 y 70 kg")[0];
        for (String k : comp.keySet()) {
            double[] a = comp.get(k);
            Published.entry(reporter, k, String.format(Locale.ROOT,
                    "composite K %.0f (×%.2f) NK %.0f (×%.2f) ng·h/mL; Domino K %.0f (×%.2f)", a[0], a[0] / h[0],
                    a[1], a[1] / h[1], domino.get(k)[0], domino.get(k)[0] / hd));
        }
        // healthy: dose / clearance exactly (98 mg over 84 L/h), AUC 0–240 h
        assertEquals(98.0 / 84 * 1000, h[0], 0.5);
        // worse liver: more ketamine; Child–Pugh C most
        assertTrue(h[0] < comp.get("Child–Pugh A")[0]);
        assertTrue(comp.get("Child–Pugh A")[0] < comp.get("Child–Pugh B")[0]);
        assertTrue(comp.get("Child–Pugh B")[0] < comp.get("Child–Pugh C")[0]);
        assertTrue(comp.get("Child–Pugh C")[0] / h[0] > 1.5);
        // kidney: ketamine barely moves (2 % renal share), norketamine rises
        assertEquals(1.0, comp.get("eGFR 15")[0] / h[0], 0.02);
        assertTrue(h[1] < comp.get("eGFR 60")[1]);
        assertTrue(comp.get("eGFR 60")[1] < comp.get("eGFR 30")[1]);
        assertTrue(comp.get("eGFR 30")[1] < comp.get("eGFR 15")[1]);
        // the elderly: lower hepatic flow, higher ketamine AUC
        assertTrue(comp.get("age 85")[0] / h[0] > 1.2);
        // the child: per-kg dosing with CL ∝ WT^0.75 gives less exposure than in the adult
        assertTrue(comp.get("child 6 y 20 kg")[0] < h[0]);
        assertEquals(Math.pow(20 / 70.0, 0.25), comp.get("child 6 y 20 kg")[0] / h[0], 0.01);
    }
}
